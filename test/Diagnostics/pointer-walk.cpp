// Pointers that move (p++, p = q) and pointer comparisons are refused with an
// error that names the construct and says what to write instead; no output.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE()
double walk(const double *a, const double *b, int n) {
  double s = 0;
  const double *end = a + n;
  // CHECK: pointer-walk.cpp:[[@LINE+1]]:12: error: pointer differences and comparisons are not supported
  while (a != end)
    s += *a++ * std::exp(*b++);
  return s;
}

ADGEN_FORWARD()
void shift(const double *x, double *y, int n) {
  const double *q = x;
  for (int i = 0; i < n; ++i) {
    y[i] = *q * 2.0;
    // CHECK: pointer-walk.cpp:[[@LINE+1]]:7: error: assigning to a pointer variable is not supported; declare a new pointer or use an index
    ++q;
  }
}
