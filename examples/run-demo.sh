#!/usr/bin/env bash
# Builds adgen, then the regression example (which runs adgen on its model at
# build time), then trains the model. Works from any directory.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

cmake -S . -B build -G Ninja
ninja -C build adgen

cmake -S examples/regression -B build/examples/regression -G Ninja \
      -DADGEN_EXECUTABLE="$root/build/tool/adgen" -DADGEN_INCLUDE_DIR="$root/include"
ninja -C build/examples/regression
exec build/examples/regression/train
