//===- Graph/IteratorRanges.cpp - The ranges standard algorithms walk -----===//
//
// The recognised algorithms (Algorithms.cpp, RangeAlgorithms.cpp) take their
// ranges as iterators; adgen reads each iterator as a position in one
// std::vector, std::array, array or pointer:
//
//   c.begin(), c.cbegin(), std::begin(c), c.data(), a, p     at 0
//   c.end(), c.cend(), std::end(c)                           at c's size
//   it + n, n + it, it - n                                   moved by n
//
// so `v.begin() + k, v.end()` is the elements k .. v.size() of v, and
// `a + 1, a + n` the elements 1 .. n of a. The algorithm becomes a counted
// loop over the first range's positions, `for (k = first; k < last; ++k)`,
// and the other ranges are read at the same distance from their own start.
// An end may be an iterator local (`it`, `it + 2`; IteratorLocals.cpp), kept
// as its container and an offset; other iterator types are refused.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

const char *const adgen::RecognisedAlgorithms =
    "adgen recognises std::accumulate, std::inner_product, *std::max_element / "
    "*std::min_element, std::transform / std::for_each, std::sort / std::stable_sort, "
    "std::reverse, std::fill / std::fill_n, std::copy / std::copy_n and std::iota, "
    "over a std::vector, "
    "std::array, array or pointer, whole or in part ('v.begin(), v.end()', "
    "'std::begin(a), std::end(a)', 'a, a + n', 'v.begin() + k, v.end()', "
    "'v.data(), v.data() + n'); write a loop otherwise";

std::string adgen::stdFunctionName(const clang::FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return "";
  const clang::ASTContext &Ctx = FD->getASTContext();
  const clang::DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  if (!DC->isStdNamespace() || !Ctx.getSourceManager().isInSystemHeader(FD->getLocation()))
    return "";
  return FD->getName().str();
}

const clang::Expr *adgen::bareIterator(const clang::Expr *E, bool Conversions) {
  for (;;) {
    E = E->IgnoreParenImpCasts();
    const auto *Tmp = dyn_cast<clang::CXXConstructExpr>(E);
    if (const auto *MT = dyn_cast<clang::MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<clang::CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    else if (Tmp && Tmp->getNumArgs() == 1 &&
             (Tmp->getConstructor()->isCopyOrMoveConstructor() ||
              (Conversions && Tmp->getConstructor()->isConvertingConstructor(false))))
      E = Tmp->getArg(0); // a copy, or iterator -> const_iterator
    else if (const auto *FC = dyn_cast<clang::CXXFunctionalCastExpr>(E); FC && Conversions)
      E = FC->getSubExpr();
    else
      return E;
  }
}

const clang::Expr *adgen::rangeContainer(const clang::Expr *E, bool Begin, bool Data) {
  llvm::StringRef Want1 = Begin ? "begin" : "end", Want2 = Begin ? "cbegin" : "cend";
  if (const auto *MC = dyn_cast<clang::CXXMemberCallExpr>(E)) {
    const clang::CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getIdentifier() && MC->getNumArgs() == 0 &&
        (MD->getName() == Want1 || MD->getName() == Want2 ||
         (Begin && Data && MD->getName() == "data")))
      return MC->getImplicitObjectArgument();
    return nullptr;
  }
  if (const auto *CE = dyn_cast<clang::CallExpr>(E)) {
    std::string N = stdFunctionName(CE->getDirectCallee());
    if ((N == Want1 || N == Want2) && CE->getNumArgs() == 1)
      return CE->getArg(0);
  }
  return nullptr;
}

