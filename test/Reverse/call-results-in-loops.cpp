// The result of a call inside a loop is overwritten each iteration; the
// backward sweep needs each iteration's value (a regression: it once saw the
// last iteration's value only).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

double softplus(double x) { return std::log1p(std::exp(x)); }

ADGEN_REVERSE("w")
double weighted(const double *w, const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += w[i] * softplus(x[i]) * softplus(w[i]);
  return s;
}
// CHECK-LABEL: double weighted_pullback(const double *w, const double *x, int n, double d_ret, double *d_w) {
// CHECK: tape.push(softplus
// CHECK: = tape.pop<double>();

#ifdef ADGEN_TEST_DRIVER
double weighted_grad(const double *w, const double *x, int n, double *d_w);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double w[3] = {0.5, -1.0, 2.0}, x[3] = {0.1, 0.2, -0.3};
  double dw[3] = {};
  weighted_grad(w, x, 3, dw);
  for (int i = 0; i < 3; ++i) {
    double sig = 1 / (1 + std::exp(-w[i]));
    check_close("d/dw", dw[i], softplus(x[i]) * (softplus(w[i]) + w[i] * sig), 1e-14);
  }
  return finish();
}
#endif
