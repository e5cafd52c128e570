// A class the user cannot edit (a third-party header, private members)
// differentiated through command-line requests: the derivatives reach its
// private fields, method and static constant without any edit to the class.
// RUN: %adgen %s --reverse 'stats::dist::Gaussian::logpdf: self, x' --forward 'stats::dist::Gaussian::logpdf: self, x' -o %t.gen.cpp -- -std=c++17 -I%S/Inputs
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -I%S/Inputs -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -I%S/Inputs -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include "thirdparty-private.h"

// CHECK:       // stats::dist::Gaussian::log_sqrt_2pi_ (private)
// CHECK-NEXT:  struct Gaussian_log_sqrt_2pi__tag {
// CHECK-NEXT:    using type = Pointer<const double>;
// CHECK:       template struct PointerTo<Gaussian_sigma__tag, &::stats::dist::Gaussian::sigma_>;
// CHECK:       template struct PointerTo<Gaussian_mu__tag, &::stats::dist::Gaussian::mu_>;
// CHECK-LABEL: inline double Gaussian_logpdf_pullback(const stats::dist::Gaussian &self, double x, double d_ret, stats::dist::Gaussian *d_self, double *d_x) {
// CHECK:         result = -0.5 * t * t - std::log(self.*adgen::access::Gaussian_sigma_) - (*adgen::access::Gaussian_log_sqrt_2pi_);
// CHECK:         d_self->*adgen::access::Gaussian_sigma_ -= d_result / (self.*adgen::access::Gaussian_sigma_);
// CHECK-LABEL: inline double Gaussian_logpdf_grad(const stats::dist::Gaussian &self, double x, stats::dist::Gaussian *d_self, double *d_x) {
// CHECK-LABEL: static double Gaussian_z_record(const stats::dist::Gaussian &self, double x) {
// CHECK:         (x - (self.*adgen::access::Gaussian_mu_)) / (self.*adgen::access::Gaussian_sigma_);
// CHECK-LABEL: static void Gaussian_z_reverse(const stats::dist::Gaussian &self, double x, double d_result_1, stats::dist::Gaussian *d_self, double *d_x) {
// CHECK-LABEL: inline adgen::Dual<double> Gaussian_logpdf_fwd(const stats::dist::Gaussian &self, double x, const stats::dist::Gaussian &d_self, double d_x) {
// CHECK-LABEL: static inline adgen::Dual<double> Gaussian_z_fwd(const stats::dist::Gaussian &self, double x, const stats::dist::Gaussian &d_self, double d_x) {

#ifdef ADGEN_TEST_DRIVER
#include <adgen/adgen.h>
namespace stats::dist {
inline double Gaussian_logpdf_pullback(const Gaussian &self, double x, double d_ret, Gaussian *d_self, double *d_x);
inline double Gaussian_logpdf_grad(const Gaussian &self, double x, Gaussian *d_self, double *d_x);
inline adgen::Dual<double> Gaussian_logpdf_fwd(const Gaussian &self, double x, const Gaussian &d_self, double d_x);
} // namespace stats::dist
#include "adgen_test.h"
using stats::dist::Gaussian;
int main() {
  using namespace adgen_test;
  double p[3] = {0.3, 1.7, -0.4}; // mu, sigma, x
  auto f = [](const double *q) { return Gaussian(q[0], q[1]).logpdf(q[2]); };
  check_scalar_fn<double>(
      "Gaussian::logpdf", p, 3, f,
      [](const double *q, double *g) {
        Gaussian d(g[0], g[1]);
        double r = Gaussian_logpdf_grad(Gaussian(q[0], q[1]), q[2], &d, &g[2]);
        g[0] = d.mu(); g[1] = d.sigma();
        return r;
      },
      [](const double *q, const double *t) {
        return Gaussian_logpdf_fwd(Gaussian(q[0], q[1]), q[2], Gaussian(t[0], t[1]), t[2]);
      });
  // Pre-filled adjoints and d_ret != 1: pre + d_ret * gradient.
  const double d_ret = 2.5, pre[3] = {0.75, -0.5, 1.25};
  Gaussian d(pre[0], pre[1]);
  double dx = pre[2];
  double v = Gaussian_logpdf_pullback(Gaussian(p[0], p[1]), p[2], d_ret, &d, &dx);
  check_ulps("pullback returns logpdf", v, f(p));
  const double got[3] = {d.mu(), d.sigma(), dx};
  for (int i = 0; i < 3; ++i)
    check_close(Label("Gaussian::logpdf", "pre + d_ret * grad", i), got[i],
                pre[i] + d_ret * fd_array([&] { return f(p); }, p, i), 1e-6, 1e-9);
  // By hand: d/dmu = z / sigma, d/dsigma = (z^2 - 1) / sigma, d/dx = -z / sigma.
  double z = (p[2] - p[0]) / p[1];
  check_close("d/dmu by hand", got[0], pre[0] + d_ret * z / p[1], 1e-14);
  check_close("d/dsigma by hand", got[1], pre[1] + d_ret * (z * z - 1) / p[1], 1e-14);
  check_close("d/dx by hand", got[2], pre[2] - d_ret * z / p[1], 1e-14);
  return finish();
}
#endif
