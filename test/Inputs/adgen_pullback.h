//===- adgen_pullback.h - The += contract of f_pullback ----------*- C++ -*-===//
///
/// \file
/// One check for the regression tests, on top of adgen_test.h: f_pullback
/// called with adjoint buffers that already hold non-zero values and a seed
/// d_ret != 1 must leave pre + d_ret * grad in them and return f's value,
/// where grad is what it adds on zeroed buffers with d_ret = 1. (f_grad on
/// zeroed buffers cannot tell += from = or a seed of 1 from any other.)
///
/// \code
///   check_pullback_prefilled<double>("f", x, 2,
///       [](const double* p) { return f(p[0], p[1]); },
///       [](const double* p, double s, double* g) {
///         return f_pullback(p[0], p[1], s, &g[0], &g[1]); });
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_PULLBACK_H
#define ADGEN_PULLBACK_H

#include "adgen_test.h"
#include <vector>

namespace adgen_test {

/// f(x) -> T; pull(x, seed, g) -> T adds seed * grad f(x) into g[0..n).
template <typename T, typename F, typename P>
void check_pullback_prefilled(const char *name, const T *x0, int n, F &&f, P &&pull) {
  std::vector<T> x(x0, x0 + n), grad(n, T(0));
  T v = f(x.data());
  check_ulps(Label(name, "pullback returns f's value"), pull(x.data(), T(1), grad.data()), v);
  for (T seed : {T(0.5), T(-2.25)}) {
    std::vector<T> pre(n), g(n);
    for (int i = 0; i < n; ++i)
      g[i] = pre[i] = T(10 * rnd());
    check_ulps(Label(name, "pullback (pre-filled) returns f's value"),
               pull(x.data(), seed, g.data()), v);
    for (int i = 0; i < n; ++i)
      check_close(Label(name, "pre + d_ret * grad", i), g[i], pre[i] + seed * grad[i],
                  Tol<T>::exact * 100, Tol<T>::exact);
    for (int i = 0; i < n; ++i)
      check_exact(Label(name, "pullback leaves inputs unchanged", i), x[i], x0[i]);
  }
}

} // namespace adgen_test

#endif // ADGEN_PULLBACK_H
