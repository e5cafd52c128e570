//===- Transforms/ShareCalls.cpp - One evaluation per library call --------===//
#include "Transforms/ShareCalls.h"
#include "Analysis/Activity.h"
#include "Graph/Rewrite.h"
#include "llvm/ADT/DenseSet.h"
#include <algorithm>
#include <cctype>

using namespace adgen;
using namespace adgen::graph;

namespace {

/// A name for a local holding a call of \p E: the first variable it reads
/// (a global's last name component, identifier characters only), or "val".
std::string nameOf(const Expr *E) {
  std::string Of;
  forEachExpr(E, [&](const Expr *N) {
    if (Of.empty() && (N->K == Op::VarRef || N->K == Op::Deref) && N->V)
      Of = N->V->Name;
  });
  if (Of.rfind("::") != std::string::npos)
    Of = Of.substr(Of.rfind("::") + 2);
  Of.erase(std::remove_if(Of.begin(), Of.end(),
                          [](char C) { return !(std::isalnum(static_cast<unsigned char>(C)) || C == '_'); }),
           Of.end());
  return Of.empty() ? "val" : Of;
}

bool same(const Expr *A, const Expr *B) {
  if (A == B)
    return true;
  if (A->K != B->K || A->V != B->V || A->Text != B->Text || A->Ops.size() != B->Ops.size())
    return false;
  for (size_t I = 0; I < A->Ops.size(); ++I)
    if (!same(A->Ops[I], B->Ops[I]))
      return false;
  return true;
}

size_t sizeOf(const Expr *E) {
  size_t N = 1;
  for (const Expr *O : E->Ops)
    N += sizeOf(O);
  return N;
}

/// The variables (memory roots for loads) \p E reads; false if E reads
/// something this pass cannot follow (the tape, calls).
bool readsOf(const Expr *E, llvm::DenseSet<Var *> &Reads) {
  bool OK = true;
  forEachExpr(E, [&](const Expr *N) {
    if (N->K == Op::Pop || N->K == Op::Call)
      OK = false;
    if ((N->K == Op::VarRef || N->K == Op::Deref || N->K == Op::AddrOf) && N->V)
      Reads.insert(rootOf(N->V));
  });
  return OK;
}

/// Does \p E call a function (which may write through its arguments, as a
/// helper's forward mode `hc0_fwd(a, ...)` writes `a`)?
bool callsFunction(const Expr *E) {
  bool Found = false;
  if (E)
    forEachExpr(E, [&](const Expr *N) { Found |= N->K == Op::Call; });
  return Found;
}

/// What one statement writes, or false if it may write anything (calls,
/// control flow this pass does not look into).
bool writesOf(const Stmt *S, llvm::DenseSet<Var *> &Writes) {
  if (callsFunction(S->Value) || callsFunction(S->Target))
    return false;
  switch (S->K) {
  case StmtKind::Decl:
    Writes.insert(S->V);
    return true;
  case StmtKind::Assign:
  case StmtKind::AddAssign:
    if (Var *R = rootOf(S->Target)) {
      Writes.insert(R);
      if (S->Target->K == Op::VarRef || S->Target->K == Op::Deref)
        Writes.insert(S->Target->V); // a pointer's own target
      return true;
    }
    return false;
  case StmtKind::Return:
  case StmtKind::Comment:
    return true;
  case StmtKind::Loop: {
    bool OK = true;
    for (const Block *B : {&S->Init, &S->Body, &S->Inc})
      forEachStmt(*B, [&](Stmt *T) {
        if (T->K != StmtKind::Loop)
          OK &= writesOf(T, Writes);
      });
    return OK;
  }
  default:
    return false;
  }
}

/// The expressions of a simple statement that may hold shared calls.
std::vector<const Expr **> slots(Stmt *S) {
  std::vector<const Expr **> Out;
  if (S->K == StmtKind::Decl || S->K == StmtKind::Assign || S->K == StmtKind::AddAssign ||
      S->K == StmtKind::Return)
    if (S->Value)
      Out.push_back(&S->Value);
  return Out;
}

const Expr *replace(Module &M, const Expr *E, const Expr *Pattern, const Expr *With) {
  if (same(E, Pattern))
    return With;
  bool Changed = false;
  std::vector<const Expr *> Ops;
  for (const Expr *O : E->Ops) {
    Ops.push_back(replace(M, O, Pattern, With));
    Changed |= Ops.back() != O;
  }
  if (!Changed)
    return E;
  Expr C = *E;
  C.Ops = std::move(Ops);
  return M.make(std::move(C));
}

void collectCalls(const Expr *E, std::vector<const Expr *> &Out) {
  forEachExpr(E, [&](const Expr *N) {
    if (N->K == Op::Math && N->Ty.isFloatScalar())
      Out.push_back(N);
  });
}

class Sharer {
public:
  Sharer(Module &M, Function &G) : M(M), G(G) {}

