//===- Transforms/ReverseSweeps.cpp - The two sweeps ----------------------===//
#include "Transforms/ReverseImpl.h"
#include "Transforms/TapeCursor.h"

using namespace adgen;
using namespace adgen::graph;
using namespace adgen::reverse_impl;

//===----------------------------------------------------------------------===//
// The two sweeps
//===----------------------------------------------------------------------===//

void Reverse::forward(const Block &In, Block &Out, unsigned Depth) {
  for (Stmt *S : In)
    forwardStmt(S, Out, Depth);
}

void Reverse::backward(const Block &In, Block &Out, unsigned Depth) {
  for (auto It = In.rbegin(); It != In.rend(); ++It)
    backwardStmt(*It, Out, Depth);
}

/// A declaration in the forward sweep: locals the backward sweep reads are
/// hoisted, so what is left is an assignment (and its store).
void Reverse::forwardDecl(Stmt *S, Block &Out, unsigned Depth) {
  Var *V = S->V;
  if (V->Ty.Opaque)
    return; // declared at the top (declarations)
  bool Hoisted = Plan.Needed.count(V) || AdjMem.count(V) || Plan.Mentioned.count(V);
  if (!Hoisted) {
    Out.push_back(S);
    return;
  }
  const Expr *Ref = M.ref(V);
  if (V->Ty.isAggregate() && !elementwise(V->Ty)) { // a struct: whole
    // Only a zeroing declaration overwrites anything: later writes to the
    // struct save what they overwrite themselves.
    if (Depth > 0 && Plan.Needed.count(V) && S->ZeroInit && !Untaped)
      Out.push_back(pushS(Ref));
    if (S->ZeroInit)
      Out.push_back(M.assign(Ref, M.zeroValue(V->Ty), S->Where));
    return;
  }
  if (V->Ty.isAggregate()) {
    // Only a zeroing declaration overwrites anything: later writes to
    // its elements save what they overwrite themselves.
    if (Depth > 0 && Plan.Needed.count(V) && S->ZeroInit && !Untaped) // save the whole array
      Out.push_back(eachElement(V, false, [&](const Expr *E) { return pushS(E); }));
    if (S->ZeroInit)
      Out.push_back(eachElement(V, false, [&](const Expr *E) {
        return M.assign(E, V->Ty.Rec ? M.zeroValue(V->Ty.element())
                           : V->Ty.isFloating() ? zero(V->Ty)
                                                : M.constant("0", V->Ty.element()));
      }));
    return;
  }
  if (!S->Value)
    return;
  if (stores(S, Ref, true, Depth))
    Out.push_back(pushS(Ref));
  Out.push_back(M.assign(Ref, S->Value, S->Where));
  if (V->Ty.IsPointer && AdjMem.count(V) && Shape != ReverseShape::Record)
    pointerAdjoint(V, Out);
  return;
}

/// A loop in the forward sweep, counting its iterations unless the
/// backward sweep can run it from its bounds (counted loops).
void Reverse::forwardLoop(Stmt *S, Block &Out, unsigned Depth) {
  if (S->Omp)
    return parallelForward(S, Out);
  auto CP = Plan.Checkpointed.find(S);
  if (CP != Plan.Checkpointed.end() && !Untaped) {
    forwardCheckpointed(S, CP->second, Out, Depth);
    return;
  }
  Block Init, Body, Inc, BBody;
  forward(S->Init, Init, Depth);
  forward(S->Body, Body, Depth + 1);
  forward(S->Inc, Inc, Depth + 1);
  if (!Untaped) {
    backward(S->Body, BBody, Depth + 1);
    backward(S->Inc, BBody, Depth + 1);
  }
  if (BBody.empty() || Plan.Counted.count(S)) {
    Out.insert(Out.end(), Init.begin(), Init.end());
    Stmt *Loop = M.loop(S->Loop, {}, S->Value, std::move(Body), std::move(Inc), S->Where);
    auto C = Plan.Counted.find(S);
    Stmt *Reserved = C != Plan.Counted.end() ? cursorLoop(M, G, C->second, Loop) : nullptr;
    Out.push_back(Reserved ? Reserved : Loop);
    return;
  }
  // Count the iterations: the backward sweep runs the body that often.
  Var *N = local("iterations", Type::scalar(ScalarKind::Int, "long"));
  Block Scope{M.decl(N, M.constant("0", N->Ty), S->Where)};
  Scope.insert(Scope.end(), Init.begin(), Init.end());
  Body.push_back(M.assign(M.ref(N), M.binary(Op::Add, M.ref(N), M.constant("1", N->Ty), N->Ty)));
  Scope.push_back(M.loop(S->Loop, {}, S->Value, std::move(Body), std::move(Inc), S->Where));
  Scope.push_back(pushS(M.ref(N)));
  Out.push_back(M.scope(std::move(Scope), S->Where));
  return;
}

