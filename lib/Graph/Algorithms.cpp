//===- Graph/Algorithms.cpp - std::accumulate and friends over containers -===//
//
// `std::accumulate(first, last, init[, op])`, `std::inner_product(first,
// last, first2, init[, op1, op2])` and `*std::max_element(first, last[,
// comp])` (and min_element) over a std::vector, std::array, array or
// pointer range, whole or in part (IteratorRanges.cpp), are recognised and
// built as the loops the standard defines them by:
//
//   acc = init;  for (k = b; k < e; ++k) acc = acc + v[k];      accumulate
//   acc = init;  for (k = b; k < e; ++k) acc = op(acc, v[k]);   with op
//   acc = init;  for (k = b; k < e; ++k) acc = acc + a[k] * w[k];
//                                                    inner_product
//   m = v[b];    for (k = b + 1; k < e; ++k) if (m < v[k]) m = v[k];
//                                                    *max_element
//
// with the operations (lambdas, functions, function objects, std::plus<>
// and kin) called on the elements (AlgorithmOperations.cpp), so both
// transforms differentiate them like any loop; libstdc++'s iterators are
// never looked into. Other algorithms over iterators are refused with a
// message that names them.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

bool GraphBuilder::Impl::isStdAlgorithm(const clang::CallExpr *CE) {
  std::string N = stdFunctionName(CE->getDirectCallee());
  return N == "accumulate" || N == "inner_product" || N == "max_element" || N == "min_element";
}

bool GraphBuilder::Impl::isRangeAlgorithm(const clang::CallExpr *CE) {
  std::string N = stdFunctionName(CE->getDirectCallee());
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
  std::string N = CE ? stdFunctionName(CE->getDirectCallee()) : "";
  return N == "max_element" || N == "min_element" ? CE : nullptr;
}

const Expr *GraphBuilder::Impl::dereferencedStdAlgorithm(const clang::Expr *E, bool &Handled) {
  const clang::CallExpr *CE = dereferencedAlgorithm(E);
  Handled = CE != nullptr;
  return CE ? stdAlgorithm(CE, /*Dereferenced=*/true) : nullptr;
}

