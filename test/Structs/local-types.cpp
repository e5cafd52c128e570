// Types declared inside a differentiated function: structs with default
// member initialisers, constructors, member functions and operator(), local
// enums and aliases, arrays of a local struct, a local struct passed to a
// lambda or declared in a lambda's body, a callee with its own local type,
// a template called with one. Each generated function declares the types it
// uses again at its top, from their source text (Graph/LocalTypeDecls.h);
// calls of their member functions, and of functions taking them, are inlined.
// Numbers: --emit=check (central differences, forward against reverse,
// pre-filled adjoints with d_ret != 1), with g++ and clang++.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %clangxx -c %t.gen.cpp -o %t.clang.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK: 10 passed, 0 failed
#include <adgen/adgen.h>
#include <algorithm>
#include <cmath>
#include <vector>

// A plain struct.
ADGEN_REVERSE() ADGEN_FORWARD() ADGEN_JACOBIAN() ADGEN_HESSIAN()
double plain(double x) {
  struct P { double a, b; };
  P p{x, 2 * x};
  return p.a * p.b;
}

// Default member initialisers, a constructor and member functions.
ADGEN_REVERSE() ADGEN_FORWARD()
double members(double x, double y) {
  struct Acc {
    double sum = 0.5;
    int n = 0;
    Acc() = default;
    void add(double v) { sum += v * v; ++n; }
    double mean() const { return sum / n; }
  };
  Acc a;
  a.add(x);
  a.add(std::sin(y));
  return a.mean() * x;
}

// A functor called directly and through std::transform.
ADGEN_REVERSE("v") ADGEN_FORWARD("v")
double functor(const double *v, int n) {
  struct Sq { double operator()(double t) const { return t * t; } };
  Sq sq;
  std::vector<double> w(n);
  for (int i = 0; i < n; ++i)
    w[i] = v[i];
  std::transform(w.begin(), w.end(), w.begin(), sq);
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += sq(w[i]) + std::cos(v[i]);
  return s;
}

// Enums, aliases, an array of the local struct, a lambda taking it.
ADGEN_REVERSE() ADGEN_FORWARD()
double mixed(double x, double y) {
  enum Mode { Add, Mul };
  enum class Side { Left, Right };
  using V = double;
  struct Pt { V x, y; };
  Pt pts[3];
  for (int i = 0; i < 3; ++i)
    pts[i] = Pt{x * i, y + i};
  Mode m = Mul;
  Side s = Side::Right;
  auto dot = [](const Pt &a, const Pt &b) { return a.x * b.x + a.y * b.y; };
  V r = dot(pts[1], pts[2]);
  if (m == Mul && s == Side::Right)
    r *= pts[0].y;
  return r;
}

// A struct with a static constexpr size and an array field; a nested type.
ADGEN_REVERSE() ADGEN_FORWARD()
double arrays(double x) {
  struct Buf {
    enum { N = 3 };
    double a[N];
    struct Inner { double w; } in;
    double total() const { double t = in.w; for (int i = 0; i < N; ++i) t += a[i] * a[i]; return t; }
  };
  Buf b{};
  for (int i = 0; i < Buf::N; ++i)
    b.a[i] = std::exp(x * i);
  b.in.w = x;
  return b.total();
}

// A helper (differentiated from a call) with a local type of its own.
double helper(double t) {
  struct Q { double u; double twice() const { return 2 * u; } };
  Q q{t * t};
  return q.twice() + q.u;
}
ADGEN_REVERSE() ADGEN_FORWARD()
double callsHelper(double x) { return helper(x) * helper(2 * x); }

// A template called with the local type: inlined.
template <class T> double norm2(const T &p) { return p.a * p.a + p.b * p.b; }
ADGEN_REVERSE() ADGEN_FORWARD()
double templ(double x) {
  struct P2 { double a, b; };
  P2 p{x, std::sqrt(x)};
  return norm2(p);
}

// A struct declared in a lambda's body, and a typedef of an unnamed struct.
ADGEN_REVERSE() ADGEN_FORWARD()
double inLambda(double x) {
  typedef struct { double lo, hi; } Range;
  auto width = [](double c) {
    struct Half { double h; double twice() const { return h + h; } };
    Half half{c * 0.5};
    return half.twice() * c;
  };
  Range r{x, width(x)};
  return r.hi - r.lo * r.lo;
}

// A local struct held in a std::vector, and stored on the tape by value.
ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double vectorOf(const double *x, int n) {
  struct Node { double v; double w = 1.0; };
  std::vector<Node> nodes(n);
  for (int i = 0; i < n; ++i)
    nodes[i].v = x[i] * nodes[i].w;
  double s = 1;
  for (int i = 0; i < n; ++i) {
    Node t = nodes[i];
    s = s * std::sin(t.v) + t.w;
  }
  return s;
}


