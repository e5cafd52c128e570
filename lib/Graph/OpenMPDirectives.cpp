//===- Graph/OpenMPDirectives.cpp - OpenMP directives into the graph ------===//
///
/// \file
/// `#pragma omp parallel for` (or `omp parallel` around a single `omp for`)
/// becomes the graph's For loop with an OmpLoop annotation (Graph/OpenMP.h);
/// `#pragma omp atomic` and `#pragma omp critical` around one `s += e`
/// inside such a loop become an assignment marked OmpAtomic. Every other
/// directive and clause is refused here, with its name and location: a
/// derivative of code whose parallel semantics adgen does not model could be
/// silently wrong.
//===----------------------------------------------------------------------===//
#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/OpenMPClause.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/Basic/OpenMPKinds.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Frontend/OpenMP/OMP.h"

using namespace adgen;
using namespace clang;
using graph::OmpLoop;

namespace {
std::string directiveName(const OMPExecutableDirective *D) {
  return "'#pragma omp " + llvm::omp::getOpenMPDirectiveName(D->getDirectiveKind()).str() + "'";
}

/// The statement a directive applies to, without Clang's captured regions.
const clang::Stmt *associated(const OMPExecutableDirective *D) {
  if (!D->hasAssociatedStmt())
    return nullptr;
  const clang::Stmt *S = D->getAssociatedStmt();
  while (const auto *CS = dyn_cast_or_null<CapturedStmt>(S))
    S = CS->getCapturedStmt();
  return S;
}

/// Calls of the OpenMP runtime (omp_get_thread_num() ...) inside \p S.
const CallExpr *runtimeCall(const clang::Stmt *S) {
  if (!S)
    return nullptr;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *FD = CE->getDirectCallee())
      if (FD->getIdentifier() && FD->getName().starts_with("omp_"))
        return CE;
  for (const clang::Stmt *C : S->children())
    if (const CallExpr *CE = runtimeCall(C))
      return CE;
  return nullptr;
}
} // namespace

bool GraphBuilder::Impl::ompVars(llvm::ArrayRef<const clang::Expr *> Refs,
                                 std::vector<Var *> &Out, llvm::StringRef Clause) {
  for (const clang::Expr *E : Refs) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    Var *V = DRE ? Vars.lookup(DRE->getDecl()) : nullptr;
    if (!V)
      return failStmt(E->getBeginLoc(), "only variables of the function may appear in "
                                        "OpenMP clause '" + Clause + "'");
    Out.push_back(V);
  }
  return true;
}

