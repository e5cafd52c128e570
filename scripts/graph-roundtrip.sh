#!/usr/bin/env bash
# Round-trip coverage of the graph text (lib/Graph/GraphParser.h): for every
# test/**/*.cpp with a marked function, `adgen --emit=graph` prints its
# graph, `adgen-opt --pass=print` parses and prints it again, and the two
# texts must be equal byte for byte.
#
# Usage: scripts/graph-roundtrip.sh [BUILD_DIR]     (default: build)
# Prints each file that does not round-trip, then the counts; exits 1 if any
# failed. Files whose graph adgen refuses to print (the Diagnostics tests)
# are counted apart.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
ADGEN=$BUILD/tool/adgen
OPT=$BUILD/tool/adgen-opt
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
ok=0 failed=0 nograph=0
for f in $(grep -rlE 'ADGEN_(FORWARD|REVERSE|JACOBIAN|HESSIAN)' "$ROOT/test" --include='*.cpp' |
           grep -v /Inputs/ | sort); do
  "$ADGEN" "$f" --emit=graph -- -std=c++17 -I"$(dirname "$f")/Inputs" >"$TMP/g" 2>/dev/null
  if [ ! -s "$TMP/g" ]; then
    nograph=$((nograph + 1))
    continue
  fi
  if "$OPT" "$TMP/g" --pass=print >"$TMP/p" 2>"$TMP/err" && cmp -s "$TMP/g" "$TMP/p"; then
    ok=$((ok + 1))
  else
    failed=$((failed + 1))
    echo "FAIL ${f#$ROOT/}: $(head -c 300 "$TMP/err")"
  fi
done
echo "graph round trip: $ok of $((ok + failed)) files round-trip ($failed fail);" \
     "$nograph print no graph (adgen refuses them)"
[ "$failed" -eq 0 ]
