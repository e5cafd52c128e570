//===- Graph/ReferenceWrappers.cpp - std::reference_wrapper ---------------===//
//
// `std::reference_wrapper<double> r = a;`, `auto r = std::ref(a);`,
// `auto c = std::cref(a);`: r is another name of a, exactly as `double &r =
// a;` is (BuildStatements.cpp, referenceDecl): the graph has no wrapper,
// `r.get()` and the implicit conversion to `double &` are a itself, and
// generated code reads and writes a. Reseating the wrapper (`r = b`, which
// rebinds it) and any other use of the object as a whole (passing it along,
// copying it into a container) are refused where they appear.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/DeclTemplate.h"

using namespace adgen;
using clang::dyn_cast;

/// std::reference_wrapper<T>: T; a null type otherwise.
static clang::QualType wrappedType(clang::QualType QT) {
  const auto *CT = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
      QT.getNonReferenceType()->getAsCXXRecordDecl());
  if (!CT || !CT->isInStdNamespace() || !CT->getIdentifier() ||
      CT->getName() != "reference_wrapper" || CT->getTemplateArgs().size() != 1)
    return {};
  return CT->getTemplateArgs()[0].getAsType();
}

bool GraphBuilder::Impl::isReferenceWrapperDecl(const clang::VarDecl *VD) {
  return !VD->getType()->isReferenceType() && !wrappedType(VD->getType()).isNull();
}

/// What the wrapper \p E is built from names: `a` of `= a`, `std::ref(a)`,
/// `std::cref(a)`, or another wrapper's target.
const clang::Expr *GraphBuilder::Impl::wrappedObject(const clang::Expr *E) {
  E = stripCopies(E);
  if (const auto *IC = dyn_cast<clang::ImplicitCastExpr>(E);
      IC && IC->getCastKind() == clang::CK_ConstructorConversion)
    E = stripCopies(IC->getSubExpr()); // reference_wrapper<double> r = a;
  if (const auto *CE = dyn_cast<clang::CXXConstructExpr>(E); CE && CE->getNumArgs() == 1)
    return CE->getArg(0); // reference_wrapper(T &)
  if (const auto *Call = dyn_cast<clang::CallExpr>(E))
    if (const auto *FD = Call->getDirectCallee();
        FD && FD->isInStdNamespace() && FD->getIdentifier() &&
        (FD->getName() == "ref" || FD->getName() == "cref") && Call->getNumArgs() == 1) {
      const clang::Expr *A = Call->getArg(0);
      if (!wrappedType(A->getType()).isNull()) // std::ref(r) of a wrapper r
        return wrappedObject(A);
      return A;
    }
  if (const auto *DRE = dyn_cast<clang::DeclRefExpr>(E->IgnoreParenImpCasts()))
    if (!wrappedType(DRE->getType()).isNull())
      return DRE; // another wrapper: its alias (declRef)
  return nullptr;
}

bool GraphBuilder::Impl::referenceWrapperDecl(const clang::VarDecl *VD) {
  clang::SourceLocation L = VD->getLocation();
  clang::QualType T = wrappedType(VD->getType());
  const clang::Expr *Obj = VD->getInit() ? wrappedObject(VD->getInit()) : nullptr;
  if (!Obj)
    return failStmt(L, "std::reference_wrapper '" + VD->getNameAsString() +
                           "' must be initialised with the variable it refers to ('= a', "
                           "'std::ref(a)', 'std::cref(a)')");
  graph::Type GT;
  if (!typeOf(T, L, GT, "the variable std::reference_wrapper '" + VD->getNameAsString() +
                            "' refers to"))
    return false;
  const Expr *Target = T.isConstQualified() ? expr(Obj) : lvalue(Obj);
  if (!Target)
    return false;
  if (Target->K != Op::VarRef && Target->K != Op::Load)
    return failStmt(Obj->getBeginLoc(), "std::reference_wrapper '" + VD->getNameAsString() +
                                            "' must refer to a variable or an element");
  Aliases[VD] = freezeIndices(Target, VD->getName(), L);
  return true;
}

const Expr *GraphBuilder::Impl::referenceWrapperMethod(const clang::CallExpr *CE,
                                                       const clang::CXXMethodDecl *MD,
                                                       const clang::Expr *ObjectE,
                                                       bool &Handled) {
  // `*p` of a smart pointer to one number: the number (SmartPointers.cpp).
  if (const auto *DRE = dyn_cast<clang::DeclRefExpr>(ObjectE->IgnoreParenImpCasts());
      DRE && ScalarPointers.count(DRE->getDecl())) {
    Handled = true;
    if (MD->getOverloadedOperator() == clang::OO_Star)
      return ScalarPointers.lookup(DRE->getDecl());
    std::string P = DRE->getDecl()->getNameAsString();
    return fail(CE->getBeginLoc(), "'" + MD->getNameAsString() + "' of smart pointer '" + P +
                                       "' is not supported: adgen supports a smart pointer "
                                       "to one number only as '*" + P + "'");
  }
  Handled = !wrappedType(ObjectE->getType()).isNull();
  if (!Handled)
    return nullptr;
  if (MD->getName() == "get" || llvm::isa<clang::CXXConversionDecl>(MD))
    return expr(ObjectE); // the alias
  return fail(CE->getBeginLoc(), "'std::reference_wrapper::" + MD->getNameAsString() +
                                     "' is not supported: adgen supports a "
                                     "std::reference_wrapper that is never reseated, "
                                     "used through get() or as the variable it refers to");
}
