//===- Transforms/ReverseTapeParams.cpp - Helpers' tape parameters --------===//
#include "Transforms/ReverseTapeParams.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <map>

using namespace adgen;
using namespace adgen::graph;

bool adgen::isTapeParam(const Var &V) {
  return V.Kind == VarKind::Param && V.Synthetic && V.Ty.Spelling == "adgen::Tape" &&
         V.Ty.IsReference;
}

namespace {

/// The functions with a tape parameter, by the names calls print.
class TapeParams {
public:
  explicit TapeParams(const std::vector<Function *> &Functions) {
    for (Function *F : Functions)
      for (size_t I = 0; I < F->Params.size(); ++I)
        if (isTapeParam(*F->Params[I])) {
          Index[F] = I;
          ByName[F->qualifiedName()] = F;
        }
  }

  /// The callee of a call printed as \p Name, if it has a tape parameter.
  Function *callee(const std::string &Name) const {
    auto It = ByName.find(Name);
    return It == ByName.end() ? nullptr : It->second;
  }
  Var *tape(Function *F) const {
    auto It = Index.find(F);
    return It == Index.end() ? nullptr : F->Params[It->second];
  }

  /// Does \p F use its tape other than by handing it to callees in
  /// Dropped (which lose the parameter)?
  bool uses(Function *F) const {
    Var *T = tape(F);
    bool Used = false;
    // Arguments handed to a callee that drops its tape do not count.
    auto args = [&](const std::vector<const Expr *> &Args, const std::string &Name) {
      Function *C = callee(Name);
      for (size_t I = 0; I < Args.size(); ++I)
        if (!(C && Dropped.count(C) && I == Index.lookup(C)))
          expr(Args[I], T, Used);
    };
    forEachStmt(F->Body, [&](Stmt *S) {
      Used |= S->V == T; // tape.push(...), tape.commit(...)
      expr(S->Target, T, Used);
      expr(S->Value, T, Used);
      expr(S->Snapshots, T, Used);
      if (S->K == StmtKind::Call && S->Fn)
        args(S->Args, S->Fn->Name);
      else
        for (const Expr *A : S->Args)
          expr(A, T, Used);
    });
    return Used;
  }

  /// One pass: drops the tape of functions whose only uses went to dropped
  /// callees. False once nothing changes.
  bool dropMore(const std::vector<Function *> &Functions) {
    bool Changed = false;
    for (Function *F : Functions)
      if (Index.count(F) && !Dropped.count(F) && !uses(F)) {
        Dropped.insert(F);
        Changed = true;
      }
    return Changed;
  }

  llvm::DenseMap<Function *, size_t> Index;
  std::map<std::string, Function *> ByName;
  llvm::DenseSet<Function *> Dropped;

private:
  /// Marks \p Used when \p E mentions \p T; calls inside \p E (forward
  /// over reverse) are looked at argument by argument.
  void expr(const Expr *E, Var *T, bool &Used) const {
    if (!E || Used)
      return;
    if (E->K == Op::Call && !E->V) {
      Function *C = callee(E->Text);
      for (size_t I = 0; I < E->Ops.size(); ++I)
        if (!(C && Dropped.count(C) && I == Index.lookup(C)))
          expr(E->Ops[I], T, Used);
      return;
    }
    if (E->V == T) {
      Used = true;
      return;
    }
    for (const Expr *O : E->Ops)
      expr(O, T, Used);
  }
};

/// \p E without the tape argument of calls of dropped functions.
const Expr *withoutTapeArgs(Module &M, const TapeParams &TP, const Expr *E) {
  if (!E)
    return E;
  std::vector<const Expr *> Ops;
  bool Changed = false;
  for (const Expr *O : E->Ops) {
    Ops.push_back(withoutTapeArgs(M, TP, O));
    Changed |= Ops.back() != O;
  }
  if (E->K == Op::Call && !E->V)
    if (Function *C = TP.callee(E->Text))
      if (TP.Dropped.count(C) && TP.Index.lookup(C) < Ops.size()) {
        Ops.erase(Ops.begin() + TP.Index.lookup(C));
        Changed = true;
      }
  if (!Changed)
    return E;
  Expr Copy = *E;
  Copy.Ops = std::move(Ops);
  return M.make(std::move(Copy));
}

} // namespace

void adgen::dropUnusedTapes(Module &M, const std::vector<Function *> &Functions) {
  TapeParams TP(Functions);
  if (TP.Index.empty())
    return;
  while (TP.dropMore(Functions)) {
  }
  if (TP.Dropped.empty())
    return;
  for (Function *F : Functions)
    forEachStmt(F->Body, [&](Stmt *S) {
      S->Target = withoutTapeArgs(M, TP, S->Target);
      S->Value = withoutTapeArgs(M, TP, S->Value);
      S->Snapshots = withoutTapeArgs(M, TP, S->Snapshots);
      for (const Expr *&A : S->Args)
        A = withoutTapeArgs(M, TP, A);
      if (S->K == StmtKind::Call && S->Fn && !S->V)
        if (Function *C = TP.callee(S->Fn->Name))
          if (TP.Dropped.count(C) && TP.Index.lookup(C) < S->Args.size())
            S->Args.erase(S->Args.begin() + TP.Index.lookup(C));
    });
  for (Function *F : TP.Dropped)
    F->Params.erase(F->Params.begin() + TP.Index.lookup(F));
}
