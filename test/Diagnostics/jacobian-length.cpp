// f_jacobian needs the length of every array input: a spec that leaves one
// unknown is an error that names the array and asks for "x[n]".
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

// CHECK: jacobian-length.cpp:[[@LINE+1]]:{{[0-9]+}}: error: {{.*}}'x'{{.*}}length
ADGEN_JACOBIAN()
double f(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += x[i] * x[i];
  return s;
}
