// An unbalanced '[' in a length.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

// CHECK: spec-unbalanced.cpp:[[@LINE+1]]:20: error: invalid adgen spec: expected '+', '-', '*' or ']'
ADGEN_REVERSE("x[n -> return")
double f(const double *x, int n) { return x[0] * n; }
