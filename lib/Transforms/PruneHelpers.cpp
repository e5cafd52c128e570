//===- Transforms/PruneHelpers.cpp - Drop helpers nothing calls ------------===//

#include "Transforms/PruneHelpers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringRef.h"

using namespace adgen;
using namespace adgen::graph;

namespace {

/// Whether \p Printed (a callee's printed name, maybe qualified) names \p G.
bool names(llvm::StringRef Printed, const Function &G) {
  return Printed == G.Name || Printed.ends_with("::" + G.Name);
}

/// Every name \p F calls: callees of call statements and call expressions.
std::vector<std::string> calledNames(const Function &F) {
  std::vector<std::string> Out;
  auto exprs = [&](const Expr *E) {
    forEachExpr(E, [&](const Expr *N) {
      if (N->K == Op::Call && !N->V)
        Out.push_back(N->Text);
    });
  };
  forEachStmt(F.Body, [&](Stmt *S) {
    if (S->K == StmtKind::Call && S->Fn)
      Out.push_back(S->Fn->Name);
    exprs(S->Target);
    exprs(S->Value);
    exprs(S->Snapshots);
    for (const Expr *A : S->Args)
      exprs(A);
  });
  return Out;
}

/// A helper: generated into a namespace adgen_detail, which is not part of
/// the contract (everything else is public, and kept).
bool isHelper(const Function &F) {
  return llvm::is_contained(F.Namespaces, DetailNamespace);
}

} // namespace

std::vector<Function *>
adgen::withoutUnusedHelpers(const std::vector<Function *> &Functions) {
  llvm::SmallPtrSet<const Function *, 32> Kept;
  std::vector<const Function *> Work;
  for (const Function *F : Functions)
    if (!isHelper(*F) && Kept.insert(F).second)
      Work.push_back(F);
  while (!Work.empty()) {
    const Function *F = Work.back();
    Work.pop_back();
    std::vector<std::string> Called = calledNames(*F);
    for (const Function *G : Functions) {
      if (Kept.count(G))
        continue;
      bool Used = llvm::any_of(Called, [&](const std::string &N) { return names(N, *G); });
      // f_jacobian's and f_hessian's drivers hold what they call.
      Used |= F->Matrix && llvm::is_contained(F->Matrix->callees(), G);
      if (Used && Kept.insert(G).second)
        Work.push_back(G);
    }
  }
  std::vector<Function *> Out;
  for (Function *F : Functions)
    if (Kept.count(F))
      Out.push_back(F);
  return Out;
}
