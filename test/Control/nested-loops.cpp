// Nested loops: a triangular inner bound that depends on the outer index,
// an inner loop that overwrites a scalar of the outer loop, and a triple nest.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// v^T L v with L the lower triangle of A (row-major n x n).
ADGEN_REVERSE() ADGEN_FORWARD()
double trilform(const double *A, const double *v, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    double r = 0;
    for (int j = 0; j <= i; ++j)
      r += A[i * n + j] * v[j];
    s += r * v[i];
  }
  return s;
}
// CHECK-LABEL: double trilform_pullback(const double *A, const double *v, int n, double d_ret, double *d_A, double *d_v) {
// CHECK-LABEL: double trilform_grad(const double *A, const double *v, int n, double *d_A, double *d_v) {
// CHECK-LABEL: adgen::Dual<double> trilform_fwd(const double *A, const double *v, int n, const double *d_A, const double *d_v) {

ADGEN_REVERSE() ADGEN_FORWARD()
double sweeps(const double *a, int n, int m) {
  double s = 1;
  for (int k = 0; k < m; ++k) {
    for (int j = 0; j < n; ++j)
      s = std::sin(s * a[j]) + a[j];
    s = s * 0.5;
  }
  return s;
}
// CHECK-LABEL: double sweeps_grad(const double *a, int n, int m, double *d_a) {
// CHECK-LABEL: adgen::Dual<double> sweeps_fwd(const double *a, int n, int m, const double *d_a) {

// Triple nest: trace(A^3) for a 3x3 A, via a local product.
ADGEN_REVERSE() ADGEN_FORWARD()
double trace_cube(const double *A) {
  double B[9];
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      B[i * 3 + j] = 0;
      for (int k = 0; k < 3; ++k)
        B[i * 3 + j] += A[i * 3 + k] * A[k * 3 + j];
    }
  double t = 0;
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 3; ++k)
      t += B[i * 3 + k] * A[k * 3 + i];
  return t;
}
// CHECK-LABEL: double trace_cube_grad(const double *A, double *d_A) {
// CHECK-LABEL: adgen::Dual<double> trace_cube_fwd(const double *A, const double *d_A) {

#ifdef ADGEN_TEST_DRIVER
double trilform_pullback(const double* A, const double* v, int n, double d_ret, double* d_A, double* d_v);
double trilform_grad(const double* A, const double* v, int n, double* d_A, double* d_v);
adgen::Dual<double> trilform_fwd(const double* A, const double* v, int n, const double* d_A, const double* d_v);
double sweeps_grad(const double* a, int n, int m, double* d_a);
adgen::Dual<double> sweeps_fwd(const double* a, int n, int m, const double* d_a);
double trace_cube_grad(const double* A, double* d_A);
adgen::Dual<double> trace_cube_fwd(const double* A, const double* d_A);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const int n = 4;
  double p[n * n + n]; // A then v
  for (int i = 0; i < n * n + n; ++i)
    p[i] = 0.1 * i - 0.7 + 0.03 * i * i;
  check_scalar_fn<double>("trilform", p, n * n + n,
      [](const double* q) { return trilform(q, q + n * n, n); },
      [](const double* q, double* g) { return trilform_grad(q, q + n * n, n, g, g + n * n); },
      [](const double* q, const double* t) { return trilform_fwd(q, q + n * n, n, t, t + n * n); });
  // Hand-derived: d/dA[i][j] = v_i v_j for j <= i, 0 above the diagonal.
  double gA[n * n] = {}, gv[n] = {};
  trilform_grad(p, p + n * n, n, gA, gv);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      check_close("trilform: d/dA hand-derived", gA[i * n + j],
                  j <= i ? p[n * n + i] * p[n * n + j] : 0.0, 1e-15, 0);
  const double a[] = {0.9, -0.4, 1.3, 0.6};
  for (int m : {0, 1, 3})
    check_scalar_fn<double>("sweeps", a, 4,
        [m](const double* q) { return sweeps(q, 4, m); },
        [m](const double* q, double* g) { return sweeps_grad(q, 4, m, g); },
        [m](const double* q, const double* t) { return sweeps_fwd(q, 4, m, t); });
  // Hand-derived: d trace(A^3) / dA = 3 (A^2)^T.
  double A[9] = {0.5, -1.0, 0.25, 1.5, 0.3, -0.8, 0.7, 0.2, 1.1};
  check_scalar_fn<double>("trace_cube", A, 9,
      [](const double* q) { return trace_cube(q); },
      [](const double* q, double* g) { return trace_cube_grad(q, g); },
      [](const double* q, const double* t) { return trace_cube_fwd(q, t); });
  double g[9] = {};
  trace_cube_grad(A, g);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      double a2ji = 0;
      for (int k = 0; k < 3; ++k)
        a2ji += A[j * 3 + k] * A[k * 3 + i];
      check_close("trace_cube: 3 (A^2)^T", g[i * 3 + j], 3 * a2ji, 1e-14);
    }
  return finish();
}
#endif
