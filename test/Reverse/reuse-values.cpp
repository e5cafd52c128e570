// The partials of sqrt, exp, expm1, exp2, cbrt, tanh and hypot are written
// with the function's own value, which the forward sweep keeps in a local
// (taped when a loop overwrites it): the backward sweep never evaluates them
// again.
// The forward-mode functions evaluate each of them once, for the value, and
// write the tangent with that value; the exception is expm1, whose tangent
// is written with std::exp(x[1]), a second evaluation (the pullback reuses
// expm1_val + 1.0): EXP-FWD pins today's two std::exp( calls so that it
// cannot get worse; make it one when the forward mode reuses the value.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: sed -n '/^adgen::Dual<double> pairs_fwd(.*{$/,/^}$/p' %t.gen.cpp > %t.fwd.cpp
// RUN: sed -n '/^double pairs_fwd_vec(.*{$/,/^}$/p' %t.gen.cpp > %t.fwdvec.cpp
// RUN: FileCheck %s --check-prefix=ONCE --input-file=%t.fwd.cpp -DFN=sqrt
// RUN: FileCheck %s --check-prefix=ONCE --input-file=%t.fwd.cpp -DFN=expm1
// RUN: FileCheck %s --check-prefix=ONCE --input-file=%t.fwd.cpp -DFN=exp2
// RUN: FileCheck %s --check-prefix=ONCE --input-file=%t.fwd.cpp -DFN=cbrt
// RUN: FileCheck %s --check-prefix=ONCE --input-file=%t.fwd.cpp -DFN=tanh
// RUN: FileCheck %s --check-prefix=ONCE --input-file=%t.fwd.cpp -DFN=hypot
// RUN: FileCheck %s --check-prefix=EXP-FWD --input-file=%t.fwd.cpp
// RUN: FileCheck %s --check-prefix=ONCE --input-file=%t.fwdvec.cpp -DFN=sqrt
// RUN: FileCheck %s --check-prefix=ONCE --input-file=%t.fwdvec.cpp -DFN=expm1
// RUN: FileCheck %s --check-prefix=ONCE --input-file=%t.fwdvec.cpp -DFN=exp2
// RUN: FileCheck %s --check-prefix=ONCE --input-file=%t.fwdvec.cpp -DFN=cbrt
// RUN: FileCheck %s --check-prefix=ONCE --input-file=%t.fwdvec.cpp -DFN=tanh
// RUN: FileCheck %s --check-prefix=ONCE --input-file=%t.fwdvec.cpp -DFN=hypot
// RUN: FileCheck %s --check-prefix=EXP-FWD --input-file=%t.fwdvec.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE("x[n], s") ADGEN_FORWARD("x[n], s")
double pairs(const double *x, int n, double s) {
  double e = 0;
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j)
      e -= x[i] * x[j] / std::sqrt((x[i] - x[j]) * (x[i] - x[j]) + s * s);
  double r = std::exp(0.1 * e); // its own local already
  return r + std::tanh(e) * std::cbrt(1 + s * s) + std::hypot(x[0], s) + std::expm1(x[1]) +
         std::exp2(x[0] * s);
}
// CHECK-LABEL: double pairs_pullback(const double *x, int n, double s, double d_ret, double *d_x, double *d_s) {
// CHECK:         tape_at.push(sqrt_val);
// CHECK-NEXT:    sqrt_val = std::sqrt((x[i] - x[j]) * (x[i] - x[j]) + s * s);
// CHECK-NEXT:    e -= x[i] * x[j] / sqrt_val;
// The CHECK-NOTs cover the whole backward sweep: from its comment to the
// pop, and from the pop to the function's closing brace (qualified or not).
// CHECK:         // Backward sweep
// CHECK-NOT:     {{[^_[:alnum:]]}}sqrt(
// CHECK-NOT:     {{[^_[:alnum:]]}}exp(
// CHECK-NOT:     {{[^_[:alnum:]]}}expm1(
// CHECK-NOT:     {{[^_[:alnum:]]}}exp2(
// CHECK-NOT:     {{[^_[:alnum:]]}}cbrt(
// CHECK-NOT:     {{[^_[:alnum:]]}}tanh(
// CHECK-NOT:     {{[^_[:alnum:]]}}hypot(
// CHECK:         sqrt_val = tape.pop<double>();
// CHECK-NOT:     {{[^_[:alnum:]]}}sqrt(
// CHECK-NOT:     {{[^_[:alnum:]]}}exp(
// CHECK-NOT:     {{[^_[:alnum:]]}}expm1(
// CHECK-NOT:     {{[^_[:alnum:]]}}exp2(
// CHECK-NOT:     {{[^_[:alnum:]]}}cbrt(
// CHECK-NOT:     {{[^_[:alnum:]]}}tanh(
// CHECK-NOT:     {{[^_[:alnum:]]}}hypot(
// CHECK:         return result;
// CHECK-NEXT:  {{^}}}{{$}}
// CHECK-LABEL: double pairs_grad(

// Forward (pairs_fwd and pairs_fwd_vec, each extracted from the output
// above): one evaluation of each function, for its value.
// ONCE:          std::[[FN]](
// ONCE-NOT:      std::[[FN]](
// EXP-FWD:       std::exp(0.1 * e)
// EXP-FWD:       std::exp(x[1])
// EXP-FWD-NOT:   std::exp(

#ifdef ADGEN_TEST_DRIVER
double pairs_grad(const double *x, int n, double s, double *d_x, double *d_s);
adgen::Dual<double> pairs_fwd(const double *x, int n, double s, const double *d_x, double d_s);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  double x[5] = {0.3, -0.7, 0.45, 1.1, 0.6}; // x[0..3], s
  check_scalar_fn<double>(
      "pairs", x, 5, [](const double *p) { return pairs(p, 4, p[4]); },
      [](const double *p, double *g) { return pairs_grad(p, 4, p[4], g, &g[4]); },
      [](const double *p, const double *t) { return pairs_fwd(p, 4, p[4], t, t[4]); });
  return finish();
}
#endif
