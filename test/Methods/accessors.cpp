// Accessors: member and free functions returning `T&`, `const T&` or `T*`
// into their object or arguments (`double &at(int i) { return d[i]; }`, a
// matrix's `operator()(i, j)`, `const Vec &pos() const`, `double *row(int
// i)`), used to read and to write (`m(i, j) += x;`, `v.at(k) = y;`,
// `m.row(0)[1] *= s;`, `double &c = diag(m, 1);`). adgen inlines each call:
// the object and the arguments are substituted into the single `return`, so
// the location is an ordinary lvalue of the caller (`m.a[3 * i + j]`) that
// both modes differentiate like any other.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   gather {{.*}}worst relative error
// RUNCHECK-DAG: ok   push {{.*}}worst relative error
// RUNCHECK-DAG: ok   scatter {{.*}}worst relative error
// RUNCHECK: 3 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

struct Mat23 {
  double a[6];
  double &operator()(int i, int j) { return a[3 * i + j]; }
  const double &operator()(int i, int j) const { return a[3 * i + j]; }
  double *row(int i) { return a + 3 * i; }
  const double *row(int i) const { return &a[3 * i]; }
};
struct Vec {
  double d[3];
  double &at(int i) { return d[i]; }
  const double &at(int i) const { return d[i]; }
};
struct Body {
  Vec p;
  double m;
  Vec &pos() { return p; }
  const Vec &pos() const { return p; }
};
double &elem(double *x, int i) { return x[i]; }
double &first(Vec &v) { return v.d[0]; }
double &diag(Mat23 &m, int i) { return m(i, i); }

// CHECK-LABEL: double gather_pullback(const double *x, double s, double d_ret, double *d_x, double *d_s) {
// CHECK:         m.a[3 * i + j] = x[3 * i + j] * s;
// CHECK:         m.a[3 * 1 + 2] += m.a[3 * 0 + 0] * x[1];
// CHECK:         (m.a + 3 * 0)[1] = (m.a + 3 * 0)[1] * s;
// CHECK:         v.d[1] = std::sin(m.a[3 * 1 + 0]);
// CHECK:         m.a[3 * 1 + 1] = m.a[3 * 1 + 1] * v.d[0];
// CHECK-LABEL: adgen::Dual<double> gather_fwd(
ADGEN_REVERSE("x[6], s") ADGEN_FORWARD("x[6], s")
double gather(const double *x, double s) {
  Mat23 m{};
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 3; ++j)
      m(i, j) = x[3 * i + j] * s;
  m(1, 2) += m(0, 0) * x[1];
  m.row(0)[1] *= s;
  Vec v{};
  v.at(0) = m(0, 1);
  v.at(1) = std::sin(m(1, 0));
  v.at(2) = m(1, 2);
  double &c = diag(m, 1);
  c = c * v.at(0);
  first(v) += s * s;
  const Mat23 &cm = m;
  return cm(1, 1) * v.at(2) + cm.row(1)[2] + first(v) * v.at(1) + c;
}

// A reference to a whole field (`Vec &p = b.pos();`), accessors of it.
// CHECK-LABEL: double push_pullback(Body b, double dt, double d_ret, Body *d_b, double *d_dt) {
// CHECK:         b_local.p.d[k] += dt * b_local.m * b_local.p.d[k];
// CHECK:         b_local.p.d[1] = b_local.p.d[0] * b_local.p.d[2];
// CHECK:         q.d[0] = b_local.p.d[0];
// CHECK-LABEL: adgen::Dual<double> push_fwd(Body b, double dt, Body d_b, double d_dt) {
ADGEN_REVERSE() ADGEN_FORWARD()
double push(Body b, double dt) {
  Vec &p = b.pos();
  for (int k = 0; k < 3; ++k)
    p.at(k) += dt * b.m * p.at(k);
  b.pos().at(1) = b.pos().at(0) * b.pos().at(2);
  const Vec q = b.pos();
  return q.at(0) * q.at(1) + b.pos().at(2);
}

