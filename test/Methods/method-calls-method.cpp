// A non-const method that calls another non-const method of the same object
// (repro method-calls-method.cpp) was refused: the activity analysis took
// every non-const reference or pointer argument of a call as written, so
// `self` looked like an output that carries derivatives ("parameter 'self' is
// written ..., but it is not active"). A callee with a visible body is now
// asked whether it writes through the parameter (also through its own
// calls); a free function with a `double&` it only reads is the same case.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

struct S {
  double x, y;
  double g(double i) { return x * i + std::sin(y * i); }
  double k(double i) { return g(i) * g(2 * i); } // reads self, through g
  void bump(double i) { y = y * i; }              // writes self

  // The repro, with a second level of calls: self is not active.
  ADGEN_FORWARD("i") ADGEN_REVERSE("i")
  double f(double i) { return g(i) + k(i); }

  // self is active (default spec) and written through a callee.
  ADGEN_FORWARD() ADGEN_REVERSE()
  double w(double i) {
    bump(i);
    return g(i) * y;
  }
};
// CHECK-LABEL: adgen::Dual<double> S_f_fwd(S &self, double i, double d_i) {
// CHECK-LABEL: double S_f_pullback(S &self, double i, double d_ret, double *d_i) {
// CHECK-LABEL: double S_f_grad(S &self, double i, double *d_i) {
// CHECK-LABEL: adgen::Dual<double> S_w_fwd(S &self, double i, S &d_self, double d_i) {
// CHECK-LABEL: double S_w_pullback(S &self, double i, double d_ret, S *d_self, double *d_i) {
// CHECK-LABEL: double S_w_grad(S &self, double i, S *d_self, double *d_i) {

// A free function with a non-const reference and pointer it only reads.
static double readonly(double &r, double *buf, double t) { return r * t + buf[0] * t * t; }
ADGEN_FORWARD("t") ADGEN_REVERSE("t")
double q(double &r, double *buf, double t) { return readonly(r, buf, t) + r; }
// CHECK-LABEL: adgen::Dual<double> q_fwd(double &r, double *buf, double t, double d_t) {
// CHECK-LABEL: double q_pullback(double &r, double *buf, double t, double d_ret, double *d_t) {
// CHECK-LABEL: double q_grad(

#ifdef ADGEN_TEST_DRIVER
adgen::Dual<double> S_f_fwd(S &self, double i, double d_i);
double S_f_pullback(S &self, double i, double d_ret, double *d_i);
double S_f_grad(S &self, double i, double *d_i);
adgen::Dual<double> S_w_fwd(S &self, double i, S &d_self, double d_i);
double S_w_pullback(S &self, double i, double d_ret, S *d_self, double *d_i);
double S_w_grad(S &self, double i, S *d_self, double *d_i);
adgen::Dual<double> q_fwd(double &r, double *buf, double t, double d_t);
double q_pullback(double &r, double *buf, double t, double d_ret, double *d_t);
double q_grad(double &r, double *buf, double t, double *d_t);
#include "adgen_pullback.h"
using namespace adgen_test;

int main() {
  // The repro's object: at y = 0, g(i) = 2i and k(i) = 8i^2, f'(3) = 2 + 48.
  S r{2, 0};
  check_close("S_f_fwd at y = 0", S_f_fwd(r, 3.0, 1.0).tangent, 50.0, 1e-15);
  // f with respect to i.
  const double pi[] = {0.8};
  auto fv = [](const double *p) { S s{1.3, -0.6}; return s.f(p[0]); };
  check_scalar_fn<double>("S::f", pi, 1, fv,
      [](const double *p, double *d) { S s{1.3, -0.6}; return S_f_grad(s, p[0], &d[0]); },
      [](const double *p, const double *t) { S s{1.3, -0.6}; return S_f_fwd(s, p[0], t[0]); });
  check_pullback_prefilled<double>("S::f", pi, 1, fv,
      [](const double *p, double sd, double *d) { S s{1.3, -0.6}; return S_f_pullback(s, p[0], sd, &d[0]); });

  // w with respect to (x, y, i) of the initial object.
  const double p0[] = {1.3, -0.6, 0.8};
  auto wv = [](const double *p) { S s{p[0], p[1]}; return s.w(p[2]); };
  check_scalar_fn<double>("S::w", p0, 3, wv,
      [](const double *p, double *d) {
        S s{p[0], p[1]}, ds{0, 0};
        double v = S_w_grad(s, p[2], &ds, &d[2]);
        d[0] += ds.x, d[1] += ds.y;
        return v;
      },
      [](const double *p, const double *t) { S s{p[0], p[1]}, ds{t[0], t[1]}; return S_w_fwd(s, p[2], ds, t[2]); });
  // Pre-filled adjoints and d_ret = sd: d_self holds the adjoint of self's
  // final contents on entry (pre), of its initial contents on return; d_i
  // accumulates. Both are the gradient of L = sd * w + <pre, self_final>.
  for (double sd : {0.5, -2.25}) {
    const double px = 0.7, py = -1.1, pre_i = 4.0;
    auto L = [&](const double *p) {
      S s{p[0], p[1]};
      double v = s.w(p[2]);
      return sd * v + px * s.x + py * s.y;
    };
    double p[] = {1.3, -0.6, 0.8};
    S s{p[0], p[1]}, ds{px, py}, ref{p[0], p[1]};
    double di = pre_i;
    check_ulps("S_w_pullback value", S_w_pullback(s, p[2], sd, &ds, &di), ref.w(p[2]));
    check_exact("S_w_pullback leaves self as w does: x", s.x, ref.x);
    check_exact("S_w_pullback leaves self as w does: y", s.y, ref.y);
    check_close("d_self.x", ds.x, fd_array([&] { return L(p); }, p, 0), 1e-6);
    check_close("d_self.y", ds.y, fd_array([&] { return L(p); }, p, 1), 1e-6);
    check_close("d_i: pre + dL/di", di, pre_i + fd_array([&] { return L(p); }, p, 2), 1e-6);
  }

  // q with respect to t; r and buf are read only.
  const double pt[] = {0.45};
  auto qv = [](const double *p) { double r = 1.7, b[1] = {-0.3}; return q(r, b, p[0]); };
  check_scalar_fn<double>("q", pt, 1, qv,
      [](const double *p, double *d) { double r = 1.7, b[1] = {-0.3}; return q_grad(r, b, p[0], &d[0]); },
      [](const double *p, const double *t) { double r = 1.7, b[1] = {-0.3}; return q_fwd(r, b, p[0], t[0]); });
  check_pullback_prefilled<double>("q", pt, 1, qv,
      [](const double *p, double sd, double *d) { double r = 1.7, b[1] = {-0.3}; return q_pullback(r, b, p[0], sd, &d[0]); });
  return finish();
}
#endif
