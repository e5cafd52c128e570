//===- Requests/Markers.cpp - Markers on functions and templates ----------===//
//
// The Finder's visit: each ADGEN_FORWARD (...) written on a function, a
// function template, an instantiation or an explicit specialization.
//
//===----------------------------------------------------------------------===//

#include "Graph/LambdaVariables.h"
#include "Graph/TemplateNames.h"
#include "Requests/FinderImpl.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include <algorithm>
#include <optional>

using namespace adgen;
using namespace adgen::requests;

bool Finder::VisitFunctionDecl(clang::FunctionDecl *FD) {
  if (FD->getTemplateSpecializationKind() == clang::TSK_ExplicitSpecialization &&
      FD->getPrimaryTemplate()) {
    explicitSpecialization(FD);
    return true;
  }
  for (const auto *A : FD->specific_attrs<clang::AnnotateAttr>()) {
    llvm::StringRef Text = A->getAnnotation();
    if (!Text.consume_front(AnnotationPrefix))
      continue;
    // Each marker once: where it is written, not where a redeclaration
    // inherits it. (An instantiation's markers are its template's, copied,
    // not inherited.)
    if (A->isInherited())
      continue;
    marker(FD, Text, A->getLocation());
  }
  return true;
}

bool Finder::VisitVarDecl(clang::VarDecl *VD) {
  const clang::LambdaExpr *LE = heldLambda(VD);
  if (!LE || !lambdaVariableProblem(VD).empty())
    return true;
  for (const auto *A : VD->specific_attrs<clang::AnnotateAttr>()) {
    llvm::StringRef Text = A->getAnnotation();
    // ADGEN_CUSTOM on it is refused with the stray markers.
    if (A->isInherited() || !Text.consume_front(AnnotationPrefix) || Text == CustomWord)
      continue;
    marker(LE->getCallOperator(), Text, A->getLocation());
  }
  return true;
}

void Finder::marker(clang::FunctionDecl *FD, llvm::StringRef Text, clang::SourceLocation Loc) {
  bool Template = FD->getDescribedFunctionTemplate() != nullptr;
  bool Instance = FD->isTemplateInstantiation();
  if (Text == CustomWord) {
    if (Template || FD->isDependentContext())
      Diags.error(Loc, "ADGEN_CUSTOM on a function template is not supported yet; write a "
                       "non-template derivative for each type you need");
    else if (!Instance)
      custom(FD, Loc);
    return;
  }
  auto [ModeName, SpecText] = Text.split(':');
  std::optional<Mode> M = modeNamed(ModeName);
  if (!M) {
    if (!Instance)
      Diags.error(Loc, "unknown adgen mode '" + ModeName + "'");
    return;
  }
  if (Template) {
    // The template itself: its spec is checked once here, its types with
    // each instantiation.
    const clang::FunctionTemplateDecl *T = FD->getDescribedFunctionTemplate();
    if (FD->isCXXClassMember() || FD->getDeclContext()->isDependentContext()) {
      Diags.error(Loc, "member functions are not supported yet");
      return;
    }
    if (!patternOK(T, FD, *M, SpecText, Loc))
      return;
    MarkedTemplate MT{T->getCanonicalDecl(), *M, Ctx.getSourceManager().getExpansionLoc(Loc),
                      FD->getNameAsString()};
    if (std::find(Marked.begin(), Marked.end(), MT) == Marked.end())
      Marked.push_back(MT);
    return;
  }
  if (FD->isDependentContext()) {
    // A member of a class template: its instantiations are requested.
    classTemplateMember(FD, *M, Loc);
    return;
  }
  if (const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(FD);
      MD && MD->getParent()->isLocalClass()) {
    Diags.error(Loc, "'" + MD->getParent()->getNameAsString() + "' is a class defined "
                     "inside a function, so derivatives of its member functions, which "
                     "adgen writes at namespace scope, could not name it; define the "
                     "class outside the function");
    return;
  }
  if (Instance) {
    const clang::FunctionTemplateDecl *T = FD->getPrimaryTemplate();
    if (!T) {
      classTemplateMemberInstance(FD, *M, SpecText, Loc);
      return;
    }
    if (!FD->hasBody()) {
      if (FD->getTemplateSpecializationKind() ==
          clang::TSK_ExplicitInstantiationDeclaration) {
        Used.insert({T->getCanonicalDecl(), *M});
        Diags.error(Ctx.getSourceManager().getExpansionLoc(Loc),
                    "'" + nameOf(FD) + "' is declared 'extern template', so its body is "
                    "not instantiated in this translation unit and adgen cannot "
                    "differentiate it; remove the 'extern template' declaration");
        Diags.note(FD->getPointOfInstantiation(), "declared 'extern template' here");
        return;
      }
      // Named only where it is not evaluated (decltype, sizeof): nothing
      // to differentiate.
      if (T->getTemplatedDecl()->isDefined())
        return;
    }
    // The spec names the parameters of the template's declaration that
    // carries the marker.
    const clang::FunctionDecl *Pattern = FD->getTemplateInstantiationPattern();
    for (const clang::FunctionDecl *R : T->getTemplatedDecl()->redecls())
      for (const auto *A : R->specific_attrs<clang::AnnotateAttr>())
        if (!A->isInherited() && A->getLocation() == Loc &&
            A->getAnnotation() == (AnnotationPrefix + Text).str())
          Pattern = R;
    if (Pattern && patternOK(T, Pattern, *M, SpecText, Loc))
      instance(FD, T, *M, SpecText, Loc, FD->getPointOfInstantiation(), Pattern);
    return;
  }
  request(FD, *M, SpecText, Loc);
}

