// Pointer locals into a container's data() (repro data-pointer-local.cpp):
// `const double* p = v.data() + 1;` printed as `const double *p = v;`, its
// adjoint pointer had the container's type, and d_p's offset was `p - v`.
// Now a pointer local into a std::vector or std::array points into its
// elements in both modes: `v.data()`, `d_v.data()` / `d_v->data()`, with the
// tangent pointer const when the container's tangent is.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <array>
#include <cmath>
#include <vector>

// The repro.
ADGEN_REVERSE() ADGEN_FORWARD()
double f(const std::vector<double> &v) {
  const double *p = v.data() + 1;
  return p[0] * p[1];
}
// CHECK-LABEL: double f_pullback(const std::vector<double> &v, double d_ret, std::vector<double> *d_v) {
// CHECK:   const double *p = v.data();
// CHECK:   double *d_p = d_v->data();
// CHECK:   p = v.data() + 1;
// CHECK:   d_p = d_v->data() + (p - v.data());
// CHECK-LABEL: double f_grad(const std::vector<double> &v, std::vector<double> *d_v) {
// CHECK-LABEL: adgen::Dual<double> f_fwd(const std::vector<double> &v, const std::vector<double> &d_v) {
// CHECK:   const double *d_p = d_v.data() + 1;

// Rows of a matrix stored in a vector, a std::array, and a scalar input.
ADGEN_REVERSE() ADGEN_FORWARD()
double rows(const std::vector<double> &X, const std::array<double, 2> &w, double b, int n) {
  const double *pw = w.data();
  double s = 0;
  for (int i = 0; i < n; ++i) {
    const double *xi = X.data() + i * 2;
    double z = b + xi[0] * pw[0] + xi[1] * pw[1];
    s += std::sin(z) * xi[1];
  }
  return s;
}
// CHECK-LABEL: double rows_pullback(const std::vector<double> &X, const std::array<double, 2> &w, double b, int n, double d_ret, std::vector<double> *d_X, std::array<double, 2> *d_w, double *d_b) {
// CHECK-LABEL: double rows_grad(
// CHECK-LABEL: adgen::Dual<double> rows_fwd(
// CHECK:   const double *d_pw = d_w.data();

// Written through a pointer into an in-out vector.
ADGEN_REVERSE("v") ADGEN_FORWARD("v")
double scale_tail(std::vector<double> &v, double k) {
  double *q = v.data() + 1;
  q[0] = q[0] * k + std::cos(q[1]);
  q[1] *= q[0];
  return v[0] * q[1];
}
// CHECK-LABEL: double scale_tail_pullback(std::vector<double> &v, double k, double d_ret, std::vector<double> *d_v) {
// CHECK:   double *d_q = d_v->data();
// CHECK-LABEL: double scale_tail_grad(
// CHECK-LABEL: adgen::Dual<double> scale_tail_fwd(std::vector<double> &v, double k, std::vector<double> &d_v) {
// CHECK:   double *d_q = d_v.data() + 1;

#ifdef ADGEN_TEST_DRIVER
double f_pullback(const std::vector<double> &v, double d_ret, std::vector<double> *d_v);
double f_grad(const std::vector<double> &v, std::vector<double> *d_v);
adgen::Dual<double> f_fwd(const std::vector<double> &v, const std::vector<double> &d_v);
double rows_pullback(const std::vector<double> &X, const std::array<double, 2> &w, double b, int n,
                     double d_ret, std::vector<double> *d_X, std::array<double, 2> *d_w, double *d_b);
double rows_grad(const std::vector<double> &X, const std::array<double, 2> &w, double b, int n,
                 std::vector<double> *d_X, std::array<double, 2> *d_w, double *d_b);
adgen::Dual<double> rows_fwd(const std::vector<double> &X, const std::array<double, 2> &w, double b,
                             int n, const std::vector<double> &d_X,
                             const std::array<double, 2> &d_w, double d_b);
double scale_tail_grad(std::vector<double> &v, double k, std::vector<double> *d_v);
adgen::Dual<double> scale_tail_fwd(std::vector<double> &v, double k, std::vector<double> &d_v);
#include "adgen_test.h"
using namespace adgen_test;

