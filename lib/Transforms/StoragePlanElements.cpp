//===- Transforms/StoragePlanElements.cpp - Elements read backwards -------===//
#include "Transforms/StoragePlanElements.h"
#include "Transforms/CountedLoop.h"
#include "Analysis/Activity.h"
#include <algorithm>
#include <cstdlib>
#include <string>

using namespace adgen;
using namespace adgen::graph;

namespace {

constexpr long long Limit = 1LL << 30; // beyond: not worth the arithmetic

std::optional<long long> intConstant(const Expr *E) {
  if (E->K != Op::Const || E->Ty.isFloating() || E->Ty.Scalar == ScalarKind::Bool ||
      E->Text.empty())
    return std::nullopt;
  char *End = nullptr;
  long long V = std::strtoll(E->Text.c_str(), &End, 10);
  while (End && (*End == 'u' || *End == 'U' || *End == 'l' || *End == 'L'))
    ++End;
  if (!End || *End || V > Limit || V < -Limit)
    return std::nullopt;
  return V;
}

std::optional<ElementRange> bounded(long long Lo, long long Hi) {
  if (Lo < -Limit || Hi > Limit || Hi < Lo)
    return std::nullopt;
  return ElementRange{Lo, Hi};
}

/// The array parameter's reads in a callee's body, as its reverse helper
/// makes them (see the header): every use that is not linear is a read.
class CalleeReads {
public:
  explicit CalleeReads(Var *P) : P(P) {}

  std::optional<ElementRange> result() const {
    if (Unknown)
      return std::nullopt;
    return Seen;
  }

  void block(const Block &B) {
    for (const Stmt *S : B)
      stmt(S);
  }

private:
  void note(const Expr *Load) {
    std::optional<ElementRange> R = indexRange(Load->Ops[1], Counters);
    if (!R)
      Unknown = true;
    else
      Seen.add(*R);
  }

  /// Everything \p E evaluates is read.
  void read(const Expr *E) {
    if (!E)
      return;
    if (E->K == Op::Load && E->Ops[0]->K == Op::VarRef && E->Ops[0]->V == P) {
      note(E);
      read(E->Ops[1]);
      return;
    }
    if ((E->K == Op::VarRef || E->K == Op::Deref || E->K == Op::AddrOf) &&
        (E->V == P || E->V->Root == P))
      Unknown = true;
    for (const Expr *O : E->Ops)
      read(O);
  }

  /// \p E is a floating-point value whose partials the backward sweep
  /// forms: a linear use of an element needs no value of it.
  void value(const Expr *E) {
    switch (E->K) {
    case Op::Add:
    case Op::Sub:
      value(E->Ops[0]);
      value(E->Ops[1]);
      return;
    case Op::Neg:
      value(E->Ops[0]);
      return;
    case Op::Cast:
      if (E->Ty.isFloating() && E->Ops[0]->Ty.isFloating())
        return value(E->Ops[0]);
      return read(E);
    case Op::Mul:
      if (E->Ops[0]->isConstant())
        return value(E->Ops[1]);
      if (E->Ops[1]->isConstant())
        return value(E->Ops[0]);
      return read(E);
    case Op::Div:
      if (E->Ops[1]->isConstant())
        return value(E->Ops[0]);
      return read(E);
    case Op::Load:
      // The element's own value is not read; where it is, is.
      if (E->Ops[0]->K == Op::VarRef && E->Ops[0]->V == P && E->Ty.isFloating()) {
        read(E->Ops[1]);
        return;
      }
      return read(E);
    default:
      return read(E);
    }
  }

  /// Writing \p T: its indices are read; writing the parameter is unknown.
  void target(const Expr *T) {
    if (!T)
      return;
    if (T->K == Op::Load) {
      if (rootOf(T) == P)
        Unknown = true;
      read(T->Ops[1]);
      if (T->Ops[0]->K != Op::VarRef)
        read(T->Ops[0]);
      return;
    }
    if (T->K == Op::VarRef && T->V == P)
      Unknown = true;
    if (T->K == Op::Deref)
      read(T);
  }

  void stmt(const Stmt *S) {
    switch (S->K) {
    case StmtKind::Decl: // a loop temporary may be recomputed backwards
      if (S->Value && Loops == 0 && !S->V->Ty.isMemory() && S->V->Ty.isFloating())
        value(S->Value);
      else
        read(S->Value);
      return;
    case StmtKind::Assign:
    case StmtKind::AddAssign:
      target(S->Target);
      if (S->Target->Ty.isFloating())
        value(S->Value);
      else
        read(S->Value);
      return;
    case StmtKind::Call:
      target(S->Target);
      for (const Expr *A : S->Args)
        read(A);
      return;
    case StmtKind::If:
      read(S->Value);
      block(S->Then);
      block(S->Else);
      return;
    case StmtKind::Scope:
      block(S->Then);
      return;
    case StmtKind::Loop:
      loop(S);
      return;
    case StmtKind::Return:
      if (S->Value && S->Value->Ty.isFloating())
        value(S->Value);
      else
        read(S->Value);
      return;
    case StmtKind::Resize:
      read(S->Value);
      return;
    case StmtKind::Break:
    case StmtKind::Continue:
    case StmtKind::Comment:
      return;
    default:
      Unknown = true;
      return;
    }
  }

