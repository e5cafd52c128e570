// Non-virtual public base classes: the object's fields are the base's, then
// its own (derivatives too); `c.scale` of a base field, base-class methods
// called on the derived object (`c.area0()`, `twice(c)` taking `const
// Shape &`), a base class initialiser `Shape(s)` run in place, slicing copies
// (`Shape copy = c;`), private fields of the derived class, an empty base.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: not %adgen %s -o %t.bad.cpp -- -std=c++17 -DBAD 2>&1 | FileCheck %s --check-prefix=BAD
#include <adgen/adgen.h>
#include <cmath>

struct Shape {
  double scale = 1.0;
  explicit Shape(double s) : scale(s) {}
  double area0() const { return scale * scale; }
};
class Circle : public Shape {
public:
  Circle(double r, double s) : Shape(s), r_(r) { r_ += 0.5 * scale; }
  double area() const { return 3.0 * r_ * r_ * area0(); }
  void grow(double f) {
    r_ *= f;
    scale += f;
  }
  double r() const { return r_; }

private:
  double r_;
};
struct Tag {};
struct Point : Tag {
  double x, y;
};
double twice(const Shape &s) { return 2 * s.scale; }

// CHECK-LABEL: double f_pullback(double a, double b, double d_ret, double *d_a, double *d_b) {
// CHECK: Circle c = adgen::zeroed<Circle>();
// CHECK: c.scale = c_s_1;
// CHECK: c.*adgen::access::Circle_r_ = c_r;
// CHECK: copy.scale = c.scale;
// CHECK-LABEL: adgen::Dual<double> f_fwd(double a, double b, double d_a, double d_b) {
ADGEN_REVERSE() ADGEN_FORWARD()
double f(double a, double b) {
  Circle c(a, b);
  c.grow(b);
  Shape copy = c;
  Point p{};
  p.x = a;
  return c.area() + twice(c) + copy.area0() + p.x * c.scale;
}

// A derived object as an active parameter: its adjoint holds the base's
// field too.
// CHECK-LABEL: double g_pullback(const Circle &c, double t, double d_ret, Circle *d_c, double *d_t) {
ADGEN_REVERSE() ADGEN_FORWARD()
double g(const Circle &c, double t) {
  Circle d = c;
  d.grow(t);
  return d.area() * d.scale;
}

#ifdef BAD
struct Hidden : private Shape {
  Hidden() : Shape(1.0) {}
};
struct Twice : Shape {
  double scale2;
  double scale; // hides Shape::scale
};
// BAD: base-classes.cpp:[[@LINE+1]]:41: error: parameter 'h' has type 'const Hidden &': class 'Hidden' has a private or protected base class, whose fields the generated functions could not name; make it public, or a member
ADGEN_REVERSE() double h1(const Hidden &h, double x) { return x; }
// BAD: base-classes.cpp:[[@LINE+1]]:40: error: parameter 't' has type 'const Twice &': class 'Twice' has a field with the name of a field of its base class, which adgen does not support; rename one of them
ADGEN_REVERSE() double h2(const Twice &t, double x) { return t.scale * x; }
#endif

#ifdef ADGEN_TEST_DRIVER
double f_grad(double a, double b, double *d_a, double *d_b);
double f_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
adgen::Dual<double> f_fwd(double a, double b, double d_a, double d_b);
double g_grad(const Circle &c, double t, Circle *d_c, double *d_t);
double g_pullback(const Circle &c, double t, double d_ret, Circle *d_c, double *d_t);
adgen::Dual<double> g_fwd(const Circle &c, double t, const Circle &d_c, double d_t);
#include "adgen_pullback.h"
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  double x0[2] = {0.6, 1.3};
  auto F = [](const double *p) { return f(p[0], p[1]); };
  check_scalar_fn<double>(
      "f", x0, 2, F, [](const double *p, double *g) { return f_grad(p[0], p[1], &g[0], &g[1]); },
      [](const double *p, const double *t) { return f_fwd(p[0], p[1], t[0], t[1]); });
  check_pullback_prefilled<double>("f", x0, 2, F, [](const double *p, double s, double *g) {
    return f_pullback(p[0], p[1], s, &g[0], &g[1]);
  });
  // g over (scale, r, t): a Circle(r0, s) has r = r0 + s / 2.
  double y0[3] = {0.9, 1.1, 0.4};
  auto circle = [](const double *p) { return Circle(p[1] - 0.5 * p[0], p[0]); };
  auto G = [&](const double *p) { return g(circle(p), p[2]); };
  auto unpack = [](const Circle &d, double *out) {
    out[0] += d.scale;
    out[1] += d.r();
  };
  check_scalar_fn<double>(
      "g", y0, 3, G,
      [&](const double *p, double *out) {
        Circle d(0.0, 0.0);
        double r = g_grad(circle(p), p[2], &d, &out[2]);
        unpack(d, out);
        return r;
      },
      [&](const double *p, const double *t) { return g_fwd(circle(p), p[2], circle(t), t[2]); });
  check_pullback_prefilled<double>("g", y0, 3, G, [&](const double *p, double s, double *out) {
    Circle d(out[1] - 0.5 * out[0], out[0]); // pre-filled: scale, r
    double r = g_pullback(circle(p), p[2], s, &d, &out[2]);
    out[0] = d.scale;
    out[1] = d.r();
    return r;
  });
  return finish();
}
#endif
