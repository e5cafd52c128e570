// --emit=check of a function that rounds through float (repro
// check-float-noise.cpp): its central differences carry float's rounding
// noise, so the checker uses float's step and epsilon for it (as it does for
// float inputs) and passes the correct derivative, also when the only float
// is a cast; a double-only function in
// the same file keeps double's. A wrong derivative still fails (-DWRONG: the
// hand-written derivative of sq is 3x instead of 2x).
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.check.cpp --check-prefix=GEN --implicit-check-not=error:
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s
// RUN: %adgen %s --emit=check -o %t.wrong.cpp -- -std=c++17 -DWRONG
// RUN: %cxx -DWRONG %t.wrong.cpp -o %t.wrong && not %t.wrong | FileCheck %s --check-prefix=WRONG
#include <adgen/adgen.h>

double sq(double x);
#ifdef WRONG
#define ADGEN_TEST_DSQ 3
#else
#define ADGEN_TEST_DSQ 2
#endif
ADGEN_CUSTOM double sq_pullback(double x, double d_ret, double *d_x) {
  *d_x += d_ret * ADGEN_TEST_DSQ * x;
  return x * x;
}
ADGEN_CUSTOM adgen::Dual<double> sq_fwd(double x, double d_x) { return {x * x, ADGEN_TEST_DSQ * x * d_x}; }
double sq(double x) { return x * x; }

// d/dx = 6x, to float precision.
ADGEN_REVERSE() ADGEN_FORWARD()
double f(double x) { float t = x * 3.0; return t * x; }
ADGEN_REVERSE() ADGEN_FORWARD()
double g(double x) { float t = x * 3.0; return t * sq(x); }
ADGEN_REVERSE() ADGEN_FORWARD()
double h(double x) { double t = x * 3.0; return t * sq(x); }
// Rounds through float in a cast only (survey: conv_int_mix).
ADGEN_REVERSE() ADGEN_FORWARD()
double c(double x, int n) { return x * n + static_cast<float>(x) * x; }

// GEN-LABEL: double f_pullback(double x, double d_ret, double *d_x) {
// GEN-LABEL: double f_grad(double x, double *d_x) {
// GEN-LABEL: adgen::Dual<double> f_fwd(double x, double d_x) {
// GEN-LABEL: double g_pullback(double x, double d_ret, double *d_x) {
// GEN-LABEL: double g_grad(double x, double *d_x) {
// GEN-LABEL: adgen::Dual<double> g_fwd(double x, double d_x) {
// GEN-LABEL: double h_pullback(double x, double d_ret, double *d_x) {
// GEN-LABEL: double h_grad(double x, double *d_x) {
// GEN-LABEL: adgen::Dual<double> h_fwd(double x, double d_x) {
// GEN-LABEL: namespace adgen_check_0 {
// GEN: adgen_check::step<float>()
// GEN-LABEL: namespace adgen_check_1 {
// GEN: adgen_check::step<float>()
// GEN-LABEL: namespace adgen_check_2 {
// GEN: adgen_check::step<double>()
// GEN-LABEL: namespace adgen_check_3 {
// GEN: adgen_check::step<float>()
// CHECK: ok   f
// CHECK: ok   g
// CHECK: ok   h
// CHECK: ok   c
// CHECK: 4 passed, 0 failed
// WRONG: ok   f
// WRONG: FAIL g
// WRONG: FAIL h
// WRONG: ok   c
// WRONG: 2 passed, 2 failed
