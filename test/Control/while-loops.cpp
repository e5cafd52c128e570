// while and do-while loops with break and continue; a do-while body runs at
// least once.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD()
double wloop(double x, int n) {
  double s = x;
  int i = 0;
  while (i < n) {
    ++i;
    if (i % 3 == 0)
      continue;
    s = s * std::cos(s) + x;
    if (s > 50.0)
      break;
  }
  return s;
}
// CHECK-LABEL: double wloop_pullback(double x, int n, double d_ret, double *d_x) {
// CHECK-LABEL: double wloop_grad(double x, int n, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> wloop_fwd(double x, int n, double d_x) {

ADGEN_REVERSE() ADGEN_FORWARD()
double dwloop(double x, double y, int n) {
  double p = 1;
  int i = 0;
  do {
    p = p * x + y;
    if (i == 2) {
      ++i;
      continue;
    }
    p = std::sqrt(p * p + 1.0);
    ++i;
    if (p > 1e6)
      break;
  } while (i < n);
  return p;
}
// CHECK-LABEL: double dwloop_grad(double x, double y, int n, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> dwloop_fwd(double x, double y, int n, double d_x, double d_y) {

// while (true) with the exit in the middle.
ADGEN_REVERSE() ADGEN_FORWARD()
double midexit(double x) {
  double s = x;
  while (true) {
    s = s * 1.5 + x;
    if (s > 20.0)
      break;
    s = s - 0.25 * x;
  }
  return s;
}
// CHECK-LABEL: double midexit_grad(double x, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> midexit_fwd(double x, double d_x) {

#ifdef ADGEN_TEST_DRIVER
double wloop_pullback(double x, int n, double d_ret, double* d_x);
double wloop_grad(double x, int n, double* d_x);
adgen::Dual<double> wloop_fwd(double x, int n, double d_x);
double dwloop_grad(double x, double y, int n, double* d_x, double* d_y);
adgen::Dual<double> dwloop_fwd(double x, double y, int n, double d_x, double d_y);
double midexit_grad(double x, double* d_x);
adgen::Dual<double> midexit_fwd(double x, double d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  for (int n : {0, 1, 2, 3, 4, 7, 10})
    for (double x : {0.6, 2.1, 60.0}) // 60.0 takes the break
      check_scalar_fn<double>("wloop", &x, 1,
          [n](const double* v) { return wloop(v[0], n); },
          [n](const double* v, double* g) { return wloop_grad(v[0], n, g); },
          [n](const double* v, const double* t) { return wloop_fwd(v[0], n, t[0]); });
  // n = 0: s = x, derivative exactly 1.
  double g = 0;
  wloop_grad(0.6, 0, &g);
  check_exact("wloop n=0: d/dx", g, 1.0);
  for (int n : {0, 1, 3, 5})
    for (double x : {0.7, 40.0}) { // 40.0 takes the break
      double p[2] = {x, 0.3};
      check_scalar_fn<double>("dwloop", p, 2,
          [n](const double* v) { return dwloop(v[0], v[1], n); },
          [n](const double* v, double* gr) { return dwloop_grad(v[0], v[1], n, &gr[0], &gr[1]); },
          [n](const double* v, const double* t) { return dwloop_fwd(v[0], v[1], n, t[0], t[1]); });
    }
  // n = 0 still runs the body once: p = sqrt((x + y)^2 + 1).
  double gx = 0, gy = 0;
  dwloop_grad(0.7, 0.3, 0, &gx, &gy);
  check_close("dwloop n=0: d/dx", gx, 1.0 / std::sqrt(2.0), 1e-14);
  check_close("dwloop n=0: d/dy", gy, 1.0 / std::sqrt(2.0), 1e-14);
  for (double x : {0.5, 1.0, 3.7})
    check_scalar_fn<double>("midexit", &x, 1,
        [](const double* v) { return midexit(v[0]); },
        [](const double* v, double* gr) { return midexit_grad(v[0], gr); },
        [](const double* v, const double* t) { return midexit_fwd(v[0], t[0]); });
  return finish();
}
#endif
