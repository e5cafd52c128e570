// Declarations in conditions: `if (double t = g(x))`, `if (init; cond)` with
// a call, `while (double r = next(r0))` (declared anew every pass), `for`
// with a declared condition, `switch (int k = pick(x))`; and a do-while whose
// condition calls a function, with `continue` in the body (which must reach
// the condition). The condition variable is declared before the test; a
// do-while with statements in its condition tests at the top of
// `for (;;)` from its second pass on (`again`).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check && %t.check | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK: 3 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

static double g(double x) { return std::sin(x) - 0.2; }
static double halve(double r) { return 0.5 * r; }
static bool big(double r, double tol) { return r > tol; }
static int pick(double x) { return x > 1.0 ? 2 : 1; }

// CHECK-LABEL: double conds_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> conds_fwd(double x, double y, double d_x, double d_y) {
// CHECK: double t = g_result;
// CHECK: if (static_cast<bool>(t)) {
// CHECK-LABEL: void conds_jacobian(double x, double y, double *jac) {
// CHECK-LABEL: void conds_hessian(double x, double y, double *hess) {
ADGEN_REVERSE() ADGEN_FORWARD() ADGEN_JACOBIAN() ADGEN_HESSIAN()
double conds(double x, double y) {
  double s = 0;
  if (double t = g(x))
    s += t * y;
  else
    s -= y;
  if (double u = g(y * x); u > 0)
    s += u * u;
  double r0 = x * x + 1;
  int n = 0;
  while (double r = halve(r0)) {
    if (r < 0.1 || n > 6)
      break;
    s += r * y;
    r0 = r;
    ++n;
  }
  for (int i = 0; double w = std::cos(x * i); ++i) {
    s += w;
    if (i >= 3)
      break;
  }
  switch (int k = pick(x)) {
  case 2:
    s *= k * y;
    break;
  default:
    s += k;
  }
  return s;
}

// CHECK-LABEL: double shrink_pullback(double x, double tol, double d_ret, double *d_x) {
// CHECK: bool again = false;
// CHECK-LABEL: adgen::Dual<double> shrink_fwd(double x, double tol, double d_x) {
ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double shrink(double x, double tol) {
  double r = x * x + 2;
  double acc = 0;
  int i = 0;
  do {
    ++i;
    r = halve(r) + 0.01 * x;
    if (i % 2 == 0)
      continue; // goes to the condition, as in C++
    acc += r * x;
  } while (big(r, tol) && i < 40);
  return acc + r;
}

// A do-while whose condition calls a function with an active argument.
ADGEN_REVERSE() ADGEN_FORWARD()
double settle(double x) {
  double v = x;
  int n = 0;
  do {
    v = std::sqrt(v + 1.0);
    ++n;
  } while (g(v) > 0.5 && n < 10);
  return v * x;
}

#ifdef ADGEN_TEST_DRIVER
double conds_grad(double x, double y, double *d_x, double *d_y);
double conds_pullback(double x, double y, double d_ret, double *d_x, double *d_y);
adgen::Dual<double> conds_fwd(double x, double y, double d_x, double d_y);
void conds_jacobian(double x, double y, double *jac);
void conds_hessian(double x, double y, double *hess);
double shrink_grad(double x, double tol, double *d_x);
double shrink_pullback(double x, double tol, double d_ret, double *d_x);
adgen::Dual<double> shrink_fwd(double x, double tol, double d_x);
double settle_grad(double x, double *d_x);
adgen::Dual<double> settle_fwd(double x, double d_x);
#include "adgen_pullback.h"
#include "adgen_test.h"
using namespace adgen_test;

// shrink by hand: the loop as written, without declarations in conditions.
static double shrink_ref(double x, double tol) {
  double r = x * x + 2, acc = 0;
  int i = 0;
  for (;;) {
    ++i;
    r = 0.5 * r + 0.01 * x;
    if (i % 2 != 0)
      acc += r * x;
    if (!(r > tol && i < 40))
      break;
  }
  return acc + r;
}

int main() {
  for (double x0 : {0.9, 1.4, 0.05}) {
    double p[2] = {x0, 0.8};
    auto f = [](const double *q) { return conds(q[0], q[1]); };
    check_scalar_fn<double>(
        "conds", p, 2, f, [](const double *q, double *g) { return conds_grad(q[0], q[1], &g[0], &g[1]); },
        [](const double *q, const double *t) { return conds_fwd(q[0], q[1], t[0], t[1]); });
    check_pullback_prefilled<double>("conds", p, 2, f, [](const double *q, double s, double *g) {
      return conds_pullback(q[0], q[1], s, &g[0], &g[1]);
    });
    double jac[2], g[2] = {0, 0}, hess[4];
    conds_jacobian(p[0], p[1], jac);
    conds_grad(p[0], p[1], &g[0], &g[1]);
    check_close("conds_jacobian[0]", jac[0], g[0], 1e-14, 1e-14);
    check_close("conds_jacobian[1]", jac[1], g[1], 1e-14, 1e-14);
    conds_hessian(p[0], p[1], hess);
    for (int i = 0; i < 2; ++i)
      for (int j = 0; j < 2; ++j) {
        double q[2] = {p[0], p[1]};
        double h = 1e-5, gp[2] = {0, 0}, gm[2] = {0, 0};
        q[j] = p[j] + h;
        conds_grad(q[0], q[1], &gp[0], &gp[1]);
        q[j] = p[j] - h;
        conds_grad(q[0], q[1], &gm[0], &gm[1]);
        check_close("conds_hessian vs FD of grad", hess[i * 2 + j], (gp[i] - gm[i]) / (2 * h), 1e-6, 1e-7);
      }
  }
  for (double x0 : {0.7, 1.9}) {
    double p[1] = {x0};
    check_close("shrink vs hand", shrink(x0, 0.3), shrink_ref(x0, 0.3), 1e-15, 1e-15);
    auto f = [](const double *q) { return shrink(q[0], 0.3); };
    check_scalar_fn<double>(
        "shrink", p, 1, f, [](const double *q, double *g) { return shrink_grad(q[0], 0.3, &g[0]); },
        [](const double *q, const double *t) { return shrink_fwd(q[0], 0.3, t[0]); });
    check_pullback_prefilled<double>("shrink", p, 1, f, [](const double *q, double s, double *g) {
      return shrink_pullback(q[0], 0.3, s, &g[0]);
    });
    auto h = [](const double *q) { return settle(q[0]); };
    check_scalar_fn<double>(
        "settle", p, 1, h, [](const double *q, double *g) { return settle_grad(q[0], &g[0]); },
        [](const double *q, const double *t) { return settle_fwd(q[0], t[0]); });
  }
  return finish();
}
#endif
