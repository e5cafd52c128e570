//===- Transforms/ReversePlan.cpp - What the forward sweep stores ---------===//
#include "Transforms/ReverseImpl.h"

using namespace adgen;
using namespace adgen::graph;
using namespace adgen::reverse_impl;

//===----------------------------------------------------------------------===//
// What is stored
//===----------------------------------------------------------------------===//

/// Writes to these outlive the call: a pullback that restores them must
/// redo f's effects, and a helper must restore them for its caller.
bool Reverse::writesParamMemory(Var *Root) {
  return Root && (Root->Kind == VarKind::Param || Root->Kind == VarKind::Global);
}

/// Must the old value of \p Target be pushed before it is overwritten?
bool Reverse::stores(const Expr *Target, bool IsDecl, unsigned LoopDepth) {
  Var *R = rootOf(Target);
  if (!R || R->Ty.Opaque) // a value that holds no number is built once (declarations)
    return false;
  if (IsDecl && LoopDepth == 0)
    return false; // the first and only definition: there is no old value
  if (Plan.Needed.count(R))
    return true;
  if (Target->K == Op::VarRef && Target->V->Ty.IsPointer && Plan.Needed.count(Target->V))
    return true;
  return mustRestore(R);
}

/// For `i = i + c` on an integer: the statement that undoes it.
const Expr *Reverse::inverseIncrement(const Expr *T, const Expr *V) {
  if (T->K != Op::VarRef || T->Ty.isFloating() || T->Ty.Scalar == ScalarKind::Bool)
    return nullptr;
  if ((V->K != Op::Add && V->K != Op::Sub) || V->Ops[0]->K != Op::VarRef ||
      V->Ops[0]->V != T->V || !V->Ops[1]->isConstant())
    return nullptr;
  return M.binary(V->K == Op::Add ? Op::Sub : Op::Add, T, V->Ops[1], T->Ty.element());
}

void Reverse::readsOf(const Expr *E, llvm::DenseSet<Var *> &Reads) {
  if (!E)
    return;
  forEachExpr(E, [&](const Expr *N) {
    if ((N->K == Op::VarRef || N->K == Op::Deref)) {
      // The address of an array or pointer parameter never changes: using
      // it (v + i) reads no memory. Loads below say which memory is read.
      if (N->K == Op::VarRef && N->V->Ty.isMemory() && !N->V->Root)
        return;
      Reads.insert(N->V);
      // d_p is only right while p is: reading d_p reads p.
      if (Var *Ptr = PtrOfAdj.lookup(N->V))
        Reads.insert(Ptr);
    }
    if (N->K == Op::Load)
      if (Var *R = rootOf(N))
        Reads.insert(R);
    // The size of a vector that changes size is a value like any other.
    if (N->K == Op::Call && N->Text == "size" && N->Ops.size() == 1 &&
        N->Ops[0]->K == Op::VarRef && Resized.count(N->Ops[0]->V))
      Reads.insert(N->Ops[0]->V);
  });
}

void Reverse::collectReads(const Block &B, llvm::DenseSet<Var *> &Reads) {
  forEachStmt(B, [&](Stmt *S) {
    readsOf(S->Value, Reads);
    for (const Expr *const &A : S->Args) {
      readsOf(A, Reads);
      // An array handed to a function (a helper's backward sweep) is read
      // through; the redo log's methods only take addresses.
      if (S->K == StmtKind::Call && !S->V && A->Ty.isMemory())
        if (Var *R = rootOf(A)) {
          size_t I = &A - S->Args.data();
          if (ReplayCalls.count(S) && S->Fn->Body && I < S->Fn->Body->Params.size() &&
              writeOnly(*S->Fn->Body)[I])
            continue; // the helper only writes (restores) it
          Reads.insert(R);
        }
    }
    if (S->Target && S->Target->K == Op::Load) {
      // Writing p[i] reads p (when it is a pointer variable) and i.
      const Expr *Base = S->Target->Ops[0];
      while (Base->K == Op::PtrAdd) {
        readsOf(Base->Ops[1], Reads);
        Base = Base->Ops[0];
      }
      // ps[i].x: the indices of every level.
      while (Base->K == Op::Load) {
        readsOf(Base->Ops[1], Reads);
        Base = Base->Ops[0];
        while (Base->K == Op::PtrAdd) {
          readsOf(Base->Ops[1], Reads);
          Base = Base->Ops[0];
        }
      }
      if (Base->K == Op::VarRef && Base->V->Ty.IsPointer && Base->V->Root) {
        Reads.insert(Base->V);
        if (Var *Ptr = PtrOfAdj.lookup(Base->V))
          Reads.insert(Ptr);
      }
      readsOf(S->Target->Ops[1], Reads);
    }
  });
}

