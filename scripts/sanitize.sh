#!/usr/bin/env bash
# Runs adgen's tests under AddressSanitizer and UndefinedBehaviorSanitizer:
#   - adgen (tool, libraries, unit tests) built with -DADGEN_SANITIZE=ON in
#     build-sanitize/;
#   - the unit tests;
#   - the whole lit suite with that adgen, and with every generated program
#     the tests compile (g++ and clang++) built with the sanitizers too
#     (lit --param sanitize=1);
#   - fuzzer seeds (test/fuzz/run.py) with that adgen, their generated
#     checkers compiled with the sanitizers.
# Any sanitizer report aborts the process that made it, so it fails a test;
# the script exits non-zero if anything failed.
#
# Usage: scripts/sanitize.sh [--quick]
#   --quick   only the lit suite, with the Release adgen of build/ and the
#             generated programs sanitized (no sanitized adgen build; CI)
# Environment: FUZZ_SEEDS (default 30), FUZZ_STRUCT_SEEDS and FUZZ_CALL_SEEDS
# (default 20 each),
# JOBS (default 2).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=${JOBS:-2}
quick=0
[ "${1:-}" = "--quick" ] && quick=1
lit="python3 /usr/lib/llvm-19/build/utils/lit/lit.py"
san="-fsanitize=address,undefined -fno-sanitize-recover=all -g"
# Leak checking stays on: adgen frees what it allocates (LLVM's own
# intentional leaks, if any, are reachable from globals, which LSan ignores).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

"$root/scripts/install-deps.sh"
if [ $quick = 1 ]; then
  "$root/scripts/build.sh" adgen
  exec $lit -s -j "$jobs" --param sanitize=1 "$root/build/test"
fi

b="$root/build-sanitize"
cmake -S "$root" -B "$b" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DADGEN_SANITIZE=ON >/dev/null
ninja -C "$b" -j "$jobs" adgen adgen-unittests

status=0
echo "== unit tests"
"$b/unittests/adgen-unittests" --gtest_brief=1 || status=1

echo "== lit (sanitized adgen, sanitized generated programs)"
$lit -s -j "$jobs" --param sanitize=1 "$b/test" || status=1

echo "== fuzzer seeds"
# run.py takes one compiler word: wrap g++ with the sanitizer flags.
cat > "$b/g++-sanitize" <<EOS
#!/bin/sh
exec g++ $san "\$@"
EOS
chmod +x "$b/g++-sanitize"
fuzz() { ADGEN="$b/tool/adgen" CXX="$b/g++-sanitize" python3 "$root/test/fuzz/run.py" "$@" --jobs="$jobs"; }
rm -rf "$b/fuzz"
fuzz 1 "${FUZZ_SEEDS:-30}" --out="$b/fuzz/programs" || status=1
fuzz 1 "${FUZZ_STRUCT_SEEDS:-20}" 6 --structs --out="$b/fuzz/structs" || status=1
fuzz 1 "${FUZZ_CALL_SEEDS:-20}" 6 --calls --out="$b/fuzz/calls" || status=1

[ $status = 0 ] && echo "sanitize: no reports" || echo "sanitize: FAILED"
exit $status
