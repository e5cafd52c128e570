// std::max and std::min with std::less / std::greater (typed or
// transparent): std::max(a, b, std::greater<double>()) picks what
// std::min(a, b) picks, ties included (both keep the earlier value), so the
// generated code calls the swapped function; std::less keeps it. The list
// forms likewise. Other comparisons are refused.
// Checked against central differences, forward against reverse, pullbacks
// into pre-filled adjoints with d_ret != 1, ties exactly, and --emit=check.
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
#include <algorithm>
#include <cmath>
#include <functional>

ADGEN_REVERSE() ADGEN_FORWARD() ADGEN_HESSIAN()
double picks(double a, double b, double c) {
  double lo = std::max(a, b, std::greater<double>());
  double hi = std::min(a * c, b, std::less<>());
  double l3 = std::max({a, b, c * c}, std::greater<>());
  double h3 = std::min({a, std::sin(b), c}, std::greater<double>());
  return lo * hi + l3 * std::exp(h3);
}
// CHECK-LABEL: double picks_pullback(double a, double b, double c, double d_ret, double *d_a, double *d_b, double *d_c) {
// CHECK:   lo = std::min(a, b);
// CHECK-NEXT:   hi = std::min(a * c, b);
// CHECK-NEXT:   l3 = std::min(std::min(a, b), c * c);
// CHECK:   double h3 = std::max(std::max(a, sincos_b.sin), c);
// CHECK-LABEL: adgen::Dual<double> picks_fwd(

ADGEN_REVERSE() ADGEN_FORWARD()
double ties(double a, double b, double c) {
  return 2 * std::max(a, b, std::greater<>()) + 3 * std::min({c, b, a}, std::greater<double>());
}

#ifdef REFUSE
ADGEN_REVERSE()
double by_lambda(double a, double b) {
  return std::max(a, b, [](double u, double v) { return std::fabs(u) < std::fabs(v); });
}
// REFUSE: error: std::max with the comparison '{{.*}}' is not supported; adgen supports std::less and std::greater (of the values' type, or std::less<>), with which std::max of std::greater is std::min; write the comparison with '?:' otherwise
ADGEN_REVERSE()
double truncating(double a, double b) { return std::min(a, b, std::less<int>()); }
// REFUSE: error: std::min with the comparison 'std::less<int>' is not supported
#endif

#ifdef ADGEN_TEST_DRIVER
double picks_grad(double a, double b, double c, double *d_a, double *d_b, double *d_c);
double picks_pullback(double a, double b, double c, double d_ret, double *d_a, double *d_b, double *d_c);
adgen::Dual<double> picks_fwd(double a, double b, double c, double d_a, double d_b, double d_c);
double ties_grad(double a, double b, double c, double *d_a, double *d_b, double *d_c);
adgen::Dual<double> ties_fwd(double a, double b, double c, double d_a, double d_b, double d_c);
#include "adgen_pullback.h"
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  auto f = [](const double *p) { return picks(p[0], p[1], p[2]); };
  double pts[][3] = {{0.7, -1.3, 0.4}, {1.5, 0.2, -0.8}, {-0.3, 0.9, 2.1}};
  for (auto &x : pts) {
    check_scalar_fn<double>(
        "picks", x, 3, f,
        [](const double *p, double *g) { return picks_grad(p[0], p[1], p[2], &g[0], &g[1], &g[2]); },
        [](const double *p, const double *t) { return picks_fwd(p[0], p[1], p[2], t[0], t[1], t[2]); });
    check_pullback_prefilled<double>("picks", x, 3, f, [](const double *p, double s, double *g) {
      return picks_pullback(p[0], p[1], p[2], s, &g[0], &g[1], &g[2]);
    });
  }
  // All equal: std::max(a, b, greater) keeps a, std::min({c, b, a}, greater) keeps c.
  check_exact("ties: value", ties(1.0, 1.0, 1.0), 5.0);
  double g[3] = {0, 0, 0};
  ties_grad(1.0, 1.0, 1.0, &g[0], &g[1], &g[2]);
  check_exact("ties: d/da", g[0], 2.0);
  check_exact("ties: d/db", g[1], 0.0);
  check_exact("ties: d/dc", g[2], 3.0);
  check_exact("ties fwd: d/da", ties_fwd(1.0, 1.0, 1.0, 1, 0, 0).tangent, 2.0);
  check_exact("ties fwd: d/db", ties_fwd(1.0, 1.0, 1.0, 0, 1, 0).tangent, 0.0);
  check_exact("ties fwd: d/dc", ties_fwd(1.0, 1.0, 1.0, 0, 0, 1).tangent, 3.0);
  // Away from ties: the smaller of a, b; the largest of c, b, a.
  double h[3] = {0, 0, 0};
  ties_grad(0.5, 2.0, -1.0, &h[0], &h[1], &h[2]);
  check_exact("ties(apart): d/da", h[0], 2.0);
  check_exact("ties(apart): d/db", h[1], 3.0);
  check_exact("ties(apart): d/dc", h[2], 0.0);
  return finish();
}
#endif
