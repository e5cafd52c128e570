//===- Graph/PointerOffsets.cpp - Pointers moved within an array ----------===//
//
// A pointer to numbers that the function reseats (`p = p + 1`, `p++`, `--p`,
// `p += n`, `p = q`, `p = &a[i]`, `p = a`) or compares with another pointer
// (`p != end`), a local or a parameter, is kept
// as the array it points into (its base: a pointer parameter, a local array,
// a pointer that is never reseated) and an integer local, `p_offset`, the
// element it points to. `*p` and `p[i]` are base[p_offset] and
// base[p_offset + i]; reseating assigns p_offset, an integer the transforms
// restore like any other. Two pointers into one array compare and subtract
// as their offsets.
//
// The base is known where the function is read: a pointer may be pointed
// into another array only outside any branch or loop that its declaration is
// not also in, so that which array it reaches never depends on the path
// taken; otherwise adgen refuses, naming the assignment. Comparing or
// subtracting pointers into different arrays is refused.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

namespace {
/// The variable \p E names when it is a pointer to a number, else null.
const clang::VarDecl *numberPointer(const clang::Expr *E) {
  const auto *DRE = dyn_cast<clang::DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<clang::VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || VD->hasGlobalStorage() || !VD->getType()->isPointerType())
    return nullptr;
  clang::QualType P = VD->getType()->getPointeeType();
  return P->isArithmeticType() && !P->isBooleanType() ? VD : nullptr;
}

bool isNull(const clang::Expr *E) {
  E = E->IgnoreParenImpCasts();
  return clang::isa<clang::CXXNullPtrLiteralExpr>(E) || clang::isa<clang::GNUNullExpr>(E) ||
         clang::isa<clang::IntegerLiteral>(E);
}

void findReseated(const clang::Stmt *S, llvm::DenseSet<const clang::Decl *> &Out) {
  if (!S)
    return;
  const clang::Expr *Target = nullptr;
  if (const auto *BO = dyn_cast<clang::BinaryOperator>(S); BO && BO->isAssignmentOp())
    Target = BO->getLHS();
  if (const auto *UO = dyn_cast<clang::UnaryOperator>(S); UO && UO->isIncrementDecrementOp())
    Target = UO->getSubExpr();
  if (Target)
    if (const clang::VarDecl *VD = numberPointer(Target))
      Out.insert(VD);
  // `p != end`, `end - p`: both sides are kept as offsets, so that `end`
  // (`const double *end = a + n;`) compares with a moved pointer into a.
  if (const auto *BO = dyn_cast<clang::BinaryOperator>(S);
      BO && (BO->isComparisonOp() || BO->getOpcode() == clang::BO_Sub) &&
      BO->getLHS()->getType()->isPointerType() && BO->getRHS()->getType()->isPointerType() &&
      !isNull(BO->getLHS()) && !isNull(BO->getRHS())) // p != nullptr: a test (NullPointers.cpp)
    for (const clang::Expr *Side : {BO->getLHS(), BO->getRHS()})
      if (const clang::VarDecl *VD = numberPointer(Side); VD && !isa<clang::ParmVarDecl>(VD))
        Out.insert(VD); // a parameter not moved is at offset 0 of itself
  // advance(p) with `void advance(const double *&p)`: the callee may move p
  // (PointerReferences.cpp).
  if (const auto *CE = dyn_cast<clang::CallExpr>(S))
    for (unsigned I = 0; I < CE->getNumArgs(); ++I)
      if (passesPointerReference(CE, I))
        if (const clang::VarDecl *VD = numberPointer(CE->getArg(I)))
          Out.insert(VD);
  for (const clang::Stmt *C : S->children())
    findReseated(C, Out);
}
} // namespace

/// \p A + \p B of offsets, read as written: `i - 1` rather than `i + -1`.
static const Expr *addOffsets(Module &M, const Expr *A, const Expr *B, const Type &T) {
  if (B->isConst(0))
    return A;
  if (B->K == Op::Neg)
    return M.binary(Op::Sub, A, B->Ops[0], T);
  return M.binary(Op::Add, A, B, T);
}

void GraphBuilder::Impl::findReseatedPointers(const clang::Stmt *Body) {
  findReseated(Body, Reseated);
}

Type GraphBuilder::Impl::offsetType() {
  return Type::scalar(ScalarKind::Int, "std::ptrdiff_t");
}

