//===- Transforms/Reverse.cpp - Adjoint (reverse) mode ---------------------===//
//
// Two sweeps over the lowered body (LowerExits.h):
//
//  forward sweep   the function itself, plus pushes onto the tape of what the
//                  backward sweep will need: the old value of a variable it
//                  reads before the statement overwrites it, the branch an
//                  `if` took, the trip count of a loop;
//  backward sweep  the statements in reverse order; each first restores what
//                  it overwrote (so every value reads as it did when the
//                  statement ran), then moves its target's adjoint to its
//                  operands: for v = f(u), d_u += df/du * d_v, and d_v = 0.
//
// Only variables that the backward sweep reads are ever stored ("needed");
// that set is found by generating the backward sweep until it is stable.
// Integer updates by a constant (i++, i += 2) are undone by inverting them,
// so loop counters cost no tape.
//
//===----------------------------------------------------------------------===//

#include "Transforms/Differentiator.h"
#include "Transforms/LowerExits.h"
#include "Transforms/MathRules.h"
#include "Transforms/CountedLoop.h"
#include "Transforms/ReuseValues.h"
#include "Transforms/ParallelLoops.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

using namespace adgen;
using namespace adgen::graph;

namespace {

bool sameExpr(const Expr *A, const Expr *B) {
  if (A == B)
    return true;
  if (A->K != B->K || A->V != B->V || A->Text != B->Text || A->Ops.size() != B->Ops.size())
    return false;
  for (size_t I = 0; I < A->Ops.size(); ++I)
    if (!sameExpr(A->Ops[I], B->Ops[I]))
      return false;
  return true;
}

/// Does \p E read the storage \p T writes (conservatively: any element of
/// the same array)?
bool readsTarget(const Expr *E, const Expr *T) {
  Var *R = rootOf(T);
  bool Found = false;
  forEachExpr(E, [&](const Expr *N) {
    if ((N->K == Op::VarRef || N->K == Op::Deref) && T->K != Op::Load && N->V == T->V)
      Found = true;
    if (N->K == Op::Load && T->K == Op::Load && rootOf(N) == R)
      Found = true;
  });
  return Found;
}

bool isTrivial(const Expr *E) {
  return E->K == Op::VarRef || E->K == Op::Deref || E->K == Op::Const ||
         (E->K == Op::Load && E->Ops[1]->K != Op::Load);
}

class Reverse {
public:
  Reverse(Differentiator &D, Function &F, const ActivityPattern &P, Function &G,
          ReverseShape Shape, bool UseCheckpoints)
      : D(D), M(D.module()), F(F), P(P), G(G), Shape(Shape), A(analyseActivity(F, P)),
        UseCheckpoints(UseCheckpoints && Shape == ReverseShape::Joint) {}

  bool run();

private:
  // Derivative storage.
  void makeAdjoints(Block &Decls);
  Block PtrAdjDecls; // adjoint pointers of pointer locals: both sweeps use them
  const Expr *adjLoc(const Expr *E);
  const Expr *adjPtr(const Expr *E);
  bool hasAdj(const Expr *E);
  const Expr *zero(const Type &T) { return M.floatConst(0, T); }

  // Sweeps.
  void forward(const Block &In, Block &Out, unsigned LoopDepth);
  void backward(const Block &In, Block &Out, unsigned LoopDepth);
  void forwardStmt(Stmt *S, Block &Out, unsigned LoopDepth);
  void backwardStmt(Stmt *S, Block &Out, unsigned LoopDepth);
  void forwardCall(Stmt *S, Block &Out);
  std::vector<const Expr *> savedRefArgs(Stmt *S);
  void backwardCall(Stmt *S, Block &Out);
  void propagate(const Expr *E, const Expr *Adj, Block &Out);
  void contributions(const Expr *E, const Expr *Adj, Block &Out,
                     std::vector<std::pair<const Expr *, const Expr *>> &Contribs);
  void adjointOfAssign(const Expr *T, const Expr *E, Block &Out, Loc L);

  // What is stored.
  bool stores(const Expr *Target, bool IsDecl, unsigned LoopDepth);
  bool stores(const Stmt *S, const Expr *Target, bool IsDecl, unsigned LoopDepth) {
    if (Recomputed.count(S) || Untaped)
      return false;
    if (Planned) {
      auto It = Pushes.find(S);
      return It != Pushes.end() && It->second;
    }
    return stores(Target, IsDecl, LoopDepth);
  }
  const Expr *inverseIncrement(const Expr *Target, const Expr *Value);
  void collectReads(const Block &B, llvm::DenseSet<Var *> &Reads);
  void readsOf(const Expr *E, llvm::DenseSet<Var *> &Reads);
  bool writesParamMemory(Var *Root);
  void pointerAdjoint(Var *P, Block &Out);
  void describe(const Block &Fwd);

  // OpenMP parallel loops (see ParallelLoops.h): the forward sweep runs the
  // loop; the backward sweep recomputes and reverses each iteration.
  void parallelForward(Stmt *S, Block &Out);
  void parallelBackward(Stmt *S, Block &Out, unsigned Depth);
  bool reversible(Stmt *S);
  void iterationRedo(Block &Fwd, Block &Bwd);
  llvm::DenseMap<const Stmt *, bool> Reversible;
  /// While generating one iteration of a backward parallel loop: what is
  /// private to the iteration. Writes to anything else are not repeated.
  const llvm::DenseSet<Var *> *IterPrivate = nullptr;
  /// Index variables that parallel loops declare: each loop of both sweeps
  /// declares its own, so they are never hoisted.
  llvm::DenseSet<Var *> LoopOwned;
  bool sharedWrite(const Expr *Target) {
    Var *R = rootOf(Target);
    return IterPrivate && R && !IterPrivate->count(R);
  }

  struct CallPlan {
    bool Active = false;
    bool Custom = false;
    ActivityPattern P;
    std::string Record, Replay;
  };
  CallPlan plan(Stmt *S);

  /// for (k over the elements of Array, last first when Backwards) Body(Array[k])
  Stmt *eachElement(Var *Array, bool Backwards, llvm::function_ref<Stmt *(const Expr *)> Body) {
    Var *K = local("k", Type::scalar(ScalarKind::Int, "int"));
    Type B = Type::scalar(ScalarKind::Bool, "bool");
    if (Array->Ty.IsVector) { // std::size_t k over v.size()
      K->Ty = Type::scalar(ScalarKind::Int, "std::size_t");
      const Expr *N = M.sizeOf(M.ref(Array));
      const Expr *One = M.constant("1", K->Ty);
      Block Each{Body(M.load(M.ref(Array), Backwards ? M.binary(Op::Sub, M.ref(K), One, K->Ty)
                                                     : M.ref(K)))};
      Block Step{M.assign(M.ref(K), M.binary(Backwards ? Op::Sub : Op::Add, M.ref(K), One, K->Ty))};
      return M.loop(LoopKind::For, {M.decl(K, Backwards ? N : M.constant("0", K->Ty))},
                    Backwards ? M.binary(Op::Gt, M.ref(K), M.constant("0", K->Ty), B)
                              : M.binary(Op::Lt, M.ref(K), N, B),
                    std::move(Each), std::move(Step));
    }
    long long N = static_cast<long long>(Array->Ty.ArraySize ? Array->Ty.ArraySize
                                                             : Array->Ty.StdArray);
    Block Each{Body(M.load(M.ref(Array), M.ref(K)))};
    Block Step{M.assign(M.ref(K), M.binary(Backwards ? Op::Sub : Op::Add, M.ref(K),
                                           M.intConst(1), K->Ty))};
    return M.loop(LoopKind::For, {M.decl(K, M.intConst(Backwards ? N - 1 : 0))},
                  Backwards ? M.binary(Op::Ge, M.ref(K), M.intConst(0), B)
                            : M.binary(Op::Lt, M.ref(K), M.intConst(N), B),
                  std::move(Each), std::move(Step));
  }

  Stmt *pushS(const Expr *E) {
    Stmt *S = M.push(E);
    S->V = Tape;
    return S;
  }
  const Expr *popE(const Type &T) {
    Expr E;
    E.K = Op::Pop;
    E.Ty = T;
    E.Ty.IsReference = false;
    E.Ty.IsConst = false;
    E.V = Tape;
    return M.make(std::move(E));
  }
  /// The address of \p Root's first element: the array or pointer itself,
  /// `v.data()` for a container (what pointer locals point into).
  const Expr *firstElement(Var *Root) { return M.ptrAdd(M.ref(Root), M.intConst(0)); }
  Var *local(const std::string &Base, Type T) {
    Var *V = G.addVar(G.freshName(Base), std::move(T), VarKind::Local);
    V->Synthetic = true;
    return V;
  }

  Differentiator &D;
  Module &M;
  Function &F;
  const ActivityPattern &P;
  Function &G;
  ReverseShape Shape;
  Activity A;
  LoweredBody L;
  Var *Tape = nullptr;
  Var *Redo = nullptr, *RedoMark = nullptr;
  bool UsesRedo = false; ///< saves, or calls helpers that save
  bool OwnSaves = false; ///< saves itself
  /// Local arrays, structs and containers: the same storage for both sweeps.
  /// A struct is pushed and restored whole; the others element by element.
  static bool elementwise(const Type &T) { return T.isAggregate() && !(T.Rec && !T.ArraySize && !T.isContainer()); }
  /// A place of struct or container type has an adjoint place; a scalar an
  /// adjoint location.
  const Expr *adjOf(const Expr *E) { return E->Ty.isMemory() ? adjPtr(E) : adjLoc(E); }
  /// Declarations of local std::vectors: their sizes.
  llvm::DenseMap<Var *, const Expr *> VectorSize;
  /// Locals holding sqrt(u), exp(u), ...: the backward sweep reads their
  /// value instead of evaluating the function again (ReuseValues.h).
  llvm::DenseSet<Var *> Reused;
  bool reusesValue(const Stmt *S) {
    return S->K == StmtKind::Decl && S->Value && S->Value->K == Op::Math && Reused.count(S->V);
  }

