// Private and protected members: the generated functions are free functions,
// outside the class, yet they read and write private fields (of self, of its
// adjoint and tangent, of other objects of the class, of nested objects),
// call private methods and use private static members, without the class
// being edited. Each private member the code uses gets one tag and one
// explicit instantiation of adgen::access::PointerTo (access is not checked
// in explicit instantiations) at the top of the file; public members print
// as usual.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

namespace mech {
class Spring {
public:
  Spring(double k, double rest, double c) : k_(k), rest_(rest), c_(c) {}
  double k() const { return k_; }
  double rest() const { return rest_; }
  double c() const { return c_; }
  int steps() const { return steps_; }
  static int calls() { return calls_; }
  double label = 0; // public: printed as self.label

  // Private fields and methods, a protected field, private static members.
  ADGEN_REVERSE("x") ADGEN_FORWARD("x")
  double energy(double x) const {
    double e = x - rest_;
    return 0.5 * stiffness() * e * e * scale_ + cube(e) * c_ + count() + parity(steps_) + label;
  }

  // The object is active: d_self->k_ (reverse) and d_self.k_ (forward).
  ADGEN_REVERSE("self, x") ADGEN_FORWARD("self, x")
  double energy2(double x) const { return energy(x) * k_ + coupling(*this); }

  // Writes private fields and a private static counter.
  ADGEN_REVERSE("self, t") ADGEN_FORWARD("self, t")
  void relax(double t) {
    k_ = k_ * std::exp(-t) + rest_ * t;
    rest_ *= 1 + t * c_;
    ++steps_;
    ++calls_;
  }

  // Private fields of another object of the class.
  ADGEN_REVERSE("self, o") ADGEN_FORWARD("self, o")
  double coupling(const Spring &o) const { return k_ * o.k_ + std::sin(o.rest_) * c_; }

  friend double potential(const Spring &a, const Spring &b, double x);

private:
  double stiffness() const { return k_ * (1.0 + 0.1 * rest_); }
  int count() const { return steps_ > 100 ? 1 : 0; }
  static double cube(double v) { return v * v * v; }
  static int parity(int n) { return n % 2; }
  double k_, rest_;
  int steps_ = 0;
  static inline double scale_ = 1.25;
  static inline int calls_ = 0;

protected:
  double c_;
};

// A free function (a friend) reading private fields of its parameters.
ADGEN_REVERSE("a, b, x") ADGEN_FORWARD("a, b, x")
double potential(const Spring &a, const Spring &b, double x) {
  return a.k_ * b.rest_ * x + a.energy(x) * b.c_;
}

// Private fields of a nested class, inside a private array of self; a
// public method of a private field.
class Model {
public:
  struct Part {
    Part(double m, double v) : m_(m), v_(v) {}
    double m() const { return m_; }
    double v() const { return v_; }

  private:
    friend class Model;
    double m_, v_;
  };
  Model(Part a, Part b, Spring s) : parts_{a, b}, s_(s) {}
  const Part &part(int i) const { return parts_[i]; }
  const Spring &spring() const { return s_; }