Var *GraphBuilder::Impl::offsetVar(const clang::VarDecl *VD, const Expr *Init) {
  Var *Off = newVar(VD->getName().str() + "_offset", offsetType(), VarKind::Local,
                    VD->getLocation());
  emit(M.decl(Off, Init, loc(VD->getLocation())));
  return Off;
}

bool GraphBuilder::Impl::offsetPointerParam(const clang::ParmVarDecl *PD, Var *V) {
  if (!Reseated.count(PD) || !V->Ty.IsPointer)
    return true;
  OffsetPointers[PD] = {V, offsetVar(PD, M.intConst(0)), Cur};
  return true;
}

bool GraphBuilder::Impl::splitPointer(const Expr *P, Var *&Base, const Expr *&Off) {
  Off = nullptr;
  while (P->K == Op::PtrAdd) {
    const Expr *O = P->Ops[1];
    Off = Off ? M.binary(Op::Add, O, Off, offsetType()) : O;
    P = P->Ops[0];
  }
  if (P->K != Op::VarRef || !P->V->Ty.isMemory() || P->V->Ty.isContainer())
    return false;
  Base = P->V;
  if (!Off)
    Off = M.intConst(0);
  return true;
}

bool GraphBuilder::Impl::offsetPointerDecl(const clang::VarDecl *VD) {
  clang::SourceLocation L = VD->getLocation();
  const clang::Expr *Init = pointerInit(VD); // also double *p{a};
  if (!Init)
    return failStmt(L, "a pointer variable must be initialised where it is declared");
  const Expr *Val = expr(Init);
  if (!Val)
    return false;
  Var *Base = nullptr;
  const Expr *Off = nullptr;
  if (!splitPointer(Val, Base, Off))
    return failStmt(Init->getBeginLoc(),
                    "a pointer variable that is moved must point into a parameter or a "
                    "local array (e.g. 'const double *p = a;')");
  OffsetPointers[VD] = {Base, offsetVar(VD, Off), Cur};
  return true;
}

const GraphBuilder::Impl::OffsetPointer *
GraphBuilder::Impl::offsetPointerOf(const clang::Expr *E) {
  const auto *DRE = dyn_cast<clang::DeclRefExpr>(E->IgnoreParenImpCasts());
  if (!DRE)
    return nullptr;
  auto It = OffsetPointers.find(DRE->getDecl());
  return It == OffsetPointers.end() ? nullptr : &It->second;
}

const Expr *GraphBuilder::Impl::offsetPointerValue(const OffsetPointer &P) {
  return M.ptrAdd(M.ref(P.Base), M.ref(P.Off));
}

const Expr *GraphBuilder::Impl::offsetPointee(const clang::Expr *Ptr, const clang::Expr *Index,
                                              bool &Handled) {
  const OffsetPointer *P = offsetPointerOf(Ptr);
  Handled = P != nullptr;
  if (!P)
    return nullptr;
  const Expr *I = expr(Index);
  if (!I)
    return nullptr;
  const Expr *At = addOffsets(M, M.ref(P->Off), I, offsetType());
  return M.load(M.ref(P->Base), At);
}

const Expr *GraphBuilder::Impl::pointerArithmetic(const Expr *P, const Expr *N) {
  Var *Base = nullptr;
  const Expr *Off = nullptr;
  if (P->K == Op::PtrAdd && P->Ops[1]->K == Op::VarRef && splitPointer(P, Base, Off) &&
      llvm::any_of(OffsetPointers, [&](const auto &KV) { return KV.second.Off == P->Ops[1]->V; }))
    return M.ptrAdd(M.ref(Base), addOffsets(M, Off, N, offsetType())); // p + 1
  return M.ptrAdd(P, N);
}

const Expr *GraphBuilder::Impl::pointerRelation(const clang::BinaryOperator *BO, const Expr *A,
                                                const Expr *B, Op K) {
  Var *BaseA = nullptr, *BaseB = nullptr;
  const Expr *OffA = nullptr, *OffB = nullptr;
  bool Split = splitPointer(A, BaseA, OffA) && splitPointer(B, BaseB, OffB);
  if (!Split || BaseA != BaseB)
    return fail(BO->getOperatorLoc(), "comparing or subtracting pointers is supported only "
                                      "for pointers into one array");
  if (K == Op::Sub)
    return OffB->isConst(0) ? OffA : M.binary(Op::Sub, OffA, OffB, offsetType());
  if (K != Op::Lt && K != Op::Le && K != Op::Gt && K != Op::Ge && K != Op::Eq && K != Op::Ne)
    return fail(BO->getOperatorLoc(), "this pointer arithmetic is not supported");
  return M.binary(K, OffA, OffB, Type::scalar(ScalarKind::Bool, "bool"));
}

