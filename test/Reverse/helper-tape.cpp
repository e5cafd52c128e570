// Reverse-mode helpers get their caller's tape as their last parameter
// (`adgen::Tape &tape`) instead of looking up the thread's tape per call: a
// helper that runs per element (LSTM's sigmoid) paid a thread-local access
// on every call. A helper that pushes nothing, and calls nothing that does,
// keeps its old signature (the parameter is dropped, and so is the argument
// at every call, forward over reverse included). Gradients against central
// differences and forward mode, pullbacks into pre-filled adjoints with
// d_ret != 1, and the Hessian (forward mode of the helpers) against
// differences of the gradient.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error: --implicit-check-not=threadTape
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// Pushes (exp's value for its backward sweep): takes the tape.
static double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }
// Pushes nothing: no tape parameter.
static double sq(double v) { return v * v; }
// Pushes nothing itself, but calls sigmoid: hands its tape on.
static double gate(double a, double b) { return sigmoid(a * b) + sq(a); }
// A loop of its own: pushes its trip count and overwritten values.
static double poly(double x, int k) {
  double p = 1.0;
  for (int i = 0; i < k; ++i)
    p = p * x + 0.5;
  return p;
}

ADGEN_REVERSE("x[n]") ADGEN_FORWARD("x")
double cells(const double *x, int n) {
  double h = 0.1, s = 0.0;
  for (int i = 0; i < n; ++i) {
    h = gate(x[i], h) * 0.5 + std::tanh(h);
    s += sigmoid(x[i] + h) + sq(h) + poly(x[i], 3);
  }
  return s;
}
// CHECK-LABEL: double cells_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK: adgen::Tape &tape = adgen::threadTape();
// CHECK: = ::adgen_detail::gate_record(x[i], h, tape);
// CHECK: = ::adgen_detail::sigmoid_record(x[i] + h, tape);
// CHECK: = ::adgen_detail::sq_record(h);
// CHECK: = ::adgen_detail::poly_record(x[i], 3, tape);
// CHECK: ::adgen_detail::poly_reverse(x[i], 3, {{.*}}, tape);
// CHECK: ::adgen_detail::sq_reverse(h, {{[^,]*}}, {{[^,]*}});
// CHECK: ::adgen_detail::sigmoid_reverse(x[i] + h, {{.*}}, tape);
// CHECK: ::adgen_detail::gate_reverse(x[i], h, {{.*}}, tape);
// CHECK-LABEL: double cells_grad(const double *x, int n, double *d_x) {

// CHECK-LABEL: static double gate_record(double a, double b, adgen::Tape &tape) {
// CHECK: = ::adgen_detail::sigmoid_record(a * b, tape);
// CHECK: = ::adgen_detail::sq_record(a);
// CHECK-LABEL: static void gate_reverse(double a, double b, double d_result_1, double *d_a, double *d_b, adgen::Tape &tape) {
// CHECK: ::adgen_detail::sq_reverse(a, {{[^,]*}}, {{[^,]*}});
// CHECK: ::adgen_detail::sigmoid_reverse(a * b, {{.*}}, tape);
// CHECK-LABEL: static double sigmoid_record(double x, adgen::Tape &tape) {
// CHECK: tape.push(
// CHECK-LABEL: static void sigmoid_reverse(double x, double d_result_1, double *d_x, adgen::Tape &tape) {
// CHECK: tape.pop<double>()
// CHECK-LABEL: static double sq_record(double v) {
// CHECK-LABEL: static void sq_reverse(double v, double d_result_1, double *d_v) {
// CHECK-LABEL: static double poly_record(double x, int k, adgen::Tape &tape) {
// CHECK-LABEL: static void poly_reverse(double x, int k, double d_result_1, double *d_x, adgen::Tape &tape) {

// Forward over reverse: the helpers' tangents keep the tape parameter the
// helper has, and drop the one it lost.
ADGEN_HESSIAN("x[3]")
double energy(const double *x) {
  return gate(x[0], x[1]) * poly(x[2], 2) + sq(x[0] - x[2]);
}
// CHECK-LABEL: static adgen::Dual<double> energy_hessian_fwd(const double *x, double d_ret, double *d_x, const double *d_x_2, double *d_d_x) {
// CHECK: adgen::Tape &tape = adgen::threadTape();
// CHECK: ::adgen_detail::gate_record_fwd(x[0], x[1], tape,
// CHECK: ::adgen_detail::sq_record_fwd(x[0] - x[2],
// CHECK-LABEL: static void gate_reverse_fwd(double a, double b, double d_result_1, double *d_a, double *d_b, adgen::Tape &tape,

#ifdef ADGEN_TEST_DRIVER
#include "adgen_test.h"

double cells_pullback(const double *x, int n, double d_ret, double *d_x);
double cells_grad(const double *x, int n, double *d_x);
adgen::Dual<double> cells_fwd(const double *x, int n, const double *d_x);
void energy_hessian(const double *x, double *hess);
double energy_grad_ref(const double *x, double *g) {
  // The gradient by central differences of energy, for the Hessian's check.
  double v = energy(x);
  for (int i = 0; i < 3; ++i) {
    double xp[3] = {x[0], x[1], x[2]}, xm[3] = {x[0], x[1], x[2]};
    double h = 1e-5 * (std::fabs(x[i]) + 1);
    xp[i] += h;
    xm[i] -= h;
    g[i] = (energy(xp) - energy(xm)) / (2 * h);
  }
  return v;
}

int main() {
  ADGEN_TEST_ARRAY_FN(cells, 7);
  // Large n: the tape grows while the helpers push onto it.
  {
    const int n = 3000;
    std::vector<double> x(n), g(n, 0.0), t(n);
    for (int i = 0; i < n; ++i) {
      x[i] = 0.5 * std::sin(0.37 * i);
      t[i] = std::cos(0.11 * i);
    }
    double v = cells_grad(x.data(), n, g.data());
    adgen_test::check_ulps("cells n=3000 value", v, cells(x.data(), n));
    adgen::Dual<double> d = cells_fwd(x.data(), n, t.data());
    double one = 1;
    adgen_test::check_dot("cells n=3000 forward vs reverse", &one, &d.tangent, 1, g.data(),
                          t.data(), n);
  }
  // Hessian: columns against central differences of the gradient's FD.
  {
    const double x[3] = {0.4, -0.7, 1.3};
    double H[9];
    energy_hessian(x, H);
    for (int j = 0; j < 3; ++j) {
      double xp[3] = {x[0], x[1], x[2]}, xm[3] = {x[0], x[1], x[2]};
      double h = 1e-4 * (std::fabs(x[j]) + 1);
      xp[j] += h;
      xm[j] -= h;
      double gp[3], gm[3];
      energy_grad_ref(xp, gp);
      energy_grad_ref(xm, gm);
      for (int i = 0; i < 3; ++i)
        adgen_test::check_close("energy hessian vs FD", H[i * 3 + j], (gp[i] - gm[i]) / (2 * h),
                                1e-4, 1e-6);
    }
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < i; ++j)
        adgen_test::check_close("energy hessian symmetric", H[i * 3 + j], H[j * 3 + i], 1e-12,
                                1e-14);
  }
  return adgen_test::finish();
}
#endif
