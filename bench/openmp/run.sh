#!/usr/bin/env bash
# Speed-up of generated gradients from 1 to 2 OpenMP threads, beside the
# function's own speed-up:
#   bench/openmp/run.sh [path/to/adgen]
# Generates kernels.adgen.cpp and compiles it with -O2 -fopenmp; the driver
# times each kernel and its gradient with 1 and 2 threads (omp_set_num_threads)
# and prints both speed-ups. A second build of the same generated code, with
# the per-thread partial adjoint vectors replaced by atomic updates of the
# shared adjoints, measures the choice docs/how-it-works.md discusses.
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

# The atomics variant: the same generated code with each update of a
# per-thread partial vector (d_w_part[j] += e) made an atomic update of the
# shared adjoint (d_w[j] += e), as adgen generates where partials do not apply.
sed -E 's/^( *)(d_w|d_pos)_part\[(.*)\] (\+|-)= /\1#pragma omp atomic\n\1\2[\3] \4= /' \
    "$out/kernels.adgen.cpp" > "$out/kernels.atomics.cpp"
if grep -q '^ *#pragma omp atomic' "$out/kernels.atomics.cpp"; then
  g++ "${flags[@]}" -DADGEN_VARIANT='"atomics"' "$out/kernels.atomics.cpp" -o "$out/bench-openmp-atomics"
  "$out/bench-openmp-atomics"
else
  echo "(the atomics variant was not built: the generated loops changed shape)"
fi
