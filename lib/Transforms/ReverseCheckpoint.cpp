//===- Transforms/ReverseCheckpoint.cpp - Checkpointed loops --------------===//
#include "Transforms/ReverseImpl.h"

using namespace adgen;
using namespace adgen::graph;
using namespace adgen::reverse_impl;

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
      Plan.Checkpointed[S] = C;
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
  std::string Grows;
  forEachStmt(S->Body, [&](Stmt *B) {
    if (B->K == StmtKind::Resize && Grows.empty())
      Grows = B->V->Name;
  });
  if (!Grows.empty())
    return fail("its body changes the size of std::vector '" + Grows + "'");
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
  recomputeTemporaries(S, Step);
  backward(S->Body, Step, Depth + 1);
  Each.push_back(M.ifStmt(storeQuery(C.Store, "reversing", Bool), std::move(Step), {}));
  Out.push_back(M.comment("Checkpointed loop, backward: restore, run forward, store, reverse "
                          "a step, as the schedule says; ends with the loop's first state.",
                          S->Where));
  Out.push_back(M.loop(LoopKind::While, {}, storeQuery(C.Store, "next", Bool), std::move(Each),
                       {}, S->Where));
}
