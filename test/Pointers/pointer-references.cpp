// A pointer passed to a reference-to-pointer parameter, which the callee
// may move: `void advance(const double *&p, int n) { p += n; }`,
// `double next(const double *&p) { return *p++; }`, `void emit(double *&out,
// double v) { *out = v; ++out; }`. The caller's pointer (a local or a
// parameter) is a pointer moved within its array (its array and an offset
// local, `p_offset`), and the call is inlined with the parameter naming
// that array and offset, so moving it moves the caller's. Checked against
// central differences, forward against reverse, pre-filled adjoints.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK: 3 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

void advance(const double *&p, int n) { p += n; }
double next(const double *&p) { return *p++; }
double peek(const double *&p) { return p[1]; }
void emit(double *&out, double v) {
  *out = v;
  ++out;
}

ADGEN_FORWARD("a[6]") ADGEN_REVERSE("a[6]") ADGEN_JACOBIAN("a[6]")
double f(const double *a) {
  const double *p = a;
  double s = next(p);
  advance(p, 2);
  s += std::sin(*p) * peek(p);
  for (int i = 0; i < 2; ++i)
    s += next(p) * s;
  return s;
}

// The marked function's own parameters, moved by the helpers.
ADGEN_FORWARD("a[4], out[4]") ADGEN_REVERSE("a[4] -> out[4]")
void fill(const double *a, double *out) {
  for (int i = 0; i < 4; ++i)
    emit(out, std::exp(next(a)));
}

// CHECK-LABEL: adgen::Dual<double> f_fwd(const double *a, const double *d_a) {
// CHECK-NEXT:   std::ptrdiff_t p_offset = 0;
// CHECK-NEXT:   std::ptrdiff_t old = p_offset;
// CHECK-NEXT:   ++p_offset;
// CHECK-NEXT:   double d_next = d_a[old];
// CHECK-NEXT:   double next = a[old];
// CHECK:   p_offset += n;
// CHECK-NEXT:   double d_peek = d_a[p_offset + 1];
// CHECK-LABEL: double f_pullback(const double *a, double d_ret, double *d_a) {
// CHECK-LABEL: void f_jacobian(const double *a, double *jac) {
// CHECK-LABEL: void fill_fwd(const double *a, double *out, const double *d_a, double *d_out) {
// CHECK-NEXT:   std::ptrdiff_t a_offset = 0;
// CHECK-NEXT:   std::ptrdiff_t out_offset = 0;
// CHECK:   d_out[out_offset] = d_v;
// CHECK-LABEL: void fill_pullback(const double *a, double *out, double *d_a, double *d_out) {
