// A spec naming something that is not a parameter: an error at the macro
// that names it.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

// CHECK: spec-unknown-name.cpp:[[@LINE+1]]:19: error: 'z' is not a parameter of 'f'
ADGEN_REVERSE("x, z")
double f(double x, double y) { return x * y; }
