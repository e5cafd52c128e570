// Classes with constructors: user-written constructors with initialiser lists
// and bodies, explicit and converting constructors, delegating constructors,
// default member initialisers (implicit constructors), user-written default
// constructors, members built by their own constructors, temporaries
// (`Vec3(a, b, c).dot(v)`, `return Vec3(...)`), private fields. adgen runs a
// constructor in place, like a function that writes its object: its
// arguments become locals named after the object (v_a for parameter a of
// `Vec3 v(...)`), its initialisers and body assignments to the object's
// fields; the user's constructor is never called by generated code, and
// objects (also tangents and adjoints) start as adgen::zeroed<S>(), which runs
// no constructor.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// --emit=check: random points, perturbations and pre-filled adjoints reach
// every field of a class with constructors (made with adgen::zeroed).
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   geo::build {{.*}}worst relative error
// RUNCHECK-DAG: ok   geo::swarm {{.*}}worst relative error
// RUNCHECK-DAG: ok   geo::pull {{.*}}worst relative error
// RUNCHECK: 3 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

namespace geo {
struct Vec3 {
  double x, y, z;
  Vec3(double a, double b, double c) : x(a), y(b), z(c) {}
  explicit Vec3(double s) : Vec3(s, s, s) {} // delegating
  double dot(const Vec3 &o) const { return x * o.x + y * o.y + z * o.z; }
  double norm() const { return std::sqrt(dot(*this)); }
};

class Spring {
public:
  Spring(double k, double rest) : k_(k), rest_(rest) { k_ *= 2; } // body after the list
  double energy(double len) const {
    double d = len - rest_;
    return 0.5 * k_ * d * d;
  }

private:
  double k_;
  double rest_;
  int id_ = 7;
};

// Default member initialisers: an aggregate, and a class whose implicit
// constructor runs them.
struct Params {
  double w = 2.0, b = 1.0;
  int n = 3;
};

// A member built by its own constructor, and a body that calls a method.
struct Particle {
  Vec3 pos;
  double m;
  Particle(double x, double y, double z, double mass) : pos(x, y, z), m(mass) { scale(1.5); }
  Particle(const Vec3 &p, double mass) : pos(p), m(mass) {}
  void scale(double s) {
    pos.x *= s;
    pos.z = pos.z * s + m;
  }
};

// A loop in the body; a user-written default constructor.
struct Poly {
  double c[3];
  explicit Poly(double a) {
    for (int i = 0; i < 3; ++i)
      c[i] = std::pow(a, i + 1);
  }
  double at(double t) const { return c[0] + t * (c[1] + t * c[2]); }
};
struct Acc {
  double sum;
  int n;
  Acc() : sum(0.5), n(0) {}
  void add(double v) {
    sum += v * v;
    ++n;
  }
};
// Not explicit: `Scale s = 2.0;` converts.
struct Scale {
  double f;
  Scale(double v) : f(v * v) {}
};

Vec3 make(double a, double b) { return Vec3(a, b, a * b); }

// CHECK-LABEL: double build_pullback(double a, double b, double d_ret, double *d_a, double *d_b) {
// CHECK: geo::Vec3 v = adgen::zeroed<geo::Vec3>();
// CHECK: geo::Spring s = adgen::zeroed<geo::Spring>();
// CHECK: geo::Vec3 d_v = adgen::zeroed<geo::Vec3>();
// CHECK: double v_a = a;
// CHECK: v.x = v_a;
// CHECK: s.*adgen::access::Spring_id_ = 7;
// CHECK: s.*adgen::access::Spring_k_ = (s.*adgen::access::Spring_k_) * 2.0;
// CHECK: p.w = 2.0;
// CHECK-LABEL: adgen::Dual<double> build_fwd(double a, double b, double d_a, double d_b) {
// CHECK: geo::Vec3 d_v = adgen::zeroed<geo::Vec3>();
// CHECK: d_v.x = d_v_a;
// CHECK: d_s.*adgen::access::Spring_k_ = (d_s.*adgen::access::Spring_k_) * 2.0;
// CHECK-LABEL: void build_jacobian(double a, double b, double *jac) {
ADGEN_REVERSE() ADGEN_FORWARD() ADGEN_JACOBIAN()
double build(double a, double b) {
  Vec3 v(a, b, a * b);
  Vec3 u{2.0};
  Spring s(a, b);
  Params p;
  p.w *= a;
  Params q{a};
  return v.dot(u) + s.energy(3.0 * a) + p.w * p.b + q.w * q.b + Vec3(b, 1.0, a).dot(v);
}

// Constructors inside helpers and loops; a struct returned by a constructor.
// CHECK-LABEL: double swarm_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> swarm_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD()
double swarm(double x, double y) {
  Acc acc;
  for (int i = 0; i < 3; ++i) {
    Particle p(x + i, y, x * y, 0.5 + i);
    Particle q(make(y, x), p.m);
    acc.add(p.pos.norm() + q.pos.dot(p.pos));
  }
  Poly poly(y);
  Scale s = x;
  Params r{};
  return acc.sum * acc.n + poly.at(x) + s.f + r.w;
}

// A class with a constructor as an active parameter, copied and written.
// CHECK-LABEL: double pull_pullback(geo::Particle p, double t, double d_ret, geo::Particle *d_p, double *d_t) {
// CHECK: geo::Particle p_local = adgen::zeroed<geo::Particle>();
// CHECK-LABEL: adgen::Dual<double> pull_fwd(geo::Particle p, double t, geo::Particle d_p, double d_t) {
ADGEN_REVERSE() ADGEN_FORWARD()
double pull(Particle p, double t) {
  p.scale(t);
  Particle moved(p.pos, p.m * t);
  return moved.pos.norm() * moved.m;
}
} // namespace geo

