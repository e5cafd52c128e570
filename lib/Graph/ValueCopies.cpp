//===- Graph/ValueCopies.cpp - Classes whose copies change values ---------===//

#include "Graph/ValueCopies.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace adgen;
using namespace adgen::graph;

namespace {
/// The records marked in this run (records live as long as the run).
llvm::SmallPtrSet<const Record *, 4> &marked() {
  static llvm::SmallPtrSet<const Record *, 4> Set;
  return Set;
}
} // namespace

void graph::markCopiesChangeValues(const Record *R) { marked().insert(R); }

bool graph::copiesChangeValues(const Record *R) { return R && marked().count(R); }

bool graph::copiesChangeValues(const Type &T) {
  return T.Rec && !T.IsPointer && !T.IsReference && !T.IsDual && copiesChangeValues(T.Rec);
}