namespace {

/// \p A and \p B name the same object: the same variable, or the same field
/// of the same object (`s.v`, `this->v`).
bool sameObject(const clang::Expr *A, const clang::Expr *B) {
  A = A->IgnoreParenImpCasts();
  B = B->IgnoreParenImpCasts();
  if (A == B)
    return true;
  if (const auto *DA = dyn_cast<clang::DeclRefExpr>(A))
    if (const auto *DB = dyn_cast<clang::DeclRefExpr>(B))
      return DA->getDecl() == DB->getDecl();
  if (const auto *MA = dyn_cast<clang::MemberExpr>(A))
    if (const auto *MB = dyn_cast<clang::MemberExpr>(B))
      return MA->getMemberDecl() == MB->getMemberDecl() && MA->isArrow() == MB->isArrow() &&
             sameObject(MA->getBase(), MB->getBase());
  return isa<clang::CXXThisExpr>(A) && isa<clang::CXXThisExpr>(B);
}

/// One iterator: the object it walks, whether it starts at its end, and the
/// distances it is moved by (each added, or subtracted when true).
struct Position {
  const clang::Expr *Obj = nullptr;
  bool AtEnd = false;
  std::vector<std::pair<const clang::Expr *, bool>> Moves;
};

bool position(const clang::Expr *E, Position &P) {
  E = bareIterator(E, /*Conversions=*/false);
  if (const clang::Expr *C = rangeContainer(E, true, /*Data=*/true)) {
    P.Obj = C;
    return true;
  }
  if (const clang::Expr *C = rangeContainer(E, false, /*Data=*/true)) {
    P.Obj = C;
    P.AtEnd = true;
    return true;
  }
  // it + n, n + it, it - n: on pointers built in, on class iterators an
  // operator (member or not).
  const clang::Expr *L = nullptr, *R = nullptr;
  bool Minus = false;
  if (const auto *BO = dyn_cast<clang::BinaryOperator>(E);
      BO && (BO->getOpcode() == clang::BO_Add || BO->getOpcode() == clang::BO_Sub)) {
    L = BO->getLHS(), R = BO->getRHS(), Minus = BO->getOpcode() == clang::BO_Sub;
  } else if (const auto *OC = dyn_cast<clang::CXXOperatorCallExpr>(E);
             OC && OC->getNumArgs() == 2 &&
             (OC->getOperator() == clang::OO_Plus || OC->getOperator() == clang::OO_Minus)) {
    L = OC->getArg(0), R = OC->getArg(1), Minus = OC->getOperator() == clang::OO_Minus;
  }
  if (L) {
    if (L->getType()->isIntegerType() && !Minus)
      std::swap(L, R); // n + it
    if (!R->getType()->isIntegerType() || !position(L, P))
      return false;
    P.Moves.push_back({R, Minus});
    return true;
  }
  // An array or a pointer named by a variable or a field.
  if ((isa<clang::DeclRefExpr>(E) || isa<clang::MemberExpr>(E)) &&
      (E->getType()->isPointerType() || E->getType()->isArrayType())) {
    P.Obj = E;
    return true;
  }
  return false;
}

Type sizeType() { return Type::scalar(ScalarKind::Int, "std::size_t"); }

bool sameType(const Type &A, const Type &B) {
  return A.Scalar == B.Scalar && A.Spelling == B.Spelling;
}

} // namespace

const Expr *GraphBuilder::Impl::toIndexType(const Expr *E, const Type &T) {
  if (sameType(E->Ty, T))
    return E;
  // A small literal (`it + 1`) reads as it is in either integer type.
  if (E->K == Op::Const && T.Scalar == ScalarKind::Int && E->Ty.Scalar == ScalarKind::Int &&
      !E->Text.empty() && E->Text.size() < 6 &&
      llvm::all_of(E->Text, [](char C) { return C >= '0' && C <= '9'; }))
    return M.constant(E->Text, T);
  return M.cast(E, T);
}

const Expr *GraphBuilder::Impl::movedBy(const Expr *At, const clang::Expr *By, bool Minus) {
  if (By->IgnoreParenImpCasts()->getType()->isIntegerType())
    By = By->IgnoreParenImpCasts(); // `it + 1`: 1, not its conversion to difference_type
  const Expr *N = expr(By);
  if (!N)
    return nullptr;
  if (!At)
    return Minus ? M.unary(Op::Neg, N, N->Ty) : N;
  Type T = At->Ty.Spelling == "std::size_t" ? At->Ty : N->Ty;
  return M.binary(Minus ? Op::Sub : Op::Add, At, N, T);
}

bool GraphBuilder::Impl::iteratorRange(const clang::CallExpr *CE, const clang::Expr *Begin,
                                       const clang::Expr *End, IterRange &Out) {
  return iteratorRange("'std::" + CE->getDirectCallee()->getNameAsString() + "'",
                       CE->getBeginLoc(), Begin, End, Out);
}

bool GraphBuilder::Impl::iteratorLocalEnd(const clang::Expr *E, const Expr *&Base,
                                          const Expr *&At, bool &Handled) {
  Handled = mentionsIteratorLocal(E);
  if (!Handled)
    return true;
  Var *B = nullptr;
  if (!iteratorPosition(E, B, At))
    return false;
  Base = M.ref(B);
  return true;
}

