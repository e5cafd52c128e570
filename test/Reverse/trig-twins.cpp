// sin(u) and cos(u) of one operand, both kept in locals (a rotation, as in
// bundle adjustment's Rodrigues formula): the backward sweep reads each
// partial from the other local instead of evaluating sin and cos again. Not
// where u changes between the two, where the twin local is written again,
// or inside loops. Gradients against central differences and forward mode,
// pullbacks into pre-filled adjoints with d_ret != 1, a Hessian.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// Both orders, in a branch, and sin/cos of an expression.
ADGEN_REVERSE("x[n]") ADGEN_FORWARD("x")
double rotate(const double *x, int n) {
  double r = 0.0;
  double t = x[0] * x[1] + 0.3;
  if (t > -5) {
    double c = std::cos(t), s = std::sin(t);
    r = c * x[2] - s * x[3] + c * s;
  }
  double sb = std::sin(x[1] - x[2]);
  double cb = std::cos(x[1] - x[2]);
  return r + sb * cb * x[n - 1];
}
// CHECK-LABEL: double rotate_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK: sincos
// CHECK: sincos
// CHECK: Backward sweep
// CHECK-NOT: std::sin
// CHECK-NOT: std::cos
// CHECK-NOT: sincos
// CHECK-LABEL: double rotate_grad(

// Not twins: t changes between cos(t) and sin(t); s is written again; the
// statement's own target is the operand (a = cos(a) then sin(a)).
ADGEN_REVERSE("x[n]") ADGEN_FORWARD("x")
double apart(const double *x, int n) {
  double t = x[0] + 0.5 * x[1];
  double c = std::cos(t);
  t = t * x[2];
  double s = std::sin(t);
  double u = x[1] * 0.7;
  double su = std::sin(u);
  double cu = std::cos(u);
  su = su * x[0];
  double a = x[2] - 0.2;
  a = std::cos(a);
  double sa = std::sin(a);
  return c * s + su * cu + a * sa + x[n - 1];
}
// CHECK-LABEL: double apart_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK: Backward sweep
// CHECK-DAG: std::sin(a)
// CHECK-DAG: std::sin(u)
// CHECK-DAG: std::sin(t)
// CHECK-DAG: std::cos(t)
// CHECK-LABEL: double apart_grad(

// In a loop (each iteration writes c and s): computed again; and in a
// helper called from a loop, whose own body has no loop: twins, read back in
// its reverse helper.
static double spin(double t, double w) {
  double c = std::cos(w * t), s = std::sin(w * t);
  return c * c * w - s * t;
}
ADGEN_REVERSE("x[n]") ADGEN_FORWARD("x")
double looped(const double *x, int n) {
  double acc = 0.0;
  for (int i = 0; i < n; ++i) {
    double c = std::cos(x[i]), s = std::sin(x[i]);
    acc += c * s * acc + spin(x[i], acc + 0.1);
  }
  return acc;
}
// CHECK-LABEL: double looped_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK: Backward sweep
// CHECK: sincos(x[i])
// CHECK-LABEL: double looped_grad(
// CHECK-LABEL: static void spin_reverse(double t, double w, double d_result_1, double *d_t, double *d_w, adgen::Tape &tape) {
// CHECK-NOT: sin
// CHECK: }

ADGEN_HESSIAN("x[4]")
double rotate_h(const double *x) { return rotate(x, 4); }

#ifdef ADGEN_TEST_DRIVER
#include "adgen_test.h"

double rotate_pullback(const double *x, int n, double d_ret, double *d_x);
double rotate_grad(const double *x, int n, double *d_x);
adgen::Dual<double> rotate_fwd(const double *x, int n, const double *d_x);
double apart_pullback(const double *x, int n, double d_ret, double *d_x);
double apart_grad(const double *x, int n, double *d_x);
adgen::Dual<double> apart_fwd(const double *x, int n, const double *d_x);
double looped_pullback(const double *x, int n, double d_ret, double *d_x);
double looped_grad(const double *x, int n, double *d_x);
adgen::Dual<double> looped_fwd(const double *x, int n, const double *d_x);
void rotate_h_hessian(const double *x, double *hess);

int main() {
  ADGEN_TEST_ARRAY_FN(rotate, 5);
  ADGEN_TEST_ARRAY_FN(apart, 4);
  ADGEN_TEST_ARRAY_FN(looped, 6);
  {
    const double x[4] = {0.4, -0.7, 1.3, 0.2};
    double H[16];
    rotate_h_hessian(x, H);
    for (int j = 0; j < 4; ++j) {
      double xp[4] = {x[0], x[1], x[2], x[3]}, xm[4] = {x[0], x[1], x[2], x[3]};
      double h = 1e-6 * (std::fabs(x[j]) + 1);
      xp[j] += h;
      xm[j] -= h;
      double gp[4] = {}, gm[4] = {};
      rotate_grad(xp, 4, gp);
      rotate_grad(xm, 4, gm);
      for (int i = 0; i < 4; ++i)
        adgen_test::check_close("rotate_h hessian vs FD of the gradient", H[i * 4 + j],
                                (gp[i] - gm[i]) / (2 * h), 1e-6, 1e-8);
    }
  }
  return adgen_test::finish();
}
#endif
