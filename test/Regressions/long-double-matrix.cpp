// f_hessian and f_jacobian of long double functions: the drivers' seeds and
// zeros are `static_cast<long double>(1)` / `(0)` (a functional cast
// `long double(0)` is not C++), for scalars, arrays, held arrays of structs
// and the Jacobian itself. Integer parameters of several words (unsigned
// int, long long, unsigned short) pass through unchanged.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error: --implicit-check-not="long double("
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %clangxx -c %t.gen.cpp -o %t.clang.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK: 5 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

ADGEN_HESSIAN("x, y")
long double h(long double x, long double y) { return x * x * y + std::sin(x * y); }
// CHECK-LABEL: void h_hessian(long double x, long double y, long double *hess) {
// CHECK: h_hessian_fwd(x, y, static_cast<long double>(1),

ADGEN_JACOBIAN("x -> out[2]")
void j(long double x, long double *out) {
  out[0] = x * x;
  out[1] = 2 * x;
}
// CHECK-LABEL: void j_jacobian(long double x, long double *out, long double *jac) {
// CHECK: std::fill(jac, jac + adgen_n_out * adgen_n_in, static_cast<long double>(0));
// CHECK: std::fill(jac + adgen_row * adgen_n_in, jac + (adgen_row + 1) * adgen_n_in, static_cast<long double>(0));

ADGEN_HESSIAN("x[n], w -> return, y[n]") ADGEN_JACOBIAN("x[n], w -> y[n]")
long double arrays(const long double *x, long double *y, unsigned int n, long long k, unsigned short m,
                   long double w) {
  long double s = 0;
  for (unsigned int i = 0; i < n; ++i) {
    y[i] = w * x[i] * x[i] * static_cast<long double>(k + m);
    s += y[i] * x[0];
  }
  return s;
}
// CHECK-LABEL: void arrays_hessian(
// CHECK: static_cast<long double>(0)
// CHECK-LABEL: void arrays_jacobian(
// CHECK: static_cast<long double>(0)

struct P {
  long double a, b;
};

ADGEN_JACOBIAN("ps[2] -> return") ADGEN_HESSIAN("ps[2]")
long double structs(const P *ps) { return ps[0].a * ps[1].b + ps[1].a * ps[0].b * ps[0].a; }
// CHECK-LABEL: void structs_jacobian(
// CHECK: adgen::zeroed<P>()
// CHECK-LABEL: void structs_hessian(
