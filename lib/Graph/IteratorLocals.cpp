//===- Graph/IteratorLocals.cpp - Iterators kept in local variables -------===//
//
// An iterator local into a std::vector, std::array or array the function
// tracks (`auto it = v.begin()`, `std::vector<double>::const_iterator it =
// v.cbegin()`, `auto end = std::end(a)`, `auto it = v.begin() + k`) is kept
// as that container and an integer local, `it_offset`, the element it is at,
// as a moved pointer is (PointerOffsets.cpp). `*it`, `it[k]`, `*(it + k)`
// read the container at it_offset (+ k); `++it`, `it++`, `--it`, `it += k`,
// `it -= k`, `it = v.begin()` assign it_offset; `auto jt = it + 1` is a
// second iterator; `it != end`, `it < end`,
// `end - it` compare and subtract offsets, on class iterators and on
// pointers alike; `std::next(it, n)` and `std::prev(it, n)` are moved
// positions, `std::distance(it, end)` and `std::advance(it, n)` are in
// IteratorCalls.cpp. Over structs, `it->x` and `(*it).x` are fields of the
// element at it_offset, `it->f()` a member function called on it.
//
// Refused, naming the construct: an iterator into a container whose size
// changes after the iterator is declared (push_back, resize, ...: the
// iterator would be invalidated), comparing or assigning iterators into
// different containers, and any other use of the iterator (storing it,
// passing it to a function without a body), which would need its value as
// an iterator. Passed to a function with a body, the call is inlined
// (IteratorCalls.cpp).
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