// A free accessor of a pointer parameter, written.
// CHECK-LABEL: void scatter_pullback(const double *x, double *y, int n, double *d_x, double *d_y) {
// CHECK:         y[i] = x[i] * x[i];
// CHECK:         y[0] += y[n - 1] * x[0];
// CHECK-LABEL: void scatter_fwd(const double *x, double *y, int n, const double *d_x, double *d_y) {
// CHECK-LABEL: void scatter_jacobian(const double *x, double *y, int n, double *jac) {
ADGEN_REVERSE("x[n] -> y[n]") ADGEN_FORWARD("x[n] -> y[n]") ADGEN_JACOBIAN("x[n] -> y[n]")
void scatter(const double *x, double *y, int n) {
  for (int i = 0; i < n; ++i)
    elem(y, i) = x[i] * x[i];
  elem(y, 0) += elem(y, n - 1) * x[0];
}

#ifdef ADGEN_TEST_DRIVER
double gather_grad(const double *x, double s, double *d_x, double *d_s);
double gather_pullback(const double *x, double s, double d_ret, double *d_x, double *d_s);
adgen::Dual<double> gather_fwd(const double *x, double s, const double *d_x, double d_s);
double push_grad(Body b, double dt, Body *d_b, double *d_dt);
double push_pullback(Body b, double dt, double d_ret, Body *d_b, double *d_dt);
adgen::Dual<double> push_fwd(Body b, double dt, Body d_b, double d_dt);
void scatter_pullback(const double *x, double *y, int n, double *d_x, double *d_y);
void scatter_fwd(const double *x, double *y, int n, const double *d_x, double *d_y);
void scatter_jacobian(const double *x, double *y, int n, double *jac);
#include "adgen_pullback.h"
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  // gather: x[6], s.
  double x0[7] = {0.3, -0.7, 1.1, 0.45, -1.3, 0.8, 1.25};
  auto g = [](const double *p) { return gather(p, p[6]); };
  check_scalar_fn<double>(
      "gather", x0, 7, g,
      [](const double *p, double *d) { return gather_grad(p, p[6], d, &d[6]); },
      [](const double *p, const double *t) { return gather_fwd(p, p[6], t, t[6]); });
  check_pullback_prefilled<double>("gather", x0, 7, g, [](const double *p, double s, double *d) {
    return gather_pullback(p, p[6], s, d, &d[6]);
  });

  // push: b.p.d[3], b.m, dt.
  double y0[5] = {0.6, -0.4, 0.9, 1.3, 0.2};
  auto body = [](const double *p) { return Body{{{p[0], p[1], p[2]}}, p[3]}; };
  auto unpack = [](const Body &d, double *g) {
    for (int k = 0; k < 3; ++k)
      g[k] += d.p.d[k];
    g[3] += d.m;
  };
  auto pu = [&](const double *p) { return push(body(p), p[4]); };
  check_scalar_fn<double>(
      "push", y0, 5, pu,
      [&](const double *p, double *d) {
        Body db{};
        double r = push_grad(body(p), p[4], &db, &d[4]);
        unpack(db, d);
        return r;
      },
      [&](const double *p, const double *t) { return push_fwd(body(p), p[4], body(t), t[4]); });
  check_pullback_prefilled<double>("push", y0, 5, pu, [&](const double *p, double s, double *d) {
    Body db = body(d); // pre-filled
    double r = push_pullback(body(p), p[4], s, &db, &d[4]);
    for (int k = 0; k < 3; ++k)
      d[k] = db.p.d[k];
    d[3] = db.m;
    return r;
  });

  // scatter: x[3] -> y[3].
  double z0[3] = {0.7, -1.2, 0.5};
  check_vector_fn<double>(
      "scatter", z0, 3, 3, [](const double *x, double *y) { scatter(x, y, 3); },
      [](const double *x, const double *ybar, double *xbar) {
        double y[3], dy[3] = {ybar[0], ybar[1], ybar[2]};
        scatter_pullback(x, y, 3, xbar, dy);
        for (int k = 0; k < 3; ++k)
          check_exact("scatter: d_y of a pure output is zero on return", dy[k], 0.0);
      },
      [](const double *x, const double *xdot, double *y, double *ydot) {
        scatter_fwd(x, y, 3, xdot, ydot);
      });
  {
    double y[3], jac[9], ydot[3], y2[3];
    scatter_jacobian(z0, y, 3, jac);
    for (int i = 0; i < 3; ++i) {
      double e[3] = {0, 0, 0};
      e[i] = 1;
      scatter_fwd(z0, y2, 3, e, ydot);
      for (int k = 0; k < 3; ++k)
        check_close(Label("scatter_jacobian", "column", i), jac[3 * k + i], ydot[k], 1e-14, 1e-14);
    }
  }
  return finish();
}
#endif
