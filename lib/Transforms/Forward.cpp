//===- Transforms/Forward.cpp - Tangent (forward) mode ---------------------===//
//
// Every active value v gets a tangent d_v, updated just before v:
//   d_v = sum_j dv/du_j * d_u_j;   v = f(u);
// The structure of the function (branches, loops, early exits) is kept as is.
//
//===----------------------------------------------------------------------===//

#include "Transforms/TransformContext.h"
#include "Transforms/MathRules.h"
#include "Transforms/CountedLoop.h"
#include "Transforms/ParallelLoops.h"
#include "Transforms/TapeProtocol.h"
#include "llvm/ADT/DenseMap.h"

using namespace adgen;
using namespace adgen::graph;

namespace {

class Forward {
public:
  Forward(TransformContext &D, Function &F, const ActivityPattern &P, Function &G)
      : D(D), M(D.module()), F(F), P(P), G(G), A(analyseActivity(F, P)),
        // Code adgen generated (a pullback, for second derivatives) moves
        // values through the tape, which the activity analysis cannot follow:
        // every floating-point variable there carries a tangent, so that each
        // push of a value pairs with a push of its tangent.
        AllActive(F.IsGenerated) {}

  bool run();

private:
  const Expr *tangent(const Expr *E);
  const Expr *tangentPtr(const Expr *E);
  const Expr *tangentLoc(const Expr *Target);
  bool isStructValue(const Expr *E) const {
    return E->Ty.Rec && !E->Ty.IsPointer && !E->Ty.ArraySize && !E->Ty.isContainer();
  }
  bool structTangent(const Expr *E, const Expr *&T, Loc Where);
  bool hasTangent(Var *V) { return Tan.count(rootOf(V)) > 0; }
  const Expr *zero(const Type &T) { return M.floatConst(0, T); }
  Block block(const Block &B);
  void stmt(Stmt *S, Block &Out);
  void declStmt(Stmt *S, Block &Out);
  void assignStmt(Stmt *S, Block &Out);
  void pushStmt(Stmt *S, Block &Out);
  void loopStmt(Stmt *S, Block &Out);
  void returnStmt(Stmt *S, Block &Out);
  void call(Stmt *S, Block &Out);
  Stmt *dropStmt(Stmt *S);
  Var *tangentVar(Var *V);

  TransformContext &D;
  Module &M;
  Function &F;
  const ActivityPattern &P;
  Function &G;
  Activity A;
  llvm::DenseMap<Var *, Var *> Tan;
  bool OK = true;
  bool AllActive;
  bool active(Var *V) { return AllActive ? V->Ty.isFloating() : A.isActive(V); }
};

bool sameRef(const Expr *A, const Expr *B) {
  return A->K == B->K && (A->K == Op::VarRef || A->K == Op::Deref) && A->V == B->V;
}

} // namespace

Var *Forward::tangentVar(Var *V) {
  Type T = V->Ty;
  T.IsConst = false;
  Var *DV = G.addVar(G.freshName("d_" + V->Name), T, VarKind::Local);
  DV->Synthetic = true;
  Tan[V] = DV;
  return DV;
}

const Expr *Forward::tangentPtr(const Expr *E) {
  if (E->K == Op::AddrOf && !E->V) { // &s.x in generated code
    const Expr *P = E->Ops[0]->Ty.isMemory() ? tangentPtr(E->Ops[0]) : tangentLoc(E->Ops[0]);
    return P ? M.addressOf(P) : nullptr;
  }
  if (E->K == Op::AddrOf) { // &d_u in generated code: the tangent's address
    auto It = Tan.find(E->V);
    return It == Tan.end() ? nullptr : M.addrOf(It->second);
  }
  if (E->K == Op::Load) { // a struct inside memory: ps[i], s.inner
    const Expr *B = tangentPtr(E->Ops[0]);
    if (!B)
      return nullptr;
    return isFieldLoad(E) ? M.field(B, E->Ops[1]->Text, E->Ty) : M.load(B, E->Ops[1]);
  }
  if (E->K == Op::VarRef) {
    auto It = Tan.find(E->V);
    return It == Tan.end() ? nullptr : M.ref(It->second);
  }
  if (E->K == Op::PtrAdd) {
    const Expr *B = tangentPtr(E->Ops[0]);
    return B ? M.ptrAdd(B, E->Ops[1]) : nullptr;
  }
  return nullptr;
}