void Reverse::forwardStmt(Stmt *S, Block &Out, unsigned Depth) {
  switch (S->K) {
  case StmtKind::Decl:
    return forwardDecl(S, Out, Depth);
  case StmtKind::Assign:
    if (sharedWrite(S->Target))
      return; // the forward sweep did it; the loop's iterations do not read it
    if (stores(S, S->Target, false, Depth) && !inverseIncrement(S->Target, S->Value))
      forReadElement(S->Target, Out, [&](Block &B) { B.push_back(pushS(S->Target)); });
    Out.push_back(S);
    return;
  case StmtKind::Call:
    if (Untaped) { // the function's own call: nothing recorded
      Out.push_back(S);
      return;
    }
    if (S->Target && stores(S, S->Target, false, Depth))
      Out.push_back(pushS(S->Target));
    forwardCall(S, Out);
    return;
  case StmtKind::If: {
    Block Then, Else, BThen, BElse;
    forward(S->Then, Then, Depth);
    forward(S->Else, Else, Depth);
    if (!Untaped) {
      backward(S->Then, BThen, Depth);
      backward(S->Else, BElse, Depth);
    }
    if (!BThen.empty() || !BElse.empty()) {
      Then.push_back(pushS(M.boolConst(true)));
      Else.push_back(pushS(M.boolConst(false)));
    }
    Out.push_back(M.ifStmt(S->Value, std::move(Then), std::move(Else), S->Where));
    return;
  }
  case StmtKind::Loop:
    return forwardLoop(S, Out, Depth);
  case StmtKind::Resize: // v.resize(n), recording what undoes it
    Out.push_back(Untaped ? S : tape::pushResize(M, Tape, S->V, S->Value, S->Where));
    return;
  case StmtKind::Return:
    Out.push_back(M.ret(S->Value, S->Where));
    return;
  default:
    Out.push_back(S);
    return;
  }
}

void Reverse::adjointOfAssign(const Expr *T, const Expr *E, Block &Out, Loc Where) {
  const Expr *DT = adjLoc(T);
  if (!DT || !T->Ty.isFloating())
    return;
  // v = v + r: d_v flows unchanged to v's old value and to r.
  if ((E->K == Op::Add || E->K == Op::Sub) && sameExpr(E->Ops[0], T) &&
      !readsTarget(E->Ops[1], T)) {
    propagate(E->Ops[1], E->K == Op::Add ? DT : M.neg(DT), Out);
    return;
  }
  if (!hasAdj(E)) {
    Out.push_back(M.assign(DT, zero(T->Ty), Where));
    return;
  }
  if (!readsTarget(E, T)) {
    propagate(E, DT, Out);
    Out.push_back(M.assign(DT, zero(T->Ty), Where));
    return;
  }
  // v = g(v) with v the only active operand, once: d_v = d_v * g'(v).
  Block Single;
  propagate(E, DT, Single);
  if (Single.size() == 1 && Single[0]->K == StmtKind::AddAssign &&
      sameExpr(Single[0]->Target, DT)) {
    Out.push_back(M.assign(DT, Single[0]->Value, Where));
    return;
  }
  Var *Tmp = local("adj", T->Ty.element());
  Out.push_back(M.decl(Tmp, DT, Where));
  Out.push_back(M.assign(DT, zero(T->Ty), Where));
  propagate(E, M.ref(Tmp), Out);
}

