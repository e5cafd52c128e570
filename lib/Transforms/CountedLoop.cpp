//===- Transforms/CountedLoop.cpp - Loops whose trip count is known -------===//
#include "Transforms/CountedLoop.h"

#include "Analysis/Activity.h"

#include <algorithm>
#include <iterator>

using namespace adgen;
using namespace adgen::graph;

const Expr *CountedLoop::end(Module &M) const {
  return Inclusive ? M.binary(Op::Add, Bound, M.constant("1", Counter->Ty), Counter->Ty) : Bound;
}

const Expr *CountedLoop::last(Module &M) const {
  if (Inclusive)
    return Bound;
  // `for (j = 7; ...` rather than `for (j = 8 - 1; ...`
  if (Bound->K == Op::Const && !Bound->Text.empty() &&
      Bound->Text.find_first_not_of("0123456789") == std::string::npos &&
      Bound->Text.size() < 18)
    return M.constant(std::to_string(std::stoll(Bound->Text) - 1), Counter->Ty);
  return M.binary(Op::Sub, Bound, M.constant("1", Counter->Ty), Counter->Ty);
}

/// Reads nothing but scalar variables and constants.
static bool plain(const Expr *E) {
  bool Plain = true;
  forEachExpr(E, [&](const Expr *N) {
    switch (N->K) {
    case Op::Load: case Op::Deref: case Op::Call: case Op::Math: case Op::Pop:
    case Op::Field: case Op::AddrOf: case Op::PtrAdd:
      Plain = false;
      break;
    case Op::VarRef:
      Plain &= !N->V->Ty.isMemory() && !N->V->Ty.IsPointer;
      break;
    default:
      break;
    }
  });
  return Plain;
}

std::optional<CountedLoop> adgen::countedLoop(const Stmt &S, std::string *Why) {
  auto no = [&](const std::string &Reason) -> std::optional<CountedLoop> {
    if (Why)
      *Why = Reason;
    return std::nullopt;
  };
  const char *Shape = "a counted loop 'for (int i = first; i < last; ++i)'";
  if (S.K != StmtKind::Loop || S.Loop != LoopKind::For || S.Init.size() != 1 ||
      S.Inc.size() != 1 || !S.Value)
    return no(Shape);
  const Stmt *Init = S.Init[0];
  Var *I = Init->K == StmtKind::Decl                                        ? Init->V
           : Init->K == StmtKind::Assign && Init->Target->K == Op::VarRef ? Init->Target->V
                                                                          : nullptr;
  static const char *Signed[] = {"int", "long", "long long", "std::ptrdiff_t", "ptrdiff_t"};
  if (!I || !Init->Value || I->Ty.isFloating() || I->Ty.isMemory() || I->Ty.IsReference ||
      I->Ty.IsPointer ||
      std::find(std::begin(Signed), std::end(Signed), I->Ty.Spelling) == std::end(Signed))
    return no(Shape);
  const Expr *Cond = S.Value;
  if ((Cond->K != Op::Lt && Cond->K != Op::Le) || Cond->Ops[0]->K != Op::VarRef ||
      Cond->Ops[0]->V != I)
    return no(Shape);
  const Stmt *Inc = S.Inc[0];
  const Expr *Step = Inc->Value;
  if (Inc->K != StmtKind::Assign || Inc->Target->K != Op::VarRef || Inc->Target->V != I ||
      Step->K != Op::Add || Step->Ops[0]->K != Op::VarRef || Step->Ops[0]->V != I ||
      !Step->Ops[1]->isConst(1))
    return no(Shape);

  CountedLoop L;
  L.Counter = I;
  L.First = Init->Value;
  L.Bound = Cond->Ops[1];
  L.Inclusive = Cond->K == Op::Le;
  L.PlainBounds = plain(L.First) && plain(L.Bound);
  auto written = [&](Var *R) {
    if (R && std::find(L.Written.begin(), L.Written.end(), R) == L.Written.end())
      L.Written.push_back(R);
  };
  forEachStmt(S.Body, [&](Stmt *B) {
    if (B->K == StmtKind::Decl)
      L.Declared.insert(B->V);
    if (B->K == StmtKind::Assign || (B->K == StmtKind::Call && B->Target))
      written(rootOf(B->Target));
    if (B->K == StmtKind::Resize)
      written(B->V);
    if (B->K == StmtKind::Call)
      for (size_t A = 0; A < B->Args.size() && A < B->Fn->ParamTypes.size(); ++A)
        if (B->Fn->ParamTypes[A].isWritable())
          written(rootOf(B->Args[A]));
  });
  if (std::find(L.Written.begin(), L.Written.end(), I) != L.Written.end())
    return no("its body changes the counter '" + I->Name + "'");
  // The backward sweep evaluates the bounds again: the body must not change them.
  std::string Changed;
  for (const Expr *E : {L.First, L.Bound})
    forEachExpr(E, [&](const Expr *N) {
      if (N->K == Op::VarRef && Changed.empty() &&
          std::find(L.Written.begin(), L.Written.end(), rootOf(N->V)) != L.Written.end())
        Changed = N->V->Name;
    });
  if (!Changed.empty())
    return no("its body changes the bound '" + Changed + "'");
  return L;
}
