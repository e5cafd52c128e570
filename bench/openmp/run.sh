#!/usr/bin/env bash
# Speed-up of generated gradients from 1 to 2 OpenMP threads, beside the
# function's own speed-up:
#   bench/openmp/run.sh [path/to/adgen]
# Generates kernels.adgen.cpp and compiles it with -O2 -fopenmp; the driver
# times each kernel and its gradient with 1 and 2 threads (omp_set_num_threads)
# and prints both speed-ups. A second build of the same generated code, with
# each '#pragma omp atomic' on a shared adjoint replaced by an array-section
# reduction over the adjoint array (per-thread partial adjoints, summed at
# the end), measures the alternative docs/how-it-works.md discusses.
# Not part of ctest: timings are not tests.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
adgen=${1:-$here/../../build/tool/adgen}
out=${TMPDIR:-/tmp}/adgen-bench-openmp
mkdir -p "$out"
"$adgen" "$here/kernels.cpp" -o "$out/kernels.adgen.cpp" -- -std=c++17
flags=(-std=c++17 -O2 -fopenmp -DADGEN_BENCH_DRIVER -I"$here/../../include")
g++ "${flags[@]}" "$out/kernels.adgen.cpp" -o "$out/bench-openmp"
"$out/bench-openmp"

# The per-thread-partials variant: the backward loops reduce d_w[:d] and
# d_pos[:n] instead of updating them atomically.
sed -e '/#pragma omp atomic/d' \
    -e '/^#pragma omp parallel for .*private(d_exp_val/s/$/ reduction(+ : d_w[:d])/' \
    -e '/^#pragma omp parallel for .*private(d_dx/s/$/ reduction(+ : d_pos[:n])/' \
    "$out/kernels.adgen.cpp" > "$out/kernels.partials.cpp"
if [ "$(grep -c 'reduction(+ : d_w\[:d\])\|reduction(+ : d_pos\[:n\])' "$out/kernels.partials.cpp")" = 2 ]; then
  g++ "${flags[@]}" -DADGEN_VARIANT='"per-thread partials (array-section reduction)"' \
    "$out/kernels.partials.cpp" -o "$out/bench-openmp-partials"
  "$out/bench-openmp-partials"
else
  echo "(the per-thread-partials variant was not built: the generated loops changed shape)"
fi