namespace {
/// An iterator expression without parentheses, copies and conversions
/// (iterator -> const_iterator).
const clang::Expr *bareIter(const clang::Expr *E) {
  return bareIterator(E, /*Conversions=*/true);
}

/// `c.begin()`, `std::begin(c)`, ... (\p Begin) or the end forms: c.
const clang::Expr *beginEnd(const clang::Expr *E, bool Begin) {
  return rangeContainer(E, Begin, /*Data=*/false);
}

/// The operator \p E applies and its operands, built in or overloaded.
bool operands(const clang::Expr *E, clang::OverloadedOperatorKind &K,
              llvm::SmallVectorImpl<const clang::Expr *> &Args) {
  if (const auto *OC = dyn_cast<clang::CXXOperatorCallExpr>(E)) {
    K = OC->getOperator();
    for (const clang::Expr *A : OC->arguments())
      Args.push_back(A);
    return true;
  }
  if (const auto *UO = dyn_cast<clang::UnaryOperator>(E)) {
    K = clang::UnaryOperator::getOverloadedOperator(UO->getOpcode());
    Args.push_back(UO->getSubExpr());
    if (UO->isPostfix())
      Args.push_back(nullptr);
    return true;
  }
  if (const auto *BO = dyn_cast<clang::BinaryOperator>(E)) {
    K = clang::BinaryOperator::getOverloadedOperator(BO->getOpcode());
    Args.append({BO->getLHS(), BO->getRHS()});
    return true;
  }
  if (const auto *AS = dyn_cast<clang::ArraySubscriptExpr>(E)) {
    K = clang::OO_Subscript;
    Args.append({AS->getBase(), AS->getIdx()});
    return true;
  }
  return false;
}

/// `std::next(it[, n])` or `std::prev(it[, n])` (\p Minus): the call.
const clang::CallExpr *stepCall(const clang::Expr *E, bool &Minus) {
  const auto *CE = dyn_cast<clang::CallExpr>(E);
  std::string N = CE ? stdFunctionName(CE->getDirectCallee()) : "";
  if ((N != "next" && N != "prev") || CE->getNumArgs() < 1 || CE->getNumArgs() > 2)
    return nullptr;
  Minus = N == "prev";
  return CE;
}

bool sizeChanging(llvm::StringRef N) {
  return llvm::is_contained({"push_back", "emplace_back", "pop_back", "resize", "insert",
                             "emplace", "erase", "clear", "assign", "reserve",
                             "shrink_to_fit", "swap"},
                            N);
}

/// A call in \p S after \p After that may change the size of variable \p C.
const clang::CallExpr *resizes(const clang::Stmt *S, const clang::Decl *C,
                                        clang::SourceLocation After,
                                        const clang::SourceManager &SM) {
  if (!S)
    return nullptr;
  if (const auto *MC = dyn_cast<clang::CXXMemberCallExpr>(S)) {
    const auto *DRE =
        dyn_cast<clang::DeclRefExpr>(MC->getImplicitObjectArgument()->IgnoreParenImpCasts());
    const clang::CXXMethodDecl *MD = MC->getMethodDecl();
    if (DRE && DRE->getDecl() == C && MD && MD->getIdentifier() &&
        sizeChanging(MD->getName()) && SM.isBeforeInTranslationUnit(After, MC->getBeginLoc()))
      return MC;
  }
  // v = w, or v passed by non-const reference: may change its size too.
  if (const auto *CE = dyn_cast<clang::CallExpr>(S);
      CE && !isa<clang::CXXMemberCallExpr>(CE) && SM.isBeforeInTranslationUnit(After, CE->getBeginLoc())) {
    const auto *OC = dyn_cast<clang::CXXOperatorCallExpr>(CE);
    const clang::FunctionDecl *FD = CE->getDirectCallee();
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      const auto *DRE = dyn_cast<clang::DeclRefExpr>(CE->getArg(I)->IgnoreParenImpCasts());
      if (!DRE || DRE->getDecl() != C)
        continue;
      if (OC && OC->getOperator() == clang::OO_Equal && I == 0)
        return CE;
      unsigned P = OC && isa<clang::CXXMethodDecl>(FD) ? I - 1 : I;
      std::string Std = stdFunctionName(FD); // std::begin(v) does not resize v
      if (Std == "begin" || Std == "end" || Std == "cbegin" || Std == "cend" || Std == "size" ||
          Std == "data")
        continue;
      if (!OC && FD && P < FD->getNumParams()) {
        clang::QualType T = FD->getParamDecl(P)->getType();
        if (T->isReferenceType() && !T->getPointeeType().isConstQualified())
          return CE;
      }
    }
  }
  for (const clang::Stmt *Ch : S->children())
    if (const auto *R = resizes(Ch, C, After, SM))
      return R;
  return nullptr;
}
} // namespace

/// \p A + \p B (or -) of offsets, without adding 0.
static const Expr *moved(Module &M, const Expr *A, const Expr *B, bool Minus, const Type &T) {
  if (B->isConst(0))
    return A;
  if (A->isConst(0) && !Minus)
    return B;
  return M.binary(Minus ? Op::Sub : Op::Add, A, B, T);
}

bool GraphBuilder::Impl::isIteratorLocalDecl(const clang::VarDecl *VD) {
  const clang::Expr *Init = VD->getInit();
  if (!Init || VD->hasGlobalStorage() || VD->getType()->isReferenceType())
    return false;
  clang::QualType T = VD->getType();
  if (!T->isPointerType() && !T->isRecordType())
    return false;
  const clang::Expr *E = bareIter(Init);
  for (;;) { // v.begin() + k, std::next(v.begin())
    bool Minus = false;
    if (const clang::CallExpr *Step = stepCall(E, Minus)) {
      E = bareIter(Step->getArg(0));
      continue;
    }
    clang::OverloadedOperatorKind K;
    llvm::SmallVector<const clang::Expr *, 2> A;
    if (!operands(E, K, A) || A.size() != 2 || !A[1] ||
        (K != clang::OO_Plus && K != clang::OO_Minus))
      break;
    E = bareIter(A[0]);
  }
  return beginEnd(E, true) || beginEnd(E, false) || mentionsIteratorLocal(E); // auto jt = it
}

