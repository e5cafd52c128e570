//===- Graph/Switch.cpp - switch statements -------------------------------===//
//
// A switch becomes a chain of ifs on a copy of its selector, one per group
// of case labels, each running its section and, falling through, the
// sections after it up to a top-level break:
//
//   switch (k) { case 0: a; case 1: b; break; default: c; }
//   ->  selector = k;
//       if (selector == 0) { a; b; } else if (selector == 1) { b; } else { c; }
//
// A break nested deeper (in an if) makes the chain a one-pass
// `do { ... } while (false)` loop that the break leaves. Labels in a block
// of their own (`case 1: x; { case 2: y; }`) join the switch's labels, the
// block only scoping declarations (which are refused in it); statements
// before the first label are never run and are left out. Labels inside
// other statements (an if, a loop: Duff's device) are refused.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/StringExtras.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

/// Whether \p S holds a case or default label of the enclosing switch.
static bool holdsCaseLabel(const clang::Stmt *S) {
  if (!S || isa<clang::SwitchStmt>(S))
    return false;
  if (isa<clang::SwitchCase>(S))
    return true;
  for (const clang::Stmt *C : S->children())
    if (holdsCaseLabel(C))
      return true;
  return false;
}

bool GraphBuilder::Impl::switchSections(const clang::CompoundStmt *CS, const graph::Type &SelT,
                                        std::vector<SwitchSection> &Sections) {
  using namespace clang;
  for (const clang::Stmt *Child : CS->body()) {
    const clang::Stmt *Inner = Child;
    bool Labelled = false;
    while (const auto *SC = dyn_cast<SwitchCase>(Inner)) {
      if (!Labelled && (Sections.empty() || !Sections.back().Body.empty()))
        Sections.emplace_back();
      Labelled = true;
      if (const auto *Case = dyn_cast<CaseStmt>(SC)) {
        if (Case->caseStmtIsGNURange())
          return failStmt(Case->getBeginLoc(), "case ranges are not supported");
        clang::Expr::EvalResult R;
        if (!Case->getLHS()->EvaluateAsInt(R, Ctx))
          return failStmt(Case->getBeginLoc(), "case label is not a constant");
        // The label as written (Color::Red), so it compares with the selector.
        const graph::Expr *Lab = expr(Case->getLHS());
        if (!Lab || !Lab->isConstant())
          Lab = M.constant(llvm::toString(R.Val.getInt(), 10), SelT);
        Sections.back().Labels.push_back(Lab);
      } else {
        Sections.back().IsDefault = true;
      }
      Inner = SC->getSubStmt();
    }
    if (const auto *Nested = dyn_cast<CompoundStmt>(Inner); Nested && holdsCaseLabel(Nested)) {
      // Its statements join the switch's own.
      for (const clang::Stmt *D : Nested->body())
        if (isa<DeclStmt>(D))
          return failStmt(D->getBeginLoc(), "a declaration in a block that holds a case "
                                            "label is not supported; declare the variable "
                                            "before the switch");
      if (!switchSections(Nested, SelT, Sections))
        return false;
      continue;
    }
    if (holdsCaseLabel(Inner))
      return failStmt(Inner->getBeginLoc(), "a case label inside a statement nested in a "
                                            "switch (an 'if', a loop) is not supported; put "
                                            "every case label directly in the switch's block");
    if (Sections.empty()) {
      // Never run: the switch jumps to a label. A declaration there names
      // a variable the cases may use.
      if (isa<DeclStmt>(Inner))
        return failStmt(Child->getBeginLoc(), "a declaration before the first case label of "
                                              "a switch is not supported; declare the "
                                              "variable before the switch");
      continue;
    }
    Sections.back().Body.push_back(Inner);
  }
  return true;
}

bool GraphBuilder::Impl::switchStmt(const clang::SwitchStmt *S) {
  using namespace clang;
  if (S->getInit() && !stmt(S->getInit()))
    return false;
  if (S->getConditionVariable() && !varDecl(S->getConditionVariable()))
    return false;
  const graph::Expr *C = expr(S->getCond());
  if (!C)
    return false;
  Var *Sel = temp("selector", C->Ty.element(), S->getSwitchLoc());
  emit(M.decl(Sel, C, loc(S->getSwitchLoc())));

  std::vector<SwitchSection> Sections;
  const auto *CS = dyn_cast<CompoundStmt>(S->getBody());
  if (!CS) // `switch (c) case 1: s;`: a block of its one statement
    CS = CompoundStmt::Create(Ctx, {const_cast<clang::Stmt *>(S->getBody())}, FPOptionsOverride(),
                              S->getBody()->getBeginLoc(), S->getBody()->getEndLoc());
  if (!switchSections(CS, C->Ty.element(), Sections))
    return false;

  // Each section's statements up to its first top-level break, with
  // fall-through into the following sections.
  auto bodyOf = [&](size_t First, Block &Out) -> bool {
    for (size_t I = First; I < Sections.size(); ++I) {
      for (const clang::Stmt *St : Sections[I].Body) {
        if (isa<BreakStmt>(St))
          return true;
        Breaks.push_back(BreakTarget::Switch);
        Block *Saved = Cur;
        Cur = &Out;
        bool OK = stmt(St);
        Cur = Saved;
        Breaks.pop_back();
        if (!OK)
          return false;
        if (isa<ReturnStmt>(St) || isa<ContinueStmt>(St))
          return true;
      }
    }
    return true;
  };

  bool OuterBreaks = SwitchBreaks, OuterContinues = SwitchContinues, OuterReturns = SwitchReturns;
  SwitchBreaks = SwitchContinues = SwitchReturns = false;
  Block Chain;
  Block *Tail = &Chain;
  int Default = -1;
  for (size_t I = 0; I < Sections.size(); ++I) {
    if (Sections[I].IsDefault)
      Default = int(I);
    if (Sections[I].Labels.empty())
      continue;
    const graph::Expr *Test = nullptr;
    graph::Type B = graph::Type::scalar(ScalarKind::Bool, "bool");
    for (const graph::Expr *Lab : Sections[I].Labels) {
      const graph::Expr *Eq = M.binary(Op::Eq, M.ref(Sel), Lab, B);
      Test = Test ? M.binary(Op::Or, Test, Eq, B) : Eq;
    }
    Block Then;
    if (!bodyOf(I, Then))
      return false;
    Tail->push_back(M.ifStmt(Test, std::move(Then), {}, loc(S->getSwitchLoc())));
    Tail = &Tail->back()->Else;
  }
  if (Default >= 0 && !bodyOf(size_t(Default), *Tail))
    return false;
  bool NestedBreak = SwitchBreaks, NestedContinue = SwitchContinues, NestedReturn = SwitchReturns;
  SwitchBreaks = OuterBreaks;
  SwitchContinues = OuterContinues;
  SwitchReturns = OuterReturns || NestedReturn;
  if (NestedBreak) {
    if (NestedReturn)
      return failStmt(S->getSwitchLoc(), "a switch with both a nested 'break' and a "
                                         "'return' of the lambda it is in is not supported; "
                                         "restructure it as if/else");
    if (NestedContinue)
      return failStmt(S->getSwitchLoc(), "a switch with both a nested 'break' and a "
                                         "'continue' is not supported; restructure it "
                                         "as if/else");
    // do { chain } while (false): its breaks leave the switch.
    emit(M.loop(LoopKind::DoWhile, {}, M.boolConst(false), std::move(Chain), {},
                loc(S->getSwitchLoc())));
    return true;
  }
  for (graph::Stmt *St : Chain)
    emit(St);
  return true;
}

