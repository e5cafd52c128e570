// std::pair and std::tuple of numbers: parameters, locals, results;
// pair(a, b), {a, b}, std::make_pair, std::make_tuple, .first/.second,
// std::get<I> (read and written), assignment, std::tie(a, b) = ..., and
// structured bindings (`auto [r, th] = polar2(x, y);`, `auto &[u, v] = p2;`,
// `const auto [s, d] = ...`). A pair is a record of first and second; a
// tuple's fields are written std::get<I>(t) in generated code.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   mix {{.*}}worst relative error
// RUNCHECK-DAG: ok   both {{.*}}worst relative error
// RUNCHECK: 2 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>
#include <tuple>
#include <utility>

using P = std::pair<double, double>;
inline P polar2(double x, double y) { return std::make_pair(std::hypot(x, y), std::atan2(y, x)); }
inline std::tuple<double, double, int> stats(double a, double b) {
  return std::make_tuple(a + b, a * b, 2);
}

ADGEN_REVERSE() ADGEN_FORWARD()
double mix(double x, double y, const std::pair<double, double> &q, std::tuple<double, double> t) {
  auto [r, th] = polar2(x, y);
  P p(r * q.first, th);
  P p2 = {x, y};
  p2 = p;
  auto &[u, v] = p2;
  u *= 2;
  std::tuple<double, double, int> s = stats(x, q.second);
  double a = 0, b = 0;
  std::tie(a, b) = polar2(y, x);
  std::tie(a, b) = std::make_pair(b, a); // a swap: the pair is read first
  double w = std::get<0>(s) * std::get<1>(t) + std::get<2>(s) + std::get<1>(s) * std::get<0>(t);
  std::get<0>(t) = w;
  return p.first * p.second + u * v + w + a - b + std::get<0>(t);
}
// CHECK-LABEL: double mix_pullback(double x, double y, const std::pair<double, double> &q, std::tuple<double, double> t, double d_ret, double *d_x, double *d_y, std::pair<double, double> *d_q, std::tuple<double, double> *d_t) {
// CHECK: std::pair<double, double> r_th = {};
// CHECK: std::get<1>(*d_t) +=
// CHECK-LABEL: adgen::Dual<double> mix_fwd(double x, double y, const std::pair<double, double> &q, std::tuple<double, double> t, double d_x, double d_y, const std::pair<double, double> &d_q, std::tuple<double, double> d_t) {
// CHECK: d_p.first = d_r_th.first * q.first + d_q.first * r_th.first;

ADGEN_REVERSE() ADGEN_FORWARD()
std::pair<double, double> both(double x, double y) {
  const auto [s, d] = std::make_pair(x + y, x - y);
  return {s * d, std::sin(s)};
}
// CHECK-LABEL: std::pair<double, double> both_pullback(double x, double y, std::pair<double, double> d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<std::pair<double, double>> both_fwd(double x, double y, double d_x, double d_y) {

#ifdef ADGEN_TEST_DRIVER
double mix_grad(double x, double y, const std::pair<double, double> &q, std::tuple<double, double> t,
                double *d_x, double *d_y, std::pair<double, double> *d_q, std::tuple<double, double> *d_t);
adgen::Dual<double> mix_fwd(double x, double y, const std::pair<double, double> &q,
                            std::tuple<double, double> t, double d_x, double d_y,
                            const std::pair<double, double> &d_q, std::tuple<double, double> d_t);
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  double x0[6] = {0.7, -1.3, 0.4, 1.1, -0.6, 0.9};
  check_scalar_fn<double>(
      "mix", x0, 6,
      [](const double *p) { return mix(p[0], p[1], {p[2], p[3]}, {p[4], p[5]}); },
      [](const double *p, double *g) {
        std::pair<double, double> dq{g[2], g[3]};
        std::tuple<double, double> dt{g[4], g[5]};
        double v = mix_grad(p[0], p[1], {p[2], p[3]}, {p[4], p[5]}, &g[0], &g[1], &dq, &dt);
        g[2] = dq.first;
        g[3] = dq.second;
        g[4] = std::get<0>(dt);
        g[5] = std::get<1>(dt);
        return v;
      },
      [](const double *p, const double *t) {
        return mix_fwd(p[0], p[1], {p[2], p[3]}, {p[4], p[5]}, t[0], t[1], {t[2], t[3]},
                       {t[4], t[5]});
      });
  return finish();
}
#endif
