//===- Graph/ConstructNames.cpp - Constructs named in C++ terms -----------===//
//
// The message for an expression or statement adgen does not support names
// it as the user wrote it, never by the compiler's internal class:
//
//   "a string literal is not supported here", "'new' is not supported",
//   "a statement expression ('({ ... })') is not supported"
//
// Kinds without a name of their own are quoted from the source:
// "expression 'x <=> y' is not supported".
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace adgen;
using clang::isa;

/// The construct \p S is, in C++ terms, or "" when it has no short name.
static const char *knownName(const clang::Stmt *S) {
  using namespace clang;
  if (isa<StringLiteral>(S) || isa<PredefinedExpr>(S))
    return "a string literal";
  if (isa<CXXNewExpr>(S))
    return "'new'";
  if (isa<CXXDeleteExpr>(S))
    return "'delete'";
  if (isa<CXXTypeidExpr>(S))
    return "'typeid'";
  if (isa<CXXDynamicCastExpr>(S))
    return "'dynamic_cast'";
  if (isa<StmtExpr>(S))
    return "a statement expression ('({ ... })')";
  if (isa<AddrLabelExpr>(S))
    return "the address of a label ('&&label')";
  if (isa<CXXFoldExpr>(S))
    return "a fold expression";
  if (isa<CXXRewrittenBinaryOperator>(S))
    return "a comparison rewritten from 'operator<=>'";
  if (isa<CoroutineSuspendExpr>(S) || isa<CoreturnStmt>(S))
    return "a coroutine ('co_await', 'co_yield', 'co_return')";
  if (isa<VAArgExpr>(S))
    return "'va_arg'";
  if (isa<SwitchCase>(S))
    return "a case label nested in a statement of the switch";
  if (isa<CXXPseudoDestructorExpr>(S))
    return "a destructor call";
  if (isa<ChooseExpr>(S))
    return "'__builtin_choose_expr'";
  if (isa<GenericSelectionExpr>(S))
    return "'_Generic'";
  if (isa<ImaginaryLiteral>(S))
    return "an imaginary literal";
  if (isa<FixedPointLiteral>(S))
    return "a fixed-point literal";
  return "";
}

std::string GraphBuilder::Impl::constructName(const clang::Stmt *S, const char *Kind) {
  if (const char *N = knownName(S); *N)
    return N;
  // The source text, on one line and short.
  const clang::SourceManager &SM = Ctx.getSourceManager();
  llvm::StringRef Text = clang::Lexer::getSourceText(
      clang::CharSourceRange::getTokenRange(S->getSourceRange()), SM, Ctx.getLangOpts());
  std::string One;
  for (char C : Text) {
    if (C == '\n' || C == '\t' || C == '\r')
      C = ' ';
    if (C == ' ' && !One.empty() && One.back() == ' ')
      continue;
    One += C;
  }
  if (One.empty())
    return std::string("this ") + Kind;
  if (One.size() > 40)
    One = One.substr(0, 37) + "...";
  return std::string(Kind) + " '" + One + "'";
}
