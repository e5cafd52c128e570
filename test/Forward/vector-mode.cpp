// f_fwd_vec: k tangent directions in one sweep (element-major layout:
// d_p[i * k + j] is direction j of element i), checked against k calls of
// f_fwd, and against central differences through f_fwd.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_FORWARD("a, X -> return")
double rows(double a, const double *X, int n, int d) {
  double s = 0;
  double m[2][2] = {{a, 0.5}, {0.25, a * a}};
  for (int i = 0; i < n; ++i) {
    const double *xi = X + i * d;
    double r = m[i % 2][i % 2];
    for (int k = 0; k < d; ++k)
      r += xi[k] * xi[k] * a;
    if (r > 1)
      s += std::log(r);
    else
      s += std::sin(r) * m[1][1];
  }
  return s;
}
// CHECK-LABEL: double rows_fwd_vec(double a, const double *X, int n, int d, const double *d_a, const double *d_X, int {{k(_[0-9]+)?}}, double *d_ret) {
// CHECK: std::vector<double>

ADGEN_FORWARD()
void apply(const double *x, double *y, int n) {
  for (int i = 0; i < n; ++i)
    y[i] = std::exp(x[i]) * (i > 0 ? x[i - 1] : 1.0);
}
// CHECK-LABEL: void apply_fwd_vec(const double *x, double *y, int n, const double *d_x, double *d_y, int k) {

#ifdef ADGEN_TEST_DRIVER
adgen::Dual<double> rows_fwd(double a, const double *X, int n, int d, double d_a, const double *d_X);
double rows_fwd_vec(double a, const double *X, int n, int d, const double *d_a, const double *d_X, int k, double *d_ret);
void apply_fwd(const double *x, double *y, int n, const double *d_x, double *d_y);
void apply_fwd_vec(const double *x, double *y, int n, const double *d_x, double *d_y, int k);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const int n = 3, d = 2, K = n * d + 1; // every input direction at once
  double X[n * d] = {0.3, -0.2, 0.5, 0.9, -0.7, 0.1}, a = 0.8;
  double da[K] = {}, dX[n * d * K] = {}, dret[K];
  da[0] = 1;
  for (int e = 0; e < n * d; ++e)
    dX[e * K + 1 + e] = 1;
  double v = rows_fwd_vec(a, X, n, d, da, dX, K, dret);
  check_exact("rows value", v, rows(a, X, n, d));
  for (int j = 0; j < K; ++j) {
    double sa = j == 0 ? 1 : 0, sX[n * d] = {};
    if (j > 0)
      sX[j - 1] = 1;
    check_close("rows: direction j vs f_fwd", dret[j], rows_fwd(a, X, n, d, sa, sX).tangent, 1e-14);
  }
  check_close("rows: d/da vs central differences", dret[0],
              (rows(a + 1e-6, X, n, d) - rows(a - 1e-6, X, n, d)) / 2e-6, 1e-7);

  const int m = 4, Kx = 2;
  double x[m] = {0.1, -0.4, 0.7, 0.2}, y[m], dx[m * Kx], dy[m * Kx];
  for (int e = 0; e < m * Kx; ++e)
    dx[e] = 0.1 * (e % 5) - 0.2;
  apply_fwd_vec(x, y, m, dx, dy, Kx);
  for (int j = 0; j < Kx; ++j) {
    double sx[m], sy[m], yy[m];
    for (int e = 0; e < m; ++e)
      sx[e] = dx[e * Kx + j];
    apply_fwd(x, yy, m, sx, sy);
    for (int e = 0; e < m; ++e) {
      check_close("apply: direction j vs f_fwd", dy[e * Kx + j], sy[e], 1e-14);
      check_exact("apply: y written", y[e], yy[e]);
    }
  }
  return finish();
}
#endif
