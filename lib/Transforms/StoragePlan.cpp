//===- Transforms/StoragePlan.cpp - What reverse mode stores --------------===//
#include "Transforms/StoragePlan.h"
#include "Analysis/Activity.h"
#include <algorithm>

using namespace adgen;
using namespace adgen::graph;

namespace {

/// `x` for a scalar, `a[]` for memory.
std::string nameOf(const Expr *Target) {
  Var *R = rootOf(Target);
  if (!R)
    return "?";
  bool Memory = Target->K == Op::Load || Target->K == Op::PtrAdd || R->Ty.isAggregate();
  return R->Name + (Memory ? "[]" : "");
}

/// The statement's target as the plan names it, or empty.
std::string targetOf(const Stmt *S) {
  if (S->K == StmtKind::Decl)
    return S->V->Name + (S->V->Ty.isAggregate() ? "[]" : "");
  if (S->Target)
    return nameOf(S->Target);
  return "";
}

/// `i = i + c` on an integer: reverse mode undoes it (i -= c) instead of
/// storing i.
bool inverseIncrement(const Stmt *S) {
  const Expr *T = S->Target, *V = S->Value;
  return S->K == StmtKind::Assign && T && V && T->K == Op::VarRef && !T->Ty.isFloating() &&
         T->Ty.Scalar != ScalarKind::Bool && (V->K == Op::Add || V->K == Op::Sub) &&
         V->Ops[0]->K == Op::VarRef && V->Ops[0]->V == T->V && V->Ops[1]->isConstant();
}

class Printer {
public:
  Printer(const StoragePlan &Plan, llvm::raw_ostream &OS) : Plan(Plan), OS(OS) {}

  void block(const Block &B) {
    for (const Stmt *S : B)
      stmt(S);
  }

private:
  void line(const Stmt *S, const std::string &Text) {
    OS << "  line " << S->Where.Line << "  " << Text << "\n";
  }

  void stmt(const Stmt *S) {
    switch (S->K) {
    case StmtKind::If:
      if (Plan.Branches.count(S))
        line(S, "if: branch stored");
      block(S->Then);
      block(S->Else);
      return;
    case StmtKind::Scope:
      block(S->Then);
      return;
    case StmtKind::Loop:
      loop(S);
      return;
    case StmtKind::Resize:
      line(S, S->V->Name + ": change of size recorded (old and new size, elements removed), "
                           "undone backwards");
      return;
    default:
      break;
    }
    if (Plan.Recomputed.count(S)) {
      line(S, targetOf(S) + ": recomputed in the backward sweep");
      return;
    }
    auto P = Plan.Pushes.find(S);
    if (P != Plan.Pushes.end() && P->second)
      line(S, targetOf(S) + (inverseIncrement(S) ? ": undone by its inverse; nothing stored"
                                                 : elements(S)));
    auto args = [&](const std::vector<unsigned> &Is) {
      std::string Names;
      for (unsigned I : Is)
        Names += (Names.empty() ? "" : ", ") + nameOf(S->Args[I]);
      return Names;
    };
    auto U = Plan.Unrestored.find(S);
    if (U != Plan.Unrestored.end() && !U->second.empty())
      line(S, "call " + S->Fn->BaseName + ": " + args(U->second) +
                  " left as written (not read backwards)");
    auto R = Plan.Restored.find(S);
    if (R != Plan.Restored.end() && !R->second.empty())
      line(S, "call " + S->Fn->BaseName + ": " + args(R->second) +
                  " stored and restored by its helpers");
  }

  /// For an array of which the backward sweep reads some elements only.
  std::string elements(const Stmt *S) {
    const std::string Stored = ": old value stored";
    const Expr *T = S->K == StmtKind::Assign ? S->Target : nullptr;
    if (!T || T->K != Op::Load || T->Ops[0]->K != Op::VarRef)
      return Stored;
    auto E = Plan.Elements.find(T->Ops[0]->V);
    if (E == Plan.Elements.end())
      return Stored;
    const ElementRange &R = E->second;
    std::string Range = T->Ops[0]->V->Name + "[" + std::to_string(R.Lo) +
                        (R.Lo == R.Hi ? "" : ".." + std::to_string(R.Hi)) + "]";
    if (std::optional<ElementRange> I = indexRange(T->Ops[1], CounterRanges())) {
      if (I->Hi < R.Lo || I->Lo > R.Hi)
        return ": nothing stored (the backward sweep reads only " + Range + ")";
      if (R.contains(I->Lo) && R.contains(I->Hi))
        return Stored;
    }
    return Stored + " for " + Range + " only; the other elements are not read backwards";
  }

  void loop(const Stmt *S) {
    block(S->Init);
    auto C = Plan.Counted.find(S);
    std::string Counter = C != Plan.Counted.end() ? " " + C->second.Counter->Name : "";
    if (S->Omp)
      line(S, "parallel loop: each iteration recomputed, then reversed");
    else if (Plan.Checkpointed.count(S))
      line(S, "loop: checkpointed (snapshots of its state, steps run again)");
    else if (C != Plan.Counted.end())
      line(S, "loop" + Counter + ": counted; reversed from its bounds");
    else if (Plan.TripCounts.count(S))
      line(S, "loop: trip count stored");
    block(S->Body);
    if (C == Plan.Counted.end()) // a counted loop's step is not reversed
      block(S->Inc);
  }

  const StoragePlan &Plan;
  llvm::raw_ostream &OS;
};

} // namespace

void adgen::printStoragePlan(const StoragePlan &Plan, const std::string &Name,
                             const Block &Body, llvm::raw_ostream &OS) {
  OS << "plan " << Name << "\n";
  Printer(Plan, OS).block(Body);
  std::set<std::string> Stored = storedNames(Plan, Body);
  OS << "  stored:";
  for (const std::string &N : Stored)
    OS << " " << N;
  OS << (Stored.empty() ? " nothing" : "") << "\n";
  OS << "end plan\n";
}

std::set<std::string> adgen::storedNames(const StoragePlan &Plan, const Block &Body) {
  std::set<std::string> Out;
  forEachStmt(Body, [&](Stmt *S) {
    auto P = Plan.Pushes.find(S);
    if (P == Plan.Pushes.end() || !P->second || Plan.Recomputed.count(S))
      return;
    std::string T = targetOf(S);
    if (!T.empty() && !inverseIncrement(S) && !(S->K == StmtKind::Decl && S->V->Synthetic) &&
        !(S->Target && rootOf(S->Target) && rootOf(S->Target)->Synthetic))
      Out.insert(T);
  });
  return Out;
}
