// A call through a function pointer: the callee is only known at run time.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

double sq(double v) { return v * v; }
double (*g_fn)(double) = sq;

ADGEN_REVERSE()
double f(double x) {
  // CHECK: function-pointer.cpp:[[@LINE+1]]:10: error: call through a function pointer cannot be differentiated: the function called is only known at run time; call the function directly
  return g_fn(x) * x;
}
