// f_fwd_vec of functions whose structs hold std::array fields (a struct's
// k tangents are k structs, d_s[j].a[i], as for plain array fields): read,
// written in place, in a local struct, in an array of structs, through a
// call taking the struct. Each direction checked against f_fwd with the
// same seed and against central differences; f's effects compared. A struct
// holding a std::vector stays refused (not a struct of values).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <array>
#include <cmath>

struct Fix {
  std::array<double, 3> a;
  double s;
};
struct Pair {
  Fix f[2];
  std::array<Fix, 2> g;
};

double dot(const Fix &u, const Fix &v) {
  double r = 0;
  for (int i = 0; i < 3; ++i)
    r += u.a[i] * v.a[i];
  return r * u.s;
}

ADGEN_FORWARD("f, x, p -> f, return")
double mix(Fix &f, double x, const Pair &p) {
  Fix loc = f;
  for (int i = 0; i < 3; ++i)
    loc.a[i] = std::sin(loc.a[i] * x) + p.f[i % 2].a[i] * p.g[1].a[2 - i];
  f.a[1] *= loc.a[0] * f.s;
  f.s = dot(loc, p.g[0]);
  return dot(f, loc) + p.f[1].s * x;
}
// CHECK-LABEL: adgen::Dual<double> mix_fwd(Fix &f, double x, const Pair &p, Fix &d_f, double d_x, const Pair &d_p) {
// CHECK-LABEL: double mix_fwd_vec(Fix &f, double x, const Pair &p, Fix *d_f, const double *d_x, const Pair *d_p, int k, double *d_ret) {
// CHECK:         std::vector<Fix> d_loc(k);
// CHECK:         d_loc[[[DIR:dir_[0-9]+]]].a[static_cast<unsigned long>(i)] = (d_loc[[[DIR]]].a[static_cast<unsigned long>(i)] * x + d_x[[[DIR]]] * loc.a[static_cast<unsigned long>(i)]) * std::cos(
// CHECK:         d_f[[[DIR2:dir_[0-9]+]]].a[1] = d_f[[[DIR2]]].a[1] * (loc.a[0] * f.s) + (d_loc[[[DIR2]]].a[0] * f.s + d_f[[[DIR2]]].s * loc.a[0]) * f.a[1];
// CHECK:         d_v[[[DIR3:dir_[0-9]+]]] = d_p[[[DIR3]]].g[0];
// CHECK:         ::adgen_detail::dot_fwd_vec(loc, p.g[0], d_loc.data(), d_v.data(), k, d_dot_value.data());
// CHECK-LABEL: static double dot_fwd_vec(const Fix &u, const Fix &v, const Fix *d_u, const Fix *d_v, int k, double *d_ret) {

#ifdef ADGEN_TEST_DRIVER
adgen::Dual<double> mix_fwd(Fix &f, double x, const Pair &p, Fix &d_f, double d_x, const Pair &d_p);
double mix_fwd_vec(Fix &f, double x, const Pair &p, Fix *d_f, const double *d_x, const Pair *d_p, int k, double *d_ret);
#include "adgen_test.h"
using namespace adgen_test;

double seed(int j, int i) { return std::sin(1.7 * j + 0.9 * i + 0.3); }
double *num(Fix &f, int i) { return i < 3 ? &f.a[i] : &f.s; }
double *num(Pair &p, int i) { return i < 8 ? num(p.f[i / 4], i % 4) : num(p.g[(i - 8) / 4], i % 4); }

int main() {
  const int K = 3;
  Fix f0 = {{0.4, -0.9, 1.2}, 0.7};
  Pair p = {{{{0.3, 0.5, -0.2}, 1.1}, {{-0.6, 0.8, 0.9}, -0.4}}, {{{{0.2, 0.1, 0.6}, 0.5}, {{1.3, -0.7, 0.25}, 0.9}}}};
  double x = 0.6, dx[K], dret[K + 1];
  Fix df[K + 1], df0[K];
  Pair dp[K + 1];
  dret[K] = 42, df[K].s = 42, dp[K].g[1].s = 42;
  for (int j = 0; j < K; ++j) {
    for (int i = 0; i < 4; ++i)
      *num(df[j], i) = seed(j, i);
    for (int i = 0; i < 16; ++i)
      *num(dp[j], i) = seed(j, 4 + i);
    dx[j] = seed(j, 20);
    df0[j] = df[j];
  }
  Fix f = f0, ff = f0;
  double v = mix_fwd_vec(f, x, p, df, dx, dp, K, dret);
  double vf = mix(ff, x, p);
  check_exact("mix: value is f's", v, vf);
  for (int i = 0; i < 4; ++i)
    check_exact("mix: f as f leaves it", *num(f, i), *num(ff, i));
  check_exact("mix: canary past d_ret", dret[K], 42);
  check_exact("mix: canary past d_f", df[K].s, 42);
  check_exact("mix: canary past d_p", dp[K].g[1].s, 42);
  for (int j = 0; j < K; ++j) {
    Fix f1 = f0, d1 = df0[j];
    adgen::Dual<double> r = mix_fwd(f1, x, p, d1, dx[j], dp[j]);
    check_close("mix: direction j's result vs f_fwd", dret[j], r.tangent, 1e-14);
    for (int i = 0; i < 4; ++i)
      check_close("mix: direction j's d_f vs f_fwd", *num(df[j], i), *num(d1, i), 1e-14);
    const double h = 1e-6;
    auto at = [&](double t, int out) {
      Fix ft = f0;
      Pair pt = p;
      for (int i = 0; i < 4; ++i)
        *num(ft, i) += t * *num(df0[j], i);
      for (int i = 0; i < 16; ++i)
        *num(pt, i) += t * *num(dp[j], i);
      double r = mix(ft, x + t * dx[j], pt);
      return out < 0 ? r : *num(ft, out);
    };
    check_close("mix: result vs central differences", dret[j], (at(h, -1) - at(-h, -1)) / (2 * h), 1e-6, 1e-9);
    for (int i = 0; i < 4; ++i)
      check_close("mix: d_f vs central differences", *num(df[j], i), (at(h, i) - at(-h, i)) / (2 * h), 1e-6, 1e-9);
  }
  return finish();
}
#endif
