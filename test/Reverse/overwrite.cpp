// Values overwritten in place: a by-value parameter rewritten in a loop, a
// local rewritten non-linearly, two declarators in one loop-local declaration
// (the case Clad's store-elision got silently wrong), array elements
// overwritten in place. The reverse sweep needs the overwritten values: they
// go on the tape (or are recomputed); the numbers must be right either way.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD()
double iterate(double x, double y, int n) {
  for (int i = 0; i < n; ++i)
    x = std::sin(x) * y + x;
  return x;
}
// x is overwritten by a non-linear function of itself: its old values are taped.
// CHECK-LABEL: double iterate_pullback(double x, double y, int n, double d_ret, double *d_x, double *d_y) {
// CHECK: .push(
// CHECK: .pop<double>()
// CHECK-LABEL: double iterate_grad(double x, double y, int n, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> iterate_fwd(double x, double y, int n, double d_x, double d_y) {

ADGEN_REVERSE() ADGEN_FORWARD()
double twodecl(const double *w, int n) {
  double s = 0.5;
  for (int i = 0; i < n; ++i) {
    double a = w[i] * s + 1.0, b = std::cos(a) * w[i];
    s = a * b;
  }
  return s;
}
// CHECK-LABEL: double twodecl_pullback(const double *w, int n, double d_ret, double *d_w) {
// CHECK: .push(
// CHECK: .pop<double>()
// CHECK-LABEL: double twodecl_grad(const double *w, int n, double *d_w) {
// CHECK-LABEL: adgen::Dual<double> twodecl_fwd(const double *w, int n, const double *d_w) {

// Array elements overwritten with non-linear functions of themselves, twice per element.
ADGEN_REVERSE() ADGEN_FORWARD()
double elems(const double *x, int n) {
  double a[6];
  for (int i = 0; i < n; ++i)
    a[i] = x[i];
  for (int k = 0; k < 2; ++k)
    for (int i = 0; i < n; ++i)
      a[i] = a[i] * a[(i + 1) % n] + std::exp(-a[i]);
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += a[i];
  return s;
}
// CHECK-LABEL: double elems_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK: .push(
// CHECK: .pop<double>()
// CHECK-LABEL: double elems_grad(const double *x, int n, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> elems_fwd(const double *x, int n, const double *d_x) {

// A scalar overwritten conditionally.
ADGEN_REVERSE() ADGEN_FORWARD()
double condover(double x, int n) {
  double s = x;
  for (int i = 0; i < n; ++i) {
    if (s > 1.0)
      s = std::log(s);
    else
      s = s * s + x;
  }
  return s;
}
// CHECK-LABEL: double condover_grad(double x, int n, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> condover_fwd(double x, int n, double d_x) {

#ifdef ADGEN_TEST_DRIVER
double iterate_pullback(double x, double y, int n, double d_ret, double* d_x, double* d_y);
double iterate_grad(double x, double y, int n, double* d_x, double* d_y);
adgen::Dual<double> iterate_fwd(double x, double y, int n, double d_x, double d_y);
double twodecl_pullback(const double* w, int n, double d_ret, double* d_w);
double twodecl_grad(const double* w, int n, double* d_w);
adgen::Dual<double> twodecl_fwd(const double* w, int n, const double* d_w);
double elems_pullback(const double* x, int n, double d_ret, double* d_x);
double elems_grad(const double* x, int n, double* d_x);
adgen::Dual<double> elems_fwd(const double* x, int n, const double* d_x);
double condover_grad(double x, int n, double* d_x);
adgen::Dual<double> condover_fwd(double x, int n, double d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  for (int n : {0, 1, 4, 20}) {
    double p[2] = {0.4, 0.9};
    check_scalar_fn<double>("iterate", p, 2,
        [n](const double* v) { return iterate(v[0], v[1], n); },
        [n](const double* v, double* g) { return iterate_grad(v[0], v[1], n, &g[0], &g[1]); },
        [n](const double* v, const double* t) { return iterate_fwd(v[0], v[1], n, t[0], t[1]); });
  }
  // n = 1, hand-derived: f = sin(x) y + x.
  double gx = 0, gy = 0;
  iterate_pullback(0.4, 0.9, 1, 1.0, &gx, &gy);
  check_close("iterate n=1: d/dx", gx, std::cos(0.4) * 0.9 + 1, 1e-15);
  check_close("iterate n=1: d/dy", gy, std::sin(0.4), 1e-15);
  const double w[5] = {0.3, -0.5, 0.8, 0.2, -0.9};
  for (int n : {1, 3, 5})
    check_scalar_fn<double>("twodecl", w, n,
        [n](const double* v) { return twodecl(v, n); },
        [n](const double* v, double* g) { return twodecl_grad(v, n, g); },
        [n](const double* v, const double* t) { return twodecl_fwd(v, n, t); });
  const double x[6] = {0.3, -0.2, 0.5, 0.1, 0.25, -0.4};
  for (int n : {1, 2, 6})
    check_scalar_fn<double>("elems", x, n,
        [n](const double* v) { return elems(v, n); },
        [n](const double* v, double* g) { return elems_grad(v, n, g); },
        [n](const double* v, const double* t) { return elems_fwd(v, n, t); });
  for (int n : {1, 2, 5})
    for (double x0 : {0.3, 1.7, 4.0})
      check_scalar_fn<double>("condover", &x0, 1,
          [n](const double* v) { return condover(v[0], n); },
          [n](const double* v, double* g) { return condover_grad(v[0], n, g); },
          [n](const double* v, const double* t) { return condover_fwd(v[0], n, t[0]); });
  return finish();
}
#endif