/// What the backward code of \p S alone reads.
llvm::DenseSet<Var *> Reverse::backwardReads(Stmt *S, unsigned Depth) {
  size_t Mark = G.Vars.size();
  Block B;
  backwardStmt(S, B, Depth);
  llvm::DenseSet<Var *> Reads;
  collectReads(B, Reads);
  for (Var *T : varsSince(Mark)) // freed below
    Reads.erase(T);
  G.Vars.resize(Mark);
  return Reads;
}

/// G's variables added since G.Vars.size() was \p Mark.
llvm::DenseSet<Var *> Reverse::varsSince(size_t Mark) {
  llvm::DenseSet<Var *> Vs;
  for (size_t I = Mark; I < G.Vars.size(); ++I)
    Vs.insert(&G.Vars[I]);
  return Vs;
}

/// The old value of v must be stored at `v = e` only if the backward sweep
/// reads it after restoring it there: some statement between the previous
/// definition of v and this one (in a loop, possibly in the previous
/// iteration), or e's own partials, reads v. This is a forward data flow of
/// "read since last definition" over the structured body. An accumulation
/// `s += w[i] * x[i]` whose s is read only after the loop stores nothing.
void Reverse::planStores(const Block &B, unsigned Depth, llvm::DenseSet<Var *> &Live) {
  const Stmt *Prev = nullptr;
  for (Stmt *S : B) {
    const Stmt *Before = Prev;
    Prev = S;
    switch (S->K) {
    case StmtKind::If: {
      llvm::DenseSet<Var *> T = Live, E = Live;
      planStores(S->Then, Depth, T);
      planStores(S->Else, Depth, E);
      Live = std::move(T);
      Live.insert(E.begin(), E.end());
      continue;
    }
    case StmtKind::Loop: {
      planStores(S->Init, Depth, Live);
      if (S->Omp) { // iterations are reversed one by one, each after its own recompute
        llvm::DenseSet<Var *> Iteration = Live;
        for (Var *V : iterationPrivate(S)) // nothing of another iteration's is read
          Iteration.erase(V);
        planStores(S->Body, Depth + 1, Iteration);
        Live.insert(Iteration.begin(), Iteration.end());
        continue;
      }
      for (int Round = 0; Round < 16; ++Round) {
        llvm::DenseSet<Var *> Before = Live;
        planStores(S->Body, Depth + 1, Live);
        // The backward sweep recomputes loop temporaries here (see below).
        for (Stmt *D : Plan.Recompute.lookup(S))
          readsOf(D->Value, Live);
        planStores(S->Inc, Depth + 1, Live);
        Live.insert(Before.begin(), Before.end()); // zero iterations
        if (Live.size() == Before.size())
          break;
      }
      auto CL = Plan.Counted.find(S);
      if (CL != Plan.Counted.end()) {
        // The backward loop sets the counter itself, from the bounds.
        readsOf(CL->second.First, Live);
        readsOf(CL->second.Bound, Live);
        Live.erase(CL->second.Counter);
      }
      if (Plan.Checkpointed.count(S)) { // the backward sweep runs the loop again
        collectReads(S->Body, Live);
        collectReads(S->Inc, Live);
        readsOf(S->Value, Live);
      }
      continue;
    }
    case StmtKind::Decl:
    case StmtKind::Assign:
    case StmtKind::Call:
      break;
    default: {
      llvm::DenseSet<Var *> Own = backwardReads(S, Depth);
      Live.insert(Own.begin(), Own.end());
      continue;
    }
    }
    if (S->K == StmtKind::Call)
      for (size_t A = 0; A < S->Args.size(); ++A) {
        const Type &PT = S->Fn->ParamTypes[A];
        Var *Root = rootOf(S->Args[A]);
        if (PT.isWritable() &&
            (!Root || Live.count(Root)))
          OverwritesLive.insert(S);
      }
    // A declaration without a value overwrites nothing (locals are hoisted):
    // it is no definition here.
    const Expr *Target = S->K == StmtKind::Decl ? (S->Value && !S->V->Ty.isAggregate() ? M.ref(S->V) : nullptr)
                                                : S->Target;
    llvm::DenseSet<Var *> Own = backwardReads(S, Depth);
    Var *R = Target ? rootOf(Target) : nullptr;
    bool Inverse = S->K == StmtKind::Assign && inverseIncrement(S->Target, S->Value);
    // The inverse, and the adjoint of `r = sqrt(u)` (which reads r), read
    // the value after S, not before.
    bool ReadsAfter = Inverse || reusesValue(S);
    if (ReadsAfter)
      Own.erase(R);
    Live.insert(Own.begin(), Own.end());
    if (!Target)
      continue;
    bool IsDecl = S->K == StmtKind::Decl;
    bool Read = Live.count(R) > 0;
    if (Target->K == Op::VarRef && Target->V->Ty.IsPointer)
      Read |= Live.count(Target->V) > 0;
    bool ParamWrite = mustRestore(R) && !(IsDecl && Depth == 0);
    bool Push = !Plan.Recomputed.count(S) && stores(Target, IsDecl, Depth) && (Read || ParamWrite);
    // v[k] = e right after v.resize(k + 1) (push_back): the element is new,
    // and the backward sweep removes it right after this statement's adjoint.
    if (Before && Before->K == StmtKind::Resize && S->K == StmtKind::Assign &&
        Target->K == Op::Load && Target->Ops[0]->K == Op::VarRef &&
        Target->Ops[0]->V == Before->V && Before->Value->K == Op::Add &&
        Before->Value->Ops[1]->isConst(1) && sameExpr(Before->Value->Ops[0], Target->Ops[1]))
      Push = false;
    Plan.Pushes[S] = Plan.Pushes.lookup(S) || Push;
    if (Target->K == Op::VarRef) {
      Live.erase(Target->V); // a new definition: earlier reads are served
      if (ReadsAfter)
        Live.insert(Target->V);
    }
  }
}

