//===- Emit/CheckPrelude.cpp - The runtime of the --emit=check program ----===//
//
// The C++ that every --emit=check program starts with: includes, the
// tunable macros, canary buffers, finite differences and their noise
// estimates, the error reports, and the visitors that flatten arguments.
//
//===----------------------------------------------------------------------===//

#include "Emit/CheckPrelude.h"

namespace adgen {

const char *const CheckPrelude = R"(
// ---- adgen --emit=check: numerical checks of the derivatives above ----
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <array>
#include <cstdlib>
#include <limits>
#include <random>
#include <type_traits>
#include <vector>

#ifndef ADGEN_CHECK_SEED
#define ADGEN_CHECK_SEED 1
#endif
#ifndef ADGEN_CHECK_INT
#define ADGEN_CHECK_INT 4
#endif
#ifndef ADGEN_CHECK_BUFFER
#define ADGEN_CHECK_BUFFER 64
#endif
#ifndef ADGEN_CHECK_TOL
#define ADGEN_CHECK_TOL 1e-6
#endif
#ifndef ADGEN_CHECK_HESSIAN_TOL
#define ADGEN_CHECK_HESSIAN_TOL 1e-5
#endif
#ifndef ADGEN_CHECK_TRIALS
#define ADGEN_CHECK_TRIALS 3
#endif

namespace adgen_check {
/// T{}, or for a class with a constructor or default member initialisers
/// (where T{} is not zero, or does not compile) its zero bytes.
template <typename T> T zero() {
  if constexpr (std::is_class<T>::value && !std::is_trivially_default_constructible<T>::value)
    return adgen::zeroed<T>();
  else
    return T{};
}
inline int &failures() {
  static int n = 0;
  return n;
}
struct Random {
  explicit Random(int seed) : engine(static_cast<unsigned>(seed)) {}
  // Away from 0, where log, sqrt and 1/x are unkind to finite differences.
  long double uniform() { return std::uniform_real_distribution<double>(0.25, 1.25)(engine); }
  std::mt19937 engine;
};
/// An array argument with canaries past its end: whatever is called must
/// leave them as they are.
template <typename T> class Buffer {
public:
  /// Structs get no canaries (there is no value to compare them with).
  static constexpr std::size_t canaries = std::is_arithmetic<T>::value ? 4 : 0;
  Buffer(const std::vector<T> &from, const char *what) : v(from), n(from.size()), what(what) {
    for (std::size_t i = 0; i < canaries; ++i) v.push_back(canary(i));
  }
  Buffer(std::size_t size, const char *what) : Buffer(std::vector<T>(size), what) {}
  T *data() { return v.data(); }
  T &operator[](std::size_t i) { return v[i]; }
  std::size_t size() const { return n; }
  void check() {
    if constexpr (canaries > 0)
      for (std::size_t i = 0; i < canaries; ++i)
        if (!(v[n + i] == canary(i))) {
          std::printf("FAIL %s: element %zu past the end was written\n", what, n + i);
          ++failures();
          return;
        }
  }
  /// Checks the canaries and copies the contents back.
  void done(std::vector<T> &to) {
    check();
    std::copy(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n), to.begin());
  }

private:
  static T canary(std::size_t i) {
    if constexpr (std::is_arithmetic<T>::value)
      return static_cast<T>(-77 - static_cast<int>(i));
    else
      return zero<T>();
  }
  std::vector<T> v;
  std::size_t n;
  const char *what;
};
template <typename T> long double step() { return sizeof(T) == sizeof(float) ? 1e-3L : 1e-6L; }
template <typename T> long double hstep() { return sizeof(T) == sizeof(float) ? 3e-2L : 1e-4L; }
inline long double dot(const std::vector<long double> &a, const std::vector<long double> &b) {
  long double s = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) s += a[i] * b[i];
  return s;
}
/// (f(h) - f(-h)) / 2h, elementwise.
template <typename Fn> std::vector<long double> central(Fn f, long double h) {
  std::vector<long double> p = f(h), m = f(-h), d(p.size());
  for (std::size_t i = 0; i < d.size(); ++i) d[i] = (p[i] - m[i]) / (2 * h);
  return d;
}
/// The rows x n Jacobian of outputs(x + t e) by central differences, row-major.
template <typename Fn>
std::vector<long double> fdJacobian(std::size_t n, std::size_t rows, Fn f, long double h) {
  std::vector<long double> jac(rows * n);
  for (std::size_t j = 0; j < n; ++j) {
    std::vector<long double> e(n);
    e[j] = 1;
    std::vector<long double> col = central([&](long double t) { return f(e, t); }, h);
    for (std::size_t i = 0; i < rows && i < col.size(); ++i) jac[i * n + j] = col[i];
  }
  return jac;
}
/// The n x n Hessian of f(x + e) by second differences at steps h and h/2,
/// Richardson-extrapolated, (4 D(h/2) - D(h)) / 3: their truncation error
/// ((2h)^2 / 12 times the fourth derivative, 1e-3 relative at float's step)
/// cancels. \p fmax gets the largest |f| at the points evaluated (the
/// rounding noise is relative to those, not to f(x): see hnoise).
template <typename Fn>
std::vector<long double> fdHessian(std::size_t n, Fn f, long double h, long double &fmax) {
  std::vector<long double> hes(n * n);
  fmax = 0;
  auto at = [&](std::size_t i, long double si, std::size_t j, long double sj, long double k) {
    std::vector<long double> e(n);
    e[i] += si * k;
    e[j] += sj * k;
    long double v = f(e);
    fmax = std::max(fmax, std::abs(v));
    return v;
  };
  auto second = [&](std::size_t i, std::size_t j, long double k) {
    return (at(i, 1, j, 1, k) - at(i, 1, j, -1, k) - at(i, -1, j, 1, k) + at(i, -1, j, -1, k)) / (4 * k * k);
  };
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j <= i; ++j) {
      long double v = (4 * second(i, j, h / 2) - second(i, j, h)) / 3;
      hes[i * n + j] = hes[j * n + i] = v;
    }
  return hes;
}
/// The rounding error central differences of step h make on values of
/// magnitude up to |f|: a few hundred ulps of f, divided by 2h. A
/// derivative much smaller than f / h cannot be checked closer than this.
template <typename T> long double noise(const std::vector<long double> &f, long double h) {
  long double m = 0;
  for (long double v : f) m = std::max(m, std::abs(v));
  return 256 * static_cast<long double>(std::numeric_limits<T>::epsilon()) * m / (2 * h);
}
/// The relative tolerance of f_hessian against fdHessian: -DADGEN_CHECK_HESSIAN_TOL
/// (1e-5), but for float at least 2e-3: float rounding in f's terms (not
/// only in f's value, which hnoise covers) leaves second differences
/// about 1e-4 relative noise; a wrong Hessian is off by far more.
template <typename T> double htol() {
  return sizeof(T) == sizeof(float) ? std::max(2e-3, static_cast<double>(ADGEN_CHECK_HESSIAN_TOL))
                                    : static_cast<double>(ADGEN_CHECK_HESSIAN_TOL);
}
/// The same for fdHessian's second differences (four values of f divided by
/// 4k^2, at k = h/2 weighted 4/3 and at k = h weighted 1/3): 16 ulps of
/// \p fmax, the largest |f| it evaluated, divided by h^2, times 17/3. A
/// second derivative much smaller than f / h^2 cannot be checked closer.
template <typename T> long double hnoise(long double fmax, long double h) {
  return 17.0L / 3 * 16 * static_cast<long double>(std::numeric_limits<T>::epsilon()) * fmax / (h * h);
}
/// Central differences at h that disagree with central differences at h/16
/// straddle a kink or a jump of f (a branch that x - h and x + h take
/// differently) or are dominated by curvature; a derivative that is wrong
/// is wrong at every step, so the smaller step is then the estimate to
/// compare with, at its larger rounding noise (returned).
template <typename T, typename Fn>
long double refine(Fn f, std::vector<long double> &fd, long double h,
                   const std::vector<long double> &f0, double tol) {
  long double small = h / 16, err = 0, scale = 1e-12L;
  std::vector<long double> fine = central(f, small);
  for (std::size_t i = 0; i < fd.size() && i < fine.size(); ++i) {
    scale = std::max(scale, std::max(std::abs(fd[i]), std::abs(fine[i])));
    err = std::max(err, std::abs(fd[i] - fine[i]));
  }
  long double fineNoise = noise<T>(f0, small);
  if (err <= tol * scale || err <= fineNoise + noise<T>(f0, h))
    return noise<T>(f0, h);
  fd = fine;
  return fineNoise;
}
inline long double sumAbs(const std::vector<long double> &v) {
  long double s = 0;
  for (long double x : v) s += std::abs(x);
  return s;
}
/// f_jacobian and f_hessian return nothing: f's effects \p f without the
/// leading entries of its value.
inline std::vector<long double> withoutValue(const std::vector<long double> &f,
                                             const std::vector<long double> &e) {
  std::size_t skip = f.size() > e.size() ? f.size() - e.size() : 0;
  return std::vector<long double>(f.begin() + static_cast<std::ptrdiff_t>(skip), f.end());
}
/// The relative error of got against want (by their largest magnitude);
/// prints a line when it is above tol.
inline double report(const char *what, const std::vector<long double> &got,
                     const std::vector<long double> &want, double tol, long double noise = 0) {
  long double err = 0, scale = 1e-12L;
  if (got.size() != want.size()) err = 1e300L;
  for (std::size_t i = 0; i < want.size() && i < got.size(); ++i) {
    scale = std::max(scale, std::max(std::abs(want[i]), std::abs(got[i])));
    err = std::max(err, std::abs(got[i] - want[i]));
  }
  double rel = static_cast<double>(err / scale);
  if (!(rel <= tol) && !(err <= noise)) {
    std::printf("FAIL %s: relative error %.3g > %.3g\n", what, rel, tol);
    ++failures();
  }
  return rel != rel ? 1e300 : rel;
}
/// What a generated function leaves (its value, the memory it writes) must
/// be what f leaves, to rounding.
inline void same(const char *what, const std::vector<long double> &got,
                 const std::vector<long double> &want) {
  for (std::size_t i = 0; i < want.size() && i < got.size(); ++i) {
    long double g = got[i], w = want[i];
    bool ok = (g != g && w != w) || std::abs(g - w) <= 1e-12L * std::max<long double>(1, std::abs(w));
    if (!ok) {
      std::printf("FAIL %s: effect %zu (f's value first, then what f writes) is %.17Lg, f gives %.17Lg\n",
                  what, i, g, w);
      ++failures();
      return;
    }
  }
}

