// In-out buffers: f reads and overwrites the same array. Reverse: d_p holds
// the adjoint of the final contents on entry and of the initial contents on
// return. Forward: d_p holds the tangent of the initial contents on entry and
// of the final contents on return.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// Elementwise in place.
ADGEN_REVERSE() ADGEN_FORWARD()
void squash(double *p, int n) {
  for (int i = 0; i < n; ++i)
    p[i] = p[i] * p[i] + std::tanh(p[i]);
}
// CHECK-LABEL: void squash_pullback(double *p, int n, double *d_p) {
// CHECK-LABEL: void squash_fwd(double *p, int n, double *d_p) {

// Each update reads its updated left neighbour (Gauss-Seidel order), several sweeps.
ADGEN_REVERSE() ADGEN_FORWARD()
void smooth(double *u, double w, int n, int steps) {
  for (int t = 0; t < steps; ++t)
    for (int i = 1; i < n - 1; ++i)
      u[i] = w * u[i] * u[i] + 0.5 * (u[i - 1] + u[i + 1]);
}
// CHECK-LABEL: void smooth_pullback(double *u, double w, int n, int steps, double *d_u, double *d_w) {
// CHECK-LABEL: void smooth_fwd(double *u, double w, int n, int steps, double *d_u, double d_w) {

// Accumulates into y without overwriting it: y is read, so the adjoint of its
// initial contents is the adjoint of its final contents.
ADGEN_REVERSE() ADGEN_FORWARD()
void axpy(double a, const double *x, double *y, int n) {
  for (int i = 0; i < n; ++i)
    y[i] += a * x[i];
}
// CHECK-LABEL: void axpy_pullback(double a, const double *x, double *y, int n, double *d_a, double *d_x, double *d_y) {
// CHECK-LABEL: void axpy_fwd(double a, const double *x, double *y, int n, double d_a, const double *d_x, double *d_y) {

#ifdef ADGEN_TEST_DRIVER
void squash_pullback(double* p, int n, double* d_p);
void squash_fwd(double* p, int n, double* d_p);
void smooth_pullback(double* u, double w, int n, int steps, double* d_u, double* d_w);
void smooth_fwd(double* u, double w, int n, int steps, double* d_u, double d_w);
void axpy_pullback(double a, const double* x, double* y, int n, double* d_a, double* d_x, double* d_y);
void axpy_fwd(double a, const double* x, double* y, int n, double d_a, const double* d_x, double* d_y);
#include "adgen_test.h"
#include <cstring>
int main() {
  using namespace adgen_test;
  const int n = 5;
  const double p0[n] = {0.3, -0.8, 1.2, 0.05, -1.5};
  check_vector_fn<double>("squash", p0, n, n,
      [](const double* x, double* y) { std::memcpy(y, x, sizeof(double) * n); squash(y, n); },
      [](const double* x, const double* ybar, double* xbar) {
        double p[n], dp[n], ref[n];
        std::memcpy(p, x, sizeof p);
        std::memcpy(ref, x, sizeof ref);
        squash(ref, n);
        std::memcpy(dp, ybar, sizeof dp);
        squash_pullback(p, n, dp);
        for (int i = 0; i < n; ++i) {
          check_ulps("squash_pullback: effect", p[i], ref[i]);
          xbar[i] += dp[i]; // adjoint of the initial contents
        }
      },
      [](const double* x, const double* xd, double* y, double* yd) {
        std::memcpy(y, x, sizeof(double) * n);
        std::memcpy(yd, xd, sizeof(double) * n);
        squash_fwd(y, n, yd);
      });
  // Hand-derived: d_p on return = d_p on entry * (2 p + 1 - tanh(p)^2).
  {
    double p[n], dp[n];
    for (int i = 0; i < n; ++i) p[i] = p0[i], dp[i] = 1.0 + i;
    squash_pullback(p, n, dp);
    for (int i = 0; i < n; ++i) {
      double th = std::tanh(p0[i]);
      check_close("squash: hand-derived", dp[i], (1.0 + i) * (2 * p0[i] + 1 - th * th), 1e-14);
    }
  }
  // u[0..n) and w, output u.
  const double q0[n + 1] = {1.0, 0.2, -0.3, 0.4, 0.5, 0.35};
  for (int steps : {0, 1, 3})
    check_vector_fn<double>("smooth", q0, n + 1, n,
        [steps](const double* x, double* y) { std::memcpy(y, x, sizeof(double) * n); smooth(y, x[n], n, steps); },
        [steps](const double* x, const double* ybar, double* xbar) {
          double u[n], du[n];
          std::memcpy(u, x, sizeof u);
          std::memcpy(du, ybar, sizeof du);
          smooth_pullback(u, x[n], n, steps, du, &xbar[n]);
          double ref[n];
          std::memcpy(ref, x, sizeof ref);
          smooth(ref, x[n], n, steps);
          for (int i = 0; i < n; ++i) {
            check_ulps("smooth_pullback: effect", u[i], ref[i]);
            xbar[i] += du[i];
          }
        },
        [steps](const double* x, const double* xd, double* y, double* yd) {
          std::memcpy(y, x, sizeof(double) * n);
          std::memcpy(yd, xd, sizeof(double) * n);
          smooth_fwd(y, x[n], n, steps, yd, xd[n]);
        });
  // axpy: a, x[0..n), y[0..n) -> y.
  double r0[2 * n + 1];
  for (int i = 0; i < 2 * n + 1; ++i) r0[i] = 0.25 * i - 1.0;
  check_vector_fn<double>("axpy", r0, 2 * n + 1, n,
      [](const double* v, double* y) { std::memcpy(y, v + 1 + n, sizeof(double) * n); axpy(v[0], v + 1, y, n); },
      [](const double* v, const double* ybar, double* vbar) {
        double y[n], dy[n];
        std::memcpy(y, v + 1 + n, sizeof y);
        std::memcpy(dy, ybar, sizeof dy);
        axpy_pullback(v[0], v + 1, y, n, &vbar[0], vbar + 1, dy);
        for (int i = 0; i < n; ++i) {
          check_exact("axpy_pullback: d_y passes through", dy[i], ybar[i]);
          vbar[1 + n + i] += dy[i];
        }
      },
      [](const double* v, const double* vd, double* y, double* yd) {
        std::memcpy(y, v + 1 + n, sizeof(double) * n);
        std::memcpy(yd, vd + 1 + n, sizeof(double) * n);
        axpy_fwd(v[0], v + 1, y, n, vd[0], vd + 1, yd);
      });
  return finish();
}
#endif