  /// Whether writes to \p Root outlive the call (parameter memory, references, globals).
  static bool outlives(Var *Root) {
    return Root && ((Root->Kind == VarKind::Param && (Root->Ty.isMemory() || Root->Ty.IsReference)) ||
                    Root->Kind == VarKind::Global);
  }
  /// redo.<Method>(Args...) as a statement.
  Stmt *redoCall(const char *Method, std::vector<const Expr *> Args, Loc Where = {}) {
    Callee C;
    C.Name = Method;
    C.ReturnsVoid = true;
    Stmt *S = M.callStmt(nullptr, M.addCallee(C), std::move(Args), Where);
    S->V = Redo; // a method of the redo log
    return S;
  }
  /// Target = Value in the backward sweep, saving what f left there first
  /// when that outlives the call (see adgen::RedoLog).
  void restore(const Expr *Target, const Expr *Value, Loc Where, Block &Out) {
    if (outlives(rootOf(Target))) {
      const Expr *Addr = M.addressOf(Target);
      Out.push_back(redoCall("save", {Addr}, Where));
      UsesRedo = OwnSaves = true;
    }
    Out.push_back(M.assign(Target, Value, Where));
  }

  llvm::DenseMap<Var *, const Expr *> AdjScalar; // scalar -> lvalue of its adjoint
  llvm::DenseMap<Var *, Var *> AdjMem;           // memory root / pointer -> adjoint memory
  llvm::DenseMap<Var *, Var *> ParamAccum;       // assigned scalar param -> local adjoint
  llvm::DenseMap<Var *, Var *> ParamAdj;         // parameter -> its adjoint parameter
  llvm::DenseMap<Var *, Var *> PtrOfAdj;         // d_p -> pointer local p
  llvm::DenseSet<Var *> Needed;
  llvm::DenseSet<Var *> Mentioned; ///< arrays the backward sweep names
  llvm::DenseSet<Var *> Assigned;                // variables and roots written
  /// Per overwriting statement: must it push the old value? Decided once
  /// (planStores) so that both sweeps agree.
  llvm::DenseMap<const Stmt *, bool> Pushes;
  bool Planned = false;
  void planStores(const Block &B, unsigned Depth, llvm::DenseSet<Var *> &Live);
  void findRecomputable(const Block &B);
  llvm::DenseMap<const Stmt *, std::vector<Stmt *>> Recompute; // loop -> its temporaries
  llvm::DenseSet<const Stmt *> Recomputed;
  /// Calls that write memory whose earlier contents the backward sweep reads.
  llvm::DenseSet<const Stmt *> OverwritesLive;
  llvm::DenseSet<Var *> backwardReads(Stmt *S, unsigned Depth);
  llvm::DenseSet<Var *> varsSince(size_t Mark);
  bool RestoreParams = false;
  bool OK = true;

  // Loops marked ADGEN_CHECKPOINT (see "Checkpointed loops" below).
  struct CheckpointedLoop {
    Var *Store = nullptr;   ///< the adgen::Checkpoints of the loop
    Var *Counter = nullptr; ///< for (counter = first; counter < last; ++counter)
    const Expr *Last = nullptr;
    std::vector<Var *> State; ///< what the body writes and a later step reads
  };
  llvm::DenseMap<const Stmt *, CheckpointedLoop> Checkpointed;
  /// Counted loops (CountedLoop.h) whose backward sweep runs the counter
  /// down from the bounds: no trip count on the tape.
  llvm::DenseMap<const Stmt *, CountedLoop> Counted;
  bool UseCheckpoints;
  /// The forward sweep of a checkpointed loop's body runs without a tape.
  bool Untaped = false;
  void planCheckpoints(const Block &B, unsigned Depth);
  bool checkpointable(Stmt *S, CheckpointedLoop &C);
  void forwardCheckpointed(Stmt *S, const CheckpointedLoop &C, Block &Out, unsigned Depth);
  void backwardCheckpointed(Stmt *S, const CheckpointedLoop &C, Block &Out, unsigned Depth);
  void untaped(const Block &In, Block &Out, unsigned Depth);
  Stmt *storeCall(Var *Store, const char *Method, std::vector<const Expr *> Args);
  const Expr *storeQuery(Var *Store, const char *Method, Type T);
};

} // namespace

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
    if (V->Ty.IsVector)
      VectorSize[V] = S->Value;
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

//===----------------------------------------------------------------------===//
// What is stored
//===----------------------------------------------------------------------===//

/// Writes to these outlive the call: a pullback that restores them must
/// redo f's effects, and a helper must restore them for its caller.
bool Reverse::writesParamMemory(Var *Root) {
  return Root && (Root->Kind == VarKind::Param || Root->Kind == VarKind::Global);
}

/// Must the old value of \p Target be pushed before it is overwritten?
bool Reverse::stores(const Expr *Target, bool IsDecl, unsigned LoopDepth) {
  Var *R = rootOf(Target);
  if (!R)
    return false;
  if (IsDecl && LoopDepth == 0)
    return false; // the first and only definition: there is no old value
  if (Needed.count(R))
    return true;
  if (Target->K == Op::VarRef && Target->V->Ty.IsPointer && Needed.count(Target->V))
    return true;
  return RestoreParams && writesParamMemory(R);
}

/// For `i = i + c` on an integer: the statement that undoes it.
const Expr *Reverse::inverseIncrement(const Expr *T, const Expr *V) {
  if (T->K != Op::VarRef || T->Ty.isFloating() || T->Ty.Scalar == ScalarKind::Bool)
    return nullptr;
  if ((V->K != Op::Add && V->K != Op::Sub) || V->Ops[0]->K != Op::VarRef ||
      V->Ops[0]->V != T->V || !V->Ops[1]->isConstant())
    return nullptr;
  return M.binary(V->K == Op::Add ? Op::Sub : Op::Add, T, V->Ops[1], T->Ty.element());
}

void Reverse::readsOf(const Expr *E, llvm::DenseSet<Var *> &Reads) {
  if (!E)
    return;
  forEachExpr(E, [&](const Expr *N) {
    if ((N->K == Op::VarRef || N->K == Op::Deref) && N->V->Kind != VarKind::Global) {
      // The address of an array or pointer parameter never changes: using
      // it (v + i) reads no memory. Loads below say which memory is read.
      if (N->K == Op::VarRef && N->V->Ty.isMemory() && !N->V->Root)
        return;
      Reads.insert(N->V);
      // d_p is only right while p is: reading d_p reads p.
      if (Var *Ptr = PtrOfAdj.lookup(N->V))
        Reads.insert(Ptr);
    }
    if (N->K == Op::Load)
      if (Var *R = rootOf(N))
        Reads.insert(R);
  });
}

void Reverse::collectReads(const Block &B, llvm::DenseSet<Var *> &Reads) {
  forEachStmt(B, [&](Stmt *S) {
    readsOf(S->Value, Reads);
    for (const Expr *A : S->Args) {
      readsOf(A, Reads);
      // An array handed to a function (a helper's backward sweep) is read
      // through; the redo log's methods only take addresses.
      if (S->K == StmtKind::Call && !S->V && A->Ty.isMemory())
        if (Var *R = rootOf(A))
          Reads.insert(R);
    }
    if (S->Target && S->Target->K == Op::Load) {
      // Writing p[i] reads p (when it is a pointer variable) and i.
      const Expr *Base = S->Target->Ops[0];
      while (Base->K == Op::PtrAdd) {
        readsOf(Base->Ops[1], Reads);
        Base = Base->Ops[0];
      }
      // ps[i].x: the indices of every level.
      while (Base->K == Op::Load) {
        readsOf(Base->Ops[1], Reads);
        Base = Base->Ops[0];
        while (Base->K == Op::PtrAdd) {
          readsOf(Base->Ops[1], Reads);
          Base = Base->Ops[0];
        }
      }
      if (Base->K == Op::VarRef && Base->V->Ty.IsPointer && Base->V->Root) {
        Reads.insert(Base->V);
        if (Var *Ptr = PtrOfAdj.lookup(Base->V))
          Reads.insert(Ptr);
      }
      readsOf(S->Target->Ops[1], Reads);
    }
  });
}

/// What the backward code of \p S alone reads.
llvm::DenseSet<Var *> Reverse::backwardReads(Stmt *S, unsigned Depth) {
  size_t Mark = G.Vars.size();
  Block B;
  backwardStmt(S, B, Depth);
  llvm::DenseSet<Var *> Reads;
  collectReads(B, Reads);
  for (Var *T : varsSince(Mark)) // freed below
    Reads.erase(T);
  G.Vars.resize(Mark);
  return Reads;
}

/// G's variables added since G.Vars.size() was \p Mark.
llvm::DenseSet<Var *> Reverse::varsSince(size_t Mark) {
  llvm::DenseSet<Var *> Vs;
  for (size_t I = Mark; I < G.Vars.size(); ++I)
    Vs.insert(&G.Vars[I]);
  return Vs;
}

