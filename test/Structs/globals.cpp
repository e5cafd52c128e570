// constexpr and global const values, read-only global arrays, a constexpr
// std::array and a constexpr struct, read by a differentiated function
// (they carry no derivative; their values are used as written).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <array>
#include <cmath>
namespace consts {
constexpr double kPi = 3.141592653589793;
const double kScale = 2.5;
constexpr int kN = 4;
const double kWeights[kN] = {0.1, 0.2, 0.3, 0.4};
constexpr std::array<double, 3> kCoef = {1.0, -0.5, 0.25};
struct Vec2 { double x, y; };
constexpr Vec2 kOrigin{0.5, -0.5};
}
ADGEN_REVERSE("x[4]") ADGEN_FORWARD("x[4]")
double poly(const double *x) {
  using namespace consts;
  double s = 0;
  for (int i = 0; i < kN; ++i)
    s += kWeights[i] * std::sin(kPi * x[i]) * kScale;
  for (std::size_t j = 0; j < kCoef.size(); ++j)
    s += kCoef[j] * x[j] * x[j];
  return s + (x[0] - kOrigin.x) * (x[1] - kOrigin.y);
}
// CHECK-LABEL: double poly_pullback(const double *x, double d_ret, double *d_x) {
// CHECK:         d_x[0] += d_result * (x[1] - ::consts::kOrigin.y);
// CHECK:         d_x[i] += d_s * ::consts::kScale * ::consts::kWeights[i] * std::cos(::consts::kPi * x[i]) * ::consts::kPi;
// CHECK-LABEL: adgen::Dual<double> poly_fwd(const double *x, const double *d_x) {

#ifdef ADGEN_TEST_DRIVER
double poly_grad(const double *x, double *d_x);
adgen::Dual<double> poly_fwd(const double *x, const double *d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  double x[4] = {0.3, -0.7, 0.45, 1.1};
  check_scalar_fn<double>("poly", x, 4, [](const double *p) { return poly(p); },
                          [](const double *p, double *g) { return poly_grad(p, g); },
                          [](const double *p, const double *t) { return poly_fwd(p, t); });
  return finish();
}
#endif
