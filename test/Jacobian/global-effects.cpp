// f_jacobian and f_hessian run f's derivatives once per column (or row), yet
// leave f's effects once: globals that f and its callees write (a call
// counter, a history array, a struct of statistics) are saved on entry and put
// back before each run (adgen::snapshot, <adgen/snapshot.h>). Checked in
// every Jacobian mode and for the Hessian, with g++ and clang++ and with
// --emit=check (which compares every generated function's effects with f's).
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

namespace stats {
int calls = 0;
int history[4] = {0, 0, 0, 0};
struct Counts {
  int evals, clamps;
};
Counts counts = {0, 0};
} // namespace stats

inline double squash(double v) {
  ++stats::calls;
  stats::history[stats::calls % 4] += 1;
  if (v > 2.0) {
    ++stats::counts.clamps;
    return 2.0 + std::tanh(v - 2.0);
  }
  return v;
}

ADGEN_JACOBIAN("x[2] -> y[3]")
void model(const double *x, double *y) {
  ++stats::counts.evals;
  y[0] = squash(x[0] * x[1]);
  y[1] = squash(std::exp(x[0]));
  y[2] = x[1] * squash(x[0] + x[1]);
}
// CHECK-LABEL: void model_jacobian(const double *x, double *y, double *jac) {
// CHECK-DAG:     auto adgen_global_stats__counts_on_entry = adgen::snapshot(::stats::counts);
// CHECK-DAG:     auto adgen_global_stats__calls_on_entry = adgen::snapshot(::stats::calls);
// CHECK-DAG:     auto adgen_global_stats__history_on_entry = adgen::snapshot(::stats::history);
// CHECK:         adgen_global_stats__counts_on_entry.restore(::stats::counts);

ADGEN_HESSIAN("x[2]")
double energy(const double *x) {
  ++stats::counts.evals;
  return squash(x[0] * x[0] + x[1]) * squash(3.0 * x[1]);
}
// CHECK-LABEL: void energy_hessian(const double *x, double *hess) {
// CHECK:         auto adgen_global_stats__counts_on_entry = adgen::snapshot(::stats::counts);
// CHECK:         for (std::size_t adgen_col = 0; adgen_col < adgen_n; ++adgen_col) {
// CHECK-NEXT:      adgen_global_stats__counts_on_entry.restore(::stats::counts);

// CHK-NOT: FAIL
// CHK: 2 passed, 0 failed

#ifdef ADGEN_TEST_DRIVER
void model_jacobian(const double *x, double *y, double *jac);
void energy_hessian(const double *x, double *hess);
#include "adgen_test.h"
using namespace adgen_test;

struct Snap {
  int calls, h[4], evals, clamps;
};
Snap now() {
  return {stats::calls, {stats::history[0], stats::history[1], stats::history[2], stats::history[3]},
          stats::counts.evals, stats::counts.clamps};
}
void put(const Snap &s) {
  stats::calls = s.calls;
  for (int i = 0; i < 4; ++i)
    stats::history[i] = s.h[i];
  stats::counts = {s.evals, s.clamps};
}
void same(const char *what, const Snap &a, const Snap &b) {
  check_exact(what, a.calls, b.calls);
  for (int i = 0; i < 4; ++i)
    check_exact(what, a.h[i], b.h[i]);
  check_exact(what, a.evals, b.evals);
  check_exact(what, a.clamps, b.clamps);
}

int main() {
  for (double x0 : {0.4, 1.7}) { // 1.7: squash clamps
    double x[2] = {x0, 1.3}, y[3], jac[6], yf[3];
    // From the same globals, f_jacobian leaves what one call of f leaves.
    Snap before = now();
    model(x, yf);
    Snap want = now();
    put(before);
    model_jacobian(x, y, jac);
    same("f_jacobian leaves f's effects on globals once", now(), want);
    for (int i = 0; i < 3; ++i)
      check_close("f_jacobian writes f's outputs", y[i], yf[i], 1e-15);
    for (int j = 0; j < 2; ++j) {
      double xp[2] = {x[0], x[1]}, xm[2] = {x[0], x[1]}, yp[3], ym[3], h = 1e-6;
      xp[j] += h;
      xm[j] -= h;
      model(xp, yp);
      model(xm, ym);
      for (int i = 0; i < 3; ++i)
        check_close("f_jacobian vs central differences", jac[i * 2 + j], (yp[i] - ym[i]) / (2 * h), 1e-6);
    }

    double H[4];
    before = now();
    energy(x);
    want = now();
    put(before);
    energy_hessian(x, H);
    same("f_hessian leaves f's effects on globals once", now(), want);
    check_close("f_hessian is symmetric", H[1], H[2], 1e-12);
    for (int i = 0; i < 2; ++i)
      for (int j = 0; j < 2; ++j) {
        double h = 1e-4, v[4];
        int k = 0;
        for (double si : {1.0, -1.0})
          for (double sj : {1.0, -1.0}) {
            double p[2] = {x[0], x[1]};
            p[i] += si * h;
            p[j] += sj * h;
            v[k++] = energy(p);
          }
        check_close("f_hessian vs second differences", H[i * 2 + j], (v[0] - v[1] - v[2] + v[3]) / (4 * h * h), 1e-5);
      }
  }
  return finish();
}
#endif
