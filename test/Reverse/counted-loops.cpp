// Counted loops (for (i = first; i < bound; ++i), the body changing neither
// the counter nor the bounds) cost no tape for their bookkeeping: the
// backward sweep runs the counter down from the bounds instead of popping a
// trip count and old counter values. Loops whose trip count depends on data
// still pop theirs.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// Triangular loops: the inner bound is the outer counter; `<=`; a bound
// that code after the loop overwrites (m), which the backward sweep needs.
ADGEN_REVERSE("x[4]") ADGEN_FORWARD("x[4]")
double tri(const double *x, int n) {
  double s = 0;
  int m = n;
  for (int i = 0; i < m; ++i)
    for (int j = i + 1; j <= m - 1; ++j)
      s += std::sin(x[i] * x[j]) * (j - i);
  m = 0;
  for (int k = 1; k < n; ++k)
    s = s * 0.5 + std::cos(x[k] + s);
  return s + m;
}
// CHECK-LABEL: double tri_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK-NOT: iterations
// CHECK: for (k = n - 1; k >= 1; --k) {
// CHECK: for (i = m - 1; i >= 0; --i) {
// CHECK: for (j = m - 1; j >= i + 1; --j) {
// CHECK-LABEL: double tri_grad(

// A data-dependent trip count still goes on the tape.
ADGEN_REVERSE() ADGEN_FORWARD()
double halve(double x) {
  double s = x;
  while (s > 0.1)
    s = s * 0.5 * std::tanh(x);
  for (int i = 0; i < 3; ++i)
    s += x * i;
  return s;
}
// CHECK-LABEL: double halve_pullback(double x, double d_ret, double *d_x) {
// CHECK: tape.push(iterations);
// CHECK: for (i = 2; i >= 0; --i) {
// CHECK: for (long iterations_1 = tape.pop<long>(); iterations_1 > 0; --iterations_1) {

#ifdef ADGEN_TEST_DRIVER
double tri_grad(const double *x, int n, double *d_x);
adgen::Dual<double> tri_fwd(const double *x, int n, const double *d_x);
double halve_grad(double x, double *d_x);
adgen::Dual<double> halve_fwd(double x, double d_x);
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  double x[4] = {0.3, -0.7, 1.1, 0.45};
  check_scalar_fn<double>(
      "tri", x, 4, [](const double *p) { return tri(p, 4); },
      [](const double *p, double *g) { return tri_grad(p, 4, g); },
      [](const double *p, const double *t) { return tri_fwd(p, 4, t); });
  double h[1] = {1.7};
  check_scalar_fn<double>(
      "halve", h, 1, [](const double *p) { return halve(p[0]); },
      [](const double *p, double *g) { return halve_grad(p[0], g); },
      [](const double *p, const double *t) { return halve_fwd(p[0], t[0]); });
  return finish();
}
#endif
