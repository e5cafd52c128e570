//===- Transforms/ReuseValues.cpp - Keep values the adjoint needs ---------===//

#include "Transforms/ReuseValues.h"
#include "Graph/MathTable.h"

using namespace adgen;
using namespace adgen::graph;

/// A call whose partials can be written with its own value (MathTable.h).
static bool reusable(const Expr *E) {
  if (E->K != Op::Math || !E->Ty.isFloatScalar())
    return false;
  const MathFunction *F = mathFunction(E->Text);
  return F && F->FromValue && E->Ops.size() >= F->MinArity && E->Ops.size() <= F->MaxArity;
}

const Expr *adgen::partialFromValue(Module &M, const Expr *N, unsigned Operand,
                                    const Expr *V) {
  const MathFunction *F = mathFunction(N->Text);
  if (!F || !F->FromValue)
    return nullptr;
  MathBuilder B{M, N->Ty.element()};
  return F->FromValue(B, N, Operand, V);
}

namespace {

class Splitter {
public:
  Splitter(Module &M, Function &G, Activity &A, Var *Result)
      : M(M), G(G), A(A), Result(Result) {}
  llvm::DenseSet<Var *> Locals;

  void block(Block &B) {
    Block Out;
    for (Stmt *S : B)
      stmt(S, Out);
    B = std::move(Out);
  }

private:
  bool varied(const Expr *E) {
    bool Any = false;
    forEachFloatRead(E, [&](Var *V) { Any |= A.Varied.count(V) > 0; });
    return Any;
  }

  /// \p E with every reusable call (other than \p Keep) read from a new
  /// local declared in \p Decls.
  const Expr *split(const Expr *E, const Expr *Keep, Block &Decls, Loc L) {
    if (E->Ops.empty())
      return E;
    Expr C = *E;
    bool Changed = false;
    for (const Expr *&O : C.Ops) {
      const Expr *N = split(O, Keep, Decls, L);
      Changed |= N != O;
      O = N;
    }
    const Expr *Cur = Changed ? M.make(C) : E;
    if (E == Keep || !reusable(Cur) || !varied(Cur))
      return Cur;
    Var *V = G.addVar(G.freshName(Cur->Text + "_val"), Cur->Ty.element(), VarKind::Local);
    V->Synthetic = true;
    A.Varied.insert(V);
    A.Useful.insert(V);
    Locals.insert(V);
    Decls.push_back(M.decl(V, Cur, L));
    return M.ref(V);
  }

  void stmt(Stmt *S, Block &Out) {
    switch (S->K) {
    case StmtKind::If: {
      Stmt C = *S;
      block(C.Then);
      block(C.Else);
      Out.push_back(M.make(std::move(C)));
      return;
    }
    case StmtKind::Loop: {
      Stmt C = *S;
      block(C.Init);
      block(C.Body);
      block(C.Inc);
      Out.push_back(M.make(std::move(C)));
      return;
    }
    case StmtKind::Scope: {
      Stmt C = *S;
      block(C.Then);
      Out.push_back(M.make(std::move(C)));
      return;
    }
    case StmtKind::Decl:
    case StmtKind::Assign: {
      Var *T = S->K == StmtKind::Decl ? S->V : rootOf(S->Target);
      const Type &TT = S->K == StmtKind::Decl ? S->V->Ty : S->Target->Ty;
      if (!S->Value || !T || !TT.isFloatScalar() || (!A.isActive(T) && T != Result)) {
        Out.push_back(S);
        return;
      }
      // `double r = std::sqrt(u);` is its own local already.
      const Expr *Keep = S->K == StmtKind::Decl && reusable(S->Value) ? S->Value : nullptr;
      if (Keep && varied(Keep))
        Locals.insert(S->V);
      Block Decls;
      const Expr *V = split(S->Value, Keep, Decls, S->Where);
      if (V == S->Value) {
        Out.push_back(S);
        return;
      }
      Out.insert(Out.end(), Decls.begin(), Decls.end());
      Stmt C = *S;
      C.Value = V;
      Out.push_back(M.make(std::move(C)));
      return;
    }
    default:
      Out.push_back(S);
      return;
    }
  }

  Module &M;
  Function &G;
  Activity &A;
  Var *Result;
};

} // namespace

