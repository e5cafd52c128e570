//===- Transforms/VectorForward.cpp - k tangent directions in one sweep ---===//
//
// f_fwd_vec carries k tangent directions through one run of f, so the primal
// work is shared: it is the forward transform's output with every tangent
// widened to k values. A tangent scalar d_v becomes a buffer d_v[k]; a
// tangent array element d_x[i] becomes d_x[i * k + j] (element-major); each
// statement that updates a tangent runs in a loop over the directions j.
//
//   R f_fwd_vec(p1..pn, d_p..., int k, R *d_ret)
//
// where each d_p holds k directions per element of p (a scalar's k values,
// an array's len * k values) and d_ret receives the result's k tangents.
//
//===----------------------------------------------------------------------===//

#include "Transforms/TransformContext.h"
#include "Transforms/ShareCalls.h"
#include "llvm/ADT/DenseSet.h"
#include <algorithm>
#include <functional>
#include <optional>

using namespace adgen;
using namespace adgen::graph;

namespace {

class Widen {
public:
  Widen(Module &M, Function &G, const llvm::DenseSet<const Var *> &Tangents, Var *K)
      : M(M), G(G), Tangents(Tangents), K(K) {}

  /// Rewrites a block; hoists tangent declarations into Decls.
  Block block(const Block &B, Block &Decls) {
    Block Out;
    for (Stmt *S : B)
      stmt(S, Out, Decls);
    return Out;
  }

  Var *Ret = nullptr; ///< d_ret parameter, for returns
  /// Tangent parameters of scalars: now pointers to k values.
  llvm::DenseSet<const Var *> ScalarParams;
  /// Tangent scalar locals, now std::vectors of k values.
  llvm::DenseSet<const Var *> WidenedScalars;

private:
  bool tangent(const Var *V) { return Tangents.count(V) > 0; }
  bool tangentMemory(const Expr *E) {
    while (E && (E->K == Op::PtrAdd || E->K == Op::Load)) {
      if (isFieldLoad(E)) // an array field lies inside one struct
        return false;
      E = E->Ops[0];
    }
    return E && E->V && tangent(E->V) && !ScalarParams.count(E->V) &&
           (E->V->Ty.isMemory() || E->V->Ty.IsVector);
  }
  const Expr *times(const Expr *E) {
    return M.binary(Op::Mul, E, M.ref(K), Type::scalar(ScalarKind::Int, "int"));
  }

  /// Does E mention a tangent (so its statement runs per direction)?
  bool mentions(const Expr *E) {
    bool Found = false;
    forEachExpr(E, [&](const Expr *N) { Found |= N->V && tangent(N->V); });
    return Found;
  }

  const Expr *expr(const Expr *E, Var *J) {
    switch (E->K) {
    case Op::VarRef:
      if (Var *P = Redirect.lookup(E->V)) // a reduction's k tangents: P[j]
        return M.load(M.ref(P), M.ref(J));
      if (tangent(E->V) && (!E->V->Ty.isMemory() || ScalarParams.count(E->V) ||
                            WidenedScalars.count(E->V)))
        return M.load(M.ref(E->V), M.ref(J)); // d_v -> d_v[j]
      return E;
    case Op::Load:
      // s.x of a widened struct s: s[j].x (the generic case below).
      if (!isFieldLoad(E) && tangentMemory(E->Ops[0]))
        return M.load(base(E->Ops[0]),
                      M.binary(Op::Add, times(E->Ops[1]), M.ref(J), Type::scalar(ScalarKind::Int, "int")));
      break;
    case Op::PtrAdd:
      if (tangentMemory(E))
        return base(E);
      break;
    default:
      break;
    }
    if (E->Ops.empty())
      return E;
    Expr C = *E;
    for (const Expr *&O : C.Ops)
      O = expr(O, J);
    return M.make(std::move(C));
  }

  /// A tangent pointer expression: offsets count elements of k directions.
  const Expr *base(const Expr *E) {
    if (E->K == Op::PtrAdd)
      return M.ptrAdd(base(E->Ops[0]), times(E->Ops[1]));
    return E;
  }

  /// for (int j = 0; j < k; ++j) Body
  Stmt *perDirection(std::function<Block(Var *)> Body, Loc L) {
    Var *J = G.addVar(G.freshName("dir"), Type::scalar(ScalarKind::Int, "int"), VarKind::Local);
    J->Synthetic = true;
    Type B = Type::scalar(ScalarKind::Bool, "bool");
    return M.loop(LoopKind::For, {M.decl(J, M.intConst(0))},
                  M.binary(Op::Lt, M.ref(J), M.ref(K), B), Body(J),
                  {M.assign(M.ref(J), M.binary(Op::Add, M.ref(J), M.intConst(1), J->Ty))}, L);
  }

