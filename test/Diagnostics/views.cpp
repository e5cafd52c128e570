// Views (structs with pointer fields) that stay refused; local views
// initialised with braces work (test/Pointers/views.cpp), and so do views
// passed to helpers with a body (test/Pointers/views-as-parameters.cpp). No output file is
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
double copied(const double *x, int n) {
  Span s{x, n};
  // CHECK: views.cpp:[[@LINE+1]]:8: error: view 't' (a struct with pointer fields) must be initialised with braces, one value per field ('Span t{x, n};')
  Span t = s;
  return t.p[0];
}

ADGEN_REVERSE()
// CHECK: views.cpp:[[@LINE+1]]:26: error: parameter 's' has type 'const Span &': field 'p' of 'Span' is a pointer or reference
double param(const Span &s) { return s.p[0]; }
