// A pointer parameter that f writes and reads back, carrying derivatives,
// but left out of the spec: an error naming it and saying to add it to the
// spec, never a silently wrong derivative.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

ADGEN_REVERSE("x")
// CHECK: scratch-pointer.cpp:[[@LINE+1]]:28: error: parameter 'scratch' is written with values that depend on the active inputs and flow into the result, but it is not active; add 'scratch' to the spec (e.g. as an output) so its derivative is tracked
double f(double x, double *scratch, int n) {
  for (int i = 0; i < n; ++i)
    scratch[i] = x * i;
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += scratch[i] * scratch[i];
  return s;
}
