//===- Graph/ScalarAddress.cpp - &x of a scalar passed to a pointer -------===//
//
// `helper(&x)`, with `double helper(const double *p)` or `void helper(double
// *p)` and x a scalar local or parameter: the graph's pointers point into
// memory (arrays, pointer parameters), and a scalar is not memory. At the
// call, x is copied into a one-element local array (x_cell), the callee gets
// that array, and for a pointer to non-const the element is copied back into
// x after the call. That is what the call does with x as long as the callee
// reaches x through this argument alone, so the same variable passed twice
// by address, or also by non-const reference, is refused. `&r` of a local
// reference to an array element is the element's address, like `&a[i]`.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;

bool GraphBuilder::Impl::scalarAddressArg(const clang::Expr *A, const Type &PT,
                                          const Expr *&Out, CopyBacks &Back) {
  Out = nullptr;
  const auto *UO = dyn_cast<clang::UnaryOperator>(A->IgnoreParenImpCasts());
  if (!UO || UO->getOpcode() != clang::UO_AddrOf || !PT.IsPointer)
    return true;
  const auto *DRE = dyn_cast<clang::DeclRefExpr>(UO->getSubExpr()->IgnoreParens());
  const clang::ValueDecl *D = DRE ? DRE->getDecl() : nullptr;
  if (!D)
    return true;
  if (const Expr *Alias = Aliases.lookup(D); Alias && Alias->K == Op::Load && !isFieldLoad(Alias)) {
    Out = M.ptrAdd(Alias->Ops[0], Alias->Ops[1]); // &r, r bound to a[i]: a + i
    return true;
  }
  Var *V = Vars.lookup(D);
  if (const Expr *Alias = Aliases.lookup(D); !V && Alias && Alias->K == Op::VarRef)
    V = Alias->V; // double &r = x;
  if (!V || V->Kind == VarKind::Global || V->Ty.isMemory())
    return true; // not a scalar of f's: refused as before
  for (const auto &B : Back)
    if (B.first == V)
      return failStmt(UO->getBeginLoc(), "the address of '" + V->Name +
                                             "' is passed twice to one call, which is not "
                                             "supported; copy it into a second variable");
  Type T = V->Ty.element();
  T.IsConst = T.IsReference = false;
  T.ArraySize = 1;
  Var *Cell = temp(V->Name + "_cell", T, UO->getBeginLoc());
  Loc L = loc(UO->getBeginLoc());
  emit(M.decl(Cell, nullptr, L));
  emit(M.assign(M.load(M.ref(Cell), M.intConst(0)), M.ref(V), L));
  Out = M.ref(Cell);
  Back.push_back({V, PT.PointeeConst ? nullptr : M.load(M.ref(Cell), M.intConst(0))});
  return true;
}

bool GraphBuilder::Impl::checkScalarAddresses(const std::vector<const Expr *> &Args,
                                              const std::vector<Type> &ParamTypes,
                                              const CopyBacks &Back,
                                              clang::SourceLocation Where) {
  for (const auto &B : Back)
    for (size_t I = 0; I < Args.size() && I < ParamTypes.size(); ++I)
      if (ParamTypes[I].IsReference && !ParamTypes[I].IsConst && Args[I]->K == Op::VarRef &&
          Args[I]->V == B.first)
        return failStmt(Where, "'" + B.first->Name + "' is passed to one call both by "
                                   "address and by reference, which is not supported; copy "
                                   "it into a second variable");
  return true;
}

void GraphBuilder::Impl::copyBack(const CopyBacks &Back, clang::SourceLocation Where) {
  for (const auto &B : Back)
    if (B.second)
      emit(M.assign(M.ref(B.first), B.second, loc(Where)));
}
