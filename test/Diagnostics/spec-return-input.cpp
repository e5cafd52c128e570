// 'return' cannot be an input.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

// CHECK: spec-return-input.cpp:[[@LINE+1]]:16: error: invalid adgen spec: 'return' cannot be an input
ADGEN_REVERSE("return -> x")
double f(double x) { return x * x; }
