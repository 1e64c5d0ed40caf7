"""Scores a Harbor law module on a benchmark CSV as SLDBench scores: law(test rows, group) per
group, concatenate groups, per target NMSE = MSE / Var, R2 = 1 - mean NMSE. Prints JSON {r2}.
Usage: score_harbor.py LAW.py DATA.csv"""
import csv, importlib.util, json, sys
import numpy as np

spec = importlib.util.spec_from_file_location("law", sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
rows = list(csv.DictReader(open(sys.argv[2])))
groups = []
for r in rows:
    if r["group"] not in groups:
        groups.append(r["group"])
P, T = [], []
for g in groups:
    te = [r for r in rows if r["group"] == g and r["split"] == "test"]
    if not te:
        continue
    out = m.law([{c: float(r[c]) for c in m.FEATURES} for r in te], g)
    P.append([[o[t] for t in m.TARGETS] for o in out])
    T.append([[float(r[t]) for t in m.TARGETS] for r in te])
P, T = np.concatenate(P), np.concatenate(T)
nmse = float((((T - P) ** 2).mean(0) / T.var(0)).mean())
print(json.dumps({"r2": 1 - nmse}))
