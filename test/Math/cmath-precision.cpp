// Elementary functions of float and long double arguments (std:: overloads
// and the f/l-suffixed C names): derivatives are computed in the argument's
// precision. A long double derivative evaluated with the double functions is
// off by ~1e-16 relative and fails the 1e-17 checks.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD()
long double pl(long double x) {
  return std::exp(x) * std::sin(x) + std::pow(x, 2.5L) + std::log(x) + expl(0.5L * x) + std::atan(x);
}
// CHECK-LABEL: long double pl_grad(long double x, long double *d_x) {
// CHECK-LABEL: adgen::Dual<long double> pl_fwd(long double x, long double d_x) {

ADGEN_REVERSE() ADGEN_FORWARD()
float pf(float x) { return std::exp(x) * std::sin(x) + std::pow(x, 2.5f) + std::sqrt(x) + logf(x); }
// CHECK-LABEL: float pf_grad(float x, float *d_x) {
// CHECK-LABEL: adgen::Dual<float> pf_fwd(float x, float d_x) {

#ifdef ADGEN_TEST_DRIVER
long double pl_grad(long double x, long double* d_x);
adgen::Dual<long double> pl_fwd(long double x, long double d_x);
float pf_grad(float x, float* d_x);
adgen::Dual<float> pf_fwd(float x, float d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  for (long double x : {0.3L, 1.7L, 2.9L}) {
    long double want = std::exp(x) * (std::sin(x) + std::cos(x)) + 2.5L * std::pow(x, 1.5L) + 1 / x +
                       0.5L * std::exp(0.5L * x) + 1 / (1 + x * x);
    long double g = 0;
    long double v = pl_grad(x, &g);
    check_close("pl: value", v, pl(x), 1e-18L, 0);
    check_close("pl: reverse", g, want, 1e-17L, 0);
    adgen::Dual<long double> t = pl_fwd(x, 1.0L);
    check_close("pl: forward", t.tangent, want, 1e-17L, 0);
    check_close("pl: forward value", t.value, pl(x), 1e-18L, 0);
    check_scalar_fn<long double>("pl", &x, 1,
        [](const long double* p) { return pl(p[0]); },
        [](const long double* p, long double* gr) { return pl_grad(p[0], gr); },
        [](const long double* p, const long double* d) { return pl_fwd(p[0], d[0]); });
  }
  for (float x : {0.3f, 1.7f}) {
    double xd = x;
    double want = std::exp(xd) * (std::sin(xd) + std::cos(xd)) + 2.5 * std::pow(xd, 1.5) + 0.5 / std::sqrt(xd) + 1 / xd;
    float g = 0;
    pf_grad(x, &g);
    check_close("pf: reverse", g, want, 2e-6);
    check_close("pf: forward", pf_fwd(x, 1.0f).tangent, want, 2e-6);
    check_scalar_fn<float>("pf", &x, 1,
        [](const float* p) { return pf(p[0]); },
        [](const float* p, float* gr) { return pf_grad(p[0], gr); },
        [](const float* p, const float* d) { return pf_fwd(p[0], d[0]); });
  }
  return finish();
}
#endif
