// Two arguments of one call that reach the same variable, where the callee
// may write through one of them, are refused: the callee is differentiated
// as if its reference and pointer arguments did not overlap (its storage
// plan, const& arguments read as values), which gave wrong derivatives and
// even wrong values (found by probes next to Clad's FunctionCalls tests).
// Separate elements and fields, and by-value copies, are fine.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
// RUN: %adgen %s -o %t.ok.cpp -- -std=c++17 -DFINE
// RUN: %cxx -DFINE -c %t.ok.cpp -o %t.ok.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17 -DFINE
// RUN: %cxx -DFINE %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx -DFINE %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK: 1 passed, 0 failed
#include <adgen/adgen.h>

void f2(double &a, const double &b) { a = a * b; a += b; }
void mulnext(double *out, const double *in) { out[0] = in[0] * in[1]; }
void swap_mul(double &a, double &b) { double tmp = a; a = b * a; b = tmp + a; }
struct S {
  double v;
  void addFrom(const double &b) { v = v * b; v += b; }
};
double byValue(double &a, double b) { a *= b; return a + b; }

#ifndef FINE
ADGEN_REVERSE()
double refs(double x) {
  double t = x;
  // CHECK: overlapping-arguments.cpp:[[@LINE+1]]:3: error: 't' is reached by two arguments of 'f2' ('a' and 'b'), and 'f2' may write through 'a': adgen differentiates a call as if its reference and pointer arguments did not overlap; copy the value into a separate variable or array first
  f2(t, t);
  return t;
}

ADGEN_REVERSE()
double pointers(double x, double y) {
  double t[2] = {x, y};
  // CHECK: overlapping-arguments.cpp:[[@LINE+1]]:3: error: 't' is reached by two arguments of 'mulnext' ('out' and 'in')
  mulnext(t + 1, t);
  return t[1];
}

ADGEN_FORWARD()
double twoRefs(double x, int i, int j) {
  double t[2] = {x, x};
  // CHECK: overlapping-arguments.cpp:[[@LINE+1]]:3: error: 't' is reached by two arguments of 'swap_mul' ('a' and 'b')
  swap_mul(t[i % 2], t[j % 2]);
  return t[0] + t[1];
}

ADGEN_REVERSE()
double method(double x) {
  S s{x};
  // CHECK: overlapping-arguments.cpp:[[@LINE+1]]:3: error: 's' is reached by two arguments of 'addFrom' ('self' and 'b'), and 'addFrom' may write through 'self'
  s.addFrom(s.v);
  return s.v;
}
#else
ADGEN_REVERSE() ADGEN_FORWARD()
double fine(double x, double y) {
  double t[2] = {x, y};
  f2(t[0], t[1]);     // separate elements
  S s{y};
  double u = x;
  s.addFrom(u);
  swap_mul(t[1], s.v); // separate variables
  return byValue(u, u) + t[0] * t[1] + s.v; // b is a copy
}
#endif
