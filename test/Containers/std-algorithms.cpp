// std::accumulate, std::inner_product and *std::max_element /
// *std::min_element over a whole std::vector, std::array or local array are
// built as the loops the standard defines them by (max_element keeps the
// first largest element), so both modes differentiate them; libstdc++'s
// iterators are never looked into.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <numeric>
#include <vector>

ADGEN_REVERSE("v") ADGEN_FORWARD("v")
double stats(const std::vector<double> &v) {
  double sum = std::accumulate(v.begin(), v.end(), 0.0);
  double top = *std::max_element(v.cbegin(), v.cend());
  double low = *std::min_element(std::begin(v), std::end(v));
  return sum * top - low + std::inner_product(v.begin(), v.end(), v.begin(), 1.5);
}
// CHECK-LABEL: double stats_pullback(const std::vector<double> &v, double d_ret, std::vector<double> *d_v) {
// CHECK: += v[accumulate_index];
// CHECK: if (max_value < v[max_element_index]) {
// CHECK-LABEL: adgen::Dual<double> stats_fwd(

ADGEN_REVERSE() ADGEN_FORWARD()
double weighted(const std::array<double, 3> &a, const std::array<double, 3> &w, double x) {
  double local[4] = {x, x * x, a[0], w[1]};
  return std::inner_product(a.begin(), a.end(), w.begin(), 0.0) * x +
         std::accumulate(std::begin(local), std::end(local), 0.0) *
             *std::max_element(w.begin(), w.end());
}
// CHECK-LABEL: double weighted_pullback(

#ifdef ADGEN_TEST_DRIVER
double stats_pullback(const std::vector<double> &v, double d_ret, std::vector<double> *d_v);
adgen::Dual<double> stats_fwd(const std::vector<double> &v, const std::vector<double> &d_v);
double weighted_pullback(const std::array<double, 3> &a, const std::array<double, 3> &w, double x,
                         double d_ret, std::array<double, 3> *d_a, std::array<double, 3> *d_w, double *d_x);
adgen::Dual<double> weighted_fwd(const std::array<double, 3> &a, const std::array<double, 3> &w, double x,
                                 const std::array<double, 3> &d_a, const std::array<double, 3> &d_w, double d_x);
#include "adgen_pullback.h"
using namespace adgen_test;

int main() {
  // The largest and smallest elements are unique, away from ties.
  const double p[5] = {0.3, -1.1, 0.7, 2.0, -0.4};
  for (int n : {1, 3, 5}) {
    auto f = [n](const double *q) { return stats(std::vector<double>(q, q + n)); };
    auto pull = [n](const double *q, double s, double *g) {
      std::vector<double> v(q, q + n), d(g, g + n);
      double r = stats_pullback(v, s, &d);
      std::copy(d.begin(), d.end(), g);
      return r;
    };
    check_scalar_fn<double>("stats", p, n, f, [&](const double *q, double *g) { return pull(q, 1.0, g); },
        [n](const double *q, const double *t) {
          return stats_fwd(std::vector<double>(q, q + n), std::vector<double>(t, t + n));
        });
    check_pullback_prefilled<double>("stats", p, n, f, pull);
  }
  const double x7[7] = {0.3, -1.1, 0.7, 0.5, 2.0, -0.4, 0.8};
  auto unpack = [](const double *q, std::array<double, 3> &a, std::array<double, 3> &w) {
    a = {q[0], q[1], q[2]};
    w = {q[3], q[4], q[5]};
  };
  auto f = [&](const double *q) {
    std::array<double, 3> a, w;
    unpack(q, a, w);
    return weighted(a, w, q[6]);
  };
  auto pull = [&](const double *q, double s, double *g) {
    std::array<double, 3> a, w, da, dw;
    unpack(q, a, w);
    unpack(g, da, dw);
    double r = weighted_pullback(a, w, q[6], s, &da, &dw, &g[6]);
    for (int i = 0; i < 3; ++i) {
      g[i] = da[i];
      g[3 + i] = dw[i];
    }
    return r;
  };
  check_scalar_fn<double>("weighted", x7, 7, f, [&](const double *q, double *g) { return pull(q, 1.0, g); },
      [&](const double *q, const double *t) {
        std::array<double, 3> a, w, da, dw;
        unpack(q, a, w);
        unpack(t, da, dw);
        return weighted_fwd(a, w, q[6], da, dw, t[6]);
      });
  check_pullback_prefilled<double>("weighted", x7, 7, f, pull);
  return finish();
}
#endif
