// f_jacobian of functions whose parameters are containers and arrays of
// structs, and of functions returning a struct: a std::vector's numbers are
// its size() elements (it cannot change size inside f), a std::array's its N,
// an array of structs `ps[n]` is struct after struct, each struct's numbers in
// the contract's order; a returned struct's numbers are the first rows. The
// derivatives are held in a std::vector / std::array the driver makes, and a
// struct element's numbers are reached through adgen_number_<param>. Checked
// against central differences in every Jacobian mode, against f_fwd and
// f_grad, with canaries, with g++ and clang++, and with --emit=check.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --jacobian-mode=forward -o %t.fwd.cpp -- -std=c++17
// RUN: %cxx -DADGEN_TEST_DRIVER %t.fwd.cpp -o %t.fwd && %t.fwd
// RUN: %adgen %s --jacobian-mode=reverse -o %t.rev.cpp -- -std=c++17
// RUN: %cxx -DADGEN_TEST_DRIVER %t.rev.cpp -o %t.rev && %t.rev
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check && %t.check | FileCheck %s --check-prefix=CHK
#include <adgen/adgen.h>
#include <array>
#include <cmath>
#include <vector>

struct V2 {
  double x, y;
};
struct Body {
  double m;
  int id; // no derivative: skipped
  double q[2];
};

// A std::vector and a std::array in, a std::vector in-out.
ADGEN_JACOBIAN("v, a, out -> out") ADGEN_FORWARD("v, a, out -> out")
void mix(const std::vector<double> &v, const std::array<double, 2> &a, std::vector<double> &out) {
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = out[i] * a[0] + std::sin(v[i]) * a[1] + v[0] * v[i];
}
// CHECK-LABEL: void mix_jacobian(const std::vector<double> &v, const std::array<double, 2> &a, std::vector<double> &out, double *jac) {
// CHECK:         const std::size_t adgen_n_in = 0 + v.size() + 2 + out.size();
// CHECK-NEXT:    const std::size_t adgen_n_out = 0 + out.size();
// CHECK:         const std::vector<double> adgen_out_on_entry = out;
// CHECK-NEXT:    std::vector<double> adgen_d_v(v.size(), double(0));
// CHECK-NEXT:    std::array<double, 2> adgen_d_a{};
// CHECK:         ::adgen_detail::mix_jacobian_pullback(v, a, out, &adgen_d_v, &adgen_d_a, &adgen_d_out);

// An array of structs with a spec length: struct after struct.
ADGEN_JACOBIAN("ps[n] -> return") ADGEN_REVERSE("ps")
double energy(const Body *ps, int n) {
  double e = 0;
  for (int i = 0; i < n; ++i)
    e += 0.5 * ps[i].m * (ps[i].q[0] * ps[i].q[0] + ps[i].q[1] * ps[i].q[1]) + ps[i].id * ps[i].m;
  return e;
}
// CHECK-LABEL: void energy_jacobian(const Body *ps, int n, double *jac) {
// CHECK:         const std::size_t adgen_n_in = 0 + static_cast<std::size_t>(n) * 3;
// CHECK:         std::vector<Body> adgen_d_ps(static_cast<std::size_t>(n), adgen::zeroed<Body>());
// CHECK-NEXT:    auto adgen_number_ps = [](Body &adgen_s, std::size_t adgen_i) -> double & {
// CHECK-NEXT:      double *const adgen_numbers[] = {&adgen_s.m, &adgen_s.q[0], &adgen_s.q[1]};
// CHECK-NEXT:      return *adgen_numbers[adgen_i];
// CHECK-NEXT:    };

// A std::vector of structs in, a std::array of structs in-out, a scalar.
ADGEN_JACOBIAN("bs, w, acc -> return, acc")
double pull(const std::vector<Body> &bs, double w, std::array<V2, 2> &acc) {
  double s = 0;
  for (const Body &b : bs) {
    acc[0].x += w * b.m * b.q[0];
    acc[1].y = acc[1].y * b.q[1] + acc[0].y;
    s += b.m * std::cos(b.q[0] * w);
  }
  return s * acc[1].x;
}
// CHECK-LABEL: void pull_jacobian(const std::vector<Body> &bs, double w, std::array<V2, 2> &acc, double *jac) {
// CHECK:         const std::size_t adgen_n_in = 0 + bs.size() * 3 + 1 + 4;
// CHECK-NEXT:    const std::size_t adgen_n_out = 1 + 4;
// CHECK:         const std::array<V2, 2> adgen_acc_on_entry = acc;
// CHECK:         std::array<V2, 2> adgen_d_acc = adgen::zeroed<std::array<V2, 2>>();

