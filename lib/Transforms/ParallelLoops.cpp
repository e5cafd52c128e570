//===- Transforms/ParallelLoops.cpp - OpenMP loops in derivatives ---------===//
///
/// \file
/// See ParallelLoops.h. The reverse transform's rules for a parallel loop
/// (checkReversible): each iteration
///  - writes scalars only if they are private to it (declared in the body,
///    or private), or are a `+` reduction variable / an atomic target
///    updated only by `s = s + e` / `s = s - e` and read nowhere else;
///  - writes memory that outlives it only at index `[i]` (the loop index),
///    and reads none of the memory the loop writes;
///  - calls functions only as callProblem() allows (results and writable
///    arguments private to the iteration, no active memory, no globals
///    written), has no `continue`, and writes no firstprivate variable.
/// Then the values an iteration reads are the same before and after the
/// loop, so the backward sweep can run each iteration's forward part again.
//===----------------------------------------------------------------------===//
#include "Transforms/ParallelLoops.h"
#include "Analysis/Activity.h"
#include "Transforms/CountedLoop.h"
#include "Transforms/PartialAdjoints.h"
#include <algorithm>
#include <functional>

using namespace adgen;
using namespace adgen::graph;

namespace {
bool contains(const std::vector<Var *> &L, const Var *V) {
  return std::find(L.begin(), L.end(), V) != L.end();
}

/// The loop's index variable: what its init declares or assigns.
Var *indexOf(const Stmt *S) {
  if (S->Init.size() != 1)
    return nullptr;
  const Stmt *I = S->Init[0];
  if (I->K == StmtKind::Decl)
    return I->V;
  if (I->K == StmtKind::Assign && I->Target->K == Op::VarRef)
    return I->Target->V;
  return nullptr;
}

bool isRef(const Expr *E, const Var *V) { return E->K == Op::VarRef && E->V == V; }

/// `s = s + e` or `s = s - e` with e not reading s.
bool isUpdate(const Stmt *S) {
  if (S->K != StmtKind::Assign || S->Target->K != Op::VarRef)
    return false;
  const Expr *E = S->Value;
  Var *V = S->Target->V;
  if (!((E->K == Op::Add || E->K == Op::Sub) && isRef(E->Ops[0], V)))
    return false;
  bool Reads = false;
  forEachExpr(E->Ops[1], [&](const Expr *N) { Reads |= isRef(N, V); });
  return !Reads;
}

/// The first global variable that \p F, or a function it calls, writes.
Var *writtenGlobal(const Function *F, llvm::DenseSet<const Function *> &Seen) {
  if (!F || !Seen.insert(F).second)
    return nullptr;
  Var *Found = nullptr;
  forEachStmt(F->Body, [&](Stmt *B) {
    if (Found)
      return;
    if (B->Target)
      if (Var *R = rootOf(B->Target); R && R->Kind == VarKind::Global)
        Found = R;
    if (!Found && B->K == StmtKind::Call && B->Fn)
      Found = writtenGlobal(B->Fn->Body, Seen);
  });
  return Found;
}

/// Why call \p B inside a parallel loop cannot be reversed per iteration
/// ("" when it can). Its record and reverse helpers run inside the
/// iteration, on the thread's own tape and redo log; what they write must
/// be the iteration's own: the result and writable arguments go to
/// variables private to it (\p Priv), the callee writes no global, and it
/// gets no active memory (its reverse helper would accumulate that memory's
/// adjoint without synchronisation).
std::string callProblem(const Stmt *B, const llvm::DenseSet<Var *> &Priv,
                        llvm::function_ref<bool(Var *)> Active) {
  const Callee &C = *B->Fn;
  std::string Of = " of '" + C.BaseName + "'";
  if (C.Print != PrintKind::None)
    return "";
  if (B->Target && !(B->Target->K == Op::VarRef && Priv.count(B->Target->V)))
    return "the result" + Of + " must go to a variable declared in the loop body";
  for (size_t I = 0; I < B->Args.size(); ++I) {
    const Expr *A = B->Args[I];
    bool Writable = I < C.ParamTypes.size() && C.ParamTypes[I].isWritable();
    std::string Param = I < C.ParamNames.size() ? "parameter '" + C.ParamNames[I] + "'"
                                                : "an argument";
    if (Writable) {
      bool Own = (A->K == Op::VarRef || A->K == Op::AddrOf) && A->V && Priv.count(A->V) &&
                 !A->V->Ty.isMemory();
      if (!Own)
        return "writable " + Param + Of + " must be given a scalar variable declared in "
               "the loop body (or private)";
      continue;
    }
    if (A->Ty.isMemory())
      if (Var *R = rootOf(A); R && !Priv.count(R) && Active(R))
        return "active memory '" + R->Name + "' passed to " + Param + Of +
               " is not supported: its adjoint would be accumulated inside the callee "
               "without synchronisation";
  }
  llvm::DenseSet<const Function *> Seen;
  if (Var *G = writtenGlobal(C.Body, Seen))
    return "'" + C.BaseName + "' writes global '" + G->Name + "'";
  return "";
}

/// The element index that identifies one iteration of the collapsed nest
/// \p Loops: `i` for one loop; for `collapse(2)`, `i * m + j` (or
/// `j + m * i`...) where the inner loop is `for (j = 0; j < m; ++j)`, which
/// differs for every (i, j); likewise `(i * m + j) * l + k` for three.
bool keyMatches(const std::vector<const Stmt *> &Loops, size_t Level, const Expr *E) {
  Var *I = indexOf(Loops[Level]);
  if (Level == 0)
    return isRef(E, I);
  std::optional<CountedLoop> C = countedLoop(*Loops[Level]);
  if (!C || C->Counter != I || C->Inclusive || !C->First->isConstant() ||
      C->First->Text != "0" || E->K != Op::Add)
    return false;
  for (int Side = 0; Side < 2; ++Side) {
    const Expr *Ref = E->Ops[Side], *Prod = E->Ops[1 - Side];
    if (!isRef(Ref, I) || Prod->K != Op::Mul)
      continue;
    for (int F = 0; F < 2; ++F)
      if (sameExpr(Prod->Ops[F], C->Bound) && keyMatches(Loops, Level - 1, Prod->Ops[1 - F]))
        return true;
  }
  return false;
}

void readsIn(const Stmt *S, llvm::function_ref<void(const Expr *)> Fn) {
  auto each = [&](const Expr *E) { forEachExpr(E, [&](const Expr *N) { Fn(N); }); };
  each(S->Value);
  for (const Expr *A : S->Args)
    each(A);
  if (S->Target && S->Target->K != Op::VarRef) // the index of a store
    for (const Expr *O : S->Target->Ops)
      each(O);
}
} // namespace

