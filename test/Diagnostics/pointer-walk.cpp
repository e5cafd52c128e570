// Pointers that move within one array are supported (test/Pointers/
// moved-pointers.cpp); what would need a pointer's array to be known only
// at run time is refused with an error that names the construct; no output.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE()
double walk(const double *a, const double *b, int n) {
  double s = 0;
  const double *end = a + n;
  // CHECK: pointer-walk.cpp:[[@LINE+1]]:12: error: comparing or subtracting pointers is supported only for pointers into one array
  while (b != end)
    s += *a++ * std::exp(*b++);
  return s;
}

ADGEN_FORWARD()
void shift(const double *x, const double *z, double *y, int n) {
  const double *q = x;
  for (int i = 0; i < n; ++i) {
    y[i] = *q * 2.0;
    // CHECK: pointer-walk.cpp:[[@LINE+1]]:7: error: 'q' is pointed into another array inside a branch or loop, so which array it reaches would depend on the path taken; this is not supported (use a second pointer)
    q = z + i;
  }
}

struct P {
  double v;
};
ADGEN_REVERSE()
double objects(const P *p, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    s += p->v;
    // CHECK: pointer-walk.cpp:[[@LINE+1]]:7: error: assigning to a pointer variable is not supported; declare a new pointer or use an index
    ++p;
  }
  return s;
}
