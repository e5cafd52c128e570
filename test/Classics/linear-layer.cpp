// A linear layer Y = X W + b (X: n x k, W: k x m, b: m, row-major) and a
// scalar loss on it. With Ybar = dL/dY:
//   dL/dX = Ybar W^T,  dL/dW = X^T Ybar,  dL/db = column sums of Ybar.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>

ADGEN_REVERSE("X, W, b -> Y") ADGEN_FORWARD("X, W, b -> Y")
void linear(const double *X, const double *W, const double *b, double *Y, int n, int k, int m) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j) {
      double s = b[j];
      for (int l = 0; l < k; ++l)
        s += X[i * k + l] * W[l * m + j];
      Y[i * m + j] = s;
    }
}
// CHECK-LABEL: void linear_pullback(
// CHECK-LABEL: void linear_fwd(

// L = 1/2 |X W + b - T|^2, so dL/dY = Y - T.
ADGEN_REVERSE("X, W, b") ADGEN_FORWARD("X, W, b")
double layer_loss(const double *X, const double *W, const double *b, const double *T, int n, int k, int m) {
  double L = 0;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j) {
      double y = b[j];
      for (int l = 0; l < k; ++l)
        y += X[i * k + l] * W[l * m + j];
      double e = y - T[i * m + j];
      L += 0.5 * e * e;
    }
  return L;
}
// CHECK-LABEL: double layer_loss_pullback(
// CHECK-LABEL: double layer_loss_grad(
// CHECK-LABEL: adgen::Dual<double> layer_loss_fwd(

#ifdef ADGEN_TEST_DRIVER
void linear_pullback(const double* X, const double* W, const double* b, double* Y, int n, int k, int m,
                     double* d_X, double* d_W, double* d_b, double* d_Y);
void linear_fwd(const double* X, const double* W, const double* b, double* Y, int n, int k, int m,
                const double* d_X, const double* d_W, const double* d_b, double* d_Y);
double layer_loss_pullback(const double* X, const double* W, const double* b, const double* T, int n, int k,
                           int m, double d_ret, double* d_X, double* d_W, double* d_b);
double layer_loss_grad(const double* X, const double* W, const double* b, const double* T, int n, int k, int m,
                       double* d_X, double* d_W, double* d_b);
adgen::Dual<double> layer_loss_fwd(const double* X, const double* W, const double* b, const double* T, int n,
                                   int k, int m, const double* d_X, const double* d_W, const double* d_b);
#include "adgen_test.h"
const int n = 3, k = 4, m = 2;
const int NX = n * k, NW = k * m, NY = n * m;
// Checks the three matrix formulas for adjoints dX, dW, db given Ybar.
static void check_formulas(const char* what, const double* X, const double* W, const double* Ybar,
                           const double* dX, const double* dW, const double* db) {
  using namespace adgen_test;
  for (int i = 0; i < n; ++i)
    for (int l = 0; l < k; ++l) {
      double want = 0;
      for (int j = 0; j < m; ++j) want += Ybar[i * m + j] * W[l * m + j];
      check_close(Label(what, "dX = Ybar W^T", i * k + l), dX[i * k + l], want, 1e-14, 1e-300);
    }
  for (int l = 0; l < k; ++l)
    for (int j = 0; j < m; ++j) {
      double want = 0;
      for (int i = 0; i < n; ++i) want += X[i * k + l] * Ybar[i * m + j];
      check_close(Label(what, "dW = X^T Ybar", l * m + j), dW[l * m + j], want, 1e-14, 1e-300);
    }
  for (int j = 0; j < m; ++j) {
    double want = 0;
    for (int i = 0; i < n; ++i) want += Ybar[i * m + j];
    check_close(Label(what, "db = column sums of Ybar", j), db[j], want, 1e-14, 1e-300);
  }
}
int main() {
  using namespace adgen_test;
  double p[NX + NW + m]; // X, W, b
  for (int i = 0; i < NX + NW + m; ++i) p[i] = 0.37 * ((i * 7) % 11) - 1.4;
  const double *X = p, *W = p + NX, *b = p + NX + NW;
  // linear: the vector function (X, W, b) -> Y.
  check_vector_fn<double>("linear", p, NX + NW + m, NY,
      [](const double* q, double* Y) { linear(q, q + NX, q + NX + NW, Y, n, k, m); },
      [](const double* q, const double* Ybar, double* qbar) {
        double Y[NY], dY[NY];
        for (int i = 0; i < NY; ++i) Y[i] = 5.0, dY[i] = Ybar[i];
        linear_pullback(q, q + NX, q + NX + NW, Y, n, k, m, qbar, qbar + NX, qbar + NX + NW, dY);
        for (int i = 0; i < NY; ++i) check_exact("linear_pullback: d_Y zero on return", dY[i], 0.0);
        check_formulas("linear_pullback", q, q + NX, Ybar, qbar, qbar + NX, qbar + NX + NW);
      },
      [](const double* q, const double* qd, double* Y, double* Yd) {
        linear_fwd(q, q + NX, q + NX + NW, Y, n, k, m, qd, qd + NX, qd + NX + NW, Yd);
      });
  // layer_loss: Ybar = Y - T.
  double T[NY], Y[NY], Ybar[NY];
  for (int i = 0; i < NY; ++i) T[i] = 0.5 * i - 1.0;
  linear(X, W, b, Y, n, k, m);
  for (int i = 0; i < NY; ++i) Ybar[i] = Y[i] - T[i];
  double dX[NX] = {}, dW[NW] = {}, db[m] = {};
  double L = layer_loss_grad(X, W, b, T, n, k, m, dX, dW, db);
  double Lw = 0;
  for (int i = 0; i < NY; ++i) Lw += 0.5 * Ybar[i] * Ybar[i];
  check_close("layer_loss: value", L, Lw, 1e-14);
  check_formulas("layer_loss_grad", X, W, Ybar, dX, dW, db);
  check_scalar_fn<double>("layer_loss", p, NX + NW + m,
      [&](const double* q) { return layer_loss(q, q + NX, q + NX + NW, T, n, k, m); },
      [&](const double* q, double* g) { return layer_loss_grad(q, q + NX, q + NX + NW, T, n, k, m, g, g + NX, g + NX + NW); },
      [&](const double* q, const double* t) { return layer_loss_fwd(q, q + NX, q + NX + NW, T, n, k, m, t, t + NX, t + NX + NW); });
  return finish();
}
#endif