const Expr *Forward::tangentLoc(const Expr *T) {
  if (T->K == Op::Deref) { // *d_x of a pullback's adjoint parameter
    auto It = Tan.find(T->V);
    return It == Tan.end() ? nullptr : M.deref(It->second);
  }
  if (T->K == Op::VarRef) {
    auto It = Tan.find(T->V);
    return It == Tan.end() ? nullptr : M.ref(It->second);
  }
  if (T->K == Op::Load) {
    const Expr *B = tangentPtr(T->Ops[0]);
    if (!B)
      return nullptr;
    return isFieldLoad(T) ? M.field(B, T->Ops[1]->Text, T->Ty) : M.load(B, T->Ops[1]);
  }
  return nullptr;
}

/// A value restored into memory without tangent: drop its tangent from the
/// tape (it was pushed right after the value).
Stmt *Forward::dropStmt(Stmt *S) {
  return tape::drop(M, S->Value->V, S->Value->Ty, S->Where);
}

/// The tangent of a whole struct value \p E in generated code (a copy of an
/// adjoint, a zero, a value off the tape) into \p T: zero where it has
/// none. Anything else is refused rather than given a zero tangent.
bool Forward::structTangent(const Expr *E, const Expr *&T, Loc Where) {
  T = nullptr;
  if (E->K == Op::VarRef || E->K == Op::Load || E->K == Op::Deref) {
    T = E->K == Op::Deref ? tangentLoc(E) : tangentPtr(E);
  } else if (E->K == Op::Pop) {
    Expr P = *E;
    T = M.make(std::move(P));
  } else if (E->K == Op::Aggregate && E->Ops.empty()) {
    T = nullptr; // S{}: zero
  } else {
    if (OK)
      D.errors().error(Where, "second derivatives (forward over reverse) through this "
                                 "struct value are not supported yet");
    OK = false;
    return false;
  }
  if (!T)
    T = M.zeroValue(E->Ty);
  return true;
}

/// The tangent of \p E, or null where it is zero.
const Expr *Forward::tangent(const Expr *E) {
  if (!E->Ty.isFloating() || E->Ty.isMemory())
    return nullptr;
  if (E->K == Op::VarRef || E->K == Op::Load || E->K == Op::Deref)
    return tangentLoc(E);
  if (E->K == Op::Pop) {
    // The forward sweep pushed the tangent right after the value: it comes
    // off the tape first (its statement precedes the value's).
    Expr T = *E;
    return M.make(std::move(T));
  }
  if (E->K == Op::Select) {
    const Expr *TA = tangent(E->Ops[1]), *TB = tangent(E->Ops[2]);
    if (!TA && !TB)
      return nullptr;
    return M.select(E->Ops[0], TA ? TA : zero(E->Ty), TB ? TB : zero(E->Ty));
  }
  const Expr *Sum = nullptr;
  for (const Partial &Pt : partials(M, E)) {
    const Expr *T = tangent(E->Ops[Pt.Operand]);
    if (!T)
      continue;
    // A narrowing conversion narrows the tangent too: the tangent's own
    // type may be that of its first operand (float d_x * a double factor),
    // and an unconverted double in adgen::Dual<float>{...} does not compile.
    auto rank = [](ScalarKind K) {
      return K == ScalarKind::Float ? 1 : K == ScalarKind::Double ? 2 : K == ScalarKind::LongDouble ? 3 : 0;
    };
    if (E->K == Op::Cast && (T->Ty.Scalar != E->Ty.Scalar ||
                             (E->Ty.isFloating() && rank(E->Ops[0]->Ty.Scalar) > rank(E->Ty.Scalar))))
      T = M.cast(T, E->Ty.element());
    Sum = M.add(Sum, M.mul(T, Pt.Factor));
  }
  return Sum;
}

Block Forward::block(const Block &B) {
  Block Out;
  for (Stmt *S : B)
    stmt(S, Out);
  return Out;
}