/// A declaration in the backward sweep: restore, then the adjoint of its
/// value.
void Reverse::backwardDecl(Stmt *S, Block &Out, unsigned Depth) {
  Var *V = S->V;
  if (V->Ty.Opaque)
    return; // holds no number, changes never
  const Expr *Ref = M.ref(V);
  if (V->Ty.isAggregate() && !elementwise(V->Ty)) { // a struct: whole
    if (Depth > 0 && Plan.Needed.count(V) && S->ZeroInit)
      Out.push_back(M.assign(Ref, popE(V->Ty), S->Where));
    if (Depth > 0 && AdjMem.count(V)) // a fresh struct has no adjoint yet
      Out.push_back(M.assign(M.ref(AdjMem[V]), M.zeroValue(V->Ty), S->Where));
    return;
  }
  if (V->Ty.isAggregate()) {
    if (Depth > 0 && Plan.Needed.count(V) && S->ZeroInit) // restore it, last element first
      Out.push_back(eachElement(V, true, [&](const Expr *E) {
        return M.assign(E, popE(V->Ty.element()));
      }));
    if (Depth > 0 && AdjMem.count(V)) // a fresh array has no adjoint yet
      Out.push_back(eachElement(AdjMem[V], false, [&](const Expr *E) {
        return M.assign(E, V->Ty.Rec ? M.zeroValue(V->Ty.element()) : zero(V->Ty));
      }));
    return;
  }
  if (!S->Value)
    return;
  bool Restores = (Plan.Needed.count(V) || AdjMem.count(V)) && stores(S, Ref, true, Depth);
  if (reusesValue(S)) {
    // r = f(u): d_u += d_r * f'(u), with f'(u) written with r's value,
    // which is read before r's old value is restored.
    const Expr *DT = adjLoc(Ref);
    const Expr *Value = Ref;
    if (DT && Restores) {
      Var *Kept = local(V->Name, V->Ty.element());
      Out.push_back(M.decl(Kept, Ref, S->Where));
      Value = M.ref(Kept);
    }
    if (Restores)
      Out.push_back(M.assign(Ref, popE(V->Ty), S->Where));
    if (!DT)
      return;
    const Expr *N = S->Value;
    Var *Adj = local("adj", V->Ty.element());
    Out.push_back(M.decl(Adj, DT, S->Where));
    Out.push_back(M.assign(DT, zero(V->Ty), S->Where));
    for (unsigned I = 0; I < N->Ops.size(); ++I)
      if (hasAdj(N->Ops[I]))
        propagate(N->Ops[I], M.mul(M.ref(Adj), partialFromValue(M, N, I, Value)), Out);
    return;
  }
  if (Restores) {
    Out.push_back(M.assign(Ref, popE(V->Ty), S->Where));
    if (V->Ty.IsPointer)
      pointerAdjoint(V, Out);
  }
  if (!V->Ty.IsPointer)
    adjointOfAssign(Ref, S->Value, Out, S->Where);
  return;
}

/// The start of a backward iteration of \p Loop: its temporaries that the
/// backward sweep reads, computed again (and a pointer's adjoint pointer).
void Reverse::recomputeTemporaries(Stmt *Loop, Block &Out) {
  for (Stmt *D : Plan.Recompute.lookup(Loop))
    if (Plan.Needed.count(D->V)) {
      Out.push_back(M.assign(M.ref(D->V), D->Value, D->Where));
      if (D->V->Ty.IsPointer && AdjMem.count(D->V))
        pointerAdjoint(D->V, Out);
    }
}