// Operators and methods calling methods (`this->dot(*this)`), a local
// struct declared in a loop body, a local enum class in a switch, a local
// struct passed by value to a lambda; all five derivatives.
ADGEN_REVERSE() ADGEN_FORWARD() ADGEN_HESSIAN() ADGEN_JACOBIAN()
double ops(double x, double y) {
  struct V2 {
    double a, b;
    V2(double u, double v) : a(u), b(v) {}
    V2 operator+(const V2 &o) const { return V2(a + o.a, b + o.b); }
    double dot(const V2 &o) const { return a * o.a + b * o.b; }
    double n2() const { return this->dot(*this); }
    void scale(double s) { a *= s; b *= s; }
  };
  V2 p(x, y);
  V2 q(std::sin(x), y * y);
  V2 r = p + q;
  V2 &pr = r;
  pr.scale(x);
  double t = 0;
  for (int i = 0; i < 3; ++i) {
    struct Acc { double v; };
    Acc acc{r.n2() * i};
    t += acc.v;
  }
  enum class Op { Add, Mul };
  Op o = t > 0 ? Op::Mul : Op::Add;
  switch (o) {
  case Op::Mul: t *= y; break;
  case Op::Add: t += y; break;
  }
  auto f = [](V2 v, double w) { return v.n2() * w; };
  return t + f(q, x);
}

// Each generated function declares the local types it uses, first:
// CHECK-LABEL: double plain_pullback(double x, double d_ret, double *d_x) {
// CHECK-NEXT:   struct P {
// CHECK:        P d_p = {};
// CHECK-LABEL: adgen::Dual<double> plain_fwd(double x, double d_x) {
// CHECK-NEXT:   struct P {
// CHECK-LABEL: double plain_fwd_vec(double x, const double *d_x, int k, double *d_ret) {
// CHECK-NEXT:   struct P {
// CHECK:        std::vector<P> d_p(k);
// CHECK-LABEL: static double plain_jacobian_pullback(double x, double d_ret, double *d_x) {
// CHECK-NEXT:   struct P {
// CHECK-LABEL: void plain_jacobian(double x, double *jac) {
// CHECK-LABEL: static adgen::Dual<double> plain_hessian_fwd(
// CHECK-NEXT:   struct P {
// CHECK-LABEL: void plain_hessian(double x, double *hess) {
// Member functions are inlined on the object; its default member
// initialisers and constructor run in place.
// CHECK-LABEL: double members_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-NEXT:   struct Acc {
// CHECK-NEXT:     double sum = 0.5;
// CHECK:        Acc a = adgen::zeroed<Acc>();
// CHECK:        a.sum += v * v;
// CHECK:        mean = a.sum / static_cast<double>(a.n);
// CHECK-LABEL: adgen::Dual<double> members_fwd(double x, double y, double d_x, double d_y) {
// CHECK-NEXT:   struct Acc {
// A local functor whose operator() is inlined needs no declaration.
// CHECK-LABEL: double functor_pullback(const double *v, int n, double d_ret, double *d_v) {
// CHECK-NOT:    struct Sq
// CHECK-LABEL: adgen::Dual<double> functor_fwd(const double *v, int n, const double *d_v) {
// Enumerators are named from the function's scope; the tape holds a V.
// CHECK-LABEL: double mixed_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-NEXT:   enum Mode { Add,
// CHECK:        enum class Side { Left,
// CHECK:        using V = double;
// CHECK:        struct Pt {
// CHECK:        Pt d_pts[3] = {};
// CHECK:        Mode m = Mode::Mul;
// CHECK:        Side s = Side::Right;
// CHECK:        r = tape.pop<V>();
// CHECK-LABEL: adgen::Dual<double> mixed_fwd(double x, double y, double d_x, double d_y) {
// CHECK-NEXT:   enum Mode { Add,
// CHECK-LABEL: double arrays_pullback(double x, double d_ret, double *d_x) {
// CHECK-NEXT:   struct Buf {
// CHECK-NEXT:     enum { N = 3 };
// A callee's helpers declare the callee's own local types.
// CHECK-LABEL: double callsHelper_pullback(double x, double d_ret, double *d_x) {
// CHECK-NOT:    struct Q
// CHECK-LABEL: static double helper_record(double t) {
// CHECK-NEXT:   struct Q {
// CHECK-LABEL: static void helper_reverse(double t, double d_result_1, double *d_t) {
// CHECK-NEXT:   struct Q {
// CHECK-LABEL: static adgen::Dual<double> helper_fwd(double t, double d_t) {
// CHECK-NEXT:   struct Q {
// The template is inlined: no helper names P2.
// CHECK-LABEL: double templ_pullback(double x, double d_ret, double *d_x) {
// CHECK-NEXT:   struct P2 {
// CHECK-NOT:   norm2_
// CHECK-LABEL: double inLambda_pullback(double x, double d_ret, double *d_x) {
// CHECK-NEXT:   typedef struct {
// CHECK-NEXT:     double lo, hi;
// CHECK-NEXT:   } Range;
// CHECK-NEXT:   struct Half {
// CHECK-LABEL: double vectorOf_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK-NEXT:   struct Node {
// CHECK:        std::vector<Node> nodes(
// CHECK-LABEL: adgen::Dual<double> vectorOf_fwd(const double *x, int n, const double *d_x) {
// CHECK-NEXT:   struct Node {
// CHECK-LABEL: double ops_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-NEXT:   struct V2 {
// CHECK:        struct Acc {
// CHECK:        enum class Op { Add,
// CHECK-LABEL: static adgen::Dual<double> ops_hessian_fwd(
// CHECK-NEXT:   struct V2 {
// CHECK-LABEL: void ops_hessian(double x, double y, double *hess) {
// CHECK-LABEL: static double ops_jacobian_pullback(
// CHECK-NEXT:   struct V2 {
// CHECK-LABEL: void ops_jacobian(double x, double y, double *jac) {
