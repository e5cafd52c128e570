// Pointer casts between T* and const T*: an implicit qualification
// conversion, static_cast<const double *>, a C-style cast, and const_cast /
// (double *) of a pointer to const into writable local memory, which becomes
// `buf + (cw - buf)` (the same address, from the writable array); `&t` of a
// scalar and `&buf[k]` passed to pointer parameters. Checked against central
// differences, forward against reverse, and pullbacks into pre-filled
// adjoints with d_ret != 1.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -std=c++17 -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -std=c++17 -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

static double sum_sq(const double *p, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) s += p[i] * p[i];
  return s;
}
static void scale(double *p, double k) { *p *= k; }

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double casts(const double *x, int n) {
  double buf[4] = {x[0], x[1], x[2], x[3]};
  double *w = buf;
  const double *cw = w;                                  // implicit qualification
  const double *sw = static_cast<const double *>(w);     // static_cast adding const
  double *back = const_cast<double *>(cw);               // const_cast removing it
  back[1] *= x[0];
  double t = x[1];
  scale(&t, x[2]);
  double r = sum_sq(cw, n - 2) + sum_sq(&buf[1], 3) * sw[3] + sum_sq((const double *)w, 1) + t;
  scale(&buf[2], x[3]);
  return r * buf[2];
}
// CHECK-LABEL: double casts_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK:   const double *cw = buf;
// CHECK:   back = buf + (cw - buf);
// CHECK-NEXT:   d_back = d_buf + (back - buf);
// CHECK-LABEL: double casts_grad(
// CHECK-LABEL: adgen::Dual<double> casts_fwd(const double *x, int n, const double *d_x) {
// CHECK:   double *back = buf + (cw - buf);
// CHECK:   double *d_back = d_buf + (cw - buf);

#ifdef ADGEN_TEST_DRIVER
double casts_pullback(const double *x, int n, double d_ret, double *d_x);
double casts_grad(const double *x, int n, double *d_x);
adgen::Dual<double> casts_fwd(const double *x, int n, const double *d_x);
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  ADGEN_TEST_ARRAY_FN(casts, 4);
  return finish();
}
#endif
