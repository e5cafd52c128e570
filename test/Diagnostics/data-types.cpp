// Data types adgen does not differentiate get a located error that names the
// construct: std::function, containers other than std::vector/std::array,
// containers of containers, virtual classes, base classes, pointer fields,
// constructors, resizing a vector, lambdas with a return inside a loop or passed to
// functions, local vectors inside loops or with sizes that change, Jacobians
// of struct functions with a wrong container length, Hessians of functions returning
// structs or using containers. No output file is written.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <array>
#include <functional>
#include <list>
#include <map>
#include <vector>

struct Shape {
  virtual double area() const { return 1; }
  virtual ~Shape() = default;
};
struct Base { double b; };
struct Derived : virtual Base { double d; };
struct Holder { double *p; };
struct Ctor {
  double v;
  Ctor(double x) : v(x) {}
};

ADGEN_REVERSE()
double f1(double x) {
  // CHECK: data-types.cpp:[[@LINE+1]]:33: error: local variable 'g' has type 'std::function<double (double)>': 'std::function' is not supported: the function it calls is only known at run time; call a lambda or function directly
  std::function<double(double)> g = [](double t) { return t * t; };
  return g(x);
}
// CHECK: data-types.cpp:[[@LINE+2]]:40: error: parameter 'm' has type 'const std::map<int, double> &': 'std::map' is not supported; adgen supports std::vector and std::array of numbers or structs
ADGEN_REVERSE()
double f2(const std::map<int, double> &m, double x) { return x; }
// CHECK: data-types.cpp:[[@LINE+2]]:36: error: parameter 'l' has type 'const std::list<double> &': 'std::list' is not supported
ADGEN_REVERSE()
double f3(const std::list<double> &l, double x) { return x; }
// CHECK: data-types.cpp:[[@LINE+2]]:24: error: parameter 's' has type 'const Shape &': class 'Shape' has virtual functions; adgen differentiates plain structs (no virtual dispatch)
ADGEN_REVERSE()
double f4(const Shape &s, double x) { return s.area() * x; }
// CHECK: data-types.cpp:[[@LINE+2]]:26: error: parameter 'd' has type 'const Derived &': class 'Derived' has a virtual base class, which adgen does not support; make the base a member
ADGEN_REVERSE()
double f5(const Derived &d, double x) { return d.d * x; }
// CHECK: data-types.cpp:[[@LINE+2]]:25: error: parameter 'h' has type 'const Holder &': field 'p' of 'Holder' is a pointer or reference; adgen supports structs of values
ADGEN_REVERSE()
double f6(const Holder &h, double x) { return x; }
ADGEN_REVERSE()
double f7(double x) {
  Ctor c(x); // runs in place (test/Classes/constructors.cpp)
  return c.v;
}
ADGEN_REVERSE()
double f8(std::vector<double> &v, double x) {
  // CHECK: data-types.cpp:[[@LINE+1]]:3: error: 'std::vector::push_back' changes the size of a std::vector that the function does not own; adgen changes the size only of a std::vector declared in the function
  v.push_back(x);
  return v[0];
}
ADGEN_REVERSE()
double f9(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    // CHECK: data-types.cpp:[[@LINE+1]]:25: error: a local std::vector inside a loop is not supported; declare it before the loop
    std::vector<double> t(n);
    t[0] = x[i];
    s += t[0];
  }
  return s;
}
ADGEN_REVERSE()
double f10(double x) {
  auto g = [](double t) {
    for (int i = 0; i < 3; ++i)
      if (t > i)
        // CHECK: data-types.cpp:[[@LINE+1]]:9: error: a 'return' inside a loop of a lambda is not supported; compute the result in a variable, leave the loop with 'break' and return it last
        return t * i;
    return -t;
  };
  return g(x);
}
template <class F> double apply(F f, double x) { return f(x); }
ADGEN_REVERSE()
// CHECK: data-types.cpp:[[@LINE+1]]:31: error: call to 'apply', whose parameter or result types adgen does not support: a lambda cannot be passed to or stored in another object in differentiated code
double f11(double x) { return apply([](double t) { return t * t; }, x); }
// Struct and container parameters are flattened (test/Jacobian/struct-params.cpp,
// test/Jacobian/containers.cpp); a std::vector's length is its size(), a
// std::array's its N, not a spec length.
ADGEN_JACOBIAN("p[2] -> return")
// CHECK: data-types.cpp:[[@LINE+1]]:8: error: ADGEN_JACOBIAN: 'p' is a std::vector, whose length is its size(), but the spec gives it length '2'; write 'p' without a length
double f12(const std::vector<double> &p) { return p[0] * p[1]; }
ADGEN_JACOBIAN("a[3] -> return")
// CHECK: data-types.cpp:[[@LINE+1]]:8: error: ADGEN_JACOBIAN: 'a' is a std::array of length 2, but the spec gives it length '3'; write 'a' without a length
double f12a(const std::array<double, 2> &a) { return a[0] * a[1]; }
// CHECK: data-types.cpp:[[@LINE+1]]:1: error: ADGEN_HESSIAN of a function that returns a struct is not supported: f_hessian needs one floating-point result; use ADGEN_JACOBIAN, or a wrapper returning one number
ADGEN_HESSIAN("x")
Base f12h(double x) { return {x * x}; }
struct Mixed { double a; float b; };
// CHECK: data-types.cpp:[[@LINE+1]]:1: error: ADGEN_JACOBIAN of a function whose parameter 'm' cannot be flattened into the matrix: 'Mixed' mixes floating-point types
ADGEN_JACOBIAN("m -> return")
double f12m(const Mixed &m) { return m.a * m.b; }
// Structs and containers that keep their size are fine for f_hessian
// (test/Hessian/structs.cpp, test/Hessian/containers.cpp); a std::vector
// that changes size, here or in a function it calls, is not yet.
double grows(double x) {
  std::vector<double> w;
  w.push_back(x);
  w.push_back(x * x);
  return w[0] * w[1];
}
// CHECK: data-types.cpp:[[@LINE+1]]:1: error: ADGEN_HESSIAN of a function that changes the size of a std::vector ('w') is not supported yet (forward over reverse would need the tangents of a vector that resizes on the tape); use ADGEN_FORWARD / ADGEN_REVERSE, or a std::vector sized once
ADGEN_HESSIAN("x")
double f12c(double x) {
  std::array<double, 2> a = {x, grows(x)};
  return a[0] * a[1];
}
// CHECK: data-types.cpp:[[@LINE+2]]:52: error: parameter 'm' has type 'const std::vector<std::vector<double>> &': containers of containers are not supported; use one flat std::vector and compute the index
ADGEN_REVERSE()
double f14(const std::vector<std::vector<double>> &m, double x) { return x; }
ADGEN_REVERSE()
double f15(double x, int n) {
  // CHECK: data-types.cpp:[[@LINE+1]]:23: error: the size of local std::vector 'w' must be computed from parameters the function does not change
  std::vector<double> w(n);
  n = 3;
  w[0] = x;
  return w[0];
}
ADGEN_REVERSE()
// CHECK: data-types.cpp:[[@LINE+1]]:32: error: parameter 'v' is a std::vector passed by value and written inside the function; pass it by reference (as an output) instead
double f16(std::vector<double> v, double x) {
  v[0] = x;
  return v[0] * x;
}
