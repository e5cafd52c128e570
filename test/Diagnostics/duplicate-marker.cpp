// Two markers of the same mode on one function would define its derivatives
// twice: refused, at the second marker.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

// CHECK: duplicate-marker.cpp:[[@LINE+1]]:20: error: 'g' is marked ADGEN_REVERSE more than once; list all inputs and outputs in one spec
ADGEN_REVERSE("x") ADGEN_REVERSE("y") double g(double x, double y) { return x * y; }
