//===- Transforms/LowerExits.cpp - break/continue/return as flags ---------===//

#include "Transforms/LowerExits.h"
#include "Graph/Rewrite.h"

using namespace adgen;
using namespace adgen::graph;

namespace {

enum ExitBits : unsigned { None = 0, Brk = 1, Cont = 2, Ret = 4 };

class Lowering {
public:
  Lowering(Module &M, const Function &F, Function &G) : M(M), F(F), G(G) {}

  LoweredBody run() {
    LoweredBody Out;
    if (!F.ReturnsVoid) {
      Type RT = F.ReturnType;
      RT.IsConst = false;
      Result = flagLike("result", RT);
      Out.Result = Result;
    }
    Top = &F.Body;
    block(F.Body, Out.Body, nullptr);
    if (Returned)
      Out.Flags.push_back(Returned);
    return Out;
  }

private:
  struct LoopFlags {
    Var *Broke = nullptr;
    Var *Continued = nullptr;
    bool ReturnsInside = false;
  };

  Var *flagLike(const char *Name, Type T) {
    Var *V = G.addVar(G.freshName(Name), T, VarKind::Local);
    V->Synthetic = true;
    return V;
  }
  Var *flag(const char *Name) {
    return flagLike(Name, Type::scalar(ScalarKind::Bool, "bool"));
  }
  const Expr *notE(Var *V) {
    return M.unary(Op::Not, M.ref(V), Type::scalar(ScalarKind::Bool, "bool"));
  }
  const Expr *andE(const Expr *A, const Expr *B) {
    if (!A)
      return B;
    if (!B)
      return A;
    return M.binary(Op::And, A, B, Type::scalar(ScalarKind::Bool, "bool"));
  }
  /// "No exit of kinds \p Bits has happened."
  const Expr *stillRunning(unsigned Bits, LoopFlags *L) {
    const Expr *C = nullptr;
    if ((Bits & Brk) && L)
      C = andE(C, notE(L->Broke));
    if ((Bits & Cont) && L)
      C = andE(C, notE(L->Continued));
    if (Bits & Ret)
      C = andE(C, notE(Returned));
    return C;
  }

  /// Lowers \p In into \p Out; returns the kinds of exit it may take.
  unsigned block(const Block &In, Block &Out, LoopFlags *L, size_t From = 0) {
    unsigned All = None;
    for (size_t I = From; I < In.size(); ++I) {
      unsigned Bits = stmt(In[I], Out, L, &In == Top && I + 1 == In.size());
      All |= Bits;
      if (Bits && I + 1 < In.size()) {
        Block Rest;
        All |= block(In, Rest, L, I + 1);
        if (!Rest.empty())
          Out.push_back(M.ifStmt(stillRunning(Bits, L), std::move(Rest), {}, In[I + 1]->Where));
        return All;
      }
    }
    return All;
  }

  unsigned stmt(Stmt *S, Block &Out, LoopFlags *L, bool Last) {
    switch (S->K) {
    case StmtKind::Return:
      if (S->Value)
        copyFields(M, M.ref(Result), S->Value, F.ReturnType, Out, S->Where);
      if (Last)
        return None;
      if (!Returned)
        Returned = flag("returned");
      if (L)
        L->ReturnsInside = true;
      Out.push_back(M.assign(M.ref(Returned), M.boolConst(true), S->Where));
      return Ret;
    case StmtKind::Break:
      if (!L->Broke)
        L->Broke = flag("broke");
      Out.push_back(M.assign(M.ref(L->Broke), M.boolConst(true), S->Where));
      return Brk;
    case StmtKind::Continue:
      if (!L->Continued)
        L->Continued = flag("skip_rest");
      Out.push_back(M.assign(M.ref(L->Continued), M.boolConst(true), S->Where));
      return Cont;
    case StmtKind::If: {
      unsigned Bits = None;
      Out.push_back(rebuildNested(
          M, S,
          [&](const Block &In) {
            Block Lowered;
            Bits |= block(In, Lowered, L);
            return Lowered;
          },
          ThenBlock | ElseBlock));
      return Bits;
    }
    case StmtKind::Loop:
      return loop(S, Out, L);
    default:
      Out.push_back(S);
      return None;
    }
  }

  unsigned loop(Stmt *S, Block &Out, LoopFlags *Outer) {
    LoopFlags L;
    Block Init, Body, Inc;
    block(S->Init, Init, Outer);
    unsigned Bits = block(S->Body, Body, &L);
    block(S->Inc, Inc, Outer);
    Block Before;
    if (L.Broke)
      Before.push_back(M.decl(L.Broke, M.boolConst(false), S->Where));
    if (L.Continued) {
      Before.push_back(M.decl(L.Continued, M.boolConst(false), S->Where));
      Body.insert(Body.begin(), M.assign(M.ref(L.Continued), M.boolConst(false), S->Where));
    }
    const Expr *Cond = S->Value;
    const Expr *Go = stillRunning((L.Broke ? unsigned(Brk) : 0u) | ((Bits & Ret) ? unsigned(Ret) : 0u), &L);
    if (Go) {
      Cond = Cond ? andE(Go, Cond) : Go;
      if (!Inc.empty()) {
        Block Guarded{M.ifStmt(Go, std::move(Inc), {}, S->Where)};
        Inc = std::move(Guarded);
      }
    }
    Out.insert(Out.end(), Before.begin(), Before.end());
    Out.push_back(M.loop(S->Loop, std::move(Init), Cond, std::move(Body), std::move(Inc),
                         S->Where));
    Out.back()->Snapshots = S->Snapshots;
    // A parallel loop stays one unless flags (shared variables) now steer
    // it: then it runs serially, which is always right.
    if (!L.Continued && !Go)
      Out.back()->Omp = S->Omp;
    return Bits & Ret;
  }

  Module &M;
  const Function &F;
  Function &G;
  const Block *Top = nullptr;
  Var *Result = nullptr;
  Var *Returned = nullptr;
};

} // namespace

LoweredBody adgen::lowerExits(Module &M, const Function &F, Function &G) {
  return Lowering(M, F, G).run();
}
