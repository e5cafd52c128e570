// Parameters taken by rvalue reference (`double &&`, `const double &&`,
// `S &&`, `std::vector<double> &&`), of a marked function or of a function it
// calls, are refused: generated signatures would spell them `T &`, which f's
// callers cannot call the way they call f (interface.md, section 2).
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <utility>
#include <vector>

struct S {
  double a, b;
};

ADGEN_REVERSE("x")
// CHECK: rvalue-reference-params.cpp:[[@LINE+1]]:19: error: parameter 'x' of 'f' is an rvalue reference ('double &&'), which is not supported; take it by value or by const reference
double f(double &&x, double y) { return x * y; }

ADGEN_FORWARD()
// CHECK: rvalue-reference-params.cpp:[[@LINE+1]]:25: error: parameter 'x' of 'g' is an rvalue reference ('const double &&'), which is not supported; take it by value or by const reference
double g(const double &&x) { return x * x; }

ADGEN_REVERSE()
// CHECK: rvalue-reference-params.cpp:[[@LINE+1]]:14: error: parameter 's' of 'h' is an rvalue reference ('S &&'), which is not supported; take it by value or by const reference
double h(S &&s) { return s.a * s.b; }

ADGEN_REVERSE()
// CHECK: rvalue-reference-params.cpp:[[@LINE+1]]:32: error: parameter 'v' of 'k' is an rvalue reference ('std::vector<double> &&'), which is not supported; take it by value or by const reference
double k(std::vector<double> &&v) { return v[0] * v[1]; }

// CHECK: rvalue-reference-params.cpp:[[@LINE+1]]:24: error: parameter 'v' of 'helper' is an rvalue reference ('double &&'), which is not supported; take it by value or by const reference
double helper(double &&v) { return v * v; }
ADGEN_REVERSE()
double m(double x) { return helper(std::move(x)) + helper(x * 2); }