bool GraphBuilder::Impl::iteratorRange(const std::string &What, clang::SourceLocation L,
                                       const clang::Expr *Begin, const clang::Expr *End,
                                       IterRange &Out) {
  auto refuse = [&](const clang::Expr *At) {
    return failStmt(At->getBeginLoc(), What + " over this range is not supported: " +
                                           RecognisedAlgorithms);
  };
  // Ends that are iterator locals (IteratorLocals.cpp): their container
  // and position are known already.
  bool BLocal = false, ELocal = false;
  const Expr *BBase = nullptr, *BAt = nullptr, *EBase = nullptr, *EAt = nullptr;
  if (!iteratorLocalEnd(Begin, BBase, BAt, BLocal) ||
      (End && !iteratorLocalEnd(End, EBase, EAt, ELocal)))
    return false;
  Position B, E;
  if (!BLocal && (!position(Begin, B) || B.AtEnd))
    return refuse(Begin);
  if (End && !ELocal && !position(End, E))
    return refuse(End);
  if (End && !BLocal && !ELocal && !sameObject(B.Obj, E.Obj))
    return refuse(End);
  if (End && !BLocal && !ELocal && !E.AtEnd && E.Moves.empty())
    return refuse(End); // the empty range 'a, a'
  const Expr *R = BLocal ? BBase : expr(B.Obj);
  if (!R)
    return false;
  if (End && (BLocal || ELocal)) { // both ends in one container
    const Expr *RE = ELocal ? EBase : expr(E.Obj);
    if (!RE)
      return false;
    if (R->K != Op::VarRef || RE->K != Op::VarRef || R->V != RE->V)
      return refuse(End);
  }
  const Type &T = R->Ty;
  if (!(T.ArraySize || T.IsVector || T.StdArray || T.IsPointer))
    return refuse(BLocal ? Begin : B.Obj);
  if (T.Rec && !Out.AllowRecords)
    return failStmt(L, What + " over structs is not supported: " + RecognisedAlgorithms);
  Out.Base = R;
  Out.First = BAt;
  for (auto &[By, Minus] : B.Moves)
    if (!(Out.First = movedBy(Out.First, By, Minus)))
      return false;
  if (!End)
    return true;
  Out.Last = EAt;
  if (!ELocal && E.AtEnd) {
    if (T.IsPointer)
      return refuse(End);
    Out.Last = T.ArraySize ? M.constant(std::to_string(T.ArraySize) + "u", sizeType())
                           : M.sizeOf(R);
  }
  for (auto &[By, Minus] : E.Moves)
    if (!(Out.Last = movedBy(Out.Last, By, Minus)))
      return false;
  if (!Out.Last)
    Out.Last = M.intConst(0); // it, v.begin()
  if (BLocal || ELocal) { // positions of iterator locals are std::ptrdiff_t
    Out.Last = toIndexType(Out.Last, offsetType());
    if (Out.First)
      Out.First = toIndexType(Out.First, offsetType());
  }
  return true;
}

const Expr *GraphBuilder::Impl::rangeElement(const IterRange &R, const IterRange &Lead, Var *K) {
  const Expr *At = M.ref(K);
  const Type &IT = K->Ty;
  if (&R != &Lead) {
    if (Lead.First)
      At = M.binary(Op::Sub, At, toIndexType(Lead.First, IT), IT);
    if (R.First)
      At = M.binary(Op::Add, At, toIndexType(R.First, IT), IT);
  }
  return M.load(R.Base, At);
}

void GraphBuilder::Impl::pinRange(IterRange &R, llvm::StringRef Base, clang::SourceLocation L) {
  auto pin = [&](const Expr *&E, llvm::StringRef What) {
    if (!E || E->K == Op::Const || E->K == Op::Call)
      return;
    Var *V = temp((Base + "_" + What).str(), E->Ty, L);
    emit(M.decl(V, E, loc(L)));
    E = M.ref(V);
  };
  pin(R.First, "first");
  pin(R.Last, "count");
}

void GraphBuilder::Impl::countedLoop(Var *K, const Expr *First, const Expr *Last, Block Body,
                                     clang::SourceLocation L) {
  const Type &IT = K->Ty;
  Type Bool = Type::scalar(ScalarKind::Bool, "bool");
  Block Init{M.decl(K, First ? toIndexType(First, IT) : M.constant("0", IT))};
  Block Inc{M.assign(M.ref(K), M.binary(Op::Add, M.ref(K), M.constant("1", IT), IT))};
  emit(M.loop(LoopKind::For, std::move(Init), M.binary(Op::Lt, M.ref(K), Last, Bool),
              std::move(Body), std::move(Inc), loc(L)));
}
