#!/usr/bin/env bash
# Build the libFuzzer targets (the `fuzz` preset: clang-14, ASan + UBSan) and run each of them
# for SECONDS on its seed corpus (issue 14). CI runs `scripts/fuzz.sh --ci` from .ci/run.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   default 60 seconds per target, every target
#   scripts/fuzz.sh --ci                    10 seconds per target; a crash, leak or timeout fails
#   FUZZ_RUNS=N scripts/fuzz.sh SECONDS     also stop a target after N executions
#   FUZZ_MAX_LEN=N                          inputs of at most N bytes (default: per target)
#
# Corpora: build/fuzz/corpus/<target> (grows across runs) on top of the seeds made from
# reports/ and fixtures/ (fuzz/make_seeds.py), fuzz/seeds/ and fuzz/regressions/<target>/
# (every crash found, kept; each also has a regression test in tests/). A crash writes its input
# to build/fuzz/artifacts/<target>/ and the script exits 1 after running every target.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
if [[ "${1:-}" == "--ci" ]]; then
  seconds=10
  shift
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
all_targets=(fuzz_number fuzz_config fuzz_load fuzz_docx fuzz_claims)
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=("${all_targets[@]}")

if ! command -v clang++-14 > /dev/null; then
  echo "fuzz: clang++-14 is missing; run scripts/setup.sh --test" >&2
  exit 2
fi
cmake --preset fuzz > build-fuzz-configure.log 2>&1 || { cat build-fuzz-configure.log >&2; exit 2; }
rm -f build-fuzz-configure.log
cmake --build --preset fuzz --target "${targets[@]}" | grep -v '^\[' || true
for t in "${targets[@]}"; do
  [[ -x build/fuzz/$t ]] || { echo "fuzz: build/fuzz/$t was not built" >&2; exit 2; }
done

seeds=$(mktemp -d build/fuzz/seeds.XXXXXX)
trap 'rm -rf "$seeds"' EXIT
python3 fuzz/make_seeds.py "$seeds"

max_len() {
  case $1 in
    fuzz_number) echo 64 ;;
    fuzz_claims) echo 400 ;;  # as fuzz/make_seeds.py cuts its seeds
    fuzz_docx) echo 8192 ;;
    *) echo 2048 ;;
  esac
}

failed=()
printf '%-12s %12s %8s %s\n' target executions exec/s result
for t in "${targets[@]}"; do
  corpus=build/fuzz/corpus/$t
  artifacts=build/fuzz/artifacts/$t
  mkdir -p "$corpus" "$artifacts" "fuzz/regressions/$t"
  runs=()
  [[ -n "${FUZZ_RUNS:-}" ]] && runs=(-runs="$FUZZ_RUNS")
  dict=()
  [[ -f fuzz/${t#fuzz_}.dict ]] && dict=(-dict="fuzz/${t#fuzz_}.dict")
  log=build/fuzz/$t.log
  set +e
  nice "build/fuzz/$t" -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-$(max_len "$t")}" -timeout=20 -rss_limit_mb=3072 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" "${runs[@]}" \
    "$corpus" "$seeds/$t" "fuzz/regressions/$t" > "$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  if [[ $rc -eq 0 ]]; then
    printf '%-12s %12s %8s ok\n' "$t" "${execs:-0}" "${speed:-0}"
  else
    printf '%-12s %12s %8s FAILED (exit %d; see %s)\n' "$t" "${execs:-0}" "${speed:-0}" "$rc" "$log"
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -5 >&2 || true
    failed+=("$t")
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz: ${failed[*]} failed; the crashing inputs are in build/fuzz/artifacts/" >&2
  exit 1
fi
