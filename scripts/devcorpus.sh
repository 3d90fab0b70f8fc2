#!/usr/bin/env bash
# Runs doisoat over a folder of texts nobody keyed (the development corpus of news articles,
# restored outside the project by ../shared/devcorpus/restore.sh) and prints what a session
# compares before and after a change: documents, claims per kind, findings per check, exit
# codes per document and time. Each document is also checked on its own, so a crash, a hang
# (timeout) or an exit 2 is pinned to its file.
#   scripts/devcorpus.sh [--bin BUILD/doisoat] [--out DIR] FOLDER
# --out keeps check.json and extract.json of the whole folder there (for sample_findings.py).
set -euo pipefail
bin=build/dev/doisoat; out=""
while [[ $# -gt 1 ]]; do
  case "$1" in
    --bin) bin="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) break ;;
  esac
done
folder="${1:?usage: scripts/devcorpus.sh [--bin BIN] [--out DIR] FOLDER}"
[[ -x "$bin" ]] || { echo "devcorpus: no binary $bin (build first)" >&2; exit 2; }
work="${out:-$(mktemp -d)}"; mkdir -p "$work"
[[ -n "$out" ]] || trap 'rm -rf "$work"' EXIT

start=$(date +%s.%N)
set +e
"$bin" check "$folder" --format json --fail-on never -o "$work/check.json"; check_rc=$?
"$bin" extract "$folder" --format json -o "$work/extract.json"; extract_rc=$?
set -e
end=$(date +%s.%N)

# One process per document: exit codes and the files that crash, hang or cannot be read.
: >"$work/exits.tsv"
while IFS= read -r -d '' f; do
  set +e
  timeout 20 "$bin" check "$f" --format json --no-suppressions >/dev/null 2>"$work/stderr.txt"
  rc=$?
  set -e
  printf '%s\t%s\t%s\n' "$rc" "$f" "$(head -c 300 "$work/stderr.txt" | tr '\n\t' '  ')" >>"$work/exits.tsv"
done < <(find "$folder" -type f -print0 | sort -z)

python3 - "$work" "$check_rc" "$extract_rc" "$start" "$end" <<'PY'
import collections, json, sys
work, check_rc, extract_rc, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
print(f"check exit {check_rc}, extract exit {extract_rc}, both in {end - start:.2f} s")
if check_rc not in (0, 1) or extract_rc not in (0, 1):
    sys.exit(f"devcorpus: the whole-folder run failed (exit {check_rc}/{extract_rc})")
check = json.load(open(f"{work}/check.json"))
extract = json.load(open(f"{work}/extract.json"))
docs = extract["documents"]
kinds = collections.Counter(c["kind"] for d in docs for c in d["claims"])
verdicts = collections.Counter(c["verdict"] for d in docs for c in d["claims"])
print(f"documents {len(docs)}, quantities {sum(len(d['quantities']) for d in docs)}, claims {sum(kinds.values())}")
print("claims per kind:    " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
print("claims per verdict: " + ", ".join(f"{k} {n}" for k, n in sorted(verdicts.items())))
findings = check["findings"]
per_check = collections.Counter(f["check"] for f in findings)
sev = collections.Counter(f["severity"] for f in findings)
files = collections.Counter(f["path"] for f in findings)
print(f"findings {len(findings)} ({', '.join(f'{k} {n}' for k, n in sorted(sev.items()))}) in {len(files)} of {len(docs)} documents")
print("findings per check: " + ", ".join(f"{k} {n}" for k, n in per_check.most_common()))
hist = collections.Counter(min(files.get(d["path"], 0), 5) for d in docs)
print("documents by findings: " + ", ".join(f"{'5+' if k == 5 else k}: {n}" for k, n in sorted(hist.items())))
exits = collections.Counter()
bad = []
for line in open(f"{work}/exits.tsv", encoding="utf-8"):
    rc, path, err = line.rstrip("\n").split("\t", 2)
    exits[rc] += 1
    if rc not in ("0", "1"):
        bad.append((rc, path, err))
print("exit per document: " + ", ".join(f"{k}: {n}" for k, n in sorted(exits.items())))
for rc, path, err in bad:
    print(f"  exit {rc} {path}: {err}")
sys.exit(1 if bad else 0)
PY
