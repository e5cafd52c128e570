// f_jacobian and f_hessian refuse a pointer parameter that f writes with
// values that flow into the result but that the spec leaves out, as forward
// and reverse mode do (they used to drop its derivative silently: a wrong
// matrix). Also a global that carries derivatives.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

ADGEN_HESSIAN("x[n], w")
// CHECK: matrix-scratch-pointer.cpp:[[@LINE+1]]:38: error: parameter 'y' is written with values that depend on the active inputs and flow into the result, but it is not active; add 'y' to the spec (e.g. as an output) so its derivative is tracked
double hess(const double *x, double *y, int n, double w) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    y[i] = w * x[i] * x[i];
    s += y[i] * x[0];
  }
  return s;
}

ADGEN_JACOBIAN("x[n] -> out[1]")
// CHECK: matrix-scratch-pointer.cpp:[[@LINE+1]]:35: error: parameter 'y' is written with values that depend on the active inputs and flow into the result, but it is not active; add 'y' to the spec (e.g. as an output) so its derivative is tracked
void jac(const double *x, double *y, int n, double *out) {
  out[0] = 0;
  for (int i = 0; i < n; ++i) {
    y[i] = x[i] * x[i];
    out[0] += y[i] * x[0];
  }
}

double g_acc;
ADGEN_JACOBIAN("x")
double viaGlobal(double x) {
  // CHECK: matrix-scratch-pointer.cpp:[[@LINE-3]]:8: error: global variable '::g_acc' carries derivatives inside 'viaGlobal'; pass it as a parameter instead
  g_acc = x * x;
  return g_acc * x;
}
