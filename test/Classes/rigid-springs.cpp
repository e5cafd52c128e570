// A realistic example: a small 3-D spring-mass system written the way C++
// programmers write it, with classes, constructors (explicit, delegating,
// default member initialisers, a base class initialiser), private members,
// a non-virtual base class, operators, and a time-stepping loop. adgen
// differentiates the total energy after a few explicit Euler steps with
// respect to the initial positions and velocities (forward, reverse,
// Jacobian, --emit=check).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check && %t.check | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK: ok   mech::simulate
// RUNCHECK: 1 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

namespace mech {
struct Vec3 {
  double x = 0, y = 0, z = 0;
  Vec3() = default;
  Vec3(double x_, double y_, double z_) : x(x_), y(y_), z(z_) {}
  explicit Vec3(const double *p) : Vec3(p[0], p[1], p[2]) {}
  Vec3 &operator+=(const Vec3 &o) {
    x += o.x;
    y += o.y;
    z += o.z;
    return *this;
  }
  double dot(const Vec3 &o) const { return x * o.x + y * o.y + z * o.z; }
  double norm() const { return std::sqrt(dot(*this)); }
};
inline Vec3 operator+(const Vec3 &a, const Vec3 &b) { return Vec3(a.x + b.x, a.y + b.y, a.z + b.z); }
inline Vec3 operator-(const Vec3 &a, const Vec3 &b) { return Vec3(a.x - b.x, a.y - b.y, a.z - b.z); }
inline Vec3 operator*(double s, const Vec3 &a) { return Vec3(s * a.x, s * a.y, s * a.z); }

// A base class with a constructor.
class Body {
public:
  explicit Body(double mass) : mass_(mass), inv_mass_(1.0 / mass) {}
  double mass() const { return mass_; }
  double invMass() const { return inv_mass_; }

private:
  double mass_;
  double inv_mass_;
};

class Particle : public Body {
public:
  Particle(const Vec3 &pos, const Vec3 &vel, double mass) : Body(mass), pos_(pos), vel_(vel) {}
  void push(const Vec3 &force, double dt) {
    vel_ += (dt * invMass()) * force;
    vel_ = (1.0 - damping_ * dt) * vel_;
  }
  void drift(double dt) { pos_ += dt * vel_; }
  double kinetic() const { return 0.5 * mass() * vel_.dot(vel_); }
  Vec3 pos() const { return pos_; }

private:
  Vec3 pos_, vel_;
  double damping_ = 0.05; // default member initialiser
};

class Spring {
public:
  Spring(double k, double rest) : k_(k), rest_(rest) {}
  // Force on a, pulling it towards b.
  Vec3 force(const Particle &a, const Particle &b) const {
    Vec3 d = b.pos() - a.pos();
    double len = d.norm();
    return (k_ * (len - rest_) / len) * d;
  }
  double energy(const Particle &a, const Particle &b) const {
    double s = (b.pos() - a.pos()).norm() - rest_;
    return 0.5 * k_ * s * s;
  }

private:
  double k_, rest_;
};

// CHECK-LABEL: double simulate_pullback(const double *x, const double *v, double dt, int steps, double d_ret, double *d_x, double *d_v) {
// CHECK: mech::Particle a = adgen::zeroed<mech::Particle>();
// CHECK: mech::Particle d_a = adgen::zeroed<mech::Particle>();
// CHECK-LABEL: adgen::Dual<double> simulate_fwd(const double *x, const double *v, double dt, int steps, const double *d_x, const double *d_v) {
// CHECK-LABEL: void simulate_jacobian(const double *x, const double *v, double dt, int steps, double *jac) {
ADGEN_REVERSE("x, v") ADGEN_FORWARD("x, v") ADGEN_JACOBIAN("x[9], v[9]")
double simulate(const double *x, const double *v, double dt, int steps) {
  Particle a(Vec3(x), Vec3(v), 1.0);
  Particle b(Vec3(x + 3), Vec3(v + 3), 2.0);
  Particle c(Vec3(x + 6), Vec3(v + 6), 1.5);
  const Spring ab(4.0, 1.0), bc(3.0, 1.2), ca(2.0, 1.5);
  for (int s = 0; s < steps; ++s) {
    Vec3 fa = ab.force(a, b) + ca.force(a, c);
    Vec3 fb = bc.force(b, c) + ab.force(b, a);
    Vec3 fc = ca.force(c, a) + bc.force(c, b);
    a.push(fa, dt);
    b.push(fb, dt);
    c.push(fc, dt);
    a.drift(dt);
    b.drift(dt);
    c.drift(dt);
  }
  return a.kinetic() + b.kinetic() + c.kinetic() + ab.energy(a, b) + bc.energy(b, c) +
         ca.energy(c, a);
}
} // namespace mech

#ifdef ADGEN_TEST_DRIVER
namespace mech {
double simulate_grad(const double *x, const double *v, double dt, int steps, double *d_x, double *d_v);
double simulate_pullback(const double *x, const double *v, double dt, int steps, double d_ret,
                         double *d_x, double *d_v);
adgen::Dual<double> simulate_fwd(const double *x, const double *v, double dt, int steps,
                                 const double *d_x, const double *d_v);
void simulate_jacobian(const double *x, const double *v, double dt, int steps, double *jac);
} // namespace mech
#include "adgen_pullback.h"
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  // x[0..9) then v[0..9): three particles on a rough triangle.
  double p[18] = {0.0, 0.0, 0.0, 1.1, 0.1, -0.2, 0.4, 1.2, 0.3,
                  0.1, -0.2, 0.05, 0.0, 0.3, -0.1, -0.2, 0.0, 0.15};
  auto f = [](const double *q) { return mech::simulate(q, q + 9, 0.05, 6); };
  check_scalar_fn<double>(
      "simulate", p, 18, f,
      [](const double *q, double *g) { return mech::simulate_grad(q, q + 9, 0.05, 6, g, g + 9); },
      [](const double *q, const double *t) { return mech::simulate_fwd(q, q + 9, 0.05, 6, t, t + 9); });
  check_pullback_prefilled<double>("simulate", p, 18, f, [](const double *q, double s, double *g) {
    return mech::simulate_pullback(q, q + 9, 0.05, 6, s, g, g + 9);
  });
  double jac[18], g[18] = {};
  mech::simulate_jacobian(p, p + 9, 0.05, 6, jac);
  mech::simulate_grad(p, p + 9, 0.05, 6, g, g + 9);
  for (int i = 0; i < 18; ++i)
    check_close("simulate_jacobian vs grad", jac[i], g[i], 1e-13, 1e-13);
  return finish();
}
#endif
