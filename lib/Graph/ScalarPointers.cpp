//===- Graph/ScalarPointers.cpp - double *p = &x of a scalar ---------------===//
//
// `double *p = &x;` and `const double *p = &x;`, x a scalar local or
// parameter (or a local reference): p is another name of x, as a reference
// would be. `*p` and `p[0]` read and write x; the graph has no pointer for
// it. What would need p to be a pointer is refused where it appears: any
// other use of p (`p + 1`, `p[i]`, `p = &y`, `++p`, passing p along),
// since adgen could not prove which variable it reaches.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "Graph/SmartPointers.h"

using namespace adgen;
using clang::dyn_cast;

/// The scalar \p E takes the address of (`&x`), as an lvalue; null if it
/// is not such an expression.
const Expr *GraphBuilder::Impl::addressedScalar(const clang::Expr *E) {
  const auto *UO = dyn_cast<clang::UnaryOperator>(E->IgnoreParenImpCasts());
  if (!UO || UO->getOpcode() != clang::UO_AddrOf)
    return nullptr;
  const auto *DRE = dyn_cast<clang::DeclRefExpr>(UO->getSubExpr()->IgnoreParens());
  if (!DRE || !DRE->getType()->isArithmeticType())
    return nullptr;
  const clang::ValueDecl *D = DRE->getDecl();
  if (Var *V = Vars.lookup(D))
    return V->Kind != VarKind::Global && !V->Ty.isMemory() ? M.ref(V) : nullptr;
  if (const Expr *A = Aliases.lookup(D); A && (A->K == Op::VarRef || A->K == Op::Load))
    return A; // double &r = ...; double *p = &r;
  return nullptr;
}

/// The initialiser of pointer \p VD, `a` also for `double *p{a};`.
const clang::Expr *GraphBuilder::Impl::pointerInit(const clang::VarDecl *VD) {
  const clang::Expr *Init = VD->getInit();
  if (const auto *IL = Init ? dyn_cast<clang::InitListExpr>(Init->IgnoreImplicit()) : nullptr)
    return IL->getNumInits() == 1 ? IL->getInit(0) : Init;
  return Init;
}

bool GraphBuilder::Impl::isScalarPointerDecl(const clang::VarDecl *VD) {
  clang::QualType Elem;
  if (!VD->getType()->isReferenceType() && smartScalarOf(VD->getType(), Elem))
    return true; // std::make_shared<double>(x) (SmartPointers.cpp)
  return VD->getType()->isPointerType() && pointerInit(VD) && addressedScalar(pointerInit(VD));
}

bool GraphBuilder::Impl::scalarPointerDecl(const clang::VarDecl *VD) {
  clang::SourceLocation L = VD->getLocation();
  clang::QualType Elem;
  if (VD->getType()->isPointerType() || !smartScalarOf(VD->getType(), Elem)) {
    ScalarPointers[VD] = addressedScalar(pointerInit(VD));
    return true;
  }
  // One number behind a smart pointer: a local scalar named after it.
  const clang::Expr *Init = nullptr;
  const clang::DeclRefExpr *Copy = nullptr;
  if (!smartScalarInit(VD->getInit(), Init, Copy))
    return failStmt(L, "smart pointer '" + VD->getNameAsString() + "' must be made for one "
                       "number with its value ('std::make_shared<double>(x)', "
                       "'std::make_unique<double>(x)', 'std::unique_ptr<double> p(new "
                       "double(x))') or copied from another such pointer");
  if (Copy) {
    const Expr *Target = ScalarPointers.lookup(Copy->getDecl());
    if (!Target)
      return scalarPointerUse(Copy) != nullptr;
    ScalarPointers[VD] = Target;
    return true;
  }
  Type T;
  if (!typeOf(Elem, L, T, "the number smart pointer '" + VD->getNameAsString() + "' holds"))
    return false;
  T.IsConst = false;
  const Expr *Val = Init ? expr(Init) : (T.isFloating() ? M.floatConst(0, T) : M.constant("0", T));
  if (!Val)
    return false;
  if (Val->Ty.Scalar != T.Scalar)
    Val = M.cast(Val, T);
  Var *V = newVar(VD->getName(), T, VarKind::Local, L);
  emit(M.decl(V, Val, loc(L)));
  ScalarPointers[VD] = M.ref(V);
  return true;
}

const Expr *GraphBuilder::Impl::scalarPointee(const clang::Expr *Ptr, const clang::Expr *Index,
                                              bool &Handled) {
  const auto *DRE = dyn_cast<clang::DeclRefExpr>(Ptr->IgnoreParenImpCasts());
  const Expr *Target = DRE ? ScalarPointers.lookup(DRE->getDecl()) : nullptr;
  std::string Name = DRE ? DRE->getDecl()->getNameAsString() : "";
  if (!DRE) // v.p of a view holding &x (Views.cpp)
    if (Var *F = viewFieldVar(Ptr); F && (Target = ScalarFields.lookup(F)))
      Name = dyn_cast<clang::MemberExpr>(Ptr->IgnoreParenImpCasts())->getMemberDecl()
                 ->getNameAsString();
  Handled = Target != nullptr;
  if (!Handled)
    return nullptr;
  clang::Expr::EvalResult R;
  if (Index && (!Index->EvaluateAsInt(R, Ctx) || R.Val.getInt() != 0))
    return fail(Index->getBeginLoc(), "'" + Name + "' points to one variable: only '" + Name +
                                          "[0]' is that variable");
  return Target;
}

const Expr *GraphBuilder::Impl::scalarPointerUse(const clang::DeclRefExpr *DRE) {
  std::string P = DRE->getDecl()->getNameAsString();
  return fail(DRE->getLocation(), "'" + P + "' holds the address of a variable: adgen "
                                  "supports it only as '*" + P + "' and '" + P + "[0]' "
                                  "(not reseated, moved, compared or passed along)");
}
