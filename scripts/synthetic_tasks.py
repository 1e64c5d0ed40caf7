#!/usr/bin/env python3
"""Synthetic scaling-law tasks with known laws: the one generator behind scripts/generalisation-check
and scripts/generalisation-suite.

    scripts/synthetic_tasks.py OUTDIR [TASK ...]   writes OUTDIR/TASK.csv (default: every task)
    scripts/synthetic_tasks.py --list              prints name|target|generating law|its bounds

Deterministic: the same bytes on every run, whichever tasks are asked for. vocab, compute, moe and
hyper draw their noise from one generator in that order (so they are what generalisation-check
always generated); moe_variants, hyper_wd, hyper_many and accuracy have generators of their own;
hyper_logged is hyper's rows with two columns logged. Every task: noise of 0.3% of the loss
(accuracy: 0.005 added, a benchmark's sampling error), split column with test = the largest runs.
"""
import csv
import itertools
import os
import sys

import numpy as np

# name -> (target, generating law, its bounds): what `lawsearch eval` fits to score the law's own form.
TASKS = {
    "vocab": ("loss", "E + A*non_vocab_params^(-alpha) + B*log(vocab_size/v0)^2",
              "v0 in [1e3, 1e6]; alpha in [0, 2]"),
    "compute": ("loss", "E + A*(flops/1e17)^(-alpha)", "alpha in [0, 2]"),
    "moe": ("loss", "E + A*(dense_params/1e9)^(-alpha)/(1 + k*log(num_experts))", "alpha in [0, 2]; k >= 0"),
    "hyper": ("loss", "E + A*(model_size/1e9)^(-alpha) + B*(train_tokens/1e10)^(-beta)"
                      " + k*(log(learning_rate/1e-3) - o - p*log(model_size/1e9))^2 + w*(log(weight_decay/0.1) - q)^2",
              "alpha in [0, 2]; beta in [0, 2]"),
    # The router type is not a column: the law sees repeats of one configuration that differ by the
    # variant's factor, as in a real sweep that varies something the law is not given.
    "moe_variants": ("loss", "E + A*(dense_params/1e9)^(-alpha)/(1 + k*log(num_experts))",
                     "alpha in [0, 2]; k >= 0"),
    # hyper's rows with the learning rate and weight decay given as their log10, as many sweeps tabulate them.
    "hyper_logged": ("loss", "E + A*(model_size/1e9)^(-alpha) + B*(train_tokens/1e10)^(-beta)"
                             " + k*(log10_lr - o - p*log(model_size/1e9))^2 + w*(log10_wd - q)^2",
                     "alpha in [0, 2]; beta in [0, 2]"),
    # A weight decay swept over 0.01, 0.1, 1 (in [0, 1], yet no proportion), beside learning rate, warmup, beta2.
    "hyper_wd": ("loss", "E + A*(model_size/1e9)^(-a1) + B*(train_tokens/1e10)^(-b1)"
                         " + k*(log(learning_rate/1e-3) - o - p*log(model_size/1e9))^2 + w*(log(weight_decay/0.1) - q)^2"
                         " + v*(log(warmup/1000) - s)^2 + u*(beta2 - t)^2",
                 "a1 in [0, 2]; b1 in [0, 2]"),
    # Four hyper-parameters, more than the templates' full quadratic form takes.
    "hyper_many": ("loss", "E + A*(model_size/1e9)^(-a1) + B*(train_tokens/1e10)^(-b1)"
                           " + k*(log(learning_rate/1e-3) - o - p*log(model_size/1e9))^2"
                           " + k2*(log(batch_size/256) - o2 - p2*log(train_tokens/1e10))^2"
                           " + w*(log(weight_decay/0.1) - q)^2 + v*(log(warmup/1000) - s)^2",
                   "a1 in [0, 2]; b1 in [0, 2]"),
    # Downstream accuracy on two benchmarks (4 and 2 choices) through the loss, as Gadre et al. 2024
    # model it: error = chance - k*exp(-g*loss), the loss Chinchilla's; fitted: chance, k, g per benchmark.
    "accuracy": ("accuracy", "1 - q + k*exp(-g*(1.8 + 400*params^(-0.34) + 410*tokens^(-0.28)))",
                 "q in [0, 1]; k >= 0; g in [0, 5]"),
}


def noisy(rng, y):
    return float(y * (1 + 0.003 * rng.standard_normal()))


