//===- Transforms/ReverseCalls.cpp - Calls in reverse mode ----------------===//
#include "Transforms/ReverseImpl.h"

using namespace adgen;
using namespace adgen::graph;
using namespace adgen::reverse_impl;

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

Reverse::CallPlan Reverse::plan(Stmt *S) {
  CallPlan Pl;
  Callee &C = *S->Fn;
  if (C.Print != PrintKind::None)
    return Pl; // prints in the forward sweep; no derivative
  bool WritesNeeded = false;
  for (size_t I = 0; I < S->Args.size(); ++I) {
    const Type &PT = C.ParamTypes[I];
    const Expr *Arg = S->Args[I];
    bool Writes = PT.isWritable();
    bool Act = false;
    if (PT.isFloating()) {
      if (PT.isMemory() || (PT.IsReference && !PT.IsConst))
        Act = rootOf(Arg) && (PT.isMemory() ? adjPtr(Arg) != nullptr : adjLoc(Arg) != nullptr);
      else
        Act = hasAdj(Arg);
    }
    // Written arrays must be restored by a helper; written scalars (through a
    // reference) the caller saves itself (savedRefArgs).
    if (Writes && PT.isMemory() && rootOf(Arg) &&
        (Plan.Needed.count(rootOf(Arg)) || mustRestore(rootOf(Arg))))
      WritesNeeded = true;
    Pl.P.Inputs.push_back(Act);
    Pl.P.Outputs.push_back(Act && Writes);
    Pl.Active |= Act;
  }
  // A global array the callee writes (itself or deeper) and the backward
  // sweep reads, or that this helper must restore: the callee's own reverse
  // helpers restore it (scalars are saved around the call, savedRefArgs).
  if (C.Body)
    for (Var *Gl : globalsWrittenBy(*C.Body))
      if (Gl->Ty.isMemory() && (Plan.Needed.count(Gl) || mustRestore(Gl)))
        WritesNeeded = true;
  // A floating-point result is always an output of the helper (its seed is
  // 0 where the caller does not need it): one helper per pattern of active
  // arguments.
  Pl.P.Return = !C.ReturnsVoid && C.ReturnType.isFloating();
  Pl.Active |= S->Target && S->Target->Ty.isFloating() && adjOf(S->Target) != nullptr;
  if (!Pl.Active && !WritesNeeded)
    return Pl;
  Pl.Active = true;
  if (!C.CustomPullback.empty()) {
    Pl.Custom = true;
    for (size_t I = 0; I < S->Args.size(); ++I)
      Pl.P.Inputs[I] = Pl.P.Inputs[I] || C.ParamTypes[I].isFloating();
    Pl.Replay = C.CustomPullback;
    return Pl;
  }
  if (!C.Body)
    return Pl; // reported by forwardCall
  if (Planned) {
    // Output buffers the callee only writes and this function never reads
    // backwards (RK4's k1..k4): the callee's helpers may leave them as they
    // are, with nothing stored or restored.
    const std::vector<bool> &W = writeOnly(*C.Body);
    Pl.P.Unrestored.assign(S->Args.size(), false);
    for (size_t I = 0; I < S->Args.size() && I < W.size(); ++I) {
      Var *R = rootOf(S->Args[I]);
      if (!W[I] || !R || Plan.Needed.count(R) || mustRestore(R))
        continue;
      bool Aliased = false; // the callee may read it through another argument
      for (size_t J = 0; J < S->Args.size(); ++J)
        Aliased |= J != I && rootOf(S->Args[J]) == R;
      Pl.P.Unrestored[I] = !Aliased;
    }
    if (std::find(Pl.P.Unrestored.begin(), Pl.P.Unrestored.end(), true) == Pl.P.Unrestored.end())
      Pl.P.Unrestored.clear();
    std::vector<unsigned> Left;
    for (size_t I = 0; I < Pl.P.Unrestored.size(); ++I)
      if (Pl.P.Unrestored[I])
        Left.push_back(I);
    Plan.Unrestored[S] = Left;
    std::vector<unsigned> Restored; // the helpers store and restore the rest
    for (size_t I = 0; I < S->Args.size(); ++I)
      if (C.ParamTypes[I].isWritable() && C.ParamTypes[I].isMemory() && rootOf(S->Args[I]) &&
          !Pl.P.unrestored(I))
        Restored.push_back(I);
    Plan.Restored[S] = Restored;
  } else {
    // Sweeps generated while the plan grows are thrown away: ask for no
    // helpers yet (the final pattern may differ).
    Pl.Record = Pl.Replay = C.BaseName + "_helper";
    return Pl;
  }
  auto Slots = D.reverseHelpers(C, Pl.P);
  Pl.RecordFn = Slots.first;
  Pl.ReplayFn = Slots.second;
  Pl.Record = Slots.first->Qualified;
  Pl.Replay = Slots.second->Qualified;
  return Pl;
}

/// Scalars a call writes through references, that the caller must save and
/// restore itself (the callee is not replayed by a helper of adgen's).
std::vector<const Expr *> Reverse::savedRefArgs(Stmt *S) {
  std::vector<const Expr *> Out;
  CallPlan Pl = plan(S);
  if (Pl.Active && !Pl.Custom)
    return Out;
  for (size_t I = 0; I < S->Args.size(); ++I) {
    const Type &PT = S->Fn->ParamTypes[I];
    Var *R = rootOf(S->Args[I]);
    if (PT.IsReference && !PT.IsConst && R &&
        (Plan.Needed.count(R) || mustRestore(R)))
      Out.push_back(S->Args[I]);
  }
  // Scalar globals the callee assigns (g = 4 in a helper of no active
  // argument): the backward sweep may read their old value (a partial
  // g * x), and a helper must leave them as its caller saw them.
  if (S->Fn->Body)
    for (Var *Gl : globalsWrittenBy(*S->Fn->Body))
      if (!Gl->Ty.isMemory() && !Gl->Ty.IsReference &&
          (Plan.Needed.count(Gl) || mustRestore(Gl)))
        Out.push_back(M.ref(Gl));
  return Out;
}

