//===- Analysis/Activity.cpp - Which values carry derivatives -------------===//

#include "Analysis/Activity.h"
#include "Analysis/GlobalEffects.h"
#include <set>

using namespace adgen;
using namespace adgen::graph;

std::string ActivityPattern::key(const Function &F) const {
  std::string K;
  for (size_t I = 0; I < F.Params.size(); ++I)
    if (isActive(I))
      K += (K.empty() ? "" : "_") + F.Params[I]->Name;
  return K;
}

Var *adgen::rootOf(const Expr *E) {
  while (E && (E->K == Op::Load || E->K == Op::PtrAdd || (E->K == Op::AddrOf && !E->V)))
    E = E->Ops[0];
  if (E && (E->K == Op::VarRef || E->K == Op::Deref || E->K == Op::AddrOf))
    return rootOf(E->V);
  return nullptr;
}

void adgen::forEachFloatRead(const Expr *E, llvm::function_ref<void(Var *)> Fn) {
  if (!E)
    return;
  switch (E->K) {
  case Op::VarRef:
    if (E->Ty.isFloating())
      Fn(rootOf(E->V));
    return;
  case Op::Load:
    if (E->Ty.isFloating())
      if (Var *R = rootOf(E))
        Fn(R);
    forEachFloatRead(E->Ops[1], Fn); // an index never reads floats, but be safe
    return;
  case Op::Cast:
    // A conversion to an integer ends derivative flow.
    if (!E->Ty.isFloating())
      return;
    break;
  default:
    if (!E->Ty.isFloating() && E->K != Op::PtrAdd)
      return; // comparisons, integer arithmetic: no derivative flows
    break;
  }
  for (const Expr *O : E->Ops)
    forEachFloatRead(O, Fn);
}

namespace {

/// One data-flow edge set of the function: "Targets are computed from
/// Sources", collected once, then iterated to a fixed point both ways.
struct Flow {
  std::vector<Var *> Sources, Targets;
};

using WriteQuery = std::pair<const Function *, size_t>;

/// Whether \p F may write through its parameter \p I (a pointer or a
/// reference): an assignment into its memory, or passing it on to a callee
/// that may write it. A callee without a body may write whatever its
/// parameter types allow. \p Seen breaks recursion (a call already being
/// asked about writes nothing more).
bool mayWriteParam(const Function &F, size_t I, std::set<WriteQuery> &Seen) {
  if (!Seen.insert({&F, I}).second)
    return false;
  Var *P = F.Params[I];
  bool Writes = false;
  forEachStmt(F.Body, [&](Stmt *S) {
    if (Writes)
      return;
    if ((S->K == StmtKind::Assign || S->K == StmtKind::AddAssign) && rootOf(S->Target) == P)
      Writes = true;
    if (S->K != StmtKind::Call || S->V)
      return;
    if (S->Target && rootOf(S->Target) == P)
      Writes = true;
    for (size_t A = 0; A < S->Args.size() && !Writes; ++A)
      if (rootOf(S->Args[A]) == P && A < S->Fn->ParamTypes.size() &&
          S->Fn->ParamTypes[A].isWritable())
        Writes = !S->Fn->Body || mayWriteParam(*S->Fn->Body, A, Seen);
  });
  return Writes;
}

/// Whether the call \p S may write through its argument \p I.
bool callWrites(const Stmt *S, size_t I, const Type &PT) {
  if (!PT.isWritable())
    return false;
  // Generated code (a pullback, for second derivatives) calls helpers whose
  // graphs are not the callee's: keep to the types there.
  const Function *Body = S->Fn->Body;
  if (!Body || Body->IsGenerated || I >= Body->Params.size())
    return true;
  std::set<WriteQuery> Seen;
  return mayWriteParam(*Body, I, Seen);
}

void collect(const Block &B, const GlobalEffects &Globals, std::vector<Flow> &Flows,
             std::vector<Var *> &ReturnReads) {
  forEachStmt(B, [&](Stmt *S) {
    switch (S->K) {
    case StmtKind::Decl:
    case StmtKind::Assign:
    case StmtKind::AddAssign: {
      Var *T = S->K == StmtKind::Decl ? rootOf(S->V) : rootOf(S->Target);
      if (!T || !S->Value)
        return;
      if (S->K == StmtKind::Decl && S->V->Ty.IsPointer)
        return; // a pointer local aliases its root: nothing flows
      Flow Fl;
      Fl.Targets.push_back(T);
      forEachFloatRead(S->Value, [&](Var *V) { Fl.Sources.push_back(V); });
      Flows.push_back(std::move(Fl));
      return;
    }
    case StmtKind::Call: {
      // Conservative: every floating input of the call may reach every
      // floating output (result, pointer or reference arguments the callee
      // may write).
      if (S->V)
        return; // a method of the tape or redo log (generated code)
      Flow Fl;
      if (S->Target)
        Fl.Targets.push_back(rootOf(S->Target));
      for (size_t I = 0; I < S->Args.size(); ++I) {
        // Generated code calls helpers with more arguments than the callee it
        // names (its adjoints): those are pointers the helper writes.
        Type Extra = Type::pointerTo(ScalarKind::Double, "double", false);
        const Type &PT = I < S->Fn->ParamTypes.size() ? S->Fn->ParamTypes[I] : Extra;
        const Expr *A = S->Args[I];
        if (PT.isMemory() || (PT.IsReference && !PT.IsConst)) {
          if (Var *R = rootOf(A)) {
            if (PT.isFloating())
              Fl.Sources.push_back(R);
            if (callWrites(S, I, PT))
              Fl.Targets.push_back(R);
          }
        } else {
          forEachFloatRead(A, [&](Var *V) { Fl.Sources.push_back(V); });
        }
      }
      // Floating globals the callee (or one it calls) reads and writes are
      // inputs and outputs of the call too.
      if (S->Fn->Body) {
        const GlobalAccess &G = Globals.of(*S->Fn->Body);
        Fl.Sources.insert(Fl.Sources.end(), G.Reads.begin(), G.Reads.end());
        Fl.Targets.insert(Fl.Targets.end(), G.Writes.begin(), G.Writes.end());
      }
      Flows.push_back(std::move(Fl));
      return;
    }
    case StmtKind::Return:
      forEachFloatRead(S->Value, [&](Var *V) { ReturnReads.push_back(V); });
      return;
    default:
      return;
    }
  });
}

} // namespace

Activity adgen::analyseActivity(const Function &F, const ActivityPattern &P) {
  Activity A;
  std::vector<Flow> Flows;
  std::vector<Var *> ReturnReads;
  collect(F.Body, globalEffects(F), Flows, ReturnReads);
  for (size_t I = 0; I < F.Params.size(); ++I) {
    if (P.Inputs[I])
      A.Varied.insert(F.Params[I]);
    if (P.Outputs[I])
      A.Useful.insert(F.Params[I]);
  }
  if (P.Return)
    for (Var *V : ReturnReads)
      A.Useful.insert(V);

  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const Flow &Fl : Flows) {
      bool AnyVaried = false, AnyUseful = false;
      for (Var *S : Fl.Sources)
        AnyVaried |= A.Varied.count(S) > 0;
      for (Var *T : Fl.Targets)
        AnyUseful |= A.Useful.count(T) > 0;
      if (AnyVaried)
        for (Var *T : Fl.Targets)
          Changed |= A.Varied.insert(T).second;
      if (AnyUseful)
        for (Var *S : Fl.Sources)
          Changed |= A.Useful.insert(S).second;
    }
  }
  return A;
}
