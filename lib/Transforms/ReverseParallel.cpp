//===- Transforms/ReverseParallel.cpp - OpenMP loops in reverse mode ------===//
#include "Transforms/ReverseImpl.h"

using namespace adgen;
using namespace adgen::graph;
using namespace adgen::reverse_impl;

//===----------------------------------------------------------------------===//
// OpenMP parallel loops (the rules live in ParallelLoops.cpp)
//===----------------------------------------------------------------------===//

void Reverse::parallelForward(Stmt *S, Block &Out) {
  if (Shape != ReverseShape::Joint) {
    D.errors().error(S->Where, "a parallel loop in a function called by a differentiated "
                               "function is not supported in reverse mode yet");
    OK = false;
    return;
  }
  if (!reversible(S))
    return;
  // The loop as written: nothing is recorded, the backward sweep recomputes.
  Stmt *Loop = M.loop(LoopKind::For, S->Init, S->Value, S->Body, S->Inc, S->Where);
  Loop->Omp = S->Omp;
  Out.push_back(Loop);
}

bool Reverse::reversible(Stmt *S) {
  auto It = Reversible.find(S);
  if (It == Reversible.end()) { // checked once: its errors are reported once
    bool Good = checkReversible(S, D.errors(), [&](Var *V) { return A.isActive(V); });
    forEachStmt(S->Body, [&](Stmt *B) {
      if (B->K == StmtKind::Resize && Good) {
        D.errors().error(B->Where, "reverse mode of a parallel loop: changing the size of a "
                                   "std::vector in its body is not supported");
        Good = false;
      }
      if (B->K == StmtKind::Decl && B->V->Ty.isAggregate() && Good) {
        D.errors().error(B->Where, "reverse mode of a parallel loop: local arrays, structs and "
                                   "containers in its body are not supported yet");
        Good = false;
      }
    });
    It = Reversible.try_emplace(S, Good).first;
  }
  OK &= It->second;
  return It->second;
}

void Reverse::parallelBackward(Stmt *S, Block &Out, unsigned Depth) {
  if (!reversible(S))
    return;
  // Private to an iteration: its variables, their adjoints and adjoint pointers.
  llvm::DenseSet<Var *> Priv = iterationPrivate(S), All = Priv;
  for (const Stmt *Nest : collapsedLoops(S)) // the loops' indices: each loop declares its own
    if (!Nest->Init.empty() && Nest->Init[0]->K == StmtKind::Decl)
      LoopOwned.insert(Nest->Init[0]->V);
  for (Var *V : Priv) {
    if (const Expr *DV = AdjScalar.lookup(V))
      if (DV->K == Op::VarRef)
        All.insert(DV->V);
    if (Var *DM = AdjMem.lookup(V))
      All.insert(DM);
  }
  Block Fwd, Bwd;
  const llvm::DenseSet<Var *> *Saved = IterPrivate;
  IterPrivate = &All;
  // Pushes and pops of an iteration go to the tape of the thread running it.
  Var *FunctionTape = Tape, *FunctionRedo = Redo;
  bool FunctionUsesRedo = UsesRedo;
  Tape = local("tape", Tape->Ty);
  Redo = local("redo", Redo->Ty);
  UsesRedo = false;
  const Block &Body = iterationBody(S);
  forward(Body, Fwd, Depth + 1);
  backward(Body, Bwd, Depth + 1);
  IterPrivate = Saved;
  Var *IterationTape = Tape;
  Tape = FunctionTape;
  if (UsesRedo && passesWritable(Body)) // helpers' redo saves: the iteration's own
    iterationRedo(Fwd, Bwd);
  Redo = FunctionRedo;
  UsesRedo = FunctionUsesRedo;
  if (Bwd.empty())
    return;
  // Declared at the top of the function (hoisted), so made private by the
  // clause; each iteration's adjoints start at zero.
  llvm::DenseSet<Var *> Clause, Used;
  auto uses = [&](const Block &B) {
    forEachStmt(B, [&](Stmt *T) {
      auto each = [&](const Expr *E) {
        forEachExpr(E, [&](const Expr *N) {
          if (N->V)
            Used.insert(N->V);
        });
      };
      each(T->Value);
      each(T->Target);
      for (const Expr *A : T->Args)
        each(A);
    });
  };
  uses(Fwd);
  uses(Bwd);
  Block Start;
  std::vector<Var *> Declared; // private variables of the user's, not hoisted
  for (Var *V : Priv) {
    if (Plan.Needed.count(V) || AdjMem.count(V) || Plan.Mentioned.count(V))
      Clause.insert(V);
    else if (llvm::is_contained(S->Omp->Private, V) && Used.count(V))
      Declared.push_back(V);
  }
  std::sort(Declared.begin(), Declared.end(), [](Var *A, Var *B) { return A->Name < B->Name; });
  for (Var *V : Declared)
    Start.push_back(M.decl(V, V->Ty.isFloating() ? zero(V->Ty) : M.constant("0", V->Ty.element())));
  std::vector<Var *> Sorted(All.begin(), All.end());
  std::sort(Sorted.begin(), Sorted.end(), [](Var *A, Var *B) { return A->Name < B->Name; });
  for (Var *V : Sorted)
    if (Clause.count(V) && V->Ty.isFloatScalar() && Priv.count(V))
      Start.push_back(M.assign(M.ref(V), zero(V->Ty))); // a private copy starts undefined
  for (Var *V : Sorted)
    if (!Priv.count(V)) { // an adjoint
      Clause.insert(V);
      if (V->Ty.isFloatScalar())
        Start.push_back(M.assign(M.ref(V), zero(V->Ty)));
    }
  bool Tapes = false;
  auto usesTape = [&](const Block &B) {
    forEachStmt(B, [&](Stmt *T) {
      Tapes |= T->K == StmtKind::Push;
      forEachExpr(T->Value, [&](const Expr *N) { Tapes |= N->K == Op::Pop; });
      for (const Expr *A : T->Args) // handed to a helper
        Tapes |= A->K == Op::VarRef && A->V == IterationTape;
    });
  };
  usesTape(Fwd);
  usesTape(Bwd);
  if (Tapes)
    Start.insert(Start.begin(),
                 M.decl(IterationTape, M.call("adgen::threadTape", {}, Tape->Ty)));
  Block Iter = std::move(Fwd);
  Iter.insert(Iter.end(), Bwd.begin(), Bwd.end());
  Stmt *Loop = backwardParallelLoop(M, D.errors(), S, std::move(Start), std::move(Iter), All, Clause,
                                    [&](const std::string &N, Type T) { return local(N, T); });
  if (!Loop) {
    OK = false;
    return;
  }
  Out.push_back(Loop);
}

/// The reverse helpers an iteration calls save the writable arguments they
/// restore (the iteration's private variables) in the thread's redo log;
/// the iteration replays them itself, before its private copies are gone.
void Reverse::iterationRedo(Block &Fwd, Block &Bwd) {
  Var *Mark = local("redo_mark", RedoMark->Ty);
  Expr Now;
  Now.K = Op::Call;
  Now.Ty = Mark->Ty;
  Now.Text = "mark";
  Now.V = Redo; // redo.mark()
  Fwd.insert(Fwd.begin(), {M.decl(Redo, M.call("adgen::threadRedoLog", {}, Redo->Ty)),
                           M.decl(Mark, M.make(std::move(Now)))});
  Bwd.push_back(redoCall("replay", {M.ref(Mark)}));
}