/// A loop in the backward sweep: iterations in reverse, from the bounds
/// (counted loops) or from the trip count on the tape.
void Reverse::backwardLoop(Stmt *S, Block &Out, unsigned Depth) {
  if (S->Omp)
    return parallelBackward(S, Out, Depth);
  auto CP = Plan.Checkpointed.find(S);
  if (CP != Plan.Checkpointed.end()) {
    backwardCheckpointed(S, CP->second, Out, Depth);
    backward(S->Init, Out, Depth);
    return;
  }
  auto CL = Plan.Counted.find(S);
  if (CL != Plan.Counted.end()) { // the counter runs down from the bounds
    Block Body;
    recomputeTemporaries(S, Body);
    backward(S->Body, Body, Depth + 1);
    if (!Body.empty()) {
      const CountedLoop &C = CL->second;
      const Expr *I = M.ref(C.Counter);
      Out.push_back(M.loop(LoopKind::For, {M.assign(I, C.last(M))},
                           M.binary(Op::Ge, I, C.First, Type::scalar(ScalarKind::Bool, "bool")),
                           std::move(Body),
                           {M.assign(I, M.binary(Op::Sub, I, M.constant("1", I->Ty), I->Ty))},
                           S->Where));
    }
    backward(S->Init, Out, Depth);
    return;
  }
  Block Body;
  backward(S->Inc, Body, Depth + 1);
  recomputeTemporaries(S, Body);
  backward(S->Body, Body, Depth + 1);
  if (!Body.empty()) {
    Var *N = local("iterations", Type::scalar(ScalarKind::Int, "long"));
    Type Bool = Type::scalar(ScalarKind::Bool, "bool");
    Block Init{M.decl(N, popE(N->Ty))};
    Block Dec{M.assign(M.ref(N), M.binary(Op::Sub, M.ref(N), M.constant("1", N->Ty), N->Ty))};
    Out.push_back(M.loop(LoopKind::For, std::move(Init),
                         M.binary(Op::Gt, M.ref(N), M.constant("0", N->Ty), Bool),
                         std::move(Body), std::move(Dec), S->Where));
  }
  backward(S->Init, Out, Depth);
  return;
}

void Reverse::backwardStmt(Stmt *S, Block &Out, unsigned Depth) {
  // sin and cos whose partials are read from a twin local (trigTwins).
  auto Twins = TrigTwins.find(S);
  const std::vector<TrigTwin> *Outer = TwinsNow;
  TwinsNow = Twins == TrigTwins.end() ? nullptr : &Twins->second;
  backwardStmtOf(S, Out, Depth);
  TwinsNow = Outer;
}

void Reverse::backwardStmtOf(Stmt *S, Block &Out, unsigned Depth) {
  switch (S->K) {
  case StmtKind::Decl:
    return backwardDecl(S, Out, Depth);
  case StmtKind::Assign:
    if (sharedWrite(S->Target)) {
      if (Planned && stores(S, S->Target, false, Depth)) {
        D.errors().error(S->Where, "reverse mode of a parallel loop: the backward sweep "
                                   "needs the value this statement overwrites");
        OK = false;
      }
      adjointOfAssign(S->Target, S->Value, Out, S->Where);
      return;
    }
    if (stores(S, S->Target, false, Depth)) {
      if (const Expr *Inv = inverseIncrement(S->Target, S->Value))
        restore(S->Target, Inv, S->Where, Out);
      else
        forReadElement(S->Target, Out, [&](Block &B) {
          restore(S->Target, popE(S->Target->Ty), S->Where, B);
        });
    }
    adjointOfAssign(S->Target, S->Value, Out, S->Where);
    return;
  case StmtKind::Call: {
    // The forward sweep pushed the result's old value, then the saved
    // reference arguments, then the callee recorded its own: undo in the
    // opposite order.
    backwardCall(S, Out);
    std::vector<const Expr *> Saved = savedRefArgs(S);
    for (auto It = Saved.rbegin(); It != Saved.rend(); ++It)
      restore(*It, popE((*It)->Ty), S->Where, Out);
    if (S->Target && stores(S, S->Target, false, Depth))
      restore(S->Target, popE(S->Target->Ty), S->Where, Out);
    return;
  }
  case StmtKind::If: {
    Block Then, Else;
    backward(S->Then, Then, Depth);
    backward(S->Else, Else, Depth);
    if (Then.empty() && Else.empty())
      return;
    Out.push_back(M.ifStmt(popE(Type::scalar(ScalarKind::Bool, "bool")), std::move(Then),
                           std::move(Else), S->Where));
    return;
  }
  case StmtKind::Loop:
    return backwardLoop(S, Out, Depth);
  case StmtKind::Resize:
    // Back to the size (and the elements) before it; the adjoints of
    // elements it added are dropped (they were zeros, constants), those of
    // elements it removed start at zero.
    Out.push_back(tape::popResize(M, Tape, S->V, S->Where));
    if (Var *DV = AdjMem.lookup(S->V))
      Out.push_back(M.resize(DV, M.sizeOf(M.ref(S->V)), S->Where));
    return;
  default:
    return;
  }
}


