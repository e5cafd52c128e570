// ADGEN_CHECKPOINT(snapshots) before a time-stepping loop: the pullback keeps
// at most `snapshots` states of the loop instead of taping every step, and
// gives the same gradient as the taped loop -- for any number of steps and
// snapshots (binomial schedule, adgen/checkpoint.h). Forward mode ignores
// the marker.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// The whole contract (finite differences, pre-filled adjoints, f's effects):
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check && %t.check | FileCheck %s --check-prefix=CONTRACT
#include <adgen/adgen.h>
#include <cmath>

// A damped pendulum.
static void deriv(const double *y, double k, double *dy) {
  dy[0] = y[1];
  dy[1] = -k * std::sin(y[0]) - 0.1 * y[1];
}

#define RK4_BODY                                                                   \
  double k1[2], k2[2], k3[2], k4[2], t[2];                                         \
  deriv(y, k, k1);                                                                 \
  for (int j = 0; j < 2; ++j)                                                      \
    t[j] = y[j] + 0.5 * dt * k1[j];                                                \
  deriv(t, k, k2);                                                                 \
  for (int j = 0; j < 2; ++j)                                                      \
    t[j] = y[j] + 0.5 * dt * k2[j];                                                \
  deriv(t, k, k3);                                                                 \
  for (int j = 0; j < 2; ++j)                                                      \
    t[j] = y[j] + dt * k3[j];                                                      \
  deriv(t, k, k4);                                                                 \
  for (int j = 0; j < 2; ++j)                                                      \
    y[j] += dt / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);                      \
  if (y[0] > 0.5)                                                                  \
    work += dt * y[1] * y[1];                                                      \
  time += dt;

ADGEN_REVERSE("y0[2], k") ADGEN_FORWARD("y0[2], k")
double pendulum(const double *y0, double k, double dt, int steps, int snapshots) {
  double y[2] = {y0[0], y0[1]};
  double work = 0, time = 0;
  ADGEN_CHECKPOINT(snapshots)
  for (int i = 0; i < steps; ++i) {
    RK4_BODY
  }
  return y[0] * y[0] + 0.5 * y[1] + work + 0.01 * time * k;
}

// The same loop, taped.
ADGEN_REVERSE("y0[2], k")
double pendulum_taped(const double *y0, double k, double dt, int steps, int snapshots) {
  double y[2] = {y0[0], y0[1]};
  double work = 0, time = 0;
  (void)snapshots;
  for (int i = 0; i < steps; ++i) {
    RK4_BODY
  }
  return y[0] * y[0] + 0.5 * y[1] + work + 0.01 * time * k;
}

// CHECK: Checkpointed loop, line 45: snapshots of y, work, time; each step is taped and reversed in the backward sweep.
// CHECK-LABEL: double pendulum_pullback(const double *y0, double k, double dt, int steps, int snapshots, double d_ret, double *d_y0, double *d_k) {
// CHECK: adgen::Checkpoints checkpoints;
// CHECK: checkpoints.begin(i, steps, snapshots);
// CHECK: checkpoints.put(y[{{k_[0-9]+}}]);
// CHECK: checkpoints.put(work);
// CHECK: checkpoints.put(time);
// CHECK: while (checkpoints.next()) {
// CHECK: if (checkpoints.restoring()) {
// CHECK: checkpoints.get(y[{{k_[0-9]+}}]);
// CHECK: for (i = checkpoints.from(); i < checkpoints.to(); ++i) {
// CHECK: if (checkpoints.saving()) {
// CHECK: if (checkpoints.reversing()) {
// CHECK-NEXT: i = checkpoints.step();
// CHECK-LABEL: double pendulum_grad(
// CHECK-LABEL: adgen::Dual<double> pendulum_fwd(
// CHECK-NOT: checkpoints
// CHECK-LABEL: double pendulum_taped_pullback(
// CHECK-NOT: checkpoints

