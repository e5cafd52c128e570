// Functions returning a reference or a pointer are inlined when they end with
// their only `return`, of a location in their object, a reference or pointer
// parameter, or a global (test/Methods/accessors.cpp,
// test/Methods/accessor-bodies.cpp). Anything else is refused with an error
// naming the function, and a note at the call.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

struct Buf {
  double d[4];
  double &pick(double a, double b) {
    // CHECK: accessors.cpp:[[@LINE+1]]:12: error: 'Buf::pick' returns a reference and returns a choice between objects ('?:'); adgen inlines functions returning a reference or pointer that end with their only 'return', of a location in their object, a reference or pointer parameter, or a global (such as 'return d[i];')
    return a > b ? d[0] : d[1];
  }
  // CHECK: accessors.cpp:33:3: note: called here
  double &slot(int i) {
    if (i > 3)
      // CHECK: accessors.cpp:[[@LINE+1]]:7: error: 'Buf::slot' returns a reference and returns from more than one place (a choice between locations)
      return d[3];
    return d[i];
  }
  const double &twice(const double &a) const {
    // CHECK: accessors.cpp:39:10: note: called here
    // CHECK: accessors.cpp:[[@LINE+1]]:12: error: 'Buf::twice' returns a reference and returns a value, not a location
    return a * 2; // a dangling reference in C++ too
  }
};

ADGEN_REVERSE()
double use_pick(Buf b, double x) {
  b.pick(x, 1.0) = x;
  return b.d[0];
}

ADGEN_REVERSE()
double use_slot(Buf b, double x) {
  return b.slot(5) * x;
}

ADGEN_FORWARD()
double use_twice(Buf b, double x) { return b.twice(x) * x; }
// CHECK: accessors.cpp:[[@LINE-1]]:44: note: called here

double &keep(double x) {
  // CHECK: accessors.cpp:[[@LINE+1]]:10: error: 'keep' returns a reference and returns parameter 'x', a copy made for the call
  return x;
}
ADGEN_FORWARD()
double use_keep(double x) { return keep(x) * x; }
// CHECK: accessors.cpp:[[@LINE-1]]:36: note: called here

double &counter() {
  static double n = 0;
  // CHECK: accessors.cpp:[[@LINE+1]]:10: error: 'counter' returns a reference and returns static local 'n'
  return n;
}
ADGEN_REVERSE()
double use_counter(double x) { return counter() + x; }
// CHECK: accessors.cpp:[[@LINE-1]]:39: note: called here

const double &bigger(const double &a, const double &b) {
  // CHECK: accessors.cpp:[[@LINE+1]]:10: error: 'bigger' returns a reference and returns a choice between objects ('?:')
  return a > b ? a : b;
}
ADGEN_REVERSE()
double use_bigger(double x, double y) { return bigger(x, y) * x; }
// CHECK: accessors.cpp:[[@LINE-1]]:48: note: called here