  void stmt(Stmt *S, Block &Out, Block &Decls) {
    switch (S->K) {
    case StmtKind::Decl: {
      Var *V = S->V;
      if (!tangent(V)) {
        Out.push_back(S);
        return;
      }
      if (V->Ty.IsPointer) { // d_row = d_X + i * d
        Stmt *D = M.decl(V, S->Value ? base(S->Value) : nullptr, S->Where);
        Out.push_back(D);
        return;
      }
      // A tangent scalar or array: a buffer of k values per element, made
      // once at the top; the declaration becomes its initialisation.
      uint64_t N = V->Ty.ArraySize ? V->Ty.ArraySize : 1;
      if (!V->Ty.ArraySize)
        WidenedScalars.insert(V);
      V->Ty.ArraySize = 0;
      V->Ty.IsVector = true;
      Decls.push_back(M.decl(V, N == 1 ? static_cast<const Expr *>(M.ref(K))
                                       : times(M.intConst(N)),
                             S->Where));
      if (S->ZeroInit || N > 1)
        return; // std::vector starts zeroed
      const Expr *Init = S->Value;
      Out.push_back(perDirection(
          [&](Var *J) {
            return Block{M.assign(M.load(M.ref(V), M.ref(J)),
                                  Init ? expr(Init, J) : M.floatConst(0, V->Ty), S->Where)};
          },
          S->Where));
      return;
    }
    case StmtKind::Assign:
    case StmtKind::AddAssign:
      if (!mentions(S->Target) && !mentions(S->Value)) {
        Out.push_back(S);
        return;
      }
      Out.push_back(perDirection(
          [&](Var *J) {
            Stmt C = *S;
            C.Target = expr(S->Target, J);
            C.Value = expr(S->Value, J);
            return Block{M.make(std::move(C))};
          },
          S->Where));
      return;
    case StmtKind::If: {
      Stmt C = *S;
      C.Then = block(S->Then, Decls);
      C.Else = block(S->Else, Decls);
      Out.push_back(M.make(std::move(C)));
      return;
    }
    case StmtKind::Loop: {
      if (S->Omp)
        return parallelLoop(S, Out, Decls);
      Stmt C = *S;
      C.Init = block(S->Init, Decls);
      C.Body = block(S->Body, Decls);
      C.Inc = block(S->Inc, Decls);
      Out.push_back(M.make(std::move(C)));
      return;
    }
    case StmtKind::Return:
      if (S->Value && S->Value->K == Op::Aggregate) {
        // return {value, tangent}: tangents to d_ret[j], the value returned.
        const Expr *V = S->Value->Ops[0], *T = S->Value->Ops[1];
        if (Ret)
          Out.push_back(perDirection(
              [&](Var *J) { return Block{M.assign(M.load(M.ref(Ret), M.ref(J)), expr(T, J))}; },
              S->Where));
        Out.push_back(M.ret(V, S->Where));
        return;
      }
      Out.push_back(S);
      return;
    default:
      Out.push_back(S);
      return;
    }
  }