std::vector<const Stmt *> adgen::collapsedLoops(const Stmt *S) {
  std::vector<const Stmt *> Loops{S};
  while (Loops.size() < S->Omp->Collapse) // the builder checked the nest
    Loops.push_back(Loops.back()->Body[0]);
  return Loops;
}

const Block &adgen::iterationBody(const Stmt *S) { return collapsedLoops(S).back()->Body; }

bool adgen::isIterationElement(const Stmt *S, const Expr *N) {
  if (N->K != Op::Load || isFieldLoad(N) || N->Ops[0]->K != Op::VarRef)
    return false;
  std::vector<const Stmt *> Loops = collapsedLoops(S);
  return keyMatches(Loops, Loops.size() - 1, N->Ops[1]);
}

std::string adgen::iterationKey(const Stmt *S) {
  std::vector<const Stmt *> Loops = collapsedLoops(S);
  std::string K = indexOf(S) ? indexOf(S)->Name : "i";
  for (size_t L = 1; L < Loops.size(); ++L) {
    Var *I = indexOf(Loops[L]);
    std::string J = I ? I->Name : "j", N = "n" + std::to_string(L);
    if (std::optional<CountedLoop> C = countedLoop(*Loops[L]); C && C->Bound->K == Op::VarRef)
      N = C->Bound->V->Name;
    K = (L > 1 ? "(" + K + ")" : K) + " * " + N + " + " + J;
  }
  return K;
}

