// f_jacobian and f_hessian of functions with active struct parameters and of
// member functions: a struct's numbers are flattened in the contract's
// layout (fields in declaration order, bases' first, array fields element by
// element, nested structs in place; integer fields skipped). The derivative
// structs are made with adgen::zeroed and seeded and read through a table
// of pointers to their numbers. Checked against central differences in every
// Jacobian mode and with --emit=check, with g++ and clang++.
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
#include <cmath>

struct Base {
  double scale;
};
struct Link : Base {
  int id; // no derivative: skipped
  double len[2];
  struct Joint {
    double a, b;
  } joint;
};

// A marked member function: self (a const Link&) is an input.
struct Arm {
  double l1, l2;
  ADGEN_JACOBIAN("self, th[2] -> tip[2]")
  void reach(const double *th, double *tip) const {
    tip[0] = l1 * std::cos(th[0]) + l2 * std::cos(th[0] + th[1]);
    tip[1] = l1 * std::sin(th[0]) + l2 * std::sin(th[0] + th[1]);
  }
};
// CHECK-LABEL: void Arm_reach_jacobian(const Arm &self, const double *th, double *tip, double *jac) {
// CHECK:         Arm adgen_d_self = adgen::zeroed<Arm>();
// CHECK-NEXT:    double *const adgen_numbers_self[] = {&adgen_d_self.l1, &adgen_d_self.l2};

// A struct input with a base, an int, an array field and a nested struct; a
// struct in-out output.
struct Out {
  double u, v;
};
ADGEN_JACOBIAN("k, w[2], o -> o, return")
double link(const Link &k, const double *w, Out &o) {
  o.u = o.u * k.scale + k.len[0] * w[0];
  o.v = std::sin(o.v) + k.len[1] * k.joint.a * w[1] + k.id;
  return k.joint.b * std::exp(0.1 * o.u) + k.scale * o.v;
}
// CHECK-LABEL: void link_jacobian(const Link &k, const double *w, Out &o, double *jac) {
// CHECK:         double *const adgen_numbers_k[] = {&adgen_d_k.scale, &adgen_d_k.len[0], &adgen_d_k.len[1], &adgen_d_k.joint.a, &adgen_d_k.joint.b};

// f_hessian with a struct parameter.
ADGEN_HESSIAN("s, x[2]")
double spring(const Link &s, const double *x) {
  double d = x[1] - x[0] - s.len[0];
  return 0.5 * s.scale * d * d + s.joint.a * std::cos(s.joint.b * x[0]) + s.len[1] * s.len[1] * x[1];
}
// CHECK-LABEL: void spring_hessian(const Link &s, const double *x, double *hess) {
// CHECK:         double *const adgen_numbers_t_s[] = {&adgen_t_s.scale, &adgen_t_s.len[0], &adgen_t_s.len[1], &adgen_t_s.joint.a, &adgen_t_s.joint.b};

// CHK-NOT: FAIL
// CHK: 3 passed, 0 failed

#ifdef ADGEN_TEST_DRIVER
void Arm_reach_jacobian(const Arm &self, const double *th, double *tip, double *jac);
void link_jacobian(const Link &k, const double *w, Out &o, double *jac);
void spring_hessian(const Link &s, const double *x, double *hess);
#include "adgen_test.h"
using namespace adgen_test;

// The numbers of a Link, in the contract's order.
double *numbers(Link &k, int i) {
  double *p[5] = {&k.scale, &k.len[0], &k.len[1], &k.joint.a, &k.joint.b};
  return p[i];
}

int main() {
  const double h = 1e-6;
  { // Arm: columns l1, l2, th0, th1; rows tip0, tip1.
    Arm arm{1.2, 0.7};
    double th[2] = {0.4, -0.9}, tip[3] = {0, 0, 42}, J[8 + 1];
    J[8] = 42;
    Arm_reach_jacobian(arm, th, tip, J);
    check_exact("Arm: canary past the Jacobian", J[8], 42);
    check_exact("Arm: canary past tip", tip[2], 42);
    double want[2];
    arm.reach(th, want);
    check_close("Arm: tip is f's", tip[0], want[0], 1e-15);
    for (int c = 0; c < 4; ++c) {
      Arm ap = arm, am = arm;
      double tp[2] = {th[0], th[1]}, tm[2] = {th[0], th[1]}, yp[2], ym[2];
      if (c == 0) ap.l1 += h, am.l1 -= h;
      if (c == 1) ap.l2 += h, am.l2 -= h;
      if (c >= 2) tp[c - 2] += h, tm[c - 2] -= h;
      ap.reach(tp, yp);
      am.reach(tm, ym);
      for (int r = 0; r < 2; ++r)
        check_close("Arm: jacobian vs central differences", J[r * 4 + c], (yp[r] - ym[r]) / (2 * h), 1e-7);
    }
  }
  { // link: columns k (5 numbers), w0, w1, o.u, o.v; rows return, o.u, o.v.
    Link k;
    k.scale = 0.8;
    k.id = 3;
    k.len[0] = 1.1;
    k.len[1] = -0.6;
    k.joint = {0.5, 1.4};
    double w[2] = {0.3, -0.2};
    Out o0{0.9, 0.35}, o = o0, of = o0;
    double J[3 * 9];
    link_jacobian(k, w, o, J);
    double y = link(k, w, of);
    (void)y;
    check_close("link: o is what f leaves", o.u, of.u, 1e-15);
    check_close("link: o is what f leaves", o.v, of.v, 1e-15);
    for (int c = 0; c < 9; ++c) {
      Link kp = k, km = k;
      double wp[2] = {w[0], w[1]}, wm[2] = {w[0], w[1]};
      Out op = o0, om = o0;
      if (c < 5) *numbers(kp, c) += h, *numbers(km, c) -= h;
      else if (c < 7) wp[c - 5] += h, wm[c - 5] -= h;
      else if (c == 7) op.u += h, om.u -= h;
      else op.v += h, om.v -= h;
      double rp = link(kp, wp, op), rm = link(km, wm, om);
      double dp[3] = {rp, op.u, op.v}, dm[3] = {rm, om.u, om.v};
      for (int r = 0; r < 3; ++r)
        check_close("link: jacobian vs central differences", J[r * 9 + c], (dp[r] - dm[r]) / (2 * h), 1e-7);
    }
  }
  { // spring: 7 inputs (s's 5 numbers, x0, x1).
    Link s;
    s.scale = 2.0;
    s.id = 1;
    s.len[0] = 0.4;
    s.len[1] = 0.9;
    s.joint = {0.3, 1.7};
    double x[2] = {0.2, 1.1}, H[49];
    spring_hessian(s, x, H);
    auto f = [&](int i, double si, int j, double sj) {
      Link t = s;
      double y[2] = {x[0], x[1]};
      double hh = 1e-4;
      (i < 5 ? *numbers(t, i) : y[i - 5]) += si * hh;
      (j < 5 ? *numbers(t, j) : y[j - 5]) += sj * hh;
      return spring(t, y);
    };
    for (int i = 0; i < 7; ++i)
      for (int j = 0; j < 7; ++j) {
        check_close("spring: hessian is symmetric", H[i * 7 + j], H[j * 7 + i], 1e-12);
        double fd = (f(i, 1, j, 1) - f(i, 1, j, -1) - f(i, -1, j, 1) + f(i, -1, j, -1)) / (4e-8);
        check_true("spring: hessian vs second differences", std::fabs(H[i * 7 + j] - fd) <= 1e-5 * (1 + std::fabs(fd)));
      }
  }
  return finish();
}
#endif