/// The old value of v must be stored at `v = e` only if the backward sweep
/// reads it after restoring it there: some statement between the previous
/// definition of v and this one (in a loop, possibly in the previous
/// iteration), or e's own partials, reads v. This is a forward data flow of
/// "read since last definition" over the structured body. An accumulation
/// `s += w[i] * x[i]` whose s is read only after the loop stores nothing.
void Reverse::planStores(const Block &B, unsigned Depth, llvm::DenseSet<Var *> &Live) {
  for (Stmt *S : B) {
    switch (S->K) {
    case StmtKind::If: {
      llvm::DenseSet<Var *> T = Live, E = Live;
      planStores(S->Then, Depth, T);
      planStores(S->Else, Depth, E);
      Live = std::move(T);
      Live.insert(E.begin(), E.end());
      continue;
    }
    case StmtKind::Loop: {
      planStores(S->Init, Depth, Live);
      if (S->Omp) { // iterations are reversed one by one, each after its own recompute
        llvm::DenseSet<Var *> Iteration = Live;
        for (Var *V : iterationPrivate(S)) // nothing of another iteration's is read
          Iteration.erase(V);
        planStores(S->Body, Depth + 1, Iteration);
        Live.insert(Iteration.begin(), Iteration.end());
        continue;
      }
      for (int Round = 0; Round < 16; ++Round) {
        llvm::DenseSet<Var *> Before = Live;
        planStores(S->Body, Depth + 1, Live);
        // The backward sweep recomputes loop temporaries here (see below).
        for (Stmt *D : Recompute.lookup(S))
          readsOf(D->Value, Live);
        planStores(S->Inc, Depth + 1, Live);
        Live.insert(Before.begin(), Before.end()); // zero iterations
        if (Live.size() == Before.size())
          break;
      }
      auto CL = Counted.find(S);
      if (CL != Counted.end()) {
        // The backward loop sets the counter itself, from the bounds.
        readsOf(CL->second.First, Live);
        readsOf(CL->second.Bound, Live);
        Live.erase(CL->second.Counter);
      }
      if (Checkpointed.count(S)) { // the backward sweep runs the loop again
        collectReads(S->Body, Live);
        collectReads(S->Inc, Live);
        readsOf(S->Value, Live);
      }
      continue;
    }
    case StmtKind::Decl:
    case StmtKind::Assign:
    case StmtKind::Call:
      break;
    default: {
      llvm::DenseSet<Var *> Own = backwardReads(S, Depth);
      Live.insert(Own.begin(), Own.end());
      continue;
    }
    }
    if (S->K == StmtKind::Call)
      for (size_t A = 0; A < S->Args.size(); ++A) {
        const Type &PT = S->Fn->ParamTypes[A];
        Var *Root = rootOf(S->Args[A]);
        if (PT.isWritable() &&
            (!Root || Live.count(Root)))
          OverwritesLive.insert(S);
      }
    // A declaration without a value overwrites nothing (locals are hoisted):
    // it is no definition here.
    const Expr *Target = S->K == StmtKind::Decl ? (S->Value && !S->V->Ty.isAggregate() ? M.ref(S->V) : nullptr)
                                                : S->Target;
    llvm::DenseSet<Var *> Own = backwardReads(S, Depth);
    Var *R = Target ? rootOf(Target) : nullptr;
    bool Inverse = S->K == StmtKind::Assign && inverseIncrement(S->Target, S->Value);
    // The inverse, and the adjoint of `r = sqrt(u)` (which reads r), read
    // the value after S, not before.
    bool ReadsAfter = Inverse || reusesValue(S);
    if (ReadsAfter)
      Own.erase(R);
    Live.insert(Own.begin(), Own.end());
    if (!Target)
      continue;
    bool IsDecl = S->K == StmtKind::Decl;
    bool Read = Live.count(R) > 0;
    if (Target->K == Op::VarRef && Target->V->Ty.IsPointer)
      Read |= Live.count(Target->V) > 0;
    bool ParamWrite = RestoreParams && writesParamMemory(R) && !(IsDecl && Depth == 0);
    bool Push = !Recomputed.count(S) && stores(Target, IsDecl, Depth) && (Read || ParamWrite);
    Pushes[S] = Pushes.lookup(S) || Push;
    if (Target->K == Op::VarRef) {
      Live.erase(Target->V); // a new definition: earlier reads are served
      if (ReadsAfter)
        Live.insert(Target->V);
    }
  }
}

/// Loop temporaries `double t = e;` declared in a loop body and never
/// assigned again are recomputed at the start of each backward iteration
/// instead of stored, when nothing e reads changes later in the body (the
/// loop's own step is undone before the body is, so counters qualify).
void Reverse::findRecomputable(const Block &B) {
  forEachStmt(B, [&](Stmt *Loop) {
    if (Loop->K != StmtKind::Loop)
      return;
    for (size_t I = 0; I < Loop->Body.size(); ++I) {
      Stmt *D = Loop->Body[I];
      if (D->K != StmtKind::Decl || !D->Value || D->V->Ty.isAggregate() || D->V->Ty.IsPointer ||
          reusesValue(D))
        continue;
      llvm::DenseSet<Var *> Reads;
      readsOf(D->Value, Reads);
      bool Pure = true;
      forEachExpr(D->Value, [&](const Expr *N) {
        if (N->K == Op::Call || N->K == Op::Pop)
          Pure = false;
      });
      // Written after D in the body (or D's variable written again)?
      Block After(Loop->Body.begin() + I + 1, Loop->Body.end());
      forEachStmt(After, [&](Stmt *S) {
        Var *W = nullptr;
        if (S->K == StmtKind::Assign || (S->K == StmtKind::Call && S->Target))
          W = rootOf(S->Target);
        else if (S->K == StmtKind::Decl)
          W = S->V;
        if (W && (W == D->V || Reads.count(W)))
          Pure = false;
        if (S->K == StmtKind::Call)
          for (size_t A = 0; A < S->Args.size(); ++A) {
            const Type &PT = S->Fn->ParamTypes[A];
            if (PT.isWritable())
              if (Var *Root = rootOf(S->Args[A]))
                if (Reads.count(Root) || Root == D->V)
                  Pure = false;
          }
      });
      if (Pure) {
        Recompute[Loop].push_back(D);
        Recomputed.insert(D);
      }
    }
  });
}

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

Reverse::CallPlan Reverse::plan(Stmt *S) {
  CallPlan Pl;
  Callee &C = *S->Fn;
  if (C.Print != PrintKind::None)
    return Pl; // prints in the forward sweep; no derivative
  bool WritesNeeded = false;
  for (size_t I = 0; I < S->Args.size(); ++I) {
    const Type &PT = C.ParamTypes[I];
    const Expr *Arg = S->Args[I];
    bool Writes = PT.isWritable();
    bool Act = false;
    if (PT.isFloating()) {
      if (PT.isMemory() || (PT.IsReference && !PT.IsConst))
        Act = rootOf(Arg) && (PT.isMemory() ? adjPtr(Arg) != nullptr : adjLoc(Arg) != nullptr);
      else
        Act = hasAdj(Arg);
    }
    // Written arrays must be restored by a helper; written scalars (through a
    // reference) the caller saves itself (savedRefArgs).
    if (Writes && PT.isMemory() && rootOf(Arg) &&
        (Needed.count(rootOf(Arg)) || (RestoreParams && writesParamMemory(rootOf(Arg)))))
      WritesNeeded = true;
    Pl.P.Inputs.push_back(Act);
    Pl.P.Outputs.push_back(Act && Writes);
    Pl.Active |= Act;
  }
  // A floating-point result is always an output of the helper (its seed is
  // 0 where the caller does not need it): one helper per pattern of active
  // arguments.
  Pl.P.Return = !C.ReturnsVoid && C.ReturnType.isFloating();
  Pl.Active |= S->Target && S->Target->Ty.isFloating() && adjOf(S->Target) != nullptr;
  if (!Pl.Active && !WritesNeeded)
    return Pl;
  Pl.Active = true;
  if (!C.CustomPullback.empty()) {
    Pl.Custom = true;
    for (size_t I = 0; I < S->Args.size(); ++I)
      Pl.P.Inputs[I] = Pl.P.Inputs[I] || C.ParamTypes[I].isFloating();
    Pl.Replay = C.CustomPullback;
    return Pl;
  }
  if (!C.Body)
    return Pl; // reported by forwardCall
  auto Names = D.reverseHelpers(C, Pl.P);
  Pl.Record = Names.first;
  Pl.Replay = Names.second;
  return Pl;
}

/// Scalars a call writes through references, that the caller must save and
/// restore itself (the callee is not replayed by a helper of adgen's).
std::vector<const Expr *> Reverse::savedRefArgs(Stmt *S) {
  std::vector<const Expr *> Out;
  CallPlan Pl = plan(S);
  if (Pl.Active && !Pl.Custom)
    return Out;
  for (size_t I = 0; I < S->Args.size(); ++I) {
    const Type &PT = S->Fn->ParamTypes[I];
    Var *R = rootOf(S->Args[I]);
    if (PT.IsReference && !PT.IsConst && R &&
        (Needed.count(R) || (RestoreParams && writesParamMemory(R))))
      Out.push_back(S->Args[I]);
  }
  return Out;
}

void Reverse::forwardCall(Stmt *S, Block &Out) {
  for (const Expr *A : savedRefArgs(S))
    Out.push_back(pushS(A));
  CallPlan Pl = plan(S);
  Callee &C = *S->Fn;
  if (!Pl.Active || Pl.Custom) {
    // The user's pullback runs g again in the backward sweep, with g's
    // outputs as they are after the call. That is right when the caller never
    // reads their earlier contents backwards; otherwise refuse.
    if (Pl.Custom)
      for (size_t I = 0; I < C.ParamTypes.size(); ++I) {
        const Type &PT = C.ParamTypes[I];
        Var *Root = rootOf(S->Args[I]);
        if (PT.isWritable() &&
            (!Root || OverwritesLive.count(S) || (RestoreParams && outlives(Root)))) {
          D.errors().error(S->Where,
                           "the custom pullback of '" + C.BaseName + "' cannot be used in "
                           "reverse mode here: '" + C.BaseName + "' overwrites argument '" +
                           C.ParamNames[I] + "', whose earlier contents the derivative "
                           "needs; pass a separate output buffer");
          OK = false;
          return;
        }
      }
    Out.push_back(S);
    return;
  }
  if (!C.Body) {
    D.errors().error(S->Where, "no derivative for '" + C.BaseName +
                                   "': its body is not visible; define it in this file, or "
                                   "write '" + C.BaseName +
                                   "_pullback' and mark it ADGEN_CUSTOM");
    OK = false;
    return;
  }
  Callee *HC = M.addCallee(C);
  HC->Name = Pl.Record;
  Out.push_back(M.callStmt(S->Target, HC, S->Args, S->Where));
}

