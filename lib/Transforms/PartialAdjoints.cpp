//===- Transforms/PartialAdjoints.cpp - Per-thread adjoint arrays ---------===//
///
/// \file
/// See PartialAdjoints.h. Why an access `R[j]` is inside [0, m): j is the
/// counter of a loop of the iteration that CountedLoop recognises as
/// `for (j = 0; j < m; ++j)` with plain bounds, the access lies inside a
/// backward loop `for (j = m - 1; j >= 0; --j)` whose body does not write j
/// (runsDown), and m reads only variables the parallel loop never writes (so
/// m is the same at the start of the region). The collapsed loops' own
/// counters hold for the whole iteration.
//===----------------------------------------------------------------------===//
#include "Transforms/PartialAdjoints.h"
#include "Transforms/CountedLoop.h"
#include "Transforms/ParallelLoops.h"
#include "llvm/ADT/STLExtras.h"
#include <functional>

using namespace adgen;
using namespace adgen::graph;

namespace {
/// The variable a For loop's init sets (its counter), or null.
Var *counterOf(const Stmt *L) {
  if (L->K != StmtKind::Loop || L->Loop != LoopKind::For || L->Init.size() != 1)
    return nullptr;
  const Stmt *I = L->Init[0];
  if (I->K == StmtKind::Decl)
    return I->V;
  if (I->K == StmtKind::Assign && I->Target->K == Op::VarRef)
    return I->Target->V;
  return nullptr;
}

struct Candidate {
  const Expr *Length = nullptr;
  bool Good = true, Dense = false;
};
} // namespace

void PartialAdjoints::find(Module &M, const Stmt *S, Block &Body,
                           const llvm::DenseSet<Var *> &Private,
                           llvm::function_ref<Var *(const std::string &, Type)> NewVar) {
  // Counters of counted loops from 0 to a bound the parallel loop keeps.
  llvm::DenseSet<Var *> Written;
  forEachStmt(iterationBody(S), [&](Stmt *B) {
    if (B->Target && B->Target->K == Op::VarRef)
      Written.insert(B->Target->V);
  });
  llvm::DenseMap<Var *, const Expr *> Range;
  llvm::DenseMap<Var *, CountedLoop> Counted;
  auto note = [&](const Stmt *L) {
    std::optional<CountedLoop> C = countedLoop(*L);
    if (!C || !C->PlainBounds || C->Inclusive || !C->First->isConstant() || C->First->Text != "0")
      return;
    bool Kept = true;
    forEachExpr(C->Bound, [&](const Expr *N) {
      Kept &= !(N->V && (Private.count(N->V) || Written.count(N->V)));
    });
    if (Kept) {
      Range[C->Counter] = C->Bound;
      Counted[C->Counter] = *C;
    }
  };
  // A backward loop that runs counter j down from m - 1 to 0, as Reverse
  // emits for a counted loop: inside it, 0 <= j < m.
  auto runsDown = [&](const Stmt *L, Var *J) {
    auto It = Counted.find(J);
    if (It == Counted.end() || L->Init.size() != 1 || L->Init[0]->K != StmtKind::Assign ||
        !sameExpr(L->Init[0]->Value, It->second.last(M)) || !L->Value ||
        L->Value->K != Op::Ge || L->Value->Ops[0]->K != Op::VarRef ||
        L->Value->Ops[0]->V != J || !sameExpr(L->Value->Ops[1], It->second.First))
      return false;
    bool OnlyStep = true; // nothing in the loop but its decrement writes j
    forEachStmt(L->Body, [&](Stmt *B) {
      OnlyStep &= !(B->Target && B->Target->K == Op::VarRef && B->Target->V == J) &&
                  !(B->K == StmtKind::Decl && B->V == J);
    });
    return OnlyStep;
  };
  std::vector<const Stmt *> Nest = collapsedLoops(S);
  for (const Stmt *L : Nest)
    note(L);
  forEachStmt(iterationBody(S), [&](Stmt *B) {
    if (B->K == StmtKind::Loop)
      note(B);
  });
  llvm::DenseSet<Var *> Outer; // the collapsed loops' counters: one element each
  for (const Stmt *L : Nest)
    if (Var *C = counterOf(L))
      Outer.insert(C);
  // Every access of each shared array: an update at a counter in range?
  llvm::DenseMap<Var *, Candidate> Cands;
  std::vector<Var *> Order;
  std::vector<Var *> Enclosing(Outer.begin(), Outer.end());
  std::function<void(const Block &)> scan = [&](const Block &B) {
    for (const Stmt *T : B) {
      auto bad = [&](const Expr *E) {
        forEachExpr(E, [&](const Expr *N) {
          if (N->V && !Private.count(N->V) && N->V->Ty.isMemory())
            Cands[N->V].Good = false;
        });
      };
      bad(T->Value);
      for (const Expr *A : T->Args)
        bad(A);
      const Expr *Tg = T->Target;
      if (Tg && Tg->K == Op::Load && Tg->Ops[0]->K == Op::VarRef && !isFieldLoad(Tg) &&
          !Private.count(Tg->Ops[0]->V)) {
        Var *R = Tg->Ops[0]->V;
        auto [It, New] = Cands.try_emplace(R);
        if (New)
          Order.push_back(R);
        Candidate &C = It->second;
        const Expr *I = Tg->Ops[1];
        bool Ok = T->K == StmtKind::AddAssign && I->K == Op::VarRef &&
                  llvm::is_contained(Enclosing, I->V) && Range.count(I->V) &&
                  R->Ty.isFloating() && !R->Ty.Rec && (R->Ty.IsPointer || R->Ty.ArraySize);
        if (Ok && C.Length && !sameExpr(C.Length, Range[I->V]))
          Ok = false;
        if (Ok) {
          C.Length = Range[I->V];
          C.Dense |= !Outer.count(I->V);
        }
        C.Good &= Ok;
      } else if (Tg) {
        bad(Tg);
      }
      if (Tg && Tg->K == Op::Load)
        bad(Tg->Ops[1]);
      Var *Counter = T->K == StmtKind::Loop ? counterOf(T) : nullptr;
      if (Counter && !runsDown(T, Counter))
        Counter = nullptr;
      if (Counter)
        Enclosing.push_back(Counter);
      for (const Block *Sub : {&T->Init, &T->Then, &T->Else, &T->Body, &T->Inc})
        scan(*Sub);
      if (Counter)
        Enclosing.pop_back();
    }
  };
  scan(Body);
  llvm::DenseMap<Var *, Var *> PartOf;
  for (Var *R : Order) {
    const Candidate &C = Cands[R];
    if (!C.Good || !C.Dense)
      continue;
    Type VT = R->Ty.element();
    VT.IsVector = true;
    Var *P = NewVar(R->Name + "_part", VT);
    PartOf[R] = P;
    Arrays.push_back({R, P, C.Length});
  }
  if (PartOf.empty())
    return;
  std::function<void(Block &)> rewrite = [&](Block &B) {
    for (Stmt *&T : B) {
      if (T->Target && T->Target->K == Op::Load && T->Target->Ops[0]->K == Op::VarRef)
        if (Var *P = PartOf.lookup(T->Target->Ops[0]->V)) {
          Stmt *C = M.addAssign(M.load(M.ref(P), T->Target->Ops[1]), T->Value, T->Where);
          T = C;
          continue;
        }
      for (Block *Sub : {&T->Init, &T->Then, &T->Else, &T->Body, &T->Inc})
        rewrite(*Sub);
    }
  };
  rewrite(Body);
}

