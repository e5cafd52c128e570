//===- Graph/PointerReferences.cpp - References to pointers, inlined ------===//
//
// A function that takes a pointer by reference may move the caller's
// pointer:
//
//   void advance(const double *&p, int n) { p += n; }
//   double next(const double *&p) { return *p++; }
//   ... advance(q, 2); s += next(q); ...
//
// The caller's pointer is then a pointer moved within its array
// (PointerOffsets.cpp: its array and an integer offset `q_offset`), and the
// call is inlined where it is written, with the parameter naming the
// caller's array and offset: `p += n` assigns `q_offset`, `*p` reads the
// array at `q_offset`. The transforms see integer assignments and loads of
// memory they already handle, so the derivative reads the same elements.
// (A derivative helper would need a reference to the caller's derivative
// pointer, moved alongside; inlining needs none.)
//
// Refused, with the reason: a callee without a visible body, recursion, an
// argument that is not a pointer variable into a parameter or a local array
// (`advance(v.p)`, `advance(&x)`), and pointing the parameter into another
// array (`p = other;`).
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/Basic/SourceManager.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

namespace {
/// `const double *&`, `double *&`: a reference to a pointer to numbers
/// (not a reference to a const pointer, which only reads it).
bool isPointerReference(clang::QualType T) {
  if (!T->isLValueReferenceType())
    return false;
  clang::QualType P = T->getPointeeType();
  return P->isPointerType() && !P.isConstQualified() &&
         P->getPointeeType()->isArithmeticType();
}
} // namespace

bool adgen::passesPointerReference(const clang::CallExpr *CE, unsigned I) {
  const clang::FunctionDecl *FD = CE->getDirectCallee();
  unsigned First = isa<clang::CXXOperatorCallExpr>(CE) && isa<clang::CXXMethodDecl>(FD) ? 1 : 0;
  return FD && I >= First && I - First < FD->getNumParams() &&
         isPointerReference(FD->getParamDecl(I - First)->getType());
}

const Expr *GraphBuilder::Impl::pointerRefCall(const clang::CallExpr *CE,
                                               const clang::FunctionDecl *FD, bool &Handled) {
  Handled = false;
  if (isa<clang::CXXMemberCallExpr>(CE) || isa<clang::CXXOperatorCallExpr>(CE))
    return nullptr;
  bool Any = false;
  for (const clang::ParmVarDecl *PD : FD->parameters())
    Any |= isPointerReference(PD->getType());
  if (!Any)
    return nullptr;
  Handled = true;
  std::string Name = FD->getNameAsString();
  const clang::FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->getBody() || Ctx.getSourceManager().isInSystemHeader(FD->getLocation()))
    return fail(CE->getBeginLoc(), "call to '" + Name + "', which takes a pointer by "
                                   "reference and so may move the caller's pointer, needs "
                                   "the function's body: adgen inlines such calls");
  if (std::count(ViewCalls.begin(), ViewCalls.end(), Def))
    return fail(CE->getBeginLoc(), "recursive call to '" + Name + "', which takes a pointer "
                                   "by reference, is not supported (adgen inlines such "
                                   "calls); pass the pointer by value and return it");
  ViewCalls.push_back(Def);
  LambdaInfo None;
  std::vector<const clang::Expr *> ArgEs(CE->arg_begin(), CE->arg_end());
  unsigned Before = Diags.errorCount();
  const Expr *R = inlineLambda(None, Name, Def, ArgEs, {}, CE->getBeginLoc(),
                               /*AsFunction=*/true);
  ViewCalls.pop_back();
  if (!R && Diags.errorCount() == Before && !CE->getType()->isVoidType())
    return fail(CE->getBeginLoc(), "this call of '" + Name + "' is not supported");
  if (!R && Diags.errorCount() != Before)
    Diags.note(CE->getBeginLoc(), "while inlining the call to '" + Name + "'");
  return R;
}

bool GraphBuilder::Impl::bindPointerRefParam(const clang::ParmVarDecl *PD, const clang::Expr *A,
                                             bool &Bound) {
  Bound = false;
  if (!isPointerReference(PD->getType()))
    return true;
  const auto *DRE = dyn_cast<clang::DeclRefExpr>(A->IgnoreParenImpCasts());
  auto It = DRE ? OffsetPointers.find(DRE->getDecl()) : OffsetPointers.end();
  if (It == OffsetPointers.end())
    return failStmt(A->getBeginLoc(),
                    "a pointer passed to reference parameter '" + PD->getNameAsString() +
                        "' must be a pointer variable into a parameter or a local array "
                        "(e.g. 'const double *p = a;'), which adgen can move with it");
  OffsetPointer P = It->second;
  P.Home = nullptr; // the caller's pointer: it may not be pointed elsewhere
  OffsetPointers[PD] = P;
  Bound = true;
  return true;
}
