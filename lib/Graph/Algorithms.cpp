//===- Graph/Algorithms.cpp - std::accumulate and friends over containers -===//
//
// `std::accumulate(v.begin(), v.end(), 0.0)`, `std::inner_product(a.begin(),
// a.end(), b.begin(), 0.0)` and `*std::max_element(v.begin(), v.end())` (and
// min_element) over a whole std::vector, std::array or local array are
// recognised and built as the loops the standard defines them by:
//
//   acc = init;  for (k = 0; k < n; ++k) acc = acc + v[k];          accumulate
//   acc = init;  for (k = 0; k < n; ++k) acc = acc + a[k] * b[k];   inner_product
//   m = v[0];    for (k = 1; k < n; ++k) if (m < v[k]) m = v[k];     *max_element
//
// so both transforms differentiate them like any loop; libstdc++'s iterators
// are never looked into. Other algorithms over iterators are refused with a
// message that names them.
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

const char *const Recognised =
    "adgen recognises std::accumulate, std::inner_product, *std::max_element / "
    "*std::min_element, and std::transform / std::for_each with a lambda, over a whole "
    "std::vector, std::array or array ('v.begin(), v.end()', 'std::begin(a), "
    "std::end(a)', 'a, a + n'); write a loop otherwise";

/// The name of \p FD if it is a function of namespace std from the standard
/// library, else "".
std::string stdFunction(const clang::FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return "";
  const clang::ASTContext &Ctx = FD->getASTContext();
  const clang::DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  if (!DC->isStdNamespace() || !Ctx.getSourceManager().isInSystemHeader(FD->getLocation()))
    return "";
  return FD->getName().str();
}

/// `c.begin()` / `c.cbegin()` / `std::begin(c)` (for \p Begin) or the end
/// forms: the container expression c, or null.
const clang::Expr *rangeContainer(const clang::Expr *E, bool Begin) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Tmp = dyn_cast<clang::CXXConstructExpr>(E); Tmp && Tmp->getNumArgs() == 1)
    E = Tmp->getArg(0)->IgnoreParenImpCasts(); // a copy of the iterator
  llvm::StringRef Want1 = Begin ? "begin" : "end", Want2 = Begin ? "cbegin" : "cend";
  if (const auto *MC = dyn_cast<clang::CXXMemberCallExpr>(E)) {
    const clang::CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getIdentifier() && (MD->getName() == Want1 || MD->getName() == Want2) &&
        MC->getNumArgs() == 0)
      return MC->getImplicitObjectArgument();
    return nullptr;
  }
  if (const auto *CE = dyn_cast<clang::CallExpr>(E)) {
    std::string N = stdFunction(CE->getDirectCallee());
    if ((N == Want1 || N == Want2) && CE->getNumArgs() == 1)
      return CE->getArg(0);
  }
  return nullptr;
}

/// \p A and \p B name the same object: the same variable, or the same field
/// of the same object (`s.v`, `this->v`).
bool sameObject(const clang::ASTContext &Ctx, const clang::Expr *A, const clang::Expr *B) {
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
             sameObject(Ctx, MA->getBase(), MB->getBase());
  if (isa<clang::CXXThisExpr>(A) && isa<clang::CXXThisExpr>(B))
    return true;
  return false;
}

} // namespace

bool GraphBuilder::Impl::isStdAlgorithm(const clang::CallExpr *CE) {
  std::string N = stdFunction(CE->getDirectCallee());
  return N == "accumulate" || N == "inner_product" || N == "max_element" || N == "min_element";
}

bool GraphBuilder::Impl::isRangeAlgorithm(const clang::CallExpr *CE) {
  std::string N = stdFunction(CE->getDirectCallee());
  return N == "transform" || N == "for_each";
}

/// \p CE's call to the algorithm dereferenced (`*std::max_element(...)`), or null.
static const clang::CallExpr *dereferencedAlgorithm(const clang::Expr *E) {
  E = E->IgnoreParens();
  const clang::Expr *Sub = nullptr;
  if (const auto *UO = dyn_cast<clang::UnaryOperator>(E); UO && UO->getOpcode() == clang::UO_Deref)
    Sub = UO->getSubExpr();
  else if (const auto *OC = dyn_cast<clang::CXXOperatorCallExpr>(E);
           OC && OC->getOperator() == clang::OO_Star && OC->getNumArgs() == 1)
    Sub = OC->getArg(0);
  if (!Sub)
    return nullptr;
  Sub = Sub->IgnoreParenImpCasts();
  if (const auto *Tmp = dyn_cast<clang::MaterializeTemporaryExpr>(Sub))
    Sub = Tmp->getSubExpr()->IgnoreParenImpCasts();
  const auto *CE = dyn_cast<clang::CallExpr>(Sub);
  std::string N = CE ? stdFunction(CE->getDirectCallee()) : "";
  return N == "max_element" || N == "min_element" ? CE : nullptr;
}