  void loop(const Stmt *S) {
    if (S->Omp || S->Snapshots) { // iterations or steps run again backwards
      Unknown = true;
      return;
    }
    block(S->Init);
    std::optional<CountedLoop> C = countedLoop(*S);
    std::optional<ElementRange> R;
    if (C) {
      std::optional<long long> First = intConstant(C->First), Bound = intConstant(C->Bound);
      if (First && Bound)
        R = bounded(*First, C->Inclusive ? *Bound : *Bound - 1);
    }
    Var *Counter = C ? C->Counter : nullptr;
    if (Counter) {
      Counters.erase(Counter);
      if (R)
        Counters[Counter] = *R;
    }
    read(S->Value);
    ++Loops;
    block(S->Body);
    block(S->Inc);
    --Loops;
    if (Counter) // after the loop the counter is past its range
      Counters.erase(Counter);
  }

  Var *P;
  CounterRanges Counters;
  ElementRange Seen;
  bool Unknown = false;
  unsigned Loops = 0; ///< loops around the statement

};

} // namespace

std::optional<ElementRange> adgen::indexRange(const Expr *E, const CounterRanges &Counters) {
  switch (E->K) {
  case Op::Const: {
    std::optional<long long> V = intConstant(E);
    if (!V)
      return std::nullopt;
    return ElementRange{*V, *V};
  }
  case Op::VarRef: {
    auto It = Counters.find(E->V);
    if (It == Counters.end())
      return std::nullopt;
    return It->second;
  }
  case Op::Cast:
    if (E->Ty.isFloating() || E->Ty.Scalar == ScalarKind::Bool)
      return std::nullopt;
    return indexRange(E->Ops[0], Counters);
  case Op::Add:
  case Op::Sub:
  case Op::Mul:
  case Op::Rem: {
    std::optional<ElementRange> A = indexRange(E->Ops[0], Counters);
    std::optional<ElementRange> B = indexRange(E->Ops[1], Counters);
    if (!A || !B)
      return std::nullopt;
    if (E->K == Op::Add)
      return bounded(A->Lo + B->Lo, A->Hi + B->Hi);
    if (E->K == Op::Sub)
      return bounded(A->Lo - B->Hi, A->Hi - B->Lo);
    if (E->K == Op::Mul) {
      long long P[] = {A->Lo * B->Lo, A->Lo * B->Hi, A->Hi * B->Lo, A->Hi * B->Hi};
      return bounded(*std::min_element(P, P + 4), *std::max_element(P, P + 4));
    }
    // a % m with a >= 0 and a constant m > 0.
    if (B->Lo != B->Hi || B->Lo <= 0 || A->Lo < 0)
      return std::nullopt;
    if (A->Hi < B->Lo)
      return A;
    return ElementRange{0, B->Lo - 1};
  }
  default:
    return std::nullopt;
  }
}

std::optional<ElementRange> adgen::calleeBackwardReads(const Function &Callee, unsigned Param) {
  if (Param >= Callee.Params.size())
    return std::nullopt;
  Var *P = Callee.Params[Param];
  // Only an array the callee reads (const double *y): one it writes, its
  // helpers store and restore.
  if (!P->Ty.IsPointer || P->Ty.isWritable())
    return std::nullopt;
  CalleeReads Reads(P);
  Reads.block(Callee.Body);
  return Reads.result();
}

void ElementReads::expr(const Expr *E) {
  if (!E)
    return;
  if (E->K == Op::Load && E->Ops[0]->K == Op::VarRef && Cands.count(E->Ops[0]->V)) {
    Var *R = E->Ops[0]->V;
    std::optional<long long> I = intConstant(E->Ops[1]);
    if (I)
      Ranges[R].add(ElementRange{*I, *I});
    else
      any(R);
    expr(E->Ops[1]);
    return;
  }
  if (E->K == Op::VarRef || E->K == Op::Deref || E->K == Op::AddrOf || E->K == Op::Load) {
    Var *R = E->K == Op::Load ? rootOf(E) : E->V;
    if (R && Cands.count(R))
      any(R);
    if (E->V && E->V->Root && Cands.count(E->V->Root))
      any(E->V->Root);
  }
  for (const Expr *O : E->Ops)
    expr(O);
}

void ElementReads::stmt(const Stmt *S, const Stmt *Origin) {
  if (S->K == StmtKind::Call && Origin && Origin->Fn && Origin->Fn->Body) {
    for (size_t I = 0; I < S->Args.size(); ++I) {
      const Expr *A = S->Args[I];
      if (I < Origin->Args.size() && A->K == Op::VarRef && Cands.count(A->V)) {
        std::optional<ElementRange> R = calleeBackwardReads(*Origin->Fn->Body, I);
        if (R)
          Ranges[A->V].add(*R);
        else
          any(A->V);
        continue;
      }
      expr(A);
    }
    if (S->Target)
      expr(S->Target);
    return;
  }
  const Expr *T = S->Target;
  if (T && T->K == Op::Load && T->Ops[0]->K == Op::VarRef) {
    expr(T->Ops[1]); // a write of the element: its index is read
  } else {
    expr(T);
  }
  expr(S->Value);
  for (const Expr *A : S->Args)
    expr(A);
}

std::optional<ElementRange> ElementReads::range(Var *R) const {
  if (Any.count(R))
    return std::nullopt;
  auto It = Ranges.find(R);
  if (It == Ranges.end() || It->second.empty())
    return std::nullopt;
  return It->second;
}
