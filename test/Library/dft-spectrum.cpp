// A realistic use of std::complex: fitting a magnitude spectrum. The DFT of a
// real signal, |X_k| against a target spectrum, and the frequency response of
// a biquad filter H(e^{iw}) = (b0 + b1 e^{-iw} + b2 e^{-2iw}) / (1 + a1 e^{-iw}
// + a2 e^{-2iw}) against a target magnitude in dB. Gradients with respect to
// the signal (and its Jacobian: complex locals are fine in f_jacobian) and to
// the filter's coefficients.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   dsp::spectrum_loss {{.*}}worst relative error
// RUNCHECK-DAG: ok   dsp::biquad_loss {{.*}}worst relative error
// RUNCHECK: 2 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>
#include <complex>
#include <vector>

namespace dsp {
constexpr double pi = 3.14159265358979323846;

/// sum_k (|X_k| - target_k)^2, X = DFT(x).
ADGEN_REVERSE("x") ADGEN_FORWARD("x") ADGEN_JACOBIAN("x[n]")
double spectrum_loss(const double *x, const double *target, int n) {
  double loss = 0;
  for (int k = 0; k < n; ++k) {
    std::complex<double> X = 0.0;
    for (int j = 0; j < n; ++j)
      X += x[j] * std::polar(1.0, -2.0 * pi * k * j / n);
    double d = std::abs(X) - target[k];
    loss += d * d;
  }
  return loss;
}
// CHECK-LABEL: double spectrum_loss_pullback(const double *x, const double *target, int n, double d_ret, double *d_x) {
// CHECK: adgen::re(X) +=
// CHECK-LABEL: adgen::Dual<double> spectrum_loss_fwd(const double *x, const double *target, int n, const double *d_x) {
// CHECK-LABEL: void spectrum_loss_jacobian(const double *x, const double *target, int n, double *jac) {

/// The response of a biquad at frequency w (radians per sample).
std::complex<double> response(const double *b, const double *a, double w) {
  const std::complex<double> z1 = std::exp(std::complex<double>(0.0, -w));
  const std::complex<double> z2 = z1 * z1;
  return (b[0] + b[1] * z1 + b[2] * z2) / (1.0 + a[0] * z1 + a[1] * z2);
}

/// sum over the frequencies of (20 log10 |H| - target)^2.
ADGEN_REVERSE("b, a") ADGEN_FORWARD("b, a")
double biquad_loss(const double *b, const double *a, const std::vector<double> &freqs,
                   const std::vector<double> &target_db) {
  double loss = 0;
  for (std::size_t k = 0; k < freqs.size(); ++k) {
    std::complex<double> H = response(b, a, freqs[k]);
    double db = 20.0 * std::log10(std::abs(H));
    loss += (db - target_db[k]) * (db - target_db[k]);
  }
  return loss;
}
// CHECK-LABEL: double biquad_loss_pullback(const double *b, const double *a, const std::vector<double> &freqs, const std::vector<double> &target_db, double d_ret, double *d_b, double *d_a) {
// CHECK-LABEL: adgen::Dual<double> biquad_loss_fwd(const double *b, const double *a, const std::vector<double> &freqs, const std::vector<double> &target_db, const double *d_b, const double *d_a) {
} // namespace dsp

#ifdef ADGEN_TEST_DRIVER
namespace dsp {
double spectrum_loss_grad(const double *x, const double *target, int n, double *d_x);
adgen::Dual<double> spectrum_loss_fwd(const double *x, const double *target, int n, const double *d_x);
double biquad_loss_grad(const double *b, const double *a, const std::vector<double> &freqs,
                        const std::vector<double> &target_db, double *d_b, double *d_a);
adgen::Dual<double> biquad_loss_fwd(const double *b, const double *a, const std::vector<double> &freqs,
                                    const std::vector<double> &target_db, const double *d_b,
                                    const double *d_a);
} // namespace dsp
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  const int n = 8;
  double x0[n] = {0.3, -0.7, 1.1, 0.4, -0.2, 0.9, -1.3, 0.5};
  double target[n] = {1.0, 2.0, 0.5, 1.5, 0.2, 1.5, 0.5, 2.0};
  check_scalar_fn<double>(
      "spectrum_loss", x0, n, [&](const double *p) { return dsp::spectrum_loss(p, target, n); },
      [&](const double *p, double *g) { return dsp::spectrum_loss_grad(p, target, n, g); },
      [&](const double *p, const double *t) { return dsp::spectrum_loss_fwd(p, target, n, t); });
  // A low-pass biquad near a target response; coefficients b0..b2, a1, a2.
  std::vector<double> freqs, target_db;
  for (int k = 0; k < 16; ++k) {
    freqs.push_back(0.05 + 3.0 * k / 16);
    target_db.push_back(k < 5 ? 0.0 : -6.0 * (k - 4));
  }
  double c0[5] = {0.2, 0.4, 0.2, -0.6, 0.25};
  check_scalar_fn<double>(
      "biquad_loss", c0, 5,
      [&](const double *p) { return dsp::biquad_loss(p, p + 3, freqs, target_db); },
      [&](const double *p, double *g) {
        return dsp::biquad_loss_grad(p, p + 3, freqs, target_db, g, g + 3);
      },
      [&](const double *p, const double *t) {
        return dsp::biquad_loss_fwd(p, p + 3, freqs, target_db, t, t + 3);
      });
  return finish();
}
#endif
