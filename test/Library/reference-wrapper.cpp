// std::reference_wrapper of a number: `std::reference_wrapper<double> r =
// a;`, `auto r = std::ref(a);`, `auto c = std::cref(y);`, also of an array
// element, used through get() and as the variable it refers to (the implicit
// conversion to double &). Like `double &r = a;`, r is another name of a:
// generated code reads and writes a. Reseating (`r = b`) is refused.
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
#include <functional>

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double doubled(double x) {
  double a = x * x;
  std::reference_wrapper<double> r = a;
  r.get() *= 2;
  return a;
}
// CHECK-LABEL: double doubled_pullback(double x, double d_ret, double *d_x) {
// CHECK:   a = a * 2.0;

ADGEN_REVERSE("x, y") ADGEN_FORWARD("x, y") ADGEN_HESSIAN("x, y")
double wraps(double x, double y) {
  double a = x * y, b[3] = {x, y, x + y};
  auto r = std::ref(a);
  auto c = std::cref(y);
  for (int i = 0; i < 3; ++i) {
    std::reference_wrapper<double> e = b[i];
    e.get() = e * std::sin(c.get()) + r;
    double &ar = r;
    ar += 0.25 * e;
  }
  const double &cy = c;
  return r.get() * b[1] + cy * b[2];
}
// CHECK-LABEL: double wraps_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK:       e_index = i;
// CHECK:       b[e_index] = b[e_index] * std::sin(y) + a;
// CHECK-NEXT:  a += 0.25 * b[e_index];
// CHECK:   result = a * b[1] + y * b[2];

#ifdef REFUSE
ADGEN_REVERSE("x")
double reseated(double x, double y) {
  double a = x, b = y;
  auto r = std::ref(a);
  r = b;
  return r * x;
}
// REFUSE: error: 'std::reference_wrapper::operator=' is not supported: adgen supports a std::reference_wrapper that is never reseated, used through get() or as the variable it refers to
#endif

#ifdef ADGEN_TEST_DRIVER
double doubled_grad(double x, double *d_x);
double doubled_pullback(double x, double d_ret, double *d_x);
adgen::Dual<double> doubled_fwd(double x, double d_x);
double wraps_grad(double x, double y, double *d_x, double *d_y);
double wraps_pullback(double x, double y, double d_ret, double *d_x, double *d_y);
adgen::Dual<double> wraps_fwd(double x, double y, double d_x, double d_y);
#include "adgen_pullback.h"
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  double x1[1] = {0.7};
  auto f1 = [](const double *p) { return doubled(p[0]); };
  check_scalar_fn<double>(
      "doubled", x1, 1, f1, [](const double *p, double *g) { return doubled_grad(p[0], &g[0]); },
      [](const double *p, const double *t) { return doubled_fwd(p[0], t[0]); });
  check_pullback_prefilled<double>("doubled", x1, 1, f1, [](const double *p, double s, double *g) {
    return doubled_pullback(p[0], s, &g[0]);
  });
  double x2[2] = {0.8, -0.45};
  auto f2 = [](const double *p) { return wraps(p[0], p[1]); };
  check_scalar_fn<double>(
      "wraps", x2, 2, f2,
      [](const double *p, double *g) { return wraps_grad(p[0], p[1], &g[0], &g[1]); },
      [](const double *p, const double *t) { return wraps_fwd(p[0], p[1], t[0], t[1]); });
  check_pullback_prefilled<double>("wraps", x2, 2, f2, [](const double *p, double s, double *g) {
    return wraps_pullback(p[0], p[1], s, &g[0], &g[1]);
  });
  return finish();
}
#endif
