// A user function that already has a public name the tool would generate,
// without ADGEN_CUSTOM: an error naming both.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

ADGEN_REVERSE()
double f(double x) { return x * x; }

// CHECK: name-clash.cpp:[[@LINE+1]]:8: error: 'f_grad' is the name adgen generates for a derivative of 'f'; rename this function or mark it ADGEN_CUSTOM
double f_grad(double x, double *d_x) {
  *d_x += 2 * x;
  return x * x;
}
