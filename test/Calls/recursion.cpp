// Recursion: a marked recursive function, a helper that recurses, and mutual
// recursion between two helpers.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD()
double powr(double x, int n) {
  if (n == 0)
    return 1.0;
  if (n % 2 == 0) {
    double h = powr(x, n / 2);
    return h * h;
  }
  return x * powr(x, n - 1);
}
// CHECK-LABEL: double powr_pullback(double x, int n, double d_ret, double *d_x) {
// CHECK-LABEL: double powr_grad(double x, int n, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> powr_fwd(double x, int n, double d_x) {

// Continued fraction evaluated recursively, over an array.
double cfrac(const double *a, int n) { return n == 1 ? a[0] : a[0] + 1.0 / cfrac(a + 1, n - 1); }

double ev(double x, int n);
double od(double x, int n) { return n == 0 ? x : std::sin(ev(x, n - 1)) + x; }
double ev(double x, int n) { return n == 0 ? x * x : od(x, n - 1) * x; }

ADGEN_REVERSE() ADGEN_FORWARD()
double uses(const double *a, double x, int n) { return cfrac(a, n) * ev(x, n); }
// CHECK-LABEL: double uses_grad(const double *a, double x, int n, double *d_a, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> uses_fwd(const double *a, double x, int n, const double *d_a, double d_x) {

#ifdef ADGEN_TEST_DRIVER
double powr_pullback(double x, int n, double d_ret, double* d_x);
double powr_grad(double x, int n, double* d_x);
adgen::Dual<double> powr_fwd(double x, int n, double d_x);
double uses_grad(const double* a, double x, int n, double* d_a, double* d_x);
adgen::Dual<double> uses_fwd(const double* a, double x, int n, const double* d_a, double d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  for (int n : {0, 1, 2, 5, 8, 13})
    for (double x : {0.7, -1.3}) {
      check_scalar_fn<double>("powr", &x, 1,
          [n](const double* v) { return powr(v[0], n); },
          [n](const double* v, double* g) { return powr_grad(v[0], n, g); },
          [n](const double* v, const double* t) { return powr_fwd(v[0], n, t[0]); });
      double g = 0;
      powr_grad(x, n, &g);
      check_close("powr: n x^(n-1)", g, n == 0 ? 0.0 : n * std::pow(x, n - 1), 1e-14);
    }
  double p[6] = {1.0, 2.0, 0.5, 3.0, 1.5, 0.8};
  for (int n : {1, 2, 5}) {
    p[n] = 0.8;
    check_scalar_fn<double>("uses", p, n + 1,
        [n](const double* v) { return uses(v, v[n], n); },
        [n](const double* v, double* g) { return uses_grad(v, v[n], n, g, &g[n]); },
        [n](const double* v, const double* t) { return uses_fwd(v, v[n], n, t, t[n]); });
  }
  return finish();
}
#endif
