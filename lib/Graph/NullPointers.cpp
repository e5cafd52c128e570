//===- Graph/NullPointers.cpp - nullptr arguments, pointers as conditions -===//
//
// The optional output parameter:
//
//   double g(double x, double *grad = nullptr) {
//     if (grad) *grad = 2 * x;
//     return x * x;
//   }
//   ... g(x) ... g(x, nullptr) ... g(x, &d) ...
//
// `nullptr` (also NULL, 0, a default argument) passed to a pointer
// parameter of a called function is the constant `nullptr` in the graph.
// It names no variable, so the call's pattern of active arguments makes
// that parameter inactive: the helper the call uses takes no derivative
// pointer for it, and no derivative pointer is ever null.
//
// A pointer used as a condition (`if (p)`, `!p`, `p ? *p : 0.0`, `while
// (p)`) or compared with a null pointer constant (`p != nullptr`, `p ==
// NULL`) is a bool computed from the pointer's value, `p != nullptr`: the
// pointer is a parameter or a local that generated code has too, so the
// derivative code tests the same value and takes the same branch. A pointer
// that points into a local array, a vector or a scratch buffer, or at one
// variable (`double *p = &x;`, `new double`), is never null: the test is a
// constant. `p ? *p : 0.0` becomes an `if`, so that neither the function nor
// its derivative reads through a null pointer (a `?:` of numbers is
// otherwise a select, whose adjoint code updates both operands).
//
// Null pointers anywhere else (a pointer local set to nullptr, returned,
// stored) are refused where they appear.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;

namespace {
/// \p E is a null pointer constant of pointer type (`nullptr`, `NULL`, `0`
/// converted to a pointer), also as a default argument.
bool isNullPointer(const clang::Expr *E, clang::ASTContext &Ctx) {
  if (const auto *DA = dyn_cast<clang::CXXDefaultArgExpr>(E->IgnoreParens()))
    E = DA->getExpr();
  if (!E->getType()->isPointerType() && !E->getType()->isNullPtrType())
    return false;
  return E->IgnoreParenImpCasts()->isNullPointerConstant(
             Ctx, clang::Expr::NPC_ValueDependentIsNotNull) != clang::Expr::NPCK_NotNull;
}

/// `p != nullptr`, `nullptr == p`: the side that is not null, or null.
const clang::Expr *comparedWithNull(const clang::BinaryOperator *BO, clang::ASTContext &Ctx) {
  if (BO->getOpcode() != clang::BO_EQ && BO->getOpcode() != clang::BO_NE)
    return nullptr;
  const clang::Expr *L = BO->getLHS(), *R = BO->getRHS();
  if (!L->getType()->isPointerType() && !R->getType()->isPointerType())
    return nullptr;
  if (isNullPointer(R, Ctx) && !isNullPointer(L, Ctx))
    return L;
  if (isNullPointer(L, Ctx) && !isNullPointer(R, Ctx))
    return R;
  return nullptr;
}

const clang::CastExpr *pointerToBoolean(const clang::Expr *E) {
  const auto *CE = dyn_cast<clang::ImplicitCastExpr>(E->IgnoreParens());
  return CE && CE->getCastKind() == clang::CK_PointerToBoolean ? CE : nullptr;
}
} // namespace

bool adgen::testsPointer(const clang::Expr *E, clang::ASTContext &Ctx) {
  E = E->IgnoreParens();
  if (pointerToBoolean(E))
    return true;
  if (const auto *UO = dyn_cast<clang::UnaryOperator>(E))
    return UO->getOpcode() == clang::UO_LNot && testsPointer(UO->getSubExpr(), Ctx);
  if (const auto *IC = dyn_cast<clang::ImplicitCastExpr>(E))
    return testsPointer(IC->getSubExpr(), Ctx); // bool -> int
  const auto *BO = dyn_cast<clang::BinaryOperator>(E);
  if (!BO)
    return false;
  if (BO->isLogicalOp())
    return testsPointer(BO->getLHS(), Ctx) || testsPointer(BO->getRHS(), Ctx);
  return comparedWithNull(BO, Ctx) != nullptr;
}

const Expr *GraphBuilder::Impl::nullArgument(const clang::Expr *A, const Type &PT) {
  if (!PT.IsPointer || PT.IsReference || !isNullPointer(A, Ctx))
    return nullptr;
  Type T = PT;
  T.IsConst = false;
  return M.constant("nullptr", T);
}

const Expr *GraphBuilder::Impl::pointerTest(const clang::Expr *Ptr, bool IsNull,
                                            clang::SourceLocation L) {
  const Expr *Known = M.boolConst(!IsNull); // a pointer that is never null
  const auto *DRE = dyn_cast<clang::DeclRefExpr>(Ptr->IgnoreParenImpCasts());
  if (DRE && ScalarPointers.count(DRE->getDecl()))
    return Known; // &x, new double(x)
  if (Var *F = viewFieldVar(Ptr); F && ScalarFields.count(F))
    return Known; // a view's field holding &x
  const Expr *P = expr(Ptr);
  if (!P)
    return nullptr;
  while (P->K == Op::PtrAdd) // a moved pointer, base + offset: null if its base is
    P = P->Ops[0];
  if (P->K != Op::VarRef || !P->V->Ty.isMemory())
    return fail(L, "testing this pointer for null is not supported; adgen tests pointer "
                   "parameters and pointer locals ('if (p)', 'p != nullptr')");
  if (!P->V->Ty.IsPointer)
    return Known; // a local array, vector or struct itself
  Type PT = P->V->Ty;
  PT.IsConst = false;
  return M.binary(IsNull ? Op::Eq : Op::Ne, P, M.constant("nullptr", PT),
                  Type::scalar(ScalarKind::Bool, "bool"));
}

const Expr *GraphBuilder::Impl::nullComparison(const clang::BinaryOperator *BO, bool &Handled) {
  const clang::Expr *Ptr = comparedWithNull(BO, Ctx);
  Handled = Ptr != nullptr;
  if (!Ptr)
    return nullptr;
  return pointerTest(Ptr, BO->getOpcode() == clang::BO_EQ, BO->getOperatorLoc());
}
