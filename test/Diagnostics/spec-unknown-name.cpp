// A spec naming something that is not a parameter: an error at the macro
// that names it.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

// CHECK: spec-unknown-name.cpp:[[@LINE+1]]:{{[0-9]+}}: error: {{.*}}'z'{{.*}}not a parameter
ADGEN_REVERSE("x, z")
double f(double x, double y) { return x * y; }