// A struct result: its numbers are the first rows, then z.
ADGEN_JACOBIAN("r, th -> return, z")
V2 place(double r, double th, double &z) {
  z = r * th;
  return {r * std::cos(th), r * std::sin(th)};
}
// CHECK-LABEL: void place_jacobian(double r, double th, double &z, double *jac) {
// CHECK:         const std::size_t adgen_n_out = 2 + 1;
// CHECK:         const adgen::Dual<V2> adgen_ret = ::adgen_detail::place_jacobian_fwd(r, th, z, adgen_d_r, adgen_d_th, adgen_d_z);
// CHECK-NEXT:    jac[adgen_col] = adgen_ret.tangent.x;
// CHECK-NEXT:    jac[1 * adgen_n_in + adgen_col] = adgen_ret.tangent.y;
// CHECK:         V2 d_ret = adgen::zeroed<V2>();
// CHECK-NEXT:    double *const adgen_numbers_ret[] = {&d_ret.x, &d_ret.y};

// CHK-NOT: FAIL
// CHK: 4 passed, 0 failed

#ifdef ADGEN_TEST_DRIVER
void mix_jacobian(const std::vector<double> &v, const std::array<double, 2> &a, std::vector<double> &out, double *jac);
void mix_fwd(const std::vector<double> &v, const std::array<double, 2> &a, std::vector<double> &out,
             const std::vector<double> &d_v, const std::array<double, 2> &d_a, std::vector<double> &d_out);
void energy_jacobian(const Body *ps, int n, double *jac);
double energy_grad(const Body *ps, int n, Body *d_ps);
void pull_jacobian(const std::vector<Body> &bs, double w, std::array<V2, 2> &acc, double *jac);
void place_jacobian(double r, double th, double &z, double *jac);
#include "adgen_test.h"
using namespace adgen_test;

/// Checks the rows x x.size() Jacobian \p J against central differences of
/// \p eval, which maps the flattened inputs to the flattened outputs.
template <class Eval>
void check_jacobian(const char *what, const double *J, const std::vector<double> &x, std::size_t rows, Eval eval) {
  for (std::size_t c = 0; c < x.size(); ++c) {
    std::vector<double> xp = x, xm = x;
    double h = 1e-6 * (1 + std::fabs(x[c]));
    xp[c] += h;
    xm[c] -= h;
    std::vector<double> yp = eval(xp), ym = eval(xm);
    check_exact(what, yp.size(), rows);
    for (std::size_t r = 0; r < rows; ++r)
      check_close(what, J[r * x.size() + c], (yp[r] - ym[r]) / (2 * h), 1e-6, 1e-9);
  }
}

double *numbers(Body &b, int i) {
  double *p[3] = {&b.m, &b.q[0], &b.q[1]};
  return p[i];
}

