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
build/examples/regression/train
# A picture of the model's computation graph, when Graphviz is installed.
if command -v dot >/dev/null 2>&1; then
  build/tool/adgen examples/regression/model.cpp --emit=dot -- -std=c++17 |
    dot -Tsvg -o build/examples/regression/loss-graph.svg
  echo "computation graph: build/examples/regression/loss-graph.svg"
fi