void Reverse::backwardCall(Stmt *S, Block &Out) {
  CallPlan Pl = plan(S);
  if (!Pl.Active || (!Pl.Custom && !S->Fn->Body))
    return;
  Callee &C = *S->Fn;
  std::vector<const Expr *> Args = S->Args;
  Block After; // propagation from argument adjoints, after the call
  bool FloatResult = !C.ReturnsVoid && C.ReturnType.isFloating();
  if (FloatResult) {
    const Expr *DR = S->Target ? adjOf(S->Target) : nullptr;
    const Expr *Zero = C.ReturnType.Rec ? M.zeroValue(C.ReturnType) : zero(C.ReturnType);
    if (DR) {
      Var *Seed = local("d_" + C.BaseName, C.ReturnType.element());
      Out.push_back(M.decl(Seed, DR, S->Where));
      Out.push_back(M.assign(DR, Zero, S->Where));
      Args.push_back(M.ref(Seed));
    } else {
      Args.push_back(Zero);
    }
  }
  for (size_t I = 0; I < S->Args.size(); ++I) {
    if (!Pl.P.isActive(I))
      continue;
    const Type &PT = C.ParamTypes[I];
    const Expr *Arg = S->Args[I];
    if (PT.isMemory()) {
      const Expr *AP = adjPtr(Arg);
      // A struct or container parameter takes the address of its adjoint.
      if (AP && !PT.IsPointer && !PT.ArraySize)
        AP = M.addressOf(AP);
      if (!AP) {
        D.errors().error(S->Where, "the custom pullback of '" + C.BaseName +
                                       "' needs an adjoint for argument '" + C.ParamNames[I] +
                                       "', which is not active here");
        OK = false;
        return;
      }
      Args.push_back(AP);
      continue;
    }
    const Expr *Loc = (Arg->K == Op::VarRef || Arg->K == Op::Load) ? adjLoc(Arg) : nullptr;
    if (Loc && (PT.IsReference && !PT.IsConst)) {
      Args.push_back(M.addressOf(Loc));
      continue;
    }
    // A value argument: its adjoint arrives in a temporary, then flows into
    // the argument expression.
    Var *T = local("d_" + C.ParamNames[I], PT.element());
    T->Ty.IsConst = false;
    T->Ty.IsReference = false;
    Out.push_back(M.decl(T, zero(PT), S->Where));
    Args.push_back(M.addrOf(T));
    propagate(Arg, M.ref(T), After);
  }
  Callee *HC = M.addCallee(C);
  HC->Name = Pl.Replay;
  HC->ReturnsVoid = true;
  if (!Pl.Custom)
    UsesRedo = true; // the helper restores what it wrote, and saves it for redo
  Out.push_back(M.callStmt(nullptr, HC, Args, S->Where));
  Out.insert(Out.end(), After.begin(), After.end());
}

//===----------------------------------------------------------------------===//
// The two sweeps
//===----------------------------------------------------------------------===//

void Reverse::forward(const Block &In, Block &Out, unsigned Depth) {
  for (Stmt *S : In)
    forwardStmt(S, Out, Depth);
}

void Reverse::backward(const Block &In, Block &Out, unsigned Depth) {
  for (auto It = In.rbegin(); It != In.rend(); ++It)
    backwardStmt(*It, Out, Depth);
}

void Reverse::forwardStmt(Stmt *S, Block &Out, unsigned Depth) {
  switch (S->K) {
  case StmtKind::Decl: {
    Var *V = S->V;
    bool Hoisted = Needed.count(V) || AdjMem.count(V) || Mentioned.count(V);
    if (!Hoisted) {
      Out.push_back(S);
      return;
    }
    const Expr *Ref = M.ref(V);
    if (V->Ty.isAggregate() && !elementwise(V->Ty)) { // a struct: whole
      // Only a zeroing declaration overwrites anything: later writes to the
      // struct save what they overwrite themselves.
      if (Depth > 0 && Needed.count(V) && S->ZeroInit && !Untaped)
        Out.push_back(pushS(Ref));
      if (S->ZeroInit)
        Out.push_back(M.assign(Ref, M.zeroValue(V->Ty), S->Where));
      return;
    }
    if (V->Ty.isAggregate()) {
      if (Depth > 0 && Needed.count(V) && !Untaped) // save the whole array it overwrites
        Out.push_back(eachElement(V, false, [&](const Expr *E) { return pushS(E); }));
      if (S->ZeroInit)
        Out.push_back(eachElement(V, false, [&](const Expr *E) {
          return M.assign(E, V->Ty.Rec ? M.zeroValue(V->Ty.element())
                             : V->Ty.isFloating() ? zero(V->Ty)
                                                  : M.constant("0", V->Ty.element()));
        }));
      return;
    }
    if (!S->Value)
      return;
    if (stores(S, Ref, true, Depth))
      Out.push_back(pushS(Ref));
    Out.push_back(M.assign(Ref, S->Value, S->Where));
    if (V->Ty.IsPointer && AdjMem.count(V) && Shape != ReverseShape::Record)
      pointerAdjoint(V, Out);
    return;
  }
  case StmtKind::Assign:
    if (sharedWrite(S->Target))
      return; // the forward sweep did it; the loop's iterations do not read it
    if (stores(S, S->Target, false, Depth) && !inverseIncrement(S->Target, S->Value))
      Out.push_back(pushS(S->Target));
    Out.push_back(S);
    return;
  case StmtKind::Call:
    if (Untaped) { // the function's own call: nothing recorded
      Out.push_back(S);
      return;
    }
    if (S->Target && stores(S, S->Target, false, Depth))
      Out.push_back(pushS(S->Target));
    forwardCall(S, Out);
    return;
  case StmtKind::If: {
    Block Then, Else, BThen, BElse;
    forward(S->Then, Then, Depth);
    forward(S->Else, Else, Depth);
    if (!Untaped) {
      backward(S->Then, BThen, Depth);
      backward(S->Else, BElse, Depth);
    }
    if (!BThen.empty() || !BElse.empty()) {
      Then.push_back(pushS(M.boolConst(true)));
      Else.push_back(pushS(M.boolConst(false)));
    }
    Out.push_back(M.ifStmt(S->Value, std::move(Then), std::move(Else), S->Where));
    return;
  }
  case StmtKind::Loop: {
    if (S->Omp)
      return parallelForward(S, Out);
    auto CP = Checkpointed.find(S);
    if (CP != Checkpointed.end() && !Untaped) {
      forwardCheckpointed(S, CP->second, Out, Depth);
      return;
    }
    Block Init, Body, Inc, BBody;
    forward(S->Init, Init, Depth);
    forward(S->Body, Body, Depth + 1);
    forward(S->Inc, Inc, Depth + 1);
    if (!Untaped) {
      backward(S->Body, BBody, Depth + 1);
      backward(S->Inc, BBody, Depth + 1);
    }
    if (BBody.empty() || Counted.count(S)) {
      Out.insert(Out.end(), Init.begin(), Init.end());
      Out.push_back(M.loop(S->Loop, {}, S->Value, std::move(Body), std::move(Inc), S->Where));
      return;
    }
    // Count the iterations: the backward sweep runs the body that often.
    Var *N = local("iterations", Type::scalar(ScalarKind::Int, "long"));
    Block Scope{M.decl(N, M.constant("0", N->Ty), S->Where)};
    Scope.insert(Scope.end(), Init.begin(), Init.end());
    Body.push_back(M.assign(M.ref(N), M.binary(Op::Add, M.ref(N), M.constant("1", N->Ty), N->Ty)));
    Scope.push_back(M.loop(S->Loop, {}, S->Value, std::move(Body), std::move(Inc), S->Where));
    Scope.push_back(pushS(M.ref(N)));
    Out.push_back(M.scope(std::move(Scope), S->Where));
    return;
  }
  case StmtKind::Return:
    Out.push_back(M.ret(S->Value, S->Where));
    return;
  default:
    Out.push_back(S);
    return;
  }
}

void Reverse::adjointOfAssign(const Expr *T, const Expr *E, Block &Out, Loc Where) {
  const Expr *DT = adjLoc(T);
  if (!DT || !T->Ty.isFloating())
    return;
  // v = v + r: d_v flows unchanged to v's old value and to r.
  if ((E->K == Op::Add || E->K == Op::Sub) && sameExpr(E->Ops[0], T) &&
      !readsTarget(E->Ops[1], T)) {
    propagate(E->Ops[1], E->K == Op::Add ? DT : M.neg(DT), Out);
    return;
  }
  if (!hasAdj(E)) {
    Out.push_back(M.assign(DT, zero(T->Ty), Where));
    return;
  }
  if (!readsTarget(E, T)) {
    propagate(E, DT, Out);
    Out.push_back(M.assign(DT, zero(T->Ty), Where));
    return;
  }
  // v = g(v) with v the only active operand, once: d_v = d_v * g'(v).
  Block Single;
  propagate(E, DT, Single);
  if (Single.size() == 1 && Single[0]->K == StmtKind::AddAssign &&
      sameExpr(Single[0]->Target, DT)) {
    Out.push_back(M.assign(DT, Single[0]->Value, Where));
    return;
  }
  Var *Tmp = local("adj", T->Ty.element());
  Out.push_back(M.decl(Tmp, DT, Where));
  Out.push_back(M.assign(DT, zero(T->Ty), Where));
  propagate(E, M.ref(Tmp), Out);
}

