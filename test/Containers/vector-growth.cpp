// A local std::vector that changes size: push_back, emplace_back, resize,
// assign(n, x), clear, pop_back, reserve, declared empty, `(n, x)` or `{a, b}`.
// Forward mode resizes the tangent with the vector; reverse mode records each
// resize on the tape (Tape::pushResize: removed elements, old and new size),
// undoes it in the backward sweep (popResize) and resizes the adjoint with it.
// Also in a helper (its record/reverse pair hands the final contents and
// size), with struct elements, and a vector cleared and refilled in a loop.
// Checked against central differences, forward against reverse, and
// pullbacks into pre-filled adjoints with d_ret != 1, canary past d_x.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -std=c++17 -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -std=c++17 -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>
#include <vector>

struct P { double a, b; };

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double grow_sum(const double *x, int n) {
  std::vector<double> r;
  r.reserve(n);
  for (int i = 0; i < n; ++i)
    r.push_back(x[i] * x[i]);
  double s = 0;
  for (double v : r)
    s += std::sin(v);
  return s * r.back();
}

// CHECK-LABEL: double grow_sum_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK:   std::vector<double> r(0);
// CHECK:   std::vector<double> d_r(r.size());
// CHECK:     r_end = r.size();
// CHECK-NEXT:     tape.pushResize(r, r_end + 1);
// CHECK:   d_r.resize(r.size());
// CHECK:     tape.popResize(r);
// CHECK-NEXT:     d_r.resize(r.size());
// CHECK-LABEL: double grow_sum_grad(
// CHECK-LABEL: adgen::Dual<double> grow_sum_fwd(const double *x, int n, const double *d_x) {
// CHECK:     std::size_t r_end = r.size();
// CHECK-NEXT:     d_r.resize(r_end + 1);
// CHECK-NEXT:     r.resize(r_end + 1);

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double recurrence(const double *x, int n) {
  std::vector<double> v{x[0], 2.0 * x[1]};
  for (int i = 2; i < n; ++i)
    v.push_back(v[i - 1] * v[i - 2] + x[i]);
  v.emplace_back(v.back() * 0.5);
  return v.back() + v.size() * x[0];
}

// CHECK-LABEL: double recurrence_pullback(
// CHECK:   std::vector<double> v(2);
// CHECK:     double v_value = v[static_cast<unsigned long>(i - 1)] * v[static_cast<unsigned long>(i - 2)] + x[i];
// CHECK-LABEL: double recurrence_grad(
// CHECK-LABEL: adgen::Dual<double> recurrence_fwd(

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double clear_reuse(const double *x, int n) {
  std::vector<double> v;
  double s = 0.5;
  for (int round = 0; round < 3; ++round) {
    v.clear();
    for (int i = 0; i < n; ++i)
      v.push_back(x[i] * (round + 1) + s * 0.1);
    for (int j = 0; j < n; ++j)
      s += v[j] * v[j] * 0.01 * std::cos(s);
  }
  return s * v[0];
}

// CHECK-LABEL: double clear_reuse_pullback(
// CHECK:     tape.pushResize(v, 0);
// CHECK-LABEL: double clear_reuse_grad(
// CHECK-LABEL: adgen::Dual<double> clear_reuse_fwd(
// CHECK:     d_v.resize(0);
// CHECK-NEXT:     v.resize(0);

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double resizes(const double *x, int n) {
  std::vector<double> v(n, x[0]);
  for (int i = 0; i < n; ++i)
    v[i] += x[i] * i;
  v.resize(n + 2);
  v.resize(n + 4, x[1] * 3.0);
  double s = 0;
  for (std::size_t k = 0; k < v.size(); ++k)
    s += v[k] * v[k] * (k + 1);
  v.assign(n, x[2] * 2.0);
  v[1] *= x[3];
  v.pop_back();
  v.resize(v.size() + 1);
  for (std::size_t k = 0; k < v.size(); ++k)
    s += std::exp(0.1 * v[k]);
  return s;
}

// CHECK-LABEL: double resizes_pullback(
// CHECK-LABEL: double resizes_grad(
// CHECK-LABEL: adgen::Dual<double> resizes_fwd(

static double tail_sum(const double *x, int n) {
  std::vector<double> w = {x[0], x[1]};
  for (int i = 2; i < n; ++i)
    w.push_back(w[i - 1] * std::sin(x[i]) + w[i - 2]);
  double s = 0;
  while (!w.empty()) {
    s = s * 0.5 + w.back();
    w.pop_back();
  }
  return s;
}

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double helper_caller(const double *x, int n) {
  double t = 0;
  for (int r = 0; r < 2; ++r)
    t += tail_sum(x, n) * x[r];
  return t;
}

// CHECK-LABEL: double helper_caller_pullback(
// CHECK-LABEL: double helper_caller_grad(
// CHECK-LABEL: static double tail_sum_record(const double *x, int n, adgen::Tape &tape) {
// CHECK:      tape.pushResize(w, w.size() - 1);
// CHECK:   tape.push(w.size());
// CHECK-LABEL: static void tail_sum_reverse(const double *x, int n, double d_result_1, double *d_x, adgen::Tape &tape) {
// CHECK:   w.resize(tape.pop<std::size_t>());
// CHECK:   d_w.resize(w.size());
// CHECK-LABEL: adgen::Dual<double> helper_caller_fwd(
// CHECK-LABEL: static adgen::Dual<double> tail_sum_fwd(

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double points(const double *x, int n) {
  std::vector<P> ps;
  for (int i = 0; i + 1 < n; ++i)
    ps.push_back({x[i], x[i] * x[i + 1]});
  ps.emplace_back(P{x[0], 2.0});
  double s = 0;
  for (const P &p : ps)
    s += p.a * p.b;
  return s + ps.back().a;
}
// CHECK-LABEL: double points_pullback(
// CHECK-LABEL: double points_grad(
// CHECK-LABEL: adgen::Dual<double> points_fwd(

#ifdef ADGEN_TEST_DRIVER
#define DECLARE(F)                                                                  \
  double F##_pullback(const double *x, int n, double d_ret, double *d_x);           \
  double F##_grad(const double *x, int n, double *d_x);                             \
  adgen::Dual<double> F##_fwd(const double *x, int n, const double *d_x);
DECLARE(grow_sum)
DECLARE(recurrence)
DECLARE(clear_reuse)
DECLARE(resizes)
DECLARE(helper_caller)
DECLARE(points)
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  ADGEN_TEST_ARRAY_FN(grow_sum, 5);
  ADGEN_TEST_ARRAY_FN(recurrence, 6);
  ADGEN_TEST_ARRAY_FN(clear_reuse, 4);
  ADGEN_TEST_ARRAY_FN(resizes, 5);
  ADGEN_TEST_ARRAY_FN(helper_caller, 5);
  ADGEN_TEST_ARRAY_FN(points, 4);
  return finish();
}
#endif
