// Malformed spec syntax: an empty item between commas.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

// CHECK: spec-syntax.cpp:[[@LINE+1]]:18: error: invalid adgen spec: expected a parameter name after ','
ADGEN_REVERSE("x,, y")
double f(double x, double y) { return x * y; }
