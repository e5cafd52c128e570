// Casting away the const of a pointer into an input is refused (writing
// through it would change the input); into writable local memory it works
// (test/Pointers/casts.cpp).
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

ADGEN_REVERSE("x")
double input(const double *x) {
  // CHECK: const-cast.cpp:[[@LINE+1]]:15: error: casting away 'const' of a pointer is supported only for a pointer into a local array, std::vector or scratch buffer, or into a non-const pointer parameter ('x' is not one)
  double *p = const_cast<double *>(x);
  p[0] *= 2;
  return x[0];
}

ADGEN_REVERSE("x")
double local_const(const double *x) {
  const double *xi = x + 1;
  // CHECK: const-cast.cpp:[[@LINE+1]]:15: error: casting away 'const' of a pointer is supported only
  double *q = (double *)xi;
  return q[0];
}
