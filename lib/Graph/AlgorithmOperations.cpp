//===- Graph/AlgorithmOperations.cpp - The operation a std algorithm calls ===//
//
// The operation of a recognised algorithm (the `op` of std::accumulate,
// std::inner_product, std::transform, std::for_each, the comparison of
// std::max_element) is called on elements the builder already holds as
// graph lvalues (`v[k]`, the running sum):
//
//   a lambda                       its body inlined (Lambdas.cpp), its
//                                  parameters bound to the elements;
//   std::plus<>, std::minus<>,     the arithmetic itself: `a + b`;
//   std::multiplies<>, std::divides<>, std::less<>, std::greater<>
//   a function with a body         an ordinary call, differentiated like
//                                  any call of a helper (`y[k] = g(x[k])`);
//   an object with operator()      a call of its operator(), the object
//                                  being the algorithm's copy of it.
//
// Other operations (function pointers held in variables, functions without
// a body, generic call operators) are refused.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "Graph/LocalTypeDecls.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

/// The call operator of the lambda that \p OpE is (a lambda written in
/// place or a variable holding one); for a generic lambda, its one
/// instantiation. Null when \p OpE is not a lambda, or when a generic
/// lambda has several instantiations (which one is meant is not known).
static const clang::CXXMethodDecl *lambdaOperator(const clang::CXXRecordDecl *RD) {
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

/// The arithmetic of std::plus and its kin (any argument type), or false.
static bool builtinOperation(const clang::CXXRecordDecl *RD, Op &K) {
  if (!RD->getIdentifier() || !RD->getDeclContext()->getRedeclContext()->isStdNamespace() ||
      !RD->getASTContext().getSourceManager().isInSystemHeader(RD->getLocation()))
    return false;
  static const std::pair<const char *, Op> Known[] = {
      {"plus", Op::Add},  {"minus", Op::Sub}, {"multiplies", Op::Mul},
      {"divides", Op::Div}, {"less", Op::Lt},  {"greater", Op::Gt}};
  for (auto &[Name, O] : Known)
    if (RD->getName() == Name) {
      K = O;
      return true;
    }
  return false;
}

/// The one non-template operator() of \p RD taking \p Arity arguments.
static const clang::CXXMethodDecl *callOperator(const clang::CXXRecordDecl *RD, unsigned Arity) {
  const clang::CXXMethodDecl *Found = nullptr;
  for (const clang::CXXMethodDecl *MD : RD->methods())
    if (MD->getOverloadedOperator() == clang::OO_Call && MD->getNumParams() == Arity) {
      if (Found)
        return nullptr;
      Found = MD;
    }
  return Found;
}

bool GraphBuilder::Impl::algorithmOperation(const clang::Expr *OpE, llvm::StringRef Algo,
                                            unsigned Arity, AlgorithmOp &Out) {
  clang::SourceLocation L = OpE->getBeginLoc();
  std::string N = ("'std::" + Algo + "'").str();
  auto refuse = [&]() {
    return failStmt(L, N + " is supported with a lambda, a function with a body, an object "
                           "with one operator() or std::plus<> / std::multiplies<> (and "
                           "kin) as its operation; a generic lambda must be used with one "
                           "element type");
  };
  const clang::Expr *S = stripCopies(OpE);
  // A function: `g`, `&g`.
  const clang::Expr *Fn = S->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<clang::UnaryOperator>(Fn); UO && UO->getOpcode() == clang::UO_AddrOf)
    Fn = UO->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<clang::DeclRefExpr>(Fn))
    if (const auto *FD = dyn_cast<clang::FunctionDecl>(DRE->getDecl())) {
      const clang::FunctionDecl *Def = FD->getDefinition();
      if (!Def || Ctx.getSourceManager().isInSystemHeader(FD->getLocation()) ||
          isa<clang::CXXMethodDecl>(FD))
        return failStmt(L, N + " with function '" + FD->getNameAsString() + "' as its "
                               "operation needs the function's body; wrap it in a lambda "
                               "('[](double v) { return " + FD->getNameAsString() +
                               "(v); }')");
      if (FD->getNumParams() != Arity)
        return refuse();
      Out.Kind = AlgorithmOp::Function;
      Out.FD = Def;
      return true;
    }
  const clang::CXXRecordDecl *RD = S->getType()->getAsCXXRecordDecl();
  if (!RD)
    return refuse();
  if (RD->isLambda()) {
    Out.MD = lambdaOperator(RD);
    if (!Out.MD)
      return refuse();
    if (Out.MD->getNumParams() != Arity)
      return failStmt(L, "the lambda of " + N + " must take " +
                             (Arity == 1 ? "one element" : "two elements"));
    Out.Kind = AlgorithmOp::Lambda;
    if (!lambdaOf(OpE, L, Out.Local, Out.Info, Out.Name))
      return false;
    // The algorithm works on its own copy of the function object: the state
    // of a named mutable lambda would change in that copy only.
    if (Out.Info != &Out.Local && !Out.MD->isConst() && !Out.Info->Copies.empty())
      return failStmt(L, "a 'mutable' lambda with captures by copy passed to " + N +
                             " by name is not supported (the algorithm changes a copy of "
                             "it); write the lambda in place or capture by reference");
    return true;
  }
  if (Arity == 2 && builtinOperation(RD, Out.Arith)) {
    Out.Kind = AlgorithmOp::Builtin;
    return true;
  }
  const clang::CXXMethodDecl *MD = callOperator(RD, Arity);
  if (!MD || !MD->getDefinition() || Ctx.getSourceManager().isInSystemHeader(RD->getLocation()))
    return refuse();
  Type T;
  if (!typeOf(S->getType().getUnqualifiedType(), L, T, "the operation of " + N))
    return false;
  T.IsConst = T.IsReference = false;
  Out.Kind = AlgorithmOp::Functor;
  Out.FD = MD;
  // The algorithm's own copy of the object; a const operator() cannot tell
  // the copy from a variable, which is then used as it is.
  if (MD->isConst() && (isa<clang::DeclRefExpr>(S) || isa<clang::MemberExpr>(S)))
    return (Out.Object = expr(S)) != nullptr;
  const auto *DRE = dyn_cast<clang::DeclRefExpr>(S);
  Var *Copy = temp(DRE ? DRE->getDecl()->getName().str() + "_copy" : Algo.str() + "_op", T, L);
  emit(M.decl(Copy, nullptr, loc(L)));
  if (!initInto(M.ref(Copy), T, OpE))
    return false;
  Out.Object = M.ref(Copy);
  return true;
}

