// In-out rules for written pointers and references. Reverse: on entry d_p is
// the adjoint of p's final contents, on return of its initial contents, so a
// pure output's d_p is zero wherever f overwrote it and unchanged where it
// did not. Forward: d_p is the tangent of the initial contents on entry and
// of the final contents on return. Also an input (not an output) that f
// overwrites, and a double& in-out parameter.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// Writes y[0..n-1) only; y[n-1] is left alone.
ADGEN_REVERSE("x -> y") ADGEN_FORWARD("x -> y")
void partial(const double *x, double *y, int n) {
  for (int i = 0; i + 1 < n; ++i)
    y[i] = x[i] * x[i + 1];
}
// CHECK-LABEL: void partial_pullback(const double *x, double *y, int n, double *d_x, double *d_y) {
// CHECK-LABEL: void partial_fwd(const double *x, double *y, int n, const double *d_x, double *d_y) {

// p is an input (default inputs include pointers) and f overwrites it, but
// the output is the return value only.
ADGEN_REVERSE() ADGEN_FORWARD()
double consume(double *p) {
  double s = p[0] * p[1];
  p[0] = s;
  p[1] = std::sin(p[1]);
  return s + p[1] * p[0];
}
// CHECK-LABEL: double consume_pullback(double *p, double d_ret, double *d_p) {
// CHECK-LABEL: double consume_grad(double *p, double *d_p) {
// CHECK-LABEL: adgen::Dual<double> consume_fwd(double *p, double *d_p) {

// In-out reference.
ADGEN_REVERSE() ADGEN_FORWARD()
void relax(double &r, double x) { r = r * r * x + std::cos(r); }
// CHECK-LABEL: void relax_pullback(double &r, double x, double *d_r, double *d_x) {
// CHECK-LABEL: void relax_fwd(double &r, double x, double &d_r, double d_x) {

#ifdef ADGEN_TEST_DRIVER
void partial_pullback(const double* x, double* y, int n, double* d_x, double* d_y);
void partial_fwd(const double* x, double* y, int n, const double* d_x, double* d_y);
double consume_pullback(double* p, double d_ret, double* d_p);
double consume_grad(double* p, double* d_p);
adgen::Dual<double> consume_fwd(double* p, double* d_p);
void relax_pullback(double& r, double x, double* d_r, double* d_x);
void relax_fwd(double& r, double x, double& d_r, double d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  {
    const double x[4] = {0.5, -1.5, 2.0, 0.25};
    double y[4] = {7, 7, 7, 7}, dy[4] = {1.0, 2.0, 3.0, 4.0}, dx[4] = {};
    partial_pullback(x, y, 4, dx, dy);
    for (int i = 0; i < 3; ++i) {
      check_exact("partial_pullback: writes y", y[i], x[i] * x[i + 1]);
      check_exact("partial_pullback: d_y zero where overwritten", dy[i], 0.0);
    }
    check_exact("partial_pullback: y[n-1] untouched", y[3], 7.0);
    check_exact("partial_pullback: d_y unchanged where not written", dy[3], 4.0);
    // d_x[i] = ybar[i] x[i+1] + ybar[i-1] x[i-1].
    check_exact("partial: d_x[0]", dx[0], 1.0 * x[1]);
    check_exact("partial: d_x[1]", dx[1], 2.0 * x[2] + 1.0 * x[0]);
    check_exact("partial: d_x[2]", dx[2], 3.0 * x[3] + 2.0 * x[1]);
    check_exact("partial: d_x[3]", dx[3], 3.0 * x[2]);
    double tx[4] = {1.0, 0.5, -1.0, 2.0}, ty[4] = {9, 9, 9, 9};
    double y2[4] = {7, 7, 7, 7};
    partial_fwd(x, y2, 4, tx, ty);
    for (int i = 0; i < 3; ++i)
      check_exact("partial_fwd: tangent", ty[i], tx[i] * x[i + 1] + x[i] * tx[i + 1]);
    check_exact("partial_fwd: tangent of an unwritten element is its initial tangent", ty[3], 9.0);
  }
  {
    const double p0[2] = {0.6, 1.2};
    double p[2] = {p0[0], p0[1]}, dp[2] = {0, 0};
    double v = consume_grad(p, dp);
    double q[2] = {p0[0], p0[1]};
    check_ulps("consume_grad: value", v, consume(q));
    check_exact("consume_grad: effect p[0]", p[0], q[0]);
    check_exact("consume_grad: effect p[1]", p[1], q[1]);
    // f = s + sin(p1) s with s = p0 p1.
    double s = p0[0] * p0[1], sn = std::sin(p0[1]), cs = std::cos(p0[1]);
    check_close("consume: d/dp0 of initial", dp[0], p0[1] * (1 + sn), 1e-15);
    check_close("consume: d/dp1 of initial", dp[1], p0[0] * (1 + sn) + s * cs, 1e-15);
    // Adjoints on the final contents flow back too: final p = (s, sin p1).
    double r[2] = {p0[0], p0[1]}, dr[2] = {2.0, 3.0};
    consume_pullback(r, 0.0, dr);
    check_close("consume: final-contents seeds, d/dp0", dr[0], 2.0 * p0[1], 1e-15);
    check_close("consume: final-contents seeds, d/dp1", dr[1], 2.0 * p0[0] + 3.0 * cs, 1e-15);
    // Forward: tangents of the final contents come back in d_p.
    double f[2] = {p0[0], p0[1]}, t[2] = {1.0, -0.5};
    adgen::Dual<double> d = consume_fwd(f, t);
    check_close("consume_fwd: tangent", d.tangent, dp[0] * 1.0 + dp[1] * -0.5, 1e-14);
    check_close("consume_fwd: d_p[0] final", t[0], 1.0 * p0[1] + p0[0] * -0.5, 1e-15);
    check_close("consume_fwd: d_p[1] final", t[1], cs * -0.5, 1e-15);
  }
  {
    double r = 0.9, dr = 1.5, dx = 0.25;
    const double r0 = 0.9, x = 2.0;
    relax_pullback(r, x, &dr, &dx);
    check_exact("relax_pullback: effect", r, r0 * r0 * x + std::cos(r0));
    check_close("relax: d_r of the initial value", dr, 1.5 * (2 * r0 * x - std::sin(r0)), 1e-15);
    check_close("relax: d_x accumulates", dx, 0.25 + 1.5 * r0 * r0, 1e-15);
    double rf = r0, tr = 0.5;
    relax_fwd(rf, x, tr, -1.0);
    check_exact("relax_fwd: effect", rf, r);
    check_close("relax_fwd: d_r final", tr, 0.5 * (2 * r0 * x - std::sin(r0)) - r0 * r0, 1e-15);
  }
  return finish();
}
#endif
