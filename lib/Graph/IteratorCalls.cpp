//===- Graph/IteratorCalls.cpp - Iterators passed to functions -------------===//
//
// A call that passes iterators to a function with a body,
//
//   template <class It> double sum(It b, It e);  sum(v.begin() + 1, v.end())
//   double head(std::vector<double>::const_iterator b);  head(it)
//
// is inlined (as a call passing a view is, Views.cpp): each iterator
// parameter becomes an iterator local (IteratorLocals.cpp) into the
// argument's container, with an offset of its own initialised from the
// argument's (`b_offset = 1`), or, for a parameter taken by non-const
// reference, the caller's iterator itself. So the body's `*b`, `++b`,
// `b != e`, `std::accumulate(b, e, 0.0)` read the caller's container, and
// the transforms see no iterator at all. `std::distance(it, end)` is the
// difference of the offsets, `std::advance(it, n)` moves it_offset.
//
// Refused, naming the construct: such a function without a body, one that
// calls itself, a member function taking iterators, one returning an
// iterator or pointer, and one that also takes a std::vector by non-const
// reference or pointer (it could change the vector's size and invalidate
// the iterators).
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include <algorithm>

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

/// A class iterator of the standard library (`std::vector<double>::iterator`
/// is libstdc++'s `__gnu_cxx::__normal_iterator`).
static bool isIteratorClass(clang::QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier() || !RD->getName().contains("iter"))
    return false;
  const clang::SourceManager &SM = RD->getASTContext().getSourceManager();
  return SM.isInSystemHeader(RD->getLocation());
}

/// `c.begin()`, `std::end(c)`, moved by integers (`v.begin() + 1`).
static bool beginOrEnd(const clang::Expr *E) {
  for (;;) {
    E = bareIterator(E, /*Conversions=*/true);
    const auto *BO = dyn_cast<clang::BinaryOperator>(E);
    const auto *OC = dyn_cast<clang::CXXOperatorCallExpr>(E);
    if (BO && (BO->getOpcode() == clang::BO_Add || BO->getOpcode() == clang::BO_Sub))
      E = BO->getLHS()->getType()->isIntegerType() ? BO->getRHS() : BO->getLHS();
    else if (OC && OC->getNumArgs() == 2 &&
             (OC->getOperator() == clang::OO_Plus || OC->getOperator() == clang::OO_Minus))
      E = OC->getArg(0)->getType()->isIntegerType() ? OC->getArg(1) : OC->getArg(0);
    else
      return rangeContainer(E, true, false) || rangeContainer(E, false, false);
  }
}

/// Argument \p A for a parameter of type \p PT is an iterator.
static bool iteratorArg(clang::QualType PT, const clang::Expr *A,
                        llvm::function_ref<bool(const clang::Expr *)> MentionsLocal) {
  return isIteratorClass(PT) ||
         (!A->getType()->isArithmeticType() && (MentionsLocal(A) || beginOrEnd(A)));
}

/// A std::vector the function could resize: taken by non-const reference or
/// pointer.
static bool writableVector(clang::QualType T) {
  if (!T->isReferenceType() && !T->isPointerType())
    return false;
  clang::QualType P = T->getPointeeType();
  const auto *RD = P->getAsCXXRecordDecl();
  return !P.isConstQualified() && RD && RD->getIdentifier() && RD->getName() == "vector" &&
         RD->getDeclContext()->getRedeclContext()->isStdNamespace();
}

