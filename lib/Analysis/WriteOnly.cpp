//===- Analysis/WriteOnly.cpp - Parameters a function only writes ---------===//
#include "Analysis/WriteOnly.h"

using namespace adgen;
using namespace adgen::graph;

namespace {

bool mentions(const Expr *E, const Var *P) {
  bool Found = false;
  if (E)
    forEachExpr(E, [&](const Expr *N) {
      if ((N->K == Op::VarRef || N->K == Op::Deref || N->K == Op::AddrOf) && N->V == P)
        Found = true;
    });
  return Found;
}

/// A store target into \p P: p[e] or (p + e)[e'], whose indices do not
/// mention P.
bool storesInto(const Expr *T, const Var *P) {
  if (!T || T->K != Op::Load || mentions(T->Ops[1], P))
    return false;
  const Expr *Base = T->Ops[0];
  while (Base->K == Op::PtrAdd) {
    if (mentions(Base->Ops[1], P))
      return false;
    Base = Base->Ops[0];
  }
  return Base->K == Op::VarRef && Base->V == P;
}

} // namespace

std::vector<bool> adgen::writeOnlyParams(const Function &F) {
  std::vector<bool> W(F.Params.size(), false);
  for (size_t I = 0; I < F.Params.size(); ++I) {
    const Type &T = F.Params[I]->Ty;
    W[I] = T.IsPointer && !T.PointeeConst && !T.IsReference && !T.Rec && !T.isContainer() &&
           T.isFloating();
  }
  bool Parallel = false;
  forEachStmt(F.Body, [&](Stmt *S) {
    Parallel |= S->Omp != nullptr;
    for (size_t I = 0; I < F.Params.size(); ++I) {
      if (!W[I])
        continue;
      const Var *P = F.Params[I];
      bool Read = mentions(S->Value, P) || mentions(S->Snapshots, P);
      for (const Expr *A : S->Args)
        Read |= mentions(A, P);
      if (S->Target && mentions(S->Target, P) && !storesInto(S->Target, P))
        Read = true; // p = q, *p = v (read through), p[p[0]] = v, ...
      if (S->K == StmtKind::Decl && S->V && S->V->Root == P)
        Read = true; // an alias
      if (Read)
        W[I] = false;
    }
  });
  if (Parallel)
    W.assign(W.size(), false);
  return W;
}
