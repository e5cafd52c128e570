// The --emit=check program calls every kind of marked function the way C++
// allows and keeps its own names apart from the parameters' (repros
// check-static-member.cpp, check-rvalue-member.cpp): a static member function
// as S::f (not ::f), an &&-qualified method on an rvalue of its object (the
// object still holds f's effects), and a spec length naming a parameter
// `s` or `a0` (the harness's state and its fields) is rewritten in one pass.
// A wrong derivative of each still fails (-DWRONG).
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.check.cpp --check-prefix=GEN --implicit-check-not=error:
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s
// RUN: %adgen %s --emit=check -o %t.wrong.cpp -- -std=c++17 -DWRONG
// RUN: %cxx -DWRONG %t.wrong.cpp -o %t.wrong && not %t.wrong | FileCheck %s --check-prefix=WRONG
#include <adgen/adgen.h>

// sq(x) = x^2 with hand-written derivatives, wrong (3x) under -DWRONG.
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

struct S {
  double k = 1.5;
  ADGEN_REVERSE()
  static double twice_sq(double x) { return 2 * sq(x); }
  ADGEN_REVERSE("i") ADGEN_FORWARD("i")
  double m(double i) && { k *= 2; return k * sq(i); }
};

ADGEN_REVERSE("x[n], s, a0")
double lengths(int n, double s, double a0, const double *x) {
  double t = 0;
  for (int i = 0; i < n; ++i)
    t += s * sq(x[i]) * a0;
  return t;
}

// GEN-LABEL: inline double S_twice_sq_pullback(double x, double d_ret, double *d_x) {
// GEN-LABEL: inline double S_twice_sq_grad(double x, double *d_x) {
// GEN-LABEL: inline double S_m_pullback(S &self, double i, double d_ret, double *d_i) {
// GEN-LABEL: inline double S_m_grad(S &self, double i, double *d_i) {
// GEN-LABEL: inline adgen::Dual<double> S_m_fwd(S &self, double i, double d_i) {
// GEN-LABEL: double lengths_pullback(int n, double s, double a0, const double *x, double d_ret, double *d_s, double *d_a0, double *d_x) {
// GEN-LABEL: double lengths_grad(
// GEN: auto r = ::S::twice_sq(s.a0);
// GEN: auto r = static_cast<std::decay_t<decltype(s.a0)> &&>(s.a0).m(s.a1);
// GEN: s.a3.resize(static_cast<std::size_t>(s.a0));
// CHECK: ok   S::twice_sq
// CHECK: ok   S::m
// CHECK: ok   lengths
// CHECK: 3 passed, 0 failed
// WRONG: FAIL S::twice_sq
// WRONG: FAIL S::m
// WRONG: FAIL lengths
// WRONG: 0 passed, 3 failed