const Expr *GraphBuilder::Impl::iteratorCall(const clang::CallExpr *CE,
                                             const clang::FunctionDecl *FD, bool &Handled) {
  Handled = false;
  std::string Std = stdFunctionName(FD);
  if ((Std == "distance" || Std == "advance") && CE->getNumArgs() == 2 &&
      (mentionsIteratorLocal(CE->getArg(0)) || mentionsIteratorLocal(CE->getArg(1)))) {
    Handled = true; // std::distance(it, end): end_offset - it_offset
    Var *B1 = nullptr, *B2 = nullptr;
    const Expr *O1 = nullptr, *O2 = nullptr;
    if (!iteratorPosition(CE->getArg(0), B1, O1))
      return nullptr;
    if (Std == "distance") {
      if (!iteratorPosition(CE->getArg(1), B2, O2))
        return nullptr;
      if (B1 != B2)
        return fail(CE->getBeginLoc(), "comparing or subtracting iterators into different "
                                       "containers is not supported");
      return O1->isConst(0) ? O2 : M.binary(Op::Sub, O2, O1, offsetType());
    }
    if (O1->K != Op::VarRef) // std::advance(it, n): it_offset += n
      return fail(CE->getBeginLoc(), "only an iterator variable can be advanced");
    const Expr *N = expr(CE->getArg(1));
    if (!N)
      return nullptr;
    emit(M.assign(O1, M.binary(Op::Add, O1, toIndexType(N, offsetType()), offsetType()),
                  loc(CE->getBeginLoc())));
    return nullptr;
  }
  if (!Std.empty() || Ctx.getSourceManager().isInSystemHeader(FD->getLocation()))
    return nullptr; // the library's own: refused elsewhere
  unsigned First = isa<clang::CXXOperatorCallExpr>(CE) && isa<clang::CXXMethodDecl>(FD) ? 1 : 0;
  auto Mentions = [&](const clang::Expr *E) { return mentionsIteratorLocal(E); };
  bool Any = false;
  for (unsigned I = 0; I < FD->getNumParams() && I + First < CE->getNumArgs(); ++I)
    Any |= iteratorArg(FD->getParamDecl(I)->getType(), CE->getArg(I + First), Mentions);
  if (!Any)
    return nullptr;
  Handled = true;
  std::string Name = FD->getNameAsString();
  clang::SourceLocation L = CE->getBeginLoc();
  if (isa<clang::CXXMethodDecl>(FD))
    return fail(L, "passing an iterator to member function '" + Name + "' is not supported; "
                   "pass the container and an index");
  const clang::FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->getBody())
    return fail(L, "call to '" + Name + "', which takes an iterator, needs the function's "
                   "body: adgen inlines such calls");
  if (std::count(IteratorCalls.begin(), IteratorCalls.end(), Def))
    return fail(L, "recursive call to '" + Name + "' with an iterator is not supported; pass "
                   "the container and indices instead");
  clang::QualType RT = Def->getReturnType();
  if (isIteratorClass(RT) || RT->isPointerType() || RT->isReferenceType())
    return fail(L, "'" + Name + "' takes an iterator and returns an iterator, pointer or "
                   "reference, which is not supported; return an index or a value");
  for (const clang::ParmVarDecl *PD : Def->parameters())
    if (writableVector(PD->getType()))
      return fail(L, "'" + Name + "' takes an iterator and std::vector '" +
                         PD->getNameAsString() + "' by non-const reference or pointer, so it "
                         "could change the vector's size and invalidate the iterator; this "
                         "is not supported (pass the container and an index)");
  IteratorCalls.push_back(Def);
  LambdaInfo None;
  std::vector<const clang::Expr *> ArgEs(CE->arg_begin(), CE->arg_end());
  unsigned Before = Diags.errorCount();
  const Expr *R = inlineLambda(None, Name, Def, ArgEs, {}, L);
  IteratorCalls.pop_back();
  if (!R && Diags.errorCount() == Before && !CE->getType()->isVoidType())
    return fail(L, "this call of '" + Name + "' is not supported");
  return R;
}

bool GraphBuilder::Impl::bindIteratorParam(const clang::ParmVarDecl *PD, const clang::Expr *A,
                                           SavedIterators &Saved, bool &Bound) {
  Bound = false;
  clang::QualType PT = PD->getType();
  if (!iteratorArg(PT, A, [&](const clang::Expr *E) { return mentionsIteratorLocal(E); }))
    return true;
  Var *Base = nullptr;
  const Expr *Off = nullptr;
  if (!iteratorPosition(A, Base, Off))
    return false;
  Bound = true;
  auto Old = IteratorLocals.find(PD);
  Saved.push_back({PD, Old != IteratorLocals.end() ? Old->second : OffsetPointer{}});
  if (PT->isLValueReferenceType() && !PT->getPointeeType().isConstQualified()) {
    // `It &b`: the caller's iterator itself, which the body may move.
    const auto *DRE = dyn_cast<clang::DeclRefExpr>(bareIterator(A, false));
    auto It = DRE ? IteratorLocals.find(DRE->getDecl()) : IteratorLocals.end();
    if (It == IteratorLocals.end())
      return failStmt(A->getBeginLoc(), "an iterator passed by non-const reference must be an "
                                        "iterator variable");
    IteratorLocals[PD] = It->second;
    return true;
  }
  IteratorLocals[PD] = {Base, offsetVar(PD, toIndexType(Off, offsetType())), Cur};
  return true;
}

void GraphBuilder::Impl::restoreIterators(SavedIterators &Saved) {
  for (auto It = Saved.rbegin(); It != Saved.rend(); ++It) {
    if (It->second.Base)
      IteratorLocals[It->first] = It->second;
    else
      IteratorLocals.erase(It->first);
  }
  Saved.clear();
}