#ifdef ADGEN_TEST_DRIVER
namespace geo {
double build_grad(double a, double b, double *d_a, double *d_b);
double build_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
adgen::Dual<double> build_fwd(double a, double b, double d_a, double d_b);
void build_jacobian(double a, double b, double *jac);
double swarm_grad(double x, double y, double *d_x, double *d_y);
double swarm_pullback(double x, double y, double d_ret, double *d_x, double *d_y);
adgen::Dual<double> swarm_fwd(double x, double y, double d_x, double d_y);
double pull_grad(Particle p, double t, Particle *d_p, double *d_t);
double pull_pullback(Particle p, double t, double d_ret, Particle *d_p, double *d_t);
adgen::Dual<double> pull_fwd(Particle p, double t, Particle d_p, double d_t);
} // namespace geo
#include "adgen_pullback.h"
#include "adgen_test.h"
using namespace geo;
using namespace adgen_test;

namespace {
// The same functions, computed by hand (as C++ would run the constructors).
double build_ref(double a, double b) {
  double s = 2.0;
  double vdu = a * s + b * s + a * b * s;
  double k = 2 * a, d = 3 * a - b;
  double e = 0.5 * k * d * d;
  double p = 2.0 * a * 1.0, q = a * 1.0;
  double w = b * a + 1.0 * b + a * a * b;
  return vdu + e + p + q + w;
}
} // namespace

int main() {
  double x0[2] = {0.7, -1.3};
  check_close("build vs hand", build(x0[0], x0[1]), build_ref(x0[0], x0[1]), 1e-14, 1e-14);
  auto f = [](const double *p) { return build(p[0], p[1]); };
  check_scalar_fn<double>(
      "build", x0, 2, f,
      [](const double *p, double *g) { return build_grad(p[0], p[1], &g[0], &g[1]); },
      [](const double *p, const double *t) { return build_fwd(p[0], p[1], t[0], t[1]); });
  check_pullback_prefilled<double>("build", x0, 2, f, [](const double *p, double s, double *g) {
    return build_pullback(p[0], p[1], s, &g[0], &g[1]);
  });
  {
    double jac[2], g[2] = {0, 0};
    build_jacobian(x0[0], x0[1], jac);
    build_grad(x0[0], x0[1], &g[0], &g[1]);
    check_close("build_jacobian[0]", jac[0], g[0], 1e-14, 1e-14);
    check_close("build_jacobian[1]", jac[1], g[1], 1e-14, 1e-14);
  }

  double y0[2] = {0.4, 0.9};
  auto sw = [](const double *p) { return swarm(p[0], p[1]); };
  check_scalar_fn<double>(
      "swarm", y0, 2, sw,
      [](const double *p, double *g) { return swarm_grad(p[0], p[1], &g[0], &g[1]); },
      [](const double *p, const double *t) { return swarm_fwd(p[0], p[1], t[0], t[1]); });
  check_pullback_prefilled<double>("swarm", y0, 2, sw, [](const double *p, double s, double *g) {
    return swarm_pullback(p[0], p[1], s, &g[0], &g[1]);
  });

  // pull: parameters are the particle's fields (pos.x, pos.y, pos.z, m) and t.
  double z0[5] = {0.3, -0.8, 1.1, 0.6, 1.4};
  auto particle = [](const double *p) { return Particle(Vec3(p[0], p[1], p[2]), p[3]); };
  auto pl = [&](const double *p) { return pull(particle(p), p[4]); };
  auto unpack = [](const Particle &d, double *g) {
    g[0] += d.pos.x;
    g[1] += d.pos.y;
    g[2] += d.pos.z;
    g[3] += d.m;
  };
  check_scalar_fn<double>(
      "pull", z0, 5, pl,
      [&](const double *p, double *g) {
        Particle d(Vec3(0.0), 0.0);
        double r = pull_grad(particle(p), p[4], &d, &g[4]);
        unpack(d, g);
        return r;
      },
      [&](const double *p, const double *t) {
        return pull_fwd(particle(p), p[4], particle(t), t[4]);
      });
  check_pullback_prefilled<double>("pull", z0, 5, pl, [&](const double *p, double s, double *g) {
    Particle d(Vec3(g[0], g[1], g[2]), g[3]); // pre-filled adjoint
    double r = pull_pullback(particle(p), p[4], s, &d, &g[4]);
    g[0] = d.pos.x;
    g[1] = d.pos.y;
    g[2] = d.pos.z;
    g[3] = d.m;
    return r;
  });
  return finish();
}
#endif
