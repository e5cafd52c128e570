// for loops: counting down to 0 (i >= 0: the bound a reversed loop gets
// wrong), non-unit strides, break / continue, an early return from inside
// the loop.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// Horner: the loop counts down to and including 0.
ADGEN_REVERSE() ADGEN_FORWARD()
double horner(const double *c, double x, int n) {
  double s = 0;
  for (int i = n - 1; i >= 0; --i)
    s = s * x + c[i];
  return s;
}
// CHECK-LABEL: double horner_pullback(const double *c, double x, int n, double d_ret, double *d_c, double *d_x) {
// CHECK-LABEL: double horner_grad(const double *c, double x, int n, double *d_c, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> horner_fwd(const double *c, double x, int n, const double *d_c, double d_x) {

// Stride 2 from 1, with continue and break.
ADGEN_REVERSE() ADGEN_FORWARD()
double stride(const double *a, int n) {
  double p = 1;
  for (int i = 1; i < n; i += 2) {
    if (a[i] < 0)
      continue;
    p *= a[i] + std::sin(a[i - 1]);
    if (p > 100.0)
      break;
  }
  return p;
}
// CHECK-LABEL: double stride_grad(const double *a, int n, double *d_a) {
// CHECK-LABEL: adgen::Dual<double> stride_fwd(const double *a, int n, const double *d_a) {

// A return from inside the loop.
ADGEN_REVERSE() ADGEN_FORWARD()
double search(const double *a, double x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    s = s * x + a[i];
    if (s > 10.0)
      return s * x;
  }
  return s;
}
// CHECK-LABEL: double search_grad(const double *a, double x, int n, double *d_a, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> search_fwd(const double *a, double x, int n, const double *d_a, double d_x) {

#ifdef ADGEN_TEST_DRIVER
double horner_pullback(const double* c, double x, int n, double d_ret, double* d_c, double* d_x);
double horner_grad(const double* c, double x, int n, double* d_c, double* d_x);
adgen::Dual<double> horner_fwd(const double* c, double x, int n, const double* d_c, double d_x);
double stride_grad(const double* a, int n, double* d_a);
adgen::Dual<double> stride_fwd(const double* a, int n, const double* d_a);
double search_grad(const double* a, double x, int n, double* d_a, double* d_x);
adgen::Dual<double> search_fwd(const double* a, double x, int n, const double* d_a, double d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  // Inputs packed as p = {c[0..n), x}.
  for (int n = 1; n <= 5; ++n) {
    double p[6] = {1.5, -2.0, 0.75, 3.0, -1.25, 0.0};
    p[n] = 1.3;
    check_scalar_fn<double>("horner", p, n + 1,
        [n](const double* v) { return horner(v, v[n], n); },
        [n](const double* v, double* g) { return horner_grad(v, v[n], n, g, &g[n]); },
        [n](const double* v, const double* t) { return horner_fwd(v, v[n], n, t, t[n]); });
    // d/dc[0] = 1 exactly: the reversed loop must reach i == 0.
    double g[6] = {0, 0, 0, 0, 0, 0};
    horner_grad(p, p[n], n, g, &g[n]);
    check_exact("horner: d/dc[0] (loop reaches i == 0)", g[0], 1.0);
    check_close("horner: d/dc[n-1]", g[n - 1], std::pow(1.3, n - 1), 1e-14);
  }
  // n = 0: no iterations, zero derivative, nothing written out of bounds.
  {
    double c[1] = {7.0}, gc[2] = {0, 0}, gx = 0;
    check_exact("horner n=0: value", horner_grad(c, 2.0, 0, gc, &gx), 0.0);
    check_exact("horner n=0: d/dc", gc[0] + gc[1], 0.0);
    check_exact("horner n=0: d/dx", gx, 0.0);
  }
  {
    const double a1[] = {0.5, 1.5, 0.2, -1.0, 0.3, 2.0, -0.7}; // continue taken
    const double a2[] = {2.0, 9.0, 1.0, 8.0, 1.0, 7.0, 1.0};   // break taken
    for (const double* a : {a1, a2})
      for (int n : {1, 2, 6, 7})
        check_scalar_fn<double>("stride", a, n,
            [n](const double* v) { return stride(v, n); },
            [n](const double* v, double* g) { return stride_grad(v, n, g); },
            [n](const double* v, const double* t) { return stride_fwd(v, n, t); });
  }
  {
    // Early return on the second point, not on the first.
    for (double x : {0.5, 3.0}) {
      double p[5] = {1.0, 2.0, 0.5, 1.5, x};
      check_scalar_fn<double>("search", p, 5,
          [](const double* v) { return search(v, v[4], 4); },
          [](const double* v, double* g) { return search_grad(v, v[4], 4, g, &g[4]); },
          [](const double* v, const double* t) { return search_fwd(v, v[4], 4, t, t[4]); });
    }
  }
  return finish();
}
#endif
