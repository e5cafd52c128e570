// Views (structs with pointer fields) that stay refused; local views
// initialised with braces work (test/Pointers/views.cpp). No output file is
// written.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

struct Span { const double *p; int n; };

static double total(Span s) {
  double t = 0;
  for (int i = 0; i < s.n; ++i) t += s.p[i];
  return t;
}

ADGEN_REVERSE("x")
double passed(const double *x, int n) {
  Span s{x, n};
  // CHECK: views.cpp:[[@LINE+1]]:10: error: call to 'total', whose parameter or result types adgen does not support: field 'p' of 'Span' is a pointer or reference; adgen supports structs of values
  return total(s);
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
