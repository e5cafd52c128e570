// assert(c) (repro assert.cpp: "expression 'StringLiteral' is not supported")
// stays assert(c) in f_fwd, in the forward sweep of f_pullback and in
// helpers, so the derivatives check what f checks; it carries no derivative.
// Under NDEBUG it is left out, as C++ does.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// The assert fires inside f_pullback / f_fwd when f's would.
// RUN: not --crash %t.gcc grad 2>&1 | FileCheck %s --check-prefix=FIRES
// RUN: not --crash %t.clang fwd 2>&1 | FileCheck %s --check-prefix=FIRES
// FIRES: Assertion `n > 0' failed
// The output also compiles under NDEBUG, and adgen run under NDEBUG leaves
// the asserts out.
// RUN: %cxx -DNDEBUG -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.ndebug && %t.ndebug
// RUN: %adgen %s -o %t.nd.cpp -- -std=c++17 -DNDEBUG
// RUN: FileCheck %s --input-file=%t.nd.cpp --check-prefix=NDEBUG --implicit-check-not='assert('
// RUN: %clangxx -DNDEBUG -DADGEN_TEST_DRIVER %t.nd.cpp -o %t.nd && %t.nd
// NDEBUG-LABEL: double f_pullback(
#include <adgen/adgen.h>
#include <cassert>
#include <cmath>

static double weight(double v, int k) {
  assert(k >= 0 && std::isfinite(v));
  return v * (k + 1);
}

ADGEN_FORWARD("x") ADGEN_REVERSE("x")
double f(const double *x, int n) {
  assert(n > 0);
  double s = 0;
  for (int i = 0; i < n; ++i) {
    s += weight(x[i], i) * x[i];
    assert(s >= 0);
  }
  assert(x[0] == x[0]);
  return std::sqrt(s);
}
// CHECK-LABEL: adgen::Dual<double> f_fwd(const double *x, int n, const double *d_x) {
// CHECK: assert(n > 0);
// CHECK: assert(s >= 0.0);
// CHECK: assert(x[0] == x[0]);
// CHECK-LABEL: double f_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK: assert(n > 0);
// CHECK: assert(s >= 0.0);
// CHECK: assert(x[0] == x[0]);
// CHECK: // Backward sweep
// CHECK-NOT: assert(
// CHECK-LABEL: double f_grad(
// CHECK: assert(k >= 0 && std::isfinite(v));

#ifdef ADGEN_TEST_DRIVER
adgen::Dual<double> f_fwd(const double *x, int n, const double *d_x);
double f_pullback(const double *x, int n, double d_ret, double *d_x);
double f_grad(const double *x, int n, double *d_x);
#include "adgen_pullback.h"
#include <cstring>
using namespace adgen_test;
int main(int argc, char **argv) {
  const double x[] = {0.4, 1.3, 0.9};
  if (argc > 1) { // n = 0: the assert in the derivative fires
    double d[3] = {};
    if (std::strcmp(argv[1], "grad") == 0)
      f_grad(x, 0, d);
    else
      f_fwd(x, 0, d);
    return 0;
  }
  auto fv = [](const double *p) { return f(p, 3); };
  check_scalar_fn<double>("f", x, 3, fv,
      [](const double *p, double *g) { return f_grad(p, 3, g); },
      [](const double *p, const double *t) { return f_fwd(p, 3, t); });
  check_pullback_prefilled<double>("f", x, 3, fv,
      [](const double *p, double s, double *g) { return f_pullback(p, 3, s, g); });
  return finish();
}
#endif
