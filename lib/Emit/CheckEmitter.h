//===- Emit/CheckEmitter.h - A program that checks the derivatives -*- C++ -*-===//
///
/// \file
/// `adgen --emit=check`: the generated derivatives followed by a `main` that
/// checks each of them numerically, the way one checks automatic
/// differentiation: at random points, forward mode against central finite
/// differences, reverse mode against finite differences through the dot
/// product identity <ybar, J xdot> = <J^T ybar, xdot>, and the two modes
/// against each other. It prints the worst relative error per function and
/// exits non-zero above the tolerance.
///
/// The program can be tuned when compiled: -DADGEN_CHECK_SEED=7 (random
/// points), -DADGEN_CHECK_INT=4 (the value of every integer parameter),
/// -DADGEN_CHECK_BUFFER=64 (array length when the spec gives none),
/// -DADGEN_CHECK_TOL=1e-6, -DADGEN_CHECK_TRIALS=3.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_EMIT_CHECKEMITTER_H
#define ADGEN_EMIT_CHECKEMITTER_H

#include "Analysis/Activity.h"
#include "Graph/Graph.h"
#include <string>
#include <vector>

namespace adgen {

/// One function to check and the derivatives generated for it.
struct CheckTarget {
  const graph::Function *F = nullptr;
  std::string Primal;   ///< qualified name to call, "::ns::f"
  ActivityPattern P;
  /// Per parameter: the spec's length expression for an array ("n * d"),
  /// empty when the spec gives none.
  std::vector<std::string> Lengths;
  std::string Fwd;      ///< qualified f_fwd, empty if not generated
  std::string Pullback; ///< qualified f_pullback, empty if not generated
};

/// The `main` that checks \p Targets (appended after the derivatives).
std::string emitCheckMain(const std::vector<CheckTarget> &Targets);

} // namespace adgen

#endif
