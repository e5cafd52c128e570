//===- Graph/RangeAlgorithms.cpp - std::transform and std::for_each -------===//
//
// `std::transform(first, last, out, op)`, its binary form
// `std::transform(first, last, first2, out, op)` and
// `std::for_each(first, last, op)`, over the ranges IteratorRanges.cpp
// reads (whole or in part), are built as the loops the standard defines them
// by:
//
//   for (k = b; k < e; ++k) y[k] = op(x[k]);          transform
//   for (k = b; k < e; ++k) y[k] = op(a[k], w[k]);    binary transform
//   for (k = b; k < e; ++k) op(v[k]);                 for_each
//
// with op a lambda, a function, a function object or std::plus<> and kin
// (AlgorithmOperations.cpp). A lambda's body is inlined at the call
// (Lambdas.cpp) with its parameters bound to the elements themselves:
// `[&](double &e) { e *= s; }` writes v[k], and a capture by reference is
// the enclosing function's variable. Both transforms then see an ordinary
// loop; libstdc++'s iterators are never looked into.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;

bool GraphBuilder::Impl::rangeAlgorithm(const clang::CallExpr *CE) {
  std::string Base = CE->getDirectCallee()->getName().str();
  std::string N = "'std::" + Base + "'";
  clang::SourceLocation L = CE->getBeginLoc();
  bool ForEach = Base == "for_each";
  unsigned NArgs = CE->getNumArgs();
  if (ForEach ? NArgs != 3 : NArgs != 4 && NArgs != 5)
    return failStmt(L, "this form of " + N + " is not supported; adgen supports " +
                           (ForEach ? "'std::for_each(first, last, op)'"
                                    : "'std::transform(first, last, out, op)' and "
                                      "'std::transform(first, last, first2, out, op)'"));
  const clang::Expr *OpE = CE->getArg(NArgs - 1);
  unsigned Inputs = ForEach ? 1 : NArgs - 3;
  IterRange In[2], Out;
  if (!iteratorRange(CE, CE->getArg(0), CE->getArg(1), In[0]))
    return false;
  if (Inputs == 2 && !iteratorRange(CE, CE->getArg(2), nullptr, In[1]))
    return false;
  if (!ForEach && !iteratorRange(CE, CE->getArg(NArgs - 2), nullptr, Out))
    return false;
  AlgorithmOp Fn;
  if (!algorithmOperation(OpE, Base, Inputs, Fn))
    return false;
  // `a, a + n`: n as the call saw it, even if the operation changes n.
  pinRange(In[0], Base, L);
  Type IndexT = In[0].Last->Ty.element();
  Var *K = temp(Base + "_index", IndexT, L);
  Block Body;
  Block *Saved = Cur;
  Cur = &Body;
  ++LoopDepth;
  std::vector<const Expr *> Elems;
  for (unsigned I = 0; I < Inputs; ++I)
    Elems.push_back(rangeElement(In[I], In[0], K));
  unsigned Before = Diags.errorCount();
  const Expr *R = applyOperation(Fn, Elems, L);
  bool OK = Diags.errorCount() == Before;
  if (OK && !ForEach) {
    Type OutT = Out.Base->Ty.element();
    const Expr *Dst = rangeElement(Out, In[0], K);
    if (!R)
      OK = failStmt(OpE->getBeginLoc(), "the operation of " + N + " must return a value");
    else if (OutT.Rec || R->Ty.Rec)
      OK = OutT.Rec == R->Ty.Rec
               ? (copyFields(M, Dst, R, OutT, *Cur, loc(L)), true)
               : failStmt(OpE->getBeginLoc(), "the operation of " + N + " must return the "
                                               "type of the output's elements");
    else
      emit(M.assign(Dst, R->Ty.Scalar == OutT.Scalar ? R : M.cast(R, OutT), loc(L)));
  }
  --LoopDepth;
  Cur = Saved;
  if (!OK)
    return false;
  countedLoop(K, In[0].First, In[0].Last, std::move(Body), L);
  return true;
}
