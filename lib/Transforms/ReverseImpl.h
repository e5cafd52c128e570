//===- Transforms/ReverseImpl.h - The reverse transform's parts --*- C++ -*-===//
///
/// \file
/// Private to the reverse transform (reverseTransform in TransformContext.h):
/// the class whose parts live in
///
///   ReverseAdjoints.cpp    where each derivative is stored
///   ReversePlan.cpp        what the forward sweep stores (the storage plan)
///   ReverseCalls.cpp       calls: record/reverse helpers, custom pullbacks
///   ReverseSweeps.cpp      the forward and backward sweep of each statement
///   ReverseParallel.cpp    OpenMP parallel loops
///   ReverseCheckpoint.cpp  loops marked ADGEN_CHECKPOINT
///   Reverse.cpp            assembly of the generated function
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_REVERSEIMPL_H
#define ADGEN_TRANSFORMS_REVERSEIMPL_H

#include "Transforms/TransformContext.h"
#include "Transforms/LowerExits.h"
#include "Transforms/MathRules.h"
#include "Transforms/CountedLoop.h"
#include "Transforms/StoragePlan.h"
#include "Transforms/ReuseValues.h"
#include "Transforms/ParallelLoops.h"
#include "Transforms/TapeProtocol.h"
#include "Analysis/GlobalEffects.h"
#include "Analysis/WriteOnly.h"
#include <optional>
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace adgen {
namespace reverse_impl {

using namespace adgen::graph;

/// Does \p E read the storage \p T writes (conservatively: any element of
/// the same array)?
inline bool readsTarget(const Expr *E, const Expr *T) {
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

inline bool isTrivial(const Expr *E) {
  return E->K == Op::VarRef || E->K == Op::Deref || E->K == Op::Const ||
         (E->K == Op::Load && E->Ops[1]->K != Op::Load);
}
class Reverse {
public:
  Reverse(TransformContext &D, Function &F, const ActivityPattern &P, Function &G,
          ReverseShape Shape, bool UseCheckpoints)
      : D(D), M(D.module()), F(F), P(P), G(G), Shape(Shape), A(analyseActivity(F, P)),
        UseCheckpoints(UseCheckpoints && Shape == ReverseShape::Joint) {}

  bool run();
  /// What the comment calls f by: its name, or for a public f_pullback the
  /// instance as the user wrote it (Function::shownName()).
  std::string Of;
  /// Only the storage plan (what run() would store), printed as
  /// `--emit=plan` shows it; \p Stored gets the names --emit=dot marks.
  bool printPlan(const std::string &Name, llvm::raw_ostream &OS, std::set<std::string> *Stored);

private:
  // Phases of run(): set-up, the storage plan, the generated function.
  void prepare();
  bool planStorage();
  void planControl(const Block &B, unsigned Depth);
  void assemble(Block &Fwd, Block &Bwd);
  Block declarations(std::vector<Var *> &Hoisted, std::vector<Var *> &Carried,
                     std::vector<Var *> &Lent);
  Block AdjDecls;      ///< declarations of the adjoint variables
  Var *DRet = nullptr; ///< d_ret (pullback) or d_result (reverse helper)

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
  void forwardDecl(Stmt *S, Block &Out, unsigned LoopDepth);
  void forwardLoop(Stmt *S, Block &Out, unsigned LoopDepth);
  void backwardDecl(Stmt *S, Block &Out, unsigned LoopDepth);
  void backwardLoop(Stmt *S, Block &Out, unsigned LoopDepth);
  void recomputeTemporaries(Stmt *Loop, Block &Out);
  void backwardStmt(Stmt *S, Block &Out, unsigned LoopDepth);
  void backwardStmtOf(Stmt *S, Block &Out, unsigned LoopDepth);
  /// sin(u), cos(u) whose partial is another local's value (trigTwins), by
  /// statement; those of the statement being reversed.
  llvm::DenseMap<const Stmt *, std::vector<TrigTwin>> TrigTwins;
  const std::vector<TrigTwin> *TwinsNow = nullptr;
  void forwardCall(Stmt *S, Block &Out);
  std::vector<const Expr *> savedRefArgs(Stmt *S);
  /// The floating-point globals \p Callee writes, itself or through its
  /// callees (computed once per transform).
  const llvm::SmallSetVector<Var *, 4> &globalsWrittenBy(const Function &Callee);
  std::optional<GlobalEffects> Globals;
  void backwardCall(Stmt *S, Block &Out);
  void propagate(const Expr *E, const Expr *Adj, Block &Out);
  void contributions(const Expr *E, const Expr *Adj, Block &Out,
                     std::vector<std::pair<const Expr *, const Expr *>> &Contribs);
  void adjointOfAssign(const Expr *T, const Expr *E, Block &Out, Loc L);

  // What is stored.
  bool stores(const Expr *Target, bool IsDecl, unsigned LoopDepth);
  bool stores(const Stmt *S, const Expr *Target, bool IsDecl, unsigned LoopDepth) {
    if (Plan.Recomputed.count(S) || Untaped)
      return false;
    if (Planned) {
      auto It = Plan.Pushes.find(S);
      return It != Plan.Pushes.end() && It->second;
    }
    return stores(Target, IsDecl, LoopDepth);
  }
  const Expr *inverseIncrement(const Expr *Target, const Expr *Value);
  void collectReads(const Block &B, llvm::DenseSet<Var *> &Reads);
  void readsOf(const Expr *E, llvm::DenseSet<Var *> &Reads);
  bool writesParamMemory(Var *Root);
  /// Parameter memory this helper writes must be restored for its caller
  /// (Record/Replay shapes), unless the caller said it need not
  /// (ActivityPattern::Unrestored).
  bool mustRestore(Var *Root) {
    return RestoreParams && writesParamMemory(Root) && !UnrestoredParams.count(Root);
  }
  llvm::DenseSet<Var *> UnrestoredParams;
  /// Calls of generated reverse helpers in the backward sweep, whose
  /// write-only parameters read nothing (collectReads).
  llvm::DenseSet<const Stmt *> ReplayCalls;
  /// The call of f that each of those reverses.
  llvm::DenseMap<const Stmt *, const Stmt *> ReplayOrigin;
  /// Plan.Elements: local arrays of which the backward sweep reads only some
  /// elements (StoragePlanElements.h).
  void planElements();
  /// The push (forward) or restore (backward) \p Do of `Target = ...`, for
  /// the elements the backward sweep reads: as it is, under
  /// `if (i <= hi)`, or not at all.
  void forReadElement(const Expr *Target, Block &Out, llvm::function_ref<void(Block &)> Do);
  llvm::DenseMap<const Function *, std::vector<bool>> WriteOnly;
  const std::vector<bool> &writeOnly(const Function &Callee) {
    auto It = WriteOnly.find(&Callee);
    if (It == WriteOnly.end())
      It = WriteOnly.insert({&Callee, writeOnlyParams(Callee)}).first;
    return It->second;
  }
  /// What the backward sweep reads of f's values as the forward sweep left
  /// them (planStores): all a Replay helper needs carried on the tape.
  void pointerAdjoint(Var *P, Block &Out);
  void describe(const Block &Fwd, const Block &Handed);

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
  /// Calls of the forward sweeps of helpers (they push onto the tape too).
  llvm::DenseSet<const Callee *> RecordCalls;
  bool sharedWrite(const Expr *Target) {
    Var *R = rootOf(Target);
    return IterPrivate && R && !IterPrivate->count(R);
  }

  struct CallPlan {
    bool Active = false;
    bool Custom = false;
    ActivityPattern P;
    std::string Record, Replay;
    /// The helpers named Record and Replay (null for a custom pullback).
    const HelperSlot *RecordFn = nullptr, *ReplayFn = nullptr;
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

  TransformContext &D;
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
  /// Local std::vectors that change size (StmtKind::Resize): each Resize
  /// is recorded on the tape and undone in the backward sweep.
  llvm::DenseSet<Var *> Resized;
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
  llvm::DenseSet<Var *> Assigned;                // variables and roots written
  /// Per overwriting statement: must it push the old value? Decided once
  /// (planStores) so that both sweeps agree.
  /// What is stored, decided by planStorage() before either sweep.
  StoragePlan Plan;
  bool Planned = false;
  void planStores(const Block &B, unsigned Depth, llvm::DenseSet<Var *> &Live);
  void findRecomputable(const Block &B);
  /// Calls that write memory whose earlier contents the backward sweep reads.
  llvm::DenseSet<const Stmt *> OverwritesLive;
  llvm::DenseSet<Var *> backwardReads(Stmt *S, unsigned Depth);
  llvm::DenseSet<Var *> varsSince(size_t Mark);
  bool RestoreParams = false;
  bool OK = true;

  // Loops marked ADGEN_CHECKPOINT (see "Checkpointed loops" below).
  /// Counted loops (CountedLoop.h) whose backward sweep runs the counter
  /// down from the bounds: no trip count on the tape.
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

} // namespace reverse_impl
} // namespace adgen

#endif