  ADGEN_REVERSE("self, x") ADGEN_FORWARD("self, x")
  double total(double x) const {
    double t = 0;
    for (int i = 0; i < 2; ++i)
      t += parts_[i].m_ * parts_[i].v_ * x;
    return t + s_.energy(x);
  }

private:
  Part parts_[2];
  Spring s_;
};
} // namespace mech
// One accessor per private or protected member used, before the derivatives;
// the public field `label` and public methods get none.
// CHECK:       namespace adgen::access {
// CHECK-NEXT:  namespace {
// CHECK-NEXT:  // mech::Spring::rest_ (private)
// CHECK-NEXT:  struct Spring_rest__tag {
// CHECK-NEXT:    using type = MemberPointer<::mech::Spring, double>;
// CHECK-NEXT:  };
// CHECK-NEXT:  constexpr Spring_rest__tag::type pointer(Spring_rest__tag);
// CHECK-NEXT:  template struct PointerTo<Spring_rest__tag, &::mech::Spring::rest_>;
// CHECK-NEXT:  {{\[\[}}maybe_unused]] constexpr Spring_rest__tag::type Spring_rest_ = pointer(Spring_rest__tag{});
// CHECK:       // mech::Spring::c_ (protected)
// CHECK:       // mech::Spring::scale_ (private)
// CHECK-NEXT:  struct Spring_scale__tag {
// CHECK-NEXT:    using type = Pointer<double>;
// CHECK:       // mech::Spring::stiffness (private)
// CHECK-NEXT:  struct Spring_stiffness_tag {
// CHECK-NEXT:    using type = MemberPointer<::mech::Spring, double() const>;
// CHECK:       // mech::Spring::parity (private)
// CHECK-NEXT:  struct Spring_parity_tag {
// CHECK-NEXT:    using type = Pointer<int(int)>;
// CHECK:       // mech::Model::parts_ (private)
// CHECK-NEXT:  struct Model_parts__tag {
// CHECK-NEXT:    using type = MemberPointer<::mech::Model, ::mech::Model::Part[2]>;
// CHECK:       // mech::Model::Part::m_ (private)
// CHECK:       } // namespace adgen::access
// CHECK-NOT:   label_tag
//
// CHECK-LABEL: inline double Spring_energy_pullback(const mech::Spring &self, double x, double d_ret, double *d_x) {
// CHECK:         e = x - (self.*adgen::access::Spring_rest_);
// CHECK:         Spring_stiffness_result = (self.*adgen::access::Spring_stiffness)();
// CHECK:         Spring_cube_result = ::mech::adgen_detail::Spring_cube_record(e);
// CHECK:         Spring_parity_result = adgen::access::Spring_parity(self.*adgen::access::Spring_steps_);
// CHECK:         result = 0.5 * Spring_stiffness_result * e * e * (*adgen::access::Spring_scale_) + Spring_cube_result * (self.*adgen::access::Spring_c_) + {{.*}} + self.label;
// CHECK-LABEL: inline double Spring_energy_grad(const mech::Spring &self, double x, double *d_x) {
// CHECK-LABEL: static double Spring_cube_record(double v) {
// CHECK-LABEL: static void Spring_cube_reverse(double v, double d_result_1, double *d_v) {
// CHECK-LABEL: inline adgen::Dual<double> Spring_energy_fwd(const mech::Spring &self, double x, double d_x) {
// CHECK:         double e = x - (self.*adgen::access::Spring_rest_);
// CHECK-LABEL: static inline adgen::Dual<double> Spring_cube_fwd(double v, double d_v) {
// CHECK-LABEL: inline double Spring_energy2_pullback(const mech::Spring &self, double x, double d_ret, mech::Spring *d_self, double *d_x) {
// CHECK:         d_self->*adgen::access::Spring_k_ += d_result * Spring_energy_result;
// CHECK-LABEL: inline double Spring_energy2_grad(const mech::Spring &self, double x, mech::Spring *d_self, double *d_x) {
// CHECK-LABEL: static double Spring_stiffness_record(const mech::Spring &self) {
// CHECK-LABEL: static void Spring_stiffness_reverse(const mech::Spring &self, double d_result_1, mech::Spring *d_self) {
// CHECK:         d_self->*adgen::access::Spring_rest_ += d_result * (self.*adgen::access::Spring_k_) * 0.1;
// CHECK-LABEL: inline adgen::Dual<double> Spring_energy2_fwd(const mech::Spring &self, double x, const mech::Spring &d_self, double d_x) {
// CHECK:         (d_self.*adgen::access::Spring_k_) * Spring_energy
// CHECK-LABEL: inline void Spring_relax_pullback(mech::Spring &self, double t, mech::Spring *d_self, double *d_t) {
// CHECK:         tape.push(self.*adgen::access::Spring_k_);
// CHECK-NEXT:    self.*adgen::access::Spring_k_ = (self.*adgen::access::Spring_k_) * exp_val + (self.*adgen::access::Spring_rest_) * t;
// CHECK:         ++(self.*adgen::access::Spring_steps_);
// CHECK-NEXT:    ++(*adgen::access::Spring_calls_);
// CHECK:         redo.save(&(self.*adgen::access::Spring_rest_));
// CHECK-NEXT:    self.*adgen::access::Spring_rest_ = tape.pop<double>();
// CHECK-LABEL: inline void Spring_relax_fwd(mech::Spring &self, double t, mech::Spring &d_self, double d_t) {
// CHECK:         double exp_t = std::exp(-t);
// CHECK-NEXT:    d_self.*adgen::access::Spring_k_ = (d_self.*adgen::access::Spring_k_) * exp_t
// CHECK-LABEL: inline double Spring_coupling_pullback(const mech::Spring &self, const mech::Spring &o, double d_ret, mech::Spring *d_self, mech::Spring *d_o) {
// CHECK:         d_o->*adgen::access::Spring_rest_ += d_result * (self.*adgen::access::Spring_c_) * sincos_o.cos;
// CHECK-LABEL: inline double Spring_coupling_grad(const mech::Spring &self, const mech::Spring &o, mech::Spring *d_self, mech::Spring *d_o) {
// CHECK-LABEL: inline adgen::Dual<double> Spring_coupling_fwd(const mech::Spring &self, const mech::Spring &o, const mech::Spring &d_self, const mech::Spring &d_o) {
// CHECK-LABEL: double potential_pullback(const mech::Spring &a, const mech::Spring &b, double x, double d_ret, mech::Spring *d_a, mech::Spring *d_b, double *d_x) {
// CHECK:         d_a->*adgen::access::Spring_k_ += adj * (b.*adgen::access::Spring_rest_);
// CHECK-LABEL: double potential_grad(const mech::Spring &a, const mech::Spring &b, double x, mech::Spring *d_a, mech::Spring *d_b, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> potential_fwd(const mech::Spring &a, const mech::Spring &b, double x, const mech::Spring &d_a, const mech::Spring &d_b, double d_x) {
// CHECK-LABEL: inline double Model_total_pullback(const mech::Model &self, double x, double d_ret, mech::Model *d_self, double *d_x) {
// CHECK:         t += ((self.*adgen::access::Model_parts_)[i].*adgen::access::Model_Part_m_) * ((self.*adgen::access::Model_parts_)[i].*adgen::access::Model_Part_v_) * x;
// CHECK:         ::mech::adgen_detail::Spring_energy_reverse(self.*adgen::access::Model_s_, x, d_Spring_energy, &(d_self->*adgen::access::Model_s_), &d_x_1, tape);
// CHECK:         (d_self->*adgen::access::Model_parts_)[i].*adgen::access::Model_Part_m_ += adj_1 * ((self.*adgen::access::Model_parts_)[i].*adgen::access::Model_Part_v_);
// CHECK-LABEL: inline double Model_total_grad(const mech::Model &self, double x, mech::Model *d_self, double *d_x) {
// CHECK-LABEL: inline adgen::Dual<double> Model_total_fwd(const mech::Model &self, double x, const mech::Model &d_self, double d_x) {
// CHECK:         ::mech::adgen_detail::Spring_energy_fwd(self.*adgen::access::Model_s_, x, d_self.*adgen::access::Model_s_, d_x);

