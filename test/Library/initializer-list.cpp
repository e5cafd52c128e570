// std::initializer_list of numbers: std::max({a, b, c}) and std::min({...})
// become std::max(std::max(a, b), c): the derivative follows the chosen
// argument, the first one on ties (as the library chooses); range-for over
// a braced list walks a local array holding it.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   spread {{.*}}worst relative error
// RUNCHECK-DAG: ok   ties {{.*}}worst relative error
// RUNCHECK: 2 passed, 0 failed
#include <adgen/adgen.h>
#include <algorithm>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD()
double spread(double a, double b, double c) {
  double hi = std::max({a, b * 2, c});
  double lo = std::min({a * b, c, 1.0, b});
  double s = 0;
  for (double v : {a, b, c * c})
    s += v * v;
  for (const double &v : {hi, lo})
    s += std::sin(v);
  return hi + lo * s;
}
// CHECK-LABEL: double spread_pullback(double a, double b, double c, double d_ret, double *d_a, double *d_b, double *d_c) {
// CHECK: double values[3] = {};
// CHECK: double hi = std::max(std::max(a, b * 2.0), c);
// CHECK: lo = std::min(std::min(std::min(a * b, c), 1.0), b);
// CHECK: values[0] = a;
// CHECK-LABEL: adgen::Dual<double> spread_fwd(

ADGEN_REVERSE() ADGEN_FORWARD()
double ties(double a, double b, double c) { return 2 * std::max({a, b, c}) + 3 * std::min({c, b, a}); }

#ifdef ADGEN_TEST_DRIVER
double spread_grad(double a, double b, double c, double *d_a, double *d_b, double *d_c);
double spread_pullback(double a, double b, double c, double d_ret, double *d_a, double *d_b, double *d_c);
adgen::Dual<double> spread_fwd(double a, double b, double c, double d_a, double d_b, double d_c);
double ties_grad(double a, double b, double c, double *d_a, double *d_b, double *d_c);
adgen::Dual<double> ties_fwd(double a, double b, double c, double d_a, double d_b, double d_c);
#include "adgen_pullback.h"
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  auto f = [](const double *p) { return spread(p[0], p[1], p[2]); };
  double pts[][3] = {{0.7, -1.3, 0.4}, {1.5, 0.2, -0.8}, {-0.3, 0.9, 2.1}};
  for (auto &x : pts) {
    check_scalar_fn<double>(
        "spread", x, 3, f,
        [](const double *p, double *g) { return spread_grad(p[0], p[1], p[2], &g[0], &g[1], &g[2]); },
        [](const double *p, const double *t) { return spread_fwd(p[0], p[1], p[2], t[0], t[1], t[2]); });
    check_pullback_prefilled<double>("spread", x, 3, f, [](const double *p, double s, double *g) {
      return spread_pullback(p[0], p[1], p[2], s, &g[0], &g[1], &g[2]);
    });
  }
  // All equal: max follows its first argument (a), min its first (c).
  double g[3] = {0, 0, 0};
  ties_grad(1.0, 1.0, 1.0, &g[0], &g[1], &g[2]);
  check_exact("ties: d/da", g[0], 2.0);
  check_exact("ties: d/db", g[1], 0.0);
  check_exact("ties: d/dc", g[2], 3.0);
  check_exact("ties fwd: d/da", ties_fwd(1.0, 1.0, 1.0, 1, 0, 0).tangent, 2.0);
  check_exact("ties fwd: d/db", ties_fwd(1.0, 1.0, 1.0, 0, 1, 0).tangent, 0.0);
  check_exact("ties fwd: d/dc", ties_fwd(1.0, 1.0, 1.0, 0, 0, 1).tangent, 3.0);
  // b and c tie above a: max follows b.
  double h[3] = {0, 0, 0};
  ties_grad(0.5, 2.0, 2.0, &h[0], &h[1], &h[2]);
  check_exact("ties(b = c): d/db", h[1], 2.0);
  check_exact("ties(b = c): d/dc", h[2], 0.0);
  check_exact("ties(b = c): d/da", h[0], 3.0);
  return finish();
}
#endif
