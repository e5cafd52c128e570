// Lambdas defined and called inside a differentiated function are inlined:
// captures by reference are the function's own variables, captures by copy
// are copies made where the lambda is created (a later change of the
// original is not seen; a mutable lambda keeps its state), init-captures,
// generic lambdas, immediately invoked lambdas, lambdas taking structs.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

struct Vec2 {
  double x, y;
};

ADGEN_REVERSE("x[n], k") ADGEN_FORWARD("x[n], k")
double lam(const double *x, int n, double k) {
  double scale = 2.0 * k;
  auto sq = [&](double t) { return scale * t * t; };
  double c = k;
  auto shifted = [c](double t) { return std::sin(t + c); };
  c = 100.0; // the copy keeps k
  double s = 0;
  auto acc = [&s](double v) { s += v; };
  for (int i = 0; i < n; ++i)
    acc(sq(x[i]) + shifted(x[i]));
  auto norm = [](const Vec2 &p) { return std::sqrt(p.x * p.x + p.y * p.y); };
  Vec2 p{x[0], k};
  double counter = 0;
  auto step = [counter, k]() mutable {
    counter += k;
    return counter;
  };
  step();
  double twice = step();
  auto gen = [](auto a, auto b) { return a * b; };
  auto cube = [w = k * k](double z) { return w * z; };
  return s + norm(p) + twice + [&](double z) { return z * k; }(x[1]) + gen(x[0], 3.0) +
         cube(x[2]);
}
// CHECK-LABEL: double lam_pullback(const double *x, int n, double k, double d_ret, double *d_x, double *d_k) {
// CHECK:         shifted_c = c;
// CHECK:         c = 100.0;
// CHECK:         double sq = scale * t * t;
// CHECK:         s += v;
// CHECK:         step_counter += step_k;
// CHECK:         step_counter += step_k;
// CHECK-LABEL: double lam_grad(const double *x, int n, double k, double *d_x, double *d_k) {
// CHECK-LABEL: adgen::Dual<double> lam_fwd(const double *x, int n, double k, const double *d_x, double d_k) {
// CHECK:         double d_shifted_c = d_c;

#ifdef ADGEN_TEST_DRIVER
double lam_grad(const double *x, int n, double k, double *d_x, double *d_k);
adgen::Dual<double> lam_fwd(const double *x, int n, double k, const double *d_x, double d_k);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  double x[5] = {0.3, -0.6, 1.2, 0.4, 0.9}; // x[0..3], k
  check_scalar_fn<double>(
      "lam", x, 5, [](const double *a) { return lam(a, 4, a[4]); },
      [](const double *a, double *g) { return lam_grad(a, 4, a[4], g, &g[4]); },
      [](const double *a, const double *t) { return lam_fwd(a, 4, a[4], t, t[4]); });
  // By hand: d/dk at x = 0 of the copies: shifted sees k, not 100.
  double z[4] = {0, 0, 0, 0}, g[4] = {}, k = 0.5, gk = 0;
  lam_grad(z, 4, k, g, &gk);
  // s = 4 sin(k); norm = |k|; twice = 2k; cube = 0; so d/dk = 4 cos(k) + 1 + 2.
  check_close("lam: d/dk at x = 0", gk, 4 * std::cos(k) + 3, 1e-12);
  return finish();
}
#endif
