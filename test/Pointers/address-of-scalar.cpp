// `double *p = &x;` and `const double *p = &x;` of a scalar local or
// parameter: p is another name of x, as `double &r = x;` is, and `*p` and
// `p[0]` read and write x itself. What would need p to be a pointer is
// refused: another index, reseating, passing p along.
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

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double scaled(double x) {
  int i = 3;
  double *p = &x;
  return *p * i;
}
// CHECK-LABEL: double scaled_pullback(double x, double d_ret, double *d_x) {
// CHECK:   result = x * static_cast<double>(i);

ADGEN_REVERSE("x, y") ADGEN_FORWARD("x, y") ADGEN_HESSIAN("x, y")
double alias(double x, double y) {
  double t = x * y;
  double *p = &t;
  const double *q = &y;
  *p *= std::sin(*q);
  p[0] += x;
  for (int k = 0; k < 3; ++k)
    *p = *p * 0.5 + q[0] * t;
  double &r = t;
  double *pr = &r;
  return *pr * *q;
}
// CHECK-LABEL: double alias_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK:   t = t * std::sin(y);
// CHECK-NEXT:   t += x;
// CHECK:     t = t * 0.5 + y * t;
// CHECK:   result = t * y;
// CHECK-LABEL: adgen::Dual<double> alias_fwd(

#ifdef REFUSE
ADGEN_REVERSE("x")
double moved(double x) {
  double *p = &x;
  return p[1];
}
// REFUSE: error: 'p' points to one variable: only 'p[0]' is that variable
ADGEN_REVERSE("x")
double reseated(double x, double y) {
  double *p = &x;
  p = &y;
  return *p;
}
// REFUSE: error: taking the address of a variable is supported only as the argument of a call
ADGEN_REVERSE("x")
double shifted(double x) {
  double *p = &x;
  double *q = p + 1;
  return *q;
}
// REFUSE: error: 'p' holds the address of a variable: adgen supports it only as '*p' and 'p[0]' (not reseated, moved, compared or passed along)
#endif

#ifdef ADGEN_TEST_DRIVER
double scaled_grad(double x, double *d_x);
double scaled_pullback(double x, double d_ret, double *d_x);
adgen::Dual<double> scaled_fwd(double x, double d_x);
double alias_grad(double x, double y, double *d_x, double *d_y);
double alias_pullback(double x, double y, double d_ret, double *d_x, double *d_y);
adgen::Dual<double> alias_fwd(double x, double y, double d_x, double d_y);
#include "adgen_pullback.h"
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  double x1[1] = {0.7};
  auto f1 = [](const double *p) { return scaled(p[0]); };
  check_scalar_fn<double>(
      "scaled", x1, 1, f1, [](const double *p, double *g) { return scaled_grad(p[0], &g[0]); },
      [](const double *p, const double *t) { return scaled_fwd(p[0], t[0]); });
  check_pullback_prefilled<double>("scaled", x1, 1, f1, [](const double *p, double s, double *g) {
    return scaled_pullback(p[0], s, &g[0]);
  });
  double x2[2] = {0.8, -0.45};
  auto f2 = [](const double *p) { return alias(p[0], p[1]); };
  check_scalar_fn<double>(
      "alias", x2, 2, f2,
      [](const double *p, double *g) { return alias_grad(p[0], p[1], &g[0], &g[1]); },
      [](const double *p, const double *t) { return alias_fwd(p[0], p[1], t[0], t[1]); });
  check_pullback_prefilled<double>("alias", x2, 2, f2, [](const double *p, double s, double *g) {
    return alias_pullback(p[0], p[1], s, &g[0], &g[1]);
  });
  return finish();
}
#endif