def shared_tasks():
    """vocab, compute, moe, hyper: one generator, drawn in this order."""
    rng = np.random.default_rng(20261123)
    out = {}

    # vocab: non-vocabulary parameters × vocabulary size, two groups; test = the largest model.
    rows = []
    for g, (e, a, al, b, v0) in {"web": (1.8, 30.0, 0.28, 0.09, 3e4), "code": (1.2, 26.0, 0.30, 0.12, 5e4)}.items():
        for n in np.geomspace(3e7, 3e9, 7):
            for v in np.geomspace(4e3, 2.56e5, 7):
                y = e + a * n ** -al + b * np.log(v / v0) ** 2
                rows.append([g, "test" if n > 2e9 else "train", f"{n:.6g}", f"{v:.6g}", noisy(rng, y)])
    out["vocab"] = (["group", "split", "non_vocab_params", "vocab_size", "loss"], rows)

    # compute: loss against training FLOPs alone; test = the largest budgets.
    rows = []
    for c in np.geomspace(1e17, 1e22, 30):
        y = 1.7 + 2.4 * (c / 1e17) ** -0.11
        rows.append(["all", "test" if c > 1.5e21 else "train", f"{c:.6g}", noisy(rng, y)])
    out["compute"] = (["group", "split", "flops", "loss"], rows)

    # moe: dense parameters × number of experts, with the experts' benefit saturating in log;
    # test = the largest dense model.
    rows = []
    for n in np.geomspace(3e7, 3e9, 8):
        for x in [1, 2, 4, 8, 16, 32, 64]:
            y = 1.6 + 4.0 * (n / 1e9) ** -0.18 / (1 + 0.07 * np.log(x))
            rows.append(["all", "test" if n > 2e9 else "train", f"{n:.6g}", x, noisy(rng, y)])
    out["moe"] = (["group", "split", "dense_params", "num_experts", "loss"], rows)

    # hyper: a learning-rate × weight-decay sweep at six model sizes and three token budgets; the best
    # learning rate falls with model size. test = the largest model, so its whole sweep.
    rows = []
    for n in np.geomspace(5e7, 2e9, 6):
        for r in [10, 20, 40]:
            for lr in np.geomspace(1e-4, 1e-2, 7):
                for wd in [0.01, 0.03, 0.1, 0.3]:
                    y = (1.75 + 0.45 * (n / 1e9) ** -0.32 + 0.6 * (r * n / 1e10) ** -0.27
                         + 0.05 * np.log(lr / (2e-3 * (n / 1e8) ** -0.3)) ** 2 + 0.015 * np.log(wd / 0.1) ** 2)
                    rows.append(["test" if n > 1.5e9 else "train", f"{n:.6g}", f"{r * n:.6g}", f"{lr:.6g}", wd,
                                 noisy(rng, y)])
    out["hyper"] = (["split", "model_size", "train_tokens", "learning_rate", "weight_decay", "loss"], rows)
    return out


def moe_variants():
    """moe_variants: the moe law on a real MoE sweep's layout: dense parameters (8 sizes) × experts
    (1–64), each configuration trained with three router types whose losses differ by a fixed factor
    (−1.5%, 0, +2%) the law cannot see (no router column). test = the largest dense size, all rows."""
    rng = np.random.default_rng(20261124)
    routers = {"token_choice_top1": 1.0, "token_choice_top2": 0.985, "expert_choice": 1.02}
    rows = []
    for n in np.geomspace(3e7, 3e9, 8):
        for x in [1, 2, 4, 8, 16, 32, 64]:
            y = 1.6 + 4.0 * (n / 1e9) ** -0.18 / (1 + 0.07 * np.log(x))
            for factor in routers.values():
                rows.append(["all", "test" if n > 2e9 else "train", f"{n:.6g}", x, noisy(rng, y * factor)])
    return {"moe_variants": (["group", "split", "dense_params", "num_experts", "loss"], rows)}


def hyper_logged(hyper):
    """hyper_logged: hyper's rows, learning rate and weight decay replaced by their log10."""
    header, rows = hyper
    out = [[r[0], r[1], r[2], f"{np.log10(float(r[3])):.6g}", f"{np.log10(float(r[4])):.6g}", r[5]] for r in rows]
    return {"hyper_logged": (["split", "model_size", "train_tokens", "log10_lr", "log10_wd", "loss"], out)}