void Forward::stmt(Stmt *S, Block &Out) {
  switch (S->K) {
  case StmtKind::Decl:
    return declStmt(S, Out);
  case StmtKind::Assign:
  case StmtKind::AddAssign:
    return assignStmt(S, Out);
  case StmtKind::Push:
    return pushStmt(S, Out);
  case StmtKind::Scope:
    Out.push_back(M.scope(block(S->Then), S->Where));
    return;
  case StmtKind::Resize: // the tangent first: the new size may read the old one
    if (Var *DV = Tan.lookup(S->V))
      Out.push_back(M.resize(DV, S->Value, S->Where));
    Out.push_back(S);
    return;
  case StmtKind::Call:
    call(S, Out);
    return;
  case StmtKind::If: {
    // Sub-blocks are transformed in source order, one statement each: the
    // order of evaluation of function arguments is unspecified.
    Block Then = block(S->Then);
    Block Else = block(S->Else);
    Out.push_back(M.ifStmt(S->Value, std::move(Then), std::move(Else), S->Where));
    return;
  }
  case StmtKind::Loop:
    return loopStmt(S, Out);
  case StmtKind::Return:
    return returnStmt(S, Out);
  default:
    Out.push_back(S);
    return;
  }
}

/// A declaration and its tangent's (declared first when it is computed
/// from the tangents of what the value reads).
void Forward::declStmt(Stmt *S, Block &Out) {
  Var *V = S->V;
  if (tape::isReserve(S->Value)) {
    // A tape cursor's reservation in a pullback (TapeCursor.cpp): forward
    // over reverse pushes each value's tangent right after it, so the
    // reservation must hold twice as much.
    Expr R = *S->Value;
    const Expr *Bytes = R.Ops[0];
    R.Ops = {M.binary(Op::Mul, M.constant("2", Bytes->Ty), Bytes, Bytes->Ty)};
    Out.push_back(M.decl(V, M.make(std::move(R)), S->Where));
    return;
  }
  Out.push_back(S);
  if (V->Ty.IsPointer) {
    if (Tan.count(V->Root)) {
      Var *DV = tangentVar(V);
      const Type &RT = Tan[V->Root]->Ty; // a const container's tangent: const elements
      DV->Ty.PointeeConst = RT.PointeeConst || (RT.isContainer() && RT.IsConst);
      Out.push_back(M.decl(DV, tangentPtr(S->Value), S->Where));
    }
    return;
  }
  if (!V->Ty.isFloating() || !active(V))
    return;
  Var *DV = tangentVar(V);
  if (S->Value && isStructValue(S->Value)) {
    // `S d_b2 = d_b;` in a pullback (forward over reverse): the tangent
    // is a copy of the value's tangent.
    const Expr *T = nullptr;
    if (!structTangent(S->Value, T, S->Where))
      return;
    Out.insert(Out.end() - 1, M.decl(DV, T, S->Where));
    return;
  }
  if (V->Ty.isAggregate()) {
    // A vector's tangent has its size; arrays and structs start at zero.
    Stmt *Dcl = M.decl(DV, V->Ty.IsVector ? M.sizeOf(M.ref(V)) : nullptr, S->Where);
    Dcl->ZeroInit = !V->Ty.IsVector;
    Out.push_back(Dcl);
    return;
  }
  const Expr *T = S->Value ? tangent(S->Value) : nullptr;
  Out.insert(Out.end() - 1, M.decl(DV, T ? T : zero(V->Ty), S->Where));
}

