//===- Graph/RangeAlgorithms.cpp - std::transform and std::for_each -------===//
//
// `std::transform(x.begin(), x.end(), y.begin(), op)`, its binary form
// `std::transform(a.begin(), a.end(), b.begin(), y.begin(), op)` and
// `std::for_each(v.begin(), v.end(), op)`, with op a lambda, over whole
// ranges (see rangeStart in Algorithms.cpp for the forms), are built as the
// loops the standard defines them by:
//
//   for (k = 0; k < n; ++k) y[k] = op(x[k]);          transform
//   for (k = 0; k < n; ++k) y[k] = op(a[k], b[k]);    binary transform
//   for (k = 0; k < n; ++k) op(v[k]);                 for_each
//
// with op's body inlined at the call (Lambdas.cpp) and its parameters bound
// to the elements themselves: `[&](double &e) { e *= s; }` writes v[k], and a
// capture by reference is the enclosing function's variable. Both transforms
// then see an ordinary loop; libstdc++'s iterators are never looked into.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;

/// The call operator of the lambda that \p OpE is (a lambda written in
/// place or a variable holding one); for a generic lambda, its one
/// instantiation. Null when \p OpE is not a lambda, or when a generic
/// lambda has several instantiations (which one is meant is not known).
static const clang::CXXMethodDecl *lambdaOperator(const clang::Expr *OpE) {
  const clang::CXXRecordDecl *RD = OpE->getType()->getAsCXXRecordDecl();
  if (!RD || !RD->isLambda())
    return nullptr;
  if (!RD->isGenericLambda())
    return RD->getLambdaCallOperator();
  const clang::FunctionTemplateDecl *FTD = RD->getDependentLambdaCallOperator();
  const clang::FunctionDecl *Only = nullptr;
  for (const clang::FunctionDecl *Spec : FTD->specializations()) {
    if (Only)
      return nullptr;
    Only = Spec;
  }
  return Only ? dyn_cast<clang::CXXMethodDecl>(Only) : nullptr;
}

bool GraphBuilder::Impl::rangeAlgorithm(const clang::CallExpr *CE) {
  std::string N = "'std::" + CE->getDirectCallee()->getNameAsString() + "'";
  clang::SourceLocation L = CE->getBeginLoc();
  bool ForEach = CE->getDirectCallee()->getName() == "for_each";
  unsigned NArgs = CE->getNumArgs();
  if (ForEach ? NArgs != 3 : NArgs != 4 && NArgs != 5)
    return failStmt(L, "this form of " + N + " is not supported; adgen supports " +
                           (ForEach ? "'std::for_each(first, last, lambda)'"
                                    : "'std::transform(first, last, out, lambda)' and "
                                      "'std::transform(first, last, first2, out, lambda)'"));
  const clang::Expr *OpE = CE->getArg(NArgs - 1);
  const clang::CXXMethodDecl *MD = lambdaOperator(OpE);
  if (!MD)
    return failStmt(OpE->getBeginLoc(),
                    N + " is supported with a lambda as its operation ('[&](double v) { "
                        "... }', written in place or held in a variable defined in the "
                        "function); a generic lambda must be used with one element type");
  unsigned Inputs = ForEach ? 1 : NArgs - 3;
  const Expr *Size = nullptr, *Unused = nullptr;
  const Expr *In[2] = {rangeStart(CE, CE->getArg(0), CE->getArg(1), Size), nullptr};
  if (!In[0])
    return false;
  if (Inputs == 2 && !(In[1] = rangeStart(CE, CE->getArg(2), nullptr, Unused)))
    return false;
  const Expr *Out = nullptr;
  if (!ForEach && !(Out = rangeStart(CE, CE->getArg(NArgs - 2), nullptr, Unused)))
    return false;
  if (MD->getNumParams() != Inputs)
    return failStmt(OpE->getBeginLoc(), "the lambda of " + N + " must take " +
                                            (Inputs == 1 ? "one element" : "two elements"));
  LambdaInfo Local;
  LambdaInfo *Info = nullptr;
  std::string Name;
  if (!lambdaOf(OpE, OpE->getBeginLoc(), Local, Info, Name))
    return false;
  // The algorithm works on its own copy of the function object: the state of
  // a named mutable lambda would change in that copy only.
  if (Info != &Local && !MD->isConst() && !Info->Copies.empty())
    return failStmt(OpE->getBeginLoc(), "a 'mutable' lambda with captures by copy passed "
                                        "to " + N + " by name is not supported (the "
                                        "algorithm changes a copy of it); write the lambda "
                                        "in place or capture by reference");

  Type IndexT = Size->Ty.element();
  std::string Base = CE->getDirectCallee()->getName().str();
  if (Size->K != Op::Const && Size->K != Op::Call) {
    // `a, a + n`: n as the call saw it, even if the lambda changes n.
    Var *Count = temp(Base + "_count", IndexT, L);
    emit(M.decl(Count, Size, loc(L)));
    Size = M.ref(Count);
  }
  Var *K = temp(Base + "_index", IndexT, L);
  Block Body;
  Block *Saved = Cur;
  Cur = &Body;
  ++LoopDepth;
  std::vector<const Expr *> Elems;
  for (unsigned I = 0; I < Inputs; ++I)
    Elems.push_back(M.load(In[I], M.ref(K)));
  unsigned Before = Diags.errorCount();
  const Expr *R = inlineLambda(*Info, Name, MD, {}, Elems, L);
  bool OK = Diags.errorCount() == Before;
  if (OK && Out) {
    Type OutT = Out->Ty.element();
    const Expr *Dst = M.load(Out, M.ref(K));
    if (!R)
      OK = failStmt(OpE->getBeginLoc(), "the lambda of " + N + " must return a value");
    else if (OutT.Rec || R->Ty.Rec)
      OK = OutT.Rec == R->Ty.Rec
               ? (copyFields(M, Dst, R, OutT, *Cur, loc(L)), true)
               : failStmt(OpE->getBeginLoc(), "the lambda of " + N + " must return the "
                                               "type of the output's elements");
    else
      emit(M.assign(Dst, R->Ty.Scalar == OutT.Scalar ? R : M.cast(R, OutT), loc(L)));
  }
  --LoopDepth;
  Cur = Saved;
  if (!OK)
    return false;
  Type Bool = Type::scalar(ScalarKind::Bool, "bool");
  Block Init{M.decl(K, M.constant("0", IndexT))};
  Block Inc{M.assign(M.ref(K), M.binary(Op::Add, M.ref(K), M.constant("1", IndexT), IndexT))};
  emit(M.loop(LoopKind::For, std::move(Init), M.binary(Op::Lt, M.ref(K), Size, Bool),
              std::move(Body), std::move(Inc), loc(L)));
  return true;
}
