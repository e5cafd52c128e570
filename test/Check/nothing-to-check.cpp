// A checker with nothing to check fails: a file whose only marker is a
// custom derivative gives no derivative to check.
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.gcc && not %t.gcc | FileCheck %s
#include <adgen/adgen.h>

double sq(double v) { return v * v; }
ADGEN_CUSTOM double sq_pullback(double v, double d_ret, double *d_v) {
  *d_v += d_ret * 2 * v;
  return sq(v);
}

// CHECK: nothing to check
