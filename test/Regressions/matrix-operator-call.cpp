// f_jacobian / f_hessian of a marked operator() (repro jacobian-operator-call.cpp):
// the internal helpers are named after the contract's public stem (F_call_...,
// interface.md §4), not after `operator()`, which is no identifier. Checked
// against the analytic derivatives in every Jacobian mode with g++ and clang++
// and with --emit=check.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --jacobian-mode=reverse -o %t.rev.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.rev.cpp --check-prefix=REV --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.rev.cpp -o %t.rev && %t.rev
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check && %t.check | FileCheck %s --check-prefix=CHK
#include <adgen/adgen.h>

struct Op {
  double k = 2;
  ADGEN_JACOBIAN("a, b -> out[2]")
  void operator()(double a, double b, double *out) { out[0] = k * a * b; out[1] = a + b * b; }
  ADGEN_HESSIAN("a, b")
  double operator()(double a, double b) { return k * a * a * b; }
};
// CHECK-LABEL: static void Op_call_jacobian_fwd(Op &self, double a, double b, double *out, double d_a, double d_b, double *d_out) {
// CHECK-LABEL: inline void Op_call_jacobian(Op &self, double a, double b, double *out, double *jac) {
// CHECK: ::adgen_detail::Op_call_jacobian_fwd(self, a, b, out,
// CHECK-LABEL: static adgen::Dual<double> Op_call_hessian_fwd(Op &self, double a, double b, double d_ret,
// CHECK-LABEL: inline void Op_call_hessian(Op &self, double a, double b, double *hess) {
// CHECK: ::adgen_detail::Op_call_hessian_fwd(self, a, b,
// REV-LABEL: static void Op_call_jacobian_pullback(Op &self, double a, double b, double *out, double *d_a, double *d_b, double *d_out) {
// REV-LABEL: inline void Op_call_jacobian(Op &self, double a, double b, double *out, double *jac) {
// REV: ::adgen_detail::Op_call_jacobian_pullback(self, a, b, out,
// CHK-NOT: FAIL

#ifdef ADGEN_TEST_DRIVER
void Op_call_jacobian(Op &self, double a, double b, double *out, double *jac);
void Op_call_hessian(Op &self, double a, double b, double *hess);
#include "adgen_test.h"
using namespace adgen_test;
int main() {
  Op s;
  s.k = 1.75;
  double a = 0.6, b = -1.3, out[2], jac[4];
  Op_call_jacobian(s, a, b, out, jac);
  double want[2];
  s(a, b, want);
  check_ulps("out0 vs primal", out[0], want[0]);
  check_ulps("out1 vs primal", out[1], want[1]);
  for (int r = 0; r < 2; ++r) {
    auto row = [&](double x, double y) { double o[2]; Op t = s; t(x, y, o); return o[r]; };
    check_close("jac d/da vs central differences", jac[2 * r], fd_scalar([&](double t) { return row(t, b); }, a));
    check_close("jac d/db vs central differences", jac[2 * r + 1], fd_scalar([&](double t) { return row(a, t); }, b));
  }
  check_close("d out1/db", jac[3], 2 * b, 1e-13);
  double hess[4];
  Op_call_hessian(s, a, b, hess);
  check_close("h_aa", hess[0], 2 * s.k * b, 1e-13);
  check_close("h_ab", hess[1], 2 * s.k * a, 1e-13);
  check_close("h_ba", hess[2], 2 * s.k * a, 1e-13);
  check_close("h_bb", hess[3], 0, 1e-13);
  return finish();
}
#endif
