// f_jacobian with float inputs and double outputs (repro jacobian-float-input.cpp):
// the Jacobian is double, so reverse mode cannot accumulate a float input's
// adjoint straight into the Jacobian's row; it goes to a float buffer, copied
// into the row. Checked against central differences in every Jacobian mode,
// with g++ and clang++, and with --emit=check.
// RUN: %adgen %s --jacobian-mode=reverse -o %t.rev.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.rev.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.rev.cpp -o %t.rev && %t.rev
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.rev.cpp -o %t.revc && %t.revc
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --jacobian-mode=forward -o %t.fwd.cpp -- -std=c++17
// RUN: %cxx -DADGEN_TEST_DRIVER %t.fwd.cpp -o %t.fwd && %t.fwd
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check && %t.check | FileCheck %s --check-prefix=CHK
#include <adgen/adgen.h>

ADGEN_JACOBIAN("a -> out[2]")
void f(float a, double *out) { out[0] = a * a; out[1] = a; }
ADGEN_JACOBIAN("x[2], b -> out[2]")
void g(const float *x, double b, double *out) { out[0] = x[0] * b; out[1] = x[1] * x[0] + b; }
// CHECK-LABEL: void f_jacobian(float a, double *out, double *jac) {
// CHECK: float adgen_d_a = 0;
// CHECK: ::adgen_detail::f_jacobian_pullback(a, out, &adgen_d_a, adgen_d_out);
// CHECK-NEXT: jac[adgen_row * adgen_n_in + 0] = adgen_d_a;
// CHECK-LABEL: void g_jacobian(const float *x, double b, double *out, double *jac) {
// CHECK: float adgen_d_x[2];
// CHECK: ::adgen_detail::g_jacobian_pullback(x, b, out, adgen_d_x, jac + adgen_row * adgen_n_in + static_cast<std::size_t>(2), adgen_d_out);
// CHECK-NEXT: std::copy(adgen_d_x, adgen_d_x + static_cast<std::size_t>(2), jac + adgen_row * adgen_n_in);
// CHK-NOT: FAIL
// CHK: passed, 0 failed

#ifdef ADGEN_TEST_DRIVER
void f_jacobian(float a, double *out, double *jac);
void g_jacobian(const float *x, double b, double *out, double *jac);
#include "adgen_test.h"
using namespace adgen_test;
int main() {
  float a = 0.75f;
  double out[2], jac[6];
  f_jacobian(a, out, jac);
  check_close("f d out0/da", jac[0], 2.0 * a, 1e-6);
  check_close("f d out1/da", jac[1], 1.0, 1e-6);
  float x[2] = {0.5f, -1.25f};
  double b = 1.5;
  g_jacobian(x, b, out, jac);
  double want[2];
  g(x, b, want);
  check_ulps("g out0 vs primal", out[0], want[0]);
  check_ulps("g out1 vs primal", out[1], want[1]);
  for (int r = 0; r < 2; ++r) {
    auto row = [&](float x0, float x1, double bb) { float xx[2] = {x0, x1}; double o[2]; g(xx, bb, o); return o[r]; };
    // Central differences with a step exact in float (g is quadratic: exact).
    const float h = 0.0625f;
    check_close("g d/dx0", jac[3 * r], (row(x[0] + h, x[1], b) - row(x[0] - h, x[1], b)) / (2 * h), 1e-6);
    check_close("g d/dx1", jac[3 * r + 1], (row(x[0], x[1] + h, b) - row(x[0], x[1] - h, b)) / (2 * h), 1e-6);
    check_close("g d/db", jac[3 * r + 2], fd_scalar([&](double t) { return row(x[0], x[1], t); }, b), 1e-6);
  }
  check_close("g exact d out1/dx0", jac[3], double(x[1]), 1e-7);
  check_close("g exact d out0/db", jac[2], double(x[0]), 1e-7);
  return finish();
}
#endif
