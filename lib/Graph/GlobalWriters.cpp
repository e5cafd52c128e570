//===- Graph/GlobalWriters.cpp - Callees that may change globals ----------===//

#include "Graph/GlobalWriters.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace {

bool floatingGlobal(const VarDecl *V) {
  if (!V || !V->hasGlobalStorage() || V->isConstexpr())
    return false;
  QualType T = V->getType();
  while (const ArrayType *A = T->getAsArrayTypeUnsafe())
    T = A->getElementType();
  return T->isFloatingType() && !T.isConstQualified();
}

/// Finds a floating global named in one function, and the functions it calls.
struct Scan : RecursiveASTVisitor<Scan> {
  bool Found = false;
  std::vector<const FunctionDecl *> Calls;

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (floatingGlobal(dyn_cast<VarDecl>(E->getDecl())))
      Found = true;
    return !Found;
  }
  bool VisitMemberExpr(MemberExpr *E) { // a static data member: S::g
    if (floatingGlobal(dyn_cast<VarDecl>(E->getMemberDecl())))
      Found = true;
    return !Found;
  }
  bool VisitCallExpr(CallExpr *E) {
    if (const FunctionDecl *FD = E->getDirectCallee())
      Calls.push_back(FD);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    Calls.push_back(E->getConstructor());
    return true;
  }
};

} // namespace

bool adgen::mayWriteFloatingGlobals(const FunctionDecl *Def) {
  llvm::SmallPtrSet<const FunctionDecl *, 16> Seen;
  std::vector<const FunctionDecl *> Work{Def};
  while (!Work.empty()) {
    const FunctionDecl *FD = Work.back();
    Work.pop_back();
    const FunctionDecl *D = FD ? FD->getDefinition() : nullptr;
    if (!D || !Seen.insert(D).second || !D->hasBody())
      continue;
    const SourceManager &SM = D->getASTContext().getSourceManager();
    if (SM.isInSystemHeader(D->getLocation()))
      continue;
    Scan S;
    S.TraverseStmt(D->getBody());
    if (S.Found)
      return true;
    Work.insert(Work.end(), S.Calls.begin(), S.Calls.end());
  }
  return false;
}
