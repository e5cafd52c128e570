// `nullptr` passed to a pointer parameter of a function with user-written
// derivatives (ADGEN_CUSTOM): the user's g_fwd and g_pullback take a
// derivative pointer for every floating-point parameter, and get `nullptr`
// for it beside the null pointer (test/Pointers/null-arguments.cpp covers
// differentiated callees). Checked against central differences, forward
// against reverse, pre-filled adjoints; f_jacobian too.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK: 1 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

double wsum(double x, const double *w);
double wsum(double x, const double *w) { return w ? x * w[0] : x; }
ADGEN_CUSTOM adgen::Dual<double> wsum_fwd(double x, const double *w, double d_x, const double *d_w) {
  if (!w)
    return {x, d_x};
  return {x * w[0], d_x * w[0] + x * d_w[0]};
}
ADGEN_CUSTOM double wsum_pullback(double x, const double *w, double d_ret, double *d_x, double *d_w) {
  if (!w) {
    *d_x += d_ret;
    return x;
  }
  *d_x += d_ret * w[0];
  d_w[0] += d_ret * x;
  return x * w[0];
}

ADGEN_FORWARD() ADGEN_REVERSE() ADGEN_JACOBIAN()
double f(double x, double y) {
  return wsum(x, nullptr) * wsum(y, &x) + std::sin(wsum(x * y, nullptr));
}

// CHECK-LABEL: adgen::Dual<double> f_fwd(double x, double y, double d_x, double d_y) {
// CHECK:   = ::wsum_fwd(x, nullptr, d_x, nullptr);
// CHECK:   = ::wsum_fwd(y, x_cell, d_y, d_x_cell);
// CHECK-LABEL: double f_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK:   ::wsum_pullback(x * y, nullptr, d_wsum, &d_x_1, nullptr);
// CHECK-LABEL: void f_jacobian(double x, double y, double *jac) {
