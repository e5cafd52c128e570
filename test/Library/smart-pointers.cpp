// One number behind a smart pointer: `auto p = std::make_shared<double>(x);`,
// `std::make_unique<double>(x)`, `std::unique_ptr<double> q(new double(x));`,
// read and written through `*p`. Each is a local scalar named after the
// pointer; a copy of a shared_ptr names the same number. Other uses of the
// pointer (get(), reset(), passing it along) are refused.
// Checked against central differences, forward against reverse, pullbacks
// into pre-filled adjoints with d_ret != 1; --emit=check for f_hessian.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUN: not %adgen %s -o %t.bad.cpp -- -std=c++17 -DREFUSE 2>&1 | FileCheck %s --check-prefix=REFUSE
// RUNCHECK: 2 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>
#include <memory>

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double shared(double x) {
  auto p = std::make_shared<double>(x);
  return *p * x;
}
// CHECK-LABEL: double shared_pullback(double x, double d_ret, double *d_x) {
// CHECK:   p = x;
// CHECK:   result = p * x;

ADGEN_REVERSE("x, y") ADGEN_FORWARD("x, y") ADGEN_HESSIAN("x, y")
double owned(double x, double y) {
  auto u = std::make_unique<double>(2 * x);
  std::unique_ptr<double> q(new double(y));
  std::shared_ptr<double> s = std::make_shared<double>();
  auto t = s;
  for (int k = 0; k < 3; ++k) {
    *u = *u * std::sin(*q) + 0.5 * x;
    *t += *u * y;
  }
  *q *= *s;
  return *q + *u;
}
// CHECK-LABEL: double owned_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK:   u = 2.0 * x;
// CHECK:   q = y;
// CHECK:       u = u * std::sin(q) + 0.5 * x;
// CHECK-NEXT:  s += u * y;
// CHECK:   q = q * s;
// CHECK-LABEL: adgen::Dual<double> owned_fwd(

#ifdef REFUSE
ADGEN_REVERSE("x")
double raw(double x) {
  auto p = std::make_shared<double>(x);
  return *p.get();
}
// REFUSE: error: 'get' of smart pointer 'p' is not supported: adgen supports a smart pointer to one number only as '*p'
#endif

#ifdef ADGEN_TEST_DRIVER
double shared_grad(double x, double *d_x);
double shared_pullback(double x, double d_ret, double *d_x);
adgen::Dual<double> shared_fwd(double x, double d_x);
double owned_grad(double x, double y, double *d_x, double *d_y);
double owned_pullback(double x, double y, double d_ret, double *d_x, double *d_y);
adgen::Dual<double> owned_fwd(double x, double y, double d_x, double d_y);
#include "adgen_pullback.h"
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  double x1[1] = {0.7};
  auto f1 = [](const double *p) { return shared(p[0]); };
  check_scalar_fn<double>(
      "shared", x1, 1, f1, [](const double *p, double *g) { return shared_grad(p[0], &g[0]); },
      [](const double *p, const double *t) { return shared_fwd(p[0], t[0]); });
  check_pullback_prefilled<double>("shared", x1, 1, f1, [](const double *p, double s, double *g) {
    return shared_pullback(p[0], s, &g[0]);
  });
  double x2[2] = {0.8, -0.45};
  auto f2 = [](const double *p) { return owned(p[0], p[1]); };
  check_scalar_fn<double>(
      "owned", x2, 2, f2,
      [](const double *p, double *g) { return owned_grad(p[0], p[1], &g[0], &g[1]); },
      [](const double *p, const double *t) { return owned_fwd(p[0], p[1], t[0], t[1]); });
  check_pullback_prefilled<double>("owned", x2, 2, f2, [](const double *p, double s, double *g) {
    return owned_pullback(p[0], p[1], s, &g[0], &g[1]);
  });
  return finish();
}
#endif
