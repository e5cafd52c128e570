//===- Graph/LambdaVariables.cpp - Marked variables that hold a lambda ----===//

#include "Graph/LambdaVariables.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

using namespace adgen;

const clang::LambdaExpr *adgen::heldLambda(const clang::VarDecl *VD) {
  if (!VD || !VD->getInit())
    return nullptr;
  const clang::Expr *E = VD->getInit()->IgnoreImplicit();
  if (const auto *C = llvm::dyn_cast<clang::CXXConstructExpr>(E); C && C->getNumArgs() == 1)
    E = C->getArg(0)->IgnoreImplicit();
  return llvm::dyn_cast<clang::LambdaExpr>(E);
}

std::string adgen::lambdaVariableProblem(const clang::VarDecl *VD) {
  const clang::LambdaExpr *LE = heldLambda(VD);
  if (!LE)
    return "which is not a lambda";
  if (VD->getParentFunctionOrMethod())
    return "defined inside a function: the derivatives, which adgen writes at namespace "
           "scope, could not call it; define the lambda at namespace scope (or write it "
           "as a function) and mark that";
  if (!VD->getDeclContext()->isFileContext() || VD->getDescribedVarTemplate() ||
      VD->isTemplated())
    return "that is not a variable at namespace scope: adgen differentiates lambdas held by "
           "namespace-scope variables; define it there, or write it as a function";
  if (LE->capture_size() != 0) {
    const clang::LambdaCapture &C = *LE->capture_begin();
    if (!C.capturesVariable())
      return "that captures 'this': adgen differentiates lambdas that capture nothing";
    std::string N = C.getCapturedVar()->getNameAsString();
    return "that captures '" + N + "': adgen differentiates lambdas that capture nothing; "
           "pass '" + N + "' as a parameter (or use a global)";
  }
  if (LE->getLambdaClass()->isGenericLambda())
    return "that is generic (a parameter of type 'auto'): write the parameters' types";
  return "";
}

const clang::VarDecl *adgen::lambdaVariable(const clang::FunctionDecl *FD) {
  const auto *MD = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(FD);
  if (!MD || !MD->getParent()->isLambda())
    return nullptr;
  const clang::CXXRecordDecl *RD = MD->getParent();
  const clang::DeclContext *DC = RD->getDeclContext();
  if (!DC->isFileContext())
    return nullptr;
  for (const clang::Decl *D : DC->decls())
    if (const auto *VD = llvm::dyn_cast<clang::VarDecl>(D))
      if (const clang::LambdaExpr *LE = heldLambda(VD); LE && LE->getLambdaClass() == RD)
        return lambdaVariableProblem(VD).empty() ? VD : nullptr;
  return nullptr;
}
