//===- Graph/NewScalars.cpp - p = new double(x), t = new T{x} -------------===//
//
// `double *p = new double(x);` (also `new double{x}`, `new double()`, `new
// double`) and `T *t = new T{x};` / `new T(args)` of a struct: one object
// allocated as scratch. It is a local variable named after the pointer,
// which `*p`, `p[0]` and `t->x` name, as for `double *p = &x;`
// (ScalarPointers.cpp); `delete p` ends nothing, since the local lives until
// the function returns. Any other use of p (reseating it, passing it along,
// `delete[] p`) is refused where it appears.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;

namespace {
const clang::CXXNewExpr *newOfOne(const clang::VarDecl *VD) {
  const clang::Expr *Init = VD->getInit();
  if (!VD->getType()->isPointerType() || !Init)
    return nullptr;
  const auto *NE = dyn_cast<clang::CXXNewExpr>(Init->IgnoreParenImpCasts());
  if (!NE || NE->isArray())
    return nullptr;
  return NE;
}
} // namespace

bool GraphBuilder::Impl::isNewScalarDecl(const clang::VarDecl *VD) {
  return newOfOne(VD) != nullptr;
}

bool GraphBuilder::Impl::newScalarDecl(const clang::VarDecl *VD) {
  const clang::CXXNewExpr *NE = newOfOne(VD);
  clang::SourceLocation L = VD->getLocation();
  std::string Name = VD->getNameAsString();
  if (NE->getNumPlacementArgs())
    return failStmt(NE->getBeginLoc(), "placement 'new' is not supported");
  Type T;
  if (!typeOf(NE->getAllocatedType(), NE->getBeginLoc(), T,
              "the object 'new' makes for '" + Name + "'"))
    return false;
  if (T.IsPointer || T.ArraySize || T.isContainer() || (!T.Rec && T.Opaque))
    return failStmt(NE->getBeginLoc(), "'new' of one object is supported for a number or a "
                                       "struct of numbers");
  T.IsConst = T.IsReference = false;
  Var *V = newVar(Name, T, VarKind::Local, L);
  const clang::Expr *Init = NE->getInitializer();
  if (T.Rec) {
    emit(M.decl(V, nullptr, loc(L)));
    if (Init && !initInto(M.ref(V), T, Init))
      return false;
  } else {
    if (const auto *PL = Init ? dyn_cast<clang::ParenListExpr>(Init) : nullptr)
      Init = PL->getNumExprs() == 1 ? PL->getExpr(0) : nullptr;
    if (const auto *IL = Init ? dyn_cast<clang::InitListExpr>(Init) : nullptr)
      Init = IL->getNumInits() == 1 ? IL->getInit(0) : nullptr; // new double{x}, {}
    const Expr *Val = nullptr;
    if (Init && !clang::isa<clang::ImplicitValueInitExpr>(Init)) {
      Val = expr(Init);
      if (!Val)
        return false;
      if (Val->Ty.Scalar != T.Scalar)
        Val = M.cast(Val, T);
    } else {
      // new double() and new double{} are zero; new double is indeterminate in
      // C++: zero is one of its values.
      Val = T.isFloating() ? M.floatConst(0, T) : M.constant("0", T);
    }
    emit(M.decl(V, Val, loc(L)));
  }
  ScalarPointers[VD] = M.ref(V);
  NewScalars.insert(VD);
  return true;
}

bool GraphBuilder::Impl::deleteNewScalar(const clang::CXXDeleteExpr *DE, bool &Handled) {
  const auto *DRE = dyn_cast<clang::DeclRefExpr>(DE->getArgument()->IgnoreParenImpCasts());
  Handled = DRE && NewScalars.count(DRE->getDecl());
  if (!Handled)
    return false;
  if (DE->isArrayForm())
    return failStmt(DE->getBeginLoc(), "'" + DRE->getDecl()->getNameAsString() +
                                           "' was made by 'new' of one object: 'delete[]' "
                                           "of it is undefined; use 'delete'");
  return true; // the local lives until the function returns
}