bool GraphBuilder::Impl::iteratorPosition(const clang::Expr *E, Var *&Base, const Expr *&Off) {
  E = bareIter(E);
  if (const auto *DRE = dyn_cast<clang::DeclRefExpr>(E))
    if (auto It = IteratorLocals.find(DRE->getDecl()); It != IteratorLocals.end()) {
      Base = It->second.Base;
      Off = M.ref(It->second.Off);
      return true;
    }
  for (bool Begin : {true, false})
    if (const clang::Expr *C = beginEnd(E, Begin)) {
      const Expr *R = expr(C);
      if (!R)
        return false;
      const Type &T = R->Ty;
      if (R->K != Op::VarRef || !(T.ArraySize || T.IsVector || T.StdArray) || T.IsPointer)
        return fail(E->getBeginLoc(), "an iterator must be into a local or parameter "
                                      "std::vector, std::array or array");
      Type El = T.element();
      if (El.isContainer() || El.IsPointer)
        return fail(E->getBeginLoc(), "an iterator over elements that are containers or "
                                      "pointers is not supported; use an index");
      Base = R->V;
      if (Begin)
        Off = M.intConst(0);
      else
        Off = T.ArraySize ? M.intConst(T.ArraySize) : toIndexType(M.sizeOf(R), offsetType());
      return true;
    }
  clang::OverloadedOperatorKind K;
  llvm::SmallVector<const clang::Expr *, 2> A;
  if (operands(E, K, A) && A.size() == 2 && A[1] && (K == clang::OO_Plus || K == clang::OO_Minus)) {
    const clang::Expr *It = A[0], *N = A[1];
    if (It->getType()->isIntegerType() && K == clang::OO_Plus)
      std::swap(It, N);
    if (N->getType()->isIntegerType()) {
      if (!iteratorPosition(It, Base, Off))
        return false;
      const Expr *By = expr(N->IgnoreParenImpCasts());
      if (!By)
        return false;
      Off = moved(M, Off, toIndexType(By, offsetType()), K == clang::OO_Minus, offsetType());
      return true;
    }
  }
  bool Minus = false;
  if (const clang::CallExpr *Step = stepCall(E, Minus)) { // std::next(it, n)
    if (!iteratorPosition(Step->getArg(0), Base, Off))
      return false;
    const clang::Expr *N = Step->getNumArgs() == 2 ? Step->getArg(1) : nullptr;
    const Expr *By = !N || isa<clang::CXXDefaultArgExpr>(N) ? M.intConst(1)
                                                             : expr(N->IgnoreParenImpCasts());
    if (!By)
      return false;
    Off = moved(M, Off, toIndexType(By, offsetType()), Minus, offsetType());
    return true;
  }
  A.clear();
  if (operands(E, K, A) && (K == clang::OO_PlusPlus || K == clang::OO_MinusMinus)) {
    const Expr *V = iteratorExpr(E, /*ValueUsed=*/A.size() == 2);
    if (!V)
      return false;
    Base = V->Ops[0]->V;
    Off = V->Ops[1];
    return true;
  }
  return fail(E->getBeginLoc(), "this use of an iterator is not supported: adgen keeps an "
                                "iterator as a position in its container ('*it', 'it[k]', "
                                "'++it', 'it += k', 'it != end')");
}

bool GraphBuilder::Impl::mentionsIteratorLocal(const clang::Expr *E) {
  if (!E || IteratorLocals.empty())
    return false;
  E = bareIter(E);
  if (const auto *DRE = dyn_cast<clang::DeclRefExpr>(E))
    return IteratorLocals.count(DRE->getDecl());
  bool Minus = false;
  if (const clang::CallExpr *Step = stepCall(E, Minus))
    return mentionsIteratorLocal(Step->getArg(0));
  clang::OverloadedOperatorKind K;
  llvm::SmallVector<const clang::Expr *, 2> A;
  if (operands(E, K, A) && (K == clang::OO_Plus || K == clang::OO_Minus ||
                            K == clang::OO_PlusPlus || K == clang::OO_MinusMinus))
    return mentionsIteratorLocal(A[0]) || (A.size() == 2 && mentionsIteratorLocal(A[1]));
  return false;
}

