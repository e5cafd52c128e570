//===- adgen_test.h - Numerical checks for adgen's lit tests -----*- C++ -*-===//
///
/// \file
/// A small header-only harness for the driver sections of adgen's lit tests.
/// Every check counts; finish() prints a summary and returns the exit code
/// (non-zero on any failure, and also when nothing was checked, so a test
/// that asserts nothing cannot pass).
///
/// Reference values come from outside the tool: central finite differences
/// (step ~cbrt(eps) relative), hand-derived formulas, and the dot-product
/// identity <ybar, J xdot> = <J^T ybar, xdot> between forward and reverse
/// mode, which must hold to rounding (~1e-12 for double).
///
/// \code
///   double x[2] = {0.3, 1.1};
///   adgen_test::check_scalar_fn<double>("f", x, 2,
///       [](const double* p) { return f(p[0], p[1]); },
///       [](const double* p, double* g) { return f_grad(p[0], p[1], &g[0], &g[1]); },
///       [](const double* p, const double* t) { return f_fwd(p[0], p[1], t[0], t[1]); });
///   return adgen_test::finish();
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TEST_H
#define ADGEN_TEST_H

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

namespace adgen_test {

inline int &failures() {
  static int N = 0;
  return N;
}
inline int &checks() {
  static int N = 0;
  return N;
}

/// Precision-dependent defaults: FD step (relative), FD tolerance, and the
/// forward-vs-reverse (rounding-only) tolerance.
template <typename T> struct Tol;
template <> struct Tol<float> {
  static constexpr long double step = 4e-3L, fd = 2e-3L, exact = 2e-5L;
};
template <> struct Tol<double> {
  static constexpr long double step = 1e-6L, fd = 1e-6L, exact = 1e-12L;
};
template <> struct Tol<long double> {
  static constexpr long double step = 1e-6L, fd = 1e-8L, exact = 1e-15L;
};

/// |got - want| <= rtol * max(|want|, |got|, scale) + atol.
/// NaN or infinite values always fail.
inline bool check_close(const char *what, long double got, long double want,
                        long double rtol = 1e-6L, long double atol = 1e-12L,
                        long double scale = 0) {
  ++checks();
  long double ref = std::fabs(want);
  if (std::fabs(got) > ref)
    ref = std::fabs(got);
  if (scale > ref)
    ref = scale;
  bool ok = std::isfinite(got) && std::isfinite(want) &&
            std::fabs(got - want) <= rtol * ref + atol;
  if (!ok) {
    ++failures();
    std::printf("FAIL %s: got %.21Lg, want %.21Lg (diff %.3Lg, rtol %.3Lg, "
                "atol %.3Lg)\n",
                what, got, want, got - want, rtol, atol);
  }
  return ok;
}

/// Exact equality (for values with a contractual derivative such as 0 at a
/// non-smooth point, or effects that must be bit-identical to f's).
inline bool check_exact(const char *what, long double got, long double want) {
  ++checks();
  bool ok = got == want;
  if (!ok) {
    ++failures();
    std::printf("FAIL %s: got %.21Lg, want exactly %.21Lg\n", what, got, want);
  }
  return ok;
}

/// Equal up to a few units in the last place of T: for values the generated
/// code must compute the way f does (f_grad's result, f_fwd's value, effects).
template <typename T>
bool check_ulps(const char *what, T got, T want, int ulps = 4) {
  return check_close(what, got, want,
                     ulps * (long double)std::numeric_limits<T>::epsilon(),
                     (long double)std::numeric_limits<T>::min());
}

inline bool check_true(const char *what, bool cond) {
  ++checks();
  if (!cond) {
    ++failures();
    std::printf("FAIL %s\n", what);
  }
  return cond;
}

/// Labels like "f: d/dx[2]" without allocating in the caller.
struct Label {
  char buf[160];
  Label(const char *a, const char *b, int i = -1) {
    if (i >= 0)
      std::snprintf(buf, sizeof buf, "%s: %s[%d]", a, b, i);
    else
      std::snprintf(buf, sizeof buf, "%s: %s", a, b);
  }
  operator const char *() const { return buf; }
};

template <typename T> T step_for(T x) {
  T s = static_cast<T>(Tol<T>::step);
  return std::fabs(x) > 1 ? s * std::fabs(x) : s;
}

/// Central difference of a scalar function F(T) -> T at x.
template <typename T, typename F> T fd_scalar(F &&f, T x) {
  T h = step_for(x);
  volatile T xp = x + h, xm = x - h; // the step actually taken
  T fp = f(T(xp)), fm = f(T(xm));
  return (fp - fm) / (T(xp) - T(xm));
}

/// Central difference with respect to buf[i] of a nullary functional F() -> T
/// that reads buf. buf[i] is restored afterwards.
template <typename T, typename F> T fd_array(F &&f, T *buf, int i) {
  T save = buf[i];
  T h = step_for(save);
  buf[i] = save + h;
  T xp = buf[i];
  T fp = f();
  buf[i] = save - h;
  T xm = buf[i];
  T fm = f();
  buf[i] = save;
  return (fp - fm) / (xp - xm);
}

template <typename T> T dot(const T *a, const T *b, int n) {
  T s = 0;
  for (int i = 0; i < n; ++i)
    s += a[i] * b[i];
  return s;
}
template <typename T> T absdot(const T *a, const T *b, int n) {
  T s = 0;
  for (int i = 0; i < n; ++i)
    s += std::fabs(a[i] * b[i]);
  return s;
}

/// Forward vs reverse: <ybar, J xdot> == <J^T ybar, xdot> to rounding.
/// The tolerance is relative to the sum of |terms|, so cancellation in the
/// dot products does not make the check flaky.
template <typename T>
bool check_dot(const char *what, const T *ybar, const T *Jxdot, int m,
               const T *JTybar, const T *xdot, int n,
               long double rtol = Tol<T>::exact) {
  long double lhs = dot(ybar, Jxdot, m), rhs = dot(JTybar, xdot, n);
  long double scale = absdot(ybar, Jxdot, m);
  long double s2 = absdot(JTybar, xdot, n);
  if (s2 > scale)
    scale = s2;
  return check_close(what, lhs, rhs, rtol, 1e-300L, scale);
}

/// A deterministic direction / seed generator in [-1, 1] \ (-0.25, 0.25).
inline double rnd() {
  static unsigned long long s = 0x2545F4914F6CDD1DULL;
  s = s * 6364136223846793005ULL + 1442695040888963407ULL;
  double u = double((s >> 11) & ((1ULL << 53) - 1)) / double(1ULL << 53);
  double v = 2 * u - 1;
  return v < 0 ? v - 0.25 : v + 0.25;
}

/// Full check of a scalar function of n inputs held in x[0..n):
///   f(x)        -> T                  the original function
///   grad(x, g)  -> T (f's value)      reverse mode; g is zeroed by the caller
///   fwd(x, t)   -> Dual-like (.value, .tangent)   forward mode along t
/// Checks: values agree; each gradient entry and each forward tangent along
/// e_i against central differences; forward along a random direction equals
/// <grad, direction> to rounding; reverse accumulates (a second call adds).
template <typename T, typename F, typename G, typename D>
void check_scalar_fn(const char *name, const T *x0, int n, F &&f, G &&grad,
                     D &&fwd, long double fdtol = Tol<T>::fd) {
  std::vector<T> x(x0, x0 + n), g(n, T(0)), g2(n, T(0)), t(n, T(0));
  T v = f(x.data());
  T vg = grad(x.data(), g.data());
  check_ulps(Label(name, "grad returns f's value"), vg, v);
  for (int i = 0; i < n; ++i)
    check_exact(Label(name, "grad leaves inputs unchanged", i), x[i], x0[i]);
  T vmax = std::fabs(v) > 1 ? std::fabs(v) : T(1);
  for (int i = 0; i < n; ++i) {
    T fd = fd_array([&] { return f(x.data()); }, x.data(), i);
    check_close(Label(name, "reverse vs FD", i), g[i], fd, fdtol,
                fdtol * 1e-3L * vmax);
    std::fill(t.begin(), t.end(), T(0));
    t[i] = 1;
    auto d = fwd(x.data(), t.data());
    check_ulps(Label(name, "fwd value", i), d.value, v);
    check_close(Label(name, "forward vs FD", i), d.tangent, fd, fdtol,
                fdtol * 1e-3L * vmax);
  }
  for (int i = 0; i < n; ++i)
    t[i] = T(rnd());
  auto d = fwd(x.data(), t.data());
  T one = 1;
  check_dot(Label(name, "forward vs reverse (random direction)"), &one,
            &d.tangent, 1, g.data(), t.data(), n);
  // Adjoints accumulate: a second call adds the gradient again.
  for (int i = 0; i < n; ++i)
    g2[i] = g[i];
  grad(x.data(), g2.data());
  for (int i = 0; i < n; ++i)
    check_close(Label(name, "grad accumulates", i), g2[i], 2 * g[i],
                Tol<T>::exact, 0);
}

/// The pullback's contract for a scalar function of x[0..n): called into
/// adjoints that are not zero, with d_ret != 1, it returns f's value, adds
/// d_ret * gradient to them, and writes nothing past them (a canary).
///   pullback(x, d_ret, d_x) -> T (f's value)
template <typename T, typename F, typename G, typename P>
void check_pullback_accumulates(const char *name, const T *x0, int n, F &&f, G &&grad,
                                P &&pullback) {
  std::vector<T> x(x0, x0 + n), g(n, T(0)), acc(n + 1);
  grad(x.data(), g.data());
  for (int i = 0; i < n; ++i)
    acc[i] = T(1.5 * i - 2);
  acc[n] = 42;
  check_ulps(Label(name, "pullback value"), pullback(x.data(), T(-0.75), acc.data()), f(x.data()));
  for (int i = 0; i < n; ++i)
    check_close(Label(name, "pre + d_ret * grad", i), acc[i], T(1.5 * i - 2) - T(0.75) * g[i],
                1e-12);
  check_exact(Label(name, "canary"), acc[n], T(42));
}

/// check_scalar_fn and check_pullback_accumulates of `double F(const double
/// *x, int n)` with its F_grad, F_fwd and F_pullback, at a fixed point of N
/// inputs.
#define ADGEN_TEST_ARRAY_FN(F, N)                                                          \
  do {                                                                                     \
    const int n = N;                                                                       \
    double x0[N];                                                                          \
    for (int i = 0; i < n; ++i)                                                            \
      x0[i] = 0.3 + 0.17 * i - 0.05 * i * i;                                               \
    auto f = [&](const double *x) { return F(x, n); };                                     \
    auto grad = [&](const double *x, double *g) { return F##_grad(x, n, g); };             \
    adgen_test::check_scalar_fn<double>(                                                   \
        #F, x0, n, f, grad, [&](const double *x, const double *t) { return F##_fwd(x, n, t); }); \
    adgen_test::check_pullback_accumulates<double>(                                        \
        #F, x0, n, f, grad,                                                                \
        [&](const double *x, double d_ret, double *d_x) { return F##_pullback(x, n, d_ret, d_x); }); \
  } while (0)

/// Full check of a vector function x[0..n) -> y[0..m) (outputs through
/// pointers, or return values packed by the caller's lambdas):
///   f(x, y)                 the original function, writes y
///   pullback(x, ybar, xbar) reverse: xbar (zeroed by the caller) += J^T ybar
///                           (the lambda may also check effects)
///   fwd(x, xdot, y, ydot)   forward: writes y and ydot = J xdot
/// Checks each column of J from forward mode and each row-combination from
/// reverse mode against central differences of <ybar, f(x)>, and the
/// dot-product identity to rounding.
template <typename T, typename F, typename P, typename D>
void check_vector_fn(const char *name, const T *x0, int n, int m, F &&f,
                     P &&pullback, D &&fwd, long double fdtol = Tol<T>::fd) {
  std::vector<T> x(x0, x0 + n), y(m), yf(m), ybar(m), xbar(n, T(0)),
      xdot(n, T(0)), ydot(m), yp(m), ym(m);
  f(x.data(), y.data());
  T ymax = 1;
  for (int k = 0; k < m; ++k)
    if (std::fabs(y[k]) > ymax)
      ymax = std::fabs(y[k]);
  for (int k = 0; k < m; ++k)
    ybar[k] = T(rnd());
  pullback(x.data(), ybar.data(), xbar.data());
  for (int i = 0; i < n; ++i) {
    // Column i of J by central differences.
    T save = x[i], h = step_for(save);
    x[i] = save + h;
    T xp = x[i];
    f(x.data(), yp.data());
    x[i] = save - h;
    T xm = x[i];
    f(x.data(), ym.data());
    x[i] = save;
    std::fill(xdot.begin(), xdot.end(), T(0));
    xdot[i] = 1;
    fwd(x.data(), xdot.data(), yf.data(), ydot.data());
    T col_dot_ybar = 0;
    for (int k = 0; k < m; ++k) {
      T fd = (yp[k] - ym[k]) / (xp - xm);
      col_dot_ybar += ybar[k] * fd;
      char lab[160];
      std::snprintf(lab, sizeof lab, "%s: forward vs FD d y[%d] / d x[%d]",
                    name, k, i);
      check_close(lab, ydot[k], fd, fdtol, fdtol * 1e-3L * ymax);
    }
    check_close(Label(name, "reverse vs FD", i), xbar[i], col_dot_ybar,
                fdtol, fdtol * 1e-3L * ymax * m);
    for (int k = 0; k < m; ++k)
      check_ulps(Label(name, "fwd effects: y", k), yf[k], y[k]);
  }
  for (int i = 0; i < n; ++i)
    xdot[i] = T(rnd());
  fwd(x.data(), xdot.data(), yf.data(), ydot.data());
  check_dot(Label(name, "forward vs reverse (random direction)"),
            ybar.data(), ydot.data(), m, xbar.data(), xdot.data(), n);
}

/// Prints a summary; returns the process exit code.
inline int finish() {
  if (checks() == 0) {
    std::printf("adgen_test: FAILED: no checks ran\n");
    return 1;
  }
  std::printf("adgen_test: %d checks, %d failures\n", checks(), failures());
  return failures() ? 1 : 0;
}

} // namespace adgen_test

#endif // ADGEN_TEST_H
