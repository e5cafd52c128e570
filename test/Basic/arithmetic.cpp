// Locals, assignment, compound assignment (+= -= *= /=), + - * /, unary minus,
// ++/-- on ints: forward and reverse, checked against central differences.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>

ADGEN_REVERSE() ADGEN_FORWARD()
double arith(double x, double y) {
  double a = x * y - x / y;
  double b = -a + 3.0 * x;
  b += a * y;
  b -= x;
  b *= y;
  b /= (1.0 + x * x);
  double c;
  c = b - -y;
  return c * a;
}
// CHECK-LABEL: double arith_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double arith_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> arith_fwd(double x, double y, double d_x, double d_y) {

// ++ and -- on an int counter steer the computation; the counter carries no
// derivative.
ADGEN_REVERSE() ADGEN_FORWARD()
double counters(double x) {
  double s = 0;
  int k = 0;
  for (int i = 0; i < 4; i++) {
    s = s * x + k;
    ++k;
  }
  int j = 5;
  j--;
  --j;
  return s + j * x;
}
// CHECK-LABEL: double counters_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double counters_grad(double x, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> counters_fwd(double x, double d_x) {

#ifdef ADGEN_TEST_DRIVER
double arith_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double arith_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> arith_fwd(double x, double y, double d_x, double d_y);
double counters_pullback(double x, double d_ret, double* d_x);
double counters_grad(double x, double* d_x);
adgen::Dual<double> counters_fwd(double x, double d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double pts[][2] = {{0.7, 1.3}, {-1.2, 0.4}, {2.5, -3.0}};
  for (auto& p : pts)
    check_scalar_fn<double>("arith", p, 2,
        [](const double* v) { return arith(v[0], v[1]); },
        [](const double* v, double* g) { return arith_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return arith_fwd(v[0], v[1], t[0], t[1]); });
  // Hand-derived: counters(x) = x^2 + 2x + 3 + 3x, derivative 2x + 5.
  const double xs[] = {0.5, -2.0, 3.0};
  for (double x : xs) {
    check_scalar_fn<double>("counters", &x, 1,
        [](const double* v) { return counters(v[0]); },
        [](const double* v, double* g) { return counters_grad(v[0], &g[0]); },
        [](const double* v, const double* t) { return counters_fwd(v[0], t[0]); });
    double g = 0;
    counters_grad(x, &g);
    check_close("counters: hand-derived", g, 2 * x + 5, 1e-14);
    check_close("counters: fwd hand-derived", counters_fwd(x, 1.0).tangent, 2 * x + 5, 1e-14);
  }
  return finish();
}
#endif
