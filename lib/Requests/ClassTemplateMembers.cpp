//===- Requests/ClassTemplateMembers.cpp - Markers in class templates -----===//
//
// A marker on a member function of a class template
// (`template <typename T> struct S { ADGEN_REVERSE() T f(T x); };`) asks,
// like a marker on a function template, for the derivatives of each
// instantiation the input uses: `S<double>::f` gets `S_f_grad(const
// S<double> &self, ...)`, `S<float>::f` an overload of it (interface.md,
// section 4). The pattern has no types, so its spec is checked with each
// instantiation, whose errors name it and say where the input uses it.
//
//===----------------------------------------------------------------------===//

#include "Requests/FinderImpl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

using namespace adgen;
using namespace adgen::requests;

void Finder::classTemplateMember(clang::FunctionDecl *FD, Mode M, clang::SourceLocation Loc) {
  const clang::FunctionDecl *Pattern = FD->getCanonicalDecl();
  clang::SourceLocation At = Ctx.getSourceManager().getExpansionLoc(Loc);
  for (const MarkedMember &MM : MarkedMembers)
    if (MM.Pattern == Pattern && MM.M == M && MM.Loc == At)
      return;
  MarkedMembers.push_back({Pattern, M, At, FD->getQualifiedNameAsString()});
}

void Finder::classTemplateMemberInstance(clang::FunctionDecl *FD, Mode M,
                                         llvm::StringRef SpecText, clang::SourceLocation Loc) {
  const clang::FunctionDecl *Pattern = FD->getTemplateInstantiationPattern();
  if (!Pattern)
    Pattern = FD->getInstantiatedFromMemberFunction();
  if (!Pattern)
    return;
  UsedMembers.insert({Pattern->getCanonicalDecl(), M});
  // Declared only (the input never calls it, or names it where it is not
  // evaluated): nothing to differentiate.
  if (!FD->hasBody())
    return;
  const clang::FunctionDecl *Named = Pattern;
  if (Named->getNumParams() != FD->getNumParams())
    Named = FD;
  std::string Name = FD->getQualifiedNameAsString();
  std::string Saved = Context;
  Context += "in '" + Name + "': ";
  unsigned Before = Diags.errorCount();
  request(FD, M, SpecText, Loc, Named);
  Context = Saved;
  clang::SourceLocation UsedAt = FD->getPointOfInstantiation();
  if (UsedAt.isInvalid())
    if (const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(FD))
      if (const auto *CTS =
              llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(MD->getParent()))
        UsedAt = CTS->getPointOfInstantiation();
  if (Diags.errorCount() != Before && UsedAt.isValid())
    Diags.note(UsedAt, "'" + Name + "' is used here");
}

void Finder::unusedClassTemplateMembers() {
  for (const MarkedMember &MM : MarkedMembers)
    if (!UsedMembers.count({MM.Pattern, MM.M}))
      Diags.warning(MM.Loc,
                    "nothing is generated for '" + MM.Name + "': it is a member "
                    "function of a class template, and adgen differentiates the "
                    "instantiations the input uses, but this input uses none (call it "
                    "on an object of an instantiation such as 'S<double>', or "
                    "instantiate the class explicitly)");
}
