// On an error an existing output file is left unchanged (not truncated, not
// half-written).
// RUN: echo "previous contents" > %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s
// RUN: FileCheck %s --check-prefix=KEEP --input-file=%t.out
// KEEP: previous contents
#include <adgen/adgen.h>

double g(double x) { return x; }
ADGEN_REVERSE()
double ok(double x) { return g(x) * x; }

ADGEN_REVERSE()
double bad(double x) {
  // CHECK: keep-output.cpp:[[@LINE+1]]:3: error: 'goto' is not supported
  goto out;
out:
  return x;
}
