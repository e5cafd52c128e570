//===- Graph/Inactive.cpp - Values that carry no derivative ---------------===//
//
// A parameter whose type holds no floating-point number anywhere (a
// `const std::string &label`, an allocator, a class of integers) can carry no
// derivative, so adgen need not understand it: it is passed along unchanged,
// as an opaque value of its own type (Type::Opaque), to the generated
// functions and to the calls that take it. Using it inside the differentiated
// code for more than that (`label.size()`) still needs adgen to understand
// the operation, and is refused where it appears if it does not; a const
// member function that returns an integer (`label.size()`, `label.empty()`)
// it understands: its value carries no derivative, and generated code calls
// it on the parameter as f does.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace adgen;

/// True if no value of \p QT can hold a floating-point number: no floating
/// field, element, pointee or template type argument, at any depth.
static bool holdsNoNumbers(clang::QualType QT, const clang::ASTContext &Ctx,
                           llvm::SmallPtrSetImpl<const clang::RecordDecl *> &Seen) {
  QT = QT.getCanonicalType();
  if (QT->isReferenceType() || QT->isPointerType())
    return holdsNoNumbers(QT->getPointeeType(), Ctx, Seen);
  if (const auto *AT = Ctx.getAsArrayType(QT))
    return holdsNoNumbers(AT->getElementType(), Ctx, Seen);
  if (QT->isRealFloatingType() || QT->isAnyComplexType() || QT->isVectorType())
    return false;
  if (QT->isIntegralOrEnumerationType() || QT->isVoidType() || QT->isNullPtrType())
    return true;
  const auto *RD = QT->getAsCXXRecordDecl();
  if (!RD)
    return false; // functions, member pointers, ...: not known to be inert
  if (!Seen.insert(RD).second)
    return true; // being looked at further up
  const clang::CXXRecordDecl *Def = RD->getDefinition();
  // A lambda is code that would be called, not a value passed along.
  if (!Def || Def->isPolymorphic() || Def->isLambda())
    return false;
  for (const clang::CXXBaseSpecifier &B : Def->bases())
    if (!holdsNoNumbers(B.getType(), Ctx, Seen))
      return false;
  for (const clang::FieldDecl *F : Def->fields())
    if (!holdsNoNumbers(F->getType(), Ctx, Seen))
      return false;
  if (const auto *CT = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(Def))
    for (const clang::TemplateArgument &A : CT->getTemplateArgs().asArray())
      if (A.getKind() == clang::TemplateArgument::Type && !holdsNoNumbers(A.getAsType(), Ctx, Seen))
        return false;
  return true;
}

bool adgen::mapInactiveParam(clang::QualType QT, const clang::ASTContext &Ctx,
                             graph::Type &Out) {
  // By value or by const reference: a function that may change it (a
  // `std::string &` output) would be an effect adgen cannot reproduce.
  if (QT->isRValueReferenceType())
    return false;
  clang::QualType V = QT.getNonReferenceType();
  if (QT->isLValueReferenceType() && !V.isConstQualified())
    return false;
  if (!V->isRecordType())
    return false;
  llvm::SmallPtrSet<const clang::RecordDecl *, 8> Seen;
  if (!holdsNoNumbers(V, Ctx, Seen))
    return false;
  Out = graph::Type::scalar(graph::ScalarKind::Int,
                            V.getUnqualifiedType().getAsString(printingPolicy(Ctx)));
  Out.Opaque = true;
  Out.IsReference = QT->isLValueReferenceType();
  Out.IsConst = V.isConstQualified();
  return true;
}

const Expr *GraphBuilder::Impl::inactiveMethod(const clang::CallExpr *CE,
                                               const clang::CXXMethodDecl *MD,
                                               const clang::Expr *ObjectE, bool &Handled) {
  const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(ObjectE->IgnoreParenImpCasts());
  Var *V = DRE ? Vars.lookup(DRE->getDecl()) : nullptr;
  Handled = V && V->Ty.Opaque;
  if (!Handled)
    return nullptr;
  // al.deallocate(p, n) of a scratch buffer p = al.allocate(n): its storage
  // lives until the function returns (ScratchBuffers.cpp), like delete[].
  bool Allocator = llvm::StringRef(V->Ty.Spelling).starts_with("std::allocator<");
  if (Allocator && MD->getName() == "deallocate" && CE->getNumArgs() >= 1)
    if (const auto *P = llvm::dyn_cast<clang::DeclRefExpr>(CE->getArg(0)->IgnoreParenImpCasts()))
      if (Var *PV = Vars.lookup(P->getDecl()); PV && ScratchBuffers.count(PV))
        return M.intConst(0); // a statement that does nothing here (its value unused)
  if (Allocator && MD->getName() == "allocate")
    return fail(CE->getBeginLoc(), "'allocate' of std::allocator '" + V->Name +
                                       "' is supported only as the initialiser of a pointer "
                                       "local ('double *p = " + V->Name + ".allocate(n);')");
  clang::QualType RT = MD->getReturnType();
  auto refuse = [&]() {
    return fail(CE->getBeginLoc(), "'" + MD->getQualifiedNameAsString() + "' of '" + V->Name +
                                       "' is not supported in differentiated code (of a value "
                                       "that holds no number, adgen calls const member "
                                       "functions that return an integer, such as 'size()')");
  };
  if (!MD->isConst() || MD->isStatic() || RT->isReferenceType() ||
      !RT->isIntegralOrEnumerationType())
    return refuse();
  graph::Expr Call;
  Call.K = Op::Call;
  Call.V = V;
  Call.Text = MD->getNameAsString();
  // `pred(i)` of a function object: its first argument is the object.
  unsigned First = llvm::isa<clang::CXXOperatorCallExpr>(CE) ? 1 : 0;
  for (const clang::Expr *A : llvm::drop_begin(CE->arguments(), First)) {
    if (llvm::isa<clang::CXXDefaultArgExpr>(A))
      break; // the defaults, as f's call gets them
    if (!A->getType()->isIntegralOrEnumerationType())
      return refuse();
    const Expr *GA = expr(A);
    if (!GA)
      return nullptr;
    Call.Ops.push_back(GA);
  }
  if (!typeOf(CE->getType(), CE->getBeginLoc(), Call.Ty, "the result of this call"))
    return nullptr;
  return M.make(std::move(Call));
}
