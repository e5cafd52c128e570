//===- Transforms/CountedLoop.h - Loops whose trip count is known -*- C++ -*-===//
///
/// \file
/// A counted loop is `for (i = first; i < bound; ++i)` (or `<=`) whose
/// signed integer counter only the loop steps and whose bound the body does
/// not change: how often it runs is known when it starts. Reverse mode uses
/// that twice:
///
/// - its backward sweep runs the counter down from the last value to
///   `first` instead of popping a trip count that the forward sweep pushed
///   (no tape for the loop's bookkeeping), when `first` and `bound` read
///   only scalar variables;
/// - ADGEN_CHECKPOINT (Reverse.cpp) checkpoints only counted loops, and
///   takes their state from what the body writes.
///
/// \code
///   for (int j = 0; j < 8; ++j) t[j] = y[j] + h * k[j];
///   // backward sweep:
///   for (j = 8 - 1; j >= 0; --j) { d_y[j] += d_t[j]; ... }
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_COUNTEDLOOP_H
#define ADGEN_TRANSFORMS_COUNTEDLOOP_H

#include "Graph/Graph.h"
#include "llvm/ADT/DenseSet.h"

#include <optional>
#include <string>
#include <vector>

namespace adgen {

struct CountedLoop {
  graph::Var *Counter = nullptr;
  const graph::Expr *First = nullptr; ///< the counter's first value
  const graph::Expr *Bound = nullptr; ///< i < Bound, or i <= Bound when Inclusive
  bool Inclusive = false;
  /// First and Bound read only scalar variables and constants (no memory,
  /// no calls): the backward sweep can evaluate them again.
  bool PlainBounds = false;
  /// Roots the body writes, in the order of their first write, and the
  /// variables it declares.
  std::vector<graph::Var *> Written;
  llvm::DenseSet<graph::Var *> Declared;

  /// One past the counter's last value: Bound, or Bound + 1.
  const graph::Expr *end(graph::Module &M) const;
  /// The counter's last value: Bound - 1, or Bound.
  const graph::Expr *last(graph::Module &M) const;
};

/// \p S as a counted loop, or nothing; \p Why (if given) then says what is
/// missing, for diagnostics.
std::optional<CountedLoop> countedLoop(const graph::Stmt &S, std::string *Why = nullptr);

} // namespace adgen

#endif // ADGEN_TRANSFORMS_COUNTEDLOOP_H