void Reverse::backwardStmt(Stmt *S, Block &Out, unsigned Depth) {
  switch (S->K) {
  case StmtKind::Decl: {
    Var *V = S->V;
    const Expr *Ref = M.ref(V);
    if (V->Ty.isAggregate() && !elementwise(V->Ty)) { // a struct: whole
      if (Depth > 0 && Needed.count(V) && S->ZeroInit)
        Out.push_back(M.assign(Ref, popE(V->Ty), S->Where));
      if (Depth > 0 && AdjMem.count(V)) // a fresh struct has no adjoint yet
        Out.push_back(M.assign(M.ref(AdjMem[V]), M.zeroValue(V->Ty), S->Where));
      return;
    }
    if (V->Ty.isAggregate()) {
      if (Depth > 0 && Needed.count(V)) // restore it, last element first
        Out.push_back(eachElement(V, true, [&](const Expr *E) {
          return M.assign(E, popE(V->Ty.element()));
        }));
      if (Depth > 0 && AdjMem.count(V)) // a fresh array has no adjoint yet
        Out.push_back(eachElement(AdjMem[V], false, [&](const Expr *E) {
          return M.assign(E, V->Ty.Rec ? M.zeroValue(V->Ty.element()) : zero(V->Ty));
        }));
      return;
    }
    if (!S->Value)
      return;
    bool Restores = (Needed.count(V) || AdjMem.count(V)) && stores(S, Ref, true, Depth);
    if (reusesValue(S)) {
      // r = f(u): d_u += d_r * f'(u), with f'(u) written with r's value,
      // which is read before r's old value is restored.
      const Expr *DT = adjLoc(Ref);
      const Expr *Value = Ref;
      if (DT && Restores) {
        Var *Kept = local(V->Name, V->Ty.element());
        Out.push_back(M.decl(Kept, Ref, S->Where));
        Value = M.ref(Kept);
      }
      if (Restores)
        Out.push_back(M.assign(Ref, popE(V->Ty), S->Where));
      if (!DT)
        return;
      const Expr *N = S->Value;
      Var *Adj = local("adj", V->Ty.element());
      Out.push_back(M.decl(Adj, DT, S->Where));
      Out.push_back(M.assign(DT, zero(V->Ty), S->Where));
      for (unsigned I = 0; I < N->Ops.size(); ++I)
        if (hasAdj(N->Ops[I]))
          propagate(N->Ops[I], M.mul(M.ref(Adj), partialFromValue(M, N, I, Value)), Out);
      return;
    }
    if (Restores) {
      Out.push_back(M.assign(Ref, popE(V->Ty), S->Where));
      if (V->Ty.IsPointer)
        pointerAdjoint(V, Out);
    }
    if (!V->Ty.IsPointer)
      adjointOfAssign(Ref, S->Value, Out, S->Where);
    return;
  }
  case StmtKind::Assign:
    if (sharedWrite(S->Target)) {
      if (Planned && stores(S, S->Target, false, Depth)) {
        D.errors().error(S->Where, "reverse mode of a parallel loop: the backward sweep "
                                   "needs the value this statement overwrites");
        OK = false;
      }
      adjointOfAssign(S->Target, S->Value, Out, S->Where);
      return;
    }
    if (stores(S, S->Target, false, Depth)) {
      if (const Expr *Inv = inverseIncrement(S->Target, S->Value))
        restore(S->Target, Inv, S->Where, Out);
      else
        restore(S->Target, popE(S->Target->Ty), S->Where, Out);
    }
    adjointOfAssign(S->Target, S->Value, Out, S->Where);
    return;
  case StmtKind::Call: {
    // The forward sweep pushed the result's old value, then the saved
    // reference arguments, then the callee recorded its own: undo in the
    // opposite order.
    backwardCall(S, Out);
    std::vector<const Expr *> Saved = savedRefArgs(S);
    for (auto It = Saved.rbegin(); It != Saved.rend(); ++It)
      restore(*It, popE((*It)->Ty), S->Where, Out);
    if (S->Target && stores(S, S->Target, false, Depth))
      restore(S->Target, popE(S->Target->Ty), S->Where, Out);
    return;
  }
  case StmtKind::If: {
    Block Then, Else;
    backward(S->Then, Then, Depth);
    backward(S->Else, Else, Depth);
    if (Then.empty() && Else.empty())
      return;
    Out.push_back(M.ifStmt(popE(Type::scalar(ScalarKind::Bool, "bool")), std::move(Then),
                           std::move(Else), S->Where));
    return;
  }
  case StmtKind::Loop: {
    if (S->Omp)
      return parallelBackward(S, Out, Depth);
    auto CP = Checkpointed.find(S);
    if (CP != Checkpointed.end()) {
      backwardCheckpointed(S, CP->second, Out, Depth);
      backward(S->Init, Out, Depth);
      return;
    }
    auto CL = Counted.find(S);
    if (CL != Counted.end()) { // the counter runs down from the bounds
      Block Body;
      for (Stmt *D : Recompute.lookup(S))
        if (Needed.count(D->V))
          Body.push_back(M.assign(M.ref(D->V), D->Value, D->Where));
      backward(S->Body, Body, Depth + 1);
      if (!Body.empty()) {
        const CountedLoop &C = CL->second;
        const Expr *I = M.ref(C.Counter);
        Out.push_back(M.loop(LoopKind::For, {M.assign(I, C.last(M))},
                             M.binary(Op::Ge, I, C.First, Type::scalar(ScalarKind::Bool, "bool")),
                             std::move(Body),
                             {M.assign(I, M.binary(Op::Sub, I, M.constant("1", I->Ty), I->Ty))},
                             S->Where));
      }
      backward(S->Init, Out, Depth);
      return;
    }
    Block Body;
    backward(S->Inc, Body, Depth + 1);
    for (Stmt *D : Recompute.lookup(S))
      if (Needed.count(D->V))
        Body.push_back(M.assign(M.ref(D->V), D->Value, D->Where));
    backward(S->Body, Body, Depth + 1);
    if (!Body.empty()) {
      Var *N = local("iterations", Type::scalar(ScalarKind::Int, "long"));
      Type Bool = Type::scalar(ScalarKind::Bool, "bool");
      Block Init{M.decl(N, popE(N->Ty))};
      Block Dec{M.assign(M.ref(N), M.binary(Op::Sub, M.ref(N), M.constant("1", N->Ty), N->Ty))};
      Out.push_back(M.loop(LoopKind::For, std::move(Init),
                           M.binary(Op::Gt, M.ref(N), M.constant("0", N->Ty), Bool),
                           std::move(Body), std::move(Dec), S->Where));
    }
    backward(S->Init, Out, Depth);
    return;
  }
  default:
    return;
  }
}

//===----------------------------------------------------------------------===//
// OpenMP parallel loops (the rules live in ParallelLoops.cpp)
//===----------------------------------------------------------------------===//

void Reverse::parallelForward(Stmt *S, Block &Out) {
  if (Shape != ReverseShape::Joint) {
    D.errors().error(S->Where, "a parallel loop in a function called by a differentiated "
                               "function is not supported in reverse mode yet");
    OK = false;
    return;
  }
  if (!reversible(S))
    return;
  // The loop as written: nothing is recorded, the backward sweep recomputes.
  Stmt *Loop = M.loop(LoopKind::For, S->Init, S->Value, S->Body, S->Inc, S->Where);
  Loop->Omp = S->Omp;
  Out.push_back(Loop);
}

bool Reverse::reversible(Stmt *S) {
  auto It = Reversible.find(S);
  if (It == Reversible.end()) { // checked once: its errors are reported once
    bool Good = checkReversible(S, D.errors(), [&](Var *V) { return A.isActive(V); });
    forEachStmt(S->Body, [&](Stmt *B) {
      if (B->K == StmtKind::Decl && B->V->Ty.isAggregate() && Good) {
        D.errors().error(B->Where, "reverse mode of a parallel loop: local arrays, structs and "
                                   "containers in its body are not supported yet");
        Good = false;
      }
    });
    It = Reversible.try_emplace(S, Good).first;
  }
  OK &= It->second;
  return It->second;
}

