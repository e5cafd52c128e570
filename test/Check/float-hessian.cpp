// --emit=check compares f_hessian with second differences of f at steps h
// and h/2, Richardson-extrapolated (their truncation error, about 1e-3
// relative at float's step, cancels), with a rounding allowance relative to
// the largest |f| evaluated and, for float, a relative tolerance of 2e-3.
// Correct float Hessians of log(x) and pow(x, 4) used to "fail" (relative
// error 0.0076 > 1e-05; survey3 bug checker-float-hessian-fd). A Hessian
// that is wrong by a few percent still fails (-DWRONG changes f, not the
// derivatives adgen generated from it).
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.check.cpp --check-prefix=GEN
// RUN: %cxx -DADGEN_CHECK_TRIALS=40 %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s
// RUN: %clangxx -DADGEN_CHECK_TRIALS=40 %t.check.cpp -o %t.clang && %t.clang | FileCheck %s
// RUN: %cxx -DWRONG %t.check.cpp -o %t.bad && not %t.bad | FileCheck %s --check-prefix=BAD
#include <adgen/adgen.h>
#include <math.h>

ADGEN_HESSIAN("x")
float f3(float x) {
#ifdef WRONG
  return log(x) + 0.01F * x * x;
#else
  return log(x);
#endif
}

ADGEN_HESSIAN("x")
float f4(float x) { return pow(x, 4.0F); }

ADGEN_HESSIAN("x, y")
float f6(float x, float y) { return log(x * y) / (1 + x) + sqrt(x + y); }

ADGEN_HESSIAN("x[3]")
float f7(const float *x) {
  float s = 0;
  for (int i = 0; i < 3; ++i)
    s += x[i] * x[i] * x[(i + 1) % 3] - log(x[i]);
  return s;
}

ADGEN_HESSIAN("x, y")
double d1(double x, double y) { return log(x * y) / (1 + x) + sqrt(x + y) + pow(x, 4.0); }

// GEN: adgen_check::fdHessian(
// GEN: adgen_check::htol<float>(), adgen_check::hnoise<float>(fmax, adgen_check::hstep<float>())
// GEN: adgen_check::htol<double>(), adgen_check::hnoise<double>(fmax, adgen_check::hstep<double>())
// CHECK-NOT: FAIL
// CHECK: 5 passed, 0 failed
// BAD: FAIL f3: f_hessian vs second differences of f: relative error
// BAD: 4 passed, 1 failed
