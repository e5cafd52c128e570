// A pointer to numbers that the function moves (`p = p + 1`, `p++`, `--p`,
// `p += n`, `p = q`, `p = &a[i]`, `p = a`), a local or a parameter: the
// array it points into and an integer local p_offset (PointerOffsets.cpp).
// `*p` and `p[i]` are base[p_offset] and base[p_offset + i]; two pointers
// into one array compare and subtract as their offsets.
// Numbers: --emit=check (central differences, forward against reverse,
// pre-filled adjoints with d_ret != 1, f's effects), with g++ and clang++.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUN: not %adgen %s -o %t.bad.cpp -- -std=c++17 -DREFUSE 2>&1 | FileCheck %s --check-prefix=REFUSE
// RUNCHECK: 6 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>
#include <cstddef>

ADGEN_REVERSE("arr[5]") ADGEN_FORWARD("arr[5]")
double arrayPointer(const double *arr) {
  const double *p = arr;
  p = p + 1;
  double sum = *p * *p;
  p++;
  sum += (*p) * 2;
  p += 1;
  sum += (*p) * sum;
  ++p;
  sum += (*p) * 3;
  p -= 2;
  p = p - 2;
  sum += 5 * std::sin(*p);
  return sum;
}
// CHECK-LABEL: double arrayPointer_pullback(const double *arr, double d_ret, double *d_arr) {
// CHECK:   std::ptrdiff_t p_offset = 0;
// CHECK:   p_offset = 0;
// CHECK-NEXT:   ++p_offset;
// CHECK-NEXT:   sum = arr[p_offset] * arr[p_offset];
// CHECK:   p_offset -= 2;
// CHECK-NEXT:   p_offset -= 2;

ADGEN_REVERSE("a[3], b[3]") ADGEN_FORWARD("a[3], b[3]")
double pointerMultipleParams(const double *a, const double *b) {
  double sum = b[2] * b[1];
  b = a;
  a = 1 + a;
  ++b;
  sum += a[0] * b[0];
  b++;
  a++;
  sum += a[0] + b[0] * b[-1];
  b--;
  a--;
  sum += a[0] * b[0];
  --b;
  --a;
  sum += a[0] + b[0];
  return sum;
}
// CHECK-LABEL: double pointerMultipleParams_pullback(const double *a, const double *b, double d_ret, double *d_a, double *d_b) {

ADGEN_REVERSE("arr[n]") ADGEN_FORWARD("arr[n]")
double pointerParam(const double *arr, size_t n) {
  double sum = 0;
  for (size_t i = 0; i < n; ++i) {
    size_t *j = &i;
    sum += arr[0] * arr[0] * (*j);
    arr = arr + 1;
  }
  return sum;
}
// CHECK-LABEL: double pointerParam_pullback(const double *arr, size_t n, double d_ret, double *d_arr) {

ADGEN_REVERSE("x[n]") ADGEN_FORWARD("x[n]")
double walk(const double *x, int n) {
  double s = 0;
  for (const double *p = x; p != x + n; ++p)
    s += *p * *p;
  const double *e = x + n;
  const double *q = &x[0];
  while (q < e) {
    double v = *q++;
    s += std::sin(v) * q[-1];
  }
  return s + static_cast<double>(e - x);
}
// CHECK-LABEL: adgen::Dual<double> walk_fwd(const double *x, int n, const double *d_x) {
// CHECK:   for (std::ptrdiff_t p_offset = 0; p_offset != n; ++p_offset) { // line
// CHECK:   std::ptrdiff_t e_offset = n;
// CHECK-NEXT:   std::ptrdiff_t q_offset = 0;
// CHECK-NEXT:   while (q_offset < e_offset) { // line
// CHECK-NEXT:     std::ptrdiff_t old = q_offset;
// CHECK-NEXT:     ++q_offset;
// CHECK:     s += sin_v * x[q_offset - 1];
// CHECK:   return adgen::Dual<double>{s + static_cast<double>(e_offset), d_s};

ADGEN_REVERSE("x[4], y[4]") ADGEN_FORWARD("x[4], y[4]")
void scaleInPlace(double *x, double *y) {
  double *p = x;
  for (int k = 0; k < 4; ++k) {
    *p = *p * y[k];
    p++;
  }
  p = y + 3;
  *p *= x[0];
  p -= 3;
  p[1] = p[0] * p[2];
}
// CHECK-LABEL: void scaleInPlace_pullback(double *x, double *y, double *d_x, double *d_y) {

ADGEN_REVERSE("a[4]") ADGEN_FORWARD("a[4]")
double rowPointer(const double *a) {
  double local[4];
  for (int i = 0; i < 4; ++i)
    local[i] = a[i] * a[3 - i];
  const double *p{local};
  double s = 0;
  while (p < local + 4) {
    s += *p;
    p += 2;
  }
  return s;
}
// CHECK-LABEL: double rowPointer_pullback(const double *a, double d_ret, double *d_a) {

#ifdef REFUSE
ADGEN_REVERSE("a[2], b[2]")
double chosen(const double *a, const double *b, int c) {
  const double *p = a;
  if (c > 0)
    p = b;
  return *p;
}
// REFUSE: error: 'p' is pointed into another array inside a branch or loop, so which array it reaches would depend on the path taken; this is not supported (use a second pointer)
ADGEN_REVERSE("a[2], b[2]")
bool compared(const double *a, const double *b) {
  const double *p = a;
  p++;
  return p < b;
}
// REFUSE: error: comparing or subtracting pointers is supported only for pointers into one array
ADGEN_REVERSE("x")
double scalar(double x, double y) {
  double *p = &x;
  p = &y;
  return *p;
}
// REFUSE: error: taking the address of a variable is supported only as the argument of a call
#endif