llvm::DenseSet<Var *> adgen::splitReusableValues(Module &M, Function &G, Block &Body,
                                                Activity &A, Var *Result) {
  Splitter S(M, G, A, Result);
  S.block(Body);
  return std::move(S.Locals);
}

namespace {

/// "sin" or "cos" for a call of either on one floating-point scalar, else
/// null.
const char *trigName(const Expr *E) {
  if (E->K != Op::Math || E->Ops.size() != 1 || !E->Ty.isFloatScalar())
    return nullptr;
  llvm::StringRef N(E->Text);
  N.consume_front("std::");
  return N == "sin" ? "sin" : N == "cos" ? "cos" : nullptr;
}

/// The variables \p E reads (arrays by their root).
llvm::DenseSet<Var *> readRoots(const Expr *E) {
  llvm::DenseSet<Var *> Out;
  forEachExpr(E, [&](const Expr *N) {
    if (N->V)
      Out.insert(N->V);
    if (N->K == Op::Load)
      if (Var *R = rootOf(N))
        Out.insert(R);
  });
  return Out;
}

class TwinFinder {
public:
  explicit TwinFinder(const Block &Body) {
    // Locals written anywhere other than by their one declaration.
    forEachStmt(Body, [&](Stmt *S) {
      if (S->K == StmtKind::Decl)
        ++Decls[S->V];
      if (S->Target)
        if (Var *R = rootOf(S->Target))
          Written.insert(R);
      if (S->K == StmtKind::Resize)
        Written.insert(S->V);
      for (const Expr *A : S->Args) // a callee may write what it is handed
        for (Var *V : readRoots(A))
          Written.insert(V);
    });
  }

  void block(const Block &B) {
    for (size_t I = 0; I < B.size(); ++I) {
      Stmt *S = B[I];
      if (S->K == StmtKind::If) {
        block(S->Then);
        block(S->Else);
      } else if (S->K == StmtKind::Scope) {
        block(S->Then);
      } else if ((S->K == StmtKind::Decl || S->K == StmtKind::Assign) && S->Value) {
        forEachExpr(S->Value, [&](const Expr *N) {
          if (const char *Name = trigName(N))
            if (Var *Other = twin(B, I, N, Name))
              Out[S].push_back({N, Other});
        });
      } // loops: a local declared in one is written each iteration
    }
  }

  llvm::DenseMap<const Stmt *, std::vector<TrigTwin>> Out;

private:
  /// The local declared in \p B as the other function of \p Call's operand.
  Var *twin(const Block &B, size_t At, const Expr *Call, llvm::StringRef Name) {
    const Expr *U = Call->Ops[0];
    llvm::DenseSet<Var *> Reads = readRoots(U);
    for (size_t J = 0; J < B.size(); ++J) {
      const Stmt *T = B[J];
      if (J == At || T->K != StmtKind::Decl || !T->Value || !T->V->Ty.isFloatScalar() ||
          T->V->Kind != VarKind::Local || Written.count(T->V) || Decls.lookup(T->V) != 1)
        continue;
      const char *Other = trigName(T->Value);
      if (!Other || Name == Other || !sameExpr(T->Value->Ops[0], U) ||
          T->Value->Ty.Spelling != Call->Ty.Spelling)
        continue;
      // Nothing from the first of the two statements to the second changes
      // u (the later one's own target is written after u is read).
      bool Same = true;
      for (size_t K = std::min(At, J); K < std::max(At, J) && Same; ++K) {
        const Stmt *W = B[K];
        if (W->K != StmtKind::Decl && W->K != StmtKind::Assign && W->K != StmtKind::AddAssign)
          Same = false;
        else if (Var *R = W->K == StmtKind::Decl ? W->V : rootOf(W->Target))
          Same = !Reads.count(R);
        else
          Same = false;
      }
      if (Same)
        return T->V;
    }
    return nullptr;
  }

  llvm::DenseMap<Var *, unsigned> Decls;
  llvm::DenseSet<Var *> Written;
};

} // namespace

llvm::DenseMap<const Stmt *, std::vector<TrigTwin>> adgen::trigTwins(const Block &Body) {
  TwinFinder F(Body);
  F.block(Body);
  return std::move(F.Out);
}
