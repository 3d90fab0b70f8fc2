#!/usr/bin/env bash
# Build the bench preset, run bench/pipeline_bench.cpp, print ratios (docs/performance.md).
#
#   bench/run.sh [--quick] [--checks] [--strict] [-- extra Google Benchmark flags]
#
#   --quick   one repetition, short minimum time (a smoke run; ratios are noisier)
#   --checks  also time every check alone (BM_Check/<id>/...)
#   --strict  exit 1 when end-to-end exceeds BUDGET (default 3) x baseline or a layer is super-linear
#
# Environment: DOISOAT_BENCH_MB (reports size at scale 1, default 1; longpara is 5x),
# DOISOAT_BENCH_STRESS_MB (shortlines and numbers, default 1/32), BUDGET, REPETITIONS, MIN_TIME.
# Times are CPU times, the minimum over the repetitions: the least disturbed run on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0 checks=0 strict=0
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1 ;;
    --checks) checks=1 ;;
    --strict) strict=1 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

reps=${REPETITIONS:-3}
min_time=${MIN_TIME:-0.5}
if [[ $quick == 1 ]]; then reps=1; min_time=0.05; fi
filter='^BM_(Baseline|Load|Numbers|Claims|Analyze|CheckEndToEnd)/'
[[ $checks == 1 ]] && filter='^BM_'

cmake --preset bench >/dev/null
cmake --build --preset bench

out=build/bench/pipeline.json
./build/bench/doisoat_bench --benchmark_filter="$filter" --benchmark_repetitions="$reps" \
  --benchmark_min_time="$min_time" --benchmark_out="$out" --benchmark_out_format=json \
  ${extra[@]+"${extra[@]}"}

python3 - "$out" "${BUDGET:-3}" "$strict" <<'PY'
import json, sys
from collections import defaultdict

path, budget, strict = sys.argv[1], float(sys.argv[2]), sys.argv[3] == "1"
runs = json.load(open(path))["benchmarks"]
best = {}   # (bench, input, scale) -> min cpu time (ns)
for r in runs:
    if r.get("run_type") != "iteration" or r.get("error_occurred"):
        continue
    parts = r["run_name"].split("/")
    bench, inp, scale = "/".join(parts[:-2]), parts[-2], int(parts[-1][1:])
    t = r["cpu_time"] * {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[r["time_unit"]]
    key = (bench, inp, scale)
    best[key] = min(best.get(key, t), t)

inputs = list(dict.fromkeys(k[1] for k in best))
scales = sorted({k[2] for k in best})
layers = ["BM_Load", "BM_Numbers", "BM_Claims", "BM_Analyze", "BM_CheckEndToEnd"]
failed = []

print("\n== Cost per layer, as a multiple of BM_Baseline (read + ICU UTF-8 check + NFC), scale 1")
print(f"{'input':<12}" + "".join(f"{l[3:]:>16}" for l in layers))
for inp in inputs:
    base = best.get(("BM_Baseline", inp, 1))
    if not base:
        continue
    row = f"{inp:<12}"
    for l in layers:
        t = best.get((l, inp, 1))
        row += f"{t / base:>15.1f}x" if t else f"{'-':>16}"
    print(row)

print(f"\n== End-to-end / baseline per input and scale (budget {budget:g}x)")
print(f"{'input':<12}" + "".join(f"{'x%d' % s:>12}" for s in scales))
for inp in inputs:
    row = f"{inp:<12}"
    for s in scales:
        b, e = best.get(("BM_Baseline", inp, s)), best.get(("BM_CheckEndToEnd", inp, s))
        if b and e:
            ratio = e / b
            row += f"{ratio:>11.1f}x"
            if ratio > budget:
                failed.append(f"{inp} x{s}: end-to-end {ratio:.1f}x baseline")
        else:
            row += f"{'-':>12}"
    print(row)

print("\n== Scaling: time(xk) / (k * time(x1)); 1.0 is linear, flagged when above 1.5")
benches = list(dict.fromkeys(k[0] for k in best))
print(f"{'benchmark':<44}" + "".join(f"{'x%d' % s:>8}" for s in scales if s > 1))
for bench in benches:
    for inp in inputs:
        t1 = best.get((bench, inp, 1))
        if not t1:
            continue
        row, flag = f"{bench + '/' + inp:<44}", ""
        for s in scales:
            if s == 1:
                continue
            t = best.get((bench, inp, s))
            if not t:
                row += f"{'-':>8}"
                continue
            r = t / (s * t1)
            row += f"{r:>8.2f}"
            # Tiny timings are noise; judge only what takes a measurable share.
            if r > 1.5 and t > 1e6:
                flag = "  SUPER-LINEAR"
        if flag:
            failed.append(f"{bench}/{inp}: super-linear")
        print(row + flag)

if failed:
    print("\nOver budget or super-linear:")
    for f in failed:
        print("  " + f)
sys.exit(1 if strict and failed else 0)
PY
