// Addresses passed to helpers that take pointers: &X[2 * i] (the pointer
// X + 2 * i), &r of a reference bound to an element, and &x of a scalar local
// or parameter, which the helper sees as a one-element array: read through
// `const double *`, read and written through `double *` (copied back into x
// after the call). Forward and reverse mode, pre-filled adjoints, d_ret != 1.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check && %t.check | FileCheck %s --check-prefix=CHK
#include <adgen/adgen.h>
#include <cmath>

static double dot2(const double *a, const double *b) { return a[0] * b[0] + a[1] * b[1]; }
static double sq(const double *p) { return p[0] * p[0]; }
static void scale(double *p, double s) { p[0] = p[0] * s + std::sin(p[0]); }
static void count(int *n) { *n += 1; }

ADGEN_REVERSE("X") ADGEN_FORWARD("X")
double pairs(const double *X, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += dot2(&X[2 * i], &X[2 * (n - 1 - i)]);
  return s;
}
// CHECK-LABEL: double pairs_pullback(const double *X, int n, double d_ret, double *d_X) {
// CHECK: X + 2 * i

ADGEN_REVERSE() ADGEN_FORWARD()
double scalars(double x, double y) {
  double t = x * y;
  double u = sq(&t) + sq(&x);
  scale(&t, y);       // t is read and written through the pointer
  scale(&x, 0.5);     // so is the parameter x
  int calls = 0;
  count(&calls);
  double w[3] = {x, y, t};
  double &r = w[1];
  return u + t * x + sq(&r) * calls + sq(&w[2]);
}
// CHECK-LABEL: double scalars_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK: double t_cell[1]
// CHECK-LABEL: adgen::Dual<double> scalars_fwd(

// CHK: 2 passed, 0 failed

#ifdef ADGEN_TEST_DRIVER
double pairs_pullback(const double *X, int n, double d_ret, double *d_X);
double pairs_grad(const double *X, int n, double *d_X);
adgen::Dual<double> pairs_fwd(const double *X, int n, const double *d_X);
double scalars_pullback(double x, double y, double d_ret, double *d_x, double *d_y);
double scalars_grad(double x, double y, double *d_x, double *d_y);
adgen::Dual<double> scalars_fwd(double x, double y, double d_x, double d_y);
#include "adgen_pullback.h"
using namespace adgen_test;

int main() {
  const double X[8] = {0.3, -1.1, 0.7, 2.0, -0.4, 0.9, 1.3, -0.6};
  for (int n : {1, 3, 4}) {
    auto f = [n](const double *p) { return pairs(p, n); };
    check_scalar_fn<double>("pairs", X, 2 * n, f,
        [n](const double *p, double *g) { return pairs_grad(p, n, g); },
        [n](const double *p, const double *t) { return pairs_fwd(p, n, t); });
    check_pullback_prefilled<double>("pairs", X, 2 * n, f,
        [n](const double *p, double s, double *g) { return pairs_pullback(p, n, s, g); });
  }
  const double pts[][2] = {{0.4, 1.3}, {-0.9, 0.6}};
  for (auto &p : pts) {
    auto f = [](const double *v) { return scalars(v[0], v[1]); };
    check_scalar_fn<double>("scalars", p, 2, f,
        [](const double *v, double *g) { return scalars_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double *v, const double *t) { return scalars_fwd(v[0], v[1], t[0], t[1]); });
    check_pullback_prefilled<double>("scalars", p, 2, f,
        [](const double *v, double s, double *g) { return scalars_pullback(v[0], v[1], s, &g[0], &g[1]); });
  }
  return finish();
}
#endif
