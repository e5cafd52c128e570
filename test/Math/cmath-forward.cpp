// Every elementary function of the contract's cmath list, std::-qualified,
// in forward mode (f_fwd): derivatives checked against the
// hand-written formulas (tight) and against central differences.
// Non-smooth functions are checked away from their kinks here; see
// nonsmooth.cpp for the kinks.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not='_pullback(' --implicit-check-not='_grad('
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <algorithm>
#include <cmath>
#include <cstdlib>

ADGEN_FORWARD() double t_exp(double x) { return std::exp(x); }
// CHECK-LABEL: adgen::Dual<double> t_exp_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_exp2(double x) { return std::exp2(x); }
// CHECK-LABEL: adgen::Dual<double> t_exp2_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_expm1(double x) { return std::expm1(x); }
// CHECK-LABEL: adgen::Dual<double> t_expm1_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_log(double x) { return std::log(x); }
// CHECK-LABEL: adgen::Dual<double> t_log_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_log2(double x) { return std::log2(x); }
// CHECK-LABEL: adgen::Dual<double> t_log2_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_log10(double x) { return std::log10(x); }
// CHECK-LABEL: adgen::Dual<double> t_log10_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_log1p(double x) { return std::log1p(x); }
// CHECK-LABEL: adgen::Dual<double> t_log1p_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_sqrt(double x) { return std::sqrt(x); }
// CHECK-LABEL: adgen::Dual<double> t_sqrt_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_cbrt(double x) { return std::cbrt(x); }
// CHECK-LABEL: adgen::Dual<double> t_cbrt_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_sin(double x) { return std::sin(x); }
// CHECK-LABEL: adgen::Dual<double> t_sin_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_cos(double x) { return std::cos(x); }
// CHECK-LABEL: adgen::Dual<double> t_cos_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_tan(double x) { return std::tan(x); }
// CHECK-LABEL: adgen::Dual<double> t_tan_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_asin(double x) { return std::asin(x); }
// CHECK-LABEL: adgen::Dual<double> t_asin_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_acos(double x) { return std::acos(x); }
// CHECK-LABEL: adgen::Dual<double> t_acos_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_atan(double x) { return std::atan(x); }
// CHECK-LABEL: adgen::Dual<double> t_atan_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_sinh(double x) { return std::sinh(x); }
// CHECK-LABEL: adgen::Dual<double> t_sinh_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_cosh(double x) { return std::cosh(x); }
// CHECK-LABEL: adgen::Dual<double> t_cosh_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_tanh(double x) { return std::tanh(x); }
// CHECK-LABEL: adgen::Dual<double> t_tanh_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_asinh(double x) { return std::asinh(x); }
// CHECK-LABEL: adgen::Dual<double> t_asinh_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_acosh(double x) { return std::acosh(x); }
// CHECK-LABEL: adgen::Dual<double> t_acosh_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_atanh(double x) { return std::atanh(x); }
// CHECK-LABEL: adgen::Dual<double> t_atanh_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_erf(double x) { return std::erf(x); }
// CHECK-LABEL: adgen::Dual<double> t_erf_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_erfc(double x) { return std::erfc(x); }
// CHECK-LABEL: adgen::Dual<double> t_erfc_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_lgamma(double x) { return std::lgamma(x); }
// CHECK-LABEL: adgen::Dual<double> t_lgamma_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_fabs(double x) { return std::fabs(x); }
// CHECK-LABEL: adgen::Dual<double> t_fabs_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_abs(double x) { return std::abs(x); }
// CHECK-LABEL: adgen::Dual<double> t_abs_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_floor(double x) { return std::floor(x); }
// CHECK-LABEL: adgen::Dual<double> t_floor_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_ceil(double x) { return std::ceil(x); }
// CHECK-LABEL: adgen::Dual<double> t_ceil_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_round(double x) { return std::round(x); }
// CHECK-LABEL: adgen::Dual<double> t_round_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_trunc(double x) { return std::trunc(x); }
// CHECK-LABEL: adgen::Dual<double> t_trunc_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_pow(double x, double y) { return std::pow(x, y); }
// CHECK-LABEL: adgen::Dual<double> t_pow_fwd(double x, double y, double d_x, double d_y) {
ADGEN_FORWARD() double t_hypot(double x, double y) { return std::hypot(x, y); }
// CHECK-LABEL: adgen::Dual<double> t_hypot_fwd(double x, double y, double d_x, double d_y) {
ADGEN_FORWARD() double t_atan2(double x, double y) { return std::atan2(x, y); }
// CHECK-LABEL: adgen::Dual<double> t_atan2_fwd(double x, double y, double d_x, double d_y) {
ADGEN_FORWARD() double t_fmin(double x, double y) { return std::fmin(x, y); }
// CHECK-LABEL: adgen::Dual<double> t_fmin_fwd(double x, double y, double d_x, double d_y) {
ADGEN_FORWARD() double t_fmax(double x, double y) { return std::fmax(x, y); }
// CHECK-LABEL: adgen::Dual<double> t_fmax_fwd(double x, double y, double d_x, double d_y) {
ADGEN_FORWARD() double t_fmod(double x, double y) { return std::fmod(x, y); }
// CHECK-LABEL: adgen::Dual<double> t_fmod_fwd(double x, double y, double d_x, double d_y) {
ADGEN_FORWARD() double t_copysign(double x, double y) { return std::copysign(x, y); }
// CHECK-LABEL: adgen::Dual<double> t_copysign_fwd(double x, double y, double d_x, double d_y) {
ADGEN_FORWARD() double t_min(double x, double y) { return std::min(x, y); }
// CHECK-LABEL: adgen::Dual<double> t_min_fwd(double x, double y, double d_x, double d_y) {
ADGEN_FORWARD() double t_max(double x, double y) { return std::max(x, y); }
// CHECK-LABEL: adgen::Dual<double> t_max_fwd(double x, double y, double d_x, double d_y) {
ADGEN_FORWARD() double t_powi(double x) { return std::pow(x, 3); }
// CHECK-LABEL: adgen::Dual<double> t_powi_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_pow2d(double x) { return std::pow(x, 2.0); }
// CHECK-LABEL: adgen::Dual<double> t_pow2d_fwd(double x, double d_x) {
ADGEN_FORWARD() double t_powc(double x) { return std::pow(2.5, x); }
// CHECK-LABEL: adgen::Dual<double> t_powc_fwd(double x, double d_x) {

