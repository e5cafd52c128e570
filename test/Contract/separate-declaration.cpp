// A marker on a declaration: spec names are that declaration's parameter
// names, the derivative is of the definition (parameters match by position).
// An inline function's derivatives are inline too, so two translation units
// may both include them.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE("x")
double f(double x, double y);

double f(double a, double b) { return a * b + std::sin(a); }
// CHECK-LABEL: double f_pullback(double a, double b, double d_ret, double *d_a) {

ADGEN_FORWARD()
inline double sq(double v) { return v * v; }
// CHECK-LABEL: inline adgen::Dual<double> sq_fwd(double v, double d_v) {

#ifdef ADGEN_TEST_DRIVER
double f_grad(double a, double b, double *d_a);
inline adgen::Dual<double> sq_fwd(double v, double d_v);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  double da = 0;
  f_grad(0.5, 3.0, &da);
  check_close("df/dx", da, 3.0 + std::cos(0.5), 1e-15);
  check_close("sq_fwd", sq_fwd(3.0, 1.0).tangent, 6.0, 1e-15);
  return finish();
}
#endif