/// Loop temporaries `double t = e;` declared in a loop body and never
/// assigned again are recomputed at the start of each backward iteration
/// instead of stored, when nothing e reads changes later in the body (the
/// loop's own step is undone before the body is, so counters qualify).
void Reverse::findRecomputable(const Block &B) {
  forEachStmt(B, [&](Stmt *Loop) {
    if (Loop->K != StmtKind::Loop)
      return;
    for (size_t I = 0; I < Loop->Body.size(); ++I) {
      Stmt *D = Loop->Body[I];
      // Pointer locals too (x = X + i * d): recomputing one also recomputes
      // its adjoint pointer (recomputeTemporaries).
      if (D->K != StmtKind::Decl || !D->Value || D->V->Ty.isAggregate() || D->V->Ty.Opaque ||
          reusesValue(D))
        continue;
      llvm::DenseSet<Var *> Reads;
      readsOf(D->Value, Reads);
      bool Pure = true;
      forEachExpr(D->Value, [&](const Expr *N) {
        if (N->K == Op::Call || N->K == Op::Pop)
          Pure = false;
      });
      // Written after D in the body (or D's variable written again)?
      Block After(Loop->Body.begin() + I + 1, Loop->Body.end());
      forEachStmt(After, [&](Stmt *S) {
        Var *W = nullptr;
        if (S->K == StmtKind::Assign || (S->K == StmtKind::Call && S->Target))
          W = rootOf(S->Target);
        else if (S->K == StmtKind::Decl || S->K == StmtKind::Resize)
          W = S->V;
        if (W && (W == D->V || Reads.count(W)))
          Pure = false;
        if (S->K == StmtKind::Call)
          for (size_t A = 0; A < S->Args.size(); ++A) {
            const Type &PT = S->Fn->ParamTypes[A];
            if (PT.isWritable())
              if (Var *Root = rootOf(S->Args[A]))
                if (Reads.count(Root) || Root == D->V)
                  Pure = false;
          }
      });
      if (Pure) {
        Plan.Recompute[Loop].push_back(D);
        Plan.Recomputed.insert(D);
      }
    }
  });
}