const Expr *GraphBuilder::Impl::offsetAssignment(const clang::BinaryOperator *BO,
                                                 bool &Handled) {
  const clang::Expr *LHS = BO->getLHS()->IgnoreParens();
  OffsetPointer *P = const_cast<OffsetPointer *>(offsetPointerOf(LHS));
  Handled = P != nullptr;
  if (!P)
    return nullptr;
  const Expr *R = expr(BO->getRHS());
  if (!R)
    return nullptr;
  Loc L = loc(BO->getOperatorLoc());
  const Expr *Off = M.ref(P->Off);
  switch (BO->getOpcode()) {
  case clang::BO_AddAssign: // p += n
    emit(M.assign(Off, M.binary(Op::Add, Off, R, offsetType()), L));
    return offsetPointerValue(*P);
  case clang::BO_SubAssign: // p -= n
    emit(M.assign(Off, M.binary(Op::Sub, Off, R, offsetType()), L));
    return offsetPointerValue(*P);
  case clang::BO_Assign:
    break;
  default:
    return fail(BO->getOperatorLoc(), "this assignment to a pointer is not supported");
  }
  Var *Base = nullptr;
  const Expr *To = nullptr;
  std::string Name = dyn_cast<clang::DeclRefExpr>(LHS)->getDecl()->getNameAsString();
  if (!splitPointer(R, Base, To))
    return fail(BO->getRHS()->getBeginLoc(),
                "'" + Name + "' may only be pointed into a parameter or a local array");
  if (Base != P->Base) {
    if (!P->Home)
      return fail(BO->getOperatorLoc(),
                  "'" + Name + "' is a reference to the caller's pointer: pointing it into "
                  "another array is not supported (move it within its array, or return "
                  "the new pointer)");
    if (Cur != P->Home)
      return fail(BO->getOperatorLoc(),
                  "'" + Name + "' is pointed into another array inside a branch or loop, so "
                  "which array it reaches would depend on the path taken; this is not "
                  "supported (use a second pointer)");
    P->Base = Base;
  }
  emit(M.assign(Off, To, L));
  return offsetPointerValue(*P);
}

const Expr *GraphBuilder::Impl::offsetIncrement(const clang::UnaryOperator *UO, bool ValueUsed,
                                                bool &Handled) {
  const OffsetPointer *P = offsetPointerOf(UO->getSubExpr());
  Handled = P != nullptr;
  if (!P)
    return nullptr;
  const Expr *Off = M.ref(P->Off);
  Op K = UO->isIncrementOp() ? Op::Add : Op::Sub;
  Loc L = loc(UO->getOperatorLoc());
  if (UO->isPrefix() || !ValueUsed) {
    emit(M.assign(Off, M.binary(K, Off, M.intConst(1), offsetType()), L));
    return offsetPointerValue(*P);
  }
  // p++ as a value: the old position.
  Var *Old = temp("old", offsetType(), UO->getOperatorLoc());
  emit(M.decl(Old, Off, L));
  emit(M.assign(Off, M.binary(K, Off, M.intConst(1), offsetType()), L));
  return M.ptrAdd(M.ref(P->Base), M.ref(Old));
}

bool GraphBuilder::Impl::bindMovedPointerParam(const clang::ParmVarDecl *PD, const Expr *Place,
                                               clang::SourceLocation L, bool &Bound) {
  Bound = false;
  if (!Reseated.count(PD))
    return true;
  Var *Base = nullptr;
  const Expr *Off = nullptr;
  if (!splitPointer(Place, Base, Off))
    return failStmt(L, "the pointer passed to parameter '" + PD->getNameAsString() +
                           "', which the function moves, must point into a parameter or a "
                           "local array");
  // A copy of the caller's position: moving it moves only the parameter.
  OffsetPointers[PD] = {Base, offsetVar(PD, Off), Cur};
  Bound = true;
  return true;
}