#ifdef ADGEN_TEST_DRIVER
// This file is #included before the derivatives: declare them.
namespace mech {
double Spring_energy_pullback(const Spring &self, double x, double d_ret, double *d_x);
double Spring_energy_grad(const Spring &self, double x, double *d_x);
adgen::Dual<double> Spring_energy_fwd(const Spring &self, double x, double d_x);
double Spring_energy2_pullback(const Spring &self, double x, double d_ret, Spring *d_self, double *d_x);
double Spring_energy2_grad(const Spring &self, double x, Spring *d_self, double *d_x);
adgen::Dual<double> Spring_energy2_fwd(const Spring &self, double x, const Spring &d_self, double d_x);
void Spring_relax_pullback(Spring &self, double t, Spring *d_self, double *d_t);
void Spring_relax_fwd(Spring &self, double t, Spring &d_self, double d_t);
double Spring_coupling_pullback(const Spring &self, const Spring &o, double d_ret, Spring *d_self, Spring *d_o);
double Spring_coupling_grad(const Spring &self, const Spring &o, Spring *d_self, Spring *d_o);
adgen::Dual<double> Spring_coupling_fwd(const Spring &self, const Spring &o, const Spring &d_self, const Spring &d_o);
double potential_pullback(const Spring &a, const Spring &b, double x, double d_ret, Spring *d_a, Spring *d_b, double *d_x);
double potential_grad(const Spring &a, const Spring &b, double x, Spring *d_a, Spring *d_b, double *d_x);
adgen::Dual<double> potential_fwd(const Spring &a, const Spring &b, double x, const Spring &d_a, const Spring &d_b, double d_x);
double Model_total_pullback(const Model &self, double x, double d_ret, Model *d_self, double *d_x);
double Model_total_grad(const Model &self, double x, Model *d_self, double *d_x);
adgen::Dual<double> Model_total_fwd(const Model &self, double x, const Model &d_self, double d_x);
} // namespace mech

