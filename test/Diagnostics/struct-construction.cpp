// Structs whose derivatives adgen cannot start at zero with 'S d_s = {};',
// and multi-dimensional array fields (stored flat by the graph, not by C++),
// are refused where they appear. Before, a struct with default member
// initialisers gave adjoints that started at those values (a wrong
// gradient), one with a constructor gave 'C d_c = {};' (no such
// constructor), and 'W a = {x, y};' for 'double arr[1][2]' assigned a row.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

struct Defaults { double w = 2.0, b = 1.0; };
struct Ctor { double v; explicit Ctor(double a) : v(a * 2) {} };
struct Grid { double arr[1][2]; };

ADGEN_REVERSE()
// CHECK: struct-construction.cpp:[[@LINE+1]]:37: error: parameter 'p' has type 'const Defaults &': class 'Defaults' has a constructor or default member initialisers; adgen starts the derivatives of a struct at 'S{}', which must be all zero: remove them and use aggregate initialisation (S{a, b})
double f1(double x, const Defaults &p) { return p.w * x + p.b; }

ADGEN_FORWARD()
// CHECK: struct-construction.cpp:[[@LINE+1]]:16: error: parameter 'c' has type 'Ctor': class 'Ctor' has a constructor or default member initialisers; adgen starts the derivatives of a struct at 'S{}', which must be all zero: remove them and use aggregate initialisation (S{a, b})
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
