// Views (structs with pointer fields) that stay refused; local views
// initialised with braces or copied work (test/Pointers/views.cpp), and so do
// views passed to helpers with a body (test/Pointers/views-as-parameters.cpp)
// and their member functions (test/Pointers/view-methods.cpp). No output file is
// written.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

struct Span { const double *p; int n; };

double total(Span s);

ADGEN_REVERSE("x")
double passed(const double *x, int n) {
  Span s{x, n};
  // CHECK: views.cpp:[[@LINE+1]]:10: error: call to 'total', which takes a view (a struct with pointer fields), needs the function's body: adgen inlines such calls
  return total(s);
}

static double first(Span s) { return s.p[0]; }
ADGEN_REVERSE("x")
double temporary(const double *x) {
  // CHECK: views.cpp:[[@LINE+1]]:16: error: a view (a struct with pointer fields) passed to a function must be a local view variable ('Span v{x, n}; f(v);')
  return first(Span{x, 1});
}

static double early(Span s) {
  if (s.n > 1)
    // CHECK: views.cpp:[[@LINE+1]]:5: error: a function with a 'return' before its end is not supported in differentiated code here; compute the result in a variable and return it last
    return s.p[1];
  return s.p[0];
}
ADGEN_REVERSE("x")
double early_return(const double *x, int n) {
  Span s{x, n};
  return early(s);
}

ADGEN_REVERSE("x")
double uninitialised(const double *x, int n) {
  // CHECK: views.cpp:[[@LINE+1]]:8: error: view 's' (a struct with pointer fields) must be initialised with braces, one value per field ('Span s{x, n};')
  Span s;
  s.p = x;
  s.n = n;
  return s.p[0];
}

ADGEN_REVERSE("x")
double moved(const double *x, int n) {
  Span s{x, n};
  // CHECK: views.cpp:[[@LINE+1]]:3: error: assigning to a pointer variable is not supported
  s.p = x + 1;
  return s.p[0];
}

ADGEN_REVERSE()
double assigned(const double *x, int n) {
  Span s{x, n};
  Span t{x + 1, n - 1};
  // CHECK: views.cpp:[[@LINE+1]]:7: error: view 's' (a struct with pointer fields) cannot be used as a whole here (assigned, returned, stored); use its fields ('s.p[i]'), copy it into a new view ('auto t = s;'), call its member functions or pass it to a function
  t = s;
  return t.p[0];
}

struct Mat {
  double *data;
  int cols;
  double &at(int i, int j) { return data[i * cols + j]; }
};
ADGEN_HESSIAN("a[4]")
double hess(double *a) {
  // CHECK: views.cpp:[[@LINE+1]]:9: error: second derivatives (f_hessian) through a pointer local that is written through (a view's field, a pointer parameter of an inlined function) are not supported yet; write to the array itself
  Mat m{a, 2};
  m.at(0, 1) *= a[0];
  return m.at(0, 1) * m.at(1, 1);
}

struct Node {
  Node *prev;
  double value;
};
ADGEN_REVERSE()
double linked(double x) {
  // CHECK: views.cpp:[[@LINE+1]]:8: error: local variable 'a' has type 'Node': field 'prev' of 'Node' is a pointer or reference; adgen supports structs of values (a linked structure, whose pointers adgen does not follow; keep the nodes in an array and link them by index)
  Node a{nullptr, x};
  Node b{&a, 2 * x};
  return b.prev->value * b.value;
}

struct Ref {
  double &x;
};
ADGEN_REVERSE()
double reference_field(double x) {
  // CHECK: views.cpp:[[@LINE+1]]:7: error: local variable 'r' has type 'Ref': field 'x' of 'Ref' is a pointer or reference; adgen supports structs of values
  Ref r{x};
  return r.x * x;
}

ADGEN_REVERSE()
// CHECK: views.cpp:[[@LINE+1]]:26: error: parameter 's' has type 'const Span &': field 'p' of 'Span' is a pointer or reference; adgen supports structs of values (a view, a struct of pointers into arrays and numbers, works as a local variable and as a parameter of the functions adgen inlines, not as a parameter or result of a marked function, for which the interface defines no derivative; pass the pointer and the sizes instead)
double param(const Span &s) { return s.p[0]; }