/// An assignment, after its tangent's (which reads the old values).
void Forward::assignStmt(Stmt *S, Block &Out) {
  if (isStructValue(S->Target) && S->Target->Ty.isFloating()) {
    // A whole struct assigned in generated code (`d_b = V2{};`, `s =
    // pop<S>()`): its tangent likewise.
    const Expr *TL = tangentLoc(S->Target), *T = nullptr;
    if (S->K != StmtKind::Assign || !structTangent(S->Value, T, S->Where)) {
      if (OK && S->K != StmtKind::Assign)
        D.errors().error(S->Where, "no tangent for a compound assignment of a struct");
      OK = false;
      return;
    }
    if (TL)
      Out.push_back(M.assign(TL, T, S->Where));
    else if (S->Value->K == Op::Pop)
      Out.push_back(dropStmt(S));
    Out.push_back(S);
    return;
  }
  if (S->K == StmtKind::Assign && S->Target->K == Op::VarRef && S->Target->Ty.IsPointer &&
      tangentLoc(S->Target)) {
    // `x = arr;` of a pointer local whose declaration a pullback hoisted
    // (forward over reverse): its tangent pointer, and the tangent of the
    // adjoint pointer re-pointed with it, are not followed yet.
    if (OK)
      D.errors().error(S->Where, "second derivatives (f_hessian) through a pointer local "
                                 "that is written through (a view's field, a pointer "
                                 "parameter of an inlined function) are not supported yet; "
                                 "write to the array itself");
    OK = false;
    return;
  }
  const Expr *TL = S->Target->Ty.isFloating() ? tangentLoc(S->Target) : nullptr;
  if (TL) {
    const Expr *T = tangent(S->Value);
    bool SelfAssign = T && T->K == Op::VarRef && TL->K == Op::VarRef && T->V == TL->V;
    if (S->K == StmtKind::Assign && SelfAssign)
      ; // x = x + 1.0: the tangent does not change (d_x = d_x warns)
    else if (S->K == StmtKind::Assign) {
      Out.push_back(M.assign(TL, T ? T : zero(S->Target->Ty), S->Where));
      if (S->OmpAtomic) { // s = s + e: d_s = d_s + d_e, atomically too
        bool Update = T && (T->K == Op::Add || T->K == Op::Sub) && sameRef(T->Ops[0], TL);
        if (!Update) {
          D.errors().error(S->Where, "no tangent for this atomic update");
          OK = false;
        }
        Out.back()->OmpAtomic = true;
      }
    }
    else if (T)
      Out.push_back(M.addAssign(TL, T, S->Where));
  } else if (S->Value->K == Op::Pop && S->Value->Ty.isFloating()) {
    Out.push_back(dropStmt(S));
  }
  Out.push_back(S);
}

/// A value pushed on the tape, and its tangent right after it.
void Forward::pushStmt(Stmt *S, Block &Out) {
  Out.push_back(S);
  if (S->Value->Ty.isFloating() && isStructValue(S->Value)) {
    // Its tangent goes on the tape right after it (see tangent(Pop)).
    const Expr *T = nullptr;
    if (!structTangent(S->Value, T, S->Where))
      return;
    Stmt *PT = M.push(T, S->Where);
    PT->V = S->V;
    Out.push_back(PT);
    return;
  }
  if (S->Value->Ty.isFloating() && !S->Value->Ty.isMemory()) {
    const Expr *T = tangent(S->Value);
    Stmt *PT = M.push(T ? T : zero(S->Value->Ty), S->Where);
    PT->V = S->V;
    Out.push_back(PT);
  }
}

/// True if \p B holds a loop, at any depth.
static bool hasLoop(const Block &B) {
  for (const Stmt *S : B)
    if (S->K == StmtKind::Loop || hasLoop(S->Then) || hasLoop(S->Else))
      return true;
  return false;
}

/// How often to unroll the tangent loop of \p S: its trip count when it is a
/// counted loop of 2 to 4 trips between integer literals (`for (int i = 0;
/// i < 3; ++i)`, a 3-vector) whose body holds no loop, else 0. Its tangents
/// double the body, and then GCC at -O2 no longer unrolls it by itself: the
/// arrays it indexes (Xo[i], d_Xo[i]) stay in memory instead of registers,
/// which made BA's f_fwd 20% slower. `#pragma GCC unroll` (GCC and Clang)
/// keeps the source loop readable.
static unsigned unrollCount(const Stmt &S) {
  std::optional<CountedLoop> C = countedLoop(S);
  if (!C || C->First->K != Op::Const || C->Bound->K != Op::Const || hasLoop(S.Body))
    return 0;
  long long First = 0, Bound = 0;
  if (llvm::StringRef(C->First->Text).getAsInteger(10, First) ||
      llvm::StringRef(C->Bound->Text).getAsInteger(10, Bound))
    return 0;
  long long Trips = Bound - First + (C->Inclusive ? 1 : 0);
  return Trips >= 2 && Trips <= 4 ? static_cast<unsigned>(Trips) : 0;
}

