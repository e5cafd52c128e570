// A static local that can carry a value between calls is refused: a
// non-const one, and a const one initialised from the arguments of the first
// call (or by a function call). 'static const' tables with constant
// initialisers are accepted (test/Basic/static-const-tables.cpp).
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE()
double counter(double x) {
  // CHECK: static-local.cpp:[[@LINE+1]]:17: error: static local variables are not supported: their value would carry between calls (a 'static const' or 'static constexpr' table with a constant initialiser is fine)
  static double last = 0;
  last = x;
  return x * last;
}

ADGEN_REVERSE()
double first_call(double x) {
  // CHECK: static-local.cpp:[[@LINE+1]]:23: error: static local variables are not supported
  static const double x0 = x;
  return x * x0;
}

static double scale() { return 2.0; }

ADGEN_FORWARD()
double dynamic_init(double x) {
  // CHECK: static-local.cpp:[[@LINE+1]]:23: error: static local variables are not supported
  static const double s = scale();
  return x * s;
}