/// Decides, once, what the forward sweep stores: loops to checkpoint,
/// counted loops (no trip count on the tape), loop temporaries to
/// recompute, the variables the backward sweep reads (Needed, grown by
/// generating the backward sweep until it reads nothing new), and per
/// overwriting statement whether it pushes the old value (planStores).
bool Reverse::planStorage() {
  RestoreParams = Shape != ReverseShape::Joint;
  for (size_t I = 0; I < F.Params.size(); ++I)
    if (P.unrestored(I))
      UnrestoredParams.insert(F.Params[I]);
  planCheckpoints(L.Body, 0);
  if (!OK)
    return false;
  forEachStmt(L.Body, [&](Stmt *S) {
    if (S->K == StmtKind::Loop && !Plan.Checkpointed.count(S))
      if (std::optional<CountedLoop> C = countedLoop(*S))
        if (C->PlainBounds)
          Plan.Counted[S] = std::move(*C);
  });
  findRecomputable(L.Body);
  // A separate backward sweep (Replay) gets a resized vector's final
  // contents, so that its adjoint can start with that size.
  for (Var *V : Resized)
    if (AdjMem.count(V))
      Plan.Needed.insert(V);
  // Grow the needed set until the backward sweep reads nothing new.
  Block Bwd;
  for (int Round = 0; Round < 64; ++Round) {
    size_t Mark = G.Vars.size();
    Bwd.clear();
    backward(L.Body, Bwd, 0);
    // This round's temporaries are dropped below, so they must not be
    // needed; Bwd is read before they go.
    llvm::DenseSet<Var *> Temps = varsSince(Mark);
    llvm::DenseSet<Var *> Reads;
    collectReads(Bwd, Reads);
    bool Grew = false;
    for (Var *V : Reads)
      if (!Temps.count(V) && !LoopOwned.count(V))
        Grew |= Plan.Needed.insert(V).second;
    // Arrays whose address the backward sweep uses (passed to a helper) must
    // be declared where it can see them.
    forEachStmt(Bwd, [&](Stmt *S) {
      auto note = [&](const Expr *E) {
        forEachExpr(E, [&](const Expr *N) {
          if (N->K == Op::VarRef && N->V->Ty.isAggregate() && !Temps.count(N->V))
            Plan.Mentioned.insert(N->V);
        });
      };
      note(S->Value);
      note(S->Target);
      for (const Expr *A : S->Args)
        note(A);
    });
    Bwd.clear();
    G.Vars.resize(Mark);
    if (!Grew)
      break;
  }
  planElements();
  {
    llvm::DenseSet<Var *> Reads;
    planStores(L.Body, 0, Reads);
    Plan.EndLive = std::move(Reads);
    Planned = true;
  }
  {
    // Ask for the callees' helpers in the order the backward sweep calls
    // them (last call first), as the plan is final now: they are generated
    // last-asked-first, so they print in the order of the source's calls.
    size_t Mark = G.Vars.size();
    Block Dry;
    backward(L.Body, Dry, 0);
    G.Vars.resize(Mark);
  }
  planControl(L.Body, 0);
  return OK;
}