/// A loop with the tangents of its init, body and step.
void Forward::loopStmt(Stmt *S, Block &Out) {
  if (S->Omp && F.IsGenerated) { // forward over reverse
    D.errors().error(S->Where, "second derivatives (forward over reverse) of parallel loops "
                               "are not supported yet");
    OK = false;
    return;
  }
  // The init block first: it declares the tangents of variables declared
  // there (`for (double x = a; ...)`) that the body and step then read.
  Block Init = block(S->Init);
  Block Body = block(S->Body);
  Block Inc = block(S->Inc);
  bool GrewBody = Body.size() > S->Body.size();
  Out.push_back(M.loop(S->Loop, std::move(Init), S->Value, std::move(Body), std::move(Inc),
                       S->Where));
  if (unsigned N = !F.IsGenerated && !S->Omp && GrewBody ? unrollCount(*S) : 0)
    Out.back()->Text = "GCC unroll " + std::to_string(N);
  if (S->Omp) { // the same parallel loop, tangents beside their variables
    Out.back()->Omp = tangentOmpLoop(M, D.errors(), S, [&](Var *V) { return tangentLoc(M.ref(V)); });
    OK &= Out.back()->Omp != nullptr;
  }
}

/// The return: the value and its tangent as an adgen::Dual.
void Forward::returnStmt(Stmt *S, Block &Out) {
  if (!S->Value || !F.ReturnType.isFloating()) {
    Out.push_back(S);
    return;
  }
  const Expr *T = nullptr;
  if (F.ReturnType.Rec) // a struct: the tangent struct, or zero
    T = P.Return ? tangentPtr(S->Value) : nullptr;
  else
    T = P.Return ? tangent(S->Value) : nullptr;
  if (!T && F.ReturnType.Rec)
    T = M.zeroValue(F.ReturnType);
  Type DT = F.ReturnType.element();
  DT.IsDual = true;
  Expr Agg;
  Agg.K = Op::Aggregate;
  Agg.Ty = DT;
  Agg.Ops = {S->Value, T ? T : zero(F.ReturnType)};
  Out.push_back(M.ret(M.make(std::move(Agg)), S->Where));
}

