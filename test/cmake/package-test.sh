#!/usr/bin/env bash
# package-test.sh - the installed CMake package, end to end (docs/cmake.md).
#
#   package-test.sh CMAKE ADGEN_BUILD_DIR EXAMPLE_SOURCE_DIR WORK_DIR
#
# Installs ADGEN_BUILD_DIR into WORK_DIR/prefix, copies examples/cmake-project
# to WORK_DIR/src, configures, builds and runs it with Ninja, then checks that
#   (a) a no-op rebuild does nothing and rewrites nothing;
#   (b) touching params.h (included by model.cpp) reruns adgen, which leaves
#       the unchanged output untouched, and the build after that does nothing;
#   (c) changing params.h regenerates the derivatives, and the program then
#       prints the new, still correct, gradient;
#   (d) the same with the Unix Makefiles generator: touching params.h reruns
#       adgen once (not at every build), changing it regenerates.
set -euo pipefail

cmake=$1 build=$2 example=$3 work=$4
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }
mtime() { stat -c %y "$1"; }

rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix src=$work/src bld=$work/build

step "install $build into $prefix"
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install"; }
for f in bin/adgen include/adgen/adgen.h include/adgen/runtime.h include/adgen/tape.h \
         lib/cmake/adgen/adgenConfig.cmake lib/cmake/adgen/adgenConfigVersion.cmake \
         lib/cmake/adgen/adgen.cmake; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done

cp -R "$example" "$src"
rm -rf "$src/build"

step "configure and build examples/cmake-project against the installed package"
"$cmake" -S "$src" -B "$bld" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >"$work/configure.log" \
  || { cat "$work/configure.log"; fail "configure"; }
"$cmake" --build "$bld" >"$work/build1.log" 2>&1 || { cat "$work/build1.log"; fail "build"; }
grep -q "adgen: differentiating model.cpp" "$work/build1.log" || { cat "$work/build1.log"; fail "adgen did not run"; }
gen=$bld/adgen/model.adgen.cpp
[ -f "$gen" ] && [ -f "$bld/adgen/model.adgen.h" ] || fail "no $gen / model.adgen.h"
grep -q "spring_fwd" "$bld/adgen/model.adgen.h" || fail "REQUESTS: spring_fwd not generated"
"$bld/chain" >"$work/run1.log" || { cat "$work/run1.log"; fail "the program failed"; }
cat "$work/run1.log"

step "(a) a no-op rebuild does nothing"
t0=$(mtime "$gen")
out=$("$cmake" --build "$bld" 2>&1)
echo "$out" | grep -q "no work to do" || { echo "$out"; fail "no-op rebuild did work"; }
[ "$(mtime "$gen")" = "$t0" ] || fail "no-op rebuild rewrote $gen"

step "(b) touching params.h reruns adgen, which does not rewrite the unchanged output"
sleep 1
touch "$src/include/params.h"
out=$("$cmake" --build "$bld" 2>&1)
echo "$out" | grep -q "adgen: differentiating model.cpp" || { echo "$out"; fail "adgen did not rerun after touching params.h"; }
[ "$(mtime "$gen")" = "$t0" ] || fail "unchanged output $gen was rewritten"
out=$("$cmake" --build "$bld" 2>&1)
echo "$out" | grep -q "no work to do" || { echo "$out"; fail "rebuild after the rerun did work"; }

step "(c) changing params.h regenerates the derivatives"
cp "$gen" "$work/model.adgen.cpp.before"
sed -i.bak 's/return std::tanh(z);/return std::sin(z);/' "$src/include/params.h"
grep -q "std::sin(z)" "$src/include/params.h" || fail "could not edit params.h"
out=$("$cmake" --build "$bld" 2>&1)
echo "$out" | grep -q "adgen: differentiating model.cpp" || { echo "$out"; fail "adgen did not rerun after editing params.h"; }
cmp -s "$gen" "$work/model.adgen.cpp.before" && fail "$gen did not change"
"$bld/chain" >"$work/run2.log" || { cat "$work/run2.log"; fail "the program failed after the edit"; }
cat "$work/run2.log"
g1=$(grep '^grad\[0\]' "$work/run1.log") g2=$(grep '^grad\[0\]' "$work/run2.log")
[ "$g1" != "$g2" ] || fail "the gradient did not change ($g1)"

step "(d) Unix Makefiles"
if command -v make >/dev/null; then
  mk=$work/build-make
  mv "$src/include/params.h.bak" "$src/include/params.h"
  "$cmake" -S "$src" -B "$mk" -G "Unix Makefiles" -DCMAKE_PREFIX_PATH="$prefix" >"$work/configure-make.log" \
    || { cat "$work/configure-make.log"; fail "configure (Makefiles)"; }
  "$cmake" --build "$mk" >"$work/build-make1.log" 2>&1 || { cat "$work/build-make1.log"; fail "build (Makefiles)"; }
  "$mk/chain" >"$work/run3.log" || { cat "$work/run3.log"; fail "the program failed (Makefiles)"; }
  [ "$(grep '^grad\[0\]' "$work/run3.log")" = "$g1" ] || fail "Makefiles build: unexpected gradient"
  sleep 1
  touch "$src/include/params.h"
  out=$("$cmake" --build "$mk" 2>&1)
  echo "$out" | grep -q "adgen: differentiating model.cpp" || { echo "$out"; fail "Makefiles: adgen did not rerun after touching params.h"; }
  out=$("$cmake" --build "$mk" 2>&1)
  echo "$out" | grep -q "adgen: differentiating" && { echo "$out"; fail "Makefiles: adgen reran without a change"; }
  sleep 1
  sed -i 's/return std::tanh(z);/return std::sin(z);/' "$src/include/params.h"
  out=$("$cmake" --build "$mk" 2>&1)
  echo "$out" | grep -q "adgen: differentiating model.cpp" || { echo "$out"; fail "Makefiles: adgen did not rerun after editing params.h"; }
  "$mk/chain" >"$work/run4.log" || { cat "$work/run4.log"; fail "the program failed (Makefiles, after the edit)"; }
  [ "$(grep '^grad\[0\]' "$work/run4.log")" = "$g2" ] || fail "Makefiles build: the gradient did not follow params.h"
else
  echo "make not found: skipped"
fi

echo "PASS"