const llvm::SmallSetVector<Var *, 4> &Reverse::globalsWrittenBy(const Function &Callee) {
  if (!Globals)
    Globals = globalEffects(F);
  return Globals->of(Callee).Writes;
}

void Reverse::forwardCall(Stmt *S, Block &Out) {
  for (const Expr *A : savedRefArgs(S))
    Out.push_back(pushS(A));
  CallPlan Pl = plan(S);
  Callee &C = *S->Fn;
  if (!Pl.Active || Pl.Custom) {
    // The user's pullback runs g again in the backward sweep, with g's
    // outputs as they are after the call. That is right when the caller never
    // reads their earlier contents backwards; otherwise refuse.
    if (Pl.Custom)
      for (size_t I = 0; I < C.ParamTypes.size(); ++I) {
        const Type &PT = C.ParamTypes[I];
        Var *Root = rootOf(S->Args[I]);
        if (PT.isWritable() &&
            (!Root || OverwritesLive.count(S) || (RestoreParams && outlives(Root)))) {
          D.errors().error(S->Where,
                           "the custom pullback of '" + C.BaseName + "' cannot be used in "
                           "reverse mode here: '" + C.BaseName + "' overwrites argument '" +
                           C.ParamNames[I] + "', whose earlier contents the derivative "
                           "needs; pass a separate output buffer");
          OK = false;
          return;
        }
      }
    Out.push_back(S);
    return;
  }
  if (!C.Body) {
    D.errors().error(S->Where, noDerivativeMessage(C, "_pullback"));
    OK = false;
    return;
  }
  Callee *HC = M.addCallee(C);
  HC->Name = Pl.Record;
  HC->Helper = Pl.RecordFn;
  RecordCalls.insert(HC);
  std::vector<const Expr *> Args = S->Args;
  Args.push_back(M.ref(Tape)); // the helper pushes onto the caller's tape
  Out.push_back(M.callStmt(S->Target, HC, std::move(Args), S->Where));
}

void Reverse::backwardCall(Stmt *S, Block &Out) {
  CallPlan Pl = plan(S);
  if (!Pl.Active || (!Pl.Custom && !S->Fn->Body))
    return;
  Callee &C = *S->Fn;
  std::vector<const Expr *> Args = S->Args;
  Block After; // propagation from argument adjoints, after the call
  bool FloatResult = !C.ReturnsVoid && C.ReturnType.isFloating();
  if (FloatResult) {
    const Expr *DR = S->Target ? adjOf(S->Target) : nullptr;
    const Expr *Zero = C.ReturnType.Rec ? M.zeroValue(C.ReturnType) : zero(C.ReturnType);
    if (DR) {
      Var *Seed = local("d_" + C.BaseName, C.ReturnType.element());
      Out.push_back(M.decl(Seed, DR, S->Where));
      Out.push_back(M.assign(DR, Zero, S->Where));
      Args.push_back(M.ref(Seed));
    } else {
      Args.push_back(Zero);
    }
  }
  for (size_t I = 0; I < S->Args.size(); ++I) {
    if (!Pl.P.isActive(I))
      continue;
    const Type &PT = C.ParamTypes[I];
    const Expr *Arg = S->Args[I];
    if (PT.isMemory()) {
      const Expr *AP = adjPtr(Arg);
      // A struct or container parameter takes the address of its adjoint.
      if (AP && !PT.IsPointer && !PT.ArraySize)
        AP = M.addressOf(AP);
      if (!AP && PT.IsPointer && Arg->K == Op::Const && Arg->Text == "nullptr")
        AP = Arg; // g(x, nullptr): no adjoint either (Graph/NullPointers.cpp)
      if (!AP) {
        D.errors().error(S->Where, "the custom pullback of '" + C.BaseName +
                                       "' needs an adjoint for argument '" + C.ParamNames[I] +
                                       "', which is not active here");
        OK = false;
        return;
      }
      Args.push_back(AP);
      continue;
    }
    const Expr *Loc = (Arg->K == Op::VarRef || Arg->K == Op::Load) ? adjLoc(Arg) : nullptr;
    if (Loc && (PT.IsReference && !PT.IsConst)) {
      Args.push_back(M.addressOf(Loc));
      continue;
    }
    // A value argument: its adjoint arrives in a temporary, then flows into
    // the argument expression.
    Var *T = local("d_" + C.ParamNames[I], PT.element());
    T->Ty.IsConst = false;
    T->Ty.IsReference = false;
    Out.push_back(M.decl(T, zero(PT), S->Where));
    Args.push_back(M.addrOf(T));
    propagate(Arg, M.ref(T), After);
  }
  Callee *HC = M.addCallee(C);
  HC->Name = Pl.Replay;
  HC->Helper = Pl.ReplayFn;
  HC->ReturnsVoid = true;
  // The helper restores what it wrote (parameters, globals of any type,
  // through its own callees) and saves it for redo.
  if (!Pl.Custom) {
    UsesRedo = true;
    Args.push_back(M.ref(Tape)); // and pops from it
  }
  Out.push_back(M.callStmt(nullptr, HC, Args, S->Where));
  if (!Pl.Custom) {
    ReplayCalls.insert(Out.back());
    ReplayOrigin[Out.back()] = S;
  }
  Out.insert(Out.end(), After.begin(), After.end());
}
