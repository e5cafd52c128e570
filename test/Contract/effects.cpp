// f_fwd, f_pullback and f_grad have f's effects, once: outputs through
// pointers hold what f writes, an int counter through a pointer and a global
// counter are incremented exactly as often as f increments them, a global
// double holds f's last value. log_out is active by default (a pointer to
// double): in forward mode its tangent comes back, in reverse mode its
// adjoint on return is that of its initial contents (0: overwritten unread).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

int g_calls = 0;
double g_last = 0;

ADGEN_REVERSE() ADGEN_FORWARD()
double f(double x, double *log_out, int *count) {
  ++g_calls;
  *count += 1;
  double r = std::exp(x) * x;
  log_out[0] = r;
  log_out[1] = std::log(r);
  g_last = r;
  return r + 1.0;
}
// CHECK-LABEL: double f_pullback(double x, double *log_out, int *count, double d_ret, double *d_x, double *d_log_out) {
// CHECK-LABEL: double f_grad(double x, double *log_out, int *count, double *d_x, double *d_log_out) {
// CHECK-LABEL: adgen::Dual<double> f_fwd(double x, double *log_out, int *count, double d_x, double *d_log_out) {

#ifdef ADGEN_TEST_DRIVER
double f_pullback(double x, double* log_out, int* count, double d_ret, double* d_x, double* d_log_out);
double f_grad(double x, double* log_out, int* count, double* d_x, double* d_log_out);
adgen::Dual<double> f_fwd(double x, double* log_out, int* count, double d_x, double* d_log_out);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double x = 0.7;
  double ref[2];
  int rc = 0;
  double want = f(x, ref, &rc);
  double want_last = g_last;
  for (int mode = 0; mode < 3; ++mode) {
    const char* name = mode == 0 ? "f_grad" : mode == 1 ? "f_pullback" : "f_fwd";
    double out[2] = {-1, -1}, dx = 0, dout[2] = {0, 0};
    int count = 5, calls = g_calls;
    g_last = 0;
    double v = mode == 0 ? f_grad(x, out, &count, &dx, dout)
             : mode == 1 ? f_pullback(x, out, &count, 1.0, &dx, dout)
                         : f_fwd(x, out, &count, 1.0, dout).value;
    check_ulps(Label(name, "returns f's value"), v, want);
    check_ulps(Label(name, "writes log_out[0]"), out[0], ref[0]);
    check_ulps(Label(name, "writes log_out[1]"), out[1], ref[1]);
    check_exact(Label(name, "increments *count once"), count, 6);
    check_exact(Label(name, "increments the global counter once"), g_calls, calls + 1);
    check_ulps(Label(name, "writes the global double"), g_last, want_last);
  }
  double dx = 0, dout[2] = {0, 0};
  int c = 0;
  double out[2];
  f_grad(x, out, &c, &dx, dout);
  check_close("d/dx (x e^x) = (1 + x) e^x", dx, (1 + x) * std::exp(x), 1e-15);
  check_exact("d_log_out[0]: overwritten, adjoint of initial contents 0", dout[0], 0.0);
  check_exact("d_log_out[1]: overwritten, adjoint of initial contents 0", dout[1], 0.0);
  // Reverse with adjoints on the final log_out: they flow back into x.
  dx = 0, dout[0] = 2.0, dout[1] = 3.0;
  f_pullback(x, out, &c, 0.0, &dx, dout);
  check_close("d_x from log_out's seeds", dx, 2.0 * (1 + x) * std::exp(x) + 3.0 * (1 + x) / x, 1e-15);
  check_exact("d_log_out zero on return", dout[0] + dout[1], 0.0);
  // Forward: tangents of log_out's final contents.
  double t[2] = {99.0, 99.0};
  adgen::Dual<double> d = f_fwd(x, out, &c, 1.0, t);
  check_close("f_fwd tangent", d.tangent, (1 + x) * std::exp(x), 1e-15);
  check_close("f_fwd: tangent of log_out[0]", t[0], (1 + x) * std::exp(x), 1e-15);
  check_close("f_fwd: tangent of log_out[1]", t[1], (1 + x) / x, 1e-15);
  return finish();
}
#endif