const Expr *GraphBuilder::Impl::stdAlgorithm(const clang::CallExpr *CE, bool Dereferenced) {
  std::string N = CE->getDirectCallee()->getNameAsString();
  clang::SourceLocation L = CE->getBeginLoc();
  bool MinMax = N == "max_element" || N == "min_element";
  if (MinMax && !Dereferenced)
    return fail(L, "'std::" + N + "' is supported only dereferenced, as the value of the "
                   "element ('*std::" + N + "(v.begin(), v.end())')");
  // The operations: the comparison of max_element, the op of accumulate,
  // the two of inner_product; from the argument Plain on.
  unsigned Plain = MinMax ? 2 : N == "accumulate" ? 3 : 4;
  unsigned Ops = MinMax || N == "accumulate" ? 1 : 2;
  unsigned NArgs = CE->getNumArgs();
  if (NArgs != Plain && NArgs != Plain + Ops)
    return fail(L, "this form of 'std::" + N + "' is not supported; write a loop");
  unsigned Before = Diags.errorCount();
  IterRange A, B;
  A.AllowRecords = B.AllowRecords = false;
  if (!iteratorRange(CE, CE->getArg(0), CE->getArg(1), A))
    return nullptr;
  if (N == "inner_product" && !iteratorRange(CE, CE->getArg(2), nullptr, B))
    return nullptr;
  AlgorithmOp Fns[2];
  bool Custom = NArgs > Plain;
  for (unsigned I = 0; Custom && I < Ops; ++I)
    if (!algorithmOperation(CE->getArg(Plain + I), N, 2, Fns[I]))
      return nullptr;
  if (Custom)
    pinRange(A, N, L);
  Type Elem = A.Base->Ty.element();
  Type IndexT = A.Last->Ty.element();
  Var *K = temp(N + "_index", IndexT, L);
  // The loop's body, built with the operations' statements in it.
  Block Body;
  Block *Saved = Cur;
  auto inBody = [&]() { Cur = &Body, ++LoopDepth; };
  auto leaveBody = [&]() { Cur = Saved, --LoopDepth; };
  const Expr *AK = nullptr;
  if (MinMax) {
    Var *Best = temp(N == "max_element" ? "max_value" : "min_value", Elem, L);
    emit(M.decl(Best, M.load(A.Base, A.First ? A.First : M.intConst(0)), loc(L)));
    inBody();
    AK = rangeElement(A, A, K);
    // max_element keeps the first largest (replaces only on *best < *it),
    // min_element the first smallest (only on *it < *best).
    const Expr *Lo = N == "max_element" ? M.ref(Best) : AK;
    const Expr *Hi = N == "max_element" ? AK : M.ref(Best);
    const Expr *Better = Custom ? applyOperation(Fns[0], {Lo, Hi}, L)
                                : M.binary(Op::Lt, Lo, Hi, Type::scalar(ScalarKind::Bool, "bool"));
    if (Better) {
      Block Then{M.assign(M.ref(Best), AK, loc(L))};
      emit(M.ifStmt(Better, std::move(Then), {}, loc(L)));
    } else if (Custom && Diags.errorCount() == Before)
      fail(CE->getArg(Plain)->getBeginLoc(), "the comparison of 'std::" + N +
                                                  "' must return a value");
    leaveBody();
    if (!Better)
      return nullptr;
    const Expr *Second = M.constant("1", IndexT);
    if (A.First && A.First->K == Op::Const && llvm::all_of(A.First->Text, llvm::isDigit))
      Second = M.constant(std::to_string(std::stoll(A.First->Text) + 1), IndexT);
    else if (A.First)
      Second = M.binary(Op::Add, toIndexType(A.First, IndexT), Second, IndexT);
    countedLoop(K, Second, A.Last, std::move(Body), L);
    return M.ref(Best);
  }
  const clang::Expr *InitE = CE->getArg(Plain - 1);
  Type T;
  if (!typeOf(CE->getType(), L, T, "the result of this call"))
    return nullptr;
  if (T.Rec || T.isMemory())
    return fail(InitE->getBeginLoc(), "'std::" + N + "' is supported with a number as its "
                                      "initial value: " + RecognisedAlgorithms);
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
  inBody();
  AK = rangeElement(A, A, K);
  const Expr *Term = AK;
  const Expr *Sum = nullptr;
  if (Custom) {
    if (B.Base)
      Term = applyOperation(Fns[1], {AK, rangeElement(B, A, K)}, L);
    if (Term)
      Sum = applyOperation(Fns[0], {M.ref(Acc), Term}, L);
    if (Sum && Sum->Ty.Rec)
      Sum = fail(CE->getArg(Plain)->getBeginLoc(), "the operation of 'std::" + N +
                                                        "' must return a number");
    if (!Sum && Term && Diags.errorCount() == Before)
      fail(CE->getArg(Plain)->getBeginLoc(), "the operation of 'std::" + N +
                                                  "' must return a value");
  } else {
    Type Common = T;
    if (Elem.Scalar > Common.Scalar && Elem.isFloating())
      Common = Elem;
    if (B.Base) {
      Type BE = B.Base->Ty.element();
      if (BE.Scalar > Common.Scalar && BE.isFloating())
        Common = BE;
      Term = M.binary(Op::Mul, conv(AK, Common), conv(rangeElement(B, A, K), Common), Common);
    }
    Sum = M.binary(Op::Add, conv(M.ref(Acc), Common), conv(Term, Common), Common);
  }
  if (Sum)
    emit(M.assign(M.ref(Acc), conv(Sum, T), loc(L)));
  leaveBody();
  if (!Sum)
    return nullptr;
  countedLoop(K, A.First, A.Last, std::move(Body), L);
  return M.ref(Acc);
}

bool GraphBuilder::Impl::iteratorAlgorithm(const clang::CallExpr *CE) {
  const clang::FunctionDecl *FD = CE->getDirectCallee();
  std::string N = stdFunctionName(FD);
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
                                     "code: " + RecognisedAlgorithms);
}
