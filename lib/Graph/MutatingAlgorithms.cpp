//===- Graph/MutatingAlgorithms.cpp - std::sort, std::reverse, std::fill --===//
//
// The standard algorithms that rearrange or overwrite a range, over the
// ranges IteratorRanges.cpp reads (a std::vector, std::array, array or
// pointer, whole or in part), are built as the loops that do the same:
//
//   std::sort / std::stable_sort     an insertion sort: each element moves
//     (first, last[, comp])          down past the larger ones before it by
//                                    swaps, `if (!comp(a[j], a[j-1])) break;`
//   std::reverse(first, last)        a[b+k] <-> a[e-1-k] for k < (e-b)/2
//   std::fill(first, last, x)        a[k] = x  (x read once)
//   std::fill_n(first, n, x)
//   std::copy(first, last, out)      out[..] = a[k]
//   std::copy_n(first, n, out)
//   std::iota(first, last, x)        a[k] = x; x = x + 1
//   std::swap(p, q)                  t = p; p = q; q = t (numbers, structs,
//                                    arrays and std::arrays element-wise)
//   a.fill(x)  (std::array)          a[k] = x
//
// Both transforms then differentiate ordinary loops of copies: a sort's
// derivative is its permutation applied to the tangents (forward) or the
// adjoints routed back through it (reverse), exact wherever no two elements
// compare equivalent. Equivalent elements keep their order (the sort is
// stable; std::sort leaves their order unspecified, so a comparator that
// calls different values equivalent may order them differently from the
// library's std::sort).
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "Graph/ValueCopies.h"
#include "clang/AST/ExprCXX.h"

using namespace adgen;
using namespace adgen::graph;

bool GraphBuilder::Impl::isMutatingAlgorithm(const clang::CallExpr *CE) {
  std::string N = stdFunctionName(CE->getDirectCallee());
  return N == "sort" || N == "stable_sort" || N == "reverse" || N == "fill" || N == "fill_n" ||
         N == "copy" || N == "copy_n" || N == "iota" || (N == "swap" && CE->getNumArgs() == 2);
}

void GraphBuilder::Impl::assignElement(const Expr *Dst, const Expr *Src, const Type &T,
                                       clang::SourceLocation L) {
  if (T.Rec)
    copyFields(M, Dst, Src, T, *Cur, loc(L));
  else
    emit(M.assign(Dst, Src->Ty.Scalar == T.Scalar ? Src : M.cast(Src, T), loc(L)));
}

void GraphBuilder::Impl::swapPlaces(const Expr *P, const Expr *Q, const Type &T,
                                    clang::SourceLocation L) {
  Var *Saved = temp("swapped", T, L);
  if (T.Rec) {
    emit(M.decl(Saved, nullptr, loc(L)));
    copyFields(M, M.ref(Saved), P, T, *Cur, loc(L));
  } else {
    emit(M.decl(Saved, P, loc(L)));
  }
  assignElement(P, Q, T, L);
  assignElement(Q, M.ref(Saved), T, L);
}

/// The body of a loop built in \p Body, with \p Cur pointing into it.
struct GraphBuilder::Impl::LoopBody {
  Impl &B;
  Block Body;
  Block *Saved;
  explicit LoopBody(Impl &B) : B(B), Saved(B.Cur) { B.Cur = &Body, ++B.LoopDepth; }
  Block take() {
    B.Cur = Saved, --B.LoopDepth;
    return std::move(Body);
  }
};