#include "adgen_test.h"
using namespace mech;
using namespace adgen_test;

// The contract of f_pullback: adjoints pre-filled with pre[i] end as
// pre[i] + d_ret * df/dp[i] (central differences), and it returns f's value.
// p holds every input; pullback(p, d_ret, adj) fills adj from its objects.
template <typename F, typename P>
void check_pullback(const char *name, double *p, int n, F &&f, P &&pullback) {
  const double d_ret = -1.75;
  std::vector<double> adj(n), pre(n);
  for (int i = 0; i < n; ++i)
    adj[i] = pre[i] = 0.5 + 0.25 * i;
  double v = pullback(p, d_ret, adj.data());
  check_ulps(Label(name, "pullback returns f's value"), v, f(p));
  for (int i = 0; i < n; ++i) {
    double fd = fd_array([&] { return f(p); }, p, i);
    check_close(Label(name, "pullback: pre + d_ret * grad", i), adj[i], pre[i] + d_ret * fd,
                1e-6, 1e-9);
  }
}

Spring spring(const double *p) { return Spring(p[0], p[1], p[2]); }
void unspring(const Spring &s, double *p) {
  p[0] = s.k(); p[1] = s.rest(); p[2] = s.c();
}
Model model(const double *p) {
  return Model(Model::Part(p[0], p[1]), Model::Part(p[2], p[3]), spring(p + 4));
}
void unmodel(const Model &m, double *p) {
  p[0] = m.part(0).m(); p[1] = m.part(0).v(); p[2] = m.part(1).m(); p[3] = m.part(1).v();
  unspring(m.spring(), p + 4);
}

