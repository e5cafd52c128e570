//===- Transforms/ReverseAdjoints.cpp - Where derivatives live ------------===//
#include "Transforms/ReverseImpl.h"

using namespace adgen;
using namespace adgen::graph;
using namespace adgen::reverse_impl;

//===----------------------------------------------------------------------===//
// Derivative storage
//===----------------------------------------------------------------------===//

const Expr *Reverse::adjPtr(const Expr *E) {
  if (E->K == Op::VarRef) {
    auto It = AdjMem.find(E->V);
    return It == AdjMem.end() ? nullptr : M.ref(It->second);
  }
  if (E->K == Op::PtrAdd) {
    const Expr *B = adjPtr(E->Ops[0]);
    return B ? M.ptrAdd(B, E->Ops[1]) : nullptr;
  }
  if (E->K == Op::Load && E->Ty.isMemory()) // a struct inside memory: ps[i], s.inner
    return adjLoc(E);
  return nullptr;
}

const Expr *Reverse::adjLoc(const Expr *E) {
  if (E->K == Op::VarRef || E->K == Op::Deref) {
    auto It = AdjScalar.find(E->V);
    return It == AdjScalar.end() ? nullptr : It->second;
  }
  if (E->K == Op::Load) {
    const Expr *B = adjPtr(E->Ops[0]);
    if (!B)
      return nullptr;
    return isFieldLoad(E) ? M.field(B, E->Ops[1]->Text, E->Ty) : M.load(B, E->Ops[1]);
  }
  return nullptr;
}

bool Reverse::hasAdj(const Expr *E) {
  if (!E->Ty.isFloating() || E->Ty.isMemory())
    return false;
  if (E->K == Op::VarRef || E->K == Op::Load || E->K == Op::Deref)
    return adjLoc(E) != nullptr;
  if (E->K == Op::Cast && !E->Ops[0]->Ty.isFloating())
    return false;
  for (const Expr *O : E->Ops)
    if (hasAdj(O))
      return true;
  return false;
}

void Reverse::makeAdjoints(Block &Decls) {
  auto adjointType = [](const Type &T) {
    Type A = T.element();
    A.IsVector = T.IsVector; // a container's adjoint is a container
    A.StdArray = T.StdArray;
    A.IsConst = false;
    return A;
  };
  // Parameters: their adjoint parameters, in parameter order.
  for (size_t I = 0; I < F.Params.size(); ++I) {
    Var *V = F.Params[I];
    if (!P.isActive(I)) {
      if (V->Ty.isFloatScalar() && !V->Ty.IsReference && A.isActive(V)) {
        Var *DV = local("d_" + V->Name, adjointType(V->Ty));
        AdjScalar[V] = M.ref(DV);
        Decls.push_back(M.decl(DV, zero(V->Ty)));
      }
      continue;
    }
    Type PT = adjointType(V->Ty);
    PT.IsPointer = true;
    PT.PointeeConst = false;
    Var *DV = G.addVar(G.freshName("d_" + V->Name), PT, VarKind::Param);
    G.Params.push_back(DV);
    ParamAdj[V] = DV;
    if (V->Ty.isMemory()) {
      AdjMem[V] = DV;
    } else if (!V->Ty.IsReference && Assigned.count(V)) {
      // d_x accumulates into the caller's storage; a parameter that f
      // overwrites needs an adjoint of its own that starts at zero.
      Var *Acc = local("d_" + V->Name + "_local", adjointType(V->Ty));
      AdjScalar[V] = M.ref(Acc);
      ParamAccum[V] = Acc;
      Decls.push_back(M.decl(Acc, zero(V->Ty)));
    } else {
      AdjScalar[V] = M.deref(DV);
    }
  }
  if (L.Result && F.ReturnType.isFloating() && P.Return) {
    Var *DR = local("d_" + L.Result->Name, adjointType(F.ReturnType));
    if (F.ReturnType.Rec) { // a struct result: an adjoint struct
      AdjMem[L.Result] = DR;
      Stmt *Dcl = M.decl(DR, nullptr);
      Dcl->ZeroInit = true;
      Decls.push_back(Dcl);
    } else {
      AdjScalar[L.Result] = M.ref(DR);
      Decls.push_back(M.decl(DR, zero(F.ReturnType)));
    }
  }
  // Locals, in declaration order.
  forEachStmt(L.Body, [&](Stmt *S) {
    // Every local vector's size, integers' too: a hoisted declaration
    // needs it (std::vector<int> idx(n) was declared empty).
    if (S->K == StmtKind::Decl && S->V->Ty.IsVector && !S->V->Ty.IsPointer)
      VectorSize[S->V] = S->Value;
    if (S->K != StmtKind::Decl || !S->V->Ty.isFloating())
      return;
    Var *V = S->V;
    if (V->Ty.IsPointer) {
      if (Var *RA = AdjMem.lookup(V->Root)) {
        Type T = RA->Ty;
        T.IsPointer = true;
        T.ArraySize = 0;
        T.PointeeConst = false;
        T.IsVector = false; // into a container's adjoint: a pointer to its elements
        T.StdArray = 0;
        T.IsConst = T.IsReference = false;
        Var *DV = local("d_" + V->Name, T);
        AdjMem[V] = DV;
        PtrOfAdj[DV] = V;
        PtrAdjDecls.push_back(M.decl(DV, firstElement(RA)));
      }
      return;
    }
    if (!A.isActive(V))
      return;
    Var *DV = local("d_" + V->Name, adjointType(V->Ty));
    if (V->Ty.isAggregate()) {
      DV->Ty.ArraySize = V->Ty.ArraySize;
      AdjMem[V] = DV;
      // A vector's adjoint has its size (known on entry: GraphBuilder checks).
      Stmt *Dcl = M.decl(DV, V->Ty.IsVector ? M.sizeOf(M.ref(V)) : nullptr);
      Dcl->ZeroInit = !V->Ty.IsVector;
      // Before the forward sweep: adjoint pointers into it are set there.
      PtrAdjDecls.push_back(Dcl);
    } else {
      AdjScalar[V] = M.ref(DV);
      Decls.push_back(M.decl(DV, zero(V->Ty)));
    }
  });
}

/// d_p follows p: the same offset into the root's adjoint.
void Reverse::pointerAdjoint(Var *Ptr, Block &Out) {
  Var *DP = AdjMem.lookup(Ptr);
  if (!DP)
    return;
  Var *Root = Ptr->Root;
  const Expr *Off = M.binary(Op::Sub, M.ref(Ptr), firstElement(Root),
                             Type::scalar(ScalarKind::Int, "std::ptrdiff_t"));
  Out.push_back(M.assign(M.ref(DP), M.ptrAdd(M.ref(AdjMem.lookup(Root)), Off)));
}