const Expr *GraphBuilder::Impl::dereferencedStdAlgorithm(const clang::Expr *E, bool &Handled) {
  const clang::CallExpr *CE = dereferencedAlgorithm(E);
  Handled = CE != nullptr;
  return CE ? stdAlgorithm(CE, /*Dereferenced=*/true) : nullptr;
}

/// `p + n` with \p P the same object as \p Begin: n, or null.
static const clang::Expr *pastEnd(const clang::ASTContext &Ctx, const clang::Expr *Begin,
                                  const clang::Expr *End) {
  const auto *BO = dyn_cast<clang::BinaryOperator>(End->IgnoreParenImpCasts());
  if (!BO || BO->getOpcode() != clang::BO_Add)
    return nullptr;
  const clang::Expr *L = BO->getLHS(), *R = BO->getRHS();
  if (L->getType()->isIntegerType())
    std::swap(L, R); // n + p
  if (!R->getType()->isIntegerType() || !L->getType()->isPointerType())
    return nullptr;
  return sameObject(Ctx, L, Begin) ? R : nullptr;
}

/// A whole std::vector, std::array or array, or a pointer (\p AllowPointer).
static bool isRange(const Type &T, bool AllowPointer) {
  return T.ArraySize || T.IsVector || T.StdArray || (AllowPointer && T.IsPointer);
}

const Expr *GraphBuilder::Impl::rangeStart(const clang::CallExpr *CE, const clang::Expr *Begin,
                                           const clang::Expr *End, const Expr *&Size) {
  std::string N = CE->getDirectCallee()->getNameAsString();
  auto refuse = [&](const clang::Expr *At) {
    return fail(At->getBeginLoc(), "'std::" + N + "' over this range is not supported: " +
                                       Recognised);
  };
  Type SizeT = Type::scalar(ScalarKind::Int, "std::size_t");
  // c.begin() .. c.end(), std::begin(c) .. std::end(c): the whole of c.
  if (const clang::Expr *C = rangeContainer(Begin, true)) {
    const clang::Expr *C2 = End ? rangeContainer(End, false) : C;
    if (!C2 || !sameObject(Ctx, C, C2))
      return refuse(End ? End : Begin);
    const Expr *R = expr(C);
    if (!R)
      return nullptr;
    if (!isRange(R->Ty, false))
      return refuse(C);
    if (End)
      Size = R->Ty.ArraySize ? M.constant(std::to_string(R->Ty.ArraySize) + "u", SizeT)
                             : M.sizeOf(R);
    return R;
  }
  // a .. a + n of an array or pointer: its first n elements.
  const clang::Expr *P = Begin->IgnoreParenImpCasts();
  bool Plain = Begin->getType()->isPointerType() &&
               (isa<clang::DeclRefExpr>(P) || isa<clang::MemberExpr>(P));
  const clang::Expr *Len = End && Plain ? pastEnd(Ctx, P, End) : nullptr;
  if (!Plain || (End && !Len))
    return refuse(End && Plain ? End : Begin);
  const Expr *R = expr(P);
  if (!R)
    return nullptr;
  if (!isRange(R->Ty, true))
    return refuse(P);
  if (Len && !(Size = expr(Len)))
    return nullptr;
  return R;
}

