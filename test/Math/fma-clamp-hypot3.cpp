// std::clamp, std::fma (and C's fma, fmaf) and C++17's three-argument
// std::hypot are elementary functions: clamp passes the derivative of the
// argument it selects (std::clamp(v, lo, hi) is v < lo ? lo : hi < v ? hi : v),
// fma is a * b + c, hypot(x, y, z) has partials x / h, y / h, z / h. Forward,
// reverse (pre-filled adjoints, d_ret != 1), f_hessian and --emit=check.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check && %t.check | FileCheck %s --check-prefix=CHK
#include <adgen/adgen.h>
#include <algorithm>
#include <cmath>
#include <math.h>

ADGEN_REVERSE() ADGEN_FORWARD()
double clamped(double x, double lo, double w) {
  double c = std::clamp(x, lo, lo + w * w); // lo <= hi, as std::clamp requires
  return c * x + std::clamp(x * x, 0.0, 2.0);
}
// CHECK-LABEL: double clamped_pullback(double x, double lo, double w, double d_ret, double *d_x, double *d_lo, double *d_w) {
// CHECK: std::clamp(x, lo, lo + w * w)
// CHECK: x < lo ? 0.0 : lo + w * w < x ? 0.0
// CHECK-LABEL: adgen::Dual<double> clamped_fwd(

ADGEN_REVERSE() ADGEN_FORWARD() ADGEN_HESSIAN()
double fused(double a, double b, double c) {
  return std::fma(a, b, c) * fma(a, a, -b) + std::hypot(a, b, c) * std::sin(c);
}
// CHECK-LABEL: double fused_pullback(double a, double b, double c, double d_ret, double *d_a, double *d_b, double *d_c) {
// CHECK: std::hypot(a, b, c)
// CHECK-LABEL: adgen::Dual<double> fused_fwd(
// CHECK-LABEL: void fused_hessian(

ADGEN_REVERSE() ADGEN_FORWARD()
float fusedf(float a, float b) { return fmaf(a, b, 1.5f) + std::fma(b, b, a) + std::hypot(a, b, 2.0f); }
// CHECK-LABEL: float fusedf_pullback(float a, float b, float d_ret, float *d_a, float *d_b) {
// CHECK-LABEL: adgen::Dual<float> fusedf_fwd(

// CHK: 3 passed, 0 failed

#ifdef ADGEN_TEST_DRIVER
double clamped_pullback(double x, double lo, double w, double d_ret, double *d_x, double *d_lo, double *d_w);
double clamped_grad(double x, double lo, double w, double *d_x, double *d_lo, double *d_w);
adgen::Dual<double> clamped_fwd(double x, double lo, double w, double d_x, double d_lo, double d_w);
double fused_pullback(double a, double b, double c, double d_ret, double *d_a, double *d_b, double *d_c);
double fused_grad(double a, double b, double c, double *d_a, double *d_b, double *d_c);
adgen::Dual<double> fused_fwd(double a, double b, double c, double d_a, double d_b, double d_c);
void fused_hessian(double a, double b, double c, double *hess);
float fusedf_grad(float a, float b, float *d_a, float *d_b);
float fusedf_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
adgen::Dual<float> fusedf_fwd(float a, float b, float d_a, float d_b);
#include "adgen_pullback.h"
using namespace adgen_test;

int main() {
  // x below lo, inside, above hi = lo + w * w; x * x inside and above 2.
  const double pts[][3] = {{-2.0, -1.0, 1.5}, {0.3, -1.0, 1.5}, {2.5, -1.0, 1.5}, {1.2, -0.5, 1.0}};
  for (auto &p : pts) {
    auto f = [](const double *v) { return clamped(v[0], v[1], v[2]); };
    check_scalar_fn<double>("clamped", p, 3, f,
        [](const double *v, double *g) { return clamped_grad(v[0], v[1], v[2], &g[0], &g[1], &g[2]); },
        [](const double *v, const double *t) { return clamped_fwd(v[0], v[1], v[2], t[0], t[1], t[2]); });
    check_pullback_prefilled<double>("clamped", p, 3, f,
        [](const double *v, double s, double *g) {
          return clamped_pullback(v[0], v[1], v[2], s, &g[0], &g[1], &g[2]);
        });
  }
  // The selected argument by the definition: x inside, lo below, hi above.
  double g[3] = {0, 0, 0};
  clamped_grad(-2.0, -1.0, 1.5, &g[0], &g[1], &g[2]);
  check_exact("clamp below: d/dw", g[2], 0.0);
  check_close("clamp below: d/dlo", g[1], -2.0);
  g[0] = g[1] = g[2] = 0; // above: c = lo + w * w
  clamped_grad(2.5, -1.0, 1.5, &g[0], &g[1], &g[2]);
  check_close("clamp above: d/dw", g[2], 2 * 1.5 * 2.5);
  check_close("clamp above: d/dlo", g[1], 2.5);
  const double q[][3] = {{0.3, -0.7, 1.1}, {-1.2, 0.4, 2.0}};
  for (auto &p : q) {
    auto f = [](const double *v) { return fused(v[0], v[1], v[2]); };
    check_scalar_fn<double>("fused", p, 3, f,
        [](const double *v, double *g) { return fused_grad(v[0], v[1], v[2], &g[0], &g[1], &g[2]); },
        [](const double *v, const double *t) { return fused_fwd(v[0], v[1], v[2], t[0], t[1], t[2]); });
    check_pullback_prefilled<double>("fused", p, 3, f,
        [](const double *v, double s, double *g) {
          return fused_pullback(v[0], v[1], v[2], s, &g[0], &g[1], &g[2]);
        });
    // The Hessian against central differences of the gradient.
    double H[9], x[3] = {p[0], p[1], p[2]};
    fused_hessian(x[0], x[1], x[2], H);
    for (int j = 0; j < 3; ++j) {
      double keep = x[j], h = 1e-5, gp[3] = {}, gm[3] = {};
      x[j] = keep + h;
      fused_grad(x[0], x[1], x[2], &gp[0], &gp[1], &gp[2]);
      x[j] = keep - h;
      fused_grad(x[0], x[1], x[2], &gm[0], &gm[1], &gm[2]);
      x[j] = keep;
      for (int i = 0; i < 3; ++i)
        check_close(Label("fused", "hessian vs FD of the gradient", i * 3 + j), H[i * 3 + j],
                    (gp[i] - gm[i]) / (2 * h), 1e-6, 1e-9);
    }
  }
  const float pf[2] = {0.7f, 1.3f};
  auto ff = [](const float *v) { return fusedf(v[0], v[1]); };
  check_scalar_fn<float>("fusedf", pf, 2, ff,
      [](const float *v, float *g) { return fusedf_grad(v[0], v[1], &g[0], &g[1]); },
      [](const float *v, const float *t) { return fusedf_fwd(v[0], v[1], t[0], t[1]); });
  check_pullback_prefilled<float>("fusedf", pf, 2, ff,
      [](const float *v, float s, float *g) { return fusedf_pullback(v[0], v[1], s, &g[0], &g[1]); });
  return finish();
}
#endif
