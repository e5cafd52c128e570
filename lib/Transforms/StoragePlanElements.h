//===- Transforms/StoragePlanElements.h - Elements read backwards -*- C++ -*-===//
///
/// \file
/// Which elements of a local array the backward sweep reads. The storage
/// plan (ReversePlan.cpp) stores the old value of `a[i]` at an overwrite
/// only for the elements the backward sweep reads, when every one of its
/// reads has a known index range; the other elements keep whatever value the
/// backward sweep finds there, which nothing reads.
///
/// RK4 over `double t[8]` whose right-hand side reads `sin(y[i])` for
/// i < 4 and the rest of y only linearly: the backward sweep of the
/// right-hand side reads t[0..3] only (a linear term's partial is a
/// constant), so each stage stores 4 doubles, not 8:
///
/// \code
///   for (j_1 = 0; j_1 < 8; ++j_1) {
///     if (j_1 <= 3)
///       tape.push(t[j_1]);
///     t[j_1] = y[j_1] + 0.5 * dt * k1[j_1];
///   }
/// \endcode
///
/// Two analyses: calleeBackwardReads says which elements of a callee's
/// array parameter its reverse helper may read (from the callee's body:
/// an element is read unless every use of it is linear, through +, -,
/// negation and products or quotients by constants); ElementReads gathers
/// the reads of generated backward code, with the callee's summary for
/// calls of reverse helpers.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_STORAGEPLANELEMENTS_H
#define ADGEN_TRANSFORMS_STORAGEPLANELEMENTS_H

#include "Graph/Graph.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>

namespace adgen {

/// Elements Lo..Hi (inclusive) of an array.
struct ElementRange {
  long long Lo = 0, Hi = -1;
  bool empty() const { return Hi < Lo; }
  void add(const ElementRange &R) {
    if (R.empty())
      return;
    if (empty()) {
      *this = R;
      return;
    }
    Lo = std::min(Lo, R.Lo);
    Hi = std::max(Hi, R.Hi);
  }
  bool contains(long long I) const { return Lo <= I && I <= Hi; }
};

/// Index ranges of loop counters (of constant-bounded counted loops).
using CounterRanges = llvm::DenseMap<const graph::Var *, ElementRange>;

/// The values \p E (an integer expression) may take, or nothing if unknown.
std::optional<ElementRange> indexRange(const graph::Expr *E, const CounterRanges &Counters);

/// The elements of array parameter \p Param of \p Callee that the backward
/// sweep of its reverse helper may read (empty when none), or nothing when
/// that is not known (any element).
std::optional<ElementRange> calleeBackwardReads(const graph::Function &Callee, unsigned Param);

/// Reads of candidate arrays (local arrays) in generated backward code.
class ElementReads {
public:
  explicit ElementReads(const llvm::DenseSet<graph::Var *> &Candidates) : Cands(Candidates) {}

  /// Reads of the candidates in \p E: `a[c]` with a constant c, or any
  /// element otherwise.
  void expr(const graph::Expr *E);
  /// Reads of \p S (not into its nested blocks); \p Origin is the call
  /// statement of f that \p S (a call of a reverse helper) reverses, or null.
  void stmt(const graph::Stmt *S, const graph::Stmt *Origin);
  /// \p R's element reads, or nothing when any element may be read or none
  /// was seen.
  std::optional<ElementRange> range(graph::Var *R) const;
  /// May any element of \p R be read?
  bool anyElement(graph::Var *R) const { return Any.count(R) > 0; }

private:
  void any(graph::Var *R) { Any.insert(R); }
  const llvm::DenseSet<graph::Var *> &Cands;
  llvm::DenseMap<graph::Var *, ElementRange> Ranges;
  llvm::DenseSet<graph::Var *> Any;
};

} // namespace adgen

#endif // ADGEN_TRANSFORMS_STORAGEPLANELEMENTS_H
