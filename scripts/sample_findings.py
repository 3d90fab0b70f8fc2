#!/usr/bin/env python3
"""Prints a reproducible random sample of findings with the text around each, for judging by
reading: is it a real inconsistency of the document, or a misreading?

    scripts/sample_findings.py CHECK.json [--n 100] [--seed 2026] [--width 500] [--tsv]

CHECK.json is `doisoat check --format json` output (scripts/devcorpus.sh --out keeps one).
--n 0 prints every finding. --tsv prints one row per finding (n, file, line, check, message)
with empty verdict/why columns to fill in.
"""
import argparse, json, os, random

ap = argparse.ArgumentParser()
ap.add_argument("check_json")
ap.add_argument("--n", type=int, default=100)
ap.add_argument("--seed", type=int, default=2026)
ap.add_argument("--width", type=int, default=500)
ap.add_argument("--tsv", action="store_true")
args = ap.parse_args()

findings = json.load(open(args.check_json, encoding="utf-8"))["findings"]
findings.sort(key=lambda f: (f["path"], f["line"], f["column"], f["check"]))
sample = findings if args.n <= 0 or args.n >= len(findings) else random.Random(args.seed).sample(findings, args.n)
sample.sort(key=lambda f: (f["path"], f["line"], f["column"], f["check"]))
lines_of = {}

def line_text(path, line):
    if path not in lines_of:
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                lines_of[path] = fh.read().split("\n")
        except OSError:
            lines_of[path] = []
    ls = lines_of[path]
    return ls[line - 1] if 0 < line <= len(ls) else ""

if args.tsv:
    print("n\tfile\tline\tcheck\tmessage\tverdict\twhy")
for n, f in enumerate(sample, 1):
    name = os.path.basename(f["path"])
    if args.tsv:
        print(f"{n}\t{name}\t{f['line']}\t{f['check']}\t{f['message']}\t\t")
        continue
    text = line_text(f["path"], f["line"])
    col = f["column"] - 1
    lo = max(0, col - args.width // 2)
    snippet = ("…" if lo else "") + text[lo:lo + args.width] + ("…" if lo + args.width < len(text) else "")
    print(f"## {n}. {name}:{f['line']}:{f['column']} [{f['check']}] {f['severity']}")
    print(f"message: {f['message']}")
    print(f"quote:   {f['quote']}")
    for r in f.get("related") or []:
        where = "" if r["path"] == f["path"] else os.path.basename(r["path"]) + ":"
        print(f"related: {where}{r['line']}:{r['column']} {r['quote']} ({r.get('message', '')})")
    print(f"text:    {snippet}")
    print()
