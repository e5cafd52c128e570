// A ReLU neuron max(0, w.x + b) with the mean squared error over a data set,
// differentiated with respect to w and b only (the data X, y are inputs by
// default but the spec leaves them out). Hand-derived:
//   dL/dw = (2/n) sum_i e_i [z_i > 0] x_i,  dL/db = (2/n) sum_i e_i [z_i > 0].
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <algorithm>

ADGEN_REVERSE("w, b") ADGEN_FORWARD("w, b")
double loss(const double *w, double b, const double *X, const double *y, int n, int d) {
  double L = 0;
  for (int i = 0; i < n; ++i) {
    double z = b;
    for (int k = 0; k < d; ++k)
      z += w[k] * X[i * d + k];
    double a = std::max(0.0, z);
    double e = a - y[i];
    L += e * e;
  }
  return L / n;
}
// CHECK-LABEL: double loss_pullback(
// CHECK-LABEL: double loss_grad(
// CHECK-LABEL: adgen::Dual<double> loss_fwd(

#ifdef ADGEN_TEST_DRIVER
double loss_pullback(const double* w, double b, const double* X, const double* y, int n, int d,
                     double d_ret, double* d_w, double* d_b);
double loss_grad(const double* w, double b, const double* X, const double* y, int n, int d,
                 double* d_w, double* d_b);
adgen::Dual<double> loss_fwd(const double* w, double b, const double* X, const double* y, int n, int d,
                             const double* d_w, double d_b);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const int n = 6, d = 3;
  const double X[n * d] = {0.5, 1.0, -0.3, -1.2, 0.4, 0.8, 2.0, -0.5, 0.1,
                           0.3, 0.3, 0.3, -0.7, -1.5, 0.2, 1.1, 0.9, -2.0};
  const double y[n] = {0.7, 0.0, 1.5, 0.2, 0.1, 0.4};
  const double wb[d + 1] = {0.6, -0.4, 0.9, 0.1}; // w then b; some z_i < 0
  check_scalar_fn<double>("loss", wb, d + 1,
      [&](const double* v) { return loss(v, v[d], X, y, n, d); },
      [&](const double* v, double* g) { return loss_grad(v, v[d], X, y, n, d, g, &g[d]); },
      [&](const double* v, const double* t) { return loss_fwd(v, v[d], X, y, n, d, t, t[d]); });
  double gw[d] = {}, gb = 0, want_w[d] = {}, want_b = 0;
  int active = 0;
  for (int i = 0; i < n; ++i) {
    double z = wb[d];
    for (int k = 0; k < d; ++k) z += wb[k] * X[i * d + k];
    if (z > 0) {
      ++active;
      double e = z - y[i];
      for (int k = 0; k < d; ++k) want_w[k] += 2.0 / n * e * X[i * d + k];
      want_b += 2.0 / n * e;
    } else {
      // inactive neuron: e = -y_i, no gradient
    }
  }
  check_true("data set has active and inactive samples", active > 0 && active < n);
  loss_grad(wb, wb[d], X, y, n, d, gw, &gb);
  for (int k = 0; k < d; ++k) check_close("loss: dL/dw hand-derived", gw[k], want_w[k], 1e-14);
  check_close("loss: dL/db hand-derived", gb, want_b, 1e-14);
  // The seed scales.
  double pw[d] = {}, pb = 0;
  loss_pullback(wb, wb[d], X, y, n, d, 0.25, pw, &pb);
  check_close("loss: pullback seed", pb, 0.25 * want_b, 1e-14);
  return finish();
}
#endif
