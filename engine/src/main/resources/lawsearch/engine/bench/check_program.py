#!/usr/bin/env python3
"""Checks, without running it, that PROGRAM.py is a program time_program.py can time: Python that
parses and names fit_scaling_law and scaling_law_func at its top level (a def, an assignment or an
import). Usage: check_program.py PROGRAM.py. Prints nothing and exits 0 when it is; otherwise one
line on stderr, "LINE:COLUMN: what" or "what", and exit code 1."""
import ast, sys

path = sys.argv[1]
try:
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
except SyntaxError as e:
    sys.exit(f"{e.lineno}:{e.offset}: {e.msg}")
except (UnicodeDecodeError, ValueError) as e:
    sys.exit(f"not a UTF-8 Python file ({e})")

names = set()
for node in tree.body:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        names.add(node.name)
    elif isinstance(node, ast.Assign):
        names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        names.update((a.asname or a.name).split(".")[0] for a in node.names)
missing = [n for n in ("fit_scaling_law", "scaling_law_func") if n not in names]
if missing:
    sys.exit("defines no " + " and no ".join(missing) + " (an SLDBench program defines scaling_law_func and fit_scaling_law)")
