// f_hessian of functions that use structs inside: locals, functors, helpers
// taking and returning structs, methods that change their object, arrays of
// structs, a struct overwritten in a loop (its old values go on the tape, and
// forward over reverse pushes their tangents beside them), and an inactive
// struct parameter passed through. Forward mode over f_pullback carries a
// tangent for every whole-struct copy the pullback makes (`V2 d_b2 = d_b;`,
// `d_b = V2{};`, a struct pushed and popped). Checked for symmetry and against
// central differences of f_grad.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

struct V2 {
  double x, y;
  double dot(const V2 &o) const { return x * o.x + y * o.y; }
  void rotate(double t) {
    double c = std::cos(t), s = std::sin(t);
    double nx = c * x - s * y;
    y = s * x + c * y;
    x = nx;
  }
};
struct Square {
  double operator()(double t) const { return t * t; }
};
struct Params {
  double k;
  int steps;
};

inline V2 mix(V2 a, V2 b) { return {a.x + b.x * b.y, a.y * b.y}; }

// A functor and a helper returning a struct.
ADGEN_HESSIAN("p[2]") ADGEN_REVERSE("p")
double functor(const double *p) {
  V2 a{p[0], p[1]};
  V2 b = mix(a, {p[1] * p[0], 2.0});
  Square sq;
  return sq(b.x) * std::sin(b.y) + a.x * a.y;
}
// CHECK-LABEL: static adgen::Dual<double> functor_hessian_fwd(const double *p, double d_ret, double *d_p, const double *d_p_1, double *d_d_p) {
// CHECK:         V2 d_d_mix = d_d_b;
// CHECK-NEXT:    V2 d_mix = d_b;
// CHECK-NEXT:    d_d_b = V2{};
// CHECK-NEXT:    d_b = V2{};
// CHECK-LABEL: static void mix_reverse_fwd(V2 a, V2 b, V2 d_result_1, V2 *d_a, V2 *d_b, V2 d_a_1, V2 d_b_1, V2 d_d_result_1, V2 *d_d_a, V2 *d_d_b) {
// CHECK:         V2 d_d_result = d_d_result_1;
// CHECK-LABEL: void functor_hessian(const double *p, double *hess) {

// A struct overwritten in a loop, a method that changes it, an inactive
// struct parameter.
ADGEN_HESSIAN("x[n]") ADGEN_REVERSE("x")
double orbit(const double *x, int n, const Params &prm) {
  V2 s{x[0], 0.5};
  double acc = 0;
  for (int k = 0; k < prm.steps; ++k) {
    s = mix(s, V2{x[k % n], 0.25 * prm.k});
    s.rotate(0.3 * x[(k + 1) % n]);
    acc += s.dot(V2{x[k % n], 1.0}) / (1 + s.x * s.x);
  }
  return acc;
}
// CHECK-LABEL: void orbit_hessian(const double *x, int n, const Params &prm, double *hess) {

// A local array of structs, written and read back.
ADGEN_HESSIAN("q[3]") ADGEN_REVERSE("q")
double chain(const double *q) {
  V2 pts[3];
  for (int i = 0; i < 3; ++i)
    pts[i] = V2{q[i], q[(i + 1) % 3] * q[i]};
  double e = 0;
  for (int i = 0; i + 1 < 3; ++i) {
    V2 d = mix(pts[i + 1], pts[i]);
    e += std::exp(0.1 * d.dot(d));
  }
  return e;
}
// CHECK-LABEL: void chain_hessian(const double *q, double *hess) {

#ifdef ADGEN_TEST_DRIVER
void functor_hessian(const double *p, double *hess);
double functor_grad(const double *p, double *d_p);
void orbit_hessian(const double *x, int n, const Params &prm, double *hess);
double orbit_grad(const double *x, int n, const Params &prm, double *d_x);
void chain_hessian(const double *q, double *hess);
double chain_grad(const double *q, double *d_q);
#include "adgen_test.h"
using namespace adgen_test;

// Symmetry, and column j against central differences of the gradient.
template <typename Grad> void check_hessian(const char *what, const double *H, double *x, int n, Grad grad) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      check_close(what, H[i * n + j], H[j * n + i], 1e-12);
  for (int j = 0; j < n; ++j) {
    double keep = x[j], h = 1e-5, gp[8] = {}, gm[8] = {};
    x[j] = keep + h;
    grad(x, gp);
    x[j] = keep - h;
    grad(x, gm);
    x[j] = keep;
    for (int i = 0; i < n; ++i)
      check_close(what, H[i * n + j], (gp[i] - gm[i]) / (2 * h), 1e-6);
  }
}

int main() {
  double p[2] = {0.7, -0.4}, HF[4 + 1];
  HF[4] = 42; // canary
  functor_hessian(p, HF);
  check_exact("functor: canary past the Hessian", HF[4], 42);
  check_hessian("functor", HF, p, 2, [](const double *v, double *g) { functor_grad(v, g); });
  check_true("functor: a non-zero second derivative", std::fabs(HF[0]) > 1e-3);

  Params prm{0.8, 5};
  double x[4] = {0.3, -0.2, 0.5, 0.1}, HO[16];
  orbit_hessian(x, 4, prm, HO);
  check_hessian("orbit", HO, x, 4, [&](const double *v, double *g) { orbit_grad(v, 4, prm, g); });

  double q[3] = {0.4, -0.6, 0.9}, HC[9];
  chain_hessian(q, HC);
  check_hessian("chain", HC, q, 3, [](const double *v, double *g) { chain_grad(v, g); });
  return finish();
}
#endif
