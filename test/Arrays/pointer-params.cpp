// Pointer and array parameters: const double* inputs, a double* pure output,
// parameters spelled as arrays (const double x[], double y[3]) which are the
// pointers they decay to.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// Defaults: inputs a, x, y (every floating pointer); outputs y (void return).
ADGEN_REVERSE() ADGEN_FORWARD()
void sqmap(double a, const double *x, double *y, int n) {
  for (int i = 0; i < n; ++i)
    y[i] = a * x[i] * x[i] + std::sin(x[i]);
}
// CHECK-LABEL: void sqmap_pullback(double a, const double *x, double *y, int n, double *d_a, double *d_x, double *d_y) {
// CHECK-LABEL: void sqmap_fwd(double a, const double *x, double *y, int n, double d_a, const double *d_x, double *d_y) {

ADGEN_REVERSE() ADGEN_FORWARD()
double norm2(const double x[], int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += x[i] * x[i];
  return std::sqrt(s);
}
// CHECK-LABEL: double norm2_grad(const double *x, int n, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> norm2_fwd(const double *x, int n, const double *d_x) {

// Cross product of 3-vectors spelled as arrays.
ADGEN_REVERSE() ADGEN_FORWARD()
void cross(const double u[3], const double v[3], double w[3]) {
  w[0] = u[1] * v[2] - u[2] * v[1];
  w[1] = u[2] * v[0] - u[0] * v[2];
  w[2] = u[0] * v[1] - u[1] * v[0];
}
// CHECK-LABEL: void cross_pullback(const double *u, const double *v, double *w, double *d_u, double *d_v, double *d_w) {
// CHECK-LABEL: void cross_fwd(const double *u, const double *v, double *w, const double *d_u, const double *d_v, double *d_w) {

#ifdef ADGEN_TEST_DRIVER
void sqmap_pullback(double a, const double* x, double* y, int n, double* d_a, double* d_x, double* d_y);
void sqmap_fwd(double a, const double* x, double* y, int n, double d_a, const double* d_x, double* d_y);
double norm2_grad(const double* x, int n, double* d_x);
adgen::Dual<double> norm2_fwd(const double* x, int n, const double* d_x);
void cross_pullback(const double* u, const double* v, double* w, double* d_u, double* d_v, double* d_w);
void cross_fwd(const double* u, const double* v, double* w, const double* d_u, const double* d_v, double* d_w);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  {
    const int n = 4;
    const double p[n + 1] = {1.5, 0.3, -0.7, 1.1, 2.0}; // a, x[0..n)
    check_vector_fn<double>("sqmap", p, n + 1, n,
        [](const double* q, double* y) { sqmap(q[0], q + 1, y, n); },
        [](const double* q, const double* ybar, double* qbar) {
          double y[n], dy[n];
          for (int i = 0; i < n; ++i) y[i] = -99.0, dy[i] = ybar[i];
          sqmap_pullback(q[0], q + 1, y, n, &qbar[0], qbar + 1, dy);
          double ref[n];
          sqmap(q[0], q + 1, ref, n);
          for (int i = 0; i < n; ++i) {
            check_ulps("sqmap_pullback writes y", y[i], ref[i]);
            // y is overwritten entirely: the adjoint of its initial contents is 0.
            check_exact("sqmap_pullback: d_y zero on return", dy[i], 0.0);
          }
        },
        [](const double* q, const double* qd, double* y, double* yd) {
          for (int i = 0; i < n; ++i) yd[i] = 123.0; // tangent of initial y: overwritten
          sqmap_fwd(q[0], q + 1, y, n, qd[0], qd + 1, yd);
        });
  }
  {
    const double x[5] = {0.3, -1.2, 2.5, 0.7, -0.1};
    check_scalar_fn<double>("norm2", x, 5,
        [](const double* q) { return norm2(q, 5); },
        [](const double* q, double* g) { return norm2_grad(q, 5, g); },
        [](const double* q, const double* t) { return norm2_fwd(q, 5, t); });
    double g[5] = {};
    double r = norm2_grad(x, 5, g);
    for (int i = 0; i < 5; ++i)
      check_close("norm2: x/|x|", g[i], x[i] / r, 1e-15);
  }
  {
    const double p[6] = {0.5, -1.0, 2.0, 1.5, 0.25, -0.75};
    check_vector_fn<double>("cross", p, 6, 3,
        [](const double* q, double* w) { cross(q, q + 3, w); },
        [](const double* q, const double* wbar, double* qbar) {
          double w[3], dw[3] = {wbar[0], wbar[1], wbar[2]};
          cross_pullback(q, q + 3, w, qbar, qbar + 3, dw);
        },
        [](const double* q, const double* qd, double* w, double* wd) {
          cross_fwd(q, q + 3, w, qd, qd + 3, wd);
        });
  }
  return finish();
}
#endif