/// The type of `a OP b` for arithmetic on \p A and \p B.
static Type commonType(const Type &A, const Type &B) {
  Type EA = A.element(), EB = B.element();
  if (EB.Scalar > EA.Scalar)
    return EB;
  return EA;
}

const Expr *GraphBuilder::Impl::applyOperation(AlgorithmOp &Fn, llvm::ArrayRef<const Expr *> Elems,
                                               clang::SourceLocation L) {
  switch (Fn.Kind) {
  case AlgorithmOp::Lambda:
    return inlineLambda(*Fn.Info, Fn.Name, Fn.MD, {}, Elems, L);
  case AlgorithmOp::Builtin: {
    const Expr *A = Elems[0], *B = Elems[1];
    if (A->Ty.Rec || B->Ty.Rec)
      return fail(L, "std::plus<> and its kin are supported on numbers only");
    Type T = commonType(A->Ty, B->Ty);
    if (A->Ty.Scalar != T.Scalar)
      A = M.cast(A, T);
    if (B->Ty.Scalar != T.Scalar)
      B = M.cast(B, T);
    bool Compare = Fn.Arith == graph::Op::Lt || Fn.Arith == graph::Op::Gt;
    return M.binary(Fn.Arith, A, B,
                    Compare ? Type::scalar(ScalarKind::Bool, "bool") : T);
  }
  case AlgorithmOp::Function:
  case AlgorithmOp::Functor:
    break;
  }
  const clang::FunctionDecl *FD = Fn.FD;
  if (isAccessor(FD))
    return fail(L, "an operation that returns a reference or pointer is not supported as "
                   "the operation of a standard algorithm");
  Type RT;
  bool Void = FD->getReturnType()->isVoidType();
  if (!Void && !typeOf(FD->getReturnType(), L, RT, "the result of this operation"))
    return nullptr;
  RT.IsConst = RT.IsReference = false;
  if (namesLocalType(FD)) // a type defined inside a function: inlined (LocalTypeDecls.h)
    return inlineLocalTypeCall(FD, Fn.Object, {}, Elems, L, Void);
  Callee *C = callee(FD, L);
  if (!C)
    return nullptr;
  reserveNames(*C);
  std::vector<const Expr *> Args;
  if (Fn.Object)
    Args.push_back(Fn.Object);
  for (const Expr *E : Elems) {
    const Type &PT = C->ParamTypes[Args.size()];
    if (PT.IsPointer)
      return fail(L, "an operation taking a pointer is not supported as the operation of a "
                     "standard algorithm; take the element by value or reference");
    if (!PT.IsReference && !PT.Rec && PT.Scalar != E->Ty.Scalar)
      E = M.cast(E, PT.element());
    Args.push_back(E);
  }
  const Expr *Result = nullptr;
  if (!Void) {
    Var *T = temp(C->BaseName + "_result", RT, L);
    emit(M.decl(T, nullptr, loc(L)));
    Result = M.ref(T);
  }
  emit(M.callStmt(Result, C, std::move(Args), loc(L)));
  return Result;
}
