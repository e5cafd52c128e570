// Adjoints of inputs accumulate (+=): a non-zero starting adjoint is added
// to, and calling twice doubles. f_pullback's d_ret seed scales the result,
// and f_pullback / f_grad return f's value.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE()
double f(double x, const double *w, int n) {
  double s = x;
  for (int i = 0; i < n; ++i)
    s = s * w[i] + std::sin(x * w[i]);
  return s;
}
// CHECK-LABEL: double f_pullback(double x, const double *w, int n, double d_ret, double *d_x, double *d_w) {
// CHECK-LABEL: double f_grad(double x, const double *w, int n, double *d_x, double *d_w) {

// A function that reads its input through a const reference.
ADGEN_REVERSE()
double byref(const double &a, double b) { return a * a * b; }
// CHECK-LABEL: double byref_pullback(const double &a, double b, double d_ret, double *d_a, double *d_b) {
// CHECK-LABEL: double byref_grad(const double &a, double b, double *d_a, double *d_b) {

#ifdef ADGEN_TEST_DRIVER
double f_pullback(double x, const double* w, int n, double d_ret, double* d_x, double* d_w);
double f_grad(double x, const double* w, int n, double* d_x, double* d_w);
double byref_pullback(const double& a, double b, double d_ret, double* d_a, double* d_b);
double byref_grad(const double& a, double b, double* d_a, double* d_b);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const int n = 3;
  const double x = 0.8, w[n] = {1.1, -0.6, 0.9};
  double gx = 0, gw[n] = {};
  double v = f_grad(x, w, n, &gx, gw);
  check_ulps("f_grad returns f's value", v, f(x, w, n));
  check_true("gradient is not trivially zero", gx != 0 && gw[0] != 0);
  // Starting from non-zero adjoints: += .
  double ax = 10.0, aw[n] = {1.0, 2.0, 3.0};
  f_grad(x, w, n, &ax, aw);
  check_close("d_x accumulates onto 10", ax, 10.0 + gx, 1e-15);
  for (int i = 0; i < n; ++i)
    check_close("d_w accumulates onto 1..3", aw[i], 1.0 + i + gw[i], 1e-15);
  // Twice: doubled.
  double bx = 0, bw[n] = {};
  f_grad(x, w, n, &bx, bw);
  f_grad(x, w, n, &bx, bw);
  check_close("two calls: d_x doubled", bx, 2 * gx, 1e-15);
  for (int i = 0; i < n; ++i) check_close("two calls: d_w doubled", bw[i], 2 * gw[i], 1e-15);
  // Seeds scale; the pullback returns f's value.
  for (double seed : {0.0, 1.0, -2.5, 1e3}) {
    double px = 0, pw[n] = {};
    check_ulps("f_pullback returns f's value", f_pullback(x, w, n, seed, &px, pw), f(x, w, n));
    check_close("f_pullback: d_x scales with d_ret", px, seed * gx, 1e-15, 0);
    for (int i = 0; i < n; ++i) check_close("f_pullback: d_w scales with d_ret", pw[i], seed * gw[i], 1e-15, 0);
  }
  // Seed 1 is f_grad.
  double qx = 0, qw[n] = {};
  f_pullback(x, w, n, 1.0, &qx, qw);
  check_exact("f_pullback(d_ret = 1) == f_grad", qx, gx);
  // Const reference input.
  double a = 1.5, da = 0.5, db = -1.0;
  check_exact("byref_grad value", byref_grad(a, 2.0, &da, &db), byref(a, 2.0));
  check_exact("byref: d_a += 2ab", da, 0.5 + 2 * a * 2.0);
  check_exact("byref: d_b += a^2", db, -1.0 + a * a);
  da = 0, db = 0;
  byref_pullback(a, 2.0, 3.0, &da, &db);
  check_exact("byref_pullback: seed 3", da, 3 * 2 * a * 2.0);
  return finish();
}
#endif