// visit(x, f) calls f on every number inside x (a scalar, a struct's fields
// in declaration order, an array's or container's elements); floats(x, f)
// on every floating-point one. The checker flattens arguments with them.
template <typename T, typename F>
std::enable_if_t<std::is_arithmetic<T>::value> visit(T &x, F &&f) { f(x); }
template <typename T, typename F> std::enable_if_t<std::is_enum<T>::value> visit(T &, F &&) {}
template <typename T, typename F> void visit(std::vector<T> &v, F &&f);
template <typename T, std::size_t N, typename F> void visit(std::array<T, N> &v, F &&f);
template <typename T, std::size_t N, typename F> void visit(T (&v)[N], F &&f);
template <typename T, typename F> void visit(Buffer<T> &b, F &&f);
)";

/// The rest of the prelude, after the visitors of the structs are declared.
const char *const CheckPreludeVisitors = R"(namespace adgen_check {
template <typename T, typename F> void visit(std::vector<T> &v, F &&f) {
  for (auto &e : v) visit(e, f);
}
template <typename T, std::size_t N, typename F> void visit(std::array<T, N> &v, F &&f) {
  for (auto &e : v) visit(e, f);
}
template <typename T, std::size_t N, typename F> void visit(T (&v)[N], F &&f) {
  for (auto &e : v) visit(e, f);
}
template <typename T, typename F> void visit(Buffer<T> &b, F &&f) {
  for (std::size_t i = 0; i < b.size(); ++i) visit(b[i], f);
}
template <typename T, typename F> void floats(T &x, F &&f) {
  visit(x, [&](auto &v) {
    if constexpr (std::is_floating_point<std::decay_t<decltype(v)>>::value) f(v);
  });
}
/// x with every number zero (a tangent or adjoint shaped like x).
template <typename T> T zeroLike(T x) {
  visit(x, [](auto &v) { v = 0; });
  return x;
}
} // namespace adgen_check

)";

} // namespace adgen
