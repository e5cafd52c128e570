// A non-floating-point parameter named as active.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

// CHECK: spec-non-floating.cpp:[[@LINE+1]]:{{[0-9]+}}: error: {{.*}}'n'{{.*}}floating
ADGEN_FORWARD("x, n")
double f(double x, int n) { return x * n; }