// CONTRACT: ok pendulum
// CONTRACT: ok pendulum_taped
// CONTRACT: 2 passed, 0 failed

#ifdef ADGEN_TEST_DRIVER
double pendulum_pullback(const double *y0, double k, double dt, int steps, int snapshots,
                         double d_ret, double *d_y0, double *d_k);
double pendulum_grad(const double *y0, double k, double dt, int steps, int snapshots,
                     double *d_y0, double *d_k);
adgen::Dual<double> pendulum_fwd(const double *y0, double k, double dt, int steps,
                                 int snapshots, const double *d_y0, double d_k);
double pendulum_taped_pullback(const double *y0, double k, double dt, int steps, int snapshots,
                               double d_ret, double *d_y0, double *d_k);
#include "adgen_test.h"
#include <adgen/runtime.h>
#include <chrono>
using namespace adgen_test;

// 1,000,000 steps, 100 snapshots: the gradient of the taped loop, with a
// tape that holds one step (the taped loop's holds all of them). Times are
// printed, not checked (bench/ measures them).
void million() {
  const double y0[2] = {0.9, -0.3}, k = 1.7, dt = 1e-5;
  const int steps = 1000000;
  double g[3] = {0, 0, 0}, h[3] = {0, 0, 0};
  auto t0 = std::chrono::steady_clock::now();
  pendulum_pullback(y0, k, dt, steps, 100, 1.0, g, &g[2]);
  auto t1 = std::chrono::steady_clock::now();
  std::size_t checkpointed = adgen::threadTape().capacity();
  pendulum_taped_pullback(y0, k, dt, steps, 100, 1.0, h, &h[2]);
  auto t2 = std::chrono::steady_clock::now();
  std::size_t taped = adgen::threadTape().capacity();
  for (int i = 0; i < 3; ++i)
    check_close("1e6 steps: checkpointed == taped", g[i], h[i], 0, 0);
  check_close("1e6 steps: the tape holds one step", checkpointed < 8192 ? 1 : 0, 1, 0, 0);
  check_close("1e6 steps: the taped loop's tape holds them all", taped > 32000000 ? 1 : 0, 1, 0, 0);
  std::printf("1e6 steps: tape %zu bytes checkpointed (100 snapshots), %zu taped; "
              "time %.3f s checkpointed, %.3f s taped\n",
              checkpointed, taped, std::chrono::duration<double>(t1 - t0).count(),
              std::chrono::duration<double>(t2 - t1).count());
}

int main() {
  million();
  const double y0[2] = {0.9, -0.3}, k = 1.7, dt = 0.05;
  for (int steps : {0, 1, 2, 3, 7, 50, 333})
    for (int snapshots : {1, 2, 3, 10, 1000}) {
      // Pre-filled adjoints and a seed that is not 1: pre + seed * gradient.
      double g[3] = {0.25, -0.5, 1.5}, h[3] = {0.25, -0.5, 1.5};
      double v = pendulum_pullback(y0, k, dt, steps, snapshots, -1.75, g, &g[2]);
      double w = pendulum_taped_pullback(y0, k, dt, steps, snapshots, -1.75, h, &h[2]);
      check_close("value", v, pendulum(y0, k, dt, steps, snapshots), 0, 0);
      check_close("taped value", w, v, 0, 0);
      for (int i = 0; i < 3; ++i)
        check_close("checkpointed == taped", g[i], h[i], 1e-14, 0);
    }
  // Against central differences and forward mode, over 200 steps.
  double p[3] = {0.9, -0.3, 1.7};
  check_scalar_fn<double>(
      "pendulum", p, 3,
      [&](const double *q) { return pendulum(q, q[2], dt, 200, 4); },
      [&](const double *q, double *gr) { return pendulum_grad(q, q[2], dt, 200, 4, gr, &gr[2]); },
      [&](const double *q, const double *t) {
        return pendulum_fwd(q, q[2], dt, 200, 4, t, t[2]);
      });
  return finish();
}
#endif
