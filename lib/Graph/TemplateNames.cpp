//===- Graph/TemplateNames.cpp - Names of function template specializations ===//

#include "Graph/TemplateNames.h"
#include "Graph/GraphBuilder.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <set>

using namespace adgen;

std::string adgen::templateArgs(const clang::FunctionDecl *FD, const clang::ASTContext &Ctx) {
  const clang::TemplateArgumentList *Args = FD->getTemplateSpecializationArgs();
  const clang::FunctionTemplateDecl *T = FD->getPrimaryTemplate();
  if (!Args || !T)
    return "";
  std::string S;
  llvm::raw_string_ostream OS(S);
  clang::printTemplateArgumentList(OS, Args->asArray(), printingPolicy(Ctx),
                                   T->getTemplateParameters());
  return OS.str();
}

std::string adgen::classTemplateMemberName(const clang::FunctionDecl *FD,
                                           const clang::ASTContext &Ctx) {
  const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(FD);
  if (!MD || !llvm::isa<clang::ClassTemplateSpecializationDecl>(MD->getParent()))
    return "";
  std::string S;
  llvm::raw_string_ostream OS(S);
  MD->getParent()->getNameForDiagnostic(OS, printingPolicy(Ctx), /*Qualified=*/false);
  OS << "::" << FD->getNameAsString();
  return OS.str();
}

clang::SourceLocation adgen::whereUsed(const clang::FunctionDecl *FD) {
  if (FD->getTemplateSpecializationKind() == clang::TSK_ExplicitSpecialization)
    return FD->getLocation();
  return FD->getPointOfInstantiation();
}

bool adgen::sameParameterTypes(const clang::FunctionDecl *A, const clang::FunctionDecl *B,
                               const clang::ASTContext &Ctx) {
  const auto *PA = A->getType()->getAs<clang::FunctionProtoType>();
  const auto *PB = B->getType()->getAs<clang::FunctionProtoType>();
  if (!PA || !PB || PA->getNumParams() != PB->getNumParams() ||
      PA->isVariadic() != PB->isVariadic())
    return false;
  for (unsigned I = 0; I < PA->getNumParams(); ++I)
    if (!Ctx.hasSameUnqualifiedType(PA->getParamType(I), PB->getParamType(I)))
      return false;
  return true;
}

/// "powi_3" from powi and "<3>": letters and digits kept, a minus sign
/// spelled 'm', everything else one '_'.
static std::string tagged(llvm::StringRef Name, llvm::StringRef Args) {
  std::string Tag;
  for (char C : Args.drop_front().drop_back()) {
    if (llvm::isAlnum(C))
      Tag += C;
    else if (C == '-')
      Tag += 'm';
    else if (!Tag.empty() && Tag.back() != '_')
      Tag += '_';
  }
  while (!Tag.empty() && Tag.back() == '_')
    Tag.pop_back();
  return (Name + "_" + (Tag.empty() ? std::string("none") : Tag)).str();
}

std::string adgen::helperBaseName(const clang::FunctionDecl *FD, clang::ASTContext &Ctx) {
  std::string Name = FD->getNameAsString();
  if (!FD->getPrimaryTemplate() || !FD->getDeclName().isIdentifier())
    return Name;
  FD = FD->getCanonicalDecl();
  // Every function of this name in FD's scope: plain functions and the
  // specializations of templates, in declaration / instantiation order.
  const clang::DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  std::vector<const clang::FunctionDecl *> Siblings;
  llvm::SmallPtrSet<const clang::FunctionDecl *, 8> Seen;
  auto add = [&](const clang::FunctionDecl *G) {
    G = G->getCanonicalDecl();
    if (Seen.insert(G).second)
      Siblings.push_back(G);
  };
  for (const clang::NamedDecl *ND : DC->lookup(FD->getDeclName())) {
    if (const auto *G = llvm::dyn_cast<clang::FunctionDecl>(ND))
      add(G);
    else if (const auto *T = llvm::dyn_cast<clang::FunctionTemplateDecl>(ND))
      for (const clang::FunctionDecl *S : T->specializations())
        add(S);
  }
  // The specializations that overloads cannot tell apart get names of
  // their own, in order; a name is never one the scope declares.
  std::set<std::string> Taken;
  for (const clang::FunctionDecl *S : Siblings) {
    if (!S->getPrimaryTemplate())
      continue;
    bool Clash = false;
    for (const clang::FunctionDecl *Other : Siblings)
      Clash |= Other != S && sameParameterTypes(S, Other, Ctx);
    if (!Clash) {
      if (S == FD)
        return Name;
      continue;
    }
    std::string Base = tagged(Name, templateArgs(S, Ctx)), Candidate = Base;
    for (unsigned K = 2; Taken.count(Candidate) ||
                         !DC->lookup(&Ctx.Idents.get(Candidate)).empty();
         ++K)
      Candidate = Base + "_" + std::to_string(K);
    Taken.insert(Candidate);
    if (S == FD)
      return Candidate;
  }
  return Name;
}
