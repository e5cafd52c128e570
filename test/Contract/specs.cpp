// Default and explicit specs decide the active parameters, and so the
// derivative parameters (in parameter order):
//   default inputs: floating scalars, pointers/references to floating;
//   default outputs: the return value, or for void every non-const floating
//   pointer or reference parameter; explicit "x", "x -> y", "-> return",
//   "x -> return, y", lengths "w[n]".
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// Only x is active.
ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double only_x(double x, double y) { return x * x * y; }
// CHECK-LABEL: double only_x_pullback(double x, double y, double d_ret, double *d_x) {
// CHECK-LABEL: double only_x_grad(double x, double y, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> only_x_fwd(double x, double y, double d_x) {

// x is the only input, y the only output; c is inactive.
ADGEN_REVERSE("x -> y") ADGEN_FORWARD("x -> y")
void x_to_y(const double *x, double *y, double c, int n) {
  for (int i = 0; i < n; ++i)
    y[i] = c * std::exp(x[i]);
}
// CHECK-LABEL: void x_to_y_pullback(const double *x, double *y, double c, int n, double *d_x, double *d_y) {
// CHECK-LABEL: void x_to_y_fwd(const double *x, double *y, double c, int n, const double *d_x, double *d_y) {

// Default inputs, explicit output: the return value.
ADGEN_REVERSE("-> return") ADGEN_FORWARD("-> return")
double to_ret(double a, const double &b, int k) { return a * b * k; }
// CHECK-LABEL: double to_ret_pullback(double a, const double &b, int k, double d_ret, double *d_a, double *d_b) {
// CHECK-LABEL: double to_ret_grad(double a, const double &b, int k, double *d_a, double *d_b) {
// CHECK-LABEL: adgen::Dual<double> to_ret_fwd(double a, const double &b, int k, double d_a, const double &d_b) {

// Two outputs: the return value and y.
ADGEN_REVERSE("x -> return, y") ADGEN_FORWARD("x -> return, y")
double ret_and_y(double x, double *y) {
  y[0] = std::sin(x);
  return std::cos(x);
}
// CHECK-LABEL: double ret_and_y_pullback(double x, double *y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double ret_and_y_grad(double x, double *y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> ret_and_y_fwd(double x, double *y, double d_x, double *d_y) {

// void with default outputs: the non-const floating pointer and reference.
ADGEN_REVERSE() ADGEN_FORWARD()
void two_outs(double a, const double *u, double *v, double &w, int n) {
  w = 0;
  for (int i = 0; i < n; ++i) {
    v[i] = a * u[i];
    w += v[i] * u[i];
  }
}
// CHECK-LABEL: void two_outs_pullback(double a, const double *u, double *v, double &w, int n, double *d_a, double *d_u, double *d_v, double *d_w) {
// CHECK-LABEL: void two_outs_fwd(double a, const double *u, double *v, double &w, int n, double d_a, const double *d_u, double *d_v, double &d_w) {

// A spec with array lengths (needed by the Jacobian; allowed everywhere).
ADGEN_REVERSE("w[n]") ADGEN_FORWARD("w[n]")
double with_len(const double *w, double s, int n) {
  double r = 0;
  for (int i = 0; i < n; ++i)
    r += w[i] * w[i] * s;
  return r;
}
// CHECK-LABEL: double with_len_grad(const double *w, double s, int n, double *d_w) {
// CHECK-LABEL: adgen::Dual<double> with_len_fwd(const double *w, double s, int n, const double *d_w) {

