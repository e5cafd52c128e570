// The cmath list spelled unqualified (the C library names from <math.h>),
// in both modes. Each is used inside one expression with the chain rule at
// work, checked against central differences and forward-vs-reverse.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <math.h>

ADGEN_REVERSE() ADGEN_FORWARD() double u_exp(double x, double y) { return exp(x * y) * y + x; }
// CHECK-LABEL: double u_exp_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_exp_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_exp2(double x, double y) { return exp2(x * y) * y + x; }
// CHECK-LABEL: double u_exp2_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_exp2_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_expm1(double x, double y) { return expm1(x * y) * y + x; }
// CHECK-LABEL: double u_expm1_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_expm1_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_log(double x, double y) { return log(x * y) * y + x; }
// CHECK-LABEL: double u_log_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_log_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_log2(double x, double y) { return log2(x * y) * y + x; }
// CHECK-LABEL: double u_log2_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_log2_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_log10(double x, double y) { return log10(x * y) * y + x; }
// CHECK-LABEL: double u_log10_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_log10_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_log1p(double x, double y) { return log1p(x * y) * y + x; }
// CHECK-LABEL: double u_log1p_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_log1p_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_sqrt(double x, double y) { return sqrt(x * y) * y + x; }
// CHECK-LABEL: double u_sqrt_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_sqrt_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_cbrt(double x, double y) { return cbrt(x * y) * y + x; }
// CHECK-LABEL: double u_cbrt_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_cbrt_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_sin(double x, double y) { return sin(x * y) * y + x; }
// CHECK-LABEL: double u_sin_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_sin_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_cos(double x, double y) { return cos(x * y) * y + x; }
// CHECK-LABEL: double u_cos_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_cos_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_tan(double x, double y) { return tan(x * y) * y + x; }
// CHECK-LABEL: double u_tan_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_tan_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_asin(double x, double y) { return asin(x * y) * y + x; }
// CHECK-LABEL: double u_asin_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_asin_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_acos(double x, double y) { return acos(x * y) * y + x; }
// CHECK-LABEL: double u_acos_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_acos_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_atan(double x, double y) { return atan(x * y) * y + x; }
// CHECK-LABEL: double u_atan_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_atan_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_sinh(double x, double y) { return sinh(x * y) * y + x; }
// CHECK-LABEL: double u_sinh_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_sinh_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_cosh(double x, double y) { return cosh(x * y) * y + x; }
// CHECK-LABEL: double u_cosh_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_cosh_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_tanh(double x, double y) { return tanh(x * y) * y + x; }
// CHECK-LABEL: double u_tanh_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_tanh_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_asinh(double x, double y) { return asinh(x * y) * y + x; }
// CHECK-LABEL: double u_asinh_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_asinh_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_acosh(double x, double y) { return acosh(x * y) * y + x; }
// CHECK-LABEL: double u_acosh_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_acosh_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_atanh(double x, double y) { return atanh(x * y) * y + x; }
// CHECK-LABEL: double u_atanh_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_atanh_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_erf(double x, double y) { return erf(x * y) * y + x; }
// CHECK-LABEL: double u_erf_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_erf_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_erfc(double x, double y) { return erfc(x * y) * y + x; }
// CHECK-LABEL: double u_erfc_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_erfc_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_lgamma(double x, double y) { return lgamma(x * y) * y + x; }
// CHECK-LABEL: double u_lgamma_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_lgamma_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_fabs(double x, double y) { return fabs(x * y) * y + x; }
// CHECK-LABEL: double u_fabs_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_fabs_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_floor(double x, double y) { return floor(x * y) * y + x; }
// CHECK-LABEL: double u_floor_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_floor_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_ceil(double x, double y) { return ceil(x * y) * y + x; }
// CHECK-LABEL: double u_ceil_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_ceil_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_round(double x, double y) { return round(x * y) * y + x; }
// CHECK-LABEL: double u_round_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_round_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_trunc(double x, double y) { return trunc(x * y) * y + x; }
// CHECK-LABEL: double u_trunc_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_trunc_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_pow(double x, double y) { return pow(x, y * 1.0) * 2.0; }
// CHECK-LABEL: double u_pow_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_pow_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_hypot(double x, double y) { return hypot(x, y * 1.0) * 2.0; }
// CHECK-LABEL: double u_hypot_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_hypot_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_atan2(double x, double y) { return atan2(x, y * 1.0) * 2.0; }
// CHECK-LABEL: double u_atan2_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_atan2_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_fmin(double x, double y) { return fmin(x, y * 1.0) * 2.0; }
// CHECK-LABEL: double u_fmin_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_fmin_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_fmax(double x, double y) { return fmax(x, y * 1.0) * 2.0; }
// CHECK-LABEL: double u_fmax_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_fmax_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_fmod(double x, double y) { return fmod(x, y * 1.0) * 2.0; }
// CHECK-LABEL: double u_fmod_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_fmod_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double u_copysign(double x, double y) { return copysign(x, y * 1.0) * 2.0; }
// CHECK-LABEL: double u_copysign_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> u_copysign_fwd(double x, double y, double d_x, double d_y) {

