// ADGEN_CUSTOM: user-written g_fwd / g_pullback for functions whose bodies
// adgen cannot see (declared only here; defined in another translation unit,
// simulated by the driver section, which adgen does not parse). Also a custom
// derivative that replaces differentiation of a visible body, called with a
// constant argument that is not active.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not='adgen_detail::softclip' --implicit-check-not='adgen_detail::bessel_like'
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// Bodies not visible to adgen.
double bessel_like(double x, double nu);

int custom_calls = 0;

ADGEN_CUSTOM adgen::Dual<double> bessel_like_fwd(double x, double nu, double d_x, double d_nu) {
  ++custom_calls;
  // bessel_like(x, nu) = sin(x) * nu^2 (see the driver section).
  return {bessel_like(x, nu), std::cos(x) * nu * nu * d_x + 2 * nu * std::sin(x) * d_nu};
}
ADGEN_CUSTOM double bessel_like_pullback(double x, double nu, double d_ret, double *d_x, double *d_nu) {
  ++custom_calls;
  *d_x += d_ret * std::cos(x) * nu * nu;
  *d_nu += d_ret * 2 * nu * std::sin(x);
  return bessel_like(x, nu);
}
// A visible body with a custom derivative: the custom one is used (a
// smoothed derivative; here it equals the true one except at 0).
double softclip(double x) { return x / (1.0 + std::fabs(x)); }
ADGEN_CUSTOM adgen::Dual<double> softclip_fwd(double x, double d_x) {
  ++custom_calls;
  double q = 1.0 + std::fabs(x);
  return {softclip(x), d_x / (q * q)};
}
ADGEN_CUSTOM double softclip_pullback(double x, double d_ret, double *d_x) {
  ++custom_calls;
  double q = 1.0 + std::fabs(x);
  *d_x += d_ret / (q * q);
  return softclip(x);
}

ADGEN_REVERSE() ADGEN_FORWARD()
double model(double x, double nu, const double *w) {
  double s = 0;
  for (int i = 0; i < 3; ++i)
    s += softclip(x * w[i]);
  return bessel_like(s, nu) + bessel_like(x, 1.5);
}
// CHECK-LABEL: double model_pullback(double x, double nu, const double *w, double d_ret, double *d_x, double *d_nu, double *d_w) {
// CHECK-DAG: ::softclip_pullback(
// CHECK-DAG: ::bessel_like_pullback(
// CHECK-LABEL: double model_grad(double x, double nu, const double *w, double *d_x, double *d_nu, double *d_w) {
// CHECK-LABEL: adgen::Dual<double> model_fwd(double x, double nu, const double *w, double d_x, double d_nu, const double *d_w) {
// CHECK-DAG: ::softclip_fwd(
// CHECK-DAG: ::bessel_like_fwd(

#ifdef ADGEN_TEST_DRIVER
// "Another translation unit".
double bessel_like(double x, double nu) { return std::sin(x) * nu * nu; }
double model_pullback(double x, double nu, const double* w, double d_ret, double* d_x, double* d_nu, double* d_w);
double model_grad(double x, double nu, const double* w, double* d_x, double* d_nu, double* d_w);
adgen::Dual<double> model_fwd(double x, double nu, const double* w, double d_x, double d_nu, const double* d_w);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double p[5] = {0.7, 1.3, 0.5, -1.5, 2.0}; // x, nu, w[3]
  check_scalar_fn<double>("model", p, 5,
      [](const double* v) { return model(v[0], v[1], v + 2); },
      [](const double* v, double* g) { return model_grad(v[0], v[1], v + 2, &g[0], &g[1], g + 2); },
      [](const double* v, const double* t) { return model_fwd(v[0], v[1], v + 2, t[0], t[1], t + 2); });
  int before = custom_calls;
  double g[5] = {};
  model_grad(p[0], p[1], p + 2, &g[0], &g[1], g + 2);
  check_true("model_grad calls the custom pullbacks", custom_calls > before);
  before = custom_calls;
  model_fwd(p[0], p[1], p + 2, 1.0, 0.0, g);
  check_true("model_fwd calls the custom forward functions", custom_calls > before);
  return finish();
}
#endif
