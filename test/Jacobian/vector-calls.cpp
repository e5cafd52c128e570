// f_jacobian by columns through f_fwd_vec (one sweep for all columns) where
// f calls helpers (their vector helpers), overwrites a by-value parameter,
// has a double& parameter and a class with a constructor. Checked against
// central differences (default mode and --jacobian-mode=forward), against
// reverse mode (--jacobian-mode=reverse) and with --emit=check.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --jacobian-mode=reverse -o %t.rev.cpp -- -std=c++17
// RUN: %cxx -DADGEN_TEST_DRIVER %t.rev.cpp -o %t.rev && %t.rev
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check && %t.check | FileCheck %s --check-prefix=CHK
#include <adgen/adgen.h>
#include <cmath>

double sq(double u) { return u * u + std::sin(u); }
void acc(double u, double &r) { r += u * std::cos(r); }
struct Acc {
  double m = 0.5;
  double v;
  explicit Acc(double s) : v(2 * s) {}
};

ADGEN_JACOBIAN("x[2], a -> y[3]")
void j1(const double *x, double a, double *y) {
  a = a * a;
  Acc c(x[1]);
  y[0] = sq(x[0]) * a + c.m * c.v;
  y[1] = x[1];
  acc(x[0] * a, y[1]);
  y[2] = a * sq(x[1]);
}
// CHECK-LABEL: static void j1_jacobian_fwd_vec(const double *x, double a, double *y, const double *d_x, const double *d_a, double *d_y, int k) {
// CHECK:         ::adgen_detail::sq_fwd_vec(x[0], d_x + 0 * k, k, d_sq_value.data());
// CHECK:         ::adgen_detail::acc_fwd_vec(x[0] * a, y[1], d_u.data(), d_y + 1 * k, k);
// CHECK-LABEL: static double sq_fwd_vec(double u, const double *d_u, int k, double *d_ret) {
// CHECK-LABEL: static void acc_fwd_vec(double u, double &r, const double *d_u, double *d_r, int k) {
// CHECK-LABEL: void j1_jacobian(const double *x, double a, double *y, double *jac) {
// CHECK:         ::adgen_detail::j1_jacobian_fwd_vec(x, a, y, adgen_vd_x, adgen_vd_a, jac, static_cast<int>(adgen_n_in));

ADGEN_JACOBIAN("x, r -> return, r")
double j2(double x, double &r) {
  r = r * x;
  x = std::sin(x);
  return sq(r * x);
}
// CHECK-LABEL: static double j2_jacobian_fwd_vec(double x, double &r, const double *d_x, double *d_r, int k, double *d_ret) {
// CHECK-LABEL: void j2_jacobian(double x, double &r, double *jac) {
// CHECK:         ::adgen_detail::j2_jacobian_fwd_vec(x, r, adgen_vd_x, jac + (1) * adgen_n_in, static_cast<int>(adgen_n_in), jac);

// CHK-NOT: FAIL
// CHK: 2 passed, 0 failed

#ifdef ADGEN_TEST_DRIVER
void j1_jacobian(const double *x, double a, double *y, double *jac);
void j2_jacobian(double x, double &r, double *jac);
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  const double h = 1e-6;
  { // j1: inputs x[0], x[1], a; outputs y[0..2] (in-out y[1]).
    double in[3] = {0.4, -0.9, 0.7}, y0[3] = {0.3, 1.2, -0.5};
    double y[4] = {y0[0], y0[1], y0[2], 99}, want[3] = {y0[0], y0[1], y0[2]}, jac[9 + 1];
    jac[9] = 42;
    j1_jacobian(in, in[2], y, jac);
    j1(in, in[2], want);
    for (int i = 0; i < 3; ++i)
      check_close("j1: y is what f leaves (up to constant folding of sin)", y[i], want[i], 1e-14);
    check_exact("j1: canary past y", y[3], 99);
    check_exact("j1: canary past jac", jac[9], 42);
    for (int c = 0; c < 3; ++c) {
      double p[3] = {in[0], in[1], in[2]}, m[3] = {in[0], in[1], in[2]};
      p[c] += h, m[c] -= h;
      double yp[3] = {y0[0], y0[1], y0[2]}, ym[3] = {y0[0], y0[1], y0[2]};
      j1(p, p[2], yp);
      j1(m, m[2], ym);
      for (int r = 0; r < 3; ++r)
        check_close("j1: f_jacobian vs central differences", jac[r * 3 + c], (yp[r] - ym[r]) / (2 * h), 1e-6, 1e-9);
    }
  }
  { // j2: inputs x, r; outputs the result, r.
    double x = 0.8, r0 = -0.6, r = r0, jac[4 + 1], want = r0;
    jac[4] = 42;
    j2_jacobian(x, r, jac);
    j2(x, want);
    check_close("j2: r is what f leaves", r, want, 1e-14);
    check_exact("j2: canary past jac", jac[4], 42);
    for (int c = 0; c < 2; ++c) {
      double xp = x + (c == 0 ? h : 0), xm = x - (c == 0 ? h : 0);
      double rp = r0 + (c == 1 ? h : 0), rm = r0 - (c == 1 ? h : 0);
      double fp = j2(xp, rp), fm = j2(xm, rm);
      check_close("j2: f_jacobian vs central differences (result)", jac[0 * 2 + c], (fp - fm) / (2 * h), 1e-6, 1e-9);
      check_close("j2: f_jacobian vs central differences (r)", jac[1 * 2 + c], (rp - rm) / (2 * h), 1e-6, 1e-9);
    }
  }
  return finish();
}
#endif
