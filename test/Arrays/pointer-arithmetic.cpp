// Pointer arithmetic on parameters: row pointers X + i * d, *(c + k).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// Sum of distances from the rows of X (n x d) to the point c.
ADGEN_REVERSE() ADGEN_FORWARD()
double rowdist(const double *X, const double *c, int n, int d) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    const double *xi = X + i * d;
    double r = 0;
    for (int k = 0; k < d; ++k) {
      double t = xi[k] - *(c + k);
      r += t * t;
    }
    s += std::sqrt(r);
  }
  return s;
}
// CHECK-LABEL: double rowdist_pullback(const double *X, const double *c, int n, int d, double d_ret, double *d_X, double *d_c) {
// CHECK-LABEL: double rowdist_grad(const double *X, const double *c, int n, int d, double *d_X, double *d_c) {
// CHECK-LABEL: adgen::Dual<double> rowdist_fwd(const double *X, const double *c, int n, int d, const double *d_X, const double *d_c) {

#ifdef ADGEN_TEST_DRIVER
double rowdist_pullback(const double* X, const double* c, int n, int d, double d_ret, double* d_X, double* d_c);
double rowdist_grad(const double* X, const double* c, int n, int d, double* d_X, double* d_c);
adgen::Dual<double> rowdist_fwd(const double* X, const double* c, int n, int d, const double* d_X, const double* d_c);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const int n = 3, d = 2;
  double p[n * d + d] = {0.5, 1.0, -1.5, 2.0, 3.0, -0.5, 0.25, 0.75}; // X then c
  check_scalar_fn<double>("rowdist", p, n * d + d,
      [](const double* q) { return rowdist(q, q + n * d, n, d); },
      [](const double* q, double* g) { return rowdist_grad(q, q + n * d, n, d, g, g + n * d); },
      [](const double* q, const double* t) { return rowdist_fwd(q, q + n * d, n, d, t, t + n * d); });
  // Hand-derived: d/dc = -sum of unit vectors from c to the rows.
  double gX[n * d] = {}, gc[d] = {};
  rowdist_pullback(p, p + n * d, n, d, 1.0, gX, gc);
  for (int k = 0; k < d; ++k) {
    double want = 0;
    for (int i = 0; i < n; ++i) {
      double r = std::hypot(p[i * d] - p[n * d], p[i * d + 1] - p[n * d + 1]);
      want -= (p[i * d + k] - p[n * d + k]) / r;
    }
    check_close("rowdist: d/dc hand-derived", gc[k], want, 1e-14);
  }
  return finish();
}
#endif
