// log(e^x + e^y): the gradient is the softmax, which sums to 1. Also the
// numerically stable n-ary form with a running maximum (a value overwritten
// conditionally): its gradient is still the softmax, because the maximum's
// contributions cancel.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD()
double lse2(double x, double y) { return std::log(std::exp(x) + std::exp(y)); }
// CHECK-LABEL: double lse2_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double lse2_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> lse2_fwd(double x, double y, double d_x, double d_y) {

ADGEN_REVERSE() ADGEN_FORWARD()
double lse(const double *x, int n) {
  double m = x[0];
  for (int i = 1; i < n; ++i)
    if (x[i] > m)
      m = x[i];
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += std::exp(x[i] - m);
  return m + std::log(s);
}
// CHECK-LABEL: double lse_grad(const double *x, int n, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> lse_fwd(const double *x, int n, const double *d_x) {

#ifdef ADGEN_TEST_DRIVER
double lse2_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double lse2_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> lse2_fwd(double x, double y, double d_x, double d_y);
double lse_grad(const double* x, int n, double* d_x);
adgen::Dual<double> lse_fwd(const double* x, int n, const double* d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double pts[][2] = {{0.0, 0.0}, {1.0, -2.0}, {-3.5, 0.7}, {10.0, 9.0}};
  for (auto& p : pts) {
    double gx = 0, gy = 0;
    lse2_grad(p[0], p[1], &gx, &gy);
    check_close("lse2: gradient sums to 1", gx + gy, 1.0, 1e-15);
    check_close("lse2: softmax", gx, 1 / (1 + std::exp(p[1] - p[0])), 1e-14);
    adgen::Dual<double> t = lse2_fwd(p[0], p[1], 1.0, 1.0);
    check_close("lse2: shift invariance (forward along (1,1))", t.tangent, 1.0, 1e-15);
    check_scalar_fn<double>("lse2", p, 2,
        [](const double* v) { return lse2(v[0], v[1]); },
        [](const double* v, double* g) { return lse2_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t2) { return lse2_fwd(v[0], v[1], t2[0], t2[1]); });
  }
  const double x[5] = {0.3, 2.0, -1.0, 1.9, 0.0};
  for (int n : {1, 2, 5}) {
    check_scalar_fn<double>("lse", x, n,
        [n](const double* v) { return lse(v, n); },
        [n](const double* v, double* g) { return lse_grad(v, n, g); },
        [n](const double* v, const double* t) { return lse_fwd(v, n, t); });
    double g[5] = {}, sum = 0, z = 0;
    lse_grad(x, n, g);
    for (int i = 0; i < n; ++i) z += std::exp(x[i]);
    for (int i = 0; i < n; ++i) {
      sum += g[i];
      check_close("lse: softmax", g[i], std::exp(x[i]) / z, 1e-14);
    }
    check_close("lse: gradient sums to 1", sum, 1.0, 1e-15);
    double ones[5] = {1, 1, 1, 1, 1};
    check_close("lse: forward along (1..1) is 1", lse_fwd(x, n, ones).tangent, 1.0, 1e-15);
  }
  return finish();
}
#endif
