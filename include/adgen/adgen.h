//===- adgen/adgen.h - Marking macros and adgen::Dual ------------*- C++ -*-===//
///
/// \file
/// The one header user code includes. It marks functions for differentiation
/// and defines adgen::Dual, the value/tangent pair that forward-mode
/// derivatives return. It needs nothing but the standard library.
///
/// \code
///   #include <adgen/adgen.h>
///
///   ADGEN_REVERSE("w, b")   // generates loss_pullback and loss_grad
///   ADGEN_FORWARD()         // generates loss_fwd
///   double loss(const double* w, double b, const double* x, int n);
/// \endcode
///
/// The macros expand to [[clang::annotate]] attributes only while adgen parses
/// the file (adgen defines __ADGEN__); for every other compiler they expand to
/// nothing, so the file compiles unchanged and without warnings.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_ADGEN_H
#define ADGEN_ADGEN_H

#ifdef __ADGEN__
#define ADGEN_DETAIL_MARK(mode, ...) [[clang::annotate("adgen." mode ":" __VA_ARGS__)]]
/// Marks the user-written derivative g_fwd / g_pullback of a function g.
#define ADGEN_CUSTOM [[clang::annotate("adgen.custom")]]
namespace adgen {
namespace detail {
/// What ADGEN_CHECKPOINT expands to while adgen parses: a call adgen
/// recognises and attaches to the loop that follows.
inline void checkpointNextLoop(long) {}
} // namespace detail
} // namespace adgen
#define ADGEN_CHECKPOINT(snapshots) ::adgen::detail::checkpointNextLoop(snapshots);
#else
#define ADGEN_DETAIL_MARK(mode, ...)
#define ADGEN_CUSTOM
#define ADGEN_CHECKPOINT(snapshots) static_cast<void>(snapshots);
#endif

/// Forward (tangent) mode: generates f_fwd.
#define ADGEN_FORWARD(...) ADGEN_DETAIL_MARK("forward", __VA_ARGS__)
/// Reverse (adjoint) mode: generates f_pullback, and f_grad for a
/// floating-point result.
#define ADGEN_REVERSE(...) ADGEN_DETAIL_MARK("reverse", __VA_ARGS__)
/// The Jacobian matrix: generates f_jacobian.
#define ADGEN_JACOBIAN(...) ADGEN_DETAIL_MARK("jacobian", __VA_ARGS__)
/// The Hessian matrix of a scalar result: generates f_hessian.
#define ADGEN_HESSIAN(...) ADGEN_DETAIL_MARK("hessian", __VA_ARGS__)

/// \def ADGEN_CHECKPOINT(snapshots)
/// Placed right before a `for` loop of a function differentiated in
/// reverse mode: its pullback keeps at most \p snapshots states of the loop
/// instead of taping every step, and recomputes steps from them (binomial
/// checkpointing, adgen/checkpoint.h). Memory O(snapshots x state) instead
/// of O(steps); time grows by a few forward runs of the loop.
/// \code
///   ADGEN_CHECKPOINT(100)
///   for (int i = 0; i < steps; ++i)
///     rk4_step(y, dt);
/// \endcode

namespace adgen {

/// A value and its tangent (directional derivative): what f_fwd returns when
/// f returns a floating-point value T.
template <typename T> struct Dual {
  T value;
  T tangent;
};

} // namespace adgen

#endif // ADGEN_ADGEN_H
