// Every marker yields its functions or is an error at the marker: a marker
// on a variable holding a lambda adgen cannot differentiate as a function
// (the repro's lambdas, with no captures, now work:
// test/Lambdas/marked-lambda-variables.cpp), on any other declaration that
// is not a function (variable, field, class, enum, parameter, namespace,
// type alias, local variable), and on a member function of a class defined
// inside a function (its derivatives could not name the class) used to
// produce nothing, with exit status 0.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

// CHECK-DAG: stray-markers.cpp:[[@LINE+1]]:1: error: ADGEN_REVERSE on variable 'g', which holds a lambda that captures 'k': adgen differentiates lambdas that capture nothing; pass 'k' as a parameter (or use a global)
ADGEN_REVERSE() const auto g = [k = 1.0](double t) { return k * t * t; };
// CHECK-DAG: stray-markers.cpp:[[@LINE+1]]:17: error: ADGEN_FORWARD on variable 'h', which holds a lambda that is generic
ADGEN_REVERSE() ADGEN_FORWARD("t") auto h = [](auto t) { return t; };
// CHECK-DAG: stray-markers.cpp:[[@LINE-1]]:1: error: ADGEN_REVERSE on variable 'h', which holds a lambda that is generic

// CHECK-DAG: stray-markers.cpp:[[@LINE+1]]:1: error: ADGEN_FORWARD on variable 'gv', which is not a function: nothing would be generated; put the marker before a function declaration or definition
ADGEN_FORWARD() double gv = 2.0;
// CHECK-DAG: stray-markers.cpp:[[@LINE+2]]:8: error: ADGEN_HESSIAN on struct 'S', which is not a function
// CHECK-DAG: stray-markers.cpp:[[@LINE+1]]:28: error: ADGEN_JACOBIAN on field 'field', which is not a function
struct ADGEN_HESSIAN() S { ADGEN_JACOBIAN() double field; };
// CHECK-DAG: stray-markers.cpp:[[@LINE+1]]:6: error: ADGEN_CUSTOM on enum 'E', which is not a function
enum ADGEN_CUSTOM E { A };
// CHECK-DAG: stray-markers.cpp:[[@LINE+1]]:9: error: ADGEN_REVERSE on type alias 'T', which is not a function
using T ADGEN_REVERSE() = double;
// CHECK-DAG: stray-markers.cpp:[[@LINE+1]]:11: error: ADGEN_REVERSE on namespace 'ns', which is not a function
namespace ADGEN_REVERSE() ns {}
// CHECK-DAG: stray-markers.cpp:[[@LINE+1]]:10: error: ADGEN_REVERSE on parameter 'x', which is not a function
double p(ADGEN_REVERSE() double x) { return x; }

double body(double x) {
  // CHECK-DAG: stray-markers.cpp:[[@LINE+1]]:3: error: ADGEN_REVERSE on variable 'y', which is not a function
  ADGEN_REVERSE() double y = x * x;
  struct L {
    // CHECK-DAG: stray-markers.cpp:[[@LINE+1]]:5: error: 'L' is a class defined inside a function, so derivatives of its member functions, which adgen writes at namespace scope, could not name it; define the class outside the function
    ADGEN_REVERSE() double m(double t) const { return t * t; }
  };
  return L{}.m(y);
}

// A marked function next to them is fine (and not generated: errors).
ADGEN_REVERSE() double ok(double x) { return x * x; }
