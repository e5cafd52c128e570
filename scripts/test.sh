#!/usr/bin/env bash
# Builds adgen and runs every test: unit tests, lit tests, the contract smoke
# test and the demo.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure -j2