// Pullbacks with pre-filled adjoint buffers and d_ret != 1 give
// pre + d_ret * grad, grad from f_grad on zeroed buffers.
int main() {
  {
    std::vector<double> v = {0.3, -1.2, 0.8};
    check_scalar_fn<double>(
        "f", v.data(), 3, [](const double *x) { return f(std::vector<double>(x, x + 3)); },
        [](const double *x, double *g) {
          std::vector<double> d(3, 0.0);
          double r = f_grad(std::vector<double>(x, x + 3), &d);
          for (int i = 0; i < 3; ++i) g[i] += d[i];
          return r;
        },
        [](const double *x, const double *t) {
          return f_fwd(std::vector<double>(x, x + 3), std::vector<double>(t, t + 3));
        });
    std::vector<double> g(3, 0.0), pre = {10, -20, 30}, acc = pre;
    f_grad(v, &g);
    check_ulps("f_pullback value", f_pullback(v, 0.5, &acc), f(v));
    for (int i = 0; i < 3; ++i) check_close("f: pre + d_ret * grad", acc[i], pre[i] + 0.5 * g[i], 1e-12);
  }
  {
    // x = (X[0..6), w[0..2), b), n = 3.
    const int n = 3;
    double x0[9] = {0.3, -0.7, 1.1, 0.4, -0.2, 0.9, 0.6, -1.3, 0.25};
    auto unpack = [](const double *x, std::vector<double> &X, std::array<double, 2> &w) {
      X.assign(x, x + 6);
      w = {x[6], x[7]};
    };
    check_scalar_fn<double>(
        "rows", x0, 9,
        [&](const double *x) {
          std::vector<double> X; std::array<double, 2> w;
          unpack(x, X, w);
          return rows(X, w, x[8], n);
        },
        [&](const double *x, double *g) {
          std::vector<double> X, dX(6, 0.0); std::array<double, 2> w, dw = {0, 0};
          unpack(x, X, w);
          double db = 0, r = rows_grad(X, w, x[8], n, &dX, &dw, &db);
          for (int i = 0; i < 6; ++i) g[i] += dX[i];
          g[6] += dw[0], g[7] += dw[1], g[8] += db;
          return r;
        },
        [&](const double *x, const double *t) {
          std::vector<double> X, tX; std::array<double, 2> w, tw;
          unpack(x, X, w);
          unpack(t, tX, tw);
          return rows_fwd(X, w, x[8], n, tX, tw, t[8]);
        });
    std::vector<double> X, dX(6, 0.0); std::array<double, 2> w, dw = {0, 0};
    unpack(x0, X, w);
    double db = 0;
    rows_grad(X, w, x0[8], n, &dX, &dw, &db);
    std::vector<double> aX(6); std::array<double, 2> aw = {7, -8};
    for (int i = 0; i < 6; ++i) aX[i] = 1.5 * (i + 1);
    double ab = 3;
    check_ulps("rows_pullback value", rows_pullback(X, w, x0[8], n, -2.25, &aX, &aw, &ab), rows(X, w, x0[8], n));
    for (int i = 0; i < 6; ++i) check_close("rows: pre + d_ret * grad X", aX[i], 1.5 * (i + 1) - 2.25 * dX[i], 1e-12);
    check_close("rows: pre + d_ret * grad w0", aw[0], 7 - 2.25 * dw[0], 1e-12);
    check_close("rows: pre + d_ret * grad w1", aw[1], -8 - 2.25 * dw[1], 1e-12);
    check_close("rows: pre + d_ret * grad b", ab, 3 - 2.25 * db, 1e-12);
  }
  {
    // scale_tail(v, k) with respect to v: the return value and v's final
    // contents are outputs. Check the return value's gradient with respect
    // to v's initial contents (d_v seeded with zeros: the final contents'
    // adjoints are 0), and v's effects.
    double v0[3] = {0.5, -0.9, 0.35};
    const double k = 1.7;
    check_scalar_fn<double>(
        "scale_tail", v0, 3,
        [&](const double *x) { std::vector<double> v(x, x + 3); return scale_tail(v, k); },
        [&](const double *x, double *g) {
          std::vector<double> v(x, x + 3), d(3, 0.0);
          double r = scale_tail_grad(v, k, &d);
          for (int i = 0; i < 3; ++i) g[i] += d[i];
          return r;
        },
        [&](const double *x, const double *t) {
          std::vector<double> v(x, x + 3), d(t, t + 3);
          return scale_tail_fwd(v, k, d);
        });
    std::vector<double> v(v0, v0 + 3), want = v, d(3, 0.0);
    scale_tail(want, k);
    double r = scale_tail_grad(v, k, &d);
    std::vector<double> w(v0, v0 + 3);
    check_ulps("scale_tail_grad value", r, scale_tail(w, k));
    for (int i = 0; i < 3; ++i) check_ulps("scale_tail_grad: v as f leaves it", v[i], want[i]);
  }
  return finish();
}
#endif
