#!/usr/bin/env python3
"""Review list of the number grammar: every number of each report with its reading.

Runs `doisoat extract --format json FILE...` and prints, per file and in text order, each
quantity (value, unit, dimension, scale factor, precision, qualifiers, sign, malformed + hint)
and each number that is not a quantity (its kind), then per-file counts.

usage: scripts/review_numbers.py [--bin build/dev/doisoat] [--counts-only] [--kind KIND]
                                 [--malformed] FILE...
"""
import argparse
import collections
import json
import subprocess
import sys


def fmt_value(v):
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return repr(v)


def quantity_line(q):
    parts = [f"{q['line']}:{q['column']}", "Q", repr(q["text"]), "=", ("-" if q.get("negative") else "") + fmt_value(q["value"])]
    if q.get("unit"):
        parts.append(f"[{q['unit']}]")
    parts.append(q.get("dimension", ""))
    if q.get("scale", 1) != 1:
        parts.append(f"×{q['scale']:g}")
    parts.append(f"p{q.get('precision', 0)}")
    for qual in q.get("qualifiers", []):
        parts.append(f"({qual})")
    if "malformed" in q:
        hint = q.get("hint")
        parts.append(f"MALFORMED: {q['malformed']}" + (f" → {fmt_value(hint)}" if hint is not None else ""))
    return " ".join(p for p in parts if p)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default="build/dev/doisoat", help="path of the doisoat binary")
    ap.add_argument("--counts-only", action="store_true", help="print only the per-file counts")
    ap.add_argument("--kind", action="append", default=[],
                    help="list only non-quantities of this kind (repeatable); 'Q' for quantities")
    ap.add_argument("--malformed", action="store_true", help="list only malformed quantities")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()

    proc = subprocess.run([args.bin, "extract", "--format", "json", *args.files], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr)
        return 2
    data = json.loads(proc.stdout)

    totals = collections.Counter()
    for doc in data["documents"]:
        qs = doc.get("quantities", [])
        nqs = doc.get("non_quantities")
        if nqs is None:
            sys.stderr.write("warning: this binary's extract JSON has no non_quantities\n")
            nqs = []
        items = [((q["line"], q["column"]), "Q", q) for q in qs] + [((n["line"], n["column"]), "N", n) for n in nqs]
        items.sort(key=lambda x: x[0])
        by_kind = collections.Counter(n["kind"] for n in nqs)
        malformed = sum(1 for q in qs if "malformed" in q)
        print(f"== {doc['path']}")
        if not args.counts_only:
            for _, what, x in items:
                if what == "Q":
                    if args.kind and "Q" not in args.kind:
                        continue
                    if args.malformed and "malformed" not in x:
                        continue
                    print("  " + quantity_line(x))
                else:
                    if args.malformed or (args.kind and x["kind"] not in args.kind):
                        continue
                    print(f"  {x['line']}:{x['column']} N {x['text']!r} {x['kind']}")
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items()))
        print(f"  numbers {len(qs) + len(nqs)}: quantities {len(qs)} (malformed {malformed}), "
              f"non-quantities {len(nqs)} ({kinds})")
        totals["numbers"] += len(qs) + len(nqs)
        totals["quantities"] += len(qs)
        totals["non_quantities"] += len(nqs)
        totals["malformed"] += malformed
    if len(data["documents"]) > 1:
        print(f"== total: numbers {totals['numbers']}, quantities {totals['quantities']} "
              f"(malformed {totals['malformed']}), non-quantities {totals['non_quantities']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
