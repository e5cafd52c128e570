// Null pointers, references to pointers, `&x` in view fields and malloc of
// structs that stay refused; what works is in test/Pointers/null-arguments.cpp,
// pointer-references.cpp, returned-pointers.cpp, view-scalar-fields.cpp and
// malloc-structs.cpp. No output file is written.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <cstdlib>

ADGEN_REVERSE("x")
double null_local(const double *x) {
  // CHECK: null-and-pointer-refs.cpp:[[@LINE+1]]:21: error: a null pointer is supported only as the argument of a pointer parameter of a called function ('g(x, nullptr)') and in tests ('p != nullptr'); pass a valid array or pointer
  const double *p = nullptr;
  return x[0] + (p ? 1.0 : 0.0);
}

ADGEN_REVERSE("x")
double null_to_lambda(double x) {
  auto sq = [](double v, const double *w) { return w ? v * w[0] : v * v; };
  // CHECK: null-and-pointer-refs.cpp:[[@LINE+1]]:16: error: a null pointer is supported only as the argument of a pointer parameter of a called function ('g(x, nullptr)') and in tests ('p != nullptr'); pass a valid array or pointer
  return sq(x, nullptr);
}

void advance(const double *&p, int n);
ADGEN_REVERSE("x")
double no_body(const double *x) {
  const double *p = x;
  // CHECK: null-and-pointer-refs.cpp:[[@LINE+1]]:3: error: call to 'advance', which takes a pointer by reference and so may move the caller's pointer, needs the function's body: adgen inlines such calls
  advance(p, 1);
  return *p;
}

static void rebase(const double *&p, const double *other) { p = other; }
ADGEN_REVERSE("x, y")
double reseated(const double *x, const double *y) {
  const double *p = x;
  // CHECK: null-and-pointer-refs.cpp:[[@LINE-4]]:63: error: 'p' is a reference to the caller's pointer: pointing it into another array is not supported (move it within its array, or return the new pointer)
  rebase(p, y);
  return *p;
}

static void step(double *&p) { ++p; }
struct View { double *p; int n; };
ADGEN_REVERSE("x")
double view_field(double *x) {
  View v{x, 2};
  // CHECK: null-and-pointer-refs.cpp:[[@LINE+1]]:8: error: a pointer passed to reference parameter 'p' must be a pointer variable into a parameter or a local array (e.g. 'const double *p = a;'), which adgen can move with it
  step(v.p);
  return v.p[0];
}

static double total(const double *p, int n) { return n > 0 ? p[0] : 0.0; }
ADGEN_REVERSE("x")
double scalar_field(double x) {
  View v{&x, 1};
  // CHECK: null-and-pointer-refs.cpp:[[@LINE+1]]:18: error: field 'p' holds the address of a variable: adgen supports it only as '*v.p' and 'v.p[0]' (not moved, compared or passed along)
  return total(v.p, v.n);
}

struct Counted {
  double v = 1.0;
  int n = 0;
};
ADGEN_REVERSE("x")
double malloc_constructed(const double *x, int n) {
  // CHECK: null-and-pointer-refs.cpp:[[@LINE+1]]:12: error: scratch buffer 'c' of arrays, containers or structs with constructors is not supported; use a buffer of numbers or of plain structs of numbers
  Counted *c = (Counted *)malloc(n * sizeof(Counted));
  c[0].v = x[0];
  double r = c[0].v;
  free(c);
  return r;
}