llvm::DenseSet<Var *> adgen::iterationPrivate(const Stmt *S) {
  llvm::DenseSet<Var *> P;
  if (Var *I = indexOf(S))
    P.insert(I);
  forEachStmt(S->Body, [&](Stmt *B) {
    if (B->K == StmtKind::Decl)
      P.insert(B->V);
  });
  for (Var *V : S->Omp->Private)
    P.insert(V);
  return P;
}

const OmpLoop *adgen::tangentOmpLoop(Module &M, ErrorSink &Errors, const Stmt *S,
                                     llvm::function_ref<const Expr *(Var *)> TangentOf) {
  OmpLoop L = *S->Omp;
  auto add = [&](std::vector<Var *> &List, const char *Clause) {
    std::vector<Var *> Orig = List;
    for (Var *V : Orig)
      if (const Expr *T = TangentOf(V)) {
        if (T->K != Op::VarRef) {
          Errors.error(S->Where, "the tangent of '" + V->Name + "' cannot be " + Clause +
                                     " in the tangent loop (it is not a local variable)");
          return false;
        }
        List.push_back(T->V);
      }
    return true;
  };
  if (!add(L.Private, "private") || !add(L.FirstPrivate, "firstprivate") ||
      !add(L.Shared, "shared"))
    return nullptr;
  for (OmpLoop::Reduction &R : L.Reductions) {
    for (Var *V : std::vector<Var *>(R.Vars))
      if (TangentOf(V) && R.Op != "+") {
        Errors.error(S->Where, "forward mode of a 'reduction(" + R.Op + " : " + V->Name +
                                   ")' is not supported: the tangent of a " +
                                   (R.Op == "*" ? "product" : "maximum or minimum") +
                                   " is not a reduction of the same kind");
        return nullptr;
      }
    if (!add(R.Vars, "a reduction variable"))
      return nullptr;
  }
  return M.ompLoop(std::move(L));
}

bool adgen::checkReversible(const Stmt *S, ErrorSink &Errors,
                            llvm::function_ref<bool(Var *)> Active) {
  const OmpLoop &L = *S->Omp;
  Var *Index = indexOf(S);
  if (!Index) {
    Errors.error(S->Where, "reverse mode of this parallel loop: its init must set the "
                           "index only");
    return false;
  }
  llvm::DenseSet<Var *> Priv = iterationPrivate(S);
  for (const OmpLoop::Reduction &R : L.Reductions)
    for (Var *V : R.Vars)
      if (R.Op != "+" && Active(V)) {
        Errors.error(S->Where, "reverse mode of a 'reduction(" + R.Op + " : " + V->Name +
                                   ")' is not supported (only '+')");
        return false;
      }
  // Scalars updated only by s = s + e (reductions, atomics), and memory written.
  llvm::DenseSet<Var *> Updated, WrittenMem;
  bool OK = true;
  auto fail = [&](const Stmt *At, const std::string &Msg) {
    if (OK)
      Errors.error(At->Where.Raw ? At->Where : S->Where, "reverse mode of a parallel loop: " + Msg);
    OK = false;
  };
  forEachStmt(S->Body, [&](Stmt *B) {
    switch (B->K) {
    case StmtKind::Continue:
    case StmtKind::Break:
    case StmtKind::Return:
      fail(B, "'continue' inside the loop is not supported");
      return;
    case StmtKind::Call:
      if (std::string Why = callProblem(B, Priv, Active); !Why.empty())
        fail(B, Why);
      return;
    case StmtKind::Assign: {
      Var *R = rootOf(B->Target);
      if (!R || Priv.count(R))
        return;
      if (contains(L.FirstPrivate, R))
        return fail(B, "it writes firstprivate variable '" + R->Name + "'");
      if (B->Target->K == Op::VarRef) {
        bool Reduction = !L.reductionOf(R).empty();
        if (!(Reduction || B->OmpAtomic) || !isUpdate(B))
          return fail(B, "it writes shared variable '" + R->Name +
                             "' other than by a reduction or an atomic 's += e'");
        Updated.insert(R);
        return;
      }
      if (isIterationElement(S, B->Target)) {
        WrittenMem.insert(R);
        return;
      }
      return fail(B, "it writes '" + R->Name + "' elsewhere than at index [" +
                         iterationKey(S) + "]" +
                         (L.Collapse > 1 ? ", one element per iteration of the collapsed "
                                           "loops (inner loops from 0 to a bound with '<')"
                                         : ""));
    }
    default:
      return;
    }
  });
  if (!OK)
    return false;
  // Nothing reads what the loop updates, except the updates themselves.
  forEachStmt(S->Body, [&](Stmt *B) {
    readsIn(B, [&](const Expr *N) {
      if (N->K == Op::VarRef && Updated.count(N->V) &&
          !(isUpdate(B) && B->Target->V == N->V && N == B->Value->Ops[0]))
        fail(B, "it reads '" + N->V->Name + "', which its iterations update");
      if (N->K == Op::Load && WrittenMem.count(rootOf(N)))
        fail(B, "it reads '" + rootOf(N)->Name + "', which its iterations write");
    });
    if (B->K == StmtKind::Call) // memory handed to a helper is read through
      for (const Expr *A : B->Args)
        if (Var *R = A->Ty.isMemory() ? rootOf(A) : nullptr; R && WrittenMem.count(R))
          fail(B, "it passes '" + R->Name + "', which its iterations write, to '" +
                      B->Fn->BaseName + "'");
  });
  return OK;
}