void Reverse::parallelBackward(Stmt *S, Block &Out, unsigned Depth) {
  if (!reversible(S))
    return;
  // Private to an iteration: its variables, their adjoints and adjoint pointers.
  llvm::DenseSet<Var *> Priv = iterationPrivate(S), All = Priv;
  for (const Stmt *Nest : collapsedLoops(S)) // the loops' indices: each loop declares its own
    if (!Nest->Init.empty() && Nest->Init[0]->K == StmtKind::Decl)
      LoopOwned.insert(Nest->Init[0]->V);
  for (Var *V : Priv) {
    if (const Expr *DV = AdjScalar.lookup(V))
      if (DV->K == Op::VarRef)
        All.insert(DV->V);
    if (Var *DM = AdjMem.lookup(V))
      All.insert(DM);
  }
  Block Fwd, Bwd;
  const llvm::DenseSet<Var *> *Saved = IterPrivate;
  IterPrivate = &All;
  // Pushes and pops of an iteration go to the tape of the thread running it.
  Var *FunctionTape = Tape, *FunctionRedo = Redo;
  bool FunctionUsesRedo = UsesRedo;
  Tape = local("tape", Tape->Ty);
  Redo = local("redo", Redo->Ty);
  UsesRedo = false;
  const Block &Body = iterationBody(S);
  forward(Body, Fwd, Depth + 1);
  backward(Body, Bwd, Depth + 1);
  IterPrivate = Saved;
  Var *IterationTape = Tape;
  Tape = FunctionTape;
  if (UsesRedo && passesWritable(Body)) // helpers' redo saves: the iteration's own
    iterationRedo(Fwd, Bwd);
  Redo = FunctionRedo;
  UsesRedo = FunctionUsesRedo;
  if (Bwd.empty())
    return;
  // Declared at the top of the function (hoisted), so made private by the
  // clause; each iteration's adjoints start at zero.
  llvm::DenseSet<Var *> Clause, Used;
  auto uses = [&](const Block &B) {
    forEachStmt(B, [&](Stmt *T) {
      auto each = [&](const Expr *E) {
        forEachExpr(E, [&](const Expr *N) {
          if (N->V)
            Used.insert(N->V);
        });
      };
      each(T->Value);
      each(T->Target);
      for (const Expr *A : T->Args)
        each(A);
    });
  };
  uses(Fwd);
  uses(Bwd);
  Block Start;
  std::vector<Var *> Declared; // private variables of the user's, not hoisted
  for (Var *V : Priv) {
    if (Needed.count(V) || AdjMem.count(V) || Mentioned.count(V))
      Clause.insert(V);
    else if (llvm::is_contained(S->Omp->Private, V) && Used.count(V))
      Declared.push_back(V);
  }
  std::sort(Declared.begin(), Declared.end(), [](Var *A, Var *B) { return A->Name < B->Name; });
  for (Var *V : Declared)
    Start.push_back(M.decl(V, V->Ty.isFloating() ? zero(V->Ty) : M.constant("0", V->Ty.element())));
  std::vector<Var *> Sorted(All.begin(), All.end());
  std::sort(Sorted.begin(), Sorted.end(), [](Var *A, Var *B) { return A->Name < B->Name; });
  for (Var *V : Sorted)
    if (Clause.count(V) && V->Ty.isFloatScalar() && Priv.count(V))
      Start.push_back(M.assign(M.ref(V), zero(V->Ty))); // a private copy starts undefined
  for (Var *V : Sorted)
    if (!Priv.count(V)) { // an adjoint
      Clause.insert(V);
      if (V->Ty.isFloatScalar())
        Start.push_back(M.assign(M.ref(V), zero(V->Ty)));
    }
  bool Tapes = false;
  auto usesTape = [&](const Block &B) {
    forEachStmt(B, [&](Stmt *T) {
      Tapes |= T->K == StmtKind::Push;
      forEachExpr(T->Value, [&](const Expr *N) { Tapes |= N->K == Op::Pop; });
    });
  };
  usesTape(Fwd);
  usesTape(Bwd);
  if (Tapes)
    Start.insert(Start.begin(),
                 M.decl(IterationTape, M.call("adgen::threadTape", {}, Tape->Ty)));
  Block Iter = std::move(Fwd);
  Iter.insert(Iter.end(), Bwd.begin(), Bwd.end());
  Stmt *Loop = backwardParallelLoop(M, D.errors(), S, std::move(Start), std::move(Iter), All, Clause,
                                    [&](const std::string &N, Type T) { return local(N, T); });
  if (!Loop) {
    OK = false;
    return;
  }
  Out.push_back(Loop);
}

/// The reverse helpers an iteration calls save the writable arguments they
/// restore (the iteration's private variables) in the thread's redo log;
/// the iteration replays them itself, before its private copies are gone.
void Reverse::iterationRedo(Block &Fwd, Block &Bwd) {
  Var *Mark = local("redo_mark", RedoMark->Ty);
  Expr Now;
  Now.K = Op::Call;
  Now.Ty = Mark->Ty;
  Now.Text = "mark";
  Now.V = Redo; // redo.mark()
  Fwd.insert(Fwd.begin(), {M.decl(Redo, M.call("adgen::threadRedoLog", {}, Redo->Ty)),
                           M.decl(Mark, M.make(std::move(Now)))});
  Bwd.push_back(redoCall("replay", {M.ref(Mark)}));
}

/// Emits d_leaf += Adj * d(E)/d(leaf) for every active leaf of E; several
/// contributions to the same leaf become one statement (x * 100 * x adds
/// to d_x once).
void Reverse::propagate(const Expr *E, const Expr *Adj, Block &Out) {
  std::vector<std::pair<const Expr *, const Expr *>> Contribs;
  contributions(E, Adj, Out, Contribs);
  std::vector<bool> Done(Contribs.size());
  for (size_t I = 0; I < Contribs.size(); ++I) {
    if (Done[I])
      continue;
    const Expr *Sum = Contribs[I].second;
    for (size_t J = I + 1; J < Contribs.size(); ++J)
      if (!Done[J] && sameExpr(Contribs[I].first, Contribs[J].first)) {
        Sum = M.add(Sum, Contribs[J].second);
        Done[J] = true;
      }
    Out.push_back(M.addAssign(Contribs[I].first, Sum));
  }
}

void Reverse::contributions(const Expr *E, const Expr *Adj, Block &Out,
                            std::vector<std::pair<const Expr *, const Expr *>> &Contribs) {
  if (!hasAdj(E))
    return;
  switch (E->K) {
  case Op::VarRef:
  case Op::Load:
  case Op::Deref:
    if (const Expr *Loc = adjLoc(E))
      Contribs.push_back({Loc, Adj});
    return;
  case Op::Select: {
    Block Then, Else;
    propagate(E->Ops[1], Adj, Then);
    propagate(E->Ops[2], Adj, Else);
    Out.push_back(M.ifStmt(E->Ops[0], std::move(Then), std::move(Else)));
    return;
  }
  case Op::Cast:
    contributions(E->Ops[0],
                  E->Ops[0]->Ty.Scalar == Adj->Ty.Scalar ? Adj
                                                         : M.cast(Adj, E->Ops[0]->Ty.element()),
                  Out, Contribs);
    return;
  default:
    break;
  }
  std::vector<Partial> Ps = partials(M, E);
  unsigned Active = 0;
  for (const Partial &Pt : Ps)
    Active += hasAdj(E->Ops[Pt.Operand]);
  if (Active > 1 && !isTrivial(Adj)) {
    Var *T = local("adj", E->Ty.element());
    Out.push_back(M.decl(T, Adj));
    Adj = M.ref(T);
  }
  for (const Partial &Pt : Ps)
    if (hasAdj(E->Ops[Pt.Operand]))
      contributions(E->Ops[Pt.Operand], M.mul(Adj, Pt.Factor), Out, Contribs);
}

//===----------------------------------------------------------------------===//
// Assembly
//===----------------------------------------------------------------------===//

/// What a reviewer wants to know first: with respect to what, which
/// outputs, and what goes on the tape and why.
void Reverse::describe(const Block &Fwd) {
  std::vector<std::string> In, Out;
  for (size_t I = 0; I < F.Params.size(); ++I) {
    if (P.Inputs[I])
      In.push_back(F.Params[I]->Name);
    if (P.Outputs[I])
      Out.push_back(F.Params[I]->Name);
  }
  if (P.Return)
    Out.insert(Out.begin(), "the return value");
  auto list = [](const std::vector<std::string> &L) {
    std::string S;
    for (size_t I = 0; I < L.size(); ++I)
      S += (I ? ", " : "") + L[I];
    return S.empty() ? std::string("none") : S;
  };
  std::vector<std::string> Values;
  unsigned Branches = 0, Loops = 0;
  forEachStmt(Fwd, [&](Stmt *S) {
    if (S->K != StmtKind::Push)
      return;
    const Expr *V = S->Value;
    if (V->K == Op::Const)
      ++Branches;
    else if (V->K == Op::VarRef && V->V->Synthetic && V->V->Name.rfind("iterations", 0) == 0)
      ++Loops;
    else if (Var *R = rootOf(V)) {
      std::string N = V->K == Op::Load ? R->Name + "[]" : V->V ? V->V->Name : R->Name;
      if (std::find(Values.begin(), Values.end(), N) == Values.end())
        Values.push_back(N);
    }
  });
  std::vector<std::string> Recomp;
  for (const Stmt *D : Recomputed)
    if (Needed.count(D->V))
      Recomp.push_back(D->V->Name);
  std::sort(Recomp.begin(), Recomp.end());
  std::string Doc = (Shape == ReverseShape::Joint ? "Reverse mode (adjoints) of "
                     : Shape == ReverseShape::Record ? "Forward sweep (helper) of "
                                                     : "Backward sweep (helper) of ") +
                    F.Name + (F.Where.Line ? ", line " + std::to_string(F.Where.Line) : "") +
                    ".\nInputs: " + list(In) + ". Outputs: " + list(Out) + ".";
  if (Shape == ReverseShape::Joint)
    Doc += std::string("\nAdjoints of inputs accumulate (+=)") +
           (!F.ReturnsVoid && F.ReturnType.isFloating() ? "; d_ret seeds the return value."
                                                        : ".");
  if (!Values.empty() || Branches || Loops) {
    Doc += "\nTape: ";
    std::vector<std::string> Parts;
    if (!Values.empty())
      Parts.push_back("old values of " + list(Values) +
                      " (overwritten, then read by the backward sweep)");
    if (Branches)
      Parts.push_back("the branch taken by " + std::to_string(Branches / 2) + " if" +
                      (Branches / 2 == 1 ? "" : "s"));
    if (Loops)
      Parts.push_back("the trip count of " + std::to_string(Loops) + " loop" +
                      (Loops == 1 ? "" : "s"));
    Doc += list(Parts) + ".";
  } else {
    Doc += "\nTape: nothing.";
  }
  if (!Recomp.empty())
    Doc += "\nRecomputed in the backward sweep instead of stored: " + list(Recomp) + ".";
  for (Stmt *S : L.Body)
    if (Checkpointed.count(S)) {
      std::vector<std::string> State;
      for (Var *V : Checkpointed[S].State)
        State.push_back(V->Name);
      Doc += "\nCheckpointed loop, line " + std::to_string(S->Where.Line) +
             ": snapshots of " + list(State) +
             "; each step is taped and reversed in the backward sweep.";
    }
  G.Doc = Doc;
}

