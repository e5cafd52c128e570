// Every elementary function of the contract's cmath list, std::-qualified,
// in reverse mode (f_grad / f_pullback): derivatives checked against the
// hand-written formulas (tight) and against central differences.
// Non-smooth functions are checked away from their kinks here; see
// nonsmooth.cpp for the kinks.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not='_fwd('
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <algorithm>
#include <cmath>
#include <cstdlib>

ADGEN_REVERSE() double r_exp(double x) { return std::exp(x); }
// CHECK-LABEL: double r_exp_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_exp_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_exp2(double x) { return std::exp2(x); }
// CHECK-LABEL: double r_exp2_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_exp2_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_expm1(double x) { return std::expm1(x); }
// CHECK-LABEL: double r_expm1_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_expm1_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_log(double x) { return std::log(x); }
// CHECK-LABEL: double r_log_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_log_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_log2(double x) { return std::log2(x); }
// CHECK-LABEL: double r_log2_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_log2_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_log10(double x) { return std::log10(x); }
// CHECK-LABEL: double r_log10_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_log10_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_log1p(double x) { return std::log1p(x); }
// CHECK-LABEL: double r_log1p_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_log1p_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_sqrt(double x) { return std::sqrt(x); }
// CHECK-LABEL: double r_sqrt_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_sqrt_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_cbrt(double x) { return std::cbrt(x); }
// CHECK-LABEL: double r_cbrt_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_cbrt_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_sin(double x) { return std::sin(x); }
// CHECK-LABEL: double r_sin_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_sin_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_cos(double x) { return std::cos(x); }
// CHECK-LABEL: double r_cos_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_cos_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_tan(double x) { return std::tan(x); }
// CHECK-LABEL: double r_tan_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_tan_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_asin(double x) { return std::asin(x); }
// CHECK-LABEL: double r_asin_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_asin_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_acos(double x) { return std::acos(x); }
// CHECK-LABEL: double r_acos_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_acos_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_atan(double x) { return std::atan(x); }
// CHECK-LABEL: double r_atan_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_atan_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_sinh(double x) { return std::sinh(x); }
// CHECK-LABEL: double r_sinh_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_sinh_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_cosh(double x) { return std::cosh(x); }
// CHECK-LABEL: double r_cosh_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_cosh_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_tanh(double x) { return std::tanh(x); }
// CHECK-LABEL: double r_tanh_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_tanh_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_asinh(double x) { return std::asinh(x); }
// CHECK-LABEL: double r_asinh_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_asinh_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_acosh(double x) { return std::acosh(x); }
// CHECK-LABEL: double r_acosh_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_acosh_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_atanh(double x) { return std::atanh(x); }
// CHECK-LABEL: double r_atanh_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_atanh_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_erf(double x) { return std::erf(x); }
// CHECK-LABEL: double r_erf_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_erf_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_erfc(double x) { return std::erfc(x); }
// CHECK-LABEL: double r_erfc_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_erfc_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_lgamma(double x) { return std::lgamma(x); }
// CHECK-LABEL: double r_lgamma_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_lgamma_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_fabs(double x) { return std::fabs(x); }
// CHECK-LABEL: double r_fabs_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_fabs_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_abs(double x) { return std::abs(x); }
// CHECK-LABEL: double r_abs_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_abs_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_floor(double x) { return std::floor(x); }
// CHECK-LABEL: double r_floor_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_floor_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_ceil(double x) { return std::ceil(x); }
// CHECK-LABEL: double r_ceil_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_ceil_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_round(double x) { return std::round(x); }
// CHECK-LABEL: double r_round_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_round_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_trunc(double x) { return std::trunc(x); }
// CHECK-LABEL: double r_trunc_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double r_trunc_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_pow(double x, double y) { return std::pow(x, y); }
// CHECK-LABEL: double r_pow_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double r_pow_grad(double x, double y, double *d_x, double *d_y) {
ADGEN_REVERSE() double r_hypot(double x, double y) { return std::hypot(x, y); }
// CHECK-LABEL: double r_hypot_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double r_hypot_grad(double x, double y, double *d_x, double *d_y) {
ADGEN_REVERSE() double r_atan2(double x, double y) { return std::atan2(x, y); }
// CHECK-LABEL: double r_atan2_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double r_atan2_grad(double x, double y, double *d_x, double *d_y) {
ADGEN_REVERSE() double r_fmin(double x, double y) { return std::fmin(x, y); }
// CHECK-LABEL: double r_fmin_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double r_fmin_grad(double x, double y, double *d_x, double *d_y) {
ADGEN_REVERSE() double r_fmax(double x, double y) { return std::fmax(x, y); }
// CHECK-LABEL: double r_fmax_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double r_fmax_grad(double x, double y, double *d_x, double *d_y) {
ADGEN_REVERSE() double r_fmod(double x, double y) { return std::fmod(x, y); }
// CHECK-LABEL: double r_fmod_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double r_fmod_grad(double x, double y, double *d_x, double *d_y) {
ADGEN_REVERSE() double r_copysign(double x, double y) { return std::copysign(x, y); }
// CHECK-LABEL: double r_copysign_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double r_copysign_grad(double x, double y, double *d_x, double *d_y) {
ADGEN_REVERSE() double r_min(double x, double y) { return std::min(x, y); }
// CHECK-LABEL: double r_min_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double r_min_grad(double x, double y, double *d_x, double *d_y) {
ADGEN_REVERSE() double r_max(double x, double y) { return std::max(x, y); }
// CHECK-LABEL: double r_max_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double r_max_grad(double x, double y, double *d_x, double *d_y) {
ADGEN_REVERSE() double r_powi(double x) { return std::pow(x, 3); }
// CHECK-LABEL: double r_powi_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_pow2d(double x) { return std::pow(x, 2.0); }
// CHECK-LABEL: double r_pow2d_grad(double x, double *d_x) {
ADGEN_REVERSE() double r_powc(double x) { return std::pow(2.5, x); }
// CHECK-LABEL: double r_powc_grad(double x, double *d_x) {