bool adgen::passesWritable(const Block &Body) {
  bool Writes = false;
  forEachStmt(Body, [&](Stmt *B) {
    if (B->K == StmtKind::Call && B->Fn)
      for (size_t I = 0; I < B->Args.size() && I < B->Fn->ParamTypes.size(); ++I)
        Writes |= B->Fn->ParamTypes[I].isWritable();
  });
  return Writes;
}

namespace {
/// Removes from \p B (recursively) the declarations of \p Gone.
void dropDecls(Block &B, const llvm::DenseSet<Var *> &Gone) {
  B.erase(std::remove_if(B.begin(), B.end(),
                         [&](Stmt *S) { return S->K == StmtKind::Decl && Gone.count(S->V); }),
          B.end());
  for (Stmt *S : B)
    for (Block *Sub : {&S->Init, &S->Then, &S->Else, &S->Body, &S->Inc})
      dropDecls(*Sub, Gone);
}

/// A helper's result that the iteration never reads (the forward statement
/// that read it wrote shared memory, which the backward sweep does not
/// repeat): the record helper still runs for what it records, its result is
/// dropped, and so is the variable's declaration when nothing else uses it.
void dropUnreadResults(Module &M, Block &Iter) {
  llvm::DenseSet<Var *> Read, Mentioned;
  forEachStmt(Iter, [&](Stmt *B) {
    auto reads = [&](const Expr *E) {
      forEachExpr(E, [&](const Expr *N) {
        if (N->V)
          Read.insert(N->V);
      });
    };
    reads(B->Value);
    for (const Expr *A : B->Args)
      reads(A);
    if (B->Target && B->Target->K != Op::VarRef)
      reads(B->Target);
  });
  llvm::DenseSet<Var *> Gone;
  // The call statement may be the graph's own: replaced, not changed.
  std::function<void(Block &)> drop = [&](Block &B) {
    for (Stmt *&S : B) {
      if (S->K == StmtKind::Call && S->Target && S->Target->K == Op::VarRef &&
          !Read.count(S->Target->V)) {
        Gone.insert(S->Target->V);
        S = M.callStmt(nullptr, S->Fn, S->Args, S->Where);
      }
      for (Block *Sub : {&S->Init, &S->Then, &S->Else, &S->Body, &S->Inc})
        drop(*Sub);
    }
  };
  drop(Iter);
  forEachStmt(Iter, [&](Stmt *B) {
    if (B->Target && B->Target->K == Op::VarRef)
      Mentioned.insert(B->Target->V);
  });
  for (Var *V : Mentioned)
    Gone.erase(V);
  dropDecls(Iter, Gone);
}
} // namespace