  /// A parallel loop (its tangent clauses from the forward transform). The
  /// k tangents of a scalar are a std::vector: as a private variable each
  /// thread needs a copy of the right size (firstprivate). A reduction's k
  /// tangents are summed by hand: an array-section reduction would put k
  /// values per thread on the stack, which a large k (f_jacobian's columns)
  /// overflows. So the loop becomes an `omp for` inside a `parallel` region
  /// whose threads each sum into their own vector d_s_part, then add it to
  /// d_s atomically.
  void parallelLoop(Stmt *S, Block &Out, Block &Decls) {
    OmpLoop L = *S->Omp;
    std::vector<Var *> Copied;
    auto copy = [&](Var *V) {
      if (V->Ty.IsVector && std::find(Copied.begin(), Copied.end(), V) == Copied.end())
        Copied.push_back(V);
    };
    for (std::vector<Var *> *List : {&L.Private, &L.FirstPrivate}) {
      for (Var *V : *List)
        copy(V);
      List->erase(std::remove_if(List->begin(), List->end(),
                                 [](Var *V) { return V->Ty.IsVector; }),
                  List->end());
    }
    Block Region, Merge;
    std::vector<Var *> Summed;
    for (OmpLoop::Reduction &R : L.Reductions) {
      for (Var *V : R.Vars) {
        if (!V->Ty.IsVector)
          continue;
        Var *P = G.addVar(G.freshName(V->Name + "_part"), V->Ty, VarKind::Local);
        P->Synthetic = true;
        Region.push_back(M.decl(P, M.ref(K), S->Where)); // k zeros
        Redirect[V] = P;
        Summed.push_back(V);
        Merge.push_back(perDirection(
            [&](Var *J) {
              Stmt *Add = M.addAssign(M.load(M.ref(V), M.ref(J)), M.load(M.ref(P), M.ref(J)));
              Add->OmpAtomic = true;
              return Block{Add};
            },
            S->Where));
      }
      R.Vars.erase(std::remove_if(R.Vars.begin(), R.Vars.end(),
                                  [](Var *V) { return V->Ty.IsVector; }),
                   R.Vars.end());
    }
    Stmt C = *S;
    C.Init = block(S->Init, Decls);
    C.Body = block(S->Body, Decls);
    C.Inc = block(S->Inc, Decls);
    for (Var *V : Summed)
      Redirect.erase(V);
    forEachStmt(S->Body, [&](Stmt *B) { // tangents declared in the body, now hoisted
      if (B->K == StmtKind::Decl && tangent(B->V))
        copy(B->V);
    });
    L.FirstPrivate.insert(L.FirstPrivate.end(), Copied.begin(), Copied.end());
    if (Summed.empty()) {
      C.Omp = M.ompLoop(std::move(L));
      Out.push_back(M.make(std::move(C)));
      return;
    }
    L.Kind = OmpLoop::Directive::For;
    C.Omp = M.ompLoop(std::move(L));
    Region.push_back(M.make(std::move(C)));
    Region.insert(Region.end(), Merge.begin(), Merge.end());
    Stmt *Scope = M.scope(std::move(Region), S->Where);
    OmpLoop Par;
    Par.Kind = OmpLoop::Directive::Parallel;
    Scope->Omp = M.ompLoop(std::move(Par));
    Out.push_back(Scope);
  }

  Module &M;
  Function &G;
  const llvm::DenseSet<const Var *> &Tangents;
  Var *K;
  llvm::DenseMap<const Var *, Var *> Redirect;
};

/// Calls to functions with derivatives would need their own k-direction
/// versions: not yet.
bool callsDifferentiated(const Block &B) {
  bool Found = false;
  forEachStmt(B, [&](Stmt *S) {
    if (S->K == StmtKind::Call && !S->V && (S->Fn->Body || !S->Fn->CustomFwd.empty()))
      Found = true;
  });
  return Found;
}

/// Structs whose k tangents a std::vector can hold zeroed (value
/// initialisation makes a zero: no constructor, no default member
/// initialiser), with fields of the same kind.
bool plainRecord(const Record *R) {
  if (!R->ZeroWhenValueInitialised || R->Complex || R->Tuple)
    return false;
  for (const Record::Field &Fd : R->Fields)
    if (Fd.Ty.isContainer() || (Fd.Ty.Rec && !plainRecord(Fd.Ty.Rec)))
      return false;
  return true;
}

/// f_fwd_vec widens structs (k structs per struct, element-major) but not
/// containers, whose tangents would need a layout of their own.
bool plainAggregates(const Function &F) {
  for (const Var &V : F.Vars)
    if (V.Ty.isContainer() || (V.Ty.Rec && !plainRecord(V.Ty.Rec)))
      return false;
  if (!F.ReturnsVoid && F.ReturnType.Rec && !plainRecord(F.ReturnType.Rec))
    return false;
  return true;
}

/// The k tangents of the locals in one allocation: a std::vector of them
/// all, each local a pointer into it (zeroed, as its own vector was). Not
/// where a parallel loop copies the locals' vectors per thread (firstprivate).
void packTangents(Module &M, Function &G, Block &Decls, const Block &Body) {
  bool Parallel = false;
  forEachStmt(Body, [&](Stmt *S) { Parallel |= S->Omp != nullptr; });
  if (Parallel || Decls.size() < 2)
    return;
  for (Stmt *D : Decls)
    if (D->K != StmtKind::Decl || !D->Value || D->V->Ty.Scalar != Decls[0]->V->Ty.Scalar ||
        D->V->Ty.Spelling != Decls[0]->V->Ty.Spelling)
      return;
  // Each size is k or N * k: offsets are multiples of k.
  auto times = [](const Expr *Size) -> std::optional<uint64_t> {
    if (Size->K == Op::VarRef)
      return 1;
    if (Size->K == Op::Mul && Size->Ops[0]->K == Op::Const)
      return std::stoull(Size->Ops[0]->Text);
    return std::nullopt;
  };
  for (Stmt *D : Decls)
    if (!times(D->Value))
      return;
  Var *K = const_cast<Var *>(Decls[0]->Value->K == Op::VarRef ? Decls[0]->Value->V
                                                               : Decls[0]->Value->Ops[1]->V);
  Type IntT = Type::scalar(ScalarKind::Int, "int");
  auto multiple = [&](uint64_t N) -> const Expr * {
    return N == 1 ? M.ref(K) : M.binary(Op::Mul, M.intConst(N), M.ref(K), IntT);
  };
  Var *Buf = G.addVar(G.freshName("tangents"), Decls[0]->V->Ty, VarKind::Local);
  Buf->Synthetic = true;
  uint64_t Off = 0;
  Block Out;
  for (Stmt *D : Decls) {
    Var *V = D->V;
    V->Ty = Type::pointerTo(V->Ty.Scalar, V->Ty.Spelling, false);
    Out.push_back(M.decl(V, M.ptrAdd(M.ref(Buf), Off ? multiple(Off) : M.intConst(0)), D->Where));
    Off += *times(D->Value);
  }
  Out.insert(Out.begin(), M.decl(Buf, multiple(Off), Decls[0]->Where));
  Decls = std::move(Out);
}

} // namespace

