#!/usr/bin/env bash
# The main job: builds adgen, then the regression example (which runs adgen on
# its model at build time), and trains the model.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
exec "$root/examples/run-demo.sh"