const Expr *GraphBuilder::Impl::stdAlgorithm(const clang::CallExpr *CE, bool Dereferenced) {
  std::string N = CE->getDirectCallee()->getNameAsString();
  clang::SourceLocation L = CE->getBeginLoc();
  bool MinMax = N == "max_element" || N == "min_element";
  if (MinMax && !Dereferenced)
    return fail(L, "'std::" + N + "' is supported only dereferenced, as the value of the "
                   "element ('*std::" + N + "(v.begin(), v.end())')");
  unsigned Want = MinMax ? 2 : N == "accumulate" ? 3 : 4;
  if (CE->getNumArgs() != Want)
    return fail(L, "'std::" + N + "' with a custom operation or comparison is not "
                   "supported; write a loop");
  const Expr *Size = nullptr, *Unused = nullptr;
  const Expr *A = rangeStart(CE, CE->getArg(0), CE->getArg(1), Size);
  if (!A)
    return nullptr;
  const Expr *B = N == "inner_product" ? rangeStart(CE, CE->getArg(2), nullptr, Unused) : nullptr;
  if (N == "inner_product" && !B)
    return nullptr;
  for (const Expr *R : {A, B})
    if (R && R->Ty.Rec)
      return fail(L, "'std::" + N + "' over structs is not supported: " + Recognised);
  Type Elem = A->Ty.element();
  Type Bool = Type::scalar(ScalarKind::Bool, "bool");
  Type IndexT = Size->Ty.element();
  Var *K = temp(N + "_index", IndexT, L);
  auto loopFrom = [&](const char *Start, Block Body) {
    Block Init{M.decl(K, M.constant(Start, IndexT))};
    Block Inc{M.assign(M.ref(K), M.binary(Op::Add, M.ref(K), M.constant("1", IndexT), IndexT))};
    emit(M.loop(LoopKind::For, std::move(Init), M.binary(Op::Lt, M.ref(K), Size, Bool),
                std::move(Body), std::move(Inc), loc(L)));
  };
  const Expr *AK = M.load(A, M.ref(K));
  if (MinMax) {
    Var *Best = temp(N == "max_element" ? "max_value" : "min_value", Elem, L);
    emit(M.decl(Best, M.load(A, M.intConst(0)), loc(L)));
    // max_element keeps the first largest (replaces only on *best < *it),
    // min_element the first smallest (only on *it < *best).
    const Expr *Better = N == "max_element" ? M.binary(Op::Lt, M.ref(Best), AK, Bool)
                                            : M.binary(Op::Lt, AK, M.ref(Best), Bool);
    Block Then{M.assign(M.ref(Best), AK, loc(L))};
    loopFrom("1", Block{M.ifStmt(Better, std::move(Then), {}, loc(L))});
    return M.ref(Best);
  }
  const clang::Expr *InitE = CE->getArg(Want - 1);
  Type T;
  if (!typeOf(CE->getType(), L, T, "the result of this call"))
    return nullptr;
  if (!T.isFloating() && Elem.isFloating())
    return fail(InitE->getBeginLoc(), "'std::" + N + "' with an integer initial value "
                                      "adds in integers and drops the fractions; write a "
                                      "floating-point initial value such as '0.0'");
  const Expr *Init = expr(InitE);
  if (!Init)
    return nullptr;
  auto conv = [&](const Expr *E, const Type &To) {
    return E->Ty.Scalar == To.Scalar ? E : M.cast(E, To);
  };
  Var *Acc = temp(N == "accumulate" ? "sum" : "dot", T, L);
  emit(M.decl(Acc, conv(Init, T), loc(L)));
  const Expr *Term = AK;
  Type Common = T;
  if (Elem.Scalar > Common.Scalar && Elem.isFloating())
    Common = Elem;
  if (B) {
    Type BE = B->Ty.element();
    if (BE.Scalar > Common.Scalar && BE.isFloating())
      Common = BE;
    Term = M.binary(Op::Mul, conv(AK, Common), conv(M.load(B, M.ref(K)), Common), Common);
  }
  const Expr *Sum = M.binary(Op::Add, conv(M.ref(Acc), Common), conv(Term, Common), Common);
  loopFrom("0", Block{M.assign(M.ref(Acc), conv(Sum, T), loc(L))});
  return M.ref(Acc);
}

bool GraphBuilder::Impl::iteratorAlgorithm(const clang::CallExpr *CE) {
  const clang::FunctionDecl *FD = CE->getDirectCallee();
  std::string N = stdFunction(FD);
  if (N.empty() || !FD->getPrimaryTemplate())
    return false;
  for (const clang::Expr *A : CE->arguments()) {
    clang::QualType T = A->getType();
    const auto *RD = T->getAsCXXRecordDecl();
    if (T->isPointerType() || (RD && RD->getIdentifier() && RD->getName().contains("iterator")))
      return true;
  }
  return false;
}

const Expr *GraphBuilder::Impl::refuseIteratorAlgorithm(const clang::CallExpr *CE) {
  return fail(CE->getBeginLoc(), "'std::" + CE->getDirectCallee()->getNameAsString() +
                                     "' over iterators is not supported in differentiated "
                                     "code: " + Recognised);
}
