//===- Transforms/ReverseTapeParams.h - Helpers' tape parameters -*- C++ -*-===//
///
/// \file
/// Reverse-mode helpers (`g_record`, `g_reverse` in adgen_detail) take their
/// caller's tape as their last parameter, `adgen::Tape &tape`, instead of
/// looking up the thread's tape on every call (a thread-local access per
/// call of a helper that runs per element). Whether a helper uses its tape
/// is only known once every helper exists (a helper that calls others
/// passes it on), so the reverse transform always adds it and this pass,
/// run once on the final functions, drops it where nothing uses it, with
/// the matching argument at every call (forward over reverse included).
///
/// \code
///   dropUnusedTapes(D.module(), Emitted);
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_REVERSETAPEPARAMS_H
#define ADGEN_TRANSFORMS_REVERSETAPEPARAMS_H

#include "Graph/Graph.h"
#include <vector>

namespace adgen {

/// Whether \p V is a tape handed in as a parameter (`adgen::Tape &tape`).
bool isTapeParam(const graph::Var &V);

/// Removes the tape parameter of every function of \p Functions that
/// neither pushes, pops nor hands it to a callee that keeps its own, and
/// the tape argument of every call of such a function.
void dropUnusedTapes(graph::Module &M, const std::vector<graph::Function *> &Functions);

} // namespace adgen

#endif