/// Local arrays of which the backward sweep reads only some elements,
/// known by index (StoragePlanElements.h). The backward code of each
/// top-level statement is read on its own: what the statements after the
/// last one that writes an array read of it is its final value, which no
/// store serves.
void Reverse::planElements() {
  Plan.Elements.clear();
  bool Parallel = false;
  forEachStmt(L.Body, [&](Stmt *S) { Parallel |= S->Omp != nullptr; });
  if (Parallel || !Plan.Checkpointed.empty())
    return; // iterations and steps run again backwards: they read everything
  llvm::DenseSet<Var *> Cands;
  for (Var *R : Plan.Needed) {
    const Type &T = R->Ty;
    if (R->Kind == VarKind::Local && T.ArraySize > 0 && !T.Rec && !T.isContainer() &&
        T.isFloating() && !mustRestore(R) && !Resized.count(R))
      Cands.insert(R);
  }
  if (Cands.empty())
    return;
  llvm::DenseMap<Var *, size_t> LastWrite;
  for (size_t K = 0; K < L.Body.size(); ++K)
    forEachStmt(Block{L.Body[K]}, [&](Stmt *S) {
      auto write = [&](Var *R) {
        if (R && Cands.count(R))
          LastWrite[R] = K;
      };
      if (S->Target)
        write(rootOf(S->Target));
      if (S->K == StmtKind::Decl || S->K == StmtKind::Resize)
        write(S->V);
      if (S->K == StmtKind::Call)
        for (size_t A = 0; A < S->Args.size(); ++A)
          if (A >= S->Fn->ParamTypes.size() || S->Fn->ParamTypes[A].isWritable())
            write(rootOf(S->Args[A]));
    });
  llvm::DenseMap<Var *, ElementRange> Seen;
  llvm::DenseSet<Var *> Any;
  for (size_t K = 0; K < L.Body.size(); ++K) {
    size_t Mark = G.Vars.size();
    Block B;
    backwardStmt(L.Body[K], B, 0);
    ElementReads Reads(Cands);
    forEachStmt(B, [&](Stmt *S) {
      Reads.stmt(S, ReplayCalls.count(S) ? ReplayOrigin.lookup(S) : nullptr);
    });
    G.Vars.resize(Mark);
    for (Var *R : Cands) {
      auto W = LastWrite.find(R);
      if (W == LastWrite.end() || K > W->second)
        continue;
      if (Reads.anyElement(R))
        Any.insert(R);
      else if (std::optional<ElementRange> E = Reads.range(R))
        Seen[R].add(*E);
    }
  }
  for (auto &E : Seen) {
    long long Last = static_cast<long long>(E.first->Ty.ArraySize) - 1;
    bool Every = E.second.Lo <= 0 && E.second.Hi >= Last; // the whole array
    if (!Any.count(E.first) && !E.second.empty() && !Every)
      Plan.Elements[E.first] = E.second;
  }
}

void Reverse::forReadElement(const Expr *Target, Block &Out,
                             llvm::function_ref<void(Block &)> Do) {
  auto It = Plan.Elements.end();
  if (Target->K == Op::Load && Target->Ops[0]->K == Op::VarRef)
    It = Plan.Elements.find(Target->Ops[0]->V);
  if (It == Plan.Elements.end()) {
    Do(Out);
    return;
  }
  const ElementRange &R = It->second;
  const Expr *I = Target->Ops[1];
  if (std::optional<ElementRange> C = indexRange(I, CounterRanges())) {
    if (C->Hi < R.Lo || C->Lo > R.Hi)
      return; // an element the backward sweep never reads
    if (R.contains(C->Lo) && R.contains(C->Hi)) {
      Do(Out);
      return;
    }
  }
  Type Bool = Type::scalar(ScalarKind::Bool, "bool");
  const Expr *Cond = M.binary(Op::Le, I, M.constant(std::to_string(R.Hi), I->Ty), Bool);
  if (R.Lo > 0)
    Cond = M.binary(Op::And, M.binary(Op::Ge, I, M.constant(std::to_string(R.Lo), I->Ty), Bool),
                    Cond, Bool);
  Block Then;
  Do(Then);
  Out.push_back(M.ifStmt(Cond, std::move(Then), {}));
}

/// Which ifs push their branch and which loops their trip count: those
/// whose backward code does anything (counted and checkpointed loops push
/// no trip count; a parallel loop's iterations are reversed one by one).
void Reverse::planControl(const Block &B, unsigned Depth) {
  auto worksBackward = [&](std::initializer_list<const Block *> Parts, unsigned D) {
    size_t Mark = G.Vars.size();
    Block Out;
    for (const Block *Part : Parts)
      backward(*Part, Out, D);
    G.Vars.resize(Mark);
    return !Out.empty();
  };
  for (Stmt *S : B) {
    if (S->K == StmtKind::If) {
      if (worksBackward({&S->Then, &S->Else}, Depth))
        Plan.Branches.insert(S);
      planControl(S->Then, Depth);
      planControl(S->Else, Depth);
    } else if (S->K == StmtKind::Loop) {
      planControl(S->Init, Depth);
      if (!S->Omp && !Plan.Checkpointed.count(S) && !Plan.Counted.count(S) &&
          worksBackward({&S->Body, &S->Inc}, Depth + 1))
        Plan.TripCounts.insert(S);
      planControl(S->Body, Depth + 1);
      planControl(S->Inc, Depth + 1);
    } else if (S->K == StmtKind::Scope) {
      planControl(S->Then, Depth);
    }
  }
}
