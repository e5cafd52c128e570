// &x of a scalar is accepted as the argument of a call (a one-element
// array; test/Calls/address-of-scalar.cpp); elsewhere, or passed twice to
// one call, or a pointer local's initialiser, it is refused with a located
// error.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

static double both(const double *a, double *b) { b[0] += a[0]; return b[0]; }
static double mixed(double *a, double &b) { b += a[0]; return b; }

ADGEN_REVERSE()
double pointer_local(double x, double y) {
  const double *p = &x; // fine: p names x (test/Pointers/address-of-scalar.cpp)
  // CHECK: address-of.cpp:[[@LINE+1]]:7: error: taking the address of a variable is supported only as the argument of a call ('h(&x)'); pass arrays by pointer and scalars by value or reference
  p = &y;
  return p[0] * x;
}

ADGEN_REVERSE()
double twice(double x) {
  // CHECK: address-of.cpp:[[@LINE+1]]:19: error: the address of 'x' is passed twice to one call, which is not supported; copy it into a second variable
  return both(&x, &x);
}

ADGEN_FORWARD()
double by_reference_too(double x) {
  // CHECK: address-of.cpp:[[@LINE+1]]:10: error: 'x' is passed to one call both by address and by reference, which is not supported; copy it into a second variable
  return mixed(&x, x);
}