bool GraphBuilder::Impl::sortRange(const clang::CallExpr *CE, IterRange &A) {
  std::string N = CE->getDirectCallee()->getNameAsString();
  clang::SourceLocation L = CE->getBeginLoc();
  Type Elem = A.Base->Ty.element();
  AlgorithmOp Fn;
  bool Custom = CE->getNumArgs() == 3;
  if (Custom && !algorithmOperation(CE->getArg(2), N, 2, Fn))
    return false;
  if (!Custom && Elem.Rec)
    return failStmt(L, "'std::" + N + "' of structs needs a comparator: 'std::" + N +
                           "(first, last, [](const S &a, const S &b) { return a.x < b.x; })'");
  pinRange(A, N, L);
  Type IT = A.Last->Ty.element();
  Type Bool = Type::scalar(ScalarKind::Bool, "bool");
  Var *I = temp(N + "_index", IT, L), *J = temp(N + "_place", IT, L);
  const Expr *Lo = A.First ? toIndexType(A.First, IT) : M.constant("0", IT);
  // for (j = i; j > first; j = j - 1): a[j] moves down while it comes first.
  LoopBody Inner(*this);
  const Expr *Here = M.load(A.Base, M.ref(J));
  const Expr *Below = M.load(A.Base, M.binary(Op::Sub, M.ref(J), M.constant("1", IT), IT));
  unsigned Before = Diags.errorCount();
  const Expr *Less = Custom ? applyOperation(Fn, {Here, Below}, L)
                            : M.binary(Op::Lt, Here, Below, Bool);
  if (!Less) {
    Inner.take();
    return Diags.errorCount() == Before
               ? failStmt(CE->getArg(2)->getBeginLoc(), "the comparison of 'std::" + N +
                                                             "' must return a value")
               : false;
  }
  emit(M.ifStmt(M.unary(Op::Not, Less, Bool), Block{M.brk(loc(L))}, {}, loc(L)));
  swapPlaces(Here, Below, Elem, L);
  Block InnerBody = Inner.take();
  LoopBody Outer(*this);
  Block Init{M.decl(J, M.ref(I))};
  Block Dec{M.assign(M.ref(J), M.binary(Op::Sub, M.ref(J), M.constant("1", IT), IT))};
  emit(M.loop(LoopKind::For, std::move(Init), M.binary(Op::Gt, M.ref(J), Lo, Bool),
              std::move(InnerBody), std::move(Dec), loc(L)));
  const Expr *Second = A.First ? M.binary(Op::Add, Lo, M.constant("1", IT), IT)
                                : M.constant("1", IT);
  countedLoop(I, Second, A.Last, Outer.take(), L);
  return true;
}

bool GraphBuilder::Impl::reverseRange(const clang::CallExpr *CE, IterRange &A) {
  clang::SourceLocation L = CE->getBeginLoc();
  pinRange(A, "reverse", L);
  Type IT = A.Last->Ty.element();
  const Expr *Lo = A.First ? toIndexType(A.First, IT) : nullptr;
  const Expr *Count = Lo ? M.binary(Op::Sub, A.Last, Lo, IT) : A.Last;
  const Expr *Half = M.binary(Op::Div, Count, M.constant("2", IT), IT);
  Var *K = temp("reverse_index", IT, L);
  LoopBody Body(*this);
  const Expr *Front = Lo ? M.binary(Op::Add, Lo, M.ref(K), IT) : M.ref(K);
  const Expr *Back = M.binary(Op::Sub, M.binary(Op::Sub, A.Last, M.constant("1", IT), IT),
                              M.ref(K), IT);
  swapPlaces(M.load(A.Base, Front), M.load(A.Base, Back), A.Base->Ty.element(), L);
  countedLoop(K, nullptr, Half, Body.take(), L);
  return true;
}

/// `first, n` of fill_n and copy_n: the range first .. first + n.
bool GraphBuilder::Impl::countedRange(const clang::CallExpr *CE, IterRange &A) {
  if (!iteratorRange(CE, CE->getArg(0), nullptr, A))
    return false;
  const Expr *N = expr(CE->getArg(1));
  if (!N)
    return false;
  if (N->Ty.isMemory() || N->Ty.isFloating())
    return failStmt(CE->getArg(1)->getBeginLoc(), "the count of 'std::" +
                                                       CE->getDirectCallee()->getNameAsString() +
                                                       "' must be an integer");
  A.Last = A.First ? M.binary(Op::Add, toIndexType(A.First, N->Ty), N, N->Ty) : N;
  return true;
}