Stmt *adgen::backwardParallelLoop(Module &M, ErrorSink &Errors, const Stmt *S, Block Decls,
                                  Block Body, const llvm::DenseSet<Var *> &IterationVars,
                                  const llvm::DenseSet<Var *> &ClauseVars,
                                  llvm::function_ref<Var *(const std::string &, Type)> NewVar) {
  Var *Index = indexOf(S);
  OmpLoop L;
  L.ScheduleKind = S->Omp->ScheduleKind;
  L.ScheduleChunk = S->Omp->ScheduleChunk;
  for (Var *V : ClauseVars)
    if (V != Index)
      L.Private.push_back(V);
  llvm::DenseSet<Var *> Private = IterationVars;
  Private.insert(Index);
  forEachStmt(Body, [&](Stmt *B) {
    if (B->K == StmtKind::Decl)
      Private.insert(B->V);
  });
  forEachStmt(Decls, [&](Stmt *B) {
    if (B->K == StmtKind::Decl)
      Private.insert(B->V);
  });
  std::sort(L.Private.begin(), L.Private.end(), [](Var *A, Var *B) { return A->Name < B->Name; });
  // Shared adjoint arrays the iteration updates whole: per-thread partials.
  PartialAdjoints Partials;
  Partials.find(M, S, Body, Private, NewVar);
  for (const PartialAdjoints::Partial &P : Partials.Arrays)
    Private.insert(P.Part);
  // Accesses of shared memory per root: are they all at [i]?
  llvm::DenseMap<Var *, bool> AtIndex;
  llvm::DenseSet<Var *> ReadScalars;
  auto noteAccess = [&](const Expr *N) {
    if (N->K == Op::Load) {
      Var *R = rootOf(N);
      if (R && !Private.count(R)) {
        bool AtI = isIterationElement(S, N);
        auto It = AtIndex.try_emplace(R, true).first;
        It->second &= AtI;
      }
    }
  };
  forEachStmt(Body, [&](Stmt *B) {
    auto each = [&](const Expr *E) {
      forEachExpr(E, [&](const Expr *N) {
        noteAccess(N);
        if ((N->K == Op::VarRef || N->K == Op::Deref) && !Private.count(N->V))
          if (!N->Ty.isMemory())
            ReadScalars.insert(N->V);
      });
    };
    each(B->Value);
    for (const Expr *A : B->Args)
      each(A);
    if (B->Target) {
      noteAccess(B->Target);
      for (const Expr *O : B->Target->Ops)
        each(O);
    }
  });
  OmpLoop::Reduction Sum;
  Sum.Op = "+";
  bool OK = true;
  forEachStmt(Body, [&](Stmt *B) {
    if (!OK || (B->K != StmtKind::Assign && B->K != StmtKind::AddAssign))
      return;
    const Expr *T = B->Target;
    Var *R = rootOf(T);
    if (!R || Private.count(R))
      return;
    if (T->K == Op::Load && AtIndex.lookup(R))
      return; // iteration i alone touches element i
    if (B->K != StmtKind::AddAssign) {
      Errors.error(S->Where, "reverse mode of a parallel loop: its backward sweep would "
                             "overwrite shared '" + R->Name + "'");
      OK = false;
      return;
    }
    if (T->K == Op::VarRef && !ReadScalars.count(R)) {
      if (!contains(Sum.Vars, R))
        Sum.Vars.push_back(R); // a local scalar adjoint: per-thread copies, summed
      return;
    }
    B->OmpAtomic = true;
  });
  if (!OK)
    return nullptr;
  // Scalar adjoints summed by the reduction must not also be read.
  if (!Sum.Vars.empty())
    L.Reductions.push_back(std::move(Sum));
  Decls.insert(Decls.end(), Body.begin(), Body.end());
  dropUnreadResults(M, Decls);
  // The same nest of loops (collapse(n)) around one iteration's code.
  std::vector<const Stmt *> Loops = collapsedLoops(S);
  Block Inner = std::move(Decls);
  Stmt *Loop = nullptr;
  for (auto It = Loops.rbegin(); It != Loops.rend(); ++It) {
    Loop = M.loop(LoopKind::For, (*It)->Init, (*It)->Value, std::move(Inner), (*It)->Inc,
                  (*It)->Where);
    Inner = Block{Loop};
  }
  L.Collapse = S->Omp->Collapse;
  Loop->Omp = M.ompLoop(std::move(L));
  return Partials.wrap(M, Loop, NewVar);
}
