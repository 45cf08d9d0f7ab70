#!/usr/bin/env python3
# Runs `sdw run` on every model of a test-models checkout (SDXorg layout: tests/<name>/*.mdl with
# output.tab or output.csv beside it) and compares with the reference output by the pass rule of
# ../shared/conformance/README.md. Prints one line per folder and a summary. Tooling only: no test relies
# on it, because the whole suite is not shipped beside the project (the 38 folders CI has run in ctest).
# Usage: scripts/compare-test-models.py SDW TESTS_DIR [--ext mdl|xmile|stmx] [--data-file NAME]
import argparse
import csv
import glob
import math
import os
import subprocess
import sys

CONTROL = {"time", "initialtime", "finaltime", "timestep", "saveper"}


def key(name):
    """Names match case-insensitively, with quotes dropped and spaces and underscores alike (here: dropped)."""
    return name.replace('"', "").lower().replace(" ", "").replace("_", "")


def read_table(path):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:  # Vensim writes its .tab files in the system's code page
        text = raw.decode("latin-1")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    delimiter = "\t" if path.endswith(".tab") else ","
    return list(csv.reader(text.splitlines(), delimiter=delimiter))


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def passes(sim, ref):
    if math.isnan(sim) or math.isnan(ref):
        return math.isnan(sim) and math.isnan(ref)
    return abs(sim - ref) <= 1e-4 * max(abs(sim), abs(ref)) or (abs(ref) < 3e-6 and abs(sim) < 1e-6)


def compare(ref_rows, out_rows):
    """(values compared, values that differ, first difference)."""
    columns = {key(h): i for i, h in enumerate(out_rows[0])}
    times = {}
    for i, row in enumerate(out_rows[1:], start=1):
        t = number(row[0])
        if t is not None:
            times[round(t, 9)] = i
    compared, differ, first = 0, 0, ""
    for j, name in enumerate(ref_rows[0]):
        k = columns.get(key(name))
        if j == 0 or k is None or key(name) in CONTROL:
            continue
        for row in ref_rows[1:]:
            if j >= len(row) or row[j].strip() == "":
                continue
            t, ref = number(row[0]), number(row[j])
            i = times.get(round(t, 9)) if t is not None else None
            if ref is None or i is None:
                continue
            sim = number(out_rows[i][k]) if k < len(out_rows[i]) else None
            compared += 1
            if sim is None or not passes(sim, ref):
                differ += 1
                first = first or f"{name} at {t}: reference {ref}, sdw {sim}"
    return compared, differ, first


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("sdw")
    ap.add_argument("tests")
    ap.add_argument("--ext", default="mdl")
    ap.add_argument("--data-file", default="data.tab", help="passed with --data when a folder has it")
    args = ap.parse_args()
    args.sdw = os.path.abspath(args.sdw)
    counts = {}
    for folder in sorted(glob.glob(os.path.join(args.tests, "*", ""))):
        name = os.path.basename(folder.rstrip("/"))
        models = sorted(glob.glob(os.path.join(folder, "*." + args.ext)))
        refs = [p for p in (os.path.join(folder, "output.tab"), os.path.join(folder, "output.csv")) if os.path.exists(p)]
        if not models or not refs:
            continue
        for model in models:  # a folder may hold several (a test and the model that made its data)
            label = name if len(models) == 1 else name + "/" + os.path.basename(model)
            command = [args.sdw, "run", os.path.basename(model)]
            if os.path.exists(os.path.join(folder, args.data_file)):
                command += ["--data", args.data_file]
            try:
                run = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=folder)
            except subprocess.TimeoutExpired:
                verdict, detail = "TIMEOUT", ""
            else:
                if run.returncode != 0:
                    errors = [l for l in run.stderr.splitlines() if " error " in l]
                    verdict, detail = "REFUSED", (errors or run.stderr.splitlines() or [""])[0]
                else:
                    compared, differ, first = compare(read_table(refs[0]), list(csv.reader(run.stdout.splitlines())))
                    verdict = "PASS" if compared and not differ else ("NO-COLUMNS" if not compared else "DIFFERS")
                    detail = f"{compared} values, {differ} differ" + (f"; first: {first}" if first else "")
            counts[verdict] = counts.get(verdict, 0) + 1
            print(f"{verdict:10} {label:48} {detail[:220]}")
    print("summary: " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
