// int, bool, size_t and enum parameters and locals carry no derivative: they
// get no derivative parameter, and values that flow through them (a
// truncation to int, a comparison result) contribute nothing.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cstddef>

enum Mode { Lin, Sq };
enum class Kind : int { Plus, Minus };

ADGEN_REVERSE() ADGEN_FORWARD()
double pick(double x, int n, bool neg, Mode m, Kind k, std::size_t s) {
  double r = (m == Sq) ? x * x : 2.0 * x;
  int q = n * 2;
  bool big = x > 1.0;
  std::size_t idx = s + 1;
  r = r * q + static_cast<double>(idx) * x;
  if (neg)
    r = -r;
  if (big)
    r += x;
  if (k == Kind::Minus)
    r -= 3.0 * x;
  return r;
}
// CHECK-LABEL: double pick_pullback(double x, int n, bool neg, Mode m, Kind k, {{.*}} s, double d_ret, double *d_x) {
// CHECK-LABEL: double pick_grad(double x, int n, bool neg, Mode m, Kind k, {{.*}} s, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> pick_fwd(double x, int n, bool neg, Mode m, Kind k, {{.*}} s, double d_x) {

// A value truncated to int, and a bool computed from x, carry no derivative:
// d/dx (x * int(3x) + big) = int(3x).
ADGEN_REVERSE() ADGEN_FORWARD()
double trunc_use(double x) {
  int i = static_cast<int>(x * 3.0);
  bool big = x > 0.5;
  long l = static_cast<long>(x);
  return x * i + big + static_cast<double>(l);
}
// CHECK-LABEL: double trunc_use_grad(double x, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> trunc_use_fwd(double x, double d_x) {

#ifdef ADGEN_TEST_DRIVER
double pick_pullback(double x, int n, bool neg, Mode m, Kind k, std::size_t s, double d_ret, double* d_x);
double pick_grad(double x, int n, bool neg, Mode m, Kind k, std::size_t s, double* d_x);
adgen::Dual<double> pick_fwd(double x, int n, bool neg, Mode m, Kind k, std::size_t s, double d_x);
double trunc_use_grad(double x, double* d_x);
adgen::Dual<double> trunc_use_fwd(double x, double d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double xs[] = {0.4, 1.7, -2.2};
  for (double x : xs)
    for (int n = 1; n <= 3; ++n)
      for (int neg = 0; neg < 2; ++neg)
        for (Mode m : {Lin, Sq})
          for (Kind k : {Kind::Plus, Kind::Minus}) {
            std::size_t s = 4;
            check_scalar_fn<double>("pick", &x, 1,
                [&](const double* v) { return pick(v[0], n, neg, m, k, s); },
                [&](const double* v, double* g) { return pick_grad(v[0], n, neg, m, k, s, &g[0]); },
                [&](const double* v, const double* t) { return pick_fwd(v[0], n, neg, m, k, s, t[0]); });
            // Hand-derived.
            double d = (m == Sq ? 2 * x : 2.0) * 2 * n + 5.0;
            if (neg) d = -d;
            if (x > 1.0) d += 1;
            if (k == Kind::Minus) d -= 3;
            double g = 0;
            pick_pullback(x, n, neg, m, k, s, 1.0, &g);
            check_close("pick: hand-derived", g, d, 1e-14);
          }
  const double ts[] = {0.2, 0.9, 1.45, -0.8};
  for (double x : ts) {
    check_scalar_fn<double>("trunc_use", &x, 1,
        [](const double* v) { return trunc_use(v[0]); },
        [](const double* v, double* g) { return trunc_use_grad(v[0], &g[0]); },
        [](const double* v, const double* t) { return trunc_use_fwd(v[0], t[0]); });
    double g = 0;
    trunc_use_grad(x, &g);
    check_exact("trunc_use: d/dx = int(3x)", g, static_cast<int>(x * 3.0));
    check_exact("trunc_use: fwd", trunc_use_fwd(x, 1.0).tangent, static_cast<int>(x * 3.0));
  }
  return finish();
}
#endif
