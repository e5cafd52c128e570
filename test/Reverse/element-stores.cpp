// The storage plan stores the old value of an array element only if the
// backward sweep reads that element (Transforms/StoragePlanElements.h): a
// callee's reverse helper reads the elements of an input array that it uses
// non-linearly (sin(y[i]) for i < 4), not those it only adds or scales by
// constants; the caller's own reads are by constant index. RK4's stage
// state t[8] then stores t[0..3] per stage, and y[0..3] per step (the
// return's y[4] is the final value, which nothing stored serves).
// RUN: %adgen %s --emit=plan -- -std=c++17 | FileCheck %s --check-prefix=PLAN
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.chk && %t.chk | FileCheck %s --check-prefix=CHK
#include <adgen/adgen.h>
#include <cmath>

static void osc(const double* y, const double* p, double* dy) {
  for (int i = 0; i < 4; ++i) {
    dy[i] = y[4 + i];
    dy[4 + i] = -p[i] * std::sin(y[i]) + 0.1 * (y[(i + 1) % 4] - y[i]) - 0.05 * y[4 + i];
  }
}

ADGEN_REVERSE("y0[8], p[4]")
ADGEN_FORWARD("y0[8], p[4]") ADGEN_HESSIAN("y0[8], p[4]")
double rk4(const double* y0, const double* p, int steps, double dt) {
  double y[8];
  for (int j = 0; j < 8; ++j)
    y[j] = y0[j];
  for (int s = 0; s < steps; ++s) {
    double k1[8], k2[8], k3[8], k4[8], t[8];
    osc(y, p, k1);
    for (int j = 0; j < 8; ++j)
      t[j] = y[j] + 0.5 * dt * k1[j];
    osc(t, p, k2);
    for (int j = 0; j < 8; ++j)
      t[j] = y[j] + 0.5 * dt * k2[j];
    osc(t, p, k3);
    for (int j = 0; j < 8; ++j)
      t[j] = y[j] + dt * k3[j];
    osc(t, p, k4);
    for (int j = 0; j < 8; ++j)
      y[j] += dt / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
  }
  return y[0] + 2 * y[1] + 3 * y[2] + 4 * y[3] + y[4] * y[4];
}
// PLAN-LABEL: plan rk4_pullback
// PLAN:         line 35  t[]: old value stored for t[0..3] only; the other elements are not read backwards
// PLAN:         line 38  t[]: old value stored for t[0..3] only; the other elements are not read backwards
// PLAN:         line 41  t[]: old value stored for t[0..3] only; the other elements are not read backwards
// PLAN:         line 44  y[]: old value stored for y[0..3] only; the other elements are not read backwards
// PLAN:         stored: t[] y[]
// CHECK-LABEL: double rk4_pullback({{.*}}) {
// CHECK:         for (; j_1 < 8; ++j_1) { // line 34
// CHECK-NEXT:      if (j_1 <= 3) {
// CHECK-NEXT:        tape_at.push(t[j_1]);
// CHECK-NEXT:      }
// CHECK-NEXT:      t[j_1] = y[j_1] + 0.5 * dt * k1[j_1];
// CHECK:         for (; j_4 < 8; ++j_4) { // line 43
// CHECK-NEXT:      if (j_4 <= 3) {
// CHECK-NEXT:        tape_at_3.push(y[j_4]);
// CHECK-NEXT:      }
// CHECK:         for (j_4 = 7; j_4 >= 0; --j_4) { // line 43
// CHECK-NEXT:      if (j_4 <= 3) {
// CHECK-NEXT:        y[j_4] = tape.pop<double>();
// CHECK-NEXT:      }
// CHECK:         ::adgen_detail::osc_reverse(t, p, k4, d_t, d_p, d_k4);
// CHECK:         for (j_3 = 7; j_3 >= 0; --j_3) { // line 40
// CHECK-NEXT:      if (j_3 <= 3) {
// CHECK-NEXT:        t[j_3] = tape.pop<double>();
// CHECK-NEXT:      }

// A callee that reads y[2] and y[3] non-linearly and y[0], y[1] linearly:
// the stores of u cover u[2..3]; a constant index outside stores nothing.
static double tail2(const double* y) {
  double s = y[0] - 3.0 * y[1];
  for (int i = 2; i < 4; ++i)
    s += y[i] * y[i];
  return s;
}

ADGEN_REVERSE("x[4]")
ADGEN_FORWARD("x[4]") ADGEN_HESSIAN("x[4]")
double twostage(const double* x) {
  double u[4];
  for (int j = 0; j < 4; ++j)
    u[j] = x[j] * x[j] + 1.0;
  double a = tail2(u);
  for (int j = 0; j < 4; ++j)
    u[j] = 2.0 * u[j] + x[3 - j];
  u[0] = a * x[1];
  u[3] = a * x[2];
  return a * tail2(u);
}
// PLAN-LABEL: plan twostage_pullback
// PLAN:         line 91  u[]: old value stored for u[2..3] only; the other elements are not read backwards
// PLAN-NEXT:    line 92  u[]: nothing stored (the backward sweep reads only u[2..3])
// PLAN-NEXT:    line 93  u[]: old value stored{{$}}
// CHECK-LABEL: double twostage_pullback({{.*}}) {
// CHECK:         if (j_1 >= 2 && j_1 <= 3) {
// CHECK-NEXT:      tape_at.push(u[j_1]);
// CHECK-NEXT:    }
// CHECK-NEXT:    u[j_1] = 2.0 * u[j_1] + x[3 - j_1];
// CHECK-NOT:     tape.push(u[0]);
// CHECK:         u[0] = a * x[1];
// CHECK-NEXT:    tape.push(u[3]);
// CHECK-NEXT:    u[3] = a * x[2];
// CHECK:         ::adgen_detail::tail2_reverse(u, d_tail2, d_u);
// CHECK-NEXT:    u[3] = tape.pop<double>();
// CHECK-NOT:     u[0] = tape.pop
// CHECK:         if (j_1 >= 2 && j_1 <= 3) {
// CHECK-NEXT:      u[j_1] = tape.pop<double>();

