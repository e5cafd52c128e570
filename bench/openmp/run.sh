#!/usr/bin/env bash
# Speed-up of generated gradients with OpenMP threads, beside the function's:
#   bench/openmp/run.sh [path/to/adgen]
# Generates kernels.adgen.cpp, compiles it with -O2 -fopenmp, runs it with
# OMP_NUM_THREADS=1 and 2 (the gradients use the same parallel loops as the
# functions: their backward sweeps are parallel loops too).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
adgen=${1:-$here/../../build/tool/adgen}
out=${TMPDIR:-/tmp}/adgen-bench-openmp
mkdir -p "$out"
"$adgen" "$here/kernels.cpp" -o "$out/kernels.adgen.cpp" -- -std=c++17
g++ -std=c++17 -O2 -fopenmp -DADGEN_BENCH_DRIVER -I"$here/../../include" \
  "$out/kernels.adgen.cpp" -o "$out/bench-openmp"
for t in 1 2; do
  echo "OMP_NUM_THREADS=$t"
  OMP_NUM_THREADS=$t "$out/bench-openmp"
done
