//===- omp_check.h - Numerical checks of OpenMP derivatives ------*- C++ -*-===//
///
/// \file
/// The driver of test/OpenMP's compile-and-run tests. run() checks one
/// function F: R^m -> R^k, given as value / pullback / forward callbacks:
///  - the pullback, seeded with ybar (d_ret = 2.5, not 1) into adjoints
///    pre-filled with non-zero values, against central differences;
///  - forward vs reverse: <ybar, J xdot> = <J^T ybar, xdot>;
///  - 20 repeated calls give the same gradient (a race would lose updates);
///  - the gradient with 1 thread (omp_set_num_threads) and, when the
///    environment names a file, the gradient of the serial build (the same
///    generated code compiled without -fopenmp): ADGEN_SERIAL_OUT=file
///    writes it there, ADGEN_SERIAL_IN=file compares with it, both to the
///    tolerance of reordered sums.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_OMP_CHECK_H
#define ADGEN_OMP_CHECK_H

#include "adgen_test.h"
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>
#ifdef _OPENMP
#include <omp.h>
#endif

namespace omp_check {

using adgen_test::check_close;
using V = std::vector<double>;

struct Problem {
  const char *name;
  int m, k;
  std::function<void(const V &, V &)> value;                // x, out (k values)
  std::function<void(const V &, const V &, V &)> pullback; // x, ybar, xbar (+=)
  std::function<void(const V &, const V &, V &)> forward;  // x, xdot, ydot
};

/// The serial build's gradients, in the order run() computes them.
inline void serial(const char *name, const V &g) {
  static FILE *Out = std::getenv("ADGEN_SERIAL_OUT") ? std::fopen(std::getenv("ADGEN_SERIAL_OUT"), "w") : nullptr;
  static FILE *In = std::getenv("ADGEN_SERIAL_IN") ? std::fopen(std::getenv("ADGEN_SERIAL_IN"), "r") : nullptr;
  char what[200];
  for (size_t c = 0; c < g.size(); ++c) {
    if (Out)
      std::fprintf(Out, "%.17g\n", g[c]);
    double want = 0;
    if (In) {
      std::snprintf(what, sizeof what, "%s: serial build's gradient present, input %zu", name, c);
      if (!adgen_test::check_true(what, std::fscanf(In, "%lf", &want) == 1))
        return;
      std::snprintf(what, sizeof what, "%s: vs the serial build, input %zu", name, c);
      check_close(what, g[c], want, 1e-11, 1e-13);
    }
  }
  if (Out)
    std::fflush(Out);
}

inline void run(const Problem &P, const V &x0) {
  char what[200];
  V ybar(P.k), y(P.k), yp(P.k), ym(P.k);
  for (int r = 0; r < P.k; ++r)
    ybar[r] = 2.5 + 0.37 * r - 0.01 * r * r; // d_ret = 2.5
  V pre(P.m), g(P.m);
  for (int c = 0; c < P.m; ++c)
    pre[c] = 0.25 - 0.125 * (c % 5);
  V gbar = pre;
  P.pullback(x0, ybar, gbar);
  for (int c = 0; c < P.m; ++c)
    g[c] = gbar[c] - pre[c]; // accumulated onto non-zero adjoints
  for (int c = 0; c < P.m; c += 1 + P.m / 7) {
    V xp = x0, xm = x0;
    double h = 1e-6 * std::max(1.0, std::fabs(x0[c]));
    xp[c] += h;
    xm[c] -= h;
    P.value(xp, yp);
    P.value(xm, ym);
    double fd = 0;
    for (int r = 0; r < P.k; ++r)
      fd += ybar[r] * (yp[r] - ym[r]) / (2 * h);
    std::snprintf(what, sizeof what, "%s: reverse vs central differences, input %d", P.name, c);
    check_close(what, g[c], fd, 1e-5, 1e-7);
  }
  V xdot(P.m), ydot(P.k);
  for (int c = 0; c < P.m; ++c)
    xdot[c] = std::sin(1.0 + c);
  P.forward(x0, xdot, ydot);
  double lhs = 0, rhs = 0;
  for (int r = 0; r < P.k; ++r)
    lhs += ybar[r] * ydot[r];
  for (int c = 0; c < P.m; ++c)
    rhs += g[c] * xdot[c];
  std::snprintf(what, sizeof what, "%s: forward vs reverse", P.name);
  check_close(what, lhs, rhs, 1e-10, 1e-12);
  for (int rep = 0; rep < 20; ++rep) {
    V gb(P.m, 0.0);
    P.pullback(x0, ybar, gb);
    for (int c = 0; c < P.m; ++c) {
      std::snprintf(what, sizeof what, "%s: repeated call %d, input %d", P.name, rep, c);
      check_close(what, gb[c], g[c], 1e-11, 1e-13);
    }
  }
#ifdef _OPENMP
  int threads = omp_get_max_threads();
  omp_set_num_threads(1);
  V gs(P.m, 0.0);
  P.pullback(x0, ybar, gs);
  omp_set_num_threads(threads);
  for (int c = 0; c < P.m; ++c) {
    std::snprintf(what, sizeof what, "%s: %d threads vs 1, input %d", P.name, threads, c);
    check_close(what, g[c], gs[c], 1e-11, 1e-13);
  }
#endif
  serial(P.name, g);
}

} // namespace omp_check

#endif // ADGEN_OMP_CHECK_H
