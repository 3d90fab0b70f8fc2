#!/usr/bin/env python3
"""Claims of the real reports, for review by hand.

Runs `doisoat extract --format json` on each report file and prints, per file: the count of
claims per kind and verdict, then every claim (line, kind, verdict, stated, computed, quote),
then the count of uncovered numbers (figures in assertive sentences that no claim uses).

    scripts/review_claims.py [--bin build/dev/doisoat] [--kind ratio] [--verdict discrepancy] [PATH...]

PATH defaults to the reports/ folder of the repository (every .txt/.md file in it, sorted).
Exit code: 0 when every file was read, 2 when doisoat could not run on one of them.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VERDICTS = ["consistent", "consistent_truncated", "discrepancy", "unchecked"]
KINDS = ["ratio", "percent_of_plan", "sum", "part_bound", "pp_difference", "share", "growth",
         "abs_change", "repeat", "cross_report", "malformed_number"]


def default_binary():
    for preset in ("dev", "release", "claimsfx", "asan"):
        p = os.path.join(ROOT, "build", preset, "doisoat")
        if os.access(p, os.X_OK):
            return p
    return os.path.join(ROOT, "build", "dev", "doisoat")


def report_files(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for d, _, files in os.walk(p):
                out += [os.path.join(d, f) for f in files if f.endswith((".txt", ".md"))]
        else:
            out.append(p)
    return sorted(out)


def extract(binary, path):
    proc = subprocess.run([binary, "extract", "--format", "json", "--quiet", path],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{path}: doisoat exited {proc.returncode}: {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def number(v):
    if v is None:
        return "-"
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.6g}" if isinstance(v, float) else str(v)


def one_line(s, width):
    s = " ".join(str(s).split())
    return s if len(s) <= width else s[: width - 1] + "…"


def print_document(doc, args, totals):
    claims = [c for c in doc.get("claims", [])
              if (not args.kind or c["kind"] in args.kind) and (not args.verdict or c["verdict"] in args.verdict)]
    uncovered = doc.get("summary", {}).get("uncovered", 0)
    print(f"== {doc['path']}  ({doc.get('region') or '?'}, {doc.get('period') or '?'})")
    per = collections.Counter((c["kind"], c["verdict"]) for c in claims)
    kinds = sorted({k for k, _ in per}, key=lambda k: KINDS.index(k) if k in KINDS else len(KINDS))
    if kinds:
        print(f"   {'kind':<17}" + "".join(f"{v:>22}" for v in VERDICTS) + f"{'total':>8}")
        for k in kinds:
            row = [per[(k, v)] for v in VERDICTS]
            print(f"   {k:<17}" + "".join(f"{n:>22}" for n in row) + f"{sum(row):>8}")
    print(f"   claims: {len(claims)}, uncovered numbers: {uncovered}")
    for c in sorted(claims, key=lambda c: (c["line"], c["column"], c["kind"])):
        reason = f"  [{c['reason']}]" if c.get("reason") else ""
        print(f"   {c['line']:>5}:{c['column']:<4} {c['kind']:<17} {c['verdict']:<21} "
              f"stated={number(c.get('stated')):<12} computed={number(c.get('computed')):<12} "
              f"«{one_line(c['quote'], args.width)}»{reason}")
    print()
    totals["files"] += 1
    totals["uncovered"] += uncovered
    for c in claims:
        totals[(c["kind"], c["verdict"])] += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", default=[os.path.join(ROOT, "reports")])
    ap.add_argument("--bin", default=None, help="path of the doisoat binary (default: build/dev/doisoat or another preset's)")
    ap.add_argument("--kind", action="append", help="only claims of this kind (repeatable)")
    ap.add_argument("--verdict", action="append", choices=VERDICTS, help="only claims with this verdict (repeatable)")
    ap.add_argument("--width", type=int, default=110, help="longest quote printed (characters)")
    args = ap.parse_args()
    binary = args.bin or default_binary()
    if not os.access(binary, os.X_OK):
        sys.exit(f"review_claims: no doisoat binary at {binary} (build it, or pass --bin)")
    files = report_files(args.paths)
    if not files:
        sys.exit("review_claims: no report files in " + " ".join(args.paths))
    totals = collections.Counter()
    failed = 0
    for f in files:
        try:
            data = extract(binary, f)
        except (RuntimeError, json.JSONDecodeError) as e:
            print(f"== {f}\n   ERROR: {e}\n", file=sys.stderr)
            failed += 1
            continue
        for doc in data.get("documents", []):
            print_document(doc, args, totals)
    print(f"== all {totals['files']} files")
    kinds = sorted({k for k in totals if isinstance(k, tuple)}, key=lambda kv: (KINDS.index(kv[0]) if kv[0] in KINDS else 99))
    print(f"   {'kind':<17}" + "".join(f"{v:>22}" for v in VERDICTS) + f"{'total':>8}")
    for k in sorted({k for k, _ in kinds}, key=lambda k: KINDS.index(k) if k in KINDS else 99):
        row = [totals[(k, v)] for v in VERDICTS]
        print(f"   {k:<17}" + "".join(f"{n:>22}" for n in row) + f"{sum(row):>8}")
    print(f"   claims: {sum(n for k, n in totals.items() if isinstance(k, tuple))}, uncovered numbers: {totals['uncovered']}")
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