  void block(Block &B) {
    // This run first (hoisting out of loops), then inner blocks, on copies.
    while (shareOne(B)) {
    }
    rewriteNested(M, B, [&](Block &Inner) { block(Inner); }, ThenBlock | ElseBlock | BodyBlock);
  }

private:
  /// Calls that count as occurring at statement \p S of the run: those of a
  /// simple statement, and loop-invariant ones of a plain loop's body.
  std::vector<const Expr *> callsAt(Stmt *S) {
    std::vector<const Expr *> Calls;
    for (const Expr **Slot : slots(S))
      collectCalls(*Slot, Calls);
    if (S->K != StmtKind::Loop || S->Omp)
      return Calls;
    llvm::DenseSet<Var *> Written;
    if (!writesOf(S, Written))
      return Calls;
    for (Stmt *T : S->Body) {
      if (slots(T).empty() && T->K != StmtKind::Comment)
        return {}; // only plain bodies
      for (const Expr **Slot : slots(T))
        collectCalls(*Slot, Calls);
    }
    std::vector<const Expr *> Invariant;
    for (const Expr *C : Calls) {
      llvm::DenseSet<Var *> Reads;
      if (!readsOf(C, Reads))
        continue;
      bool Changes = false;
      for (Var *V : Reads)
        Changes |= Written.count(V) > 0;
      if (!Changes)
        Invariant.push_back(C);
    }
    return Invariant;
  }

  bool shareOne(Block &B) {
    // Candidates, largest first, so a repeated tanh(exp(x)) is shared whole.
    std::vector<std::pair<size_t, const Expr *>> Cands;
    for (size_t I = 0; I < B.size(); ++I)
      for (const Expr *C : callsAt(B[I]))
        Cands.push_back({I, C});
    std::stable_sort(Cands.begin(), Cands.end(), [](const auto &A, const auto &B) {
      return sizeOf(A.second) > sizeOf(B.second);
    });
    for (auto &[First, Call] : Cands) {
      llvm::DenseSet<Var *> Reads;
      if (!readsOf(Call, Reads))
        continue;
      // The run from First on in which Call keeps its value.
      size_t Count = 0, Last = First;
      for (size_t I = First; I < B.size(); ++I) {
        for (const Expr *C : callsAt(B[I]))
          if (same(C, Call)) {
            ++Count;
            Last = I;
          }
        llvm::DenseSet<Var *> Writes;
        bool Known = writesOf(B[I], Writes);
        bool Changes = !Known;
        for (Var *V : Reads)
          Changes |= Writes.count(V) > 0;
        if (Changes)
          break;
      }
      if (Count < 2)
        continue;
      share(B, First, Last, Call);
      return true;
    }
    return false;
  }

  void share(Block &B, size_t First, size_t Last, const Expr *Call) {
    std::string Fn = Call->Text.substr(Call->Text.rfind(':') == std::string::npos
                                           ? 0
                                           : Call->Text.rfind(':') + 1);
    std::string Of = nameOf(Call);
    Type T = Call->Ty.element();
    T.IsConst = false;
    Var *V = G.addVar(G.freshName(Fn + "_" + Of), T, VarKind::Local);
    V->Synthetic = true;
    const Expr *Ref = M.ref(V);
    for (size_t I = First; I <= Last; ++I)
      B[I] = rewrite(B[I], Call, Ref);
    B.insert(B.begin() + First, M.decl(V, Call, B[First]->Where));
  }

