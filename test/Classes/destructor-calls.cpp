// Explicit destructor calls that do nothing: `p->~T()` of a scalar type (a
// pseudo-destructor, here through a template) and `o.~S()` of a class whose
// destructor is trivial. They end an object's lifetime and change no number,
// so generated code leaves them out (BuildStatements.cpp). A class with a
// destructor of its own is still a call adgen must understand.
// Numbers: --emit=check (central differences, forward against reverse,
// pre-filled adjoints with d_ret != 1), with g++ and clang++.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error: --implicit-check-not='~'
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUN: not %adgen %s -o %t.bad.cpp -- -std=c++17 -DREFUSE 2>&1 | FileCheck %s --check-prefix=REFUSE
// RUNCHECK: 2 passed, 0 failed
#include <adgen/adgen.h>

template <typename T> void destroy(T *p) { p->~T(); }

struct P {
  double a;
  int n;
};

ADGEN_REVERSE() ADGEN_FORWARD()
double pseudo(double x) {
  int k = 3;
  double d = x;
  double r = x * k * d;
  destroy(&k);
  using D = double;
  (&d)->~D();
  return r;
}
// CHECK-LABEL: double pseudo_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> pseudo_fwd(double x, double d_x) {

ADGEN_REVERSE() ADGEN_FORWARD()
double trivial(double x) {
  P p{x * x, 2};
  double r = p.a * p.n;
  p.~P();
  return r + x;
}
// CHECK-LABEL: double trivial_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> trivial_fwd(double x, double d_x) {

#ifdef REFUSE
int count = 0;
P *next() { ++count; static P p{1, 2}; return &p; }
ADGEN_REVERSE()
double effects(double x) {
  // REFUSE: destructor-calls.cpp:[[@LINE+1]]:3: error: the object of an explicit destructor call has side effects; compute it in a statement before
  next()->~P();
  return x;
}
#endif