int main() {
  { // mix: columns v (3), a (2), out (3); rows out (3).
    std::vector<double> v = {0.3, -0.7, 1.2}, out0 = {0.5, 0.25, -1.5}, out = out0, want = out0;
    std::array<double, 2> a = {1.3, -0.4};
    std::vector<double> J(3 * 8 + 1, 42.0);
    mix_jacobian(v, a, out, J.data());
    check_exact("mix: canary past the Jacobian", J[24], 42);
    mix(v, a, want);
    check_exact("mix: out has f's size", out.size(), 3);
    for (int i = 0; i < 3; ++i)
      check_exact("mix: out is what f leaves", out[i], want[i]);
    std::vector<double> x = {0.3, -0.7, 1.2, 1.3, -0.4, 0.5, 0.25, -1.5};
    check_jacobian("mix: jacobian vs central differences", J.data(), x, 3, [](const std::vector<double> &p) {
      std::vector<double> vv(p.begin(), p.begin() + 3), o(p.begin() + 5, p.end());
      std::array<double, 2> aa = {p[3], p[4]};
      mix(vv, aa, o);
      return o;
    });
    for (int c = 0; c < 8; ++c) { // each column is f_fwd along that input
      std::vector<double> dv(3, 0.0), o = out0, dout(3, 0.0);
      std::array<double, 2> da = {0, 0};
      (c < 3 ? dv[c] : c < 5 ? da[c - 3] : dout[c - 5]) = 1;
      mix_fwd(v, a, o, dv, da, dout);
      for (int r = 0; r < 3; ++r)
        check_close("mix: jacobian column is f_fwd", J[r * 8 + c], dout[r], 1e-14, 1e-15);
    }
  }
  { // energy: columns ps[0] (m, q0, q1), ps[1] (m, q0, q1).
    Body ps[3] = {{1.5, 2, {0.3, -0.8}}, {0.7, -1, {1.1, 0.4}}, {9, 9, {9, 9}}};
    double J[6 + 1];
    J[6] = 42;
    energy_jacobian(ps, 2, J);
    check_exact("energy: canary past the Jacobian", J[6], 42);
    check_exact("energy: canary past ps", ps[2].m, 9);
    Body g[2] = {{0, 0, {0, 0}}, {0, 0, {0, 0}}};
    energy_grad(ps, 2, g);
    for (int c = 0; c < 6; ++c)
      check_close("energy: jacobian row is f_grad", J[c], *numbers(g[c / 3], c % 3), 1e-14, 1e-15);
    std::vector<double> x;
    for (int i = 0; i < 6; ++i)
      x.push_back(*numbers(ps[i / 3], i % 3));
    check_jacobian("energy: jacobian vs central differences", J, x, 1, [&](const std::vector<double> &p) {
      Body b[2] = {ps[0], ps[1]};
      for (int i = 0; i < 6; ++i)
        *numbers(b[i / 3], i % 3) = p[i];
      return std::vector<double>{energy(b, 2)};
    });
  }
  { // pull: columns bs (2 x 3), w, acc (4); rows return, acc (4).
    std::vector<Body> bs = {{0.9, 1, {0.2, 1.3}}, {1.4, 5, {-0.6, 0.8}}};
    std::array<V2, 2> acc0 = {V2{0.1, 0.7}, V2{-0.3, 0.45}}, acc = acc0, want = acc0;
    double w = 0.8;
    std::vector<double> J(5 * 11 + 1, 42.0);
    pull_jacobian(bs, w, acc, J.data());
    check_exact("pull: canary past the Jacobian", J[55], 42);
    pull(bs, w, want);
    for (int i = 0; i < 2; ++i) {
      check_exact("pull: acc is what f leaves", acc[i].x, want[i].x);
      check_exact("pull: acc is what f leaves", acc[i].y, want[i].y);
    }
    std::vector<double> x;
    for (int i = 0; i < 6; ++i)
      x.push_back(*numbers(bs[i / 3], i % 3));
    x.insert(x.end(), {w, acc0[0].x, acc0[0].y, acc0[1].x, acc0[1].y});
    check_jacobian("pull: jacobian vs central differences", J.data(), x, 5, [&](const std::vector<double> &p) {
      std::vector<Body> b = bs;
      for (int i = 0; i < 6; ++i)
        *numbers(b[i / 3], i % 3) = p[i];
      std::array<V2, 2> ac = {V2{p[7], p[8]}, V2{p[9], p[10]}};
      double y = pull(b, p[6], ac);
      return std::vector<double>{y, ac[0].x, ac[0].y, ac[1].x, ac[1].y};
    });
  }
  { // place: columns r, th; rows x, y, z.
    double z = 0, J[6 + 1];
    J[6] = 42;
    place_jacobian(1.7, 0.6, z, J);
    check_exact("place: canary past the Jacobian", J[6], 42);
    check_exact("place: z is f's", z, 1.7 * 0.6);
    check_jacobian("place: jacobian vs central differences", J, {1.7, 0.6}, 3, [](const std::vector<double> &p) {
      double zz;
      V2 q = place(p[0], p[1], zz);
      return std::vector<double>{q.x, q.y, zz};
    });
  }
  return finish();
}
#endif
