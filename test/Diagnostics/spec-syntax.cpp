// Malformed spec syntax: an empty item between commas.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

// CHECK: spec-syntax.cpp:[[@LINE+1]]:{{[0-9]+}}: error: {{.*}}expected a parameter name
ADGEN_REVERSE("x,, y")
double f(double x, double y) { return x * y; }
