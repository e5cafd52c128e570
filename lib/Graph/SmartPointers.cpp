//===- Graph/SmartPointers.cpp - One number behind a smart pointer --------===//
//
// A std::shared_ptr<double> or std::unique_ptr<double> that the function
// makes for one number (`std::make_shared<double>(x)`, `std::make_unique<
// double>(x)`, `std::unique_ptr<double> p(new double(x))`) and uses through
// `*p` holds a local scalar: the graph builder declares one, named p, and
// `*p` reads and writes it (ScalarPointers.cpp); a copy of p (`auto q = p;`)
// or the pointer it was moved from names the same scalar. Everything else
// about the pointer (get(), reset(), comparing it, passing it along) is
// refused where it appears, as for `double *p = &x;`.
//
//===----------------------------------------------------------------------===//

#include "Graph/SmartPointers.h"
#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace adgen;
using clang::dyn_cast;

bool adgen::smartScalarOf(clang::QualType QT, clang::QualType &Elem) {
  const auto *CT = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
      QT.getNonReferenceType()->getAsCXXRecordDecl());
  if (!CT || !CT->isInStdNamespace() || !CT->getIdentifier() ||
      (CT->getName() != "shared_ptr" && CT->getName() != "unique_ptr"))
    return false;
  const clang::TemplateArgumentList &Args = CT->getTemplateArgs();
  if (Args.size() < 1 || Args[0].getKind() != clang::TemplateArgument::Type)
    return false;
  Elem = Args[0].getAsType();
  if (!Elem->isArithmeticType())
    return false;
  if (CT->getName() == "unique_ptr" && Args.size() == 2) { // std::default_delete<T> only
    const auto *D = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
        Args[1].getAsType()->getAsCXXRecordDecl());
    if (!D || !D->getIdentifier() || D->getName() != "default_delete")
      return false;
  }
  return true;
}

bool adgen::smartScalarInit(const clang::Expr *Init, const clang::Expr *&Value,
                            const clang::DeclRefExpr *&Copy) {
  Value = nullptr;
  Copy = nullptr;
  if (!Init)
    return false;
  const clang::Expr *E = stripCopies(Init);
  if (const auto *IC = dyn_cast<clang::ImplicitCastExpr>(E))
    E = stripCopies(IC->getSubExpr()); // unique_ptr -> shared_ptr, derived to base
  if (const auto *DRE = dyn_cast<clang::DeclRefExpr>(E)) {
    Copy = DRE;
    return true;
  }
  if (const auto *CE = dyn_cast<clang::CallExpr>(E)) {
    const clang::FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || !FD->isInStdNamespace() || !FD->getIdentifier())
      return false;
    if (FD->getName() == "move" && CE->getNumArgs() == 1)
      return smartScalarInit(CE->getArg(0), Value, Copy);
    if ((FD->getName() != "make_shared" && FD->getName() != "make_unique") ||
        CE->getNumArgs() > 1)
      return false;
    if (CE->getNumArgs() == 1)
      Value = CE->getArg(0);
    return true;
  }
  if (const auto *CE = dyn_cast<clang::CXXConstructExpr>(E); CE && CE->getNumArgs() == 1) {
    const auto *New = dyn_cast<clang::CXXNewExpr>(CE->getArg(0)->IgnoreParenImpCasts());
    if (!New || New->isArray() || New->getNumPlacementArgs() ||
        !New->hasInitializer())
      return false; // `new double` has no value to start from
    const clang::Expr *I = New->getInitializer();
    if (const auto *PL = dyn_cast<clang::ParenListExpr>(I))
      I = PL->getNumExprs() == 1 ? PL->getExpr(0) : nullptr;
    else if (const auto *IL = dyn_cast<clang::InitListExpr>(I))
      I = IL->getNumInits() == 1 ? IL->getInit(0) : IL->getNumInits() == 0 ? nullptr : I;
    else if (llvm::isa<clang::ImplicitValueInitExpr>(I))
      I = nullptr; // new double(): zero
    Value = I;
    return true;
  }
  return false;
}
