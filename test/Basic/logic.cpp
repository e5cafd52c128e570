// Comparisons, && || !, the conditional operator and early returns: the
// derivative is that of the path the program takes.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>

ADGEN_REVERSE() ADGEN_FORWARD()
double logic(double x, double y) {
  if (x > 2.0 && y > 0.0)
    return x * y;
  if (!(x < -1.0) || y >= 3.0) {
    double t = x != y ? x - y : x;
    return t * t * (x <= y ? 2.0 : y);
  }
  bool tiny = x == 0.0 || y == 0.0;
  return tiny ? y : x * x * x / y;
}
// CHECK-LABEL: double logic_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double logic_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> logic_fwd(double x, double y, double d_x, double d_y) {

// A conditional operator whose result is an lvalue that is then assigned.
ADGEN_REVERSE() ADGEN_FORWARD()
double cond_lvalue(double x, double y) {
  double a = x * 2.0, b = y * 3.0;
  (a > b ? a : b) *= x;
  return a + b * y;
}
// CHECK-LABEL: double cond_lvalue_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> cond_lvalue_fwd(double x, double y, double d_x, double d_y) {

#ifdef ADGEN_TEST_DRIVER
double logic_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double logic_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> logic_fwd(double x, double y, double d_x, double d_y);
double cond_lvalue_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> cond_lvalue_fwd(double x, double y, double d_x, double d_y);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  // One point per path: first return; second return with x <= y and with
  // x > y; the || taken through y >= 3; the last return.
  const double pts[][2] = {{3.0, 1.5}, {0.5, 1.0}, {1.5, 0.5}, {-2.0, 4.0}, {-2.0, 1.5}, {-3.0, -0.5}};
  for (auto& p : pts)
    check_scalar_fn<double>("logic", p, 2,
        [](const double* v) { return logic(v[0], v[1]); },
        [](const double* v, double* g) { return logic_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return logic_fwd(v[0], v[1], t[0], t[1]); });
  // Hand-derived on the last path: d/dx (x^3/y) = 3x^2/y.
  double gx = 0, gy = 0;
  logic_pullback(-2.0, 1.5, 1.0, &gx, &gy);
  check_close("logic: last path d/dx", gx, 3 * 4.0 / 1.5, 1e-14);
  check_close("logic: last path d/dy", gy, 8.0 / (1.5 * 1.5), 1e-14);
  // y == 0 exactly on the last path: tiny, returns y.
  gx = 0, gy = 0;
  logic_grad(-2.0, 0.0, &gx, &gy);
  check_exact("logic: y==0 path d/dx", gx, 0.0);
  check_exact("logic: y==0 path d/dy", gy, 1.0);
  const double q[][2] = {{2.0, 0.5}, {0.5, 2.0}};
  for (auto& p : q)
    check_scalar_fn<double>("cond_lvalue", p, 2,
        [](const double* v) { return cond_lvalue(v[0], v[1]); },
        [](const double* v, double* g) { return cond_lvalue_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return cond_lvalue_fwd(v[0], v[1], t[0], t[1]); });
  return finish();
}
#endif
