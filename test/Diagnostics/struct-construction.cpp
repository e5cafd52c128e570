// Classes with constructors or default member initialisers: adgen runs
// their constructors in place and makes their derivatives with
// adgen::zeroed<S>() (test/Classes/constructors.cpp). What it cannot do is
// refused where it appears: local arrays and std::vectors of such classes
// built other than by the default constructor (test/Classes/object-arrays.cpp
// has those that are), a 'return' in a
// constructor, a constructor whose body is not in the file, one that builds
// an object of its own class; and multi-dimensional array fields (stored flat
// by the graph, not by C++) wherever they appear. Before, a struct with
// default member initialisers gave adjoints that started at those values (a
// wrong gradient), and 'W a = {x, y};' for 'double arr[1][2]' assigned a row.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <vector>

struct Defaults { double w = 2.0, b = 1.0; };
struct Ctor { double v; explicit Ctor(double a) : v(a * 2) {} };
struct Grid { double arr[1][2]; };

ADGEN_REVERSE()
double f1(double x, const Defaults &p) { return p.w * x + p.b; }

// Fine now: a copy of a class with a constructor, and its tangent.
ADGEN_FORWARD()
double f2(Ctor c, double x) {
  Ctor c_local = c;
  return c_local.v * x;
}

struct Early {
  double v;
  Early(double a) {
    v = a;
    // CHECK: struct-construction.cpp:[[@LINE+1]]:16: error: a 'return' in a constructor is not supported in differentiated code (adgen runs the constructor in place); use if/else instead
    if (a > 0) return;
    v = -a;
  }
};
struct Hidden { double v; Hidden(double a); };

ADGEN_FORWARD()
double f4(double x) {
  Early e(x);
  return e.v;
}
ADGEN_FORWARD()
double f5(double x) {
  // CHECK: struct-construction.cpp:[[@LINE+1]]:10: error: constructor of 'Hidden' has no body that adgen can see; define it in this translation unit
  Hidden h(x);
  return h.v;
}
ADGEN_FORWARD()
double f6(double x) {
  // CHECK: struct-construction.cpp:[[@LINE+1]]:8: error: local array 'two' of 'Ctor', a class with a constructor or default member initialisers, is supported only built by the default constructor ('Ctor two[n];', 'std::array<Ctor, n> two;', 'std::vector<Ctor> two(n);'); set the elements after the declaration
  Ctor two[2] = {Ctor(x), Ctor(x * x)};
  return two[0].v * two[1].v;
}
ADGEN_FORWARD()
double f7(double x) {
  // CHECK: struct-construction.cpp:[[@LINE+1]]:25: error: local std::vector 'ds' of 'Defaults', a class with a constructor or default member initialisers, is supported only built by the default constructor
  std::vector<Defaults> ds(2, Defaults{});
  return ds[0].w * x;
}
// CHECK: struct-construction.cpp:[[@LINE+1]]:67: error: a constructor of 'Self' that constructs a 'Self' itself is not supported
struct Self { double v; Self(double a) : v(a) { if (a > 1) { Self half(a / 2); v = half.v; } } };
ADGEN_FORWARD()
double f8(double x) {
  Self s(x);
  return s.v;
}

ADGEN_FORWARD()
double f3(double x, double y) {
  // CHECK: struct-construction.cpp:[[@LINE+1]]:8: error: local variable 'a' has type 'Grid': field 'arr' of 'Grid' is a multi-dimensional array, which adgen does not support yet; use a 1-D array indexed 'a[i * n + j]'
  Grid a = {x, y};
  return a.arr[0][0] * a.arr[0][1];
}
ADGEN_FORWARD()
double f_grow(double x) {
  std::vector<Defaults> ds(2);
  // CHECK: struct-construction.cpp:[[@LINE+1]]:3: error: 'std::vector::push_back' on std::vector 'ds' of 'Defaults', a class with a constructor or default member initialisers, is not supported (the derivatives' vectors would get elements built by the constructor rather than zero); size the vector where it is declared
  ds.push_back(Defaults{});
  return ds[2].w * x;
}