#ifdef ADGEN_TEST_DRIVER
double only_x_pullback(double x, double y, double d_ret, double* d_x);
double only_x_grad(double x, double y, double* d_x);
adgen::Dual<double> only_x_fwd(double x, double y, double d_x);
void x_to_y_pullback(const double* x, double* y, double c, int n, double* d_x, double* d_y);
void x_to_y_fwd(const double* x, double* y, double c, int n, const double* d_x, double* d_y);
double to_ret_pullback(double a, const double& b, int k, double d_ret, double* d_a, double* d_b);
double to_ret_grad(double a, const double& b, int k, double* d_a, double* d_b);
adgen::Dual<double> to_ret_fwd(double a, const double& b, int k, double d_a, const double& d_b);
double ret_and_y_pullback(double x, double* y, double d_ret, double* d_x, double* d_y);
double ret_and_y_grad(double x, double* y, double* d_x, double* d_y);
adgen::Dual<double> ret_and_y_fwd(double x, double* y, double d_x, double* d_y);
void two_outs_pullback(double a, const double* u, double* v, double& w, int n, double* d_a, double* d_u, double* d_v, double* d_w);
void two_outs_fwd(double a, const double* u, double* v, double& w, int n, double d_a, const double* d_u, double* d_v, double& d_w);
double with_len_grad(const double* w, double s, int n, double* d_w);
adgen::Dual<double> with_len_fwd(const double* w, double s, int n, const double* d_w);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  {
    double g = 0;
    check_exact("only_x: value", only_x_grad(1.5, 2.0, &g), 4.5);
    check_exact("only_x: d/dx = 2xy", g, 6.0);
    check_exact("only_x: fwd", only_x_fwd(1.5, 2.0, 1.0).tangent, 6.0);
    g = 0;
    only_x_pullback(1.5, 2.0, -1.0, &g);
    check_exact("only_x: pullback", g, -6.0);
  }
  {
    const double x[3] = {0.1, -0.4, 0.8};
    double y[3], dy[3] = {1.0, 2.0, 3.0}, dx[3] = {};
    x_to_y_pullback(x, y, 1.5, 3, dx, dy);
    for (int i = 0; i < 3; ++i) {
      check_exact("x_to_y: effect", y[i], 1.5 * std::exp(x[i]));
      check_close("x_to_y: d_x", dx[i], (1.0 + i) * 1.5 * std::exp(x[i]), 1e-15);
      check_exact("x_to_y: d_y zero on return", dy[i], 0.0);
    }
    double tx[3] = {1.0, 1.0, -2.0}, ty[3];
    x_to_y_fwd(x, y, 1.5, 3, tx, ty);
    for (int i = 0; i < 3; ++i) check_close("x_to_y_fwd", ty[i], tx[i] * 1.5 * std::exp(x[i]), 1e-15);
  }
  {
    double da = 0, db = 0;
    const double b = -0.5;
    check_exact("to_ret: value", to_ret_grad(2.0, b, 3, &da, &db), -3.0);
    check_exact("to_ret: d/da", da, -1.5);
    check_exact("to_ret: d/db", db, 6.0);
    const double tb = 1.0;
    check_exact("to_ret: fwd", to_ret_fwd(2.0, b, 3, 0.5, tb).tangent, 0.5 * b * 3 + 2.0 * 3);
  }
  {
    double y[1] = {0}, dx = 0, dy[1] = {2.0};
    double v = ret_and_y_pullback(0.4, y, 3.0, &dx, dy);
    check_exact("ret_and_y: value", v, std::cos(0.4));
    check_exact("ret_and_y: writes y", y[0], std::sin(0.4));
    check_close("ret_and_y: d_x from both outputs", dx, -3.0 * std::sin(0.4) + 2.0 * std::cos(0.4), 1e-15);
    check_exact("ret_and_y: d_y zero on return", dy[0], 0.0);
    double ty[1] = {5.0};
    adgen::Dual<double> d = ret_and_y_fwd(0.4, y, 1.0, ty);
    check_close("ret_and_y_fwd: return tangent", d.tangent, -std::sin(0.4), 1e-15);
    check_close("ret_and_y_fwd: y tangent", ty[0], std::cos(0.4), 1e-15);
    dx = 0, dy[0] = 2.0;
    ret_and_y_grad(0.4, y, &dx, dy);
    check_close("ret_and_y_grad: d_ret = 1 plus the y seed", dx, -std::sin(0.4) + 2.0 * std::cos(0.4), 1e-15);
  }
  {
    const int n = 3;
    const double u[n] = {0.5, -1.0, 2.0};
    const double a = 1.5;
    double v[n], w = 99.0, da = 0, du[n] = {}, dv[n] = {1.0, 0.0, -1.0}, dw = 2.0;
    two_outs_pullback(a, u, v, w, n, &da, du, dv, &dw);
    double uu = 0;
    for (int i = 0; i < n; ++i) uu += u[i] * u[i];
    check_exact("two_outs: w", w, a * uu);
    // w = a |u|^2, v = a u.
    check_close("two_outs: d_a", da, 2.0 * uu + (1.0 * u[0] - 1.0 * u[2]), 1e-15);
    for (int i = 0; i < n; ++i) {
      check_close("two_outs: d_u", du[i], 2.0 * 2 * a * u[i] + a * (i == 0 ? 1.0 : i == 2 ? -1.0 : 0.0), 1e-15);
      check_exact("two_outs: d_v zero on return", dv[i], 0.0);
    }
    check_exact("two_outs: d_w zero on return (overwritten)", dw, 0.0);
    double tu[n] = {1, 0, 0}, tv[n], tw = 0;
    two_outs_fwd(a, u, v, w, n, 0.0, tu, tv, tw);
    check_close("two_outs_fwd: d_w", tw, 2 * a * u[0], 1e-15);
    check_close("two_outs_fwd: d_v[0]", tv[0], a, 1e-15);
  }
  {
    const double w[3] = {0.5, 1.5, -2.0};
    double g[3] = {};
    with_len_grad(w, 2.0, 3, g);
    for (int i = 0; i < 3; ++i) check_exact("with_len: d_w = 2 s w", g[i], 4.0 * w[i]);
    check_exact("with_len_fwd", with_len_fwd(w, 2.0, 3, w).tangent, 4.0 * (0.25 + 2.25 + 4.0));
  }
  return finish();
}
#endif
