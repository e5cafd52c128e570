// An assert whose condition calls a function (or has side effects) is
// refused: the output would have to run the call outside the assert, also
// under NDEBUG. Conditions of operators, variables and <cmath> functions are
// fine (Basic/assert.cpp).
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <cassert>

static bool positive(double v) { return v > 0; }

ADGEN_REVERSE()
double f(double x, int n) {
  // CHECK: assert-call.cpp:[[@LINE+1]]:10: error: an assert whose condition calls a function or has side effects is not supported; compute the condition in a variable first
  assert(positive(x));
  return x * n;
}

ADGEN_REVERSE()
double g(double x, int n) {
  // CHECK: assert-call.cpp:[[@LINE+1]]:10: error: an assert whose condition calls a function or has side effects is not supported; compute the condition in a variable first
  assert(n++ > 0);
  return x * n;
}