bool Reverse::run() {
  L = lowerExits(M, F, G);
  Reused = splitReusableValues(M, G, L.Body, A, P.Return ? L.Result : nullptr);
  G.Params = F.Params;
  forEachStmt(L.Body, [&](Stmt *S) {
    if (S->K == StmtKind::Assign || (S->K == StmtKind::Call && S->Target))
      if (Var *R = rootOf(S->Target))
        Assigned.insert(R);
    // A callee writes what it gets through a reference or pointer to non-const.
    if (S->K == StmtKind::Call)
      for (size_t I = 0; I < S->Args.size() && I < S->Fn->ParamTypes.size(); ++I)
        if (S->Fn->ParamTypes[I].isWritable())
          if (Var *R = rootOf(S->Args[I]))
            Assigned.insert(R);
  });

  Block AdjDecls;
  makeAdjoints(AdjDecls);
  Var *DRet = nullptr;
  if (Shape != ReverseShape::Record && F.ReturnType.isFloating() && !F.ReturnsVoid) {
    DRet = G.addVar(G.freshName("d_" + std::string(Shape == ReverseShape::Joint ? "ret" : "result")),
                    F.ReturnType.element(), VarKind::Param);
    // d_ret comes right after f's own parameters.
    G.Params.insert(G.Params.begin() + F.Params.size(), DRet);
  }
  Tape = G.addVar(G.freshName("tape"), Type::scalar(ScalarKind::Int, "adgen::Tape"),
                  VarKind::Local);
  Tape->Ty.IsReference = true;
  Tape->Synthetic = true;
  Redo = G.addVar(G.freshName("redo"), Type::scalar(ScalarKind::Int, "adgen::RedoLog"),
                  VarKind::Local);
  Redo->Ty.IsReference = true;
  Redo->Synthetic = true;
  RedoMark = G.addVar(G.freshName("redo_mark"), Type::scalar(ScalarKind::Int, "adgen::RedoLog::Mark"),
                      VarKind::Local);
  RedoMark->Synthetic = true;

  RestoreParams = Shape != ReverseShape::Joint;
  planCheckpoints(L.Body, 0);
  if (!OK)
    return false;
  forEachStmt(L.Body, [&](Stmt *S) {
    if (S->K == StmtKind::Loop && !Checkpointed.count(S))
      if (std::optional<CountedLoop> C = countedLoop(*S))
        if (C->PlainBounds)
          Counted[S] = std::move(*C);
  });
  findRecomputable(L.Body);
  // Grow the needed set until the backward sweep reads nothing new.
  Block Fwd, Bwd;
  for (int Round = 0; Round < 64; ++Round) {
    size_t Mark = G.Vars.size();
    Bwd.clear();
    backward(L.Body, Bwd, 0);
    // This round's temporaries are dropped below, so they must not be
    // needed; Bwd is read before they go.
    llvm::DenseSet<Var *> Temps = varsSince(Mark);
    llvm::DenseSet<Var *> Reads;
    collectReads(Bwd, Reads);
    bool Grew = false;
    for (Var *V : Reads)
      if (!Temps.count(V) && !LoopOwned.count(V))
        Grew |= Needed.insert(V).second;
    // Arrays whose address the backward sweep uses (passed to a helper) must
    // be declared where it can see them.
    forEachStmt(Bwd, [&](Stmt *S) {
      auto note = [&](const Expr *E) {
        forEachExpr(E, [&](const Expr *N) {
          if (N->K == Op::VarRef && N->V->Ty.isAggregate() && !Temps.count(N->V))
            Mentioned.insert(N->V);
        });
      };
      note(S->Value);
      note(S->Target);
      for (const Expr *A : S->Args)
        note(A);
    });
    Bwd.clear();
    G.Vars.resize(Mark);
    if (!Grew)
      break;
  }
  {
    llvm::DenseSet<Var *> Reads;
    planStores(L.Body, 0, Reads);
    Planned = true;
  }
  Fwd.clear();
  Bwd.clear();
  UsesRedo = OwnSaves = false;
  forward(L.Body, Fwd, 0);
  backward(L.Body, Bwd, 0);
  if (!OK)
    return false;

  // Variables the backward sweep reads are declared at the top, so both
  // sweeps see them; the others stay where the source declares them.
  Block Top;
  Top.push_back(M.decl(Tape, M.call("adgen::threadTape", {}, Tape->Ty)));
  for (Stmt *S : L.Body) // in the order of the loops
    if (Checkpointed.count(S))
      Top.push_back(M.decl(Checkpointed[S].Store, nullptr));
  // Locals a Replay helper lends to calls: their redo saves die with it.
  std::vector<Var *> Lent;
  if (Shape == ReverseShape::Replay)
    forEachStmt(L.Body, [&](Stmt *S) {
      if (S->K != StmtKind::Call)
        return;
      for (size_t I = 0; I < S->Args.size(); ++I) {
        const Type &PT = S->Fn->ParamTypes[I];
        Var *R = rootOf(S->Args[I]);
        if (R && R->Kind == VarKind::Local && (Needed.count(R) || AdjMem.count(R)) &&
            PT.isWritable() &&
            std::find(Lent.begin(), Lent.end(), R) == Lent.end())
          Lent.push_back(R);
      }
    });
  if ((Shape == ReverseShape::Joint && UsesRedo) ||
      (Shape == ReverseShape::Replay && (OwnSaves || !Lent.empty())))
    Top.push_back(M.decl(Redo, M.call("adgen::threadRedoLog", {}, Redo->Ty)));
  if ((Shape == ReverseShape::Joint && UsesRedo) || !Lent.empty())
  {
    Expr Size;
    Size.K = Op::Call;
    Size.Ty = RedoMark->Ty;
    Size.Text = "mark";
    Size.V = Redo; // redo.mark()
    Top.push_back(M.decl(RedoMark, M.make(std::move(Size))));
  }
  std::vector<Var *> Hoisted;
  if (L.Result)
    Hoisted.push_back(L.Result);
  for (Var *Fl : L.Flags)
    Top.push_back(M.decl(Fl, M.boolConst(false)));
  forEachStmt(L.Body, [&](Stmt *S) {
    if (S->K == StmtKind::Decl &&
        (Needed.count(S->V) || AdjMem.count(S->V) || Mentioned.count(S->V)))
      Hoisted.push_back(S->V);
  });
  for (Var *V : Hoisted) {
    Stmt *Dcl;
    if (V->Ty.IsPointer)
      Dcl = M.decl(V, firstElement(V->Root));
    else if (V->Ty.IsVector)
      Dcl = M.decl(V, VectorSize.lookup(V));
    else if (V->Ty.isAggregate()) {
      Dcl = M.decl(V, nullptr);
      Dcl->ZeroInit = true;
    } else
      Dcl = M.decl(V, V->Ty.isFloating() ? zero(V->Ty) : M.constant("0", V->Ty.element()));
    Top.push_back(Dcl);
  }
  if (Shape != ReverseShape::Record)
    Top.insert(Top.end(), PtrAdjDecls.begin(), PtrAdjDecls.end());
  // Locals that a separate backward sweep (Replay) needs travel on the tape.
  std::vector<Var *> Carried;
  for (Var *V : Hoisted)
    if (Needed.count(V) && !elementwise(V->Ty))
      Carried.push_back(V);
  for (Var *V : F.Params)
    if (Needed.count(V) && Assigned.count(V) && !V->Ty.isMemory() && !V->Ty.IsReference)
      Carried.push_back(V);

  G.Body = std::move(Top);
  describe(Fwd);
  auto append = [&](Block &B) { G.Body.insert(G.Body.end(), B.begin(), B.end()); };
  if (Shape != ReverseShape::Replay) {
    G.Body.push_back(M.comment("Forward sweep: run the function, record what the backward "
                               "sweep needs."));
    append(Fwd);
  }
  if (Shape == ReverseShape::Record) {
    G.Params = F.Params; // the forward sweep takes no adjoints
    for (Var *V : Carried)
      G.Body.push_back(pushS(M.ref(V)));
    for (Var *V : Hoisted)
      if (V->Ty.ArraySize && Needed.count(V))
        for (uint64_t I = 0; I < V->Ty.ArraySize; ++I)
          G.Body.push_back(pushS(M.load(M.ref(V), M.intConst(I))));
      else if (V->Ty.isContainer() && Needed.count(V))
        G.Body.push_back(eachElement(V, false, [&](const Expr *E) { return pushS(E); }));
    G.ReturnsVoid = F.ReturnsVoid;
    G.ReturnType = F.ReturnType;
    if (L.Result)
      G.Body.push_back(M.ret(M.ref(L.Result)));
    return OK;
  }
  if (Shape == ReverseShape::Replay) {
    for (auto It = Hoisted.rbegin(); It != Hoisted.rend(); ++It)
      if ((*It)->Ty.ArraySize && Needed.count(*It))
        for (uint64_t I = (*It)->Ty.ArraySize; I-- > 0;)
          G.Body.push_back(M.assign(M.load(M.ref(*It), M.intConst(I)), popE((*It)->Ty.element())));
      else if ((*It)->Ty.isContainer() && Needed.count(*It))
        G.Body.push_back(eachElement(*It, true, [&](const Expr *E) {
          return M.assign(E, popE((*It)->Ty.element()));
        }));
    for (auto It = Carried.rbegin(); It != Carried.rend(); ++It)
      G.Body.push_back(M.assign(M.ref(*It), popE((*It)->Ty)));
  }
  G.Body.insert(G.Body.end(), AdjDecls.begin(), AdjDecls.end());
  if (Shape == ReverseShape::Replay)
    for (Var *V : Hoisted)
      if (V->Ty.IsPointer && Needed.count(V))
        pointerAdjoint(V, G.Body);
  if (DRet && L.Result && AdjScalar.count(L.Result))
    for (Stmt *Dcl : G.Body) // the result's adjoint starts as the seed
      if (Dcl->K == StmtKind::Decl && AdjScalar[L.Result]->V == Dcl->V)
        Dcl->Value = M.ref(DRet);
  if (DRet && L.Result && AdjMem.count(L.Result))
    for (Stmt *Dcl : G.Body) // a struct result's too
      if (Dcl->K == StmtKind::Decl && AdjMem[L.Result] == Dcl->V) {
        Dcl->Value = M.ref(DRet);
        Dcl->ZeroInit = false;
      }
  G.Body.push_back(M.comment("Backward sweep: adjoints, from the last statement to the first."));
  append(Bwd);
  if (Shape == ReverseShape::Replay)
    for (Var *V : Lent)
      G.Body.push_back(redoCall(
          "forget", {M.ref(RedoMark),
                     V->Ty.IsVector ? M.ptrAdd(M.ref(V), M.intConst(0))
                     : V->Ty.ArraySize ? M.ref(V) : M.addrOf(V),
                     M.constant(V->Ty.IsVector ? V->Name + ".size() * sizeof(" +
                                                     V->Ty.element().str() + ")"
                                               : "sizeof(" + V->Name + ")",
                                Type::scalar(ScalarKind::Int, "std::size_t"))}));
  // Parameters f overwrites: hand their adjoints to the caller.
  for (Var *V : F.Params)
    if (Var *Acc = ParamAccum.lookup(V))
      G.Body.push_back(M.addAssign(M.deref(ParamAdj[V]), M.ref(Acc)));
  if (Shape == ReverseShape::Joint) {
    if (UsesRedo) {
      G.Body.push_back(M.comment("Memory f wrote and the backward sweep restored: back to what f left."));
      G.Body.push_back(redoCall("replay", {M.ref(RedoMark)}));
    }
    G.ReturnsVoid = F.ReturnsVoid;
    G.ReturnType = F.ReturnType;
    if (L.Result)
      G.Body.push_back(M.ret(M.ref(L.Result)));
  }
  return OK;
}

