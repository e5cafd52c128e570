// f_hessian of a function with output parameters besides its result
// (`-> return, y[n]`, `-> return, r`): forward over reverse takes a tangent
// for every active parameter, an output's zero on entry (the driver used to
// pass tangents of inputs only, and the call did not compile).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK: 2 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

ADGEN_HESSIAN("x[n], w -> return, y[n]")
double arrays(const double *x, double *y, int n, double w) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    y[i] = w * x[i] * x[i];
    s += y[i] * x[0];
  }
  return s;
}
// CHECK-LABEL: void arrays_hessian(const double *x, double *y, int n, double w, double *hess) {
// CHECK: arrays_hessian_fwd(x, y, n, w, double(1), adgen_g_x.data(), adgen_g_y.data(), &adgen_g_w, adgen_t_x.data(), adgen_t_y.data(), adgen_t_w, adgen_dg_x.data(), adgen_dg_y.data(), &adgen_dg_w);

ADGEN_HESSIAN("a, b -> return, r")
double scalars(double a, double b, double &r) {
  r = std::sin(a) * b;
  return r * a + b * b * a;
}
// CHECK-LABEL: void scalars_hessian(double a, double b, double &r, double *hess) {
// CHECK: scalars_hessian_fwd(a, b, r, double(1), &adgen_g_a, &adgen_g_b, &adgen_g_r, adgen_t_a, adgen_t_b, adgen_t_r, &adgen_dg_a, &adgen_dg_b, &adgen_dg_r);
