// Constant static locals (tables of weights, coefficients) carry nothing
// between calls: 'static const' and 'static constexpr' locals with constant
// initialisers are accepted as inactive constants, in the marked function and
// in helpers, arrays, scalars, integer tables and structs. The generated code
// declares them as ordinary locals with the same values.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check && %t.check | FileCheck %s --check-prefix=CHK
#include <adgen/adgen.h>
#include <cmath>

struct Coef {
  double scale, shift;
};

// Three-point Gauss-Legendre on [0, 1], nodes and weights in a helper.
static double integrate(double a, double b) {
  static constexpr double node[3] = {0.1127016653792583, 0.5, 0.8872983346207417};
  static const double weight[3] = {5.0 / 18.0, 8.0 / 18.0, 5.0 / 18.0};
  double s = 0;
  for (int i = 0; i < 3; ++i)
    s += weight[i] * std::exp(a * node[i]) * std::sin(b * node[i]);
  return s;
}

ADGEN_REVERSE() ADGEN_FORWARD()
double quad(double a, double b) {
  static const int order[3] = {2, 0, 1};
  static constexpr double half = 0.5;
  static const Coef k = {1.5, -0.25};
  static const double poly[2][2] = {{1.0, 2.0}, {3.0, 4.0}};
  double p = 0;
  for (int i = 0; i < 3; ++i)
    p += (order[i] + 1) * std::pow(a, order[i]);
  return integrate(a, b) * k.scale + half * p * b + k.shift + poly[1][0] * a * b;
}
// CHECK-LABEL: double quad_pullback(double a, double b, double d_ret, double *d_a, double *d_b) {
// CHECK: int order[3] = {};
// CHECK-LABEL: adgen::Dual<double> quad_fwd(

// CHK: 1 passed, 0 failed

#ifdef ADGEN_TEST_DRIVER
double quad_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
double quad_grad(double a, double b, double *d_a, double *d_b);
adgen::Dual<double> quad_fwd(double a, double b, double d_a, double d_b);
#include "adgen_pullback.h"
using namespace adgen_test;

int main() {
  const double pts[][2] = {{0.3, 1.1}, {-0.8, 2.0}};
  for (auto &p : pts) {
    auto f = [](const double *v) { return quad(v[0], v[1]); };
    check_scalar_fn<double>("quad", p, 2, f,
        [](const double *v, double *g) { return quad_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double *v, const double *t) { return quad_fwd(v[0], v[1], t[0], t[1]); });
    check_pullback_prefilled<double>("quad", p, 2, f,
        [](const double *v, double s, double *g) { return quad_pullback(v[0], v[1], s, &g[0], &g[1]); });
  }
  // Called twice, with the tables unchanged: the same numbers.
  double g1[2] = {}, g2[2] = {};
  quad_grad(0.3, 1.1, &g1[0], &g1[1]);
  quad_grad(0.3, 1.1, &g2[0], &g2[1]);
  check_exact("second call: same d/da", g2[0], g1[0]);
  return finish();
}
#endif