graph::Function *adgen::vectorForwardTransform(TransformContext &D, Function &F,
                                               const ActivityPattern &P, const std::string &Name,
                                               bool Internal) {
  if (callsDifferentiated(F.Body) || !plainAggregates(F))
    return nullptr;
  // Only where callers elsewhere can use it (an unused static function would
  // warn), and where f does not overwrite a by-value parameter (whose k
  // tangents would then be written in the caller's seed).
  if (F.IsStatic && !Internal)
    return nullptr;
  for (const std::string &NS : F.Namespaces)
    if (NS.empty() && !Internal)
      return nullptr;
  bool AssignsParam = false;
  forEachStmt(F.Body, [&](Stmt *S) {
    if (S->K != StmtKind::Assign)
      return;
    if (S->Target->K == Op::VarRef && S->Target->V->Kind == VarKind::Param &&
        !S->Target->V->Ty.isMemory())
      AssignsParam = true;
    // A field of a struct passed by value (its tangents are the caller's).
    const Expr *Root = S->Target;
    while (isFieldLoad(Root) || (Root->K == Op::Load && !Root->Ops[0]->Ty.IsPointer))
      Root = Root->Ops[0];
    if (Root != S->Target && Root->K == Op::VarRef && Root->V->Kind == VarKind::Param &&
        !Root->V->Ty.IsPointer && !Root->V->Ty.IsReference)
      AssignsParam = true;
  });
  if (AssignsParam)
    return nullptr;
  Function *G = forwardTransform(D, F, P, Name);
  if (!G)
    return nullptr;
  Module &M = D.module();
  llvm::DenseSet<const Var *> Tangents;
  for (const Var &V : G->Vars)
    Tangents.insert(&V);
  // Parameters: f's, then each tangent as k values per element, then k and
  // the result's tangents.
  std::vector<Var *> Params(G->Params.begin(), G->Params.begin() + F.Params.size());
  Var *K = G->addVar(G->freshName("k"), Type::scalar(ScalarKind::Int, "int"), VarKind::Param);
  Widen W(M, *G, Tangents, K);
  for (size_t I = F.Params.size(); I < G->Params.size(); ++I) {
    Var *T = G->Params[I];
    bool Writes = T->Ty.isWritable();
    if (!T->Ty.IsPointer) {
      // A tangent scalar or struct parameter is k values: d_a[j].
      const Record *Rec = T->Ty.Rec;
      T->Ty = Type::pointerTo(T->Ty.Scalar, T->Ty.Spelling, !Writes);
      T->Ty.Rec = Rec;
      W.ScalarParams.insert(T);
    }
    Params.push_back(T);
  }
  Params.push_back(K);
  if (!F.ReturnsVoid && F.ReturnType.isFloating()) {
    Type RT = Type::pointerTo(F.ReturnType.Scalar, F.ReturnType.Spelling, false);
    RT.Rec = F.ReturnType.Rec;
    W.Ret = G->addVar(G->freshName("d_ret"), RT, VarKind::Param);
    Params.push_back(W.Ret);
    G->ReturnType = F.ReturnType;
  }
  // Scalar tangent parameters are now pointers: d_a -> d_a[j] as loads.
  Block Decls;
  Block Body = W.block(G->Body, Decls);
  G->Params = Params;
  packTangents(M, *G, Decls, Body);
  G->Body = std::move(Decls);
  G->Body.insert(G->Body.end(), Body.begin(), Body.end());
  shareRepeatedCalls(M, *G);
  return G;
}