void Finder::explicitSpecialization(clang::FunctionDecl *FD) {
  const clang::FunctionDecl *Def = FD->getDefinition();
  if (Def ? FD != Def : !FD->isFirstDecl())
    return;
  const clang::FunctionTemplateDecl *T = FD->getPrimaryTemplate();
  // The template's markers; clang also copies them onto a declaration of
  // the specialization it makes itself (before the written ones).
  std::set<std::pair<clang::SourceLocation, llvm::StringRef>> Templates;
  for (const clang::FunctionDecl *R : T->getTemplatedDecl()->redecls())
    for (const auto *A : R->specific_attrs<clang::AnnotateAttr>())
      Templates.insert({A->getLocation(), A->getAnnotation()});
  std::set<Mode> Own;
  for (const clang::FunctionDecl *R : FD->redecls())
    for (const auto *A : R->specific_attrs<clang::AnnotateAttr>()) {
      llvm::StringRef Text = A->getAnnotation();
      if (A->isInherited() || Templates.count({A->getLocation(), Text}) ||
          !Text.consume_front(AnnotationPrefix))
        continue;
      if (Text == CustomWord) {
        Diags.error(A->getLocation(), "ADGEN_CUSTOM on a template specialization is not "
                                      "supported yet; write a non-template derivative");
        continue;
      }
      auto [ModeName, SpecText] = Text.split(':');
      std::optional<Mode> M = modeNamed(ModeName);
      if (!M) {
        Diags.error(A->getLocation(), "unknown adgen mode '" + ModeName + "'");
        continue;
      }
      Own.insert(*M);
      instance(FD, T, *M, SpecText, A->getLocation(), FD->getLocation(), R);
    }
  for (const clang::FunctionDecl *R : T->getTemplatedDecl()->redecls())
    for (const auto *A : R->specific_attrs<clang::AnnotateAttr>()) {
      llvm::StringRef Text = A->getAnnotation();
      if (A->isInherited() || !Text.consume_front(AnnotationPrefix) || Text == CustomWord)
        continue;
      auto [ModeName, SpecText] = Text.split(':');
      std::optional<Mode> M = modeNamed(ModeName);
      // The spec names the template's parameters (the specialization may
      // rename them).
      if (M && !Own.count(*M) && patternOK(T, R, *M, SpecText, A->getLocation()))
        instance(FD, T, *M, SpecText, A->getLocation(), FD->getLocation(), R);
    }
}

