//===- Graph/Diagnoser.cpp - Errors as clang diagnostics ------------------===//

#include "Graph/GraphBuilder.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"

using namespace adgen;

/// A transform may meet the same problem more than once (each sweep, each
/// helper): say it once.
bool Diagnoser::seen(clang::SourceLocation L, const std::string &Message) {
  return !Reported.insert({L.getRawEncoding(), Message}).second;
}

void Diagnoser::error(clang::SourceLocation L, const llvm::Twine &Message) {
  ++Errors;
  std::string M = Message.str();
  if (!Context.empty() && L.isInvalid() && !llvm::StringRef(M).starts_with("in " + Context))
    M = "in " + Context + ": " + M;
  if (seen(L, "error: " + M))
    return;
  auto &D = Ctx.getDiagnostics();
  unsigned ID = D.getCustomDiagID(clang::DiagnosticsEngine::Error, "%0");
  D.Report(L, ID) << M;
  if (!Context.empty() && L.isValid()) {
    unsigned Note = D.getCustomDiagID(clang::DiagnosticsEngine::Note, "%0");
    D.Report(clang::SourceLocation(), Note) << "in " + Context;
  }
}

void Diagnoser::note(clang::SourceLocation L, const llvm::Twine &Message) {
  if (seen(L, "note: " + Message.str()))
    return;
  auto &D = Ctx.getDiagnostics();
  unsigned ID = D.getCustomDiagID(clang::DiagnosticsEngine::Note, "%0");
  D.Report(L, ID) << Message.str();
}

void Diagnoser::warning(clang::SourceLocation L, const llvm::Twine &Message) {
  if (seen(L, "warning: " + Message.str()))
    return;
  auto &D = Ctx.getDiagnostics();
  unsigned ID = D.getCustomDiagID(clang::DiagnosticsEngine::Warning, "%0");
  D.Report(L, ID) << Message.str();
}

void Diagnoser::error(graph::Loc L, const std::string &Message) {
  error(clang::SourceLocation::getFromRawEncoding(L.Raw), Message);
}

void Diagnoser::note(graph::Loc L, const std::string &Message) {
  note(clang::SourceLocation::getFromRawEncoding(L.Raw), Message);
}

graph::Loc Diagnoser::loc(clang::SourceLocation L) const {
  graph::Loc Out;
  Out.Raw = L.getRawEncoding();
  if (L.isValid()) {
    const clang::SourceManager &SM = Ctx.getSourceManager();
    Out.Line = SM.getExpansionLineNumber(L);
    Out.File = SM.getFilename(SM.getExpansionLoc(L)).str();
  }
  return Out;
}