//===----------------------------------------------------------------------===//
// Checkpointed loops
//===----------------------------------------------------------------------===//
//
// A loop marked ADGEN_CHECKPOINT(snapshots) is not taped in the forward
// sweep: it runs as f runs it, after its initial state (what the body writes
// and a later step reads) is stored in an adgen::Checkpoints. The backward
// sweep then follows that object's binomial schedule (adgen/checkpoint.h):
// restore a stored state, run steps forward without a tape, store a state,
// and reverse one step at a time, which tapes the step and pops it at once.
// The tape holds one step; memory is `snapshots` states.

Stmt *Reverse::storeCall(Var *Store, const char *Method, std::vector<const Expr *> Args) {
  Callee C;
  C.Name = Method;
  C.ReturnsVoid = true;
  Stmt *S = M.callStmt(nullptr, M.addCallee(C), std::move(Args));
  S->V = Store; // a method of the checkpoints
  return S;
}

const Expr *Reverse::storeQuery(Var *Store, const char *Method, Type T) {
  Expr E;
  E.K = Op::Call;
  E.Ty = std::move(T);
  E.Text = Method;
  E.V = Store;
  return M.make(std::move(E));
}

void Reverse::untaped(const Block &In, Block &Out, unsigned Depth) {
  bool Saved = Untaped;
  Untaped = true;
  forward(In, Out, Depth);
  Untaped = Saved;
}

void Reverse::planCheckpoints(const Block &B, unsigned Depth) {
  for (Stmt *S : B) {
    if (S->K == StmtKind::If) {
      planCheckpoints(S->Then, Depth);
      planCheckpoints(S->Else, Depth);
    }
    if (S->K != StmtKind::Loop)
      continue;
    planCheckpoints(S->Body, Depth + 1);
    if (!S->Snapshots || !UseCheckpoints)
      continue;
    if (Depth > 0) {
      D.errors().error(S->Where, "cannot checkpoint a loop inside another loop; put "
                                 "ADGEN_CHECKPOINT on the outer loop");
      OK = false;
      continue;
    }
    CheckpointedLoop C;
    if (checkpointable(S, C))
      Checkpointed[S] = C;
  }
}

/// A counted loop `for (i = first; i < last; ++i)` (or `<=`) with a signed
/// integer counter that only the loop steps, a bound the body does not
/// change, and state in f's own variables.
bool Reverse::checkpointable(Stmt *S, CheckpointedLoop &C) {
  auto fail = [&](const std::string &Why) {
    D.errors().error(S->Where, "cannot checkpoint this loop: " + Why);
    OK = false;
    return false;
  };
  std::string Why;
  std::optional<CountedLoop> L = countedLoop(*S, &Why);
  if (!L)
    return fail(Why.rfind("its body", 0) == 0 ? Why : "ADGEN_CHECKPOINT needs " + Why);
  // What the body writes: declared outside it, it carries from step to step.
  for (Var *W : L->Written) {
    if (L->Declared.count(W))
      continue;
    if (W->Kind == VarKind::Global)
      return fail("its body writes the global '" + W->Name + "'");
    if (W->Kind == VarKind::Param && (W->Ty.isMemory() || W->Ty.IsReference || W->Ty.IsPointer))
      return fail("its body writes through the parameter '" + W->Name +
                  "', whose memory adgen cannot snapshot; copy it into a local array "
                  "before the loop and back after it");
    if (W->Ty.IsPointer || W->Ty.IsReference)
      return fail("its body writes through '" + W->Name + "'");
    C.State.push_back(W);
  }
  C.Counter = L->Counter;
  C.Last = L->end(M);
  C.Store = local("checkpoints", Type::scalar(ScalarKind::Int, "adgen::Checkpoints"));
  return true;
}

/// put() or get() of every state variable, element by element.
static void eachStateValue(Module &M, const std::vector<Var *> &State,
                           llvm::function_ref<Stmt *(Var *)> Loop,
                           llvm::function_ref<Stmt *(const Expr *)> One, Block &Out) {
  for (Var *V : State)
    Out.push_back(V->Ty.ArraySize || V->Ty.StdArray || V->Ty.IsVector ? Loop(V) : One(M.ref(V)));
}

void Reverse::forwardCheckpointed(Stmt *S, const CheckpointedLoop &C, Block &Out,
                                  unsigned Depth) {
  Out.push_back(M.comment("Checkpointed loop: no tape; the backward sweep rebuilds its states "
                          "from snapshots.",
                          S->Where));
  forward(S->Init, Out, Depth);
  Out.push_back(storeCall(C.Store, "begin", {M.ref(C.Counter), C.Last, S->Snapshots}));
  eachStateValue(
      M, C.State,
      [&](Var *V) {
        return eachElement(V, false, [&](const Expr *E) { return storeCall(C.Store, "put", {E}); });
      },
      [&](const Expr *E) { return storeCall(C.Store, "put", {E}); }, Out);
  Block Body, Inc;
  untaped(S->Body, Body, Depth + 1);
  untaped(S->Inc, Inc, Depth + 1);
  Out.push_back(M.loop(LoopKind::For, {}, S->Value, std::move(Body), std::move(Inc), S->Where));
}

void Reverse::backwardCheckpointed(Stmt *S, const CheckpointedLoop &C, Block &Out,
                                   unsigned Depth) {
  Type Bool = Type::scalar(ScalarKind::Bool, "bool"), Long = Type::scalar(ScalarKind::Int, "long");
  auto call = [&](const char *Method) {
    return [&, Method](const Expr *E) { return storeCall(C.Store, Method, {E}); };
  };
  Block Get, Put;
  eachStateValue(
      M, C.State, [&](Var *V) { return eachElement(V, false, call("get")); }, call("get"), Get);
  eachStateValue(
      M, C.State, [&](Var *V) { return eachElement(V, false, call("put")); }, call("put"), Put);
  const Expr *I = M.ref(C.Counter);
  Block Each;
  Each.push_back(M.ifStmt(storeQuery(C.Store, "restoring", Bool), std::move(Get), {}));
  Block Run, Inc;
  untaped(S->Body, Run, Depth + 1);
  untaped(S->Inc, Inc, Depth + 1);
  Each.push_back(M.loop(LoopKind::For, {M.assign(I, storeQuery(C.Store, "from", Long))},
                        M.binary(Op::Lt, I, storeQuery(C.Store, "to", Long), Bool),
                        std::move(Run), std::move(Inc)));
  Each.push_back(M.ifStmt(storeQuery(C.Store, "saving", Bool), std::move(Put), {}));
  // One step: taped, then reversed, as one iteration of the ordinary loop.
  Block Step{M.assign(I, storeQuery(C.Store, "step", Long))};
  forward(S->Body, Step, Depth + 1);
  for (Stmt *T : Recompute.lookup(S))
    if (Needed.count(T->V))
      Step.push_back(M.assign(M.ref(T->V), T->Value, T->Where));
  backward(S->Body, Step, Depth + 1);
  Each.push_back(M.ifStmt(storeQuery(C.Store, "reversing", Bool), std::move(Step), {}));
  Out.push_back(M.comment("Checkpointed loop, backward: restore, run forward, store, reverse "
                          "a step, as the schedule says; ends with the loop's first state.",
                          S->Where));
  Out.push_back(M.loop(LoopKind::While, {}, storeQuery(C.Store, "next", Bool), std::move(Each),
                       {}, S->Where));
}

graph::Function *adgen::reverseTransform(Differentiator &D, Function &F,
                                         const ActivityPattern &P, const std::string &Name,
                                         ReverseShape Shape, bool UseCheckpoints) {
  Function &G = newGenerated(D.module(), F, Name, Shape != ReverseShape::Joint);
  Reverse T(D, F, P, G, Shape, UseCheckpoints);
  if (!T.run())
    return nullptr;
  return &G;
}