void Finder::unusedTemplates() {
  unusedClassTemplateMembers();
  Result.MarkedTemplates = Marked.size() + MarkedMembers.size();
  for (const MarkedTemplate &MT : Marked)
    if (!Used.count({MT.T, MT.M}))
      Diags.warning(MT.Loc, "nothing is generated for '" + MT.Name + "': it is a function "
                            "template, and adgen differentiates the instantiations the "
                            "input uses, but this input uses none (call it, or instantiate "
                            "it explicitly)");
}

std::string Finder::nameOf(const clang::FunctionDecl *FD) const {
  return FD->getNameAsString() + templateArgs(FD, Ctx);
}

void Finder::instance(clang::FunctionDecl *FD, const clang::FunctionTemplateDecl *T, Mode M,
                      llvm::StringRef SpecText, clang::SourceLocation Loc,
                      clang::SourceLocation UsedAt, const clang::FunctionDecl *Named) {
  Used.insert({T->getCanonicalDecl(), M});
  // A pack stands for several parameters: the names are the instance's.
  if (Named->getNumParams() != FD->getNumParams())
    Named = FD;
  std::string Saved = Context;
  Context += "in '" + nameOf(FD) + "': ";
  unsigned Before = Diags.errorCount();
  request(FD, M, SpecText, Loc, Named);
  Context = Saved;
  if (Diags.errorCount() != Before && UsedAt.isValid())
    Diags.note(UsedAt, "'" + nameOf(FD) + "' is " +
                           (FD->getTemplateSpecializationKind() ==
                                    clang::TSK_ExplicitSpecialization
                                ? "specialized"
                                : "used") +
                           " here");
}

bool Finder::patternOK(const clang::FunctionTemplateDecl *T, const clang::FunctionDecl *Pattern,
                       Mode M, llvm::StringRef SpecText, clang::SourceLocation AttrLoc) {
  auto Key = std::make_tuple(T->getCanonicalDecl(), M, SpecText.str());
  auto It = PatternChecked.find(Key);
  if (It != PatternChecked.end())
    return It->second;
  bool OK = checkPatternNames(Pattern, SpecText, AttrLoc);
  PatternChecked[Key] = OK;
  return OK;
}

bool Finder::checkPatternNames(const clang::FunctionDecl *Pattern, llvm::StringRef SpecText,
                               clang::SourceLocation AttrLoc) {
  bool OK = true;
  auto Parsed = parseSpec(SpecText);
  if (!Parsed) {
    llvm::handleAllErrors(Parsed.takeError(), [&](const SpecError &E) {
      err(specLoc(AttrLoc, E.offset()), "invalid adgen spec: " + E.message());
    });
    OK = false;
  } else {
    std::vector<std::string> ParamNames;
    for (const clang::ParmVarDecl *PD : Pattern->parameters())
      ParamNames.push_back(PD->getNameAsString());
    auto isParam = [&](llvm::StringRef Name) {
      for (const clang::ParmVarDecl *PD : Pattern->parameters())
        if (PD->getName() == Name)
          return true;
      return false;
    };
    for (const auto *List : {&Parsed->Inputs, &Parsed->Outputs})
      if (*List)
        for (const SpecItem &It : **List) {
          if (It.K == SpecItem::Kind::Param && !isParam(It.Name)) {
            err(specLoc(AttrLoc, It.Offset), "'" + It.Name + "' is not a parameter of '" +
                                                  Pattern->getNameAsString() + "'" +
                                                  paramHint(It.Name, ParamNames));
            OK = false;
          }
          if (It.Length)
            for (const std::string &Name : It.Length->Names)
              if (!isParam(Name)) {
                err(specLoc(AttrLoc, It.Length->Offset),
                    "length of '" + It.Name + "' uses '" + Name +
                        "', which is not a parameter of '" + Pattern->getNameAsString() +
                        "'" + paramHint(Name, ParamNames));
                OK = false;
              }
        }
  }
  return OK;
}
