// Forward mode evaluates each elementary function once where its value and
// its tangent both need it (-fmath-errno keeps compilers from merging the
// calls): exp(-u) of a sigmoid, tanh(c), sin/cos/sqrt of the same operand;
// f_fwd_vec computes them once, outside its direction loops. A call whose
// operand changes in between is evaluated again.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE("x, c")
ADGEN_FORWARD("x, c")
double cell(double x, double c) {
  double u = x;
  double s = 1.0 / (1.0 + std::exp(-u));
  double h = s * std::tanh(c);
  double r = std::sqrt(h * h + 1.0) + std::sin(x) * std::cos(x);
  u = u * 0.5; // exp(-u) below is another value
  return r + std::tanh(c) * std::tanh(c) + std::exp(-u);
}
// CHECK-LABEL: adgen::Dual<double> cell_fwd(double x, double c, double d_x, double d_c) {
// CHECK:         double u = x;
// CHECK-NEXT:    double exp_u = std::exp(-u);
// CHECK-NEXT:    double d_s = d_u * exp_u / ((1.0 + exp_u) * (1.0 + exp_u));
// CHECK-NEXT:    double s = 1.0 / (1.0 + exp_u);
// CHECK-NEXT:    double tanh_c = std::tanh(c);
// CHECK-NEXT:    double d_h = d_s * tanh_c + d_c * (1.0 - tanh_c * tanh_c) * s;
// CHECK-NEXT:    double h = s * tanh_c;
// CHECK-NEXT:    double sqrt_h = std::sqrt(h * h + 1.0);
// CHECK-NEXT:    adgen::SinCos<double> sincos_x = adgen::sincos(x);
// CHECK-NEXT:    double cos_x = sincos_x.cos;
// CHECK-NEXT:    double sin_x = sincos_x.sin;
// CHECK-NEXT:    double d_r = {{.*}}sqrt_h{{.*}}cos_x * cos_x - d_x * sin_x * sin_x
// CHECK-NEXT:    double r = sqrt_h + sin_x * cos_x;
// CHECK:         u = u * 0.5;
// CHECK-NEXT:    double exp_u_1 = std::exp(-u);
// CHECK-NEXT:    return adgen::Dual<double>{r + tanh_c * tanh_c + exp_u_1, {{.*}}exp_u_1{{.*}}};
// CHECK-NOT:     std::exp
// CHECK-LABEL: double cell_fwd_vec(
// CHECK:         double exp_u = std::exp(-u);
// CHECK-NEXT:    for (int [[DIR:dir.*]] = 0; [[DIR]] < k; ++[[DIR]]) { // line 17
// CHECK-NEXT:      d_s[[[DIR]]] = d_u[[[DIR]]] * exp_u / ((1.0 + exp_u) * (1.0 + exp_u));
// CHECK-NEXT:    }
// CHECK-NEXT:    double s = 1.0 / (1.0 + exp_u);
// CHECK-NEXT:    double tanh_c = std::tanh(c);
// CHECK-NOT:     std::tanh
// CHECK:         return

#ifdef ADGEN_TEST_DRIVER
double cell_grad(double x, double c, double* d_x, double* d_c);
adgen::Dual<double> cell_fwd(double x, double c, double d_x, double d_c);
double cell_fwd_vec(double x, double c, const double* d_x, const double* d_c, int k, double* d_ret);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double x0[2] = {0.4, -0.9};
  check_scalar_fn<double>("cell", x0, 2,
      [](const double* v) { return cell(v[0], v[1]); },
      [](const double* v, double* g) { return cell_grad(v[0], v[1], &g[0], &g[1]); },
      [](const double* v, const double* t) { return cell_fwd(v[0], v[1], t[0], t[1]); });
  // Two directions in one sweep equal two f_fwd calls.
  const double dx[2] = {1.0, 0.3}, dc[2] = {-0.5, 2.0};
  double dret[2];
  double v = cell_fwd_vec(x0[0], x0[1], dx, dc, 2, dret);
  check_ulps("fwd_vec value", v, cell(x0[0], x0[1]));
  for (int j = 0; j < 2; ++j)
    check_ulps("fwd_vec tangent", dret[j], cell_fwd(x0[0], x0[1], dx[j], dc[j]).tangent);
  return finish();
}
#endif
