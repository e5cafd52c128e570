#!/usr/bin/env bash
# Builds adgen and the benchmark (Release, -O2), then runs the benchmark.
# Works from any directory. Extra arguments go to the benchmark (the first is
# the minimum seconds per measurement, default 0.2).
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
exec ./bench "$@"