const Expr *GraphBuilder::Impl::iteratorExpr(const clang::Expr *E, bool ValueUsed) {
  clang::OverloadedOperatorKind K;
  llvm::SmallVector<const clang::Expr *, 2> A;
  operands(E, K, A);
  Loc L = loc(E->getExprLoc());
  Var *Base = nullptr;
  const Expr *Off = nullptr;
  auto at = [&](const Expr *O) { return M.ptrAdd(M.ref(Base), O); };
  switch (K) {
  case clang::OO_Star: // *it, *(it + k)
    if (!iteratorPosition(A[0], Base, Off))
      return nullptr;
    return M.load(M.ref(Base), Off);
  case clang::OO_Arrow: // it->x of a class iterator: the element's address
    if (!iteratorPosition(A[0], Base, Off))
      return nullptr;
    return at(Off);
  case clang::OO_Subscript: { // it[k]
    if (!iteratorPosition(A[0], Base, Off))
      return nullptr;
    const Expr *I = expr(A[1]);
    return I ? M.load(M.ref(Base), moved(M, Off, toIndexType(I, offsetType()), false,
                                         offsetType()))
             : nullptr;
  }
  case clang::OO_PlusPlus:
  case clang::OO_MinusMinus: {
    if (!iteratorPosition(A[0], Base, Off))
      return nullptr;
    if (Off->K != Op::VarRef)
      return fail(E->getExprLoc(), "only an iterator variable can be incremented");
    Op D = K == clang::OO_PlusPlus ? Op::Add : Op::Sub;
    const Expr *Next = M.binary(D, Off, M.intConst(1), offsetType());
    if (A.size() == 1 || !ValueUsed) {
      emit(M.assign(Off, Next, L));
      return at(Off);
    }
    Var *Old = temp("old", offsetType(), E->getExprLoc()); // it++ as a value
    emit(M.decl(Old, Off, L));
    emit(M.assign(Off, Next, L));
    return at(M.ref(Old));
  }
  case clang::OO_PlusEqual:
  case clang::OO_MinusEqual:
  case clang::OO_Equal: {
    if (!iteratorPosition(A[0], Base, Off))
      return nullptr;
    if (Off->K != Op::VarRef)
      return fail(E->getExprLoc(), "only an iterator variable can be assigned");
    const Expr *To = nullptr;
    if (K == clang::OO_Equal) {
      Var *B2 = nullptr;
      if (!iteratorPosition(A[1], B2, To))
        return nullptr;
      if (B2 != Base)
        return fail(E->getExprLoc(), "assigning an iterator into another container is not "
                                     "supported (use a second iterator)");
    } else {
      const Expr *N = expr(A[1]);
      if (!N)
        return nullptr;
      To = M.binary(K == clang::OO_PlusEqual ? Op::Add : Op::Sub, Off,
                    toIndexType(N, offsetType()), offsetType());
    }
    emit(M.assign(Off, To, L));
    return at(Off);
  }
  default:
    break;
  }
  Op R;
  switch (K) {
  case clang::OO_EqualEqual: R = Op::Eq; break;
  case clang::OO_ExclaimEqual: R = Op::Ne; break;
  case clang::OO_Less: R = Op::Lt; break;
  case clang::OO_LessEqual: R = Op::Le; break;
  case clang::OO_Greater: R = Op::Gt; break;
  case clang::OO_GreaterEqual: R = Op::Ge; break;
  case clang::OO_Minus: R = Op::Sub; break;
  default:
    return fail(E->getExprLoc(), "this use of an iterator is not supported: adgen keeps an "
                                 "iterator as a position in its container ('*it', 'it[k]', "
                                 "'++it', 'it += k', 'it != end')");
  }
  Var *B2 = nullptr;
  const Expr *Off2 = nullptr;
  if (!iteratorPosition(A[0], Base, Off) || !iteratorPosition(A[1], B2, Off2))
    return nullptr;
  if (Base != B2)
    return fail(E->getExprLoc(), "comparing or subtracting iterators into different "
                                 "containers is not supported");
  if (R == Op::Sub)
    return M.binary(Op::Sub, Off, Off2, offsetType());
  return M.binary(R, Off, Off2, Type::scalar(ScalarKind::Bool, "bool"));
}