  Stmt *rewrite(Stmt *S, const Expr *Call, const Expr *Ref) {
    Stmt C = *S;
    for (const Expr **Slot : slots(&C))
      *Slot = replace(M, *Slot, Call, Ref);
    if (C.K == StmtKind::Loop)
      for (Stmt *&T : C.Body)
        T = rewrite(T, Call, Ref);
    return M.make(std::move(C));
  }

  Module &M;
  Function &G;
};

/// sin and cos of the same double operand, both evaluated within a run of
/// statements in which the operand keeps its value: one adgen::sincos.
class Pairer {
public:
  Pairer(Module &M, Function &G) : M(M), G(G) {}

  void block(Block &B) {
    while (pairOne(B)) {
    }
    rewriteNested(M, B, [&](Block &Inner) { block(Inner); }, ThenBlock | ElseBlock | BodyBlock);
  }

private:
  static bool trig(const Expr *E, const char *Name) {
    std::string N = E->Text;
    if (N.rfind("std::", 0) == 0)
      N = N.substr(5);
    return E->K == Op::Math && N == Name && E->Ops.size() == 1 &&
           E->Ty.Scalar == ScalarKind::Double && !E->Ty.IsPointer && !E->Ty.isContainer() &&
           E->Ops[0]->Ty.Scalar == ScalarKind::Double && !E->Ops[0]->Ty.IsPointer;
  }
  std::vector<const Expr *> trigsAt(Stmt *S, const char *Name) {
    std::vector<const Expr *> Out;
    for (const Expr **Slot : slots(S))
      forEachExpr(*Slot, [&](const Expr *N) {
        if (trig(N, Name))
          Out.push_back(N);
      });
    return Out;
  }

  bool pairOne(Block &B) {
    for (size_t I = 0; I < B.size(); ++I)
      for (const char *Name : {"sin", "cos"})
        for (const Expr *Call : trigsAt(B[I], Name)) {
          llvm::DenseSet<Var *> Reads;
          if (!readsOf(Call, Reads))
            continue;
          const char *Other = Name[0] == 's' ? "cos" : "sin";
          for (size_t J = I; J < B.size(); ++J) {
            for (const Expr *P : trigsAt(B[J], Other))
              if (same(P->Ops[0], Call->Ops[0])) {
                pair(B, I, J, Call->Ops[0]);
                return true;
              }
            llvm::DenseSet<Var *> Writes;
            bool Changes = !writesOf(B[J], Writes);
            for (Var *V : Reads)
              Changes |= Writes.count(V) > 0;
            if (Changes)
              break;
          }
        }
    return false;
  }

  void pair(Block &B, size_t First, size_t Last, const Expr *Arg) {
    std::string Of = nameOf(Arg);
    Var *SC = G.addVar(G.freshName("sincos_" + Of),
                       Type::scalar(ScalarKind::Int, "adgen::SinCos<double>"), VarKind::Local);
    SC->Synthetic = true;
    SC->Ty.IsConst = true;
    Type D = Arg->Ty.element();
    D.IsConst = false;
    auto field = [&](const char *Name) {
      Expr F;
      F.K = Op::Field;
      F.Ty = D;
      F.Text = Name;
      F.Ops = {M.ref(SC)};
      return M.make(std::move(F));
    };
    for (size_t I = First; I <= Last; ++I)
      for (const char *Name : {"sin", "cos"})
        for (const Expr *E : trigsAt(B[I], Name))
          if (same(E->Ops[0], Arg)) {
            Stmt C = *B[I];
            for (const Expr **Slot : slots(&C))
              *Slot = replace(M, *Slot, E, field(Name));
            B[I] = M.make(std::move(C));
          }
    B.insert(B.begin() + First,
             M.decl(SC, M.call("adgen::sincos", {Arg}, SC->Ty), B[First]->Where));
  }

  Module &M;
  Function &G;
};

} // namespace

void adgen::shareRepeatedCalls(Module &M, Function &G) { Sharer(M, G).block(G.Body); }

void adgen::pairSinCos(Module &M, Function &G) { Pairer(M, G).block(G.Body); }
