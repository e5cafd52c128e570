// A function marked ADGEN_HESSIAN alone, calling a helper: f_hessian calls
// the forward mode of the helper's record and reverse functions, not those
// themselves, so they are not emitted (they were, unused: -Wunused-function
// broke -Werror builds). Compiled with -Wall -Wextra -Werror.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

inline double wobble(double v) { return v * std::sin(v); }

ADGEN_HESSIAN("x[2]")
double bowl(const double *x) { return wobble(x[0] * x[1]) + x[0] * x[0]; }
// CHECK-NOT:   wobble_record(
// CHECK-NOT:   wobble_reverse(
// CHECK-LABEL: static adgen::Dual<double> bowl_hessian_fwd(const double *x, double d_ret, double *d_x, const double *d_x_1, double *d_d_x) {
// CHECK:         ::adgen_detail::wobble_record_fwd(
// CHECK:         ::adgen_detail::wobble_reverse_fwd(
// CHECK-LABEL: static void wobble_reverse_fwd(
// CHECK-LABEL: static adgen::Dual<double> wobble_record_fwd(
// CHECK-LABEL: void bowl_hessian(const double *x, double *hess) {

#ifdef ADGEN_TEST_DRIVER
void bowl_hessian(const double *x, double *hess);
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  double x[2] = {0.8, -0.6}, H[4];
  bowl_hessian(x, H);
  // d2/dx_i dx_j of w(x0 x1) + x0^2, w(u) = u sin u: w' = sin u + u cos u,
  // w'' = 2 cos u - u sin u.
  double u = x[0] * x[1], w1 = std::sin(u) + u * std::cos(u), w2 = 2 * std::cos(u) - u * std::sin(u);
  check_close("d2/dx0^2", H[0], w2 * x[1] * x[1] + 2, 1e-13);
  check_close("d2/dx0 dx1", H[1], w2 * x[0] * x[1] + w1, 1e-13);
  check_close("d2/dx1 dx0", H[2], w2 * x[0] * x[1] + w1, 1e-13);
  check_close("d2/dx1^2", H[3], w2 * x[0] * x[0], 1e-13);
  return finish();
}
#endif