int main() {
  // energy: d/dx only; the object's private fields and methods are read.
  Spring s0(3.0, 0.4, 0.7);
  s0.label = 0.125;
  double x[1] = {1.3};
  auto energy = [&](const double *p) { return s0.energy(p[0]); };
  check_scalar_fn<double>(
      "Spring::energy", x, 1, energy,
      [&](const double *p, double *g) { return Spring_energy_grad(s0, p[0], &g[0]); },
      [&](const double *p, const double *t) { return Spring_energy_fwd(s0, p[0], t[0]); });
  check_pullback("Spring::energy", x, 1, energy, [&](const double *p, double d_ret, double *a) {
    return Spring_energy_pullback(s0, p[0], d_ret, &a[0]);
  });

  // energy2: the object is active; its adjoint's private fields accumulate.
  double p2[4] = {3.0, 0.4, 0.7, 1.3}; // k, rest, c, x
  auto energy2 = [](const double *p) { return spring(p).energy2(p[3]); };
  auto energy2_grad = [](const double *p, double *g) {
    Spring d = spring(g);
    double r = Spring_energy2_grad(spring(p), p[3], &d, &g[3]);
    unspring(d, g);
    return r;
  };
  check_scalar_fn<double>("Spring::energy2", p2, 4, energy2, energy2_grad,
                          [](const double *p, const double *t) {
                            return Spring_energy2_fwd(spring(p), p[3], spring(t), t[3]);
                          });
  check_pullback("Spring::energy2", p2, 4, energy2, [](const double *p, double d_ret, double *a) {
    Spring d = spring(a);
    double r = Spring_energy2_pullback(spring(p), p[3], d_ret, &d, &a[3]);
    unspring(d, a);
    return r;
  });

  // relax: writes private fields and a private static counter; the
  // pullback keeps those effects, once.
  double p3[4] = {2.0, 0.6, 0.3, 0.45}; // k, rest, c, t
  check_vector_fn<double>(
      "Spring::relax", p3, 4, 3,
      [](const double *p, double *y) {
        Spring s = spring(p);
        s.relax(p[3]);
        unspring(s, y);
      },
      [](const double *p, const double *ybar, double *xbar) {
        Spring s = spring(p), want = spring(p), d = spring(ybar);
        want.relax(p[3]);
        int calls = Spring::calls();
        double dt = 0;
        Spring_relax_pullback(s, p[3], &d, &dt);
        check_ulps("relax_pullback effects: k_", s.k(), want.k());
        check_ulps("relax_pullback effects: rest_", s.rest(), want.rest());
        check_exact("relax_pullback effects: steps_", s.steps(), 1);
        check_exact("relax_pullback effects: calls_", Spring::calls(), calls + 1);
        double a[3];
        unspring(d, a);
        for (int i = 0; i < 3; ++i) xbar[i] += a[i];
        xbar[3] += dt;
      },
      [](const double *p, const double *t, double *y, double *yd) {
        Spring s = spring(p), d = spring(t);
        Spring_relax_fwd(s, p[3], d, t[3]);
        unspring(s, y);
        unspring(d, yd);
      });
  {
    // Pre-filled adjoints of an in-out object: d_self holds the result's
    // adjoint on entry and the input's on return; d_t accumulates.
    double ybar[3] = {0.8, -1.1, 0.6};
    auto f = [&](const double *p) {
      Spring s = spring(p);
      s.relax(p[3]);
      return ybar[0] * s.k() + ybar[1] * s.rest() + ybar[2] * s.c();
    };
    Spring s = spring(p3), d = spring(ybar);
    double dt = 0.75, a[3];
    Spring_relax_pullback(s, p3[3], &d, &dt);
    unspring(d, a);
    for (int i = 0; i < 3; ++i)
      check_close(Label("Spring::relax", "d_self after the pullback", i), a[i],
                  fd_array([&] { return f(p3); }, p3, i), 1e-6, 1e-9);
    check_close("Spring::relax: d_t accumulates onto 0.75", dt,
                0.75 + fd_array([&] { return f(p3); }, p3, 3), 1e-6, 1e-9);
  }

  // coupling: private fields of another object of the class.
  double p4[6] = {3.0, 0.4, 0.7, 1.5, -0.3, 0.9};
  auto coupling = [](const double *p) { return spring(p).coupling(spring(p + 3)); };
  check_scalar_fn<double>(
      "Spring::coupling", p4, 6, coupling,
      [](const double *p, double *g) {
        Spring ds = spring(g), dobj = spring(g + 3);
        double r = Spring_coupling_grad(spring(p), spring(p + 3), &ds, &dobj);
        unspring(ds, g);
        unspring(dobj, g + 3);
        return r;
      },
      [](const double *p, const double *t) {
        return Spring_coupling_fwd(spring(p), spring(p + 3), spring(t), spring(t + 3));
      });
  check_pullback("Spring::coupling", p4, 6, coupling, [](const double *p, double d_ret, double *a) {
    Spring ds = spring(a), dobj = spring(a + 3);
    double r = Spring_coupling_pullback(spring(p), spring(p + 3), d_ret, &ds, &dobj);
    unspring(ds, a);
    unspring(dobj, a + 3);
    return r;
  });

  // potential: a free function (a friend) reading private fields.
  double p5[7] = {3.0, 0.4, 0.7, 1.5, -0.3, 0.9, 1.1};
  auto potential_f = [](const double *p) { return potential(spring(p), spring(p + 3), p[6]); };
  check_scalar_fn<double>(
      "potential", p5, 7, potential_f,
      [](const double *p, double *g) {
        Spring da = spring(g), db = spring(g + 3);
        double r = potential_grad(spring(p), spring(p + 3), p[6], &da, &db, &g[6]);
        unspring(da, g);
        unspring(db, g + 3);
        return r;
      },
      [](const double *p, const double *t) {
        return potential_fwd(spring(p), spring(p + 3), p[6], spring(t), spring(t + 3), t[6]);
      });
  check_pullback("potential", p5, 7, potential_f, [](const double *p, double d_ret, double *a) {
    Spring da = spring(a), db = spring(a + 3);
    double r = potential_pullback(spring(p), spring(p + 3), p[6], d_ret, &da, &db, &a[6]);
    unspring(da, a);
    unspring(db, a + 3);
    return r;
  });

  // Model::total: private fields of a nested class in a private array, a
  // private member object.
  double p6[8] = {1.2, 0.5, -0.7, 1.9, 3.0, 0.4, 0.7, 1.3}; // parts, spring, x
  auto total = [](const double *p) { return model(p).total(p[7]); };
  check_scalar_fn<double>(
      "Model::total", p6, 8, total,
      [](const double *p, double *g) {
        Model d = model(g);
        double r = Model_total_grad(model(p), p[7], &d, &g[7]);
        unmodel(d, g);
        return r;
      },
      [](const double *p, const double *t) { return Model_total_fwd(model(p), p[7], model(t), t[7]); });
  check_pullback("Model::total", p6, 8, total, [](const double *p, double d_ret, double *a) {
    Model d = model(a);
    double r = Model_total_pullback(model(p), p[7], d_ret, &d, &a[7]);
    unmodel(d, a);
    return r;
  });
  return finish();
}
#endif
