// C's malloc and calloc of plain structs of numbers as scratch buffers:
// `P *t = (P *)malloc(n * sizeof(P));`, `static_cast<P *>(calloc(n,
// sizeof(P)))`, ... `free(t);`. Like a buffer of numbers, each is a local
// `std::vector<P> t_buffer(n)` that owns the elements (zero to start) and
// a pointer local `P *t = t_buffer.data();`, with a derivative buffer of
// the same shape. Structs with constructors or default member
// initialisers are refused (test/Diagnostics/null-and-pointer-refs.cpp).
// Checked against central differences, forward against reverse,
// pre-filled adjoints; f_jacobian too.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK: 1 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>
#include <cstdlib>

struct P { double a; double b; int k; };

ADGEN_FORWARD("x[4]") ADGEN_REVERSE("x[4]") ADGEN_JACOBIAN("x[4]")
double f(const double *x, int n) {
  P *t = (P *)malloc(n * sizeof(P));
  for (int i = 0; i < n; ++i) {
    t[i].a = x[i] * x[i];
    t[i].b = std::sin(x[i]);
    t[i].k = i;
  }
  P *u = static_cast<P *>(calloc(n, sizeof(P)));
  double s = 0.0;
  for (int i = 0; i < n; ++i) {
    u[i].a = t[n - 1 - i].a * t[i].b;
    s += u[i].a + u[i].b * t[i].k;
  }
  free(u);
  free(t);
  return s;
}

// CHECK-LABEL: adgen::Dual<double> f_fwd(const double *x, int n, const double *d_x) {
// CHECK-NEXT:   std::vector<P> t_buffer(static_cast<unsigned long>(n));
// CHECK-NEXT:   std::vector<P> d_t_buffer(t_buffer.size());
// CHECK-NEXT:   P *t = t_buffer.data();
// CHECK-NEXT:   P *d_t = d_t_buffer.data();
// CHECK-LABEL: double f_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK-NEXT:   double result = 0.0;
// CHECK-NEXT:   std::vector<P> t_buffer(static_cast<unsigned long>(n));
// CHECK-NEXT:   P *t = t_buffer.data();
// CHECK:   std::vector<P> d_t_buffer(t_buffer.size());
// CHECK-NEXT:   P *d_t = d_t_buffer.data();
// CHECK-LABEL: void f_jacobian(const double *x, int n, double *jac) {
