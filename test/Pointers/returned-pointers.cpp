// A helper that moves its pointer parameter and returns it,
// `const double *skip(const double *x, int n) { x += n; return x; }`: such
// a function is inlined where it is called (it returns a pointer), its
// parameter a pointer moved within the caller's array, kept as that array
// and an offset local (`x_offset`), so its result is the array plus the
// offset (`const double *q = a + x_offset;`). Also written through
// (`*last(out, 3) = ...`), in loops, and in f_jacobian. Checked against
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

const double *skip(const double *x, int n) {
  x += n;
  return x;
}
const double *after(const double *x) {
  ++x;
  return x;
}
double *last(double *y, int n) {
  y = y + (n - 1);
  return y;
}

ADGEN_FORWARD("a[4]") ADGEN_REVERSE("a[4]") ADGEN_JACOBIAN("a[4]")
double f(const double *a) {
  const double *q = skip(a, 2);
  const double *r = after(q);
  double s = q[0] * r[0];
  const double *t = skip(a, 1);
  for (int i = 0; i < 2; ++i)
    s += t[i] * std::sin(*skip(t, i));
  return s;
}

ADGEN_FORWARD("a[3], out[3]") ADGEN_REVERSE("a[3] -> out[3]")
void put(const double *a, double *out) {
  double *e = last(out, 3);
  *e = a[0] * a[1];
  *last(out, 2) = std::exp(*skip(a, 2));
  out[0] = *after(a) * 2.0;
}

// CHECK-LABEL: adgen::Dual<double> f_fwd(const double *a, const double *d_a) {
// CHECK-NEXT:   std::ptrdiff_t x_offset = 0;
// CHECK-NEXT:   int n = 2;
// CHECK-NEXT:   x_offset += n;
// CHECK-NEXT:   const double *q = a + x_offset;
// CHECK-NEXT:   const double *d_q = d_a + x_offset;
// CHECK-NEXT:   std::ptrdiff_t x_offset_1 = 0;
// CHECK-NEXT:   ++x_offset_1;
// CHECK-NEXT:   const double *r = q + x_offset_1;
// CHECK-LABEL: double f_pullback(const double *a, double d_ret, double *d_a) {
// CHECK-LABEL: void f_jacobian(const double *a, double *jac) {
// CHECK-LABEL: void put_fwd(const double *a, double *out, const double *d_a, double *d_out) {
// CHECK-LABEL: void put_pullback(const double *a, double *out, double *d_a, double *d_out) {
// CHECK:   y_offset += n - 1;
// CHECK-NEXT:   e = out + y_offset;
// CHECK-NEXT:   d_e = d_out + (e - out);
// CHECK-NEXT:   e[0] = a[0] * a[1];
