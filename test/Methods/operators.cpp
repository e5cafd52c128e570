// Overloaded operators: member operators that return *this by reference
// (`operator+=`, chained `(a *= k) += b`) update their object; member and
// free operators returning values are calls like any other.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>

struct V {
  double x, y;
  V &operator+=(const V &o) {
    x += o.x;
    y += o.y;
    return *this;
  }
  V &operator*=(double s) {
    x *= s;
    y *= s;
    return *this;
  }
  V operator-(const V &o) const { return {x - o.x, y - o.y}; }
};
inline V operator*(double s, const V &v) { return {s * v.x, s * v.y}; }

ADGEN_REVERSE("p[n], k") ADGEN_FORWARD("p[n], k")
double walk(const V *p, int n, double k) {
  V acc{};
  for (int i = 0; i < n; ++i) {
    acc += p[i];
    (acc *= k) += p[0] - p[i];
  }
  V d = acc - 0.5 * p[1];
  return d.x * d.y;
}
// CHECK-LABEL: double walk_pullback(const V *p, int n, double k, double d_ret, V *d_p, double *d_k) {
// CHECK:         ::adgen_detail::V_operator_plus_eq_record(acc, p[i], tape);
// CHECK:         ::adgen_detail::V_operator_times_eq_record(acc, k, tape);
// CHECK:         ::adgen_detail::V_operator_plus_eq_reverse(acc, V_operator_minus_result, &d_acc, &d_V_operator_minus_result, tape);
// CHECK:         ::adgen_detail::V_operator_times_eq_reverse(acc, k, &d_acc, &d_s_{{[0-9]+}}, tape);
// CHECK-LABEL: static void V_operator_plus_eq_record(V &self, const V &o, adgen::Tape &tape) {
// CHECK-LABEL: adgen::Dual<double> walk_fwd(const V *p, int n, double k, const V *d_p, double d_k) {
// CHECK:         ::adgen_detail::V_operator_plus_eq_fwd(acc, p[i], d_acc, d_p[i]);

#ifdef ADGEN_TEST_DRIVER
double walk_grad(const V *p, int n, double k, V *d_p, double *d_k);
adgen::Dual<double> walk_fwd(const V *p, int n, double k, const V *d_p, double d_k);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  double x[7] = {0.3, 1.2, -0.5, 0.8, 0.9, -0.2, 0.7}; // p[3], k
  auto pts = [](const double *a, V *p) {
    for (int i = 0; i < 3; ++i)
      p[i] = {a[2 * i], a[2 * i + 1]};
  };
  check_scalar_fn<double>(
      "walk", x, 7,
      [&](const double *a) { V p[3]; pts(a, p); return walk(p, 3, a[6]); },
      [&](const double *a, double *g) {
        V p[3], gp[3];
        pts(a, p);
        pts(g, gp);
        double r = walk_grad(p, 3, a[6], gp, &g[6]);
        for (int i = 0; i < 3; ++i) { g[2 * i] = gp[i].x; g[2 * i + 1] = gp[i].y; }
        return r;
      },
      [&](const double *a, const double *t) {
        V p[3], dp[3];
        pts(a, p);
        pts(t, dp);
        return walk_fwd(p, 3, a[6], dp, t[6]);
      });
  return finish();
}
#endif
