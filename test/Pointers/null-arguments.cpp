// `nullptr` passed to a pointer parameter of a called function (also as a
// default argument), and pointers as conditions: `if (p)`, `!p`,
// `p != nullptr`, `p == nullptr`, `p ? *p : 0.0`, `p && p[0] > 0`. A null
// argument names no variable, so the call's helper is the one for that
// parameter inactive (`g_fwd_wrt_x(x, nullptr, d_x)`): no derivative
// pointer goes with a null pointer. The tests are on the pointer itself, so
// the derivative code takes the branch f takes; `p ? *p : 0.0` is an if.
// f_fwd_vec, f_jacobian and f_hessian too; the marked function `opt` is also called
// with null pointers for both its pointer and its derivative pointer.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.drv.gcc && %t.drv.gcc | FileCheck %s --check-prefix=DRIVER
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.drv.clang && %t.drv.clang | FileCheck %s --check-prefix=DRIVER
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK: 2 passed, 0 failed
// DRIVER: null pointers ok
#include <adgen/adgen.h>
#include <cmath>

// The optional output parameter.
double g(double x, double *grad_out = nullptr) {
  if (grad_out)
    *grad_out = 2 * x;
  return x * x;
}

// Reads through a pointer that may be null.
double h(const double *w, double x) {
  double s = w ? *w * x : x;
  if (w != nullptr && w[0] > 0.0)
    s += std::sin(w[0]);
  return s;
}

double early(double x, double *out) {
  if (!out)
    return std::exp(x);
  *out = x * 3.0;
  return x;
}

ADGEN_FORWARD() ADGEN_REVERSE() ADGEN_JACOBIAN() ADGEN_HESSIAN()
double f(double x, double y) {
  double d = 0.0, e = 0.5;
  double a = g(x);
  double b = g(y, nullptr);
  double c = g(x * y, &d);
  double u = h(nullptr, x) + h(&e, y) + h(&c, y);
  double v = early(y, NULL) + early(x, &e);
  return a + b * c + d * y + u + v * e;
}

// The marked function tests its own pointer parameter.
ADGEN_FORWARD() ADGEN_REVERSE()
double opt(double x, const double *scale) {
  double s = scale ? scale[0] : 1.0;
  if (scale == nullptr)
    return x * x;
  return s * x * x;
}

// CHECK-LABEL: adgen::Dual<double> f_fwd(double x, double y, double d_x, double d_y) {
// CHECK: = ::adgen_detail::g_fwd_wrt_x(x, nullptr, d_x);
// CHECK: = ::adgen_detail::g_fwd_wrt_x(y, nullptr, d_y);
// CHECK: = ::adgen_detail::g_fwd(x * y, d_cell, d_x * y + d_y * x, d_d_cell);
// CHECK: = ::adgen_detail::h_fwd_wrt_x(nullptr, x, d_x);
// CHECK: = ::adgen_detail::early_fwd_wrt_x(y, nullptr, d_y);
// CHECK-LABEL: double f_fwd_vec(double x, double y, const double *d_x, const double *d_y, int k, double *d_ret) {
// CHECK: = ::adgen_detail::g_fwd_vec_wrt_x(x, nullptr, d_x, k, d_g_value);
// CHECK: = ::adgen_detail::h_fwd_vec_wrt_x(nullptr, x, d_x, k, d_h_value);
// CHECK-LABEL: static adgen::Dual<double> early_fwd_wrt_x(double x, double *out, double d_x) {
// CHECK:   if (out == nullptr) {
// CHECK-LABEL: static adgen::Dual<double> h_fwd_wrt_x(const double *w, double x, double d_x) {
// CHECK:   if (w != nullptr) {
// CHECK:   if (w != nullptr && w[0] > 0.0) {
// CHECK-LABEL: static adgen::Dual<double> g_fwd(double x, double *grad_out, double d_x, double *d_grad_out) {
// CHECK:   if (grad_out != nullptr) {
// CHECK-NEXT: d_grad_out[0] = d_x * 2.0;
// CHECK-NEXT: grad_out[0] = 2.0 * x;
// CHECK-LABEL: double f_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK: = ::adgen_detail::g_record_wrt_x(x, nullptr, tape);
// CHECK: ::adgen_detail::g_reverse_wrt_x(x, nullptr, d_g_2, &d_x_8, tape);
// CHECK-LABEL: static void g_reverse_wrt_x(double x, double *grad_out, double d_result_1, double *d_x, adgen::Tape &tape) {
// CHECK:   if (tape.pop<bool>()) {
// CHECK-NEXT: redo.save(grad_out);
// CHECK-NEXT: grad_out[0] = tape.pop<double>();
// CHECK-NEXT: }
// CHECK-LABEL: void f_jacobian(double x, double y, double *jac) {
// CHECK-LABEL: void f_hessian(double x, double y, double *hess) {
// CHECK-LABEL: adgen::Dual<double> opt_fwd(double x, const double *scale, double d_x, const double *d_scale) {
// CHECK:   if (scale != nullptr) {
// CHECK-NEXT: d_chosen = d_scale[0];
// CHECK-NEXT: chosen = scale[0];
// CHECK-NEXT: } else {
// CHECK:   if (scale == nullptr) {
// CHECK-LABEL: double opt_pullback(double x, const double *scale, double d_ret, double *d_x, double *d_scale) {

#ifdef ADGEN_TEST_DRIVER
#include <cstdio>
adgen::Dual<double> opt_fwd(double x, const double *scale, double d_x, const double *d_scale);
double opt_pullback(double x, const double *scale, double d_ret, double *d_x, double *d_scale);
int main() {
  // A null pointer goes with a null derivative pointer; neither is read.
  adgen::Dual<double> r = opt_fwd(1.5, nullptr, 1.0, nullptr);
  double dx = 0.25;
  double v = opt_pullback(1.5, nullptr, 2.0, &dx, nullptr);
  double s = 2.0, ds = 0.5, dx2 = 0.0;
  adgen::Dual<double> r2 = opt_fwd(1.5, &s, 0.0, &ds);
  double v2 = opt_pullback(1.5, &s, 1.0, &dx2, &ds);
  bool ok = r.value == 2.25 && r.tangent == 3.0 && v == 2.25 && dx == 0.25 + 6.0 &&
            r2.value == 4.5 && r2.tangent == 0.5 * 2.25 && v2 == 4.5 && dx2 == 6.0 &&
            ds == 0.5 + 2.25;
  std::printf(ok ? "null pointers ok\n" : "null pointers FAILED\n");
  return ok ? 0 : 1;
}
#endif
