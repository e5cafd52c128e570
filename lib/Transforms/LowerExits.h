//===- Transforms/LowerExits.h - break/continue/return as flags --*- C++ -*-===//
///
/// \file
/// Reverse mode replays the function backwards, so every statement must be
/// reached by falling through. This rewrites `break`, `continue` and early
/// `return` into flag variables that guard the statements they skip, and
/// every `return e` into an assignment to a result variable:
///
/// \code
///   for (...) { if (c) break; s; }   =>   broke = false;
///                                          for (...; !broke && cond; ...) {
///                                            if (c) broke = true;
///                                            if (!broke) { s; } }
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_LOWEREXITS_H
#define ADGEN_TRANSFORMS_LOWEREXITS_H

#include "Graph/Graph.h"

namespace adgen {

struct LoweredBody {
  graph::Block Body;
  /// Holds the return value (null for void functions). Declared by the
  /// caller of lowerExits.
  graph::Var *Result = nullptr;
  /// Flag variables that must be declared (as false) before Body.
  std::vector<graph::Var *> Flags;
};

/// Lowers \p F's body; new variables are added to \p G.
LoweredBody lowerExits(graph::Module &M, const graph::Function &F, graph::Function &G);

} // namespace adgen

#endif
