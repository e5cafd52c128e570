// if / else if / else chains and nested ifs, with a variable overwritten on
// some paths only.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD()
double branches(double x, double y) {
  double r = x;
  if (x < -1.0)
    r = r * y;
  else if (x < 0.0) {
    r = std::sin(r);
    r += y;
  } else if (x < 1.0)
    r = r * r;
  else {
    if (y > 0.0)
      r = y / r;
    else
      r = -r * y;
  }
  if (r > 0.3)
    r = r * r * x;
  return r * x + y;
}
// CHECK-LABEL: double branches_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double branches_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> branches_fwd(double x, double y, double d_x, double d_y) {

#ifdef ADGEN_TEST_DRIVER
double branches_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double branches_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> branches_fwd(double x, double y, double d_x, double d_y);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double pts[][2] = {{-2.0, 0.7}, {-2.0, -0.7}, {-0.5, 0.2}, {-0.5, 1.5},
                           {0.4, 1.0}, {0.8, 1.0}, {1.5, 2.0}, {1.5, -2.0}};
  for (auto& p : pts)
    check_scalar_fn<double>("branches", p, 2,
        [](const double* v) { return branches(v[0], v[1]); },
        [](const double* v, double* g) { return branches_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return branches_fwd(v[0], v[1], t[0], t[1]); });
  // Hand-derived on the x in [0,1), r = x^2 <= 0.3 path: f = x^3 + y.
  double gx = 0, gy = 0;
  branches_pullback(0.5, 3.0, 1.0, &gx, &gy);
  check_close("branches: d/dx on x^3 path", gx, 3 * 0.25, 1e-15);
  check_exact("branches: d/dy on x^3 path", gy, 1.0);
  return finish();
}
#endif
