//===- Analysis/Activity.h - Which values carry derivatives ------*- C++ -*-===//
///
/// \file
/// A value is active when it is *varied* (depends on an active input) and
/// *useful* (influences an active output). Only active values get tangents
/// or adjoints. The analysis is flow-insensitive: a variable (or all memory
/// of an array root) is active if it is active anywhere in the function,
/// which over-approximates and so never drops a derivative.
///
/// \code
///   ActivityPattern P = ActivityPattern::allFloating(F);
///   Activity A = analyseActivity(F, P);
///   if (A.isActive(X)) ...
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_ANALYSIS_ACTIVITY_H
#define ADGEN_ANALYSIS_ACTIVITY_H

#include "Graph/Graph.h"
#include "llvm/ADT/DenseSet.h"
#include <string>
#include <vector>

namespace adgen {

/// Which parameters and results of a function are differentiated: the seed
/// of the analysis, and the shape of the generated signature.
struct ActivityPattern {
  std::vector<bool> Inputs;  ///< per parameter: derivatives flow in
  std::vector<bool> Outputs; ///< per parameter: derivatives flow out
  bool Return = false;       ///< the return value is an output
  /// Per parameter (empty: none): output memory the caller neither reads
  /// backwards nor needs restored, and the function only writes
  /// (WriteOnly.h). Its reverse helpers leave there what they wrote: no old
  /// values on the tape, nothing to restore or redo.
  std::vector<bool> Unrestored;

  /// Active parameters: inputs or outputs. They get derivative parameters.
  bool isActive(size_t I) const { return Inputs[I] || Outputs[I]; }
  bool unrestored(size_t I) const { return I < Unrestored.size() && Unrestored[I]; }
  /// A short, stable key naming the pattern, e.g. "x_y".
  std::string key(const graph::Function &F) const;
  bool operator==(const ActivityPattern &O) const {
    return Inputs == O.Inputs && Outputs == O.Outputs && Return == O.Return &&
           Unrestored == O.Unrestored;
  }
};

/// The memory or variable a value lives in: a pointer local's root array,
/// otherwise the variable itself.
inline graph::Var *rootOf(graph::Var *V) { return V->Root ? V->Root : V; }
/// The root of an lvalue or memory expression (VarRef, Load, PtrAdd), or
/// null.
graph::Var *rootOf(const graph::Expr *E);

struct Activity {
  llvm::DenseSet<const graph::Var *> Varied, Useful;
  bool isActive(graph::Var *V) const {
    V = rootOf(V);
    return Varied.count(V) && Useful.count(V);
  }
};

/// Runs the analysis on \p F seeded with \p P.
Activity analyseActivity(const graph::Function &F, const ActivityPattern &P);

/// Calls \p Fn on every variable root whose floating-point value \p E reads
/// (not the integers it only uses as indices).
void forEachFloatRead(const graph::Expr *E, llvm::function_ref<void(graph::Var *)> Fn);

} // namespace adgen

#endif
