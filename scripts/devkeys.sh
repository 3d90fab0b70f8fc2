#!/usr/bin/env bash
# usage: scripts/devkeys.sh BIN   -- score BIN (a doisoat binary) against the hand keys in bench/devkeys
# for the 20 development articles listed in bench/devkeys/picked.txt (restored to ../devcorpus, or $DEVCORPUS). Prints a per-file table and totals,
# then the full score.py report (missed claims, trap hits, false alarms) for all files.
set -euo pipefail
BIN=${1:?usage: scripts/devkeys.sh BIN}
KEYS=$(cd "$(dirname "$0")/../bench/devkeys" && pwd)
CORPUS=${DEVCORPUS:-$(cd "$(dirname "$0")/.." && pwd)/../devcorpus}
SCORE=${SHARED:-$(cd "$(dirname "$0")/.." && pwd)/../shared}/tools/score.py
OUT=$(mktemp -d /tmp/keyscore.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

mapfile -t NAMES < "$KEYS/picked.txt"
PATHS=(); DOCS=()
for n in "${NAMES[@]}"; do
  [ -n "$n" ] || continue
  p="$CORPUS/$n"
  [ -f "$p" ] || { echo "missing $p" >&2; exit 2; }
  [ -f "$KEYS/${n%.txt}.jsonl" ] || { echo "missing key for $n" >&2; exit 2; }
  PATHS+=("$p"); DOCS+=(--doc "$n=$p")
done

for i in 1 2 3; do [ -x "$BIN" ] && break; echo "waiting for $BIN ..." >&2; sleep 60; done
"$BIN" extract --format json "${PATHS[@]}" > "$OUT/extract.json"
"$BIN" check --format json --fail-on never "${PATHS[@]}" > "$OUT/findings.json"

for n in "${NAMES[@]}"; do
  [ -n "$n" ] || continue
  python3 "$SCORE" --truth "$KEYS" --extract "$OUT/extract.json" --findings "$OUT/findings.json" \
    --doc "$n=$CORPUS/$n" --json > "$OUT/one.json"
  python3 - "$n" "$OUT/one.json" >> "$OUT/rows.tsv" <<'PY'
import json, sys
r = json.load(open(sys.argv[2]))
print("\t".join(str(x) for x in [sys.argv[1], r["checkable"], r["found"], r["discrepancies"], r["detected"],
                                  r["false_alarms_keyed"], r["findings_unkeyed"], r["trap_hits"], r["traps"]]))
PY
done
python3 "$SCORE" --truth "$KEYS" --extract "$OUT/extract.json" --findings "$OUT/findings.json" "${DOCS[@]}" --json > "$OUT/all.json"

python3 - "$OUT/rows.tsv" "$OUT/all.json" <<'PY'
import json, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
a = json.load(open(sys.argv[2]))
print("| file | claims keyed | found | recall | disc. keyed/detected | false alarms (keyed + unkeyed findings) | trap hits / traps |")
print("|---|---:|---:|---:|---:|---:|---:|")
for f, ck, fd, dk, dd, fak, fu, th, tr in rows:
    ck, fd = int(ck), int(fd)
    rec = f"{fd/ck:.2f}" if ck else "-"
    print(f"| {f[:60]} | {ck} | {fd} | {rec} | {dk}/{dd} | {fak} + {fu} | {th}/{tr} |")
print(f"| **total** | **{a['checkable']}** | **{a['found']}** | **{a['recall']}** | **{a['discrepancies']}/{a['detected']}** | "
      f"**{a['false_alarms_keyed']} + {a['findings_unkeyed']}** | **{a['trap_hits']}/{a['traps']}** |")
print()
print(f"verdict agreement on found: {a['verdict_agreement']}; detection recall: {a['detection_recall']}")
print("per kind (found/keyed):", ", ".join(f"{k} {v}" for k, v in a["per_kind"].items()))
PY
echo
echo "== score.py report, all files =="
python3 "$SCORE" --truth "$KEYS" --extract "$OUT/extract.json" --findings "$OUT/findings.json" "${DOCS[@]}"
