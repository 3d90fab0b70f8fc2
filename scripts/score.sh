#!/usr/bin/env bash
# Measure doisoat against the corpus answer keys (../shared/corpus/answers) with the shared scorer.
# usage: scripts/score.sh [BUILD_DIR]   (default build/dev); prints one block per report and totals.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/dev}/doisoat"
shared="${SHARED:-../shared}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
docs=()
while IFS=$'\t' read -r corpus file; do docs+=("$corpus=reports/$file"); done < <(
  python3 -c 'import json; [print(r["corpus_name"], r["file"], sep="\t") for r in json.load(open("reports/index.json"))["reports"]]')
"$bin" extract --format json reports/ > "$out/extract.json"
"$bin" check --format json --fail-on never reports/ > "$out/findings.json"
for d in "${docs[@]}"; do
  echo "== ${d%%=*}"
  python3 "$shared/tools/score.py" --truth "$shared/corpus/answers" --extract "$out/extract.json" \
    --findings "$out/findings.json" --doc "$d" ${VERBOSE:+} | { if [[ -n "${VERBOSE:-}" ]]; then cat; else grep -v '^  '; fi; }
done