Stmt *PartialAdjoints::wrap(Module &M, Stmt *Loop,
                            llvm::function_ref<Var *(const std::string &, Type)> NewVar) {
  if (Arrays.empty())
    return Loop;
  Block Region, Merge;
  for (const Partial &P : Arrays) {
    const Expr *Len = P.Length;
    Type IT = Len->Ty.isFloating() ? Type::scalar(ScalarKind::Int, "long") : Len->Ty.element();
    const Expr *Zero = M.constant("0", IT);
    Type Bool = Type::scalar(ScalarKind::Bool, "bool");
    Region.push_back(M.decl(P.Part, M.select(M.binary(Op::Gt, Len, Zero, Bool), Len, Zero)));
    Var *J = NewVar("j", IT);
    Stmt *Add = M.addAssign(M.load(M.ref(P.Shared), M.ref(J)), M.load(M.ref(P.Part), M.ref(J)));
    Add->OmpAtomic = true;
    Merge.push_back(M.loop(LoopKind::For, {M.decl(J, Zero)}, M.binary(Op::Lt, M.ref(J), Len, Bool),
                           {Add},
                           {M.assign(M.ref(J), M.binary(Op::Add, M.ref(J), M.constant("1", IT), IT))},
                           Loop->Where));
  }
  OmpLoop For = *Loop->Omp;
  For.Kind = OmpLoop::Directive::For;
  Loop->Omp = M.ompLoop(std::move(For));
  Region.push_back(Loop);
  Region.insert(Region.end(), Merge.begin(), Merge.end());
  Stmt *Scope = M.scope(std::move(Region), Loop->Where);
  OmpLoop Par;
  Par.Kind = OmpLoop::Directive::Parallel;
  Scope->Omp = M.ompLoop(std::move(Par));
  return Scope;
}
