#!/usr/bin/env bash
# Builds adgen and the benchmark (Release, -O2), then runs the benchmark.
# Works from any directory. The first argument is the minimum seconds per
# measurement (default 0.2), the second one kernel (default: all). Prints the compile time of the generated file,
# the peak tape of each adgen gradient (bench-tape), then runs each kernel in
# its own process, then (all kernels only) bench-adbench.

set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

cmake -S . -B build -G Ninja
ninja -C build adgen

cmake -S bench -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DADGEN_EXECUTABLE="$root/build/tool/adgen" -DADGEN_INCLUDE_DIR="$root/include"
ninja -C build/bench
# ADOL-C writes tape files to the working directory if a tape outgrows its
# buffers: keep them in the build directory.
cd build/bench

# Compile time of the generated file (which includes kernels.cpp) against
# kernels.cpp alone, at the benchmark's flags.
TIMEFORMAT=%R
cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' CMakeCache.txt)
flags=(-std=c++17 -O2 -I"$root/bench" -I"$root/include" -c -o /dev/null)
t_orig=$( { time "$cxx" "${flags[@]}" "$root/bench/kernels.cpp" >/dev/null; } 2>&1 )
t_gen=$( { time "$cxx" "${flags[@]}" kernels.adgen.cpp >/dev/null; } 2>&1 )
echo "compile time at -O2: kernels.cpp ${t_orig} s, kernels.adgen.cpp (kernels.cpp plus its gradients) ${t_gen} s"
echo
./bench-tape
echo
# Each kernel in its own process: one kernel's memory and caches do not
# carry over to the next.
status=0
for kernel in ${2:-gmm rosenbrock chain nbody ode}; do
  ./bench "${1:-0.2}" "$kernel" || status=1
  echo
done
# Issue 11's goals (gmm, ode, ADBench's lstm and ba), thread CPU time.
if [ -z "${2:-}" ]; then
  ./bench-adbench "${1:-0.2}" || status=1
fi
exit $status
