// Structs whose derivatives adgen cannot start at zero with 'S d_s = {};'
// (a constructor, default member initialisers) are refused where a
// derivative would start there, and multi-dimensional array fields (stored
// flat by the graph, not by C++) wherever they appear. Before, a struct with
// default member initialisers gave adjoints that started at those values (a
// wrong gradient), one with a constructor gave 'C d_c = {};' (no such
// constructor), and 'W a = {x, y};' for 'double arr[1][2]' assigned a row.
// Read through a parameter, such a struct is fine (f1; numbers in
// test/Regressions/private-member.cpp).
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

struct Defaults { double w = 2.0, b = 1.0; };
struct Ctor { double v; explicit Ctor(double a) : v(a * 2) {} };
struct Grid { double arr[1][2]; };

ADGEN_REVERSE()
double f1(double x, const Defaults &p) { return p.w * x + p.b; }

// CHECK: struct-construction.cpp:[[@LINE+1]]:1: error: 'Ctor' has a constructor or default member initialisers, so 'S{}' is not zero, and the derivatives of 'f2' would start a value of it there; not supported yet: use a plain struct (aggregate initialisation, S{a, b})
ADGEN_FORWARD()
double f2(Ctor c, double x) {
  Ctor c_local = c;
  return c_local.v * x;
}

ADGEN_FORWARD()
double f3(double x, double y) {
  // CHECK: struct-construction.cpp:[[@LINE+1]]:8: error: local variable 'a' has type 'Grid': field 'arr' of 'Grid' is a multi-dimensional array, which adgen does not support yet; use a 1-D array indexed 'a[i * n + j]'
  Grid a = {x, y};
  return a.arr[0][0] * a.arr[0][1];
}
