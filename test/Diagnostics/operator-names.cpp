// A member operator and a free operator on the same class get the same
// public names (interface.md §4: V::operator- and operator-(const V&, const
// V&) both give V_minus_...); marking both is an error, not a silent clash.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

struct V {
  double x;
  ADGEN_REVERSE()
  V operator-(const V &o) const { return {x - o.x}; }
};
// CHECK: operator-names.cpp:[[@LINE+1]]:1: error: the derivatives of 'operator-' and 'operator-' would both be 'V_minus_pullback(const V &, const V &, V, V *, V *)': a member operator and a free one on the same class share their names (interface.md §4); mark only one of them
ADGEN_REVERSE()
V operator-(const V &a, const V &b) { return {a.x * b.x}; }
