#!/usr/bin/env bash
# The facts store at scale on both back ends (issue 17; figures in docs/store.md): 10,000 stored
# reports, the cross-report look-ups for one new report, 8 concurrent writers.
#   bench/store.sh [--reports N] [--writers N] [--per-writer N]   (passed to doisoat_store_bench)
# Builds the dev preset; PostgreSQL runs in a throwaway cluster (scripts/pg_test_cluster.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset dev >/dev/null
cmake --build --preset dev --target doisoat_store_bench
bench=build/dev/doisoat_store_bench
work=$(mktemp -d /tmp/doisoat-store-bench.XXXXXX)
state="$work/pg"
trap 'scripts/pg_test_cluster.sh stop "$state" >/dev/null; rm -rf "$work"' EXIT
status=0

echo "== SQLite"
"$bench" --db "$work/facts.sqlite" "$@" || status=1

echo "== PostgreSQL"
scripts/pg_test_cluster.sh start "$state"
if [[ -f "$state/uri" ]]; then
  uri=$(cat "$state/uri")
  psql "$uri" -qc "CREATE DATABASE facts_bench" >/dev/null
  "$bench" --db "${uri/\/postgres\?//facts_bench?}" "$@" || status=1
else
  echo "PostgreSQL benchmark not run: $(cat "$state/skip")"
  status=1
fi
exit $status
