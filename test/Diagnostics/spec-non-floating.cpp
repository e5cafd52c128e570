// A non-floating-point parameter named as active.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

// CHECK: spec-non-floating.cpp:[[@LINE+1]]:19: error: parameter 'n' has type 'int', which carries no derivative; only floating-point parameters (and pointers, arrays and references to them) can be active
ADGEN_FORWARD("x, n")
double f(double x, int n) { return x * n; }
