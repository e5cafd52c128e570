//===- Requests/RequestFinder.cpp - Marked functions and their specs ------===//
//
// The stage's entry point. The finder's parts live in Markers.cpp,
// ResolveSpec.cpp, Customs.cpp and CommandLine.cpp (FinderImpl.h).
//
//===----------------------------------------------------------------------===//

#include "Requests/RequestFinder.h"
#include "Graph/OperatorNames.h"
#include "Requests/FinderImpl.h"
#include "Requests/StrayMarkers.h"

using namespace adgen;

std::string Request::name(llvm::StringRef Suffix) const {
  // A member function S::m gets free functions S_m_fwd, ..., an operator
  // S_plus_fwd, ... (interface.md §4).
  return publicBaseName(Fn) + "_" + Suffix.str();
}

std::vector<std::string> Request::generatedNames() const {
  std::vector<std::string> Names;
  for (llvm::StringRef Suffix : modeInfo(M).Suffixes)
    Names.push_back(name(Suffix));
  return Names;
}

RequestSet adgen::findRequests(clang::ASTContext &Ctx, Diagnoser &Diags,
                               const std::vector<CommandLineRequest> &Extra) {
  requests::Finder F(Ctx, Diags);
  F.TraverseDecl(Ctx.getTranslationUnitDecl());
  F.unusedTemplates();
  reportStrayMarkers(Ctx, Diags);
  if (!Extra.empty())
    requests::addCommandLineRequests(F, Ctx, Diags, Extra);
  return std::move(F.Result);
}