#ifdef ADGEN_TEST_DRIVER
adgen::Dual<double> t_exp_fwd(double x, double d_x);
adgen::Dual<double> t_exp2_fwd(double x, double d_x);
adgen::Dual<double> t_expm1_fwd(double x, double d_x);
adgen::Dual<double> t_log_fwd(double x, double d_x);
adgen::Dual<double> t_log2_fwd(double x, double d_x);
adgen::Dual<double> t_log10_fwd(double x, double d_x);
adgen::Dual<double> t_log1p_fwd(double x, double d_x);
adgen::Dual<double> t_sqrt_fwd(double x, double d_x);
adgen::Dual<double> t_cbrt_fwd(double x, double d_x);
adgen::Dual<double> t_sin_fwd(double x, double d_x);
adgen::Dual<double> t_cos_fwd(double x, double d_x);
adgen::Dual<double> t_tan_fwd(double x, double d_x);
adgen::Dual<double> t_asin_fwd(double x, double d_x);
adgen::Dual<double> t_acos_fwd(double x, double d_x);
adgen::Dual<double> t_atan_fwd(double x, double d_x);
adgen::Dual<double> t_sinh_fwd(double x, double d_x);
adgen::Dual<double> t_cosh_fwd(double x, double d_x);
adgen::Dual<double> t_tanh_fwd(double x, double d_x);
adgen::Dual<double> t_asinh_fwd(double x, double d_x);
adgen::Dual<double> t_acosh_fwd(double x, double d_x);
adgen::Dual<double> t_atanh_fwd(double x, double d_x);
adgen::Dual<double> t_erf_fwd(double x, double d_x);
adgen::Dual<double> t_erfc_fwd(double x, double d_x);
adgen::Dual<double> t_lgamma_fwd(double x, double d_x);
adgen::Dual<double> t_fabs_fwd(double x, double d_x);
adgen::Dual<double> t_abs_fwd(double x, double d_x);
adgen::Dual<double> t_floor_fwd(double x, double d_x);
adgen::Dual<double> t_ceil_fwd(double x, double d_x);
adgen::Dual<double> t_round_fwd(double x, double d_x);
adgen::Dual<double> t_trunc_fwd(double x, double d_x);
adgen::Dual<double> t_pow_fwd(double x, double y, double d_x, double d_y);
adgen::Dual<double> t_hypot_fwd(double x, double y, double d_x, double d_y);
adgen::Dual<double> t_atan2_fwd(double x, double y, double d_x, double d_y);
adgen::Dual<double> t_fmin_fwd(double x, double y, double d_x, double d_y);
adgen::Dual<double> t_fmax_fwd(double x, double y, double d_x, double d_y);
adgen::Dual<double> t_fmod_fwd(double x, double y, double d_x, double d_y);
adgen::Dual<double> t_copysign_fwd(double x, double y, double d_x, double d_y);
adgen::Dual<double> t_min_fwd(double x, double y, double d_x, double d_y);
adgen::Dual<double> t_max_fwd(double x, double y, double d_x, double d_y);
adgen::Dual<double> t_powi_fwd(double x, double d_x);
adgen::Dual<double> t_pow2d_fwd(double x, double d_x);
adgen::Dual<double> t_powc_fwd(double x, double d_x);
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
    adgen::Dual<double> t = t_exp_fwd(x, 1.0);
    check_ulps("exp: fwd value", t.value, t_exp(x));
    check_close("exp: fwd tangent scales", t_exp_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("exp'(-1.2) formula", t.tangent, std::exp(x), 1e-13, 1e-300);
    check_close("exp'(-1.2) FD", t.tangent, fd_scalar([](double v) { return t_exp(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.5;
    adgen::Dual<double> t = t_exp_fwd(x, 1.0);
    check_ulps("exp: fwd value", t.value, t_exp(x));
    check_close("exp: fwd tangent scales", t_exp_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("exp'(0.5) formula", t.tangent, std::exp(x), 1e-13, 1e-300);
    check_close("exp'(0.5) FD", t.tangent, fd_scalar([](double v) { return t_exp(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.0;
    adgen::Dual<double> t = t_exp_fwd(x, 1.0);
    check_ulps("exp: fwd value", t.value, t_exp(x));
    check_close("exp: fwd tangent scales", t_exp_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("exp'(2.0) formula", t.tangent, std::exp(x), 1e-13, 1e-300);
    check_close("exp'(2.0) FD", t.tangent, fd_scalar([](double v) { return t_exp(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.2;
    adgen::Dual<double> t = t_exp2_fwd(x, 1.0);
    check_ulps("exp2: fwd value", t.value, t_exp2(x));
    check_close("exp2: fwd tangent scales", t_exp2_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("exp2'(-1.2) formula", t.tangent, std::exp2(x) * std::log(2.0), 1e-13, 1e-300);
    check_close("exp2'(-1.2) FD", t.tangent, fd_scalar([](double v) { return t_exp2(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.5;
    adgen::Dual<double> t = t_exp2_fwd(x, 1.0);
    check_ulps("exp2: fwd value", t.value, t_exp2(x));
    check_close("exp2: fwd tangent scales", t_exp2_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("exp2'(0.5) formula", t.tangent, std::exp2(x) * std::log(2.0), 1e-13, 1e-300);
    check_close("exp2'(0.5) FD", t.tangent, fd_scalar([](double v) { return t_exp2(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.0;
    adgen::Dual<double> t = t_exp2_fwd(x, 1.0);
    check_ulps("exp2: fwd value", t.value, t_exp2(x));
    check_close("exp2: fwd tangent scales", t_exp2_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("exp2'(2.0) formula", t.tangent, std::exp2(x) * std::log(2.0), 1e-13, 1e-300);
    check_close("exp2'(2.0) FD", t.tangent, fd_scalar([](double v) { return t_exp2(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.2;
    adgen::Dual<double> t = t_expm1_fwd(x, 1.0);
    check_ulps("expm1: fwd value", t.value, t_expm1(x));
    check_close("expm1: fwd tangent scales", t_expm1_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("expm1'(-1.2) formula", t.tangent, std::exp(x), 1e-13, 1e-300);
    check_close("expm1'(-1.2) FD", t.tangent, fd_scalar([](double v) { return t_expm1(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1e-3;
    adgen::Dual<double> t = t_expm1_fwd(x, 1.0);
    check_ulps("expm1: fwd value", t.value, t_expm1(x));
    check_close("expm1: fwd tangent scales", t_expm1_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("expm1'(1e-3) formula", t.tangent, std::exp(x), 1e-13, 1e-300);
    check_close("expm1'(1e-3) FD", t.tangent, fd_scalar([](double v) { return t_expm1(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.0;
    adgen::Dual<double> t = t_expm1_fwd(x, 1.0);
    check_ulps("expm1: fwd value", t.value, t_expm1(x));
    check_close("expm1: fwd tangent scales", t_expm1_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("expm1'(2.0) formula", t.tangent, std::exp(x), 1e-13, 1e-300);
    check_close("expm1'(2.0) FD", t.tangent, fd_scalar([](double v) { return t_expm1(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.3;
    adgen::Dual<double> t = t_log_fwd(x, 1.0);
    check_ulps("log: fwd value", t.value, t_log(x));
    check_close("log: fwd tangent scales", t_log_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("log'(0.3) formula", t.tangent, 1 / x, 1e-13, 1e-300);
    check_close("log'(0.3) FD", t.tangent, fd_scalar([](double v) { return t_log(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.5;
    adgen::Dual<double> t = t_log_fwd(x, 1.0);
    check_ulps("log: fwd value", t.value, t_log(x));
    check_close("log: fwd tangent scales", t_log_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("log'(2.5) formula", t.tangent, 1 / x, 1e-13, 1e-300);
    check_close("log'(2.5) FD", t.tangent, fd_scalar([](double v) { return t_log(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.3;
    adgen::Dual<double> t = t_log2_fwd(x, 1.0);
    check_ulps("log2: fwd value", t.value, t_log2(x));
    check_close("log2: fwd tangent scales", t_log2_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("log2'(0.3) formula", t.tangent, 1 / (x * std::log(2.0)), 1e-13, 1e-300);
    check_close("log2'(0.3) FD", t.tangent, fd_scalar([](double v) { return t_log2(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.5;
    adgen::Dual<double> t = t_log2_fwd(x, 1.0);
    check_ulps("log2: fwd value", t.value, t_log2(x));
    check_close("log2: fwd tangent scales", t_log2_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("log2'(2.5) formula", t.tangent, 1 / (x * std::log(2.0)), 1e-13, 1e-300);
    check_close("log2'(2.5) FD", t.tangent, fd_scalar([](double v) { return t_log2(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.3;
    adgen::Dual<double> t = t_log10_fwd(x, 1.0);
    check_ulps("log10: fwd value", t.value, t_log10(x));
    check_close("log10: fwd tangent scales", t_log10_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("log10'(0.3) formula", t.tangent, 1 / (x * std::log(10.0)), 1e-13, 1e-300);
    check_close("log10'(0.3) FD", t.tangent, fd_scalar([](double v) { return t_log10(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.5;
    adgen::Dual<double> t = t_log10_fwd(x, 1.0);
    check_ulps("log10: fwd value", t.value, t_log10(x));
    check_close("log10: fwd tangent scales", t_log10_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("log10'(2.5) formula", t.tangent, 1 / (x * std::log(10.0)), 1e-13, 1e-300);
    check_close("log10'(2.5) FD", t.tangent, fd_scalar([](double v) { return t_log10(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -0.5;
    adgen::Dual<double> t = t_log1p_fwd(x, 1.0);
    check_ulps("log1p: fwd value", t.value, t_log1p(x));
    check_close("log1p: fwd tangent scales", t_log1p_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("log1p'(-0.5) formula", t.tangent, 1 / (1 + x), 1e-13, 1e-300);
    check_close("log1p'(-0.5) FD", t.tangent, fd_scalar([](double v) { return t_log1p(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1e-3;
    adgen::Dual<double> t = t_log1p_fwd(x, 1.0);
    check_ulps("log1p: fwd value", t.value, t_log1p(x));
    check_close("log1p: fwd tangent scales", t_log1p_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("log1p'(1e-3) formula", t.tangent, 1 / (1 + x), 1e-13, 1e-300);
    check_close("log1p'(1e-3) FD", t.tangent, fd_scalar([](double v) { return t_log1p(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 4.0;
    adgen::Dual<double> t = t_log1p_fwd(x, 1.0);
    check_ulps("log1p: fwd value", t.value, t_log1p(x));
    check_close("log1p: fwd tangent scales", t_log1p_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("log1p'(4.0) formula", t.tangent, 1 / (1 + x), 1e-13, 1e-300);
    check_close("log1p'(4.0) FD", t.tangent, fd_scalar([](double v) { return t_log1p(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.2;
    adgen::Dual<double> t = t_sqrt_fwd(x, 1.0);
    check_ulps("sqrt: fwd value", t.value, t_sqrt(x));
    check_close("sqrt: fwd tangent scales", t_sqrt_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("sqrt'(0.2) formula", t.tangent, 0.5 / std::sqrt(x), 1e-13, 1e-300);
    check_close("sqrt'(0.2) FD", t.tangent, fd_scalar([](double v) { return t_sqrt(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 3.0;
    adgen::Dual<double> t = t_sqrt_fwd(x, 1.0);
    check_ulps("sqrt: fwd value", t.value, t_sqrt(x));
    check_close("sqrt: fwd tangent scales", t_sqrt_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("sqrt'(3.0) formula", t.tangent, 0.5 / std::sqrt(x), 1e-13, 1e-300);
    check_close("sqrt'(3.0) FD", t.tangent, fd_scalar([](double v) { return t_sqrt(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -2.0;
    adgen::Dual<double> t = t_cbrt_fwd(x, 1.0);
    check_ulps("cbrt: fwd value", t.value, t_cbrt(x));
    check_close("cbrt: fwd tangent scales", t_cbrt_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("cbrt'(-2.0) formula", t.tangent, 1 / (3 * std::cbrt(x) * std::cbrt(x)), 1e-13, 1e-300);
    check_close("cbrt'(-2.0) FD", t.tangent, fd_scalar([](double v) { return t_cbrt(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.5;
    adgen::Dual<double> t = t_cbrt_fwd(x, 1.0);
    check_ulps("cbrt: fwd value", t.value, t_cbrt(x));
    check_close("cbrt: fwd tangent scales", t_cbrt_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("cbrt'(0.5) formula", t.tangent, 1 / (3 * std::cbrt(x) * std::cbrt(x)), 1e-13, 1e-300);
    check_close("cbrt'(0.5) FD", t.tangent, fd_scalar([](double v) { return t_cbrt(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 8.0;
    adgen::Dual<double> t = t_cbrt_fwd(x, 1.0);
    check_ulps("cbrt: fwd value", t.value, t_cbrt(x));
    check_close("cbrt: fwd tangent scales", t_cbrt_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("cbrt'(8.0) formula", t.tangent, 1 / (3 * std::cbrt(x) * std::cbrt(x)), 1e-13, 1e-300);
    check_close("cbrt'(8.0) FD", t.tangent, fd_scalar([](double v) { return t_cbrt(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.1;
    adgen::Dual<double> t = t_sin_fwd(x, 1.0);
    check_ulps("sin: fwd value", t.value, t_sin(x));
    check_close("sin: fwd tangent scales", t_sin_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("sin'(-1.1) formula", t.tangent, std::cos(x), 1e-13, 1e-300);
    check_close("sin'(-1.1) FD", t.tangent, fd_scalar([](double v) { return t_sin(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.4;
    adgen::Dual<double> t = t_sin_fwd(x, 1.0);
    check_ulps("sin: fwd value", t.value, t_sin(x));
    check_close("sin: fwd tangent scales", t_sin_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("sin'(0.4) formula", t.tangent, std::cos(x), 1e-13, 1e-300);
    check_close("sin'(0.4) FD", t.tangent, fd_scalar([](double v) { return t_sin(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1.3;
    adgen::Dual<double> t = t_sin_fwd(x, 1.0);
    check_ulps("sin: fwd value", t.value, t_sin(x));
    check_close("sin: fwd tangent scales", t_sin_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("sin'(1.3) formula", t.tangent, std::cos(x), 1e-13, 1e-300);
    check_close("sin'(1.3) FD", t.tangent, fd_scalar([](double v) { return t_sin(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.1;
    adgen::Dual<double> t = t_cos_fwd(x, 1.0);
    check_ulps("cos: fwd value", t.value, t_cos(x));
    check_close("cos: fwd tangent scales", t_cos_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("cos'(-1.1) formula", t.tangent, -std::sin(x), 1e-13, 1e-300);
    check_close("cos'(-1.1) FD", t.tangent, fd_scalar([](double v) { return t_cos(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.4;
    adgen::Dual<double> t = t_cos_fwd(x, 1.0);
    check_ulps("cos: fwd value", t.value, t_cos(x));
    check_close("cos: fwd tangent scales", t_cos_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("cos'(0.4) formula", t.tangent, -std::sin(x), 1e-13, 1e-300);
    check_close("cos'(0.4) FD", t.tangent, fd_scalar([](double v) { return t_cos(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1.3;
    adgen::Dual<double> t = t_cos_fwd(x, 1.0);
    check_ulps("cos: fwd value", t.value, t_cos(x));
    check_close("cos: fwd tangent scales", t_cos_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("cos'(1.3) formula", t.tangent, -std::sin(x), 1e-13, 1e-300);
    check_close("cos'(1.3) FD", t.tangent, fd_scalar([](double v) { return t_cos(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.1;
    adgen::Dual<double> t = t_tan_fwd(x, 1.0);
    check_ulps("tan: fwd value", t.value, t_tan(x));
    check_close("tan: fwd tangent scales", t_tan_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("tan'(-1.1) formula", t.tangent, 1 / (std::cos(x) * std::cos(x)), 1e-13, 1e-300);
    check_close("tan'(-1.1) FD", t.tangent, fd_scalar([](double v) { return t_tan(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.4;
    adgen::Dual<double> t = t_tan_fwd(x, 1.0);
    check_ulps("tan: fwd value", t.value, t_tan(x));
    check_close("tan: fwd tangent scales", t_tan_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("tan'(0.4) formula", t.tangent, 1 / (std::cos(x) * std::cos(x)), 1e-13, 1e-300);
    check_close("tan'(0.4) FD", t.tangent, fd_scalar([](double v) { return t_tan(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1.3;
    adgen::Dual<double> t = t_tan_fwd(x, 1.0);
    check_ulps("tan: fwd value", t.value, t_tan(x));
    check_close("tan: fwd tangent scales", t_tan_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("tan'(1.3) formula", t.tangent, 1 / (std::cos(x) * std::cos(x)), 1e-13, 1e-300);
    check_close("tan'(1.3) FD", t.tangent, fd_scalar([](double v) { return t_tan(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -0.7;
    adgen::Dual<double> t = t_asin_fwd(x, 1.0);
    check_ulps("asin: fwd value", t.value, t_asin(x));
    check_close("asin: fwd tangent scales", t_asin_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("asin'(-0.7) formula", t.tangent, 1 / std::sqrt(1 - x * x), 1e-13, 1e-300);
    check_close("asin'(-0.7) FD", t.tangent, fd_scalar([](double v) { return t_asin(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.2;
    adgen::Dual<double> t = t_asin_fwd(x, 1.0);
    check_ulps("asin: fwd value", t.value, t_asin(x));
    check_close("asin: fwd tangent scales", t_asin_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("asin'(0.2) formula", t.tangent, 1 / std::sqrt(1 - x * x), 1e-13, 1e-300);
    check_close("asin'(0.2) FD", t.tangent, fd_scalar([](double v) { return t_asin(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.9;
    adgen::Dual<double> t = t_asin_fwd(x, 1.0);
    check_ulps("asin: fwd value", t.value, t_asin(x));
    check_close("asin: fwd tangent scales", t_asin_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("asin'(0.9) formula", t.tangent, 1 / std::sqrt(1 - x * x), 1e-13, 1e-300);
    check_close("asin'(0.9) FD", t.tangent, fd_scalar([](double v) { return t_asin(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -0.7;
    adgen::Dual<double> t = t_acos_fwd(x, 1.0);
    check_ulps("acos: fwd value", t.value, t_acos(x));
    check_close("acos: fwd tangent scales", t_acos_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("acos'(-0.7) formula", t.tangent, -1 / std::sqrt(1 - x * x), 1e-13, 1e-300);
    check_close("acos'(-0.7) FD", t.tangent, fd_scalar([](double v) { return t_acos(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.2;
    adgen::Dual<double> t = t_acos_fwd(x, 1.0);
    check_ulps("acos: fwd value", t.value, t_acos(x));
    check_close("acos: fwd tangent scales", t_acos_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("acos'(0.2) formula", t.tangent, -1 / std::sqrt(1 - x * x), 1e-13, 1e-300);
    check_close("acos'(0.2) FD", t.tangent, fd_scalar([](double v) { return t_acos(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.9;
    adgen::Dual<double> t = t_acos_fwd(x, 1.0);
    check_ulps("acos: fwd value", t.value, t_acos(x));
    check_close("acos: fwd tangent scales", t_acos_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("acos'(0.9) formula", t.tangent, -1 / std::sqrt(1 - x * x), 1e-13, 1e-300);
    check_close("acos'(0.9) FD", t.tangent, fd_scalar([](double v) { return t_acos(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -3.0;
    adgen::Dual<double> t = t_atan_fwd(x, 1.0);
    check_ulps("atan: fwd value", t.value, t_atan(x));
    check_close("atan: fwd tangent scales", t_atan_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("atan'(-3.0) formula", t.tangent, 1 / (1 + x * x), 1e-13, 1e-300);
    check_close("atan'(-3.0) FD", t.tangent, fd_scalar([](double v) { return t_atan(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.5;
    adgen::Dual<double> t = t_atan_fwd(x, 1.0);
    check_ulps("atan: fwd value", t.value, t_atan(x));
    check_close("atan: fwd tangent scales", t_atan_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("atan'(0.5) formula", t.tangent, 1 / (1 + x * x), 1e-13, 1e-300);
    check_close("atan'(0.5) FD", t.tangent, fd_scalar([](double v) { return t_atan(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.5;
    adgen::Dual<double> t = t_sinh_fwd(x, 1.0);
    check_ulps("sinh: fwd value", t.value, t_sinh(x));
    check_close("sinh: fwd tangent scales", t_sinh_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("sinh'(-1.5) formula", t.tangent, std::cosh(x), 1e-13, 1e-300);
    check_close("sinh'(-1.5) FD", t.tangent, fd_scalar([](double v) { return t_sinh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.3;
    adgen::Dual<double> t = t_sinh_fwd(x, 1.0);
    check_ulps("sinh: fwd value", t.value, t_sinh(x));
    check_close("sinh: fwd tangent scales", t_sinh_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("sinh'(0.3) formula", t.tangent, std::cosh(x), 1e-13, 1e-300);
    check_close("sinh'(0.3) FD", t.tangent, fd_scalar([](double v) { return t_sinh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.0;
    adgen::Dual<double> t = t_sinh_fwd(x, 1.0);
    check_ulps("sinh: fwd value", t.value, t_sinh(x));
    check_close("sinh: fwd tangent scales", t_sinh_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("sinh'(2.0) formula", t.tangent, std::cosh(x), 1e-13, 1e-300);
    check_close("sinh'(2.0) FD", t.tangent, fd_scalar([](double v) { return t_sinh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.5;
    adgen::Dual<double> t = t_cosh_fwd(x, 1.0);
    check_ulps("cosh: fwd value", t.value, t_cosh(x));
    check_close("cosh: fwd tangent scales", t_cosh_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("cosh'(-1.5) formula", t.tangent, std::sinh(x), 1e-13, 1e-300);
    check_close("cosh'(-1.5) FD", t.tangent, fd_scalar([](double v) { return t_cosh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.3;
    adgen::Dual<double> t = t_cosh_fwd(x, 1.0);
    check_ulps("cosh: fwd value", t.value, t_cosh(x));
    check_close("cosh: fwd tangent scales", t_cosh_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("cosh'(0.3) formula", t.tangent, std::sinh(x), 1e-13, 1e-300);
    check_close("cosh'(0.3) FD", t.tangent, fd_scalar([](double v) { return t_cosh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.0;
    adgen::Dual<double> t = t_cosh_fwd(x, 1.0);
    check_ulps("cosh: fwd value", t.value, t_cosh(x));
    check_close("cosh: fwd tangent scales", t_cosh_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("cosh'(2.0) formula", t.tangent, std::sinh(x), 1e-13, 1e-300);
    check_close("cosh'(2.0) FD", t.tangent, fd_scalar([](double v) { return t_cosh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.5;
    adgen::Dual<double> t = t_tanh_fwd(x, 1.0);
    check_ulps("tanh: fwd value", t.value, t_tanh(x));
    check_close("tanh: fwd tangent scales", t_tanh_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("tanh'(-1.5) formula", t.tangent, 1 - std::tanh(x) * std::tanh(x), 1e-13, 1e-300);
    check_close("tanh'(-1.5) FD", t.tangent, fd_scalar([](double v) { return t_tanh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.3;
    adgen::Dual<double> t = t_tanh_fwd(x, 1.0);
    check_ulps("tanh: fwd value", t.value, t_tanh(x));
    check_close("tanh: fwd tangent scales", t_tanh_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("tanh'(0.3) formula", t.tangent, 1 - std::tanh(x) * std::tanh(x), 1e-13, 1e-300);
    check_close("tanh'(0.3) FD", t.tangent, fd_scalar([](double v) { return t_tanh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.0;
    adgen::Dual<double> t = t_tanh_fwd(x, 1.0);
    check_ulps("tanh: fwd value", t.value, t_tanh(x));
    check_close("tanh: fwd tangent scales", t_tanh_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("tanh'(2.0) formula", t.tangent, 1 - std::tanh(x) * std::tanh(x), 1e-13, 1e-300);
    check_close("tanh'(2.0) FD", t.tangent, fd_scalar([](double v) { return t_tanh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -2.0;
    adgen::Dual<double> t = t_asinh_fwd(x, 1.0);
    check_ulps("asinh: fwd value", t.value, t_asinh(x));
    check_close("asinh: fwd tangent scales", t_asinh_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("asinh'(-2.0) formula", t.tangent, 1 / std::sqrt(x * x + 1), 1e-13, 1e-300);
    check_close("asinh'(-2.0) FD", t.tangent, fd_scalar([](double v) { return t_asinh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.5;
    adgen::Dual<double> t = t_asinh_fwd(x, 1.0);
    check_ulps("asinh: fwd value", t.value, t_asinh(x));
    check_close("asinh: fwd tangent scales", t_asinh_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("asinh'(0.5) formula", t.tangent, 1 / std::sqrt(x * x + 1), 1e-13, 1e-300);
    check_close("asinh'(0.5) FD", t.tangent, fd_scalar([](double v) { return t_asinh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1.2;
    adgen::Dual<double> t = t_acosh_fwd(x, 1.0);
    check_ulps("acosh: fwd value", t.value, t_acosh(x));
    check_close("acosh: fwd tangent scales", t_acosh_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("acosh'(1.2) formula", t.tangent, 1 / std::sqrt(x * x - 1), 1e-13, 1e-300);
    check_close("acosh'(1.2) FD", t.tangent, fd_scalar([](double v) { return t_acosh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 3.0;
    adgen::Dual<double> t = t_acosh_fwd(x, 1.0);
    check_ulps("acosh: fwd value", t.value, t_acosh(x));
    check_close("acosh: fwd tangent scales", t_acosh_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("acosh'(3.0) formula", t.tangent, 1 / std::sqrt(x * x - 1), 1e-13, 1e-300);
    check_close("acosh'(3.0) FD", t.tangent, fd_scalar([](double v) { return t_acosh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -0.6;
    adgen::Dual<double> t = t_atanh_fwd(x, 1.0);
    check_ulps("atanh: fwd value", t.value, t_atanh(x));
    check_close("atanh: fwd tangent scales", t_atanh_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("atanh'(-0.6) formula", t.tangent, 1 / (1 - x * x), 1e-13, 1e-300);
    check_close("atanh'(-0.6) FD", t.tangent, fd_scalar([](double v) { return t_atanh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.3;
    adgen::Dual<double> t = t_atanh_fwd(x, 1.0);
    check_ulps("atanh: fwd value", t.value, t_atanh(x));
    check_close("atanh: fwd tangent scales", t_atanh_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("atanh'(0.3) formula", t.tangent, 1 / (1 - x * x), 1e-13, 1e-300);
    check_close("atanh'(0.3) FD", t.tangent, fd_scalar([](double v) { return t_atanh(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.2;
    adgen::Dual<double> t = t_erf_fwd(x, 1.0);
    check_ulps("erf: fwd value", t.value, t_erf(x));
    check_close("erf: fwd tangent scales", t_erf_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("erf'(-1.2) formula", t.tangent, 2 / std::sqrt(M_PI_) * std::exp(-x * x), 1e-13, 1e-300);
    check_close("erf'(-1.2) FD", t.tangent, fd_scalar([](double v) { return t_erf(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.1;
    adgen::Dual<double> t = t_erf_fwd(x, 1.0);
    check_ulps("erf: fwd value", t.value, t_erf(x));
    check_close("erf: fwd tangent scales", t_erf_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("erf'(0.1) formula", t.tangent, 2 / std::sqrt(M_PI_) * std::exp(-x * x), 1e-13, 1e-300);
    check_close("erf'(0.1) FD", t.tangent, fd_scalar([](double v) { return t_erf(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.8;
    adgen::Dual<double> t = t_erf_fwd(x, 1.0);
    check_ulps("erf: fwd value", t.value, t_erf(x));
    check_close("erf: fwd tangent scales", t_erf_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("erf'(0.8) formula", t.tangent, 2 / std::sqrt(M_PI_) * std::exp(-x * x), 1e-13, 1e-300);
    check_close("erf'(0.8) FD", t.tangent, fd_scalar([](double v) { return t_erf(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.2;
    adgen::Dual<double> t = t_erfc_fwd(x, 1.0);
    check_ulps("erfc: fwd value", t.value, t_erfc(x));
    check_close("erfc: fwd tangent scales", t_erfc_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("erfc'(-1.2) formula", t.tangent, -2 / std::sqrt(M_PI_) * std::exp(-x * x), 1e-13, 1e-300);
    check_close("erfc'(-1.2) FD", t.tangent, fd_scalar([](double v) { return t_erfc(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.1;
    adgen::Dual<double> t = t_erfc_fwd(x, 1.0);
    check_ulps("erfc: fwd value", t.value, t_erfc(x));
    check_close("erfc: fwd tangent scales", t_erfc_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("erfc'(0.1) formula", t.tangent, -2 / std::sqrt(M_PI_) * std::exp(-x * x), 1e-13, 1e-300);
    check_close("erfc'(0.1) FD", t.tangent, fd_scalar([](double v) { return t_erfc(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.8;
    adgen::Dual<double> t = t_erfc_fwd(x, 1.0);
    check_ulps("erfc: fwd value", t.value, t_erfc(x));
    check_close("erfc: fwd tangent scales", t_erfc_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("erfc'(0.8) formula", t.tangent, -2 / std::sqrt(M_PI_) * std::exp(-x * x), 1e-13, 1e-300);
    check_close("erfc'(0.8) FD", t.tangent, fd_scalar([](double v) { return t_erfc(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.5;
    adgen::Dual<double> t = t_lgamma_fwd(x, 1.0);
    check_ulps("lgamma: fwd value", t.value, t_lgamma(x));
    check_close("lgamma: fwd tangent scales", t_lgamma_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("lgamma'(0.5) formula", t.tangent, digamma(x), 1e-12, 1e-300);
    check_close("lgamma'(0.5) FD", t.tangent, fd_scalar([](double v) { return t_lgamma(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1.0;
    adgen::Dual<double> t = t_lgamma_fwd(x, 1.0);
    check_ulps("lgamma: fwd value", t.value, t_lgamma(x));
    check_close("lgamma: fwd tangent scales", t_lgamma_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("lgamma'(1.0) formula", t.tangent, digamma(x), 1e-12, 1e-300);
    check_close("lgamma'(1.0) FD", t.tangent, fd_scalar([](double v) { return t_lgamma(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1.5;
    adgen::Dual<double> t = t_lgamma_fwd(x, 1.0);
    check_ulps("lgamma: fwd value", t.value, t_lgamma(x));
    check_close("lgamma: fwd tangent scales", t_lgamma_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("lgamma'(1.5) formula", t.tangent, digamma(x), 1e-12, 1e-300);
    check_close("lgamma'(1.5) FD", t.tangent, fd_scalar([](double v) { return t_lgamma(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -0.5;
    adgen::Dual<double> t = t_lgamma_fwd(x, 1.0);
    check_ulps("lgamma: fwd value", t.value, t_lgamma(x));
    check_close("lgamma: fwd tangent scales", t_lgamma_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("lgamma'(-0.5) formula", t.tangent, digamma(x), 1e-12, 1e-300);
    check_close("lgamma'(-0.5) FD", t.tangent, fd_scalar([](double v) { return t_lgamma(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 3.7;
    adgen::Dual<double> t = t_lgamma_fwd(x, 1.0);
    check_ulps("lgamma: fwd value", t.value, t_lgamma(x));
    check_close("lgamma: fwd tangent scales", t_lgamma_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("lgamma'(3.7) FD", t.tangent, fd_scalar([](double v) { return t_lgamma(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.5;
    adgen::Dual<double> t = t_fabs_fwd(x, 1.0);
    check_ulps("fabs: fwd value", t.value, t_fabs(x));
    check_close("fabs: fwd tangent scales", t_fabs_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("fabs'(-1.5) formula", t.tangent, (x < 0 ? -1.0 : 1.0), 1e-13, 1e-300);
    check_close("fabs'(-1.5) FD", t.tangent, fd_scalar([](double v) { return t_fabs(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.7;
    adgen::Dual<double> t = t_fabs_fwd(x, 1.0);
    check_ulps("fabs: fwd value", t.value, t_fabs(x));
    check_close("fabs: fwd tangent scales", t_fabs_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("fabs'(0.7) formula", t.tangent, (x < 0 ? -1.0 : 1.0), 1e-13, 1e-300);
    check_close("fabs'(0.7) FD", t.tangent, fd_scalar([](double v) { return t_fabs(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.5;
    adgen::Dual<double> t = t_abs_fwd(x, 1.0);
    check_ulps("abs: fwd value", t.value, t_abs(x));
    check_close("abs: fwd tangent scales", t_abs_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("abs'(-1.5) formula", t.tangent, (x < 0 ? -1.0 : 1.0), 1e-13, 1e-300);
    check_close("abs'(-1.5) FD", t.tangent, fd_scalar([](double v) { return t_abs(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.7;
    adgen::Dual<double> t = t_abs_fwd(x, 1.0);
    check_ulps("abs: fwd value", t.value, t_abs(x));
    check_close("abs: fwd tangent scales", t_abs_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("abs'(0.7) formula", t.tangent, (x < 0 ? -1.0 : 1.0), 1e-13, 1e-300);
    check_close("abs'(0.7) FD", t.tangent, fd_scalar([](double v) { return t_abs(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.3;
    adgen::Dual<double> t = t_floor_fwd(x, 1.0);
    check_ulps("floor: fwd value", t.value, t_floor(x));
    check_close("floor: fwd tangent scales", t_floor_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("floor'(-1.3) formula", t.tangent, 0.0, 1e-13, 1e-300);
    check_close("floor'(-1.3) FD", t.tangent, fd_scalar([](double v) { return t_floor(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.4;
    adgen::Dual<double> t = t_floor_fwd(x, 1.0);
    check_ulps("floor: fwd value", t.value, t_floor(x));
    check_close("floor: fwd tangent scales", t_floor_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("floor'(0.4) formula", t.tangent, 0.0, 1e-13, 1e-300);
    check_close("floor'(0.4) FD", t.tangent, fd_scalar([](double v) { return t_floor(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.6;
    adgen::Dual<double> t = t_floor_fwd(x, 1.0);
    check_ulps("floor: fwd value", t.value, t_floor(x));
    check_close("floor: fwd tangent scales", t_floor_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("floor'(2.6) formula", t.tangent, 0.0, 1e-13, 1e-300);
    check_close("floor'(2.6) FD", t.tangent, fd_scalar([](double v) { return t_floor(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.3;
    adgen::Dual<double> t = t_ceil_fwd(x, 1.0);
    check_ulps("ceil: fwd value", t.value, t_ceil(x));
    check_close("ceil: fwd tangent scales", t_ceil_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("ceil'(-1.3) formula", t.tangent, 0.0, 1e-13, 1e-300);
    check_close("ceil'(-1.3) FD", t.tangent, fd_scalar([](double v) { return t_ceil(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.4;
    adgen::Dual<double> t = t_ceil_fwd(x, 1.0);
    check_ulps("ceil: fwd value", t.value, t_ceil(x));
    check_close("ceil: fwd tangent scales", t_ceil_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("ceil'(0.4) formula", t.tangent, 0.0, 1e-13, 1e-300);
    check_close("ceil'(0.4) FD", t.tangent, fd_scalar([](double v) { return t_ceil(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.6;
    adgen::Dual<double> t = t_ceil_fwd(x, 1.0);
    check_ulps("ceil: fwd value", t.value, t_ceil(x));
    check_close("ceil: fwd tangent scales", t_ceil_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("ceil'(2.6) formula", t.tangent, 0.0, 1e-13, 1e-300);
    check_close("ceil'(2.6) FD", t.tangent, fd_scalar([](double v) { return t_ceil(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.3;
    adgen::Dual<double> t = t_round_fwd(x, 1.0);
    check_ulps("round: fwd value", t.value, t_round(x));
    check_close("round: fwd tangent scales", t_round_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("round'(-1.3) formula", t.tangent, 0.0, 1e-13, 1e-300);
    check_close("round'(-1.3) FD", t.tangent, fd_scalar([](double v) { return t_round(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.4;
    adgen::Dual<double> t = t_round_fwd(x, 1.0);
    check_ulps("round: fwd value", t.value, t_round(x));
    check_close("round: fwd tangent scales", t_round_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("round'(0.4) formula", t.tangent, 0.0, 1e-13, 1e-300);
    check_close("round'(0.4) FD", t.tangent, fd_scalar([](double v) { return t_round(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.6;
    adgen::Dual<double> t = t_round_fwd(x, 1.0);
    check_ulps("round: fwd value", t.value, t_round(x));
    check_close("round: fwd tangent scales", t_round_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("round'(2.6) formula", t.tangent, 0.0, 1e-13, 1e-300);
    check_close("round'(2.6) FD", t.tangent, fd_scalar([](double v) { return t_round(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = -1.3;
    adgen::Dual<double> t = t_trunc_fwd(x, 1.0);
    check_ulps("trunc: fwd value", t.value, t_trunc(x));
    check_close("trunc: fwd tangent scales", t_trunc_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("trunc'(-1.3) formula", t.tangent, 0.0, 1e-13, 1e-300);
    check_close("trunc'(-1.3) FD", t.tangent, fd_scalar([](double v) { return t_trunc(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 0.4;
    adgen::Dual<double> t = t_trunc_fwd(x, 1.0);
    check_ulps("trunc: fwd value", t.value, t_trunc(x));
    check_close("trunc: fwd tangent scales", t_trunc_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("trunc'(0.4) formula", t.tangent, 0.0, 1e-13, 1e-300);
    check_close("trunc'(0.4) FD", t.tangent, fd_scalar([](double v) { return t_trunc(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 2.6;
    adgen::Dual<double> t = t_trunc_fwd(x, 1.0);
    check_ulps("trunc: fwd value", t.value, t_trunc(x));
    check_close("trunc: fwd tangent scales", t_trunc_fwd(x, -2.0).tangent, -2.0 * t.tangent, 1e-15, 0);
    check_close("trunc'(2.6) formula", t.tangent, 0.0, 1e-13, 1e-300);
    check_close("trunc'(2.6) FD", t.tangent, fd_scalar([](double v) { return t_trunc(v); }, x), 1e-6, 1e-9);
  }
  {
    const double x = 1.5, y = 2.3;
    adgen::Dual<double> tx = t_pow_fwd(x, y, 1.0, 0.0), ty = t_pow_fwd(x, y, 0.0, 1.0);
    check_ulps("pow: fwd value", tx.value, t_pow(x, y));
    check_close("pow d/dx(1.5, 2.3) formula", tx.tangent, y * std::pow(x, y - 1), 1e-13, 1e-300);
    check_close("pow d/dy(1.5, 2.3) formula", ty.tangent, std::pow(x, y) * std::log(x), 1e-13, 1e-300);
    check_close("pow d/dx(1.5, 2.3) FD", tx.tangent, fd_scalar([y](double v) { return t_pow(v, y); }, x), 1e-6, 1e-9);
    check_close("pow d/dy(1.5, 2.3) FD", ty.tangent, fd_scalar([x](double v) { return t_pow(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 0.7, y = -1.2;
    adgen::Dual<double> tx = t_pow_fwd(x, y, 1.0, 0.0), ty = t_pow_fwd(x, y, 0.0, 1.0);
    check_ulps("pow: fwd value", tx.value, t_pow(x, y));
    check_close("pow d/dx(0.7, -1.2) formula", tx.tangent, y * std::pow(x, y - 1), 1e-13, 1e-300);
    check_close("pow d/dy(0.7, -1.2) formula", ty.tangent, std::pow(x, y) * std::log(x), 1e-13, 1e-300);
    check_close("pow d/dx(0.7, -1.2) FD", tx.tangent, fd_scalar([y](double v) { return t_pow(v, y); }, x), 1e-6, 1e-9);
    check_close("pow d/dy(0.7, -1.2) FD", ty.tangent, fd_scalar([x](double v) { return t_pow(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 2.0, y = 0.5;
    adgen::Dual<double> tx = t_pow_fwd(x, y, 1.0, 0.0), ty = t_pow_fwd(x, y, 0.0, 1.0);
    check_ulps("pow: fwd value", tx.value, t_pow(x, y));
    check_close("pow d/dx(2.0, 0.5) formula", tx.tangent, y * std::pow(x, y - 1), 1e-13, 1e-300);
    check_close("pow d/dy(2.0, 0.5) formula", ty.tangent, std::pow(x, y) * std::log(x), 1e-13, 1e-300);
    check_close("pow d/dx(2.0, 0.5) FD", tx.tangent, fd_scalar([y](double v) { return t_pow(v, y); }, x), 1e-6, 1e-9);
    check_close("pow d/dy(2.0, 0.5) FD", ty.tangent, fd_scalar([x](double v) { return t_pow(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 3.0, y = 4.0;
    adgen::Dual<double> tx = t_hypot_fwd(x, y, 1.0, 0.0), ty = t_hypot_fwd(x, y, 0.0, 1.0);
    check_ulps("hypot: fwd value", tx.value, t_hypot(x, y));
    check_close("hypot d/dx(3.0, 4.0) formula", tx.tangent, x / std::hypot(x, y), 1e-13, 1e-300);
    check_close("hypot d/dy(3.0, 4.0) formula", ty.tangent, y / std::hypot(x, y), 1e-13, 1e-300);
    check_close("hypot d/dx(3.0, 4.0) FD", tx.tangent, fd_scalar([y](double v) { return t_hypot(v, y); }, x), 1e-6, 1e-9);
    check_close("hypot d/dy(3.0, 4.0) FD", ty.tangent, fd_scalar([x](double v) { return t_hypot(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = -1.0, y = 0.5;
    adgen::Dual<double> tx = t_hypot_fwd(x, y, 1.0, 0.0), ty = t_hypot_fwd(x, y, 0.0, 1.0);
    check_ulps("hypot: fwd value", tx.value, t_hypot(x, y));
    check_close("hypot d/dx(-1.0, 0.5) formula", tx.tangent, x / std::hypot(x, y), 1e-13, 1e-300);
    check_close("hypot d/dy(-1.0, 0.5) formula", ty.tangent, y / std::hypot(x, y), 1e-13, 1e-300);
    check_close("hypot d/dx(-1.0, 0.5) FD", tx.tangent, fd_scalar([y](double v) { return t_hypot(v, y); }, x), 1e-6, 1e-9);
    check_close("hypot d/dy(-1.0, 0.5) FD", ty.tangent, fd_scalar([x](double v) { return t_hypot(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 0.5, y = -1.0;
    adgen::Dual<double> tx = t_atan2_fwd(x, y, 1.0, 0.0), ty = t_atan2_fwd(x, y, 0.0, 1.0);
    check_ulps("atan2: fwd value", tx.value, t_atan2(x, y));
    check_close("atan2 d/dx(0.5, -1.0) formula", tx.tangent, y / (x * x + y * y), 1e-13, 1e-300);
    check_close("atan2 d/dy(0.5, -1.0) formula", ty.tangent, -x / (x * x + y * y), 1e-13, 1e-300);
    check_close("atan2 d/dx(0.5, -1.0) FD", tx.tangent, fd_scalar([y](double v) { return t_atan2(v, y); }, x), 1e-6, 1e-9);
    check_close("atan2 d/dy(0.5, -1.0) FD", ty.tangent, fd_scalar([x](double v) { return t_atan2(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = -2.0, y = 0.3;
    adgen::Dual<double> tx = t_atan2_fwd(x, y, 1.0, 0.0), ty = t_atan2_fwd(x, y, 0.0, 1.0);
    check_ulps("atan2: fwd value", tx.value, t_atan2(x, y));
    check_close("atan2 d/dx(-2.0, 0.3) formula", tx.tangent, y / (x * x + y * y), 1e-13, 1e-300);
    check_close("atan2 d/dy(-2.0, 0.3) formula", ty.tangent, -x / (x * x + y * y), 1e-13, 1e-300);
    check_close("atan2 d/dx(-2.0, 0.3) FD", tx.tangent, fd_scalar([y](double v) { return t_atan2(v, y); }, x), 1e-6, 1e-9);
    check_close("atan2 d/dy(-2.0, 0.3) FD", ty.tangent, fd_scalar([x](double v) { return t_atan2(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 1.0, y = 2.0;
    adgen::Dual<double> tx = t_atan2_fwd(x, y, 1.0, 0.0), ty = t_atan2_fwd(x, y, 0.0, 1.0);
    check_ulps("atan2: fwd value", tx.value, t_atan2(x, y));
    check_close("atan2 d/dx(1.0, 2.0) formula", tx.tangent, y / (x * x + y * y), 1e-13, 1e-300);
    check_close("atan2 d/dy(1.0, 2.0) formula", ty.tangent, -x / (x * x + y * y), 1e-13, 1e-300);
    check_close("atan2 d/dx(1.0, 2.0) FD", tx.tangent, fd_scalar([y](double v) { return t_atan2(v, y); }, x), 1e-6, 1e-9);
    check_close("atan2 d/dy(1.0, 2.0) FD", ty.tangent, fd_scalar([x](double v) { return t_atan2(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 1.0, y = 2.0;
    adgen::Dual<double> tx = t_fmin_fwd(x, y, 1.0, 0.0), ty = t_fmin_fwd(x, y, 0.0, 1.0);
    check_ulps("fmin: fwd value", tx.value, t_fmin(x, y));
    check_close("fmin d/dx(1.0, 2.0) formula", tx.tangent, (x < y ? 1.0 : 0.0), 1e-13, 1e-300);
    check_close("fmin d/dy(1.0, 2.0) formula", ty.tangent, (x < y ? 0.0 : 1.0), 1e-13, 1e-300);
    check_close("fmin d/dx(1.0, 2.0) FD", tx.tangent, fd_scalar([y](double v) { return t_fmin(v, y); }, x), 1e-6, 1e-9);
    check_close("fmin d/dy(1.0, 2.0) FD", ty.tangent, fd_scalar([x](double v) { return t_fmin(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 3.0, y = -1.0;
    adgen::Dual<double> tx = t_fmin_fwd(x, y, 1.0, 0.0), ty = t_fmin_fwd(x, y, 0.0, 1.0);
    check_ulps("fmin: fwd value", tx.value, t_fmin(x, y));
    check_close("fmin d/dx(3.0, -1.0) formula", tx.tangent, (x < y ? 1.0 : 0.0), 1e-13, 1e-300);
    check_close("fmin d/dy(3.0, -1.0) formula", ty.tangent, (x < y ? 0.0 : 1.0), 1e-13, 1e-300);
    check_close("fmin d/dx(3.0, -1.0) FD", tx.tangent, fd_scalar([y](double v) { return t_fmin(v, y); }, x), 1e-6, 1e-9);
    check_close("fmin d/dy(3.0, -1.0) FD", ty.tangent, fd_scalar([x](double v) { return t_fmin(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 1.0, y = 2.0;
    adgen::Dual<double> tx = t_fmax_fwd(x, y, 1.0, 0.0), ty = t_fmax_fwd(x, y, 0.0, 1.0);
    check_ulps("fmax: fwd value", tx.value, t_fmax(x, y));
    check_close("fmax d/dx(1.0, 2.0) formula", tx.tangent, (x > y ? 1.0 : 0.0), 1e-13, 1e-300);
    check_close("fmax d/dy(1.0, 2.0) formula", ty.tangent, (x > y ? 0.0 : 1.0), 1e-13, 1e-300);
    check_close("fmax d/dx(1.0, 2.0) FD", tx.tangent, fd_scalar([y](double v) { return t_fmax(v, y); }, x), 1e-6, 1e-9);
    check_close("fmax d/dy(1.0, 2.0) FD", ty.tangent, fd_scalar([x](double v) { return t_fmax(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 3.0, y = -1.0;
    adgen::Dual<double> tx = t_fmax_fwd(x, y, 1.0, 0.0), ty = t_fmax_fwd(x, y, 0.0, 1.0);
    check_ulps("fmax: fwd value", tx.value, t_fmax(x, y));
    check_close("fmax d/dx(3.0, -1.0) formula", tx.tangent, (x > y ? 1.0 : 0.0), 1e-13, 1e-300);
    check_close("fmax d/dy(3.0, -1.0) formula", ty.tangent, (x > y ? 0.0 : 1.0), 1e-13, 1e-300);
    check_close("fmax d/dx(3.0, -1.0) FD", tx.tangent, fd_scalar([y](double v) { return t_fmax(v, y); }, x), 1e-6, 1e-9);
    check_close("fmax d/dy(3.0, -1.0) FD", ty.tangent, fd_scalar([x](double v) { return t_fmax(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 5.3, y = 2.0;
    adgen::Dual<double> tx = t_fmod_fwd(x, y, 1.0, 0.0), ty = t_fmod_fwd(x, y, 0.0, 1.0);
    check_ulps("fmod: fwd value", tx.value, t_fmod(x, y));
    check_close("fmod d/dx(5.3, 2.0) formula", tx.tangent, 1.0, 1e-13, 1e-300);
    check_close("fmod d/dy(5.3, 2.0) formula", ty.tangent, -std::trunc(x / y), 1e-13, 1e-300);
    check_close("fmod d/dx(5.3, 2.0) FD", tx.tangent, fd_scalar([y](double v) { return t_fmod(v, y); }, x), 1e-6, 1e-9);
    check_close("fmod d/dy(5.3, 2.0) FD", ty.tangent, fd_scalar([x](double v) { return t_fmod(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = -7.5, y = 2.2;
    adgen::Dual<double> tx = t_fmod_fwd(x, y, 1.0, 0.0), ty = t_fmod_fwd(x, y, 0.0, 1.0);
    check_ulps("fmod: fwd value", tx.value, t_fmod(x, y));
    check_close("fmod d/dx(-7.5, 2.2) formula", tx.tangent, 1.0, 1e-13, 1e-300);
    check_close("fmod d/dy(-7.5, 2.2) formula", ty.tangent, -std::trunc(x / y), 1e-13, 1e-300);
    check_close("fmod d/dx(-7.5, 2.2) FD", tx.tangent, fd_scalar([y](double v) { return t_fmod(v, y); }, x), 1e-6, 1e-9);
    check_close("fmod d/dy(-7.5, 2.2) FD", ty.tangent, fd_scalar([x](double v) { return t_fmod(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 1.0, y = 3.0;
    adgen::Dual<double> tx = t_fmod_fwd(x, y, 1.0, 0.0), ty = t_fmod_fwd(x, y, 0.0, 1.0);
    check_ulps("fmod: fwd value", tx.value, t_fmod(x, y));
    check_close("fmod d/dx(1.0, 3.0) formula", tx.tangent, 1.0, 1e-13, 1e-300);
    check_close("fmod d/dy(1.0, 3.0) formula", ty.tangent, -std::trunc(x / y), 1e-13, 1e-300);
    check_close("fmod d/dx(1.0, 3.0) FD", tx.tangent, fd_scalar([y](double v) { return t_fmod(v, y); }, x), 1e-6, 1e-9);
    check_close("fmod d/dy(1.0, 3.0) FD", ty.tangent, fd_scalar([x](double v) { return t_fmod(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 1.5, y = -2.0;
    adgen::Dual<double> tx = t_copysign_fwd(x, y, 1.0, 0.0), ty = t_copysign_fwd(x, y, 0.0, 1.0);
    check_ulps("copysign: fwd value", tx.value, t_copysign(x, y));
    check_close("copysign d/dx(1.5, -2.0) formula", tx.tangent, ((x < 0) == (y < 0) ? 1.0 : -1.0), 1e-13, 1e-300);
    check_close("copysign d/dy(1.5, -2.0) formula", ty.tangent, 0.0, 1e-13, 1e-300);
    check_close("copysign d/dx(1.5, -2.0) FD", tx.tangent, fd_scalar([y](double v) { return t_copysign(v, y); }, x), 1e-6, 1e-9);
    check_close("copysign d/dy(1.5, -2.0) FD", ty.tangent, fd_scalar([x](double v) { return t_copysign(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = -0.5, y = 3.0;
    adgen::Dual<double> tx = t_copysign_fwd(x, y, 1.0, 0.0), ty = t_copysign_fwd(x, y, 0.0, 1.0);
    check_ulps("copysign: fwd value", tx.value, t_copysign(x, y));
    check_close("copysign d/dx(-0.5, 3.0) formula", tx.tangent, ((x < 0) == (y < 0) ? 1.0 : -1.0), 1e-13, 1e-300);
    check_close("copysign d/dy(-0.5, 3.0) formula", ty.tangent, 0.0, 1e-13, 1e-300);
    check_close("copysign d/dx(-0.5, 3.0) FD", tx.tangent, fd_scalar([y](double v) { return t_copysign(v, y); }, x), 1e-6, 1e-9);
    check_close("copysign d/dy(-0.5, 3.0) FD", ty.tangent, fd_scalar([x](double v) { return t_copysign(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 2.0, y = 1.0;
    adgen::Dual<double> tx = t_copysign_fwd(x, y, 1.0, 0.0), ty = t_copysign_fwd(x, y, 0.0, 1.0);
    check_ulps("copysign: fwd value", tx.value, t_copysign(x, y));
    check_close("copysign d/dx(2.0, 1.0) formula", tx.tangent, ((x < 0) == (y < 0) ? 1.0 : -1.0), 1e-13, 1e-300);
    check_close("copysign d/dy(2.0, 1.0) formula", ty.tangent, 0.0, 1e-13, 1e-300);
    check_close("copysign d/dx(2.0, 1.0) FD", tx.tangent, fd_scalar([y](double v) { return t_copysign(v, y); }, x), 1e-6, 1e-9);
    check_close("copysign d/dy(2.0, 1.0) FD", ty.tangent, fd_scalar([x](double v) { return t_copysign(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 1.0, y = 2.0;
    adgen::Dual<double> tx = t_min_fwd(x, y, 1.0, 0.0), ty = t_min_fwd(x, y, 0.0, 1.0);
    check_ulps("min: fwd value", tx.value, t_min(x, y));
    check_close("min d/dx(1.0, 2.0) formula", tx.tangent, (x < y ? 1.0 : 0.0), 1e-13, 1e-300);
    check_close("min d/dy(1.0, 2.0) formula", ty.tangent, (x < y ? 0.0 : 1.0), 1e-13, 1e-300);
    check_close("min d/dx(1.0, 2.0) FD", tx.tangent, fd_scalar([y](double v) { return t_min(v, y); }, x), 1e-6, 1e-9);
    check_close("min d/dy(1.0, 2.0) FD", ty.tangent, fd_scalar([x](double v) { return t_min(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 3.0, y = -1.0;
    adgen::Dual<double> tx = t_min_fwd(x, y, 1.0, 0.0), ty = t_min_fwd(x, y, 0.0, 1.0);
    check_ulps("min: fwd value", tx.value, t_min(x, y));
    check_close("min d/dx(3.0, -1.0) formula", tx.tangent, (x < y ? 1.0 : 0.0), 1e-13, 1e-300);
    check_close("min d/dy(3.0, -1.0) formula", ty.tangent, (x < y ? 0.0 : 1.0), 1e-13, 1e-300);
    check_close("min d/dx(3.0, -1.0) FD", tx.tangent, fd_scalar([y](double v) { return t_min(v, y); }, x), 1e-6, 1e-9);
    check_close("min d/dy(3.0, -1.0) FD", ty.tangent, fd_scalar([x](double v) { return t_min(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 1.0, y = 2.0;
    adgen::Dual<double> tx = t_max_fwd(x, y, 1.0, 0.0), ty = t_max_fwd(x, y, 0.0, 1.0);
    check_ulps("max: fwd value", tx.value, t_max(x, y));
    check_close("max d/dx(1.0, 2.0) formula", tx.tangent, (x > y ? 1.0 : 0.0), 1e-13, 1e-300);
    check_close("max d/dy(1.0, 2.0) formula", ty.tangent, (x > y ? 0.0 : 1.0), 1e-13, 1e-300);
    check_close("max d/dx(1.0, 2.0) FD", tx.tangent, fd_scalar([y](double v) { return t_max(v, y); }, x), 1e-6, 1e-9);
    check_close("max d/dy(1.0, 2.0) FD", ty.tangent, fd_scalar([x](double v) { return t_max(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = 3.0, y = -1.0;
    adgen::Dual<double> tx = t_max_fwd(x, y, 1.0, 0.0), ty = t_max_fwd(x, y, 0.0, 1.0);
    check_ulps("max: fwd value", tx.value, t_max(x, y));
    check_close("max d/dx(3.0, -1.0) formula", tx.tangent, (x > y ? 1.0 : 0.0), 1e-13, 1e-300);
    check_close("max d/dy(3.0, -1.0) formula", ty.tangent, (x > y ? 0.0 : 1.0), 1e-13, 1e-300);
    check_close("max d/dx(3.0, -1.0) FD", tx.tangent, fd_scalar([y](double v) { return t_max(v, y); }, x), 1e-6, 1e-9);
    check_close("max d/dy(3.0, -1.0) FD", ty.tangent, fd_scalar([x](double v) { return t_max(x, v); }, y), 1e-6, 1e-9);
  }
  {
    const double x = -1.5;
    double g = t_powi_fwd(x, 1.0).tangent;
    check_close("powi'(-1.5) formula", g, 3 * x * x, 1e-13, 1e-300);
  }
  {
    const double x = 0.5;
    double g = t_powi_fwd(x, 1.0).tangent;
    check_close("powi'(0.5) formula", g, 3 * x * x, 1e-13, 1e-300);
  }
  {
    const double x = -1.5;
    double g = t_pow2d_fwd(x, 1.0).tangent;
    check_close("pow2d'(-1.5) formula", g, 2 * x, 1e-13, 1e-300);
  }
  {
    const double x = 0.5;
    double g = t_pow2d_fwd(x, 1.0).tangent;
    check_close("pow2d'(0.5) formula", g, 2 * x, 1e-13, 1e-300);
  }
  {
    const double x = -1.5;
    double g = t_powc_fwd(x, 1.0).tangent;
    check_close("powc'(-1.5) formula", g, std::pow(2.5, x) * std::log(2.5), 1e-13, 1e-300);
  }
  {
    const double x = 0.5;
    double g = t_powc_fwd(x, 1.0).tangent;
    check_close("powc'(0.5) formula", g, std::pow(2.5, x) * std::log(2.5), 1e-13, 1e-300);
  }
  return finish();
}
#endif
