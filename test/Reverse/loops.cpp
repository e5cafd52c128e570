// Reverse mode of loops whose overwritten values need not be stored: a
// linear accumulation, and loop-local temporaries that are cheap to
// recompute from inputs that are never overwritten (the Rosenbrock shape
// that made Clad's taped gradient 20x slower). Nothing of type double goes
// on the tape here; the numbers are checked too.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not='pop<double>'
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>

ADGEN_REVERSE() ADGEN_FORWARD()
double dot(const double *w, const double *v, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += w[i] * v[i];
  return s;
}
// CHECK-LABEL: double dot_pullback(const double *w, const double *v, int n, double d_ret, double *d_w, double *d_v) {
// CHECK: for (
// CHECK-LABEL: double dot_grad(const double *w, const double *v, int n, double *d_w, double *d_v) {
// CHECK-LABEL: adgen::Dual<double> dot_fwd(const double *w, const double *v, int n, const double *d_w, const double *d_v) {

ADGEN_REVERSE() ADGEN_FORWARD()
double rosen(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n - 1; ++i) {
    double t = x[i + 1] - x[i] * x[i];
    double u = 1.0 - x[i];
    s += 100.0 * t * t + u * u;
  }
  return s;
}
// CHECK-LABEL: double rosen_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK: for (
// CHECK-LABEL: double rosen_grad(const double *x, int n, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> rosen_fwd(const double *x, int n, const double *d_x) {

// Backwards, with a stride and an offset start.
ADGEN_REVERSE() ADGEN_FORWARD()
double backstride(const double *x, int n) {
  double s = 0;
  for (int i = n - 1; i >= 1; i -= 3)
    s += x[i] * x[i - 1];
  return s;
}
// CHECK-LABEL: double backstride_grad(const double *x, int n, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> backstride_fwd(const double *x, int n, const double *d_x) {

#ifdef ADGEN_TEST_DRIVER
double dot_pullback(const double* w, const double* v, int n, double d_ret, double* d_w, double* d_v);
double dot_grad(const double* w, const double* v, int n, double* d_w, double* d_v);
adgen::Dual<double> dot_fwd(const double* w, const double* v, int n, const double* d_w, const double* d_v);
double rosen_pullback(const double* x, int n, double d_ret, double* d_x);
double rosen_grad(const double* x, int n, double* d_x);
adgen::Dual<double> rosen_fwd(const double* x, int n, const double* d_x);
double backstride_grad(const double* x, int n, double* d_x);
adgen::Dual<double> backstride_fwd(const double* x, int n, const double* d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  double p[12];
  for (int i = 0; i < 12; ++i)
    p[i] = 0.3 * i - 1.1;
  for (int n : {0, 1, 6}) {
    double q[12];
    for (int i = 0; i < n; ++i) q[i] = p[i], q[n + i] = p[6 + i];
    if (n == 0) q[0] = 0;
    check_scalar_fn<double>("dot", q, 2 * n,
        [n](const double* v) { return dot(v, v + n, n); },
        [n](const double* v, double* g) { return dot_grad(v, v + n, n, g, g + n); },
        [n](const double* v, const double* t) { return dot_fwd(v, v + n, n, t, t + n); });
  }
  {
    double gw[6] = {}, gv[6] = {};
    dot_pullback(p, p + 6, 6, 3.0, gw, gv);
    for (int i = 0; i < 6; ++i) {
      check_exact("dot: d/dw = 3 v", gw[i], 3.0 * p[6 + i]);
      check_exact("dot: d/dv = 3 w", gv[i], 3.0 * p[i]);
    }
  }
  for (int n : {1, 2, 7, 12})
    check_scalar_fn<double>("rosen", p, n,
        [n](const double* v) { return rosen(v, n); },
        [n](const double* v, double* g) { return rosen_grad(v, n, g); },
        [n](const double* v, const double* t) { return rosen_fwd(v, n, t); });
  // Hand-derived Rosenbrock gradient.
  {
    const int n = 7;
    double g[n] = {};
    rosen_grad(p, n, g);
    for (int i = 0; i < n; ++i) {
      double want = 0;
      if (i < n - 1) want += -400 * p[i] * (p[i + 1] - p[i] * p[i]) - 2 * (1 - p[i]);
      if (i > 0) want += 200 * (p[i] - p[i - 1] * p[i - 1]);
      check_close("rosen: hand-derived", g[i], want, 1e-13);
    }
  }
  for (int n : {1, 2, 5, 11, 12})
    check_scalar_fn<double>("backstride", p, n,
        [n](const double* v) { return backstride(v, n); },
        [n](const double* v, double* g) { return backstride_grad(v, n, g); },
        [n](const double* v, const double* t) { return backstride_fwd(v, n, t); });
  return finish();
}
#endif
