//===- Requests/Customs.cpp - ADGEN_CUSTOM derivatives ---------------------===//
//
// A derivative the user wrote and marked ADGEN_CUSTOM: which function it
// belongs to, by its name (f_fwd, f_pullback) and signature (interface.md,
// section 2).
//
//===----------------------------------------------------------------------===//

#include "Requests/FinderImpl.h"

using namespace adgen;
using namespace adgen::requests;

bool Finder::isDerivativeOf(const clang::FunctionDecl *D, const clang::FunctionDecl *P, bool Fwd) {
  unsigned N = P->getNumParams(), Extra = 0;
  if (D->getNumParams() < N)
    return false;
  for (unsigned I = 0; I < N; ++I) {
    clang::QualType T = P->getParamDecl(I)->getType();
    if (!Ctx.hasSameUnqualifiedType(T, D->getParamDecl(I)->getType()))
      return false;
    graph::Type GT;
    Extra += mapType(T, Ctx, GT) && GT.isFloating();
  }
  graph::Type RT;
  clang::QualType R = P->getReturnType();
  if (!Fwd && !R->isVoidType() && mapType(R, Ctx, RT) && RT.isFloating())
    ++Extra;
  return D->getNumParams() == N + Extra;
}

void Finder::custom(clang::FunctionDecl *FD, clang::SourceLocation Loc) {
  llvm::StringRef Name = FD->getName();
  // f_fwd or f_pullback: the first function of forward or reverse mode.
  std::string FwdEnd = "_" + modeInfo(Mode::Forward).Suffixes[0].str();
  std::string PullEnd = "_" + modeInfo(Mode::Reverse).Suffixes[0].str();
  bool Fwd = Name.ends_with(FwdEnd), Pull = Name.ends_with(PullEnd);
  if (!Fwd && !Pull) {
    Diags.error(Loc, CustomMacro + " marks a derivative named '<f>" + FwdEnd + "' or '<f>" +
                         PullEnd + "'; '" + Name + "' is neither");
    return;
  }
  llvm::StringRef Primal = Name.drop_back((Fwd ? FwdEnd : PullEnd).size());
  // Every function g (and instantiation of a template g) whose derivative
  // FD can be by its signature: with overloads, the one it belongs to.
  std::vector<const clang::FunctionDecl *> Fns, Matching;
  for (clang::NamedDecl *ND : FD->getDeclContext()->lookup(&Ctx.Idents.get(Primal))) {
    if (auto *P = llvm::dyn_cast<clang::FunctionDecl>(ND))
      Fns.push_back(P);
    if (auto *T = llvm::dyn_cast<clang::FunctionTemplateDecl>(ND))
      Fns.insert(Fns.end(), T->specializations().begin(), T->specializations().end());
  }
  for (const clang::FunctionDecl *P : Fns)
    if (isDerivativeOf(FD, P, Fwd))
      Matching.push_back(P);
  if (Fns.empty()) {
    Diags.error(Loc, "ADGEN_CUSTOM derivative '" + Name + "' has no function '" + Primal +
                         "' to go with it");
    return;
  }
  if (Matching.empty()) {
    Diags.error(Loc, "ADGEN_CUSTOM derivative '" + Name + "' does not have the signature " +
                         "of a derivative of '" + Primal + "': it takes the parameters of '" +
                         Primal + "' first, then " +
                         (Fwd ? "a tangent" : "d_ret (if it returns a floating-point value) "
                                              "and an adjoint pointer") +
                         " for each floating-point parameter");
    return;
  }
  const clang::FunctionDecl *Found = Matching.front();
  CustomDerivative &C = Result.Customs[Found->getCanonicalDecl()];
  (Fwd ? C.Fwd : C.Pullback) = FD;
}


std::optional<std::vector<std::pair<std::string, graph::Type>>>
adgen::customAdjoints(const clang::FunctionDecl *Custom, unsigned First) {
  std::vector<std::pair<std::string, graph::Type>> Adjoints;
  for (unsigned I = First; I < Custom->getNumParams(); ++I) {
    const clang::ParmVarDecl *PD = Custom->getParamDecl(I);
    graph::Type T;
    if (!mapType(PD->getType(), Custom->getASTContext(), T))
      return std::nullopt;
    std::string Name = PD->getName().str();
    Adjoints.push_back({Name.empty() ? "d_" + std::to_string(I) : Name, T});
  }
  return Adjoints;
}