// Where the caller reads an element by a computed index, or a callee by an
// unknown one, every element is stored, as before.
static double lin(const double* y, int n) {
  double s = 0.0;
  for (int i = 0; i < n; ++i)
    s += y[i] * y[i];
  return s;
}

ADGEN_REVERSE("x[4]")
double unknown(const double* x, int n) {
  double u[4];
  for (int j = 0; j < 4; ++j)
    u[j] = x[j] * x[j];
  double a = lin(u, n);
  for (int j = 0; j < 4; ++j)
    u[j] = 2.0 * u[j] + a;
  return lin(u, 2);
}
// PLAN-LABEL: plan unknown_pullback
// PLAN:         line 131  u[]: old value stored{{$}}
// CHECK-LABEL: double unknown_pullback({{.*}}) {
// CHECK-NOT:     if (j
// CHECK:         tape_at{{.*}}.push(u[j_1]);
// CHECK:         return result;

// The check program compares f_hessian (forward over these stores) with
// finite differences of the gradient too.
// CHK: 3 passed, 0 failed

#ifdef ADGEN_TEST_DRIVER
#include <cstdio>
#include <cstdlib>
double rk4_pullback(const double* y0, const double* p, int steps, double dt, double d_ret,
                    double* d_y0, double* d_p);
adgen::Dual<double> rk4_fwd(const double* y0, const double* p, int steps, double dt,
                            const double* dy0, const double* dp);
double twostage_pullback(const double* x, double d_ret, double* d_x);
adgen::Dual<double> twostage_fwd(const double* x, const double* dx);

static int fails = 0;
static void expect(double got, double want, double tol, const char* what) {
  if (std::fabs(got - want) > tol * (1 + std::fabs(want))) {
    std::printf("FAIL %s: %.15g vs %.15g\n", what, got, want);
    ++fails;
  }
}

int main() {
  double y0[8] = {0.3, -0.2, 0.5, 0.1, 0.05, -0.1, 0.2, 0.0}, p[4] = {1.1, 0.7, 1.3, 0.9};
  const int steps = 25;
  const double dt = 0.05, dret = -1.7;
  // Non-zero adjoints going in: the pullback adds dret * gradient to them.
  double d_y0[8], d_p[4], pre_y0[8], pre_p[4];
  for (int i = 0; i < 8; ++i)
    d_y0[i] = pre_y0[i] = 0.1 * i - 0.3;
  for (int i = 0; i < 4; ++i)
    d_p[i] = pre_p[i] = 0.2 - 0.05 * i;
  double f = rk4_pullback(y0, p, steps, dt, dret, d_y0, d_p);
  expect(f, rk4(y0, p, steps, dt), 1e-15, "rk4 value");
  for (int i = 0; i < 12; ++i) {
    double e[12] = {};
    e[i] = 1;
    double fd, h = 1e-6;
    double yp[8], yq[8], pp[4], pq[4];
    for (int k = 0; k < 8; ++k)
      yp[k] = yq[k] = y0[k];
    for (int k = 0; k < 4; ++k)
      pp[k] = pq[k] = p[k];
    if (i < 8) {
      yp[i] += h;
      yq[i] -= h;
    } else {
      pp[i - 8] += h;
      pq[i - 8] -= h;
    }
    fd = (rk4(yp, pp, steps, dt) - rk4(yq, pq, steps, dt)) / (2 * h);
    double tan = rk4_fwd(y0, p, steps, dt, e, e + 8).tangent;
    double rev = i < 8 ? (d_y0[i] - pre_y0[i]) / dret : (d_p[i - 8] - pre_p[i - 8]) / dret;
    expect(rev, fd, 1e-7, "rk4 reverse vs finite differences");
    expect(rev, tan, 1e-12, "rk4 reverse vs forward");
  }
  double x[4] = {0.3, -0.4, 0.7, 0.2}, d_x[4] = {0.5, -0.25, 1.0, 2.0}, pre[4];
  for (int i = 0; i < 4; ++i)
    pre[i] = d_x[i];
  expect(twostage_pullback(x, dret, d_x), twostage(x), 1e-15, "twostage value");
  for (int i = 0; i < 4; ++i) {
    double e[4] = {}, xp[4], xq[4], h = 1e-6;
    e[i] = 1;
    for (int k = 0; k < 4; ++k)
      xp[k] = xq[k] = x[k];
    xp[i] += h;
    xq[i] -= h;
    double fd = (twostage(xp) - twostage(xq)) / (2 * h);
    double rev = (d_x[i] - pre[i]) / dret;
    expect(rev, fd, 1e-7, "twostage reverse vs finite differences");
    expect(rev, twostage_fwd(x, e).tangent, 1e-12, "twostage reverse vs forward");
  }
  std::printf("%d failed\n", fails);
  return fails != 0;
}
#endif