bool GraphBuilder::Impl::ompClause(const OMPClause *C, const OMPExecutableDirective *D,
                                   OmpLoop &L) {
  std::string Where = " of " + directiveName(D);
  auto refs = [](auto *VC) {
    std::vector<const clang::Expr *> R(VC->varlist_begin(), VC->varlist_end());
    return R;
  };
  if (const auto *SC = dyn_cast<OMPScheduleClause>(C)) {
    if (SC->getFirstScheduleModifier() != OMPC_SCHEDULE_MODIFIER_unknown ||
        SC->getSecondScheduleModifier() != OMPC_SCHEDULE_MODIFIER_unknown)
      return failStmt(SC->getBeginLoc(), "schedule modifiers are not supported");
    L.ScheduleKind = getOpenMPSimpleClauseTypeName(llvm::omp::OMPC_schedule,
                                                   SC->getScheduleKind());
    if (const clang::Expr *Ch = SC->getChunkSize()) {
      clang::Expr::EvalResult R;
      if (Ch->EvaluateAsInt(R, Ctx))
        L.ScheduleChunk = llvm::toString(R.Val.getInt(), 10);
      else if (const auto *DRE = dyn_cast<DeclRefExpr>(Ch->IgnoreParenImpCasts());
               DRE && Vars.lookup(DRE->getDecl()))
        L.ScheduleChunk = Vars.lookup(DRE->getDecl())->Name;
      else
        return failStmt(Ch->getBeginLoc(), "a schedule chunk must be a constant or a variable");
    }
    return true;
  }
  if (const auto *CC = dyn_cast<OMPCollapseClause>(C)) {
    clang::Expr::EvalResult R;
    if (!CC->getNumForLoops()->EvaluateAsInt(R, Ctx) || R.Val.getInt() < 1 ||
        R.Val.getInt() > 8)
      return failStmt(CC->getBeginLoc(), "OpenMP clause 'collapse' needs a constant "
                                         "number of loops (1 to 8)");
    L.Collapse = static_cast<unsigned>(R.Val.getInt().getZExtValue());
    return true;
  }
  if (isa<OMPDefaultClause>(C))
    return true; // a compile-time check of the user's; derivative loops name more variables
  if (const auto *PC = dyn_cast<OMPPrivateClause>(C))
    return ompVars(refs(PC), L.Private, "private");
  if (const auto *FC = dyn_cast<OMPFirstprivateClause>(C))
    return ompVars(refs(FC), L.FirstPrivate, "firstprivate");
  if (const auto *SC = dyn_cast<OMPSharedClause>(C))
    return ompVars(refs(SC), L.Shared, "shared");
  if (const auto *RC = dyn_cast<OMPReductionClause>(C)) {
    if (RC->getModifier() != OMPC_REDUCTION_unknown)
      return failStmt(RC->getBeginLoc(), "reduction modifiers are not supported");
    DeclarationName N = RC->getNameInfo().getName();
    std::string Op;
    if (N.getNameKind() == DeclarationName::CXXOperatorName) {
      switch (N.getCXXOverloadedOperator()) {
      case OO_Plus: Op = "+"; break;
      case OO_Star: Op = "*"; break;
      case OO_Amp: Op = "&"; break;
      case OO_Pipe: Op = "|"; break;
      case OO_Caret: Op = "^"; break;
      case OO_AmpAmp: Op = "&&"; break;
      case OO_PipePipe: Op = "||"; break;
      default: break;
      }
    } else if (N.isIdentifier() && (N.getAsString() == "max" || N.getAsString() == "min")) {
      Op = N.getAsString();
    }
    if (Op.empty())
      return failStmt(RC->getBeginLoc(), "reduction operator '" + N.getAsString() +
                                              "' is not supported (+, *, max, min)");
    OmpLoop::Reduction R;
    R.Op = Op;
    if (!ompVars(refs(RC), R.Vars, "reduction"))
      return false;
    for (Var *V : R.Vars)
      if (V->Ty.isMemory())
        return failStmt(RC->getBeginLoc(), "reductions over arrays are not supported");
    L.Reductions.push_back(std::move(R));
    return true;
  }
  return failStmt(C->getBeginLoc(),
                  "OpenMP clause '" +
                      llvm::omp::getOpenMPClauseName(C->getClauseKind()).str() + "'" + Where +
                      " is not supported");
}