#ifdef ADGEN_TEST_DRIVER
double u_exp_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_exp_fwd(double x, double y, double d_x, double d_y);
double u_exp2_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_exp2_fwd(double x, double y, double d_x, double d_y);
double u_expm1_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_expm1_fwd(double x, double y, double d_x, double d_y);
double u_log_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_log_fwd(double x, double y, double d_x, double d_y);
double u_log2_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_log2_fwd(double x, double y, double d_x, double d_y);
double u_log10_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_log10_fwd(double x, double y, double d_x, double d_y);
double u_log1p_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_log1p_fwd(double x, double y, double d_x, double d_y);
double u_sqrt_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_sqrt_fwd(double x, double y, double d_x, double d_y);
double u_cbrt_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_cbrt_fwd(double x, double y, double d_x, double d_y);
double u_sin_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_sin_fwd(double x, double y, double d_x, double d_y);
double u_cos_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_cos_fwd(double x, double y, double d_x, double d_y);
double u_tan_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_tan_fwd(double x, double y, double d_x, double d_y);
double u_asin_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_asin_fwd(double x, double y, double d_x, double d_y);
double u_acos_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_acos_fwd(double x, double y, double d_x, double d_y);
double u_atan_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_atan_fwd(double x, double y, double d_x, double d_y);
double u_sinh_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_sinh_fwd(double x, double y, double d_x, double d_y);
double u_cosh_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_cosh_fwd(double x, double y, double d_x, double d_y);
double u_tanh_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_tanh_fwd(double x, double y, double d_x, double d_y);
double u_asinh_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_asinh_fwd(double x, double y, double d_x, double d_y);
double u_acosh_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_acosh_fwd(double x, double y, double d_x, double d_y);
double u_atanh_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_atanh_fwd(double x, double y, double d_x, double d_y);
double u_erf_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_erf_fwd(double x, double y, double d_x, double d_y);
double u_erfc_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_erfc_fwd(double x, double y, double d_x, double d_y);
double u_lgamma_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_lgamma_fwd(double x, double y, double d_x, double d_y);
double u_fabs_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_fabs_fwd(double x, double y, double d_x, double d_y);
double u_floor_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_floor_fwd(double x, double y, double d_x, double d_y);
double u_ceil_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_ceil_fwd(double x, double y, double d_x, double d_y);
double u_round_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_round_fwd(double x, double y, double d_x, double d_y);
double u_trunc_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_trunc_fwd(double x, double y, double d_x, double d_y);
double u_pow_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_pow_fwd(double x, double y, double d_x, double d_y);
double u_hypot_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_hypot_fwd(double x, double y, double d_x, double d_y);
double u_atan2_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_atan2_fwd(double x, double y, double d_x, double d_y);
double u_fmin_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_fmin_fwd(double x, double y, double d_x, double d_y);
double u_fmax_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_fmax_fwd(double x, double y, double d_x, double d_y);
double u_fmod_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_fmod_fwd(double x, double y, double d_x, double d_y);
double u_copysign_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> u_copysign_fwd(double x, double y, double d_x, double d_y);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  {
    const double p[2] = {0.5, 1.0};
    check_scalar_fn<double>("exp", p, 2, [](const double* v) { return u_exp(v[0], v[1]); },
        [](const double* v, double* g) { return u_exp_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_exp_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.5, 1.0};
    check_scalar_fn<double>("exp2", p, 2, [](const double* v) { return u_exp2(v[0], v[1]); },
        [](const double* v, double* g) { return u_exp2_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_exp2_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.5, 1.0};
    check_scalar_fn<double>("expm1", p, 2, [](const double* v) { return u_expm1(v[0], v[1]); },
        [](const double* v, double* g) { return u_expm1_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_expm1_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {2.5, 1.0};
    check_scalar_fn<double>("log", p, 2, [](const double* v) { return u_log(v[0], v[1]); },
        [](const double* v, double* g) { return u_log_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_log_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {2.5, 1.0};
    check_scalar_fn<double>("log2", p, 2, [](const double* v) { return u_log2(v[0], v[1]); },
        [](const double* v, double* g) { return u_log2_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_log2_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {2.5, 1.0};
    check_scalar_fn<double>("log10", p, 2, [](const double* v) { return u_log10(v[0], v[1]); },
        [](const double* v, double* g) { return u_log10_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_log10_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.5, 1.0};
    check_scalar_fn<double>("log1p", p, 2, [](const double* v) { return u_log1p(v[0], v[1]); },
        [](const double* v, double* g) { return u_log1p_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_log1p_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {2.5, 1.0};
    check_scalar_fn<double>("sqrt", p, 2, [](const double* v) { return u_sqrt(v[0], v[1]); },
        [](const double* v, double* g) { return u_sqrt_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_sqrt_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {-2.0, 1.0};
    check_scalar_fn<double>("cbrt", p, 2, [](const double* v) { return u_cbrt(v[0], v[1]); },
        [](const double* v, double* g) { return u_cbrt_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_cbrt_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.4, 1.0};
    check_scalar_fn<double>("sin", p, 2, [](const double* v) { return u_sin(v[0], v[1]); },
        [](const double* v, double* g) { return u_sin_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_sin_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.4, 1.0};
    check_scalar_fn<double>("cos", p, 2, [](const double* v) { return u_cos(v[0], v[1]); },
        [](const double* v, double* g) { return u_cos_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_cos_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.4, 1.0};
    check_scalar_fn<double>("tan", p, 2, [](const double* v) { return u_tan(v[0], v[1]); },
        [](const double* v, double* g) { return u_tan_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_tan_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.3, 1.0};
    check_scalar_fn<double>("asin", p, 2, [](const double* v) { return u_asin(v[0], v[1]); },
        [](const double* v, double* g) { return u_asin_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_asin_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.3, 1.0};
    check_scalar_fn<double>("acos", p, 2, [](const double* v) { return u_acos(v[0], v[1]); },
        [](const double* v, double* g) { return u_acos_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_acos_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.3, 1.0};
    check_scalar_fn<double>("atan", p, 2, [](const double* v) { return u_atan(v[0], v[1]); },
        [](const double* v, double* g) { return u_atan_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_atan_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.4, 1.0};
    check_scalar_fn<double>("sinh", p, 2, [](const double* v) { return u_sinh(v[0], v[1]); },
        [](const double* v, double* g) { return u_sinh_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_sinh_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.4, 1.0};
    check_scalar_fn<double>("cosh", p, 2, [](const double* v) { return u_cosh(v[0], v[1]); },
        [](const double* v, double* g) { return u_cosh_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_cosh_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.4, 1.0};
    check_scalar_fn<double>("tanh", p, 2, [](const double* v) { return u_tanh(v[0], v[1]); },
        [](const double* v, double* g) { return u_tanh_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_tanh_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.4, 1.0};
    check_scalar_fn<double>("asinh", p, 2, [](const double* v) { return u_asinh(v[0], v[1]); },
        [](const double* v, double* g) { return u_asinh_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_asinh_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {1.4, 1.0};
    check_scalar_fn<double>("acosh", p, 2, [](const double* v) { return u_acosh(v[0], v[1]); },
        [](const double* v, double* g) { return u_acosh_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_acosh_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.4, 1.0};
    check_scalar_fn<double>("atanh", p, 2, [](const double* v) { return u_atanh(v[0], v[1]); },
        [](const double* v, double* g) { return u_atanh_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_atanh_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.4, 1.0};
    check_scalar_fn<double>("erf", p, 2, [](const double* v) { return u_erf(v[0], v[1]); },
        [](const double* v, double* g) { return u_erf_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_erf_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.4, 1.0};
    check_scalar_fn<double>("erfc", p, 2, [](const double* v) { return u_erfc(v[0], v[1]); },
        [](const double* v, double* g) { return u_erfc_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_erfc_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {3.7, 1.0};
    check_scalar_fn<double>("lgamma", p, 2, [](const double* v) { return u_lgamma(v[0], v[1]); },
        [](const double* v, double* g) { return u_lgamma_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_lgamma_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {-0.4, 1.0};
    check_scalar_fn<double>("fabs", p, 2, [](const double* v) { return u_fabs(v[0], v[1]); },
        [](const double* v, double* g) { return u_fabs_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_fabs_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {1.4, 1.0};
    check_scalar_fn<double>("floor", p, 2, [](const double* v) { return u_floor(v[0], v[1]); },
        [](const double* v, double* g) { return u_floor_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_floor_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {1.4, 1.0};
    check_scalar_fn<double>("ceil", p, 2, [](const double* v) { return u_ceil(v[0], v[1]); },
        [](const double* v, double* g) { return u_ceil_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_ceil_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {1.4, 1.0};
    check_scalar_fn<double>("round", p, 2, [](const double* v) { return u_round(v[0], v[1]); },
        [](const double* v, double* g) { return u_round_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_round_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {1.4, 1.0};
    check_scalar_fn<double>("trunc", p, 2, [](const double* v) { return u_trunc(v[0], v[1]); },
        [](const double* v, double* g) { return u_trunc_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_trunc_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {1.5, 2.3};
    check_scalar_fn<double>("pow", p, 2, [](const double* v) { return u_pow(v[0], v[1]); },
        [](const double* v, double* g) { return u_pow_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_pow_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {3.0, 4.0};
    check_scalar_fn<double>("hypot", p, 2, [](const double* v) { return u_hypot(v[0], v[1]); },
        [](const double* v, double* g) { return u_hypot_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_hypot_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {0.5, -1.0};
    check_scalar_fn<double>("atan2", p, 2, [](const double* v) { return u_atan2(v[0], v[1]); },
        [](const double* v, double* g) { return u_atan2_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_atan2_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {1.0, 2.0};
    check_scalar_fn<double>("fmin", p, 2, [](const double* v) { return u_fmin(v[0], v[1]); },
        [](const double* v, double* g) { return u_fmin_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_fmin_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {1.0, 2.0};
    check_scalar_fn<double>("fmax", p, 2, [](const double* v) { return u_fmax(v[0], v[1]); },
        [](const double* v, double* g) { return u_fmax_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_fmax_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {5.3, 2.0};
    check_scalar_fn<double>("fmod", p, 2, [](const double* v) { return u_fmod(v[0], v[1]); },
        [](const double* v, double* g) { return u_fmod_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_fmod_fwd(v[0], v[1], t[0], t[1]); });
  }
  {
    const double p[2] = {1.5, -2.0};
    check_scalar_fn<double>("copysign", p, 2, [](const double* v) { return u_copysign(v[0], v[1]); },
        [](const double* v, double* g) { return u_copysign_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return u_copysign_fwd(v[0], v[1], t[0], t[1]); });
  }
  return finish();
}
#endif
