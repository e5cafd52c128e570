// Objects that carry no derivative never cause a refusal: a `const
// std::string &` label parameter passed along to a helper, an empty functor,
// a class of integers with a method, the size of a temporary
// `std::vector<double>(n)`. A parameter whose type holds no floating-point
// number anywhere is passed through unchanged (no derivative parameter).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check && %t.check | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK: 1 passed, 0 failed
// RUN: not %adgen %s -o %t.bad.cpp -- -std=c++17 -DBAD 2>&1 | FileCheck %s --check-prefix=BAD
#include <adgen/adgen.h>
#include <string>
#include <vector>

struct Square {
  double operator()(double v) const { return v * v; }
};
struct Counter {
  int n;
  int next() { return ++n; }
};
// The label is passed along; calling its methods (why.empty()) in
// differentiated code is refused.
static double scaled(double v, const std::string &why) {
  (void)why;
  return 2 * v;
}

// CHECK-LABEL: double f_pullback(double x, const std::string &label, int n, double d_ret, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> f_fwd(double x, const std::string &label, int n, double d_x) {
// CHECK: std::size_t k = static_cast<unsigned long>(n);
ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double f(double x, const std::string &label, int n) {
  Square sq;
  Counter c{0};
  c.next();
  c.next();
  std::size_t k = std::vector<double>(n).size();
  return scaled(sq(x), label) * k + c.n * x;
}

#ifdef BAD
// BAD: inactive-objects.cpp:[[@LINE+1]]:52: error: parameter 'out' has type 'std::string &'
ADGEN_REVERSE("x") double g(double x, std::string &out) { return x; }
#endif

#ifdef ADGEN_TEST_DRIVER
double f_grad(double x, const std::string &label, int n, double *d_x);
double f_pullback(double x, const std::string &label, int n, double d_ret, double *d_x);
adgen::Dual<double> f_fwd(double x, const std::string &label, int n, double d_x);
#include "adgen_pullback.h"
#include "adgen_test.h"
using namespace adgen_test;
int main() {
  const std::string label = "run";
  double x0[1] = {0.7};
  auto F = [&](const double *p) { return f(p[0], label, 3); };
  check_scalar_fn<double>(
      "f", x0, 1, F, [&](const double *p, double *g) { return f_grad(p[0], label, 3, g); },
      [&](const double *p, const double *t) { return f_fwd(p[0], label, 3, t[0]); });
  check_pullback_prefilled<double>("f", x0, 1, F, [&](const double *p, double s, double *g) {
    return f_pullback(p[0], label, 3, s, g);
  });
  double g = 0;
  f_grad(0.7, label, 3, &g); // d/dx (2 x^2 * 3 + 2 x) = 12 x + 2
  check_close("f' by hand", g, 12 * 0.7 + 2, 1e-14, 1e-14);
  return finish();
}
#endif