const Expr *GraphBuilder::Impl::iteratorUse(const clang::Expr *E, bool ValueUsed,
                                            bool &Handled) {
  Handled = false;
  clang::OverloadedOperatorKind K;
  llvm::SmallVector<const clang::Expr *, 2> A;
  if (!operands(E, K, A))
    return nullptr;
  // `*f(it)` of a function of the user's returning an iterator: the call
  // says what is not supported (IteratorCalls.cpp).
  if (const auto *CE = dyn_cast<clang::CallExpr>(bareIter(A[0]));
      CE && (K == clang::OO_Star || K == clang::OO_Arrow) && CE->getDirectCallee() &&
      !isa<clang::CXXOperatorCallExpr>(CE) && stdFunctionName(CE->getDirectCallee()).empty() &&
      CE->getType()->isRecordType() && CE->getType()->getAsCXXRecordDecl()->getIdentifier() &&
      CE->getType()->getAsCXXRecordDecl()->getName().contains("iter")) {
    Handled = true;
    return expr(CE);
  }
  if (IteratorLocals.empty())
    return nullptr;
  Handled = llvm::any_of(A, [&](const clang::Expr *X) { return mentionsIteratorLocal(X); });
  return Handled ? iteratorExpr(E, ValueUsed) : nullptr;
}

const Expr *GraphBuilder::Impl::iteratorArrow(const clang::Expr *BaseE, bool &Handled) {
  Handled = false;
  if (IteratorLocals.empty())
    return nullptr;
  const clang::Expr *E = BaseE->IgnoreParenImpCasts();
  if (const auto *OC = dyn_cast<clang::CXXOperatorCallExpr>(E);
      OC && OC->getOperator() == clang::OO_Arrow && OC->getNumArgs() == 1)
    E = OC->getArg(0); // it.operator->()
  if (!mentionsIteratorLocal(E))
    return nullptr;
  Handled = true;
  Var *Base = nullptr;
  const Expr *Off = nullptr;
  return iteratorPosition(E, Base, Off) ? M.load(M.ref(Base), Off) : nullptr;
}

bool GraphBuilder::Impl::iteratorLocalDecl(const clang::VarDecl *VD) {
  Var *Base = nullptr;
  const Expr *Off = nullptr;
  if (!iteratorPosition(VD->getInit(), Base, Off))
    return false;
  const auto *FD = clang::dyn_cast_or_null<clang::FunctionDecl>(VD->getParentFunctionOrMethod());
  const clang::Stmt *FnBody = FD ? FD->getBody() : nullptr; // the iterator's function
  for (const auto &KV : Vars)
    if (KV.second == Base && Base->Ty.IsVector) // arrays keep their size
      if (const auto *MC = resizes(FnBody, KV.first, VD->getLocation(),
                                   Ctx.getSourceManager()))
        return failStmt(MC->getExprLoc(),
                        "'" + Base->Name + "' changes size while iterator '" +
                            VD->getNameAsString() +
                            "' into it is in use, which invalidates the iterator; "
                            "this is not supported (use an index)");
  IteratorLocals[VD] = {Base, offsetVar(VD, toIndexType(Off, offsetType())), Cur};
  return true;
}
