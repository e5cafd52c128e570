// A realistic example that combines structs, std::vector of structs, member
// functions, overloaded operators, range-for by value and by reference, and
// a lambda: the energy of a softened N-body system and a leapfrog integrator.
// The integrator's pullback gives the sensitivity of the final state to the
// initial one (what shooting methods and trajectory optimisation need).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>
#include <vector>

namespace sim {
struct Vec3 {
  double x, y, z;
  double norm2() const { return x * x + y * y + z * z; }
};
inline Vec3 operator+(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
inline Vec3 operator-(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
inline Vec3 operator*(double s, Vec3 a) { return {s * a.x, s * a.y, s * a.z}; }

struct Body {
  Vec3 pos, vel;
  double mass;
  int id;
};
struct Params {
  double G, soft, dt;
};

ADGEN_REVERSE("bodies, p") ADGEN_FORWARD("bodies, p")
double energy(const std::vector<Body> &bodies, const Params &p) {
  auto kinetic = [](const Body &b) { return 0.5 * b.mass * b.vel.norm2(); };
  double E = 0;
  for (const Body &b : bodies)
    E += kinetic(b);
  for (std::size_t i = 0; i < bodies.size(); ++i)
    for (std::size_t j = i + 1; j < bodies.size(); ++j) {
      Vec3 d = bodies[i].pos - bodies[j].pos;
      E -= p.G * bodies[i].mass * bodies[j].mass / std::sqrt(d.norm2() + p.soft * p.soft);
    }
  return E;
}
// CHECK-LABEL: double energy_pullback(const std::vector<sim::Body> &bodies, const sim::Params &p, double d_ret, std::vector<sim::Body> *d_bodies, sim::Params *d_p) {
// CHECK:         d = ::sim::adgen_detail::operator_minus_record(bodies[i].pos, bodies[j].pos);
// CHECK:         d_p->G +=
// CHECK:         ::sim::adgen_detail::Vec3_norm2_reverse(d, d_Vec3_norm2_{{[0-9]+}}, &d_d);
// CHECK:         ::sim::adgen_detail::operator_minus_reverse(bodies[i].pos, bodies[j].pos, d_operator_minus_{{[0-9]+}}, &(*d_bodies)[i].pos, &(*d_bodies)[j].pos);
// CHECK-LABEL: double energy_grad(
// CHECK-LABEL: adgen::Dual<double> energy_fwd(const std::vector<sim::Body> &bodies, const sim::Params &p, const std::vector<sim::Body> &d_bodies, const sim::Params &d_p) {

ADGEN_REVERSE("bodies -> bodies") ADGEN_FORWARD("bodies -> bodies")
void step(std::vector<Body> &bodies, const Params &p, int steps) {
  for (int s = 0; s < steps; ++s) {
    for (Body &b : bodies)
      b.pos = b.pos + (0.5 * p.dt) * b.vel;
    for (std::size_t i = 0; i < bodies.size(); ++i) {
      Vec3 acc{};
      for (std::size_t j = 0; j < bodies.size(); ++j) {
        if (j == i)
          continue;
        Vec3 d = bodies[j].pos - bodies[i].pos;
        double r2 = d.norm2() + p.soft * p.soft;
        acc = acc + (p.G * bodies[j].mass / (r2 * std::sqrt(r2))) * d;
      }
      bodies[i].vel = bodies[i].vel + p.dt * acc;
    }
    for (Body &b : bodies)
      b.pos = b.pos + (0.5 * p.dt) * b.vel;
  }
}
// CHECK-LABEL: void step_pullback(std::vector<sim::Body> &bodies, const sim::Params &p, int steps, std::vector<sim::Body> *d_bodies) {
// CHECK:         operator_times_result = ::sim::adgen_detail::operator_times_record_wrt_a(0.5 * p.dt, bodies[b_index].vel);
// CHECK:         tape.push(bodies[b_index].pos.x);
// CHECK:         redo.replay(redo_mark);
// CHECK-LABEL: void step_fwd(std::vector<sim::Body> &bodies, const sim::Params &p, int steps, std::vector<sim::Body> &d_bodies) {
} // namespace sim

#ifdef ADGEN_TEST_DRIVER
namespace sim {
double energy_grad(const std::vector<Body> &bodies, const Params &p, std::vector<Body> *d_bodies, Params *d_p);
adgen::Dual<double> energy_fwd(const std::vector<Body> &bodies, const Params &p, const std::vector<Body> &d_bodies, const Params &d_p);
void step_pullback(std::vector<Body> &bodies, const Params &p, int steps, std::vector<Body> *d_bodies);
void step_fwd(std::vector<Body> &bodies, const Params &p, int steps, std::vector<Body> &d_bodies);
} // namespace sim
#include "adgen_test.h"
using namespace sim;
const int N = 4;
// Bodies <-> flat arrays: pos, vel, mass per body (7 numbers).
std::vector<Body> unpack(const double *a) {
  std::vector<Body> b(N);
  for (int i = 0; i < N; ++i, a += 7)
    b[i] = {{a[0], a[1], a[2]}, {a[3], a[4], a[5]}, a[6], i};
  return b;
}
void pack(const std::vector<Body> &b, double *a) {
  for (int i = 0; i < N; ++i, a += 7) {
    double v[7] = {b[i].pos.x, b[i].pos.y, b[i].pos.z, b[i].vel.x, b[i].vel.y, b[i].vel.z, b[i].mass};
    for (int k = 0; k < 7; ++k) a[k] = v[k];
  }
}
int main() {
  using namespace adgen_test;
  double x[7 * N + 3];
  for (int i = 0; i < 7 * N; ++i)
    x[i] = 0.9 * std::sin(1.7 * i + 0.3);
  for (int i = 0; i < N; ++i)
    x[7 * i + 6] = 1.0 + 0.25 * i; // masses
  x[7 * N] = 1.2;                  // G
  x[7 * N + 1] = 0.1;              // softening
  x[7 * N + 2] = 0.05;             // dt
  // energy is checked in its 7 * N + 2 inputs (not dt): every array the
  // checker passes has that length, so dt always comes from x.
  auto params = [&](const double *a) { return Params{a[7 * N], a[7 * N + 1], x[7 * N + 2]}; };
  check_scalar_fn<double>(
      "energy", x, 7 * N + 2, [&](const double *a) { return energy(unpack(a), params(a)); },
      [&](const double *a, double *g) {
        std::vector<Body> gb = unpack(g);
        Params gp = params(g);
        double r = energy_grad(unpack(a), params(a), &gb, &gp);
        pack(gb, g);
        g[7 * N] = gp.G;
        g[7 * N + 1] = gp.soft;
        return r;
      },
      [&](const double *a, const double *t) {
        Params dp = params(t);
        dp.dt = 0;
        return energy_fwd(unpack(a), params(a), unpack(t), dp);
      });

  const int Steps = 5;
  check_vector_fn<double>(
      "step", x, 7 * N, 7 * N,
      [&](const double *a, double *y) {
        std::vector<Body> b = unpack(a);
        step(b, params(x), Steps);
        pack(b, y);
      },
      [&](const double *a, const double *ybar, double *xbar) {
        std::vector<Body> b = unpack(a), want = unpack(a), db = unpack(ybar);
        step_pullback(b, params(x), Steps, &db);
        step(want, params(x), Steps);
        for (int i = 0; i < N; ++i)
          check_ulps("step_pullback effects", b[i].pos.y, want[i].pos.y);
        std::vector<double> g(7 * N);
        pack(db, g.data());
        for (int i = 0; i < 7 * N; ++i)
          xbar[i] += g[i];
      },
      [&](const double *a, const double *t, double *y, double *yd) {
        std::vector<Body> b = unpack(a), db = unpack(t);
        step_fwd(b, params(x), Steps, db);
        pack(b, y);
        pack(db, yd);
      });
  return finish();
}
#endif