bool GraphBuilder::Impl::ompDirective(const OMPExecutableDirective *D) {
  SourceLocation At = D->getBeginLoc();
  auto Kind = D->getDirectiveKind();
  if (Kind == llvm::omp::OMPD_atomic || Kind == llvm::omp::OMPD_critical)
    return ompAtomic(D);
  if (Kind != llvm::omp::OMPD_parallel_for && Kind != llvm::omp::OMPD_parallel)
    return failStmt(At, "OpenMP directive " + directiveName(D) +
                            " is not supported (only 'parallel for', with 'atomic' or "
                            "'critical' around 's += e' inside)");
  if (OmpDepth > 0)
    return failStmt(At, "nested OpenMP parallel regions are not supported");
  OmpLoop L;
  const clang::Stmt *Loop = associated(D);
  std::vector<const OMPExecutableDirective *> Directives{D};
  if (Kind == llvm::omp::OMPD_parallel) {
    // `omp parallel` whose only statement is an `omp for`.
    const clang::Stmt *Inner = Loop;
    if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Inner))
      Inner = CS->size() == 1 ? CS->body_front() : nullptr;
    const auto *For = dyn_cast_or_null<OMPForDirective>(Inner);
    if (!For)
      return failStmt(At, "'#pragma omp parallel' is supported only around a single "
                          "'#pragma omp for' loop");
    Directives.push_back(For);
    Loop = associated(For);
  }
  for (const OMPExecutableDirective *Dir : Directives)
    for (const OMPClause *C : Dir->clauses())
      if (!ompClause(C, Dir, L))
        return false;
  const auto *FS = dyn_cast_or_null<ForStmt>(Loop);
  if (!FS)
    return failStmt(At, "expected a for loop after " + directiveName(D));
  if (const CallExpr *CE = runtimeCall(FS))
    return failStmt(CE->getBeginLoc(), "calls to the OpenMP runtime ('" +
                                           CE->getDirectCallee()->getName() +
                                           "') are not supported inside a parallel loop: "
                                           "the derivative could depend on the thread");
  size_t Before = Cur->size();
  ++OmpDepth;
  bool OK = forStmt(FS);
  --OmpDepth;
  if (!OK)
    return false;
  Stmt *S = Cur->size() == Before + 1 ? Cur->back() : nullptr;
  if (!S || S->K != graph::StmtKind::Loop || S->Loop != graph::LoopKind::For || !S->Value)
    return failStmt(FS->getForLoc(), "this OpenMP loop's condition is not supported");
  // collapse(n): n perfectly nested for loops (Clang checked the source; the
  // graph must show the same nest, which the transforms rebuild).
  const Stmt *Inner = S;
  for (unsigned K = 1; K < L.Collapse; ++K) {
    Inner = Inner->Body.size() == 1 ? Inner->Body[0] : nullptr;
    if (!Inner || Inner->K != graph::StmtKind::Loop || Inner->Loop != graph::LoopKind::For ||
        !Inner->Value || Inner->Init.size() != 1)
      return failStmt(FS->getForLoc(), "'collapse(" + std::to_string(L.Collapse) +
                                           ")' needs " + std::to_string(L.Collapse) +
                                           " perfectly nested for loops, each with one "
                                           "init and a condition");
  }
  S->Omp = M.ompLoop(std::move(L));
  return true;
}

/// `#pragma omp atomic` / `#pragma omp critical` around `s += e` (or
/// `s = s + e`, `s -= e`) on a scalar, inside a parallel loop.
bool GraphBuilder::Impl::ompAtomic(const OMPExecutableDirective *D) {
  SourceLocation At = D->getBeginLoc();
  if (OmpDepth == 0)
    return failStmt(At, directiveName(D) + " is supported only inside a "
                                           "'#pragma omp parallel for' loop");
  for (const OMPClause *C : D->clauses())
    if (!isa<OMPUpdateClause>(C))
      return failStmt(C->getBeginLoc(),
                      "OpenMP clause '" +
                          llvm::omp::getOpenMPClauseName(C->getClauseKind()).str() + "' of " +
                          directiveName(D) + " is not supported");
  const clang::Stmt *Body = associated(D);
  if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Body))
    Body = CS->size() == 1 ? CS->body_front() : nullptr;
  const auto *E = dyn_cast_or_null<clang::Expr>(Body);
  const auto *BO = E ? dyn_cast<BinaryOperator>(E->IgnoreParens()) : nullptr;
  if (!BO || !(BO->getOpcode() == BO_AddAssign || BO->getOpcode() == BO_SubAssign ||
               BO->getOpcode() == BO_Assign))
    return failStmt(At, directiveName(D) + " is supported only around one update 's += e'");
  Block Tmp;
  Block *Saved = Cur;
  Cur = &Tmp;
  bool OK = sideEffect(E);
  Cur = Saved;
  if (!OK)
    return false;
  Stmt *S = Tmp.empty() ? nullptr : Tmp.back();
  bool Update = S && S->K == graph::StmtKind::Assign && S->Target->K == Op::VarRef &&
                S->Target->V->Ty.isFloatScalar() &&
                (S->Value->K == Op::Add || S->Value->K == Op::Sub) &&
                S->Value->Ops[0]->K == Op::VarRef && S->Value->Ops[0]->V == S->Target->V;
  if (Update)
    forEachExpr(S->Value->Ops[1], [&](const Expr *N) {
      Update &= !(N->K == Op::VarRef && N->V == S->Target->V);
    });
  if (!Update)
    return failStmt(At, directiveName(D) + " is supported only around one update 's += e' "
                                           "of a floating-point variable s that e does not read");
  S->OmpAtomic = true;
  for (Stmt *T : Tmp)
    emit(T);
  return true;
}
