// The textbook example: y = ln(x1) + x1 x2 - sin(x2). At (2, 5) the value is
// ln 2 + 10 - sin 5 and the gradient is (1/x1 + x2, x1 - cos x2) = (5.5, 2 - cos 5).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD()
double f(double x1, double x2) { return std::log(x1) + x1 * x2 - std::sin(x2); }
// CHECK-LABEL: double f_pullback(double x1, double x2, double d_ret, double *d_x1, double *d_x2) {
// CHECK-LABEL: double f_grad(double x1, double x2, double *d_x1, double *d_x2) {
// CHECK-LABEL: adgen::Dual<double> f_fwd(double x1, double x2, double d_x1, double d_x2) {

#ifdef ADGEN_TEST_DRIVER
double f_pullback(double x1, double x2, double d_ret, double* d_x1, double* d_x2);
double f_grad(double x1, double x2, double* d_x1, double* d_x2);
adgen::Dual<double> f_fwd(double x1, double x2, double d_x1, double d_x2);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  double g1 = 0, g2 = 0;
  double y = f_grad(2.0, 5.0, &g1, &g2);
  check_close("y(2,5)", y, std::log(2.0) + 10.0 - std::sin(5.0), 1e-15);
  check_close("dy/dx1(2,5) = 5.5", g1, 5.5, 1e-15);
  check_close("dy/dx2(2,5) = 2 - cos 5", g2, 2.0 - std::cos(5.0), 1e-15);
  adgen::Dual<double> t1 = f_fwd(2.0, 5.0, 1.0, 0.0), t2 = f_fwd(2.0, 5.0, 0.0, 1.0);
  check_close("fwd y(2,5)", t1.value, std::log(2.0) + 10.0 - std::sin(5.0), 1e-15);
  check_close("fwd dy/dx1(2,5) = 5.5", t1.tangent, 5.5, 1e-15);
  check_close("fwd dy/dx2(2,5) = 2 - cos 5", t2.tangent, 2.0 - std::cos(5.0), 1e-15);
  const double pts[][2] = {{2.0, 5.0}, {0.5, -1.0}, {3.0, 0.1}};
  for (auto& p : pts)
    check_scalar_fn<double>("f", p, 2,
        [](const double* v) { return f(v[0], v[1]); },
        [](const double* v, double* g) { return f_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return f_fwd(v[0], v[1], t[0], t[1]); });
  return finish();
}
#endif
