// Types declared inside a differentiated function are declared again in each
// derivative from their source text (test/Structs/local-types.cpp); what that
// cannot do is refused with an error at the construct, and nothing is written.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

struct P { double a; };
double Add = 2;

// Reported first: markers are read before any function is differentiated.
ADGEN_REVERSE()
double marked(double x) {
  struct L {
    // CHECK: local-types.cpp:[[@LINE+1]]:5: error: 'L' is a class defined inside a function, so derivatives of its member functions, which adgen writes at namespace scope, could not name it; define the class outside the function
    ADGEN_REVERSE() double m(double y) const { return y * y; }
  };
  return L{}.m(x);
}

ADGEN_REVERSE()
double outerConst(double x) {
  constexpr int N = 3;
  struct B {
// CHECK: local-types.cpp:[[@LINE+1]]:14: error: the struct 'B' uses 'N', a variable of the enclosing function; adgen declares the types of a function's body again at the top of each derivative, from their source text, where 'N' is not declared: declare 'N' outside the function
    double a[N];
  };
  B b{};
  b.a[0] = x;
  return b.a[0] * x;
}

ADGEN_REVERSE()
double twoNames(double x) {
  double r = 0;
  {
    struct Q2 { double a; };
    Q2 p{x};
    r += p.a;
  }
  {
    // CHECK: local-types.cpp:[[@LINE+1]]:12: error: the struct 'Q2' is declared inside the function where another type already declares 'Q2'; adgen declares the types of a function's body again at the top of each derivative, from their source text, in one scope: rename one of them
    struct Q2 { double a, b; };
    Q2 p{x, x};
    r += p.a * p.b;
  }
  return r;
}

ADGEN_REVERSE()
double unnamed(double x) {
  // CHECK: local-types.cpp:[[@LINE+1]]:3: error: an unnamed struct declared inside a differentiated function is not supported; {{.*}}: give it one
  struct { double a; } s{x};
  return s.a * x;
}

#define MAKE_S struct MS { double a; }
ADGEN_REVERSE()
double byMacro(double x) {
  // CHECK: local-types.cpp:[[@LINE+1]]:3: error: the struct 'MS' is declared by a macro inside a differentiated function; {{.*}}: write it out, or declare it outside the function
  MAKE_S;
  MS s{x};
  return s.a * x;
}

template <class T> T tmpl(T x) {
  // CHECK: local-types.cpp:[[@LINE+1]]:10: error: the struct 'W' is declared inside a template; {{.*}}, which names the template's parameters: declare it outside the function
  struct W { T v; };
  W w{x};
  return w.v * x;
}
ADGEN_REVERSE()
// CHECK: local-types.cpp:[[@LINE+1]]:37: note: while differentiating the call to 'tmpl'
double callsTmpl(double x) { return tmpl(x); }

ADGEN_REVERSE()
double recursive(double x) {
  struct R {
    // CHECK: local-types.cpp:[[@LINE+1]]:62: error: recursive call to 'R::down', which takes or returns a type defined inside a function, is not supported: adgen inlines such calls
    double down(double v, int n) const { return n == 0 ? v : down(v * v, n - 1); }
  };
  R r;
  return r.down(x, 2);
}

ADGEN_REVERSE()
double earlyReturn(double x) {
  struct E {
    double clip(double v) const {
      if (v > 1)
        // CHECK: local-types.cpp:[[@LINE+1]]:9: error: a function with a 'return' before its end is not supported in differentiated code here; compute the result in a variable and return it last
        return 1;
      return v;
    }
  };
  E e;
  return e.clip(x) * x;
}

ADGEN_FORWARD()
// CHECK: local-types.cpp:[[@LINE+1]]:6: error: 'returnsLocal' takes or returns a type defined inside a function, which the derivatives adgen writes at namespace scope could not name; define the type outside the function
auto returnsLocal(double x) {
  struct Res { double v; };
  return Res{x * x};
}

// A local name that would hide a name from outside the function in the whole
// body of a derivative (the source hides it in its own block only).
ADGEN_REVERSE()
double shadow(const P &q, double x) {
  double r = q.a * x;
  {
    // CHECK: local-types.cpp:[[@LINE+1]]:12: error: the struct 'P' declares 'P', which is also the name of 'P', declared outside the function; {{.*}}, where 'P' would hide it in the whole body: rename the struct
    struct P { double a, b; };
    P p{x, x};
    r += p.a * p.b;
  }
  return r;
}

ADGEN_REVERSE()
double shadowEnum(double x) {
  double r = Add * x;
  {
    // CHECK: local-types.cpp:[[@LINE+1]]:10: error: the enum 'M' declares 'Add', which is also the name of 'Add', declared outside the function; {{.*}}: rename the enum
    enum M { Add, Mul };
    M m = Mul;
    if (m == Mul)
      r *= x;
  }
  return r;
}
