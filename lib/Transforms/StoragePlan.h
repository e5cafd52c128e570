//===- Transforms/StoragePlan.h - What reverse mode stores -------*- C++ -*-===//
///
/// \file
/// Reverse mode decides once, before it writes either sweep, what the
/// forward sweep keeps for the backward sweep (ReversePlan.cpp); both sweeps
/// then read that decision. This is it, and its printed form
/// (`adgen --emit=plan`, and what `--emit=dot` marks as stored):
///
/// \code
///   plan rk4_pullback
///     line 27  loop s: trip count stored
///     line 29  loop j_1: counted; reversed from its bounds
///     line 30  t[j_1] = ...: old value stored
///     line 31  call rhs(t, p, k2): k2 left as written (not read backwards)
///     needed: t[], y[]
///   end plan
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_STORAGEPLAN_H
#define ADGEN_TRANSFORMS_STORAGEPLAN_H

#include "Graph/Graph.h"
#include "Transforms/CountedLoop.h"
#include "Transforms/StoragePlanElements.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/raw_ostream.h"
#include <set>
#include <string>
#include <vector>

namespace adgen {

/// A loop marked ADGEN_CHECKPOINT: stored as snapshots of its state.
struct CheckpointedLoop {
  graph::Var *Store = nullptr;   ///< the adgen::Checkpoints of the loop
  graph::Var *Counter = nullptr; ///< for (counter = first; counter < last; ++counter)
  const graph::Expr *Last = nullptr;
  std::vector<graph::Var *> State; ///< what the body writes and a later step reads
};

/// The storage plan of one reverse-mode function, over its lowered body.
struct StoragePlan {
  /// Variables (memory roots) the backward sweep reads.
  llvm::DenseSet<graph::Var *> Needed;
  /// Arrays the backward sweep names (declared where both sweeps see them).
  llvm::DenseSet<graph::Var *> Mentioned;
  /// Per overwriting statement: does it push the value it overwrites?
  llvm::DenseMap<const graph::Stmt *, bool> Pushes;
  /// Loops reversed from their bounds: no trip count, no old counters.
  llvm::DenseMap<const graph::Stmt *, CountedLoop> Counted;
  /// Loops that push their trip count; ifs that push the branch taken.
  llvm::DenseSet<const graph::Stmt *> TripCounts, Branches;
  /// Loop temporaries recomputed at each backward iteration (per loop), and
  /// their declarations, which then store nothing.
  llvm::DenseMap<const graph::Stmt *, std::vector<graph::Stmt *>> Recompute;
  llvm::DenseSet<const graph::Stmt *> Recomputed;
  /// Loops marked ADGEN_CHECKPOINT.
  llvm::DenseMap<const graph::Stmt *, CheckpointedLoop> Checkpointed;
  /// Calls whose output buffers are left as written (argument indices).
  llvm::DenseMap<const graph::Stmt *, std::vector<unsigned>> Unrestored;
  /// Calls whose helpers store and restore what they write (argument
  /// indices): memory the caller reads backwards, or must give back.
  llvm::DenseMap<const graph::Stmt *, std::vector<unsigned>> Restored;
  /// Local arrays of which the backward sweep reads only some elements
  /// (StoragePlanElements.h): the old values of the others are not stored.
  llvm::DenseMap<graph::Var *, ElementRange> Elements;
  /// What the backward sweep reads of the values the forward sweep leaves.
  llvm::DenseSet<graph::Var *> EndLive;
};

/// Prints \p Plan of the function named \p Name over its lowered \p Body
/// (the form above): one line per decision, in source order.
void printStoragePlan(const StoragePlan &Plan, const std::string &Name,
                      const graph::Block &Body, llvm::raw_ostream &OS);

/// The names --emit=dot marks as stored: `x` for scalars, `a[]` for arrays.
std::set<std::string> storedNames(const StoragePlan &Plan, const graph::Block &Body);

} // namespace adgen

#endif