/// A call: the callee's forward helper (or the user's g_fwd) when an
/// argument or the result is active, else the call itself.
void Forward::call(Stmt *S, Block &Out) {
  if (S->V || S->Fn->Print != PrintKind::None) {
    // A method of the tape or redo log in generated code, or printing.
    Out.push_back(S);
    return;
  }
  // In generated code, calls name generated helpers: differentiate those.
  Callee Resolved;
  if (Function *Gen = S->Fn->Helper ? S->Fn->Helper->Fn : nullptr) {
    Resolved.Name = S->Fn->Name;
    Resolved.BaseName = Gen->Name;
    Resolved.Body = Gen;
    Resolved.Namespaces = Gen->Namespaces;
    Resolved.ReturnsVoid = Gen->ReturnsVoid;
    Resolved.ReturnType = Gen->ReturnType;
    for (Var *V : Gen->Params) {
      Resolved.ParamTypes.push_back(V->Ty);
      Resolved.ParamNames.push_back(V->Name);
    }
  } else if (!S->Fn->CustomPullback.empty() && S->Fn->Name == S->Fn->CustomPullback) {
    D.errors().error(S->Where, "no second derivative through the custom derivative of '" +
                                   S->Fn->BaseName + "': write it without ADGEN_CUSTOM, or "
                                   "differentiate the caller once");
    OK = false;
    return;
  }
  Callee &C = Resolved.Body ? *M.addCallee(Resolved) : *S->Fn;
  ActivityPattern CP;
  bool Any = false;
  for (size_t I = 0; I < S->Args.size(); ++I) {
    const Type &PT = C.ParamTypes[I];
    const Expr *Arg = S->Args[I];
    bool Act = false;
    if (PT.isFloating()) {
      if (PT.isMemory() || (PT.IsReference && !PT.IsConst))
        Act = rootOf(Arg) && hasTangent(rootOf(Arg));
      else
        Act = tangent(Arg) != nullptr;
    }
    bool Writes = PT.isWritable();
    CP.Inputs.push_back(Act);
    CP.Outputs.push_back(Act && Writes);
    Any |= Act;
  }
  Var *Res = S->Target ? rootOf(S->Target) : nullptr;
  bool ResAct = Res && S->Target->Ty.isFloating() && hasTangent(Res);
  // The result's tangent always comes back (one helper per pattern of active
  // arguments); it is used only where the result is active.
  CP.Return = !C.ReturnsVoid && C.ReturnType.isFloating();
  if (!Any && !ResAct) {
    Out.push_back(S);
    return;
  }
  bool Custom = !C.CustomFwd.empty();
  if (!Custom && !C.Body) {
    D.errors().error(S->Where, noDerivativeMessage(C, "_fwd"));
    OK = false;
    return;
  }
  if (Custom) // the user's g_fwd takes a tangent for every floating parameter
    for (size_t I = 0; I < S->Args.size(); ++I)
      CP.Inputs[I] = CP.Inputs[I] || C.ParamTypes[I].isFloating();
  std::string Name = Custom ? C.CustomFwd : D.forwardHelper(C, CP);
  std::vector<const Expr *> Args = S->Args;
  for (size_t I = 0; I < S->Args.size(); ++I) {
    if (!CP.isActive(I))
      continue;
    const Type &PT = C.ParamTypes[I];
    const Expr *Arg = S->Args[I];
    const Expr *T = nullptr;
    if (PT.isMemory())
      T = tangentPtr(Arg);
    else if (PT.IsReference && !PT.IsConst)
      T = tangentLoc(Arg);
    else
      T = tangent(Arg);
    if (!T && PT.Rec && !PT.IsPointer && !PT.ArraySize && !PT.isWritable())
      T = M.zeroValue(PT); // a struct value without tangent: zero
    if (!T && PT.IsPointer && Arg->K == Op::Const && Arg->Text == "nullptr")
      T = Arg; // g(x, nullptr): no tangent either (Graph/NullPointers.cpp)
    if (!T) {
      if (PT.isMemory() || (PT.IsReference && !PT.IsConst)) {
        D.errors().error(S->Where, "the custom derivative '" + Name +
                                       "' needs a tangent for argument '" + C.ParamNames[I] +
                                       "', which is not active here");
        OK = false;
        return;
      }
      T = zero(PT);
    }
    Args.push_back(T);
  }
  if (!C.ReturnsVoid && C.ReturnType.isFloating()) {
    Type DT = C.ReturnType.element();
    DT.IsDual = true;
    G.reserve(Name); // the helper this calls names no variable
    Var *R = G.addVar(G.freshName(C.BaseName + "_dual"), DT, VarKind::Local);
    R->Synthetic = true;
    Out.push_back(M.decl(R, M.call(Name, Args, DT), S->Where));
    if (S->Target) {
      Expr V;
      V.K = Op::Field;
      V.Ty = C.ReturnType.element();
      V.Text = "value";
      V.Ops = {M.ref(R)};
      Expr T = V;
      T.Text = "tangent";
      if (ResAct)
        Out.push_back(M.assign(tangentLoc(S->Target), M.make(std::move(T)), S->Where));
      Out.push_back(M.assign(S->Target, M.make(std::move(V)), S->Where));
    }
    return;
  }
  Callee *HC = M.addCallee(C);
  HC->Name = Name;
  Out.push_back(M.callStmt(S->Target, HC, Args, S->Where));
}

bool Forward::run() {
  G.ReturnsVoid = F.ReturnsVoid;
  G.ReturnType = F.ReturnType;
  if (!F.ReturnsVoid && F.ReturnType.isFloating())
    G.ReturnType.IsDual = true;
  G.Params = F.Params;
  Block Prologue;
  for (size_t I = 0; I < F.Params.size(); ++I) {
    Var *V = F.Params[I];
    if (P.isActive(I)) {
      Var *DV = G.addVar(G.freshName("d_" + V->Name), V->Ty, VarKind::Param);
      Tan[V] = DV;
      G.Params.push_back(DV);
    } else if (V->Ty.isFloatScalar() && !V->Ty.IsReference && active(V)) {
      // A value parameter that becomes active inside f: a local tangent.
      Prologue.push_back(M.decl(tangentVar(V), zero(V->Ty)));
    }
  }
  Block Body = block(F.Body);
  G.Body = std::move(Prologue);
  G.Body.insert(G.Body.end(), Body.begin(), Body.end());
  return OK;
}

graph::Function *adgen::forwardTransform(TransformContext &D, Function &F,
                                         const ActivityPattern &P, const std::string &Name) {
  Function &G = newGenerated(D.module(), F, Name, /*Helper=*/false);
  Forward T(D, F, P, G);
  if (!T.run())
    return nullptr;
  return &G;
}
