//===- Analysis/GlobalEffects.cpp - Globals a call reads and writes -------===//

#include "Analysis/GlobalEffects.h"
#include "Analysis/Activity.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace adgen;
using namespace adgen::graph;

namespace {

bool floatingGlobal(const Var *V) { return V && V->Kind == VarKind::Global && V->Ty.isFloating(); }

/// What \p F's own statements read and write (not its callees').
GlobalAccess ownAccess(const Function &F, std::vector<const Function *> &Callees) {
  GlobalAccess A;
  auto reads = [&](const Expr *E) {
    forEachFloatRead(E, [&](Var *V) {
      if (floatingGlobal(V))
        A.Reads.insert(V);
    });
  };
  forEachStmt(F.Body, [&](Stmt *S) {
    switch (S->K) {
    case StmtKind::Decl:
      reads(S->Value);
      return;
    case StmtKind::Assign:
    case StmtKind::AddAssign:
      if (Var *T = rootOf(S->Target); floatingGlobal(T))
        A.Writes.insert(T);
      reads(S->Value);
      return;
    case StmtKind::Call:
      if (S->Target)
        if (Var *T = rootOf(S->Target); floatingGlobal(T))
          A.Writes.insert(T);
      for (const Expr *Arg : S->Args)
        if (Var *R = rootOf(Arg); floatingGlobal(R) && Arg->Ty.isMemory())
          A.Reads.insert(R), A.Writes.insert(R); // a global array passed on
        else
          reads(Arg);
      if (S->Fn && S->Fn->Body)
        Callees.push_back(S->Fn->Body);
      return;
    default:
      reads(S->Value);
      return;
    }
  });
  return A;
}

} // namespace

const GlobalAccess &GlobalEffects::of(const Function &F) const {
  static const GlobalAccess None;
  auto It = Transitive.find(&F);
  return It == Transitive.end() ? None : It->second;
}

const Function *GlobalEffects::writer(const Function &From, Var *G) const {
  llvm::SmallPtrSet<const Function *, 8> Seen;
  std::vector<const Function *> Work{&From};
  while (!Work.empty()) {
    const Function *F = Work.back();
    Work.pop_back();
    if (!Seen.insert(F).second)
      continue;
    auto It = Own.find(F);
    if (It != Own.end() && It->second.Writes.count(G))
      return F;
    forEachStmt(F->Body, [&](Stmt *S) {
      if (S->K == StmtKind::Call && S->Fn && S->Fn->Body && of(*S->Fn->Body).Writes.count(G))
        Work.push_back(S->Fn->Body);
    });
  }
  return nullptr;
}

GlobalEffects adgen::globalEffects(const Function &Root) {
  GlobalEffects E;
  // Every function of the call tree, with its own accesses and its callees.
  llvm::DenseMap<const Function *, std::vector<const Function *>> Calls;
  std::vector<const Function *> Work{&Root};
  while (!Work.empty()) {
    const Function *F = Work.back();
    Work.pop_back();
    if (E.Own.count(F))
      continue;
    std::vector<const Function *> &Cs = Calls[F];
    E.Own[F] = ownAccess(*F, Cs);
    Work.insert(Work.end(), Cs.begin(), Cs.end());
  }
  // Callers take on their callees' accesses, to a fixed point (recursion).
  E.Transitive = E.Own;
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (auto &[F, Cs] : Calls) {
      // Every function of the tree has its entry already: no insertion here
      // invalidates these references.
      GlobalAccess &A = E.Transitive.find(F)->second;
      for (const Function *C : Cs) {
        const GlobalAccess &B = E.Transitive.find(C)->second;
        for (Var *V : B.Reads)
          Changed |= A.Reads.insert(V);
        for (Var *V : B.Writes)
          Changed |= A.Writes.insert(V);
      }
    }
  }
  return E;
}

std::vector<const Var *> adgen::writtenGlobals(const Function &F) {
  std::vector<const Var *> Out;
  llvm::SmallPtrSet<const Var *, 8> Seen;
  llvm::SmallPtrSet<const Function *, 8> Visited;
  auto note = [&](const Expr *E) {
    const Var *R = E ? rootOf(E) : nullptr;
    if (R && R->Kind == VarKind::Global && !R->Ty.IsConst && Seen.insert(R).second)
      Out.push_back(R);
  };
  std::vector<const Function *> Work{&F};
  while (!Work.empty()) {
    const Function *G = Work.back();
    Work.pop_back();
    if (!Visited.insert(G).second)
      continue;
    forEachStmt(G->Body, [&](Stmt *S) {
      if (S->K == StmtKind::Assign || S->K == StmtKind::AddAssign || S->K == StmtKind::Call)
        note(S->Target);
      if (S->K != StmtKind::Call || !S->Fn)
        return;
      for (size_t I = 0; I < S->Args.size() && I < S->Fn->ParamTypes.size(); ++I)
        if (S->Fn->ParamTypes[I].isWritable())
          note(S->Args[I]);
      if (S->Fn->Body)
        Work.push_back(S->Fn->Body);
    });
  }
  return Out;
}
