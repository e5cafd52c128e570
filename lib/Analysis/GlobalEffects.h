//===- Analysis/GlobalEffects.h - Globals a call reads and writes -*- C++ -*-===//
///
/// \file
/// The floating-point globals a function reads and writes, in its own body
/// or in any function it calls, transitively (recursion included). The
/// activity analysis treats a call as reading and writing them, so a global
/// that a helper sets from an active value and f (or another helper) then
/// reads is active in f, and refused there, instead of being a constant
/// whose derivative is silently zero.
///
/// \code
///   GlobalEffects E = globalEffects(F);     // F and every function it calls
///   for (graph::Var *G : E.of(Callee).Writes) ...
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_ANALYSIS_GLOBALEFFECTS_H
#define ADGEN_ANALYSIS_GLOBALEFFECTS_H

#include "Graph/Graph.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"

namespace adgen {

/// Floating-point globals (one Var per global, shared by every function
/// that names it) read and written by one function and its callees.
struct GlobalAccess {
  llvm::SmallSetVector<graph::Var *, 4> Reads, Writes;
};

class GlobalEffects {
public:
  /// What \p F does to globals, itself and through its calls; empty for a
  /// function outside the call tree this was computed for.
  const GlobalAccess &of(const graph::Function &F) const;
  /// The function that assigns \p G itself, found by following the calls of
  /// \p From (From itself if it does); null if none does.
  const graph::Function *writer(const graph::Function &From, graph::Var *G) const;

private:
  friend GlobalEffects globalEffects(const graph::Function &F);
  llvm::DenseMap<const graph::Function *, GlobalAccess> Transitive, Own;
};

/// Computes the effects of \p F and of every function it calls.
GlobalEffects globalEffects(const graph::Function &F);

/// Every global, of any type, that \p F or a function it calls assigns or
/// passes to a writable parameter, in a fixed order (F's statements first,
/// then its callees'). The checker compares them as f's effects; f_jacobian
/// and f_hessian put them back before each of their runs.
std::vector<const graph::Var *> writtenGlobals(const graph::Function &F);

} // namespace adgen

#endif
