// <cmath> in float and long double: the std:: overloads (std::sqrt(float))
// and C's suffixed names (sqrtf, sqrtl, ...), and a float function whose
// expression is computed in double (std::pow(float, int) is a double): the
// tangent is narrowed with the value, so adgen::Dual<float>{...} compiles.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.o
// RUN: %clangxx -c %t.gen.cpp -o %t.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   f32 {{.*}}worst relative error
// RUNCHECK-DAG: ok   f80 {{.*}}worst relative error
// RUNCHECK-DAG: ok   mixed {{.*}}worst relative error
// RUNCHECK: 3 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>
#include <math.h>

ADGEN_REVERSE() ADGEN_FORWARD()
float f32(float x, float y) {
  return std::sqrt(x) + sqrtf(y) + std::exp(x) + expf(y) + std::pow(x, y) + powf(x, 2.0f) +
         std::fabs(x) + fabsf(y) + std::hypot(x, y) + hypotf(x, y) + std::atan2(y, x) +
         atan2f(y, x) + std::log(x) + logf(y) + std::fmax(x, y) + fmaxf(x, y) + std::sin(x) +
         sinf(y) + std::tanh(x) + tanhf(y) + std::cbrt(x) + cbrtf(y) + std::abs(x) +
         std::erf(x) + erff(y) + std::lgamma(x) + lgammaf(y) + std::fma(x, y, x) + fmaf(x, y, y);
}
// CHECK-LABEL: float f32_grad(float x, float y, float *d_x, float *d_y) {
// CHECK-LABEL: adgen::Dual<float> f32_fwd(float x, float y, float d_x, float d_y) {

ADGEN_REVERSE() ADGEN_FORWARD()
long double f80(long double x, long double y) {
  return std::sqrt(x) + sqrtl(y) + std::exp(x) + expl(y) + std::pow(x, y) + powl(x, 2.0L) +
         std::fabs(x) + fabsl(y) + std::hypot(x, y) + hypotl(x, y) + std::atan2(y, x) +
         atan2l(y, x) + std::log(x) + logl(y) + std::fmax(x, y) + fmaxl(x, y) + std::sin(x) +
         sinl(y) + std::tanh(x) + tanhl(y) + std::cbrt(x) + cbrtl(y) + std::abs(x) +
         std::erf(x) + erfl(y) + std::lgamma(x) + lgammal(y) + std::fma(x, y, x) +
         fmal(x, y, y) + std::log1p(x) + log1pl(y) + std::expm1(x) + expm1l(y);
}
// CHECK-LABEL: long double f80_grad(long double x, long double y, long double *d_x, long double *d_y) {
// CHECK-LABEL: adgen::Dual<long double> f80_fwd(long double x, long double y, long double d_x, long double d_y) {

ADGEN_REVERSE() ADGEN_FORWARD()
float mixed(float x, double y) {
  return std::pow(x, 2) + std::pow(x, y) + std::sqrt(2 * x) + ::sqrtf(x) + std::fmin(x, 1.0f) +
         std::exp2(x) + exp2f(x) + std::log10(x) + log10f(x) + std::floor(x) + floorf(x) +
         std::copysign(x, -1.0f) + copysignf(x, 1.0f);
}
// CHECK-LABEL: adgen::Dual<float> mixed_fwd(float x, double y, float d_x, double d_y) {
// CHECK: return adgen::Dual<float>{static_cast<float>({{.*}}), static_cast<float>(
