// A call to a function with no visible body and no custom derivative: the
// error names the function and says how to fix it (define it in this
// translation unit or supply ADGEN_CUSTOM derivatives). Clad silently fell
// back to finite differences here. A function whose derivative in the other
// mode only is ADGEN_CUSTOM: adgen does not read its body, and says so (also
// through a template's non-type parameter, without an internal error after).
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

double opaque(double x, double y);

ADGEN_REVERSE()
double f(double x) {
  // CHECK: no-body.cpp:[[@LINE+1]]:14: error: no derivative for 'opaque': its body is not visible; define it in this file, or write 'opaque_pullback' and mark it ADGEN_CUSTOM
  double y = opaque(x, 2.0) * x;
  return y;
}

double product(double x, double y) { return x * y; }
ADGEN_CUSTOM double product_pullback(double x, double y, double d, double *dx, double *dy) {
  *dx += d * y;
  *dy += d * x;
  return x * y;
}
template <auto Function> double invoke(double x, double y) {
  // CHECK: no-body.cpp:[[@LINE+1]]:10: error: no derivative for 'product' in this mode: its derivative 'product_pullback' is marked ADGEN_CUSTOM, so adgen does not differentiate its body; write 'product_fwd' too and mark it ADGEN_CUSTOM
  return Function(x, y);
}
ADGEN_FORWARD()
double indirect(double x, double y) { return invoke<product>(x, y); }

double twice(double x) { return 2 * x; }
ADGEN_CUSTOM adgen::Dual<double> twice_fwd(double x, double d_x) { return {2 * x, 2 * d_x}; }
ADGEN_REVERSE()
double g(double x) {
  // CHECK: no-body.cpp:[[@LINE+1]]:10: error: no derivative for 'twice' in this mode: its derivative 'twice_fwd' is marked ADGEN_CUSTOM, so adgen does not differentiate its body; write 'twice_pullback' too and mark it ADGEN_CUSTOM
  return twice(x) * x;
}
