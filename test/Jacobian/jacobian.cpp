// f_jacobian: row-major, numerator layout (rows: the return value first, then
// output parameters; columns: inputs in parameter order, arrays flattened),
// checked against central differences, in both directions: forward (a column
// per run), reverse (a row per run), and the default that picks the cheaper.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --jacobian-mode=forward -o %t.fwd.cpp -- -std=c++17
// RUN: FileCheck %s --check-prefix=FWD --input-file=%t.fwd.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.fwd.cpp -o %t.fwd && %t.fwd
// RUN: %adgen %s --jacobian-mode=reverse -o %t.rev.cpp -- -std=c++17
// RUN: FileCheck %s --check-prefix=REV --input-file=%t.rev.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.rev.cpp -o %t.rev && %t.rev
#include <adgen/adgen.h>
#include <cmath>

// A linear layer with a nonlinearity: y = tanh(W x + b), W given (3 x n).
ADGEN_JACOBIAN("x[n], b[3] -> y[3]")
void layer(const double *W, const double *x, const double *b, double *y, int n) {
  for (int r = 0; r < 3; ++r) {
    double z = b[r];
    for (int c = 0; c < n; ++c)
      z += W[r * n + c] * x[c];
    y[r] = std::tanh(z);
  }
}
// CHECK-LABEL: void layer_jacobian(const double *W, const double *x, const double *b, double *y, int n, double *jac) {
// CHECK: if (adgen_n_in <= adgen_n_out) {
// FWD-LABEL: void layer_jacobian(
// FWD-NOT: adgen_n_in <= adgen_n_out
// FWD: layer_jacobian_fwd_vec(
// REV-LABEL: void layer_jacobian(
// REV-NOT: adgen_n_in <= adgen_n_out
// REV: layer_jacobian_pullback(

// A scalar result and an in-out array: rows are (return, s[0], s[1]),
// columns (k, s[0], s[1]).
ADGEN_JACOBIAN("k, s[2] -> return, s[2]")
double step(double k, double *s) {
  double e = s[0] * s[0] + s[1] * s[1];
  double s0 = s[0];
  s[0] = s[0] + 0.1 * s[1];
  s[1] = s[1] - 0.1 * k * s0;
  return e;
}
// CHECK-LABEL: void step_jacobian(double k, double *s, double *jac) {

#ifdef ADGEN_TEST_DRIVER
void layer_jacobian(const double *W, const double *x, const double *b, double *y, int n, double *jac);
void step_jacobian(double k, double *s, double *jac);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const int n = 4;
  double W[3 * n], x[n] = {0.3, -0.2, 0.5, 0.1}, b[3] = {0.1, -0.3, 0.2}, y[3];
  for (int i = 0; i < 3 * n; ++i)
    W[i] = 0.1 * (i % 5) - 0.2;
  double J[3 * (n + 3)];
  layer_jacobian(W, x, b, y, n, J);
  double yref[3];
  layer(W, x, b, yref, n);
  for (int r = 0; r < 3; ++r)
    check_exact("layer: y written", y[r], yref[r]);
  // Columns: x[0..n), then b[0..3).
  for (int c = 0; c < n + 3; ++c) {
    double *v = c < n ? &x[c] : &b[c - n];
    double keep = *v, h = 1e-6, yp[3], ym[3];
    *v = keep + h;
    layer(W, x, b, yp, n);
    *v = keep - h;
    layer(W, x, b, ym, n);
    *v = keep;
    for (int r = 0; r < 3; ++r)
      check_close("layer: J vs central differences", J[r * (n + 3) + c], (yp[r] - ym[r]) / (2 * h), 1e-8);
  }

  double s[2] = {0.7, -0.4}, k = 1.3, Js[3 * 3];
  double s_in[2] = {s[0], s[1]};
  step_jacobian(k, s, Js);
  double ref[2] = {s_in[0], s_in[1]};
  step(k, ref);
  check_exact("step: s written once", s[0], ref[0]);
  check_exact("step: s written once", s[1], ref[1]);
  auto outs = [&](double kk, double a0, double a1, double *o) {
    double t[2] = {a0, a1};
    o[0] = step(kk, t);
    o[1] = t[0];
    o[2] = t[1];
  };
  for (int c = 0; c < 3; ++c) {
    double h = 1e-6, p[3] = {k, s_in[0], s_in[1]}, m[3] = {k, s_in[0], s_in[1]}, op[3], om[3];
    p[c] += h;
    m[c] -= h;
    outs(p[0], p[1], p[2], op);
    outs(m[0], m[1], m[2], om);
    for (int r = 0; r < 3; ++r)
      check_close("step: J vs central differences", Js[r * 3 + c], (op[r] - om[r]) / (2 * h), 1e-8);
  }
  return finish();
}
#endif
