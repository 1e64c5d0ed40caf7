#!/usr/bin/env python3
"""Helpers of scripts/generalisation-suite (not meant to be run by hand).

    generalisation_suite.py references README.md
        prints task|target|reference R² for each row of the README's markdown table (the extra
        sweeps' README: columns `task`, `target`, `reference R²`; a Unicode minus reads as -)
    generalisation_suite.py eval-r2 JSON_FILE
        prints `r2` of an `eval --json` output, or nothing when it has none
    generalisation_suite.py report OUTDIR
        reads OUTDIR/tasks.tsv (task, kind, target, data, reference; one line each) and
        OUTDIR/json/TASK.seed-S.json (discover --json output; empty or absent: the run failed),
        prints the suite's tables and writes OUTDIR/suite.json
"""
import json
import math
import os
import sys


def reference_rows(readme):
    """(task, target, reference R² or "") for each row of the README's markdown table."""
    with open(readme, encoding="utf-8") as f:
        lines = [line.strip() for line in f]
    header = None
    for line in lines:
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if header is None:
            header = [c.lower() for c in cells]
            continue
        if all(set(c) <= set("-: ") for c in cells):
            continue
        if not {"task", "target", "reference r²"} <= set(header):
            continue
        row = dict(zip(header, cells))
        ref = row["reference r²"].replace("\u2212", "-")
        try:
            float(ref)
        except ValueError:
            ref = ""
        yield row["task"], row["target"], ref


def references(readme):
    for task, target, ref in reference_rows(readme):
        print(f"{task}|{target}|{ref}")


def eval_r2(path):
    try:
        with open(path, encoding="utf-8") as f:
            r2 = json.load(f).get("r2")
        if isinstance(r2, (int, float)):
            print(repr(float(r2)))
    except (OSError, ValueError, AttributeError):
        pass


def shape_of(run):
    """The run's shape verdict: discover --json's runs[i].shape, else the run's result.json."""
    shape = run.get("shape")
    if not isinstance(shape, dict) and run.get("run_dir"):
        try:
            with open(os.path.join(run["run_dir"], "result.json"), encoding="utf-8") as f:
                shape = json.load(f).get("shape")
        except (OSError, ValueError, AttributeError):
            shape = None
    if isinstance(shape, dict) and isinstance(shape.get("sound"), bool):
        return shape["sound"], shape.get("detail") or ""
    return None, ""


def read_run(path, seed):
    """One seed's result: ok False when discover failed or reported no test R²."""
    run = {}
    try:
        with open(path, encoding="utf-8") as f:
            run = json.load(f)["runs"][0]
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        run = {}
    if not isinstance(run, dict):
        run = {}
    r2 = run.get("r2")
    ok = isinstance(r2, (int, float)) and math.isfinite(r2)
    sound, detail = shape_of(run) if run else (None, "")
    return {"seed": seed, "ok": ok, "r2": r2 if ok else None, "validation_r2": run.get("validation_r2"),
            "sound": sound, "shape_detail": detail, "law": run.get("law"), "n_params": run.get("n_params"),
            "seconds": run.get("seconds"), "run_dir": run.get("run_dir")}


def fmt(x, digits=6):
    return f"{x:.{digits}f}" if isinstance(x, (int, float)) else "-"


def trunc(s, n=80):
    s = s or ""
    return s if len(s) <= n else s[:n - 3] + "..."


def report(out):
    meta = {}
    with open(os.path.join(out, "meta.tsv"), encoding="utf-8") as f:
        for line in f:
            k, _, v = line.rstrip("\n").partition("\t")
            meta[k] = v
    seeds = meta["seeds"].split()
    tasks = []
    with open(os.path.join(out, "tasks.tsv"), encoding="utf-8") as f:
        for line in f:
            name, kind, target, data, ref = line.rstrip("\n").split("\t")
            runs = [read_run(os.path.join(out, "json", f"{name}.seed-{s}.json"), int(s)) for s in seeds]
            good = [r for r in runs if r["ok"]]
            r2s = [r["r2"] for r in good]
            judged = [r for r in good if r["sound"] is not None]
            best = max(good, key=lambda r: r["r2"]) if good else None
            tasks.append({
                "task": name, "kind": kind, "target": target, "data": data,
                "reference_r2": float(ref) if ref else None,
                "best": max(r2s) if r2s else None, "mean": sum(r2s) / len(r2s) if r2s else None,
                "min": min(r2s) if r2s else None, "spread": max(r2s) - min(r2s) if r2s else None,
                "failed": len(runs) - len(good),
                "sound": sum(1 for r in judged if r["sound"]) if judged else None,
                "sound_of": len(judged),
                "best_seed": best["seed"] if best else None, "best_law": best["law"] if best else None,
                "runs": runs})

    print(f"generalisation suite: {len(tasks)} tasks, seeds {' '.join(seeds)}, {meta['time']} per run, "
          f"threads {meta['threads']}, commit {meta['commit']}")
    print()
    w = max([len("task")] + [len(t["task"]) for t in tasks])
    print(f"{'task':<{w}}  {'reference':>9}  {'best':>9}  {'mean':>9}  {'min':>9}  {'spread':>8}  {'sound':>5}  law (best seed)")
    for t in tasks:
        ref = fmt(t["reference_r2"], 4) if t["reference_r2"] is not None else "failed"
        sound = f"{t['sound']}/{t['sound_of']}" if t["sound"] is not None else "?"
        if t["best"] is None:
            print(f"{t['task']:<{w}}  {ref:>9}  {'failed':>9}  {'-':>9}  {'-':>9}  {'-':>8}  {sound:>5}")
            continue
        print(f"{t['task']:<{w}}  {ref:>9}  {fmt(t['best']):>9}  {fmt(t['mean']):>9}  {fmt(t['min']):>9}  "
              f"{fmt(t['spread']):>8}  {sound:>5}  {trunc(t['best_law'])}")
    failed = [f"{t['task']} ({t['failed']} of {len(seeds)})" for t in tasks if t["failed"]]
    if failed:
        print(f"failed seeds, left out of best/mean/min: {', '.join(failed)}")
    print()
    print("every seed:")
    print(f"{'task':<{w}}  {'seed':>4}  {'test R²':>9}  {'valid R²':>9}  {'sound':>5}  law")
    for t in tasks:
        for r in t["runs"]:
            if not r["ok"]:
                print(f"{t['task']:<{w}}  {r['seed']:>4}  {'failed':>9}  {fmt(r['validation_r2']):>9}  {'-':>5}  {r['law'] or ''}".rstrip())
                continue
            sound = "?" if r["sound"] is None else ("yes" if r["sound"] else "no")
            detail = f"  [{r['shape_detail']}]" if r["sound"] is False and r["shape_detail"] else ""
            print(f"{t['task']:<{w}}  {r['seed']:>4}  {fmt(r['r2']):>9}  {fmt(r['validation_r2']):>9}  {sound:>5}  {r['law']}{detail}")

    doc = {"time": meta["time"], "seeds": [int(s) for s in seeds], "threads": int(meta["threads"]),
           "commit": meta["commit"], "started": meta["started"], "tasks": tasks}
    with open(os.path.join(out, "suite.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")


def main(argv):
    if len(argv) == 2 and argv[0] == "references":
        references(argv[1])
    elif len(argv) == 2 and argv[0] == "eval-r2":
        eval_r2(argv[1])
    elif len(argv) == 2 and argv[0] == "report":
        report(argv[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
