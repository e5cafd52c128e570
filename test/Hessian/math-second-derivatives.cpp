// Second derivatives of every elementary function, through f_hessian (forward
// over reverse): each function gets inputs of its own, so the Hessian's
// entries are its second partials; all checked against central differences
// of the gradient.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <algorithm>
#include <cmath>

constexpr int N = 30;

ADGEN_HESSIAN("x[30]") ADGEN_REVERSE("x")
double allmath(const double *x) {
  double s = std::exp(x[0]) + std::exp2(x[1]) + std::expm1(x[2]) + std::log(x[3]) +
             std::log2(x[4]) + std::log10(x[5]) + std::log1p(x[6]) + std::sqrt(x[7]) +
             std::cbrt(x[8]) + std::sin(x[9]) + std::cos(x[10]) + std::tan(x[11]);
  s += std::asin(x[12]) + std::acos(x[13]) + std::atan(x[14]) + std::sinh(x[15]) +
       std::cosh(x[16]) + std::tanh(x[17]) + std::asinh(x[18]) + std::acosh(1 + x[19]) +
       std::atanh(x[20]) + std::erf(x[21]) + std::erfc(x[22]) + std::lgamma(1 + x[23]);
  s += std::pow(x[24], x[25]) + std::hypot(x[26], x[27]) + std::atan2(x[28], x[29]);
  s += std::pow(x[0], 3) + std::fabs(x[1]) * x[2] + std::fmax(x[3], x[4]) * x[5] +
       std::max(x[6], x[7]) * x[8] + std::fmod(x[9], 0.3) * x[10] + std::copysign(x[11], -1.0) * x[12];
  return s;
}

#ifdef ADGEN_TEST_DRIVER
void allmath_hessian(const double *x, double *hess);
double allmath_grad(const double *x, double *d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  double x[N], H[N * N];
  for (int i = 0; i < N; ++i)
    x[i] = 0.3 + 0.37 * ((i * 7) % 5) / 5.0;
  allmath_hessian(x, H);
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j)
      check_close("symmetric", H[i * N + j], H[j * N + i], 1e-12);
  for (int j = 0; j < N; ++j) {
    double keep = x[j], h = 1e-5, gp[N] = {}, gm[N] = {};
    x[j] = keep + h;
    allmath_grad(x, gp);
    x[j] = keep - h;
    allmath_grad(x, gm);
    x[j] = keep;
    for (int i = 0; i < N; ++i)
      check_close("second derivative vs central differences of the gradient", H[i * N + j],
                  (gp[i] - gm[i]) / (2 * h), 1e-6);
  }
  return finish();
}
#endif
