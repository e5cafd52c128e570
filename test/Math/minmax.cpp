// std::min / std::max in expressions: a clamp built from both, explicit
// template arguments, mixed with constants, unqualified after a
// using-declaration; both modes.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <algorithm>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD()
double clampmix(double x, double lo, double hi) {
  double c = std::max(std::min(x, hi), lo);
  double m = std::max<double>(x * x, 1);
  using std::min;
  return c * m + min(x, 0.5 * hi) * lo;
}
// CHECK-LABEL: double clampmix_pullback(double x, double lo, double hi, double d_ret, double *d_x, double *d_lo, double *d_hi) {
// CHECK-LABEL: double clampmix_grad(double x, double lo, double hi, double *d_x, double *d_lo, double *d_hi) {
// CHECK-LABEL: adgen::Dual<double> clampmix_fwd(double x, double lo, double hi, double d_x, double d_lo, double d_hi) {

// Running maximum over an array (a value overwritten by a selection).
ADGEN_REVERSE() ADGEN_FORWARD()
double runmax(const double *a, int n) {
  double m = a[0];
  double s = 0;
  for (int i = 1; i < n; ++i) {
    m = std::max(m, a[i]);
    s += m * a[i];
  }
  return s + m;
}
// CHECK-LABEL: double runmax_grad(const double *a, int n, double *d_a) {
// CHECK-LABEL: adgen::Dual<double> runmax_fwd(const double *a, int n, const double *d_a) {

#ifdef ADGEN_TEST_DRIVER
double clampmix_pullback(double x, double lo, double hi, double d_ret, double* d_x, double* d_lo, double* d_hi);
double clampmix_grad(double x, double lo, double hi, double* d_x, double* d_lo, double* d_hi);
adgen::Dual<double> clampmix_fwd(double x, double lo, double hi, double d_x, double d_lo, double d_hi);
double runmax_grad(const double* a, int n, double* d_a);
adgen::Dual<double> runmax_fwd(const double* a, int n, const double* d_a);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  // x below lo, inside, above hi; |x| below and above 1.
  const double pts[][3] = {{-2.0, -1.0, 1.5}, {0.3, -1.0, 1.5}, {2.5, -1.0, 1.5}, {-0.7, -1.0, 3.0}, {1.2, 0.5, 4.0}};
  for (auto& p : pts)
    check_scalar_fn<double>("clampmix", p, 3,
        [](const double* v) { return clampmix(v[0], v[1], v[2]); },
        [](const double* v, double* g) { return clampmix_grad(v[0], v[1], v[2], &g[0], &g[1], &g[2]); },
        [](const double* v, const double* t) { return clampmix_fwd(v[0], v[1], v[2], t[0], t[1], t[2]); });
  const double a[6] = {0.5, 0.2, 1.3, 0.9, 2.1, -0.4};
  for (int n : {1, 3, 6})
    check_scalar_fn<double>("runmax", a, n,
        [n](const double* v) { return runmax(v, n); },
        [n](const double* v, double* g) { return runmax_grad(v, n, g); },
        [n](const double* v, const double* t) { return runmax_fwd(v, n, t); });
  return finish();
}
#endif