/// Emits d_leaf += Adj * d(E)/d(leaf) for every active leaf of E; several
/// contributions to the same leaf become one statement (x * 100 * x adds
/// to d_x once).
void Reverse::propagate(const Expr *E, const Expr *Adj, Block &Out) {
  std::vector<std::pair<const Expr *, const Expr *>> Contribs;
  contributions(E, Adj, Out, Contribs);
  std::vector<bool> Done(Contribs.size());
  for (size_t I = 0; I < Contribs.size(); ++I) {
    if (Done[I])
      continue;
    const Expr *Sum = Contribs[I].second;
    for (size_t J = I + 1; J < Contribs.size(); ++J)
      if (!Done[J] && sameExpr(Contribs[I].first, Contribs[J].first)) {
        Sum = M.add(Sum, Contribs[J].second);
        Done[J] = true;
      }
    Out.push_back(M.addAssign(Contribs[I].first, Sum));
  }
}

void Reverse::contributions(const Expr *E, const Expr *Adj, Block &Out,
                            std::vector<std::pair<const Expr *, const Expr *>> &Contribs) {
  if (!hasAdj(E))
    return;
  switch (E->K) {
  case Op::VarRef:
  case Op::Load:
  case Op::Deref:
    if (const Expr *Loc = adjLoc(E))
      Contribs.push_back({Loc, Adj});
    return;
  case Op::Select: {
    Block Then, Else;
    propagate(E->Ops[1], Adj, Then);
    propagate(E->Ops[2], Adj, Else);
    Out.push_back(M.ifStmt(E->Ops[0], std::move(Then), std::move(Else)));
    return;
  }
  case Op::Cast:
    contributions(E->Ops[0],
                  E->Ops[0]->Ty.Scalar == Adj->Ty.Scalar ? Adj
                                                         : M.cast(Adj, E->Ops[0]->Ty.element()),
                  Out, Contribs);
    return;
  default:
    break;
  }
  std::vector<Partial> Ps = partials(M, E);
  if (TwinsNow)
    for (const TrigTwin &T : *TwinsNow)
      if (T.Call == E) // sin(u): cos(u) is T.Other; cos(u): -sin(u) is -T.Other
        Ps = {{0, llvm::StringRef(E->Text).ends_with("sin") ? M.ref(T.Other)
                                                             : M.neg(M.ref(T.Other))}};
  unsigned Active = 0;
  for (const Partial &Pt : Ps)
    Active += hasAdj(E->Ops[Pt.Operand]);
  if (Active > 1 && !isTrivial(Adj)) {
    Var *T = local("adj", E->Ty.element());
    Out.push_back(M.decl(T, Adj));
    Adj = M.ref(T);
  }
  for (const Partial &Pt : Ps)
    if (hasAdj(E->Ops[Pt.Operand]))
      contributions(E->Ops[Pt.Operand], M.mul(Adj, Pt.Factor), Out, Contribs);
}