#ifdef ADGEN_TEST_DRIVER
double r_exp_pullback(double x, double d_ret, double* d_x);
double r_exp_grad(double x, double* d_x);
double r_exp2_pullback(double x, double d_ret, double* d_x);
double r_exp2_grad(double x, double* d_x);
double r_expm1_pullback(double x, double d_ret, double* d_x);
double r_expm1_grad(double x, double* d_x);
double r_log_pullback(double x, double d_ret, double* d_x);
double r_log_grad(double x, double* d_x);
double r_log2_pullback(double x, double d_ret, double* d_x);
double r_log2_grad(double x, double* d_x);
double r_log10_pullback(double x, double d_ret, double* d_x);
double r_log10_grad(double x, double* d_x);
double r_log1p_pullback(double x, double d_ret, double* d_x);
double r_log1p_grad(double x, double* d_x);
double r_sqrt_pullback(double x, double d_ret, double* d_x);
double r_sqrt_grad(double x, double* d_x);
double r_cbrt_pullback(double x, double d_ret, double* d_x);
double r_cbrt_grad(double x, double* d_x);
double r_sin_pullback(double x, double d_ret, double* d_x);
double r_sin_grad(double x, double* d_x);
double r_cos_pullback(double x, double d_ret, double* d_x);
double r_cos_grad(double x, double* d_x);
double r_tan_pullback(double x, double d_ret, double* d_x);
double r_tan_grad(double x, double* d_x);
double r_asin_pullback(double x, double d_ret, double* d_x);
double r_asin_grad(double x, double* d_x);
double r_acos_pullback(double x, double d_ret, double* d_x);
double r_acos_grad(double x, double* d_x);
double r_atan_pullback(double x, double d_ret, double* d_x);
double r_atan_grad(double x, double* d_x);
double r_sinh_pullback(double x, double d_ret, double* d_x);
double r_sinh_grad(double x, double* d_x);
double r_cosh_pullback(double x, double d_ret, double* d_x);
double r_cosh_grad(double x, double* d_x);
double r_tanh_pullback(double x, double d_ret, double* d_x);
double r_tanh_grad(double x, double* d_x);
double r_asinh_pullback(double x, double d_ret, double* d_x);
double r_asinh_grad(double x, double* d_x);
double r_acosh_pullback(double x, double d_ret, double* d_x);
double r_acosh_grad(double x, double* d_x);
double r_atanh_pullback(double x, double d_ret, double* d_x);
double r_atanh_grad(double x, double* d_x);
double r_erf_pullback(double x, double d_ret, double* d_x);
double r_erf_grad(double x, double* d_x);
double r_erfc_pullback(double x, double d_ret, double* d_x);
double r_erfc_grad(double x, double* d_x);
double r_lgamma_pullback(double x, double d_ret, double* d_x);
double r_lgamma_grad(double x, double* d_x);
double r_fabs_pullback(double x, double d_ret, double* d_x);
double r_fabs_grad(double x, double* d_x);
double r_abs_pullback(double x, double d_ret, double* d_x);
double r_abs_grad(double x, double* d_x);
double r_floor_pullback(double x, double d_ret, double* d_x);
double r_floor_grad(double x, double* d_x);
double r_ceil_pullback(double x, double d_ret, double* d_x);
double r_ceil_grad(double x, double* d_x);
double r_round_pullback(double x, double d_ret, double* d_x);
double r_round_grad(double x, double* d_x);
double r_trunc_pullback(double x, double d_ret, double* d_x);
double r_trunc_grad(double x, double* d_x);
double r_pow_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double r_pow_grad(double x, double y, double* d_x, double* d_y);
double r_hypot_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double r_hypot_grad(double x, double y, double* d_x, double* d_y);
double r_atan2_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double r_atan2_grad(double x, double y, double* d_x, double* d_y);
double r_fmin_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double r_fmin_grad(double x, double y, double* d_x, double* d_y);
double r_fmax_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double r_fmax_grad(double x, double y, double* d_x, double* d_y);
double r_fmod_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double r_fmod_grad(double x, double y, double* d_x, double* d_y);
double r_copysign_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double r_copysign_grad(double x, double y, double* d_x, double* d_y);
double r_min_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double r_min_grad(double x, double y, double* d_x, double* d_y);
double r_max_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double r_max_grad(double x, double y, double* d_x, double* d_y);
double r_powi_grad(double x, double* d_x);
double r_pow2d_grad(double x, double* d_x);
double r_powc_grad(double x, double* d_x);
#include "adgen_test.h"
static const double M_PI_ = 3.14159265358979323846;
// digamma at the points used above: psi(1) = -gamma, psi(1/2) = -gamma - 2 ln 2,
// psi(3/2) = psi(1/2) + 2, psi(-1/2) = psi(3/2) (reflection: cot(-pi/2) = 0).
static double digamma(double x) {
  const double g = 0.57721566490153286061;
  if (x == 1.0) return -g;
  if (x == 0.5) return -g - 2 * std::log(2.0);
  return 2 - g - 2 * std::log(2.0); // 1.5 and -0.5
}
int main() {
  using namespace adgen_test;
  {
    const double x = -1.2;
    double g = 0, g2 = 0;
    check_ulps("exp: grad returns f", r_exp_grad(x, &g), r_exp(x));
    check_ulps("exp: pullback returns f", r_exp_pullback(x, -2.0, &g2), r_exp(x));
    check_close("exp: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("exp'(-1.2) formula", g, std::exp(x), 1e-13, 1e-300);
    check_close("exp'(-1.2) FD", g, fd_scalar([](double v) { return r_exp(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.5;
    double g = 0, g2 = 0;
    check_ulps("exp: grad returns f", r_exp_grad(x, &g), r_exp(x));
    check_ulps("exp: pullback returns f", r_exp_pullback(x, -2.0, &g2), r_exp(x));
    check_close("exp: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("exp'(0.5) formula", g, std::exp(x), 1e-13, 1e-300);
    check_close("exp'(0.5) FD", g, fd_scalar([](double v) { return r_exp(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.0;
    double g = 0, g2 = 0;
    check_ulps("exp: grad returns f", r_exp_grad(x, &g), r_exp(x));
    check_ulps("exp: pullback returns f", r_exp_pullback(x, -2.0, &g2), r_exp(x));
    check_close("exp: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("exp'(2.0) formula", g, std::exp(x), 1e-13, 1e-300);
    check_close("exp'(2.0) FD", g, fd_scalar([](double v) { return r_exp(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.2;
    double g = 0, g2 = 0;
    check_ulps("exp2: grad returns f", r_exp2_grad(x, &g), r_exp2(x));
    check_ulps("exp2: pullback returns f", r_exp2_pullback(x, -2.0, &g2), r_exp2(x));
    check_close("exp2: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("exp2'(-1.2) formula", g, std::exp2(x) * std::log(2.0), 1e-13, 1e-300);
    check_close("exp2'(-1.2) FD", g, fd_scalar([](double v) { return r_exp2(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.5;
    double g = 0, g2 = 0;
    check_ulps("exp2: grad returns f", r_exp2_grad(x, &g), r_exp2(x));
    check_ulps("exp2: pullback returns f", r_exp2_pullback(x, -2.0, &g2), r_exp2(x));
    check_close("exp2: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("exp2'(0.5) formula", g, std::exp2(x) * std::log(2.0), 1e-13, 1e-300);
    check_close("exp2'(0.5) FD", g, fd_scalar([](double v) { return r_exp2(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.0;
    double g = 0, g2 = 0;
    check_ulps("exp2: grad returns f", r_exp2_grad(x, &g), r_exp2(x));
    check_ulps("exp2: pullback returns f", r_exp2_pullback(x, -2.0, &g2), r_exp2(x));
    check_close("exp2: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("exp2'(2.0) formula", g, std::exp2(x) * std::log(2.0), 1e-13, 1e-300);
    check_close("exp2'(2.0) FD", g, fd_scalar([](double v) { return r_exp2(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.2;
    double g = 0, g2 = 0;
    check_ulps("expm1: grad returns f", r_expm1_grad(x, &g), r_expm1(x));
    check_ulps("expm1: pullback returns f", r_expm1_pullback(x, -2.0, &g2), r_expm1(x));
    check_close("expm1: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("expm1'(-1.2) formula", g, std::exp(x), 1e-13, 1e-300);
    check_close("expm1'(-1.2) FD", g, fd_scalar([](double v) { return r_expm1(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1e-3;
    double g = 0, g2 = 0;
    check_ulps("expm1: grad returns f", r_expm1_grad(x, &g), r_expm1(x));
    check_ulps("expm1: pullback returns f", r_expm1_pullback(x, -2.0, &g2), r_expm1(x));
    check_close("expm1: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("expm1'(1e-3) formula", g, std::exp(x), 1e-13, 1e-300);
    check_close("expm1'(1e-3) FD", g, fd_scalar([](double v) { return r_expm1(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.0;
    double g = 0, g2 = 0;
    check_ulps("expm1: grad returns f", r_expm1_grad(x, &g), r_expm1(x));
    check_ulps("expm1: pullback returns f", r_expm1_pullback(x, -2.0, &g2), r_expm1(x));
    check_close("expm1: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("expm1'(2.0) formula", g, std::exp(x), 1e-13, 1e-300);
    check_close("expm1'(2.0) FD", g, fd_scalar([](double v) { return r_expm1(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.3;
    double g = 0, g2 = 0;
    check_ulps("log: grad returns f", r_log_grad(x, &g), r_log(x));
    check_ulps("log: pullback returns f", r_log_pullback(x, -2.0, &g2), r_log(x));
    check_close("log: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("log'(0.3) formula", g, 1 / x, 1e-13, 1e-300);
    check_close("log'(0.3) FD", g, fd_scalar([](double v) { return r_log(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.5;
    double g = 0, g2 = 0;
    check_ulps("log: grad returns f", r_log_grad(x, &g), r_log(x));
    check_ulps("log: pullback returns f", r_log_pullback(x, -2.0, &g2), r_log(x));
    check_close("log: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("log'(2.5) formula", g, 1 / x, 1e-13, 1e-300);
    check_close("log'(2.5) FD", g, fd_scalar([](double v) { return r_log(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.3;
    double g = 0, g2 = 0;
    check_ulps("log2: grad returns f", r_log2_grad(x, &g), r_log2(x));
    check_ulps("log2: pullback returns f", r_log2_pullback(x, -2.0, &g2), r_log2(x));
    check_close("log2: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("log2'(0.3) formula", g, 1 / (x * std::log(2.0)), 1e-13, 1e-300);
    check_close("log2'(0.3) FD", g, fd_scalar([](double v) { return r_log2(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.5;
    double g = 0, g2 = 0;
    check_ulps("log2: grad returns f", r_log2_grad(x, &g), r_log2(x));
    check_ulps("log2: pullback returns f", r_log2_pullback(x, -2.0, &g2), r_log2(x));
    check_close("log2: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("log2'(2.5) formula", g, 1 / (x * std::log(2.0)), 1e-13, 1e-300);
    check_close("log2'(2.5) FD", g, fd_scalar([](double v) { return r_log2(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.3;
    double g = 0, g2 = 0;
    check_ulps("log10: grad returns f", r_log10_grad(x, &g), r_log10(x));
    check_ulps("log10: pullback returns f", r_log10_pullback(x, -2.0, &g2), r_log10(x));
    check_close("log10: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("log10'(0.3) formula", g, 1 / (x * std::log(10.0)), 1e-13, 1e-300);
    check_close("log10'(0.3) FD", g, fd_scalar([](double v) { return r_log10(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.5;
    double g = 0, g2 = 0;
    check_ulps("log10: grad returns f", r_log10_grad(x, &g), r_log10(x));
    check_ulps("log10: pullback returns f", r_log10_pullback(x, -2.0, &g2), r_log10(x));
    check_close("log10: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("log10'(2.5) formula", g, 1 / (x * std::log(10.0)), 1e-13, 1e-300);
    check_close("log10'(2.5) FD", g, fd_scalar([](double v) { return r_log10(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -0.5;
    double g = 0, g2 = 0;
    check_ulps("log1p: grad returns f", r_log1p_grad(x, &g), r_log1p(x));
    check_ulps("log1p: pullback returns f", r_log1p_pullback(x, -2.0, &g2), r_log1p(x));
    check_close("log1p: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("log1p'(-0.5) formula", g, 1 / (1 + x), 1e-13, 1e-300);
    check_close("log1p'(-0.5) FD", g, fd_scalar([](double v) { return r_log1p(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1e-3;
    double g = 0, g2 = 0;
    check_ulps("log1p: grad returns f", r_log1p_grad(x, &g), r_log1p(x));
    check_ulps("log1p: pullback returns f", r_log1p_pullback(x, -2.0, &g2), r_log1p(x));
    check_close("log1p: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("log1p'(1e-3) formula", g, 1 / (1 + x), 1e-13, 1e-300);
    check_close("log1p'(1e-3) FD", g, fd_scalar([](double v) { return r_log1p(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 4.0;
    double g = 0, g2 = 0;
    check_ulps("log1p: grad returns f", r_log1p_grad(x, &g), r_log1p(x));
    check_ulps("log1p: pullback returns f", r_log1p_pullback(x, -2.0, &g2), r_log1p(x));
    check_close("log1p: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("log1p'(4.0) formula", g, 1 / (1 + x), 1e-13, 1e-300);
    check_close("log1p'(4.0) FD", g, fd_scalar([](double v) { return r_log1p(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.2;
    double g = 0, g2 = 0;
    check_ulps("sqrt: grad returns f", r_sqrt_grad(x, &g), r_sqrt(x));
    check_ulps("sqrt: pullback returns f", r_sqrt_pullback(x, -2.0, &g2), r_sqrt(x));
    check_close("sqrt: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("sqrt'(0.2) formula", g, 0.5 / std::sqrt(x), 1e-13, 1e-300);
    check_close("sqrt'(0.2) FD", g, fd_scalar([](double v) { return r_sqrt(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 3.0;
    double g = 0, g2 = 0;
    check_ulps("sqrt: grad returns f", r_sqrt_grad(x, &g), r_sqrt(x));
    check_ulps("sqrt: pullback returns f", r_sqrt_pullback(x, -2.0, &g2), r_sqrt(x));
    check_close("sqrt: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("sqrt'(3.0) formula", g, 0.5 / std::sqrt(x), 1e-13, 1e-300);
    check_close("sqrt'(3.0) FD", g, fd_scalar([](double v) { return r_sqrt(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -2.0;
    double g = 0, g2 = 0;
    check_ulps("cbrt: grad returns f", r_cbrt_grad(x, &g), r_cbrt(x));
    check_ulps("cbrt: pullback returns f", r_cbrt_pullback(x, -2.0, &g2), r_cbrt(x));
    check_close("cbrt: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("cbrt'(-2.0) formula", g, 1 / (3 * std::cbrt(x) * std::cbrt(x)), 1e-13, 1e-300);
    check_close("cbrt'(-2.0) FD", g, fd_scalar([](double v) { return r_cbrt(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.5;
    double g = 0, g2 = 0;
    check_ulps("cbrt: grad returns f", r_cbrt_grad(x, &g), r_cbrt(x));
    check_ulps("cbrt: pullback returns f", r_cbrt_pullback(x, -2.0, &g2), r_cbrt(x));
    check_close("cbrt: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("cbrt'(0.5) formula", g, 1 / (3 * std::cbrt(x) * std::cbrt(x)), 1e-13, 1e-300);
    check_close("cbrt'(0.5) FD", g, fd_scalar([](double v) { return r_cbrt(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 8.0;
    double g = 0, g2 = 0;
    check_ulps("cbrt: grad returns f", r_cbrt_grad(x, &g), r_cbrt(x));
    check_ulps("cbrt: pullback returns f", r_cbrt_pullback(x, -2.0, &g2), r_cbrt(x));
    check_close("cbrt: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("cbrt'(8.0) formula", g, 1 / (3 * std::cbrt(x) * std::cbrt(x)), 1e-13, 1e-300);
    check_close("cbrt'(8.0) FD", g, fd_scalar([](double v) { return r_cbrt(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.1;
    double g = 0, g2 = 0;
    check_ulps("sin: grad returns f", r_sin_grad(x, &g), r_sin(x));
    check_ulps("sin: pullback returns f", r_sin_pullback(x, -2.0, &g2), r_sin(x));
    check_close("sin: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("sin'(-1.1) formula", g, std::cos(x), 1e-13, 1e-300);
    check_close("sin'(-1.1) FD", g, fd_scalar([](double v) { return r_sin(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.4;
    double g = 0, g2 = 0;
    check_ulps("sin: grad returns f", r_sin_grad(x, &g), r_sin(x));
    check_ulps("sin: pullback returns f", r_sin_pullback(x, -2.0, &g2), r_sin(x));
    check_close("sin: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("sin'(0.4) formula", g, std::cos(x), 1e-13, 1e-300);
    check_close("sin'(0.4) FD", g, fd_scalar([](double v) { return r_sin(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1.3;
    double g = 0, g2 = 0;
    check_ulps("sin: grad returns f", r_sin_grad(x, &g), r_sin(x));
    check_ulps("sin: pullback returns f", r_sin_pullback(x, -2.0, &g2), r_sin(x));
    check_close("sin: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("sin'(1.3) formula", g, std::cos(x), 1e-13, 1e-300);
    check_close("sin'(1.3) FD", g, fd_scalar([](double v) { return r_sin(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.1;
    double g = 0, g2 = 0;
    check_ulps("cos: grad returns f", r_cos_grad(x, &g), r_cos(x));
    check_ulps("cos: pullback returns f", r_cos_pullback(x, -2.0, &g2), r_cos(x));
    check_close("cos: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("cos'(-1.1) formula", g, -std::sin(x), 1e-13, 1e-300);
    check_close("cos'(-1.1) FD", g, fd_scalar([](double v) { return r_cos(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.4;
    double g = 0, g2 = 0;
    check_ulps("cos: grad returns f", r_cos_grad(x, &g), r_cos(x));
    check_ulps("cos: pullback returns f", r_cos_pullback(x, -2.0, &g2), r_cos(x));
    check_close("cos: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("cos'(0.4) formula", g, -std::sin(x), 1e-13, 1e-300);
    check_close("cos'(0.4) FD", g, fd_scalar([](double v) { return r_cos(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1.3;
    double g = 0, g2 = 0;
    check_ulps("cos: grad returns f", r_cos_grad(x, &g), r_cos(x));
    check_ulps("cos: pullback returns f", r_cos_pullback(x, -2.0, &g2), r_cos(x));
    check_close("cos: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("cos'(1.3) formula", g, -std::sin(x), 1e-13, 1e-300);
    check_close("cos'(1.3) FD", g, fd_scalar([](double v) { return r_cos(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.1;
    double g = 0, g2 = 0;
    check_ulps("tan: grad returns f", r_tan_grad(x, &g), r_tan(x));
    check_ulps("tan: pullback returns f", r_tan_pullback(x, -2.0, &g2), r_tan(x));
    check_close("tan: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("tan'(-1.1) formula", g, 1 / (std::cos(x) * std::cos(x)), 1e-13, 1e-300);
    check_close("tan'(-1.1) FD", g, fd_scalar([](double v) { return r_tan(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.4;
    double g = 0, g2 = 0;
    check_ulps("tan: grad returns f", r_tan_grad(x, &g), r_tan(x));
    check_ulps("tan: pullback returns f", r_tan_pullback(x, -2.0, &g2), r_tan(x));
    check_close("tan: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("tan'(0.4) formula", g, 1 / (std::cos(x) * std::cos(x)), 1e-13, 1e-300);
    check_close("tan'(0.4) FD", g, fd_scalar([](double v) { return r_tan(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1.3;
    double g = 0, g2 = 0;
    check_ulps("tan: grad returns f", r_tan_grad(x, &g), r_tan(x));
    check_ulps("tan: pullback returns f", r_tan_pullback(x, -2.0, &g2), r_tan(x));
    check_close("tan: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("tan'(1.3) formula", g, 1 / (std::cos(x) * std::cos(x)), 1e-13, 1e-300);
    check_close("tan'(1.3) FD", g, fd_scalar([](double v) { return r_tan(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -0.7;
    double g = 0, g2 = 0;
    check_ulps("asin: grad returns f", r_asin_grad(x, &g), r_asin(x));
    check_ulps("asin: pullback returns f", r_asin_pullback(x, -2.0, &g2), r_asin(x));
    check_close("asin: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("asin'(-0.7) formula", g, 1 / std::sqrt(1 - x * x), 1e-13, 1e-300);
    check_close("asin'(-0.7) FD", g, fd_scalar([](double v) { return r_asin(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.2;
    double g = 0, g2 = 0;
    check_ulps("asin: grad returns f", r_asin_grad(x, &g), r_asin(x));
    check_ulps("asin: pullback returns f", r_asin_pullback(x, -2.0, &g2), r_asin(x));
    check_close("asin: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("asin'(0.2) formula", g, 1 / std::sqrt(1 - x * x), 1e-13, 1e-300);
    check_close("asin'(0.2) FD", g, fd_scalar([](double v) { return r_asin(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.9;
    double g = 0, g2 = 0;
    check_ulps("asin: grad returns f", r_asin_grad(x, &g), r_asin(x));
    check_ulps("asin: pullback returns f", r_asin_pullback(x, -2.0, &g2), r_asin(x));
    check_close("asin: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("asin'(0.9) formula", g, 1 / std::sqrt(1 - x * x), 1e-13, 1e-300);
    check_close("asin'(0.9) FD", g, fd_scalar([](double v) { return r_asin(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -0.7;
    double g = 0, g2 = 0;
    check_ulps("acos: grad returns f", r_acos_grad(x, &g), r_acos(x));
    check_ulps("acos: pullback returns f", r_acos_pullback(x, -2.0, &g2), r_acos(x));
    check_close("acos: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("acos'(-0.7) formula", g, -1 / std::sqrt(1 - x * x), 1e-13, 1e-300);
    check_close("acos'(-0.7) FD", g, fd_scalar([](double v) { return r_acos(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.2;
    double g = 0, g2 = 0;
    check_ulps("acos: grad returns f", r_acos_grad(x, &g), r_acos(x));
    check_ulps("acos: pullback returns f", r_acos_pullback(x, -2.0, &g2), r_acos(x));
    check_close("acos: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("acos'(0.2) formula", g, -1 / std::sqrt(1 - x * x), 1e-13, 1e-300);
    check_close("acos'(0.2) FD", g, fd_scalar([](double v) { return r_acos(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.9;
    double g = 0, g2 = 0;
    check_ulps("acos: grad returns f", r_acos_grad(x, &g), r_acos(x));
    check_ulps("acos: pullback returns f", r_acos_pullback(x, -2.0, &g2), r_acos(x));
    check_close("acos: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("acos'(0.9) formula", g, -1 / std::sqrt(1 - x * x), 1e-13, 1e-300);
    check_close("acos'(0.9) FD", g, fd_scalar([](double v) { return r_acos(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -3.0;
    double g = 0, g2 = 0;
    check_ulps("atan: grad returns f", r_atan_grad(x, &g), r_atan(x));
    check_ulps("atan: pullback returns f", r_atan_pullback(x, -2.0, &g2), r_atan(x));
    check_close("atan: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("atan'(-3.0) formula", g, 1 / (1 + x * x), 1e-13, 1e-300);
    check_close("atan'(-3.0) FD", g, fd_scalar([](double v) { return r_atan(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.5;
    double g = 0, g2 = 0;
    check_ulps("atan: grad returns f", r_atan_grad(x, &g), r_atan(x));
    check_ulps("atan: pullback returns f", r_atan_pullback(x, -2.0, &g2), r_atan(x));
    check_close("atan: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("atan'(0.5) formula", g, 1 / (1 + x * x), 1e-13, 1e-300);
    check_close("atan'(0.5) FD", g, fd_scalar([](double v) { return r_atan(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.5;
    double g = 0, g2 = 0;
    check_ulps("sinh: grad returns f", r_sinh_grad(x, &g), r_sinh(x));
    check_ulps("sinh: pullback returns f", r_sinh_pullback(x, -2.0, &g2), r_sinh(x));
    check_close("sinh: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("sinh'(-1.5) formula", g, std::cosh(x), 1e-13, 1e-300);
    check_close("sinh'(-1.5) FD", g, fd_scalar([](double v) { return r_sinh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.3;
    double g = 0, g2 = 0;
    check_ulps("sinh: grad returns f", r_sinh_grad(x, &g), r_sinh(x));
    check_ulps("sinh: pullback returns f", r_sinh_pullback(x, -2.0, &g2), r_sinh(x));
    check_close("sinh: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("sinh'(0.3) formula", g, std::cosh(x), 1e-13, 1e-300);
    check_close("sinh'(0.3) FD", g, fd_scalar([](double v) { return r_sinh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.0;
    double g = 0, g2 = 0;
    check_ulps("sinh: grad returns f", r_sinh_grad(x, &g), r_sinh(x));
    check_ulps("sinh: pullback returns f", r_sinh_pullback(x, -2.0, &g2), r_sinh(x));
    check_close("sinh: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("sinh'(2.0) formula", g, std::cosh(x), 1e-13, 1e-300);
    check_close("sinh'(2.0) FD", g, fd_scalar([](double v) { return r_sinh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.5;
    double g = 0, g2 = 0;
    check_ulps("cosh: grad returns f", r_cosh_grad(x, &g), r_cosh(x));
    check_ulps("cosh: pullback returns f", r_cosh_pullback(x, -2.0, &g2), r_cosh(x));
    check_close("cosh: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("cosh'(-1.5) formula", g, std::sinh(x), 1e-13, 1e-300);
    check_close("cosh'(-1.5) FD", g, fd_scalar([](double v) { return r_cosh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.3;
    double g = 0, g2 = 0;
    check_ulps("cosh: grad returns f", r_cosh_grad(x, &g), r_cosh(x));
    check_ulps("cosh: pullback returns f", r_cosh_pullback(x, -2.0, &g2), r_cosh(x));
    check_close("cosh: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("cosh'(0.3) formula", g, std::sinh(x), 1e-13, 1e-300);
    check_close("cosh'(0.3) FD", g, fd_scalar([](double v) { return r_cosh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.0;
    double g = 0, g2 = 0;
    check_ulps("cosh: grad returns f", r_cosh_grad(x, &g), r_cosh(x));
    check_ulps("cosh: pullback returns f", r_cosh_pullback(x, -2.0, &g2), r_cosh(x));
    check_close("cosh: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("cosh'(2.0) formula", g, std::sinh(x), 1e-13, 1e-300);
    check_close("cosh'(2.0) FD", g, fd_scalar([](double v) { return r_cosh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.5;
    double g = 0, g2 = 0;
    check_ulps("tanh: grad returns f", r_tanh_grad(x, &g), r_tanh(x));
    check_ulps("tanh: pullback returns f", r_tanh_pullback(x, -2.0, &g2), r_tanh(x));
    check_close("tanh: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("tanh'(-1.5) formula", g, 1 - std::tanh(x) * std::tanh(x), 1e-13, 1e-300);
    check_close("tanh'(-1.5) FD", g, fd_scalar([](double v) { return r_tanh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.3;
    double g = 0, g2 = 0;
    check_ulps("tanh: grad returns f", r_tanh_grad(x, &g), r_tanh(x));
    check_ulps("tanh: pullback returns f", r_tanh_pullback(x, -2.0, &g2), r_tanh(x));
    check_close("tanh: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("tanh'(0.3) formula", g, 1 - std::tanh(x) * std::tanh(x), 1e-13, 1e-300);
    check_close("tanh'(0.3) FD", g, fd_scalar([](double v) { return r_tanh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.0;
    double g = 0, g2 = 0;
    check_ulps("tanh: grad returns f", r_tanh_grad(x, &g), r_tanh(x));
    check_ulps("tanh: pullback returns f", r_tanh_pullback(x, -2.0, &g2), r_tanh(x));
    check_close("tanh: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("tanh'(2.0) formula", g, 1 - std::tanh(x) * std::tanh(x), 1e-13, 1e-300);
    check_close("tanh'(2.0) FD", g, fd_scalar([](double v) { return r_tanh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -2.0;
    double g = 0, g2 = 0;
    check_ulps("asinh: grad returns f", r_asinh_grad(x, &g), r_asinh(x));
    check_ulps("asinh: pullback returns f", r_asinh_pullback(x, -2.0, &g2), r_asinh(x));
    check_close("asinh: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("asinh'(-2.0) formula", g, 1 / std::sqrt(x * x + 1), 1e-13, 1e-300);
    check_close("asinh'(-2.0) FD", g, fd_scalar([](double v) { return r_asinh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.5;
    double g = 0, g2 = 0;
    check_ulps("asinh: grad returns f", r_asinh_grad(x, &g), r_asinh(x));
    check_ulps("asinh: pullback returns f", r_asinh_pullback(x, -2.0, &g2), r_asinh(x));
    check_close("asinh: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("asinh'(0.5) formula", g, 1 / std::sqrt(x * x + 1), 1e-13, 1e-300);
    check_close("asinh'(0.5) FD", g, fd_scalar([](double v) { return r_asinh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1.2;
    double g = 0, g2 = 0;
    check_ulps("acosh: grad returns f", r_acosh_grad(x, &g), r_acosh(x));
    check_ulps("acosh: pullback returns f", r_acosh_pullback(x, -2.0, &g2), r_acosh(x));
    check_close("acosh: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("acosh'(1.2) formula", g, 1 / std::sqrt(x * x - 1), 1e-13, 1e-300);
    check_close("acosh'(1.2) FD", g, fd_scalar([](double v) { return r_acosh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 3.0;
    double g = 0, g2 = 0;
    check_ulps("acosh: grad returns f", r_acosh_grad(x, &g), r_acosh(x));
    check_ulps("acosh: pullback returns f", r_acosh_pullback(x, -2.0, &g2), r_acosh(x));
    check_close("acosh: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("acosh'(3.0) formula", g, 1 / std::sqrt(x * x - 1), 1e-13, 1e-300);
    check_close("acosh'(3.0) FD", g, fd_scalar([](double v) { return r_acosh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -0.6;
    double g = 0, g2 = 0;
    check_ulps("atanh: grad returns f", r_atanh_grad(x, &g), r_atanh(x));
    check_ulps("atanh: pullback returns f", r_atanh_pullback(x, -2.0, &g2), r_atanh(x));
    check_close("atanh: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("atanh'(-0.6) formula", g, 1 / (1 - x * x), 1e-13, 1e-300);
    check_close("atanh'(-0.6) FD", g, fd_scalar([](double v) { return r_atanh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.3;
    double g = 0, g2 = 0;
    check_ulps("atanh: grad returns f", r_atanh_grad(x, &g), r_atanh(x));
    check_ulps("atanh: pullback returns f", r_atanh_pullback(x, -2.0, &g2), r_atanh(x));
    check_close("atanh: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("atanh'(0.3) formula", g, 1 / (1 - x * x), 1e-13, 1e-300);
    check_close("atanh'(0.3) FD", g, fd_scalar([](double v) { return r_atanh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.2;
    double g = 0, g2 = 0;
    check_ulps("erf: grad returns f", r_erf_grad(x, &g), r_erf(x));
    check_ulps("erf: pullback returns f", r_erf_pullback(x, -2.0, &g2), r_erf(x));
    check_close("erf: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("erf'(-1.2) formula", g, 2 / std::sqrt(M_PI_) * std::exp(-x * x), 1e-13, 1e-300);
    check_close("erf'(-1.2) FD", g, fd_scalar([](double v) { return r_erf(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.1;
    double g = 0, g2 = 0;
    check_ulps("erf: grad returns f", r_erf_grad(x, &g), r_erf(x));
    check_ulps("erf: pullback returns f", r_erf_pullback(x, -2.0, &g2), r_erf(x));
    check_close("erf: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("erf'(0.1) formula", g, 2 / std::sqrt(M_PI_) * std::exp(-x * x), 1e-13, 1e-300);
    check_close("erf'(0.1) FD", g, fd_scalar([](double v) { return r_erf(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.8;
    double g = 0, g2 = 0;
    check_ulps("erf: grad returns f", r_erf_grad(x, &g), r_erf(x));
    check_ulps("erf: pullback returns f", r_erf_pullback(x, -2.0, &g2), r_erf(x));
    check_close("erf: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("erf'(0.8) formula", g, 2 / std::sqrt(M_PI_) * std::exp(-x * x), 1e-13, 1e-300);
    check_close("erf'(0.8) FD", g, fd_scalar([](double v) { return r_erf(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.2;
    double g = 0, g2 = 0;
    check_ulps("erfc: grad returns f", r_erfc_grad(x, &g), r_erfc(x));
    check_ulps("erfc: pullback returns f", r_erfc_pullback(x, -2.0, &g2), r_erfc(x));
    check_close("erfc: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("erfc'(-1.2) formula", g, -2 / std::sqrt(M_PI_) * std::exp(-x * x), 1e-13, 1e-300);
    check_close("erfc'(-1.2) FD", g, fd_scalar([](double v) { return r_erfc(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.1;
    double g = 0, g2 = 0;
    check_ulps("erfc: grad returns f", r_erfc_grad(x, &g), r_erfc(x));
    check_ulps("erfc: pullback returns f", r_erfc_pullback(x, -2.0, &g2), r_erfc(x));
    check_close("erfc: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("erfc'(0.1) formula", g, -2 / std::sqrt(M_PI_) * std::exp(-x * x), 1e-13, 1e-300);
    check_close("erfc'(0.1) FD", g, fd_scalar([](double v) { return r_erfc(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.8;
    double g = 0, g2 = 0;
    check_ulps("erfc: grad returns f", r_erfc_grad(x, &g), r_erfc(x));
    check_ulps("erfc: pullback returns f", r_erfc_pullback(x, -2.0, &g2), r_erfc(x));
    check_close("erfc: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("erfc'(0.8) formula", g, -2 / std::sqrt(M_PI_) * std::exp(-x * x), 1e-13, 1e-300);
    check_close("erfc'(0.8) FD", g, fd_scalar([](double v) { return r_erfc(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.5;
    double g = 0, g2 = 0;
    check_ulps("lgamma: grad returns f", r_lgamma_grad(x, &g), r_lgamma(x));
    check_ulps("lgamma: pullback returns f", r_lgamma_pullback(x, -2.0, &g2), r_lgamma(x));
    check_close("lgamma: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("lgamma'(0.5) formula", g, digamma(x), 1e-12, 1e-300);
    check_close("lgamma'(0.5) FD", g, fd_scalar([](double v) { return r_lgamma(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1.0;
    double g = 0, g2 = 0;
    check_ulps("lgamma: grad returns f", r_lgamma_grad(x, &g), r_lgamma(x));
    check_ulps("lgamma: pullback returns f", r_lgamma_pullback(x, -2.0, &g2), r_lgamma(x));
    check_close("lgamma: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("lgamma'(1.0) formula", g, digamma(x), 1e-12, 1e-300);
    check_close("lgamma'(1.0) FD", g, fd_scalar([](double v) { return r_lgamma(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1.5;
    double g = 0, g2 = 0;
    check_ulps("lgamma: grad returns f", r_lgamma_grad(x, &g), r_lgamma(x));
    check_ulps("lgamma: pullback returns f", r_lgamma_pullback(x, -2.0, &g2), r_lgamma(x));
    check_close("lgamma: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("lgamma'(1.5) formula", g, digamma(x), 1e-12, 1e-300);
    check_close("lgamma'(1.5) FD", g, fd_scalar([](double v) { return r_lgamma(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -0.5;
    double g = 0, g2 = 0;
    check_ulps("lgamma: grad returns f", r_lgamma_grad(x, &g), r_lgamma(x));
    check_ulps("lgamma: pullback returns f", r_lgamma_pullback(x, -2.0, &g2), r_lgamma(x));
    check_close("lgamma: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("lgamma'(-0.5) formula", g, digamma(x), 1e-12, 1e-300);
    check_close("lgamma'(-0.5) FD", g, fd_scalar([](double v) { return r_lgamma(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 3.7;
    double g = 0, g2 = 0;
    check_ulps("lgamma: grad returns f", r_lgamma_grad(x, &g), r_lgamma(x));
    check_ulps("lgamma: pullback returns f", r_lgamma_pullback(x, -2.0, &g2), r_lgamma(x));
    check_close("lgamma: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("lgamma'(3.7) FD", g, fd_scalar([](double v) { return r_lgamma(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.5;
    double g = 0, g2 = 0;
    check_ulps("fabs: grad returns f", r_fabs_grad(x, &g), r_fabs(x));
    check_ulps("fabs: pullback returns f", r_fabs_pullback(x, -2.0, &g2), r_fabs(x));
    check_close("fabs: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("fabs'(-1.5) formula", g, (x < 0 ? -1.0 : 1.0), 1e-13, 1e-300);
    check_close("fabs'(-1.5) FD", g, fd_scalar([](double v) { return r_fabs(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.7;
    double g = 0, g2 = 0;
    check_ulps("fabs: grad returns f", r_fabs_grad(x, &g), r_fabs(x));
    check_ulps("fabs: pullback returns f", r_fabs_pullback(x, -2.0, &g2), r_fabs(x));
    check_close("fabs: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("fabs'(0.7) formula", g, (x < 0 ? -1.0 : 1.0), 1e-13, 1e-300);
    check_close("fabs'(0.7) FD", g, fd_scalar([](double v) { return r_fabs(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.5;
    double g = 0, g2 = 0;
    check_ulps("abs: grad returns f", r_abs_grad(x, &g), r_abs(x));
    check_ulps("abs: pullback returns f", r_abs_pullback(x, -2.0, &g2), r_abs(x));
    check_close("abs: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("abs'(-1.5) formula", g, (x < 0 ? -1.0 : 1.0), 1e-13, 1e-300);
    check_close("abs'(-1.5) FD", g, fd_scalar([](double v) { return r_abs(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.7;
    double g = 0, g2 = 0;
    check_ulps("abs: grad returns f", r_abs_grad(x, &g), r_abs(x));
    check_ulps("abs: pullback returns f", r_abs_pullback(x, -2.0, &g2), r_abs(x));
    check_close("abs: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("abs'(0.7) formula", g, (x < 0 ? -1.0 : 1.0), 1e-13, 1e-300);
    check_close("abs'(0.7) FD", g, fd_scalar([](double v) { return r_abs(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.3;
    double g = 0, g2 = 0;
    check_ulps("floor: grad returns f", r_floor_grad(x, &g), r_floor(x));
    check_ulps("floor: pullback returns f", r_floor_pullback(x, -2.0, &g2), r_floor(x));
    check_close("floor: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("floor'(-1.3) formula", g, 0.0, 1e-13, 1e-300);
    check_close("floor'(-1.3) FD", g, fd_scalar([](double v) { return r_floor(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.4;
    double g = 0, g2 = 0;
    check_ulps("floor: grad returns f", r_floor_grad(x, &g), r_floor(x));
    check_ulps("floor: pullback returns f", r_floor_pullback(x, -2.0, &g2), r_floor(x));
    check_close("floor: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("floor'(0.4) formula", g, 0.0, 1e-13, 1e-300);
    check_close("floor'(0.4) FD", g, fd_scalar([](double v) { return r_floor(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.6;
    double g = 0, g2 = 0;
    check_ulps("floor: grad returns f", r_floor_grad(x, &g), r_floor(x));
    check_ulps("floor: pullback returns f", r_floor_pullback(x, -2.0, &g2), r_floor(x));
    check_close("floor: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("floor'(2.6) formula", g, 0.0, 1e-13, 1e-300);
    check_close("floor'(2.6) FD", g, fd_scalar([](double v) { return r_floor(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.3;
    double g = 0, g2 = 0;
    check_ulps("ceil: grad returns f", r_ceil_grad(x, &g), r_ceil(x));
    check_ulps("ceil: pullback returns f", r_ceil_pullback(x, -2.0, &g2), r_ceil(x));
    check_close("ceil: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("ceil'(-1.3) formula", g, 0.0, 1e-13, 1e-300);
    check_close("ceil'(-1.3) FD", g, fd_scalar([](double v) { return r_ceil(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.4;
    double g = 0, g2 = 0;
    check_ulps("ceil: grad returns f", r_ceil_grad(x, &g), r_ceil(x));
    check_ulps("ceil: pullback returns f", r_ceil_pullback(x, -2.0, &g2), r_ceil(x));
    check_close("ceil: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("ceil'(0.4) formula", g, 0.0, 1e-13, 1e-300);
    check_close("ceil'(0.4) FD", g, fd_scalar([](double v) { return r_ceil(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.6;
    double g = 0, g2 = 0;
    check_ulps("ceil: grad returns f", r_ceil_grad(x, &g), r_ceil(x));
    check_ulps("ceil: pullback returns f", r_ceil_pullback(x, -2.0, &g2), r_ceil(x));
    check_close("ceil: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("ceil'(2.6) formula", g, 0.0, 1e-13, 1e-300);
    check_close("ceil'(2.6) FD", g, fd_scalar([](double v) { return r_ceil(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.3;
    double g = 0, g2 = 0;
    check_ulps("round: grad returns f", r_round_grad(x, &g), r_round(x));
    check_ulps("round: pullback returns f", r_round_pullback(x, -2.0, &g2), r_round(x));
    check_close("round: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("round'(-1.3) formula", g, 0.0, 1e-13, 1e-300);
    check_close("round'(-1.3) FD", g, fd_scalar([](double v) { return r_round(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.4;
    double g = 0, g2 = 0;
    check_ulps("round: grad returns f", r_round_grad(x, &g), r_round(x));
    check_ulps("round: pullback returns f", r_round_pullback(x, -2.0, &g2), r_round(x));
    check_close("round: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("round'(0.4) formula", g, 0.0, 1e-13, 1e-300);
    check_close("round'(0.4) FD", g, fd_scalar([](double v) { return r_round(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.6;
    double g = 0, g2 = 0;
    check_ulps("round: grad returns f", r_round_grad(x, &g), r_round(x));
    check_ulps("round: pullback returns f", r_round_pullback(x, -2.0, &g2), r_round(x));
    check_close("round: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("round'(2.6) formula", g, 0.0, 1e-13, 1e-300);
    check_close("round'(2.6) FD", g, fd_scalar([](double v) { return r_round(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.3;
    double g = 0, g2 = 0;
    check_ulps("trunc: grad returns f", r_trunc_grad(x, &g), r_trunc(x));
    check_ulps("trunc: pullback returns f", r_trunc_pullback(x, -2.0, &g2), r_trunc(x));
    check_close("trunc: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("trunc'(-1.3) formula", g, 0.0, 1e-13, 1e-300);
    check_close("trunc'(-1.3) FD", g, fd_scalar([](double v) { return r_trunc(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.4;
    double g = 0, g2 = 0;
    check_ulps("trunc: grad returns f", r_trunc_grad(x, &g), r_trunc(x));
    check_ulps("trunc: pullback returns f", r_trunc_pullback(x, -2.0, &g2), r_trunc(x));
    check_close("trunc: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("trunc'(0.4) formula", g, 0.0, 1e-13, 1e-300);
    check_close("trunc'(0.4) FD", g, fd_scalar([](double v) { return r_trunc(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.6;
    double g = 0, g2 = 0;
    check_ulps("trunc: grad returns f", r_trunc_grad(x, &g), r_trunc(x));
    check_ulps("trunc: pullback returns f", r_trunc_pullback(x, -2.0, &g2), r_trunc(x));
    check_close("trunc: pullback seed -2", g2, -2.0 * g, 1e-15, 0);
    check_close("trunc'(2.6) formula", g, 0.0, 1e-13, 1e-300);
    check_close("trunc'(2.6) FD", g, fd_scalar([](double v) { return r_trunc(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1.5, y = 2.3;
    double gx = 0, gy = 0;
    check_ulps("pow: grad returns f", r_pow_grad(x, y, &gx, &gy), r_pow(x, y));
    check_close("pow d/dx(1.5, 2.3) formula", gx, y * std::pow(x, y - 1), 1e-13, 1e-300);
    check_close("pow d/dy(1.5, 2.3) formula", gy, std::pow(x, y) * std::log(x), 1e-13, 1e-300);
    check_close("pow d/dx(1.5, 2.3) FD", gx, fd_scalar([y](double v) { return r_pow(v, y); }, x), 1e-6, 1e-9);
    check_close("pow d/dy(1.5, 2.3) FD", gy, fd_scalar([x](double v) { return r_pow(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 0.7, y = -1.2;
    double gx = 0, gy = 0;
    check_ulps("pow: grad returns f", r_pow_grad(x, y, &gx, &gy), r_pow(x, y));
    check_close("pow d/dx(0.7, -1.2) formula", gx, y * std::pow(x, y - 1), 1e-13, 1e-300);
    check_close("pow d/dy(0.7, -1.2) formula", gy, std::pow(x, y) * std::log(x), 1e-13, 1e-300);
    check_close("pow d/dx(0.7, -1.2) FD", gx, fd_scalar([y](double v) { return r_pow(v, y); }, x), 1e-6, 1e-9);
    check_close("pow d/dy(0.7, -1.2) FD", gy, fd_scalar([x](double v) { return r_pow(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 2.0, y = 0.5;
    double gx = 0, gy = 0;
    check_ulps("pow: grad returns f", r_pow_grad(x, y, &gx, &gy), r_pow(x, y));
    check_close("pow d/dx(2.0, 0.5) formula", gx, y * std::pow(x, y - 1), 1e-13, 1e-300);
    check_close("pow d/dy(2.0, 0.5) formula", gy, std::pow(x, y) * std::log(x), 1e-13, 1e-300);
    check_close("pow d/dx(2.0, 0.5) FD", gx, fd_scalar([y](double v) { return r_pow(v, y); }, x), 1e-6, 1e-9);
    check_close("pow d/dy(2.0, 0.5) FD", gy, fd_scalar([x](double v) { return r_pow(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 3.0, y = 4.0;
    double gx = 0, gy = 0;
    check_ulps("hypot: grad returns f", r_hypot_grad(x, y, &gx, &gy), r_hypot(x, y));
    check_close("hypot d/dx(3.0, 4.0) formula", gx, x / std::hypot(x, y), 1e-13, 1e-300);
    check_close("hypot d/dy(3.0, 4.0) formula", gy, y / std::hypot(x, y), 1e-13, 1e-300);
    check_close("hypot d/dx(3.0, 4.0) FD", gx, fd_scalar([y](double v) { return r_hypot(v, y); }, x), 1e-6, 1e-9);
    check_close("hypot d/dy(3.0, 4.0) FD", gy, fd_scalar([x](double v) { return r_hypot(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = -1.0, y = 0.5;
    double gx = 0, gy = 0;
    check_ulps("hypot: grad returns f", r_hypot_grad(x, y, &gx, &gy), r_hypot(x, y));
    check_close("hypot d/dx(-1.0, 0.5) formula", gx, x / std::hypot(x, y), 1e-13, 1e-300);
    check_close("hypot d/dy(-1.0, 0.5) formula", gy, y / std::hypot(x, y), 1e-13, 1e-300);
    check_close("hypot d/dx(-1.0, 0.5) FD", gx, fd_scalar([y](double v) { return r_hypot(v, y); }, x), 1e-6, 1e-9);
    check_close("hypot d/dy(-1.0, 0.5) FD", gy, fd_scalar([x](double v) { return r_hypot(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 0.5, y = -1.0;
    double gx = 0, gy = 0;
    check_ulps("atan2: grad returns f", r_atan2_grad(x, y, &gx, &gy), r_atan2(x, y));
    check_close("atan2 d/dx(0.5, -1.0) formula", gx, y / (x * x + y * y), 1e-13, 1e-300);
    check_close("atan2 d/dy(0.5, -1.0) formula", gy, -x / (x * x + y * y), 1e-13, 1e-300);
    check_close("atan2 d/dx(0.5, -1.0) FD", gx, fd_scalar([y](double v) { return r_atan2(v, y); }, x), 1e-6, 1e-9);
    check_close("atan2 d/dy(0.5, -1.0) FD", gy, fd_scalar([x](double v) { return r_atan2(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = -2.0, y = 0.3;
    double gx = 0, gy = 0;
    check_ulps("atan2: grad returns f", r_atan2_grad(x, y, &gx, &gy), r_atan2(x, y));
    check_close("atan2 d/dx(-2.0, 0.3) formula", gx, y / (x * x + y * y), 1e-13, 1e-300);
    check_close("atan2 d/dy(-2.0, 0.3) formula", gy, -x / (x * x + y * y), 1e-13, 1e-300);
    check_close("atan2 d/dx(-2.0, 0.3) FD", gx, fd_scalar([y](double v) { return r_atan2(v, y); }, x), 1e-6, 1e-9);
    check_close("atan2 d/dy(-2.0, 0.3) FD", gy, fd_scalar([x](double v) { return r_atan2(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 1.0, y = 2.0;
    double gx = 0, gy = 0;
    check_ulps("atan2: grad returns f", r_atan2_grad(x, y, &gx, &gy), r_atan2(x, y));
    check_close("atan2 d/dx(1.0, 2.0) formula", gx, y / (x * x + y * y), 1e-13, 1e-300);
    check_close("atan2 d/dy(1.0, 2.0) formula", gy, -x / (x * x + y * y), 1e-13, 1e-300);
    check_close("atan2 d/dx(1.0, 2.0) FD", gx, fd_scalar([y](double v) { return r_atan2(v, y); }, x), 1e-6, 1e-9);
    check_close("atan2 d/dy(1.0, 2.0) FD", gy, fd_scalar([x](double v) { return r_atan2(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 1.0, y = 2.0;
    double gx = 0, gy = 0;
    check_ulps("fmin: grad returns f", r_fmin_grad(x, y, &gx, &gy), r_fmin(x, y));
    check_close("fmin d/dx(1.0, 2.0) formula", gx, (x < y ? 1.0 : 0.0), 1e-13, 1e-300);
    check_close("fmin d/dy(1.0, 2.0) formula", gy, (x < y ? 0.0 : 1.0), 1e-13, 1e-300);
    check_close("fmin d/dx(1.0, 2.0) FD", gx, fd_scalar([y](double v) { return r_fmin(v, y); }, x), 1e-6, 1e-9);
    check_close("fmin d/dy(1.0, 2.0) FD", gy, fd_scalar([x](double v) { return r_fmin(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 3.0, y = -1.0;
    double gx = 0, gy = 0;
    check_ulps("fmin: grad returns f", r_fmin_grad(x, y, &gx, &gy), r_fmin(x, y));
    check_close("fmin d/dx(3.0, -1.0) formula", gx, (x < y ? 1.0 : 0.0), 1e-13, 1e-300);
    check_close("fmin d/dy(3.0, -1.0) formula", gy, (x < y ? 0.0 : 1.0), 1e-13, 1e-300);
    check_close("fmin d/dx(3.0, -1.0) FD", gx, fd_scalar([y](double v) { return r_fmin(v, y); }, x), 1e-6, 1e-9);
    check_close("fmin d/dy(3.0, -1.0) FD", gy, fd_scalar([x](double v) { return r_fmin(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 1.0, y = 2.0;
    double gx = 0, gy = 0;
    check_ulps("fmax: grad returns f", r_fmax_grad(x, y, &gx, &gy), r_fmax(x, y));
    check_close("fmax d/dx(1.0, 2.0) formula", gx, (x > y ? 1.0 : 0.0), 1e-13, 1e-300);
    check_close("fmax d/dy(1.0, 2.0) formula", gy, (x > y ? 0.0 : 1.0), 1e-13, 1e-300);
    check_close("fmax d/dx(1.0, 2.0) FD", gx, fd_scalar([y](double v) { return r_fmax(v, y); }, x), 1e-6, 1e-9);
    check_close("fmax d/dy(1.0, 2.0) FD", gy, fd_scalar([x](double v) { return r_fmax(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 3.0, y = -1.0;
    double gx = 0, gy = 0;
    check_ulps("fmax: grad returns f", r_fmax_grad(x, y, &gx, &gy), r_fmax(x, y));
    check_close("fmax d/dx(3.0, -1.0) formula", gx, (x > y ? 1.0 : 0.0), 1e-13, 1e-300);
    check_close("fmax d/dy(3.0, -1.0) formula", gy, (x > y ? 0.0 : 1.0), 1e-13, 1e-300);
    check_close("fmax d/dx(3.0, -1.0) FD", gx, fd_scalar([y](double v) { return r_fmax(v, y); }, x), 1e-6, 1e-9);
    check_close("fmax d/dy(3.0, -1.0) FD", gy, fd_scalar([x](double v) { return r_fmax(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 5.3, y = 2.0;
    double gx = 0, gy = 0;
    check_ulps("fmod: grad returns f", r_fmod_grad(x, y, &gx, &gy), r_fmod(x, y));
    check_close("fmod d/dx(5.3, 2.0) formula", gx, 1.0, 1e-13, 1e-300);
    check_close("fmod d/dy(5.3, 2.0) formula", gy, -std::trunc(x / y), 1e-13, 1e-300);
    check_close("fmod d/dx(5.3, 2.0) FD", gx, fd_scalar([y](double v) { return r_fmod(v, y); }, x), 1e-6, 1e-9);
    check_close("fmod d/dy(5.3, 2.0) FD", gy, fd_scalar([x](double v) { return r_fmod(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = -7.5, y = 2.2;
    double gx = 0, gy = 0;
    check_ulps("fmod: grad returns f", r_fmod_grad(x, y, &gx, &gy), r_fmod(x, y));
    check_close("fmod d/dx(-7.5, 2.2) formula", gx, 1.0, 1e-13, 1e-300);
    check_close("fmod d/dy(-7.5, 2.2) formula", gy, -std::trunc(x / y), 1e-13, 1e-300);
    check_close("fmod d/dx(-7.5, 2.2) FD", gx, fd_scalar([y](double v) { return r_fmod(v, y); }, x), 1e-6, 1e-9);
    check_close("fmod d/dy(-7.5, 2.2) FD", gy, fd_scalar([x](double v) { return r_fmod(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 1.0, y = 3.0;
    double gx = 0, gy = 0;
    check_ulps("fmod: grad returns f", r_fmod_grad(x, y, &gx, &gy), r_fmod(x, y));
    check_close("fmod d/dx(1.0, 3.0) formula", gx, 1.0, 1e-13, 1e-300);
    check_close("fmod d/dy(1.0, 3.0) formula", gy, -std::trunc(x / y), 1e-13, 1e-300);
    check_close("fmod d/dx(1.0, 3.0) FD", gx, fd_scalar([y](double v) { return r_fmod(v, y); }, x), 1e-6, 1e-9);
    check_close("fmod d/dy(1.0, 3.0) FD", gy, fd_scalar([x](double v) { return r_fmod(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 1.5, y = -2.0;
    double gx = 0, gy = 0;
    check_ulps("copysign: grad returns f", r_copysign_grad(x, y, &gx, &gy), r_copysign(x, y));
    check_close("copysign d/dx(1.5, -2.0) formula", gx, ((x < 0) == (y < 0) ? 1.0 : -1.0), 1e-13, 1e-300);
    check_close("copysign d/dy(1.5, -2.0) formula", gy, 0.0, 1e-13, 1e-300);
    check_close("copysign d/dx(1.5, -2.0) FD", gx, fd_scalar([y](double v) { return r_copysign(v, y); }, x), 1e-6, 1e-9);
    check_close("copysign d/dy(1.5, -2.0) FD", gy, fd_scalar([x](double v) { return r_copysign(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = -0.5, y = 3.0;
    double gx = 0, gy = 0;
    check_ulps("copysign: grad returns f", r_copysign_grad(x, y, &gx, &gy), r_copysign(x, y));
    check_close("copysign d/dx(-0.5, 3.0) formula", gx, ((x < 0) == (y < 0) ? 1.0 : -1.0), 1e-13, 1e-300);
    check_close("copysign d/dy(-0.5, 3.0) formula", gy, 0.0, 1e-13, 1e-300);
    check_close("copysign d/dx(-0.5, 3.0) FD", gx, fd_scalar([y](double v) { return r_copysign(v, y); }, x), 1e-6, 1e-9);
    check_close("copysign d/dy(-0.5, 3.0) FD", gy, fd_scalar([x](double v) { return r_copysign(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 2.0, y = 1.0;
    double gx = 0, gy = 0;
    check_ulps("copysign: grad returns f", r_copysign_grad(x, y, &gx, &gy), r_copysign(x, y));
    check_close("copysign d/dx(2.0, 1.0) formula", gx, ((x < 0) == (y < 0) ? 1.0 : -1.0), 1e-13, 1e-300);
    check_close("copysign d/dy(2.0, 1.0) formula", gy, 0.0, 1e-13, 1e-300);
    check_close("copysign d/dx(2.0, 1.0) FD", gx, fd_scalar([y](double v) { return r_copysign(v, y); }, x), 1e-6, 1e-9);
    check_close("copysign d/dy(2.0, 1.0) FD", gy, fd_scalar([x](double v) { return r_copysign(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 1.0, y = 2.0;
    double gx = 0, gy = 0;
    check_ulps("min: grad returns f", r_min_grad(x, y, &gx, &gy), r_min(x, y));
    check_close("min d/dx(1.0, 2.0) formula", gx, (x < y ? 1.0 : 0.0), 1e-13, 1e-300);
    check_close("min d/dy(1.0, 2.0) formula", gy, (x < y ? 0.0 : 1.0), 1e-13, 1e-300);
    check_close("min d/dx(1.0, 2.0) FD", gx, fd_scalar([y](double v) { return r_min(v, y); }, x), 1e-6, 1e-9);
    check_close("min d/dy(1.0, 2.0) FD", gy, fd_scalar([x](double v) { return r_min(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 3.0, y = -1.0;
    double gx = 0, gy = 0;
    check_ulps("min: grad returns f", r_min_grad(x, y, &gx, &gy), r_min(x, y));
    check_close("min d/dx(3.0, -1.0) formula", gx, (x < y ? 1.0 : 0.0), 1e-13, 1e-300);
    check_close("min d/dy(3.0, -1.0) formula", gy, (x < y ? 0.0 : 1.0), 1e-13, 1e-300);
    check_close("min d/dx(3.0, -1.0) FD", gx, fd_scalar([y](double v) { return r_min(v, y); }, x), 1e-6, 1e-9);
    check_close("min d/dy(3.0, -1.0) FD", gy, fd_scalar([x](double v) { return r_min(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 1.0, y = 2.0;
    double gx = 0, gy = 0;
    check_ulps("max: grad returns f", r_max_grad(x, y, &gx, &gy), r_max(x, y));
    check_close("max d/dx(1.0, 2.0) formula", gx, (x > y ? 1.0 : 0.0), 1e-13, 1e-300);
    check_close("max d/dy(1.0, 2.0) formula", gy, (x > y ? 0.0 : 1.0), 1e-13, 1e-300);
    check_close("max d/dx(1.0, 2.0) FD", gx, fd_scalar([y](double v) { return r_max(v, y); }, x), 1e-6, 1e-9);
    check_close("max d/dy(1.0, 2.0) FD", gy, fd_scalar([x](double v) { return r_max(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 3.0, y = -1.0;
    double gx = 0, gy = 0;
    check_ulps("max: grad returns f", r_max_grad(x, y, &gx, &gy), r_max(x, y));
    check_close("max d/dx(3.0, -1.0) formula", gx, (x > y ? 1.0 : 0.0), 1e-13, 1e-300);
    check_close("max d/dy(3.0, -1.0) formula", gy, (x > y ? 0.0 : 1.0), 1e-13, 1e-300);
    check_close("max d/dx(3.0, -1.0) FD", gx, fd_scalar([y](double v) { return r_max(v, y); }, x), 1e-6, 1e-9);
    check_close("max d/dy(3.0, -1.0) FD", gy, fd_scalar([x](double v) { return r_max(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = -1.5;
    double g = 0;
    r_powi_grad(x, &g);
    check_close("powi'(-1.5) formula", g, 3 * x * x, 1e-13, 1e-300);
  }
  {
    const double x = 0.5;
    double g = 0;
    r_powi_grad(x, &g);
    check_close("powi'(0.5) formula", g, 3 * x * x, 1e-13, 1e-300);
  }
  {
    const double x = -1.5;
    double g = 0;
    r_pow2d_grad(x, &g);
    check_close("pow2d'(-1.5) formula", g, 2 * x, 1e-13, 1e-300);
  }
  {
    const double x = 0.5;
    double g = 0;
    r_pow2d_grad(x, &g);
    check_close("pow2d'(0.5) formula", g, 2 * x, 1e-13, 1e-300);
  }
  {
    const double x = -1.5;
    double g = 0;
    r_powc_grad(x, &g);
    check_close("powc'(-1.5) formula", g, std::pow(2.5, x) * std::log(2.5), 1e-13, 1e-300);
  }
  {
    const double x = 0.5;
    double g = 0;
    r_powc_grad(x, &g);
    check_close("powc'(0.5) formula", g, std::pow(2.5, x) * std::log(2.5), 1e-13, 1e-300);
  }
  return finish();
}
#endif
