// Output buffers that a helper only writes (dy of an ODE right-hand side)
// and the caller never reads backwards (RK4's k1..k4) cost nothing: no old
// contents on the tape, none restored, nothing on the redo log; arrays
// declared in a loop body are not saved at each iteration either. Where the
// caller does read the buffer backwards, the same helper restores it (a
// second, numbered helper).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.chk && %t.chk | FileCheck %s --check-prefix=CHK
#include <adgen/adgen.h>
#include <cmath>

static void rhs(const double* y, const double* p, double* dy) {
  dy[0] = y[1];
  dy[1] = -p[0] * std::sin(y[0]) - p[1] * y[1];
}

ADGEN_REVERSE("y0[2], p[2]")
ADGEN_FORWARD("y0[2], p[2]")
double rk4(const double* y0, const double* p, int steps, double dt) {
  double y[2];
  for (int j = 0; j < 2; ++j)
    y[j] = y0[j];
  for (int s = 0; s < steps; ++s) {
    double k1[2], k2[2], k3[2], k4[2], t[2];
    rhs(y, p, k1);
    for (int j = 0; j < 2; ++j)
      t[j] = y[j] + 0.5 * dt * k1[j];
    rhs(t, p, k2);
    for (int j = 0; j < 2; ++j)
      t[j] = y[j] + 0.5 * dt * k2[j];
    rhs(t, p, k3);
    for (int j = 0; j < 2; ++j)
      t[j] = y[j] + dt * k3[j];
    rhs(t, p, k4);
    for (int j = 0; j < 2; ++j)
      y[j] += dt / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
  }
  return y[0] * y[0] + y[1];
}
// CHECK-LABEL: double rk4_pullback({{.*}}) {
// CHECK-NOT:     {{tape[_a-z0-9]*}}.push(k
// CHECK:         ::adgen_detail::rhs_record(y, p, k1);
// CHECK:         tape_at.push(t[j_1]);
// CHECK-NOT:     {{tape[_a-z0-9]*}}.push(k
// CHECK:         ::adgen_detail::rhs_reverse(t, p, k4, d_t, d_p, d_k4);
// CHECK-NOT:     k4[{{.*}}] = tape.pop
// CHECK:         ::adgen_detail::rhs_reverse(y, p, k1, d_y, d_p, d_k1);
// CHECK-NOT:     tape.pop
// CHECK:         return result;
// CHECK-LABEL: /// Tape: nothing.
// CHECK-NEXT:  /// Runs rhs and records what rhs_reverse needs.
// CHECK-NEXT:  static void rhs_record(const double *y, const double *p, double *dy) {
// CHECK-NOT:     tape.push
// CHECK:       }
// CHECK-LABEL: static void rhs_reverse(const double *y, const double *p, double *dy, double *d_y, double *d_p, double *d_dy) {
// CHECK-NOT:     redo
// CHECK-NOT:     tape.pop
// CHECK:       }

// The buffer k is read backwards (k[0] * k[0]) before the second call
// overwrites it: that call's helpers restore it.
ADGEN_REVERSE("y[2], p[2]")
double twice(const double* y, const double* p) {
  double k[2];
  rhs(y, p, k);
  double a = k[0] * k[0];
  double z[2] = {y[1], y[0]};
  rhs(z, p, k);
  return a + k[1] * k[1];
}
// CHECK-LABEL: double twice_pullback({{.*}}) {
// CHECK:         ::adgen_detail::rhs_record_2(y, p, k, tape);
// CHECK:         ::adgen_detail::rhs_reverse_2(z, p, k, d_z, d_p, d_k, tape);

// CHECK-LABEL: /// Tape: old values of dy[] (overwritten, then read by the backward sweep).
// CHECK-NEXT:  /// Runs rhs and records what rhs_reverse_2 needs.
// CHECK-NEXT:  static void rhs_record_2(const double *y, const double *p, double *dy, adgen::Tape &tape) {
// CHECK:         tape.push(dy[0]);
// CHECK-LABEL: static void rhs_reverse_2({{.*}}) {
// CHECK:         dy[1] = tape.pop<double>();

// CHK: 0 failed

#ifdef ADGEN_TEST_DRIVER
double rk4_grad(const double* y0, const double* p, int steps, double dt, double* d_y0, double* d_p);
double twice_pullback(const double* y, const double* p, double d_ret, double* d_y, double* d_p);
adgen::Dual<double> rk4_fwd(const double* y0, const double* p, int steps, double dt,
                            const double* d_y0, const double* d_p);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double x0[4] = {0.8, -0.3, 1.7, 0.2};
  check_scalar_fn<double>("rk4", x0, 4,
      [](const double* v) { return rk4(v, v + 2, 25, 0.05); },
      [](const double* v, double* g) { return rk4_grad(v, v + 2, 25, 0.05, g, g + 2); },
      [](const double* v, const double* t) { return rk4_fwd(v, v + 2, 25, 0.05, t, t + 2); });
  // twice: pullback into pre-filled adjoints with d_ret = 1.5.
  double v[4] = {0.4, -1.1, 2.0, 0.3};
  double g[4] = {0.25, -0.5, 1.0, 2.0};
  twice_pullback(v, v + 2, 1.5, g, g + 2);
  const double pre[4] = {0.25, -0.5, 1.0, 2.0};
  for (int i = 0; i < 4; ++i) {
    double fd = fd_array([&] { return twice(v, v + 2); }, v, i);
    check_close("twice: pre + d_ret * grad", g[i], pre[i] + 1.5 * fd);
  }
  return finish();
}
#endif
