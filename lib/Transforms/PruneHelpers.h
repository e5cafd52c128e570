//===- Transforms/PruneHelpers.h - Drop helpers nothing calls --*- C++ -*-===//
///
/// \file
/// Helpers (static functions in adgen_detail) are made on demand and shared
/// between requests, so some end up called by nobody: f_hessian runs forward
/// mode over f's pullback and calls the forward mode of its helpers, not the
/// helpers themselves. Emitting those would leave dead code in the output and
/// an `-Wunused-function` warning (an error under -Werror). This keeps the
/// functions reachable from the public ones (every function outside
/// adgen_detail).
///
/// \code
///   std::vector<graph::Function *> Out = withoutUnusedHelpers(D.generated());
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_PRUNEHELPERS_H
#define ADGEN_TRANSFORMS_PRUNEHELPERS_H

#include "Graph/Graph.h"
#include <vector>

namespace adgen {

/// \p Functions, in the same order, without helpers that no kept
/// function calls (by a call statement, a call expression, or as the
/// derivative a MatrixDriver runs).
std::vector<graph::Function *> withoutUnusedHelpers(const std::vector<graph::Function *> &Functions);

} // namespace adgen

#endif
