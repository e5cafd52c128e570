// f_jacobian of a function with parameters the spec leaves inactive that are
// structs or containers (`const Params &p`, a std::vector of coefficients):
// they are passed through to f_fwd / f_pullback, so the Jacobian is
// generated; by columns, by rows and the default; checked against central
// differences. (Active struct and container parameters are still refused.)
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --jacobian-mode=forward -o %t.fwd.cpp -- -std=c++17
// RUN: %cxx -DADGEN_TEST_DRIVER %t.fwd.cpp -o %t.fwd && %t.fwd
// RUN: %adgen %s --jacobian-mode=reverse -o %t.rev.cpp -- -std=c++17
// RUN: %cxx -DADGEN_TEST_DRIVER %t.rev.cpp -o %t.rev && %t.rev
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check && %t.check | FileCheck %s --check-prefix=CHK
#include <adgen/adgen.h>
#include <cmath>
#include <vector>

struct Params {
  double k;
  double damping[2];
  int steps;
};

ADGEN_JACOBIAN("x[2] -> y[3]")
void model(const double *x, const Params &p, double *y) {
  double a = x[0], b = x[1];
  for (int s = 0; s < p.steps; ++s) {
    a = a - p.damping[0] * std::sin(b);
    b = b + p.k * a * p.damping[1];
  }
  y[0] = a;
  y[1] = b;
  y[2] = a * b * p.k;
}
// CHECK-LABEL: void model_jacobian(const double *x, const Params &p, double *y, double *jac) {

ADGEN_JACOBIAN("x, y -> return")
double poly(double x, double y, const std::vector<double> &c) {
  double s = 0;
  for (std::size_t i = 0; i < c.size(); ++i)
    s = s * x + c[i] * y;
  return s;
}
// CHECK-LABEL: void poly_jacobian(double x, double y, const std::vector<double> &c, double *jac) {

// CHK: 2 passed, 0 failed

#ifdef ADGEN_TEST_DRIVER
void model_jacobian(const double *x, const Params &p, double *y, double *jac);
void poly_jacobian(double x, double y, const std::vector<double> &c, double *jac);
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  Params p{0.7, {0.3, 1.2}, 3};
  double x[2] = {0.4, -0.8}, y[3], J[6];
  model_jacobian(x, p, y, J);
  double want[3];
  model(x, p, want);
  for (int k = 0; k < 3; ++k)
    check_ulps(Label("model", "f_jacobian has f's effects", k), y[k], want[k]);
  for (int i = 0; i < 2; ++i)
    for (int k = 0; k < 3; ++k) {
      double yp[3], ym[3], keep = x[i], h = 1e-6;
      x[i] = keep + h;
      model(x, p, yp);
      x[i] = keep - h;
      model(x, p, ym);
      x[i] = keep;
      check_close(Label("model", "J vs FD", k * 2 + i), J[k * 2 + i], (yp[k] - ym[k]) / (2 * h));
    }
  std::vector<double> c = {1.5, -0.5, 2.0};
  double P[2];
  poly_jacobian(0.6, 1.1, c, P);
  check_close("poly: d/dx", P[0], fd_scalar([&](double t) { return poly(t, 1.1, c); }, 0.6));
  check_close("poly: d/dy", P[1], fd_scalar([&](double t) { return poly(0.6, t, c); }, 1.1));
  return finish();
}
#endif