def hyper_sweep(seed, columns, axes, terms):
    """A learning-rate sweep at five model sizes and two token budgets, crossed with the other
    hyper-parameters' values (axes, named by columns); the loss is hyper's floor and
    learning-rate bowl plus terms(n, tokens, *values), added in order; log-normal noise of
    0.3%. test = the largest model."""
    rng = np.random.default_rng(seed)
    rows = []
    for n in np.geomspace(5e7, 2e9, 5):
        for r in [10, 40]:
            for lr in np.geomspace(1e-4, 1e-2, 5):
                for values in itertools.product(*axes):
                    y = 1.75
                    for t in [0.45 * (n / 1e9) ** -0.32, 0.6 * (r * n / 1e10) ** -0.27,
                              0.05 * np.log(lr / (2e-3 * (n / 1e8) ** -0.3)) ** 2, *terms(n, r * n, *values)]:
                        y = y + t
                    y *= np.exp(rng.normal(0, 0.003))
                    rows.append(["test" if n > 1.5e9 else "train", f"{n:.6g}", f"{r * n:.6g}", f"{lr:.6g}", *values, float(y)])
    return (["split", "model_size", "train_tokens", "learning_rate", *columns, "loss"], rows)


def hyper_wd():
    """hyper_wd: learning rate, weight decay (0.01, 0.1, 1), warmup and beta2."""
    return {"hyper_wd": hyper_sweep(7, ["weight_decay", "warmup", "beta2"],
                                    [[0.01, 0.1, 1.0], [100, 1000, 10000], [0.9, 0.95, 0.99]],
                                    lambda n, d, wd, wu, b2: [0.015 * np.log(wd / 0.1) ** 2, 0.01 * np.log(wu / 1500) ** 2,
                                                              0.5 * (b2 - 0.96) ** 2 * 10])}


def hyper_many():
    """hyper_many: learning rate (optimum falling with model size), batch size (optimum growing with
    tokens), weight decay and warmup."""
    return {"hyper_many": hyper_sweep(11, ["batch_size", "weight_decay", "warmup"],
                                      [[64, 256, 1024], [0.01, 0.1, 1.0], [100, 1000, 10000]],
                                      lambda n, d, bs, wd, wu: [0.02 * np.log(bs / (256 * (d / 1e10) ** 0.3)) ** 2,
                                                                0.015 * np.log(wd / 0.1) ** 2, 0.01 * np.log(wu / 1500) ** 2])}


def accuracy():
    """accuracy: two benchmarks' accuracy over model size × tokens (5 to 80 per parameter), rising from
    chance (0.25, 0.5) in an S-shape along log compute; additive noise of 0.005 (a benchmark's sampling
    error). test = the two largest models."""
    rng = np.random.default_rng(20261130)
    rows = []
    for g, (chance, k, gamma) in {"four_choice": (0.75, 16.0, 1.76), "two_choice": (0.5, 6.3, 1.5)}.items():
        for n in np.geomspace(3e7, 7e9, 8):
            for r in [5, 10, 20, 40, 80]:
                loss = 1.8 + 400 * n ** -0.34 + 410 * (r * n) ** -0.28
                acc = 1 - (chance - k * np.exp(-gamma * loss)) + rng.normal(0, 0.005)
                rows.append([g, "test" if n > 3e9 else "train", f"{n:.6g}", f"{r * n:.6g}", f"{acc:.5f}"])
    return {"accuracy": (["group", "split", "params", "tokens", "accuracy"], rows)}


def main(argv):
    if argv[:1] == ["--list"]:
        for name, (target, law, bounds) in TASKS.items():
            print(f"{name}|{target}|{law}|{bounds}")
        return 0
    if not argv or argv[0].startswith("-"):
        print("usage: scripts/synthetic_tasks.py OUTDIR [TASK ...] | --list", file=sys.stderr)
        return 2
    out, names = argv[0], argv[1:] or list(TASKS)
    unknown = [n for n in names if n not in TASKS]
    if unknown:
        print(f"synthetic_tasks.py: unknown task {', '.join(unknown)} (known: {' '.join(TASKS)})", file=sys.stderr)
        return 2
    shared = shared_tasks()
    tables = {**shared, **moe_variants(), **hyper_logged(shared["hyper"]), **hyper_wd(), **hyper_many(), **accuracy()}
    os.makedirs(out, exist_ok=True)
    for name in names:
        header, rows = tables[name]
        with open(os.path.join(out, f"{name}.csv"), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
