#!/usr/bin/env python3
"""Times an SLDBench-style program's fit_scaling_law on the train rows of a CSV, per group, the way
lawsearch's bench times its own fit: warm-up once, then repeat until MIN_SECONDS have passed.
Usage: time_program.py PROGRAM.py DATA.csv TARGET FEATURES(comma) MIN_SECONDS
Prints JSON: seconds_per_fit (all groups), train_mse (pooled over groups), fits."""
import csv, importlib.util, json, sys, time
import numpy as np

prog, data, target, features, min_seconds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(","), float(sys.argv[5])
spec = importlib.util.spec_from_file_location("law", prog)
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)

rows = list(csv.DictReader(open(data)))
groups = {}
for r in rows:
    if r.get("split", "train").strip().lower() == "train":  # as lawsearch reads split: trimmed, any case
        groups.setdefault(r.get("group", "all"), []).append(r)
sets = [(np.array([[float(r[f]) for f in features] for r in rs]), np.array([float(r[target]) for r in rs]))
        for _, rs in sorted(groups.items())]

def fit_all():
    return [m.fit_scaling_law(X, y) for X, y in sets]

params = fit_all()  # warm-up
fits, t0 = 0, time.perf_counter()
while True:
    params = fit_all()
    fits += 1
    if time.perf_counter() - t0 >= min_seconds:
        break
dt = (time.perf_counter() - t0) / fits
sse = sum(float(((np.asarray(m.scaling_law_func(X, p)).reshape(-1) - y) ** 2).sum()) for (X, y), p in zip(sets, params))
n = sum(len(y) for _, y in sets)
print(json.dumps({"seconds_per_fit": dt, "train_mse": sse / n, "fits": fits}))
