//===- Emit/CheckEmitter.h - A program that checks the derivatives -*- C++ -*-===//
///
/// \file
/// `adgen --emit=check`: the generated derivatives followed by a `main` that
/// checks each of them numerically against the whole user contract, at
/// random points:
///
///  - forward mode against central finite differences; f_fwd_vec, where
///    its parameters are numbers and arrays of numbers, direction by
///    direction against f_fwd (three directions in one call);
///  - reverse mode through the dot product identity
///    <ybar, J xdot> = <J^T ybar, xdot>, and against forward mode;
///  - f_pullback's accumulate contract: adjoint buffers that already hold
///    values and a seed d_ret != 1 must give pre + seed * gradient (in-out
///    and output adjoints scale with the seed); f_grad is f_pullback with
///    d_ret = 1, accumulating too;
///  - f_jacobian against a finite-difference Jacobian, f_hessian against
///    second differences of f;
///  - f's effects: every generated function returns f's value and leaves
///    every parameter f may write as f leaves it;
///  - canaries: nothing is written past the end of any array argument, f's
///    own or a derivative buffer.
///
/// It prints the worst relative error per function and exits non-zero when
/// any check fails, or when there is nothing to check.
///
/// The program can be tuned when compiled: -DADGEN_CHECK_SEED=7 (random
/// points), -DADGEN_CHECK_INT=4 (the value of every integer parameter),
/// -DADGEN_CHECK_BUFFER=64 (array length when the spec gives none),
/// -DADGEN_CHECK_TOL=1e-6, -DADGEN_CHECK_HESSIAN_TOL=1e-5,
/// -DADGEN_CHECK_TRIALS=3.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_EMIT_CHECKEMITTER_H
#define ADGEN_EMIT_CHECKEMITTER_H

#include "Analysis/Activity.h"
#include "Graph/Graph.h"
#include <string>
#include <vector>

namespace adgen {

/// One function to check and the derivatives generated for it. Requests
/// with the same activity share one target.
struct CheckTarget {
  const graph::Function *F = nullptr;
  std::string Primal;   ///< qualified name to call, "::ns::f" ("::ns::S::m" for a method)
  /// For a member function: its name with template arguments ("m",
  /// "operator()"); the checker calls it on the first argument, self.
  std::string Method;
  /// A private or protected member function, called through an accessor.
  graph::MemberAccess MethodAccess;
  std::string MethodPointer; ///< set by emitCheckMain: the accessor's name
  bool RvalueThis = false; ///< an &&-qualified method: called on std::move(self)
  ActivityPattern P;
  /// Per parameter: the spec's length expression for an array ("n * d"),
  /// empty when the spec gives none.
  std::vector<std::string> Lengths;
  std::string Fwd;      ///< qualified f_fwd, empty if not generated
  std::string FwdVec;   ///< qualified f_fwd_vec, empty if not generated
  std::string Pullback; ///< qualified f_pullback, empty if not generated
  std::string Grad;     ///< qualified f_grad, empty if not generated
  std::string Jacobian; ///< qualified f_jacobian, empty if not generated
  std::string Hessian;  ///< qualified f_hessian, empty if not generated
};

/// The `main` that checks \p Targets (appended after the derivatives).
std::string emitCheckMain(const std::vector<CheckTarget> &Targets);

} // namespace adgen

#endif
