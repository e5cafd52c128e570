// A user function that already has a public name the tool would generate,
// without ADGEN_CUSTOM: an error naming both.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

ADGEN_REVERSE()
double f(double x) { return x * x; }

// CHECK: name-clash.cpp:[[@LINE+1]]:{{[0-9]+}}: error: {{.*}}'f_grad'{{.*}}'f'
double f_grad(double x, double *d_x) {
  *d_x += 2 * x;
  return x * x;
}
