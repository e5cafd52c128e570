//===- Transforms/MathRules.cpp - Local partial derivatives ---------------===//

#include "Transforms/MathRules.h"
#include "Graph/MathTable.h"

using namespace adgen;
using namespace adgen::graph;

std::vector<Partial> adgen::partials(Module &M, const Expr *E) {
  if (!E->Ty.isFloating())
    return {};
  MathBuilder R{M, E->Ty.element()};
  const Expr *A = E->Ops.empty() ? nullptr : E->Ops[0];
  const Expr *B = E->Ops.size() > 1 ? E->Ops[1] : nullptr;
  switch (E->K) {
  case Op::Neg:
    return {{0, R.c(-1)}};
  case Op::Add:
    return {{0, R.c(1)}, {1, R.c(1)}};
  case Op::Sub:
    return {{0, R.c(1)}, {1, R.c(-1)}};
  case Op::Mul:
    if (A == B || (A->K == B->K && A->V && A->V == B->V && A->K == Op::VarRef))
      return {{0, M.mul(R.c(2), A)}}; // x * x
    return {{0, B}, {1, A}};
  case Op::Div:
    return {{0, R.recip(B)}, {1, M.neg(M.div(A, R.sq(B)))}};
  case Op::Cast:
    return {{0, R.c(1)}};
  case Op::Select:
    return {{1, R.indicator(A)}, {2, R.indicator(M.unary(Op::Not, A, R.boolT()))}};
  case Op::Math:
    break;
  default:
    return {};
  }

  // Elementary functions: their table entry (Graph/MathTable.h).
  const MathFunction *F = mathFunction(E->Text);
  if (!F || !F->Partials)
    return {};
  return F->Partials(R, E);
}