bool GraphBuilder::Impl::mutatingAlgorithm(const clang::CallExpr *CE) {
  std::string N = CE->getDirectCallee()->getNameAsString();
  clang::SourceLocation L = CE->getBeginLoc();
  unsigned NArgs = CE->getNumArgs();
  if (N == "swap")
    return swapCall(CE);
  bool Sort = N == "sort" || N == "stable_sort";
  bool Counted = N == "fill_n" || N == "copy_n";
  unsigned Want = Sort ? 2 : N == "reverse" ? 2 : 3;
  if (NArgs != Want && !(Sort && NArgs == 3))
    return failStmt(L, "this form of 'std::" + N + "' is not supported (an execution policy, "
                       "a range): " + RecognisedAlgorithms);
  IterRange A, Out;
  if (Counted ? !countedRange(CE, A) : !iteratorRange(CE, CE->getArg(0), CE->getArg(1), A))
    return false;
  if (Sort)
    return sortRange(CE, A);
  if (N == "reverse")
    return reverseRange(CE, A);
  Type Elem = A.Base->Ty.element();
  bool Copy = N == "copy" || N == "copy_n";
  if (Copy && !iteratorRange(CE, CE->getArg(2), nullptr, Out))
    return false;
  if (Copy && Out.Base->Ty.Rec != Elem.Rec)
    return failStmt(CE->getArg(2)->getBeginLoc(), "'std::" + N + "' into elements of another "
                                                       "type is not supported");
  Var *Value = nullptr;
  if (!Copy) {
    if (Elem.Rec)
      return failStmt(L, "'std::" + N + "' of structs is not supported; write a loop");
    const Expr *X = expr(CE->getArg(2));
    if (!X)
      return false;
    if (X->Ty.isMemory())
      return failStmt(CE->getArg(2)->getBeginLoc(), "the value of 'std::" + N +
                                                         "' must be a number");
    Value = temp(N + "_value", Elem, L);
    emit(M.decl(Value, X->Ty.Scalar == Elem.Scalar ? X : M.cast(X, Elem), loc(L)));
  }
  pinRange(A, N, L);
  Type IT = A.Last->Ty.element();
  Var *K = temp(N + "_index", IT, L);
  LoopBody Body(*this);
  const Expr *AK = rangeElement(A, A, K);
  if (Copy) {
    assignElement(rangeElement(Out, A, K), AK, Out.Base->Ty.element(), L);
  } else {
    assignElement(AK, M.ref(Value), Elem, L);
    if (N == "iota")
      emit(M.assign(M.ref(Value), M.binary(Op::Add, M.ref(Value), M.constant("1", Elem), Elem),
                    loc(L)));
  }
  countedLoop(K, A.First, A.Last, Body.take(), L);
  return true;
}

bool GraphBuilder::Impl::swapCall(const clang::CallExpr *CE) {
  clang::SourceLocation L = CE->getBeginLoc();
  const Expr *P = lvalue(CE->getArg(0));
  const Expr *Q = P ? lvalue(CE->getArg(1)) : nullptr;
  if (!Q)
    return false;
  Type T = P->Ty;
  if (T.IsVector || Q->Ty.IsVector || T.IsPointer || T.IsReference)
    return failStmt(L, "'std::swap' of std::vectors or pointers is not supported; swap "
                       "their elements in a loop");
  if (graph::copiesChangeValues(T))
    return failStmt(L, "'std::swap' of objects of '" + T.Spelling + "', a class whose "
                       "user-written copy changes values, is not supported (it copies them "
                       "through that copy); swap their fields");
  if (!T.ArraySize && !T.StdArray) {
    swapPlaces(P, Q, T.element(), L);
    return true;
  }
  // Arrays and std::arrays: element by element.
  uint64_t Size = T.ArraySize ? T.ArraySize : T.StdArray;
  Type IT = Type::scalar(ScalarKind::Int, "std::size_t");
  Var *K = temp("swap_index", IT, L);
  LoopBody Body(*this);
  swapPlaces(M.load(P, M.ref(K)), M.load(Q, M.ref(K)), T.element(), L);
  countedLoop(K, nullptr, M.constant(std::to_string(Size) + "u", IT), Body.take(), L);
  return true;
}

const Expr *GraphBuilder::Impl::fillContainer(const Expr *Obj, const clang::Expr *ValueE,
                                              clang::SourceLocation L) {
  Type Elem = Obj->Ty.element();
  if (Elem.Rec)
    return fail(L, "'fill' of a std::array of structs is not supported; write a loop");
  const Expr *X = expr(ValueE);
  if (!X)
    return nullptr;
  Var *Value = temp("fill_value", Elem, L);
  emit(M.decl(Value, X->Ty.Scalar == Elem.Scalar ? X : M.cast(X, Elem), loc(L)));
  Type IT = Type::scalar(ScalarKind::Int, "std::size_t");
  Var *K = temp("fill_index", IT, L);
  LoopBody Body(*this);
  emit(M.assign(M.load(Obj, M.ref(K)), M.ref(Value), loc(L)));
  countedLoop(K, nullptr, M.sizeOf(Obj), Body.take(), L);
  return Obj; // handled (the call's value is not used)
}
