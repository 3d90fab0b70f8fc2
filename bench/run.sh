#!/usr/bin/env bash
# Build the bench preset, run bench/pipeline_bench.cpp, print ratios (docs/performance.md).
#
#   bench/run.sh [--quick] [--checks] [--strict] [--corpus|--corpus-only] [-- extra Google Benchmark flags]
#
#   --quick   one repetition, short minimum time (a smoke run; ratios are noisier)
#   --checks  also time every check alone (BM_Check/<id>/...)
#   --strict  exit 1 when end-to-end exceeds BUDGET (default 3) x baseline or a layer is super-linear
#             (with --corpus: also when a whole-corpus figure is over its budget, below)
#   --corpus  also the whole-program figures (issue 15): `doisoat check --format json` on a synthetic
#             corpus made from reports/ by bench/make_corpus.py (CORPUS_MB, default 20 MB, digits
#             perturbed, regions renamed per round) with --jobs 1 and --jobs 2, the same at each of
#             CORPUS_SCALES (default "1 4 16") times the corpus for linearity, and one LINE_MB (default
#             50) MB document on a single line (time and peak memory). Each time is wall clock, the
#             fastest of REPETITIONS runs, divided by the floor of the same input measured in this run
#             (`doisoat_bench --floor`: read + ICU UTF-8 check + NFC of every file on one thread).
#             Budgets: jobs 1 <= 3x, jobs 2 <= 2x, time(16x)/(16 time(1x)) <= 1.1, the line <= 10x
#             the floor and <= 10x its size in memory.
#   --corpus-only  the whole-corpus figures alone
#
# Environment: DOISOAT_BENCH_MB (reports size at scale 1, default 1; longpara is 5x),
# DOISOAT_BENCH_STRESS_MB (shortlines and numbers, default 1/32), BUDGET, REPETITIONS, MIN_TIME.
# Times are CPU times, the minimum over the repetitions: the least disturbed run on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0 checks=0 strict=0 corpus=0
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1 ;;
    --checks) checks=1 ;;
    --strict) strict=1 ;;
    --corpus) corpus=1 ;;
    --corpus-only) corpus=2 ;;
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

layers_rc=0
if [[ $corpus != 2 ]]; then
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
layers_rc=$?
fi

if [[ $corpus != 0 ]]; then
  mb=${CORPUS_MB:-20} line_mb=${LINE_MB:-50}
  scales=${CORPUS_SCALES:-1 4 16}
  dirs=()
  for s in $scales; do
    d=build/bench/corpus/x$s-$mb
    [[ -d $d ]] || python3 bench/make_corpus.py "$d" --mb "$(python3 -c "print($mb * $s)")" >/dev/null
    dirs+=("$s=$d")
  done
  line=build/bench/corpus/line-$line_mb
  [[ -d $line ]] || python3 bench/make_corpus.py "$line" --mb "$line_mb" --line >/dev/null
  python3 - "$reps" "$strict" "$mb" "$line/line.txt" "${dirs[@]}" <<'PY'
import os, subprocess, sys, time
reps, strict, mb, line = int(sys.argv[1]), sys.argv[2] == "1", sys.argv[3], sys.argv[4]
scaled = [(int(a.split("=")[0]), a.split("=", 1)[1]) for a in sys.argv[5:]]
bench, tool, sink = "./build/bench/doisoat_bench", "./build/bench/doisoat", "build/bench/corpus/out.json"
failed = []

def floor(path):
    env = dict(os.environ, REPETITIONS=str(reps))
    secs, size = subprocess.run([bench, "--floor", path], env=env, check=True, capture_output=True, text=True).stdout.split()
    return float(secs), int(size)

def check(path, jobs):
    """Fastest wall time of `check --format json`, and the peak resident memory of that run (KB)."""
    best, rss = 1e300, 0
    for _ in range(reps):
        start = time.monotonic()
        p = subprocess.Popen([tool, "check", path, "--format", "json", "--fail-on", "never", "--no-suppressions",
                              "--jobs", str(jobs), "-o", sink])
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.monotonic() - start
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"bench: doisoat check {path} failed")
        if wall < best:
            best, rss = wall, usage.ru_maxrss
    return best, rss

print(f"\n== Whole program: doisoat check --format json, wall time / floor of the same input (this run)")
per_scale = {}
for s, d in scaled:
    f, size = floor(d)
    t1, m1 = check(d, 1)
    t2, _ = check(d, 2) if s == scaled[0][0] else (None, None)
    per_scale[s] = (f, t1)
    files = sum(len(x[2]) for x in os.walk(d))
    row = f"corpus x{s:<3} {size / 1048576:7.1f} MB {files:5d} files  floor {f:7.3f} s  --jobs 1 {t1 / f:6.1f}x"
    if t2 is not None:
        row += f"  --jobs 2 {t2 / f:6.1f}x  (speed-up {t1 / t2:.2f})"
        if t1 / f > 3: failed.append(f"corpus x{s} --jobs 1: {t1 / f:.1f}x the floor (budget 3x)")
        if t2 / f > 2: failed.append(f"corpus x{s} --jobs 2: {t2 / f:.1f}x the floor (budget 2x)")
    print(row + f"  peak {m1 / 1024:.0f} MB")
s0 = scaled[0][0]
for s, _ in scaled[1:]:
    f0, t0 = per_scale[s0]
    f, t = per_scale[s]
    growth = t / (s / s0 * t0)
    print(f"growth x{s0} -> x{s}: time(x{s}) / ({s // s0} time(x{s0})) = {growth:.2f} (against the floor's own {f / (s / s0 * f0):.2f}; 1.0 is linear)")
    if growth > 1.1: failed.append(f"corpus x{s0} -> x{s}: {growth:.2f} of linear (budget 1.1)")
f, size = floor(line)
t, rss = check(line, 1)
print(f"one line   {size / 1048576:7.1f} MB  floor {f:7.3f} s  check {t / f:6.1f}x the floor, peak memory {rss * 1024 / size:.1f}x its size ({rss / 1024:.0f} MB)")
if t / f > 10: failed.append(f"single line: {t / f:.1f}x the floor (budget 10x)")
if rss * 1024 / size > 10: failed.append(f"single line: {rss * 1024 / size:.1f}x its size in memory (budget 10x)")
if failed:
    print("\nWhole program over budget:")
    for x in failed:
        print("  " + x)
sys.exit(1 if strict and failed else 0)
PY
  corpus_rc=$?
  [[ $corpus_rc == 0 ]] || exit $corpus_rc
fi
exit $layers_rc
