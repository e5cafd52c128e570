//===- Requests/RequestFinder.cpp - Marked functions and their specs ------===//

#include "Requests/RequestFinder.h"
#include "Requests/StrayMarkers.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "Graph/OperatorNames.h"
#include "Graph/TemplateNames.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

using namespace adgen;

std::string Request::name(llvm::StringRef Suffix) const {
  // A member function S::m gets free functions S_m_fwd, ..., an operator
  // S_plus_fwd, ... (interface.md §4).
  return publicBaseName(Fn) + "_" + Suffix.str();
}

namespace {

/// The candidate closest to \p Name by edit distance, if it is close enough
/// to be a likely misspelling of it; "" otherwise.
std::string closest(llvm::StringRef Name, const std::vector<std::string> &Candidates) {
  unsigned Limit = std::max<unsigned>(1, Name.size() / 3), Best = Limit + 1;
  std::string Found;
  for (const std::string &C : Candidates) {
    if (C.empty() || C == Name)
      continue;
    unsigned D = Name.edit_distance(C, /*AllowReplacements=*/true, Limit);
    if (D < Best && D < std::max(C.size(), Name.size())) {
      Best = D;
      Found = C;
    }
  }
  return Found;
}

/// The end of "'z' is not a parameter of 'f'": a hint for `this` (the
/// object is `self`, interface.md section 4) or the closest parameter name.
/// \p Fields: those of a member function's object, whose derivatives are
/// those of `self`.
std::string paramHint(llvm::StringRef Name, const std::vector<std::string> &Params,
                      const std::vector<std::string> &Fields = {}) {
  bool HasSelf = std::find(Params.begin(), Params.end(), "self") != Params.end();
  if (Name == "this")
    return HasSelf ? "; specs name the object of a member function 'self'" : "";
  if (HasSelf && std::find(Fields.begin(), Fields.end(), Name) != Fields.end())
    return "; '" + Name.str() + "' is a field of the object: name 'self' to make the object "
           "active";
  std::string C = closest(Name, Params);
  return C.empty() ? "" : "; did you mean '" + C + "'?";
}

class Finder : public clang::RecursiveASTVisitor<Finder> {
public:
  Finder(clang::ASTContext &Ctx, Diagnoser &Diags) : Ctx(Ctx), Diags(Diags) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(clang::FunctionDecl *FD) {
    if (FD->getTemplateSpecializationKind() == clang::TSK_ExplicitSpecialization &&
        FD->getPrimaryTemplate()) {
      explicitSpecialization(FD);
      return true;
    }
    for (const auto *A : FD->specific_attrs<clang::AnnotateAttr>()) {
      llvm::StringRef Text = A->getAnnotation();
      if (!Text.consume_front("adgen."))
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

  /// One marker, "forward:x, y" or "custom", written on \p FD.
  void marker(clang::FunctionDecl *FD, llvm::StringRef Text, clang::SourceLocation Loc) {
    bool Template = FD->getDescribedFunctionTemplate() != nullptr;
    bool Instance = FD->isTemplateInstantiation();
    if (Text == "custom") {
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
      Diags.error(Loc, "functions inside class templates are not supported yet");
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
      if (!T) // a member of a class template: reported at the pattern
        return;
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
              A->getAnnotation() == "adgen." + Text.str())
            Pattern = R;
      if (Pattern && patternOK(T, Pattern, *M, SpecText, Loc))
        instance(FD, T, *M, SpecText, Loc, FD->getPointOfInstantiation(), Pattern);
      return;
    }
    request(FD, *M, SpecText, Loc);
  }

  /// An explicit specialization (template <> double f<double>(...)) has the
  /// markers written on it, else its template's (which clang shows as
  /// inherited). Handled once, at its definition.
  void explicitSpecialization(clang::FunctionDecl *FD) {
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
            !Text.consume_front("adgen."))
          continue;
        if (Text == "custom") {
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
        if (A->isInherited() || !Text.consume_front("adgen.") || Text == "custom")
          continue;
        auto [ModeName, SpecText] = Text.split(':');
        std::optional<Mode> M = modeNamed(ModeName);
        // The spec names the template's parameters (the specialization may
        // rename them).
        if (M && !Own.count(*M) && patternOK(T, R, *M, SpecText, A->getLocation()))
          instance(FD, T, *M, SpecText, A->getLocation(), FD->getLocation(), R);
      }
  }

  /// The warnings for marked templates that the input never instantiates.
  void unusedTemplates() {
    Result.MarkedTemplates = Marked.size();
    for (const MarkedTemplate &MT : Marked)
      if (!Used.count({MT.T, MT.M}))
        Diags.warning(MT.Loc, "nothing is generated for '" + MT.Name + "': it is a function "
                              "template, and adgen differentiates the instantiations the "
                              "input uses, but this input uses none (call it, or instantiate "
                              "it explicitly)");
  }

  RequestSet Result;

  /// Errors of a request from the command line have no source location;
  /// they say which option they come from instead.
  std::string Context;

  static std::optional<Mode> modeNamed(llvm::StringRef Name) {
    if (Name == "forward")
      return Mode::Forward;
    if (Name == "reverse")
      return Mode::Reverse;
    if (Name == "jacobian")
      return Mode::Jacobian;
    if (Name == "hessian")
      return Mode::Hessian;
    return std::nullopt;
  }

  /// "f<double>" (an instantiation), "f" (any other function).
  std::string nameOf(const clang::FunctionDecl *FD) const {
    return FD->getNameAsString() + templateArgs(FD, Ctx);
  }

  /// The request for one instantiation or explicit specialization \p FD of
  /// template \p T: its spec's names are those of \p Named (a declaration
  /// of the template, checked by patternOK, or of the specialization); its
  /// types are checked here. Errors say which instantiation, and a note says
  /// where the input uses it (\p UsedAt).
  void instance(clang::FunctionDecl *FD, const clang::FunctionTemplateDecl *T, Mode M,
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

  /// The spec of a marker on template \p T (written on \p Pattern): its
  /// syntax, and that every name it uses is a parameter. Checked (and
  /// reported) once per marker.
  bool patternOK(const clang::FunctionTemplateDecl *T, const clang::FunctionDecl *Pattern,
                 Mode M, llvm::StringRef SpecText, clang::SourceLocation AttrLoc) {
    auto Key = std::make_tuple(T->getCanonicalDecl(), M, SpecText.str());
    auto It = PatternChecked.find(Key);
    if (It != PatternChecked.end())
      return It->second;
    bool OK = checkNames(Pattern, SpecText, AttrLoc);
    PatternChecked[Key] = OK;
    return OK;
  }

private:
  /// What a marked template asks for: its instantiations' derivatives.
  struct MarkedTemplate {
    const clang::FunctionTemplateDecl *T;
    Mode M;
    clang::SourceLocation Loc;
    std::string Name;
    bool operator==(const MarkedTemplate &O) const { return T == O.T && M == O.M && Loc == O.Loc; }
  };
  std::vector<MarkedTemplate> Marked;
  std::set<std::pair<const clang::FunctionTemplateDecl *, Mode>> Used;
  std::map<std::tuple<const clang::FunctionTemplateDecl *, Mode, std::string>, bool> PatternChecked;

  /// The syntax of \p SpecText, and that every name it uses is a parameter
  /// of \p Pattern (a template's declaration: types are not known yet).
  bool checkNames(const clang::FunctionDecl *Pattern, llvm::StringRef SpecText,
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

  void err(clang::SourceLocation L, const llvm::Twine &Message) {
    Diags.error(L, Context + Message);
  }

  clang::SourceLocation specLoc(clang::SourceLocation AttrLoc, size_t Offset) {
    if (AttrLoc.isInvalid())
      return AttrLoc;
    const clang::SourceManager &SM = Ctx.getSourceManager();
    clang::SourceLocation L = SM.getExpansionLoc(AttrLoc);
    bool Invalid = false;
    const char *P = SM.getCharacterData(L, &Invalid);
    if (Invalid)
      return L;
    size_t I = 0;
    while (P[I] && P[I] != '(' && P[I] != '\n')
      ++I;
    if (P[I] != '(')
      return L;
    ++I;
    while (P[I] == ' ' || P[I] == '\t')
      ++I;
    if (P[I] != '"')
      return L;
    ++I;
    if (llvm::StringRef(P + I).starts_with("adgen.")) {
      while (P[I] && P[I] != ':' && P[I] != '"')
        ++I;
      ++I;
    }
    return L.getLocWithOffset(I + Offset);
  }

  static bool floating(const graph::Type &T) { return T.isFloating(); }

public:
  void request(clang::FunctionDecl *FD, Mode M, llvm::StringRef SpecText,
               clang::SourceLocation AttrLoc, const clang::FunctionDecl *Named = nullptr) {
    // Spec names are those of the marked declaration; the derivative is of
    // the definition (parameters match by position).
    clang::SourceLocation Where = Ctx.getSourceManager().getExpansionLoc(AttrLoc);
    const clang::FunctionDecl *ND = Named ? Named : FD;
    auto Parsed = parseSpec(SpecText);
    if (!Parsed) {
      llvm::handleAllErrors(Parsed.takeError(), [&](const SpecError &E) {
        err(specLoc(AttrLoc, E.offset()), "invalid adgen spec: " + E.message());
      });
      return;
    }
    Request R;
    R.Fn = FD->getDefinition() ? FD->getDefinition() : FD;
    R.M = M;
    R.S = *Parsed;
    R.Where = Where;
    // The parameters as the generated functions take them: a member
    // function's object first, named `self`.
    std::vector<std::string> Names;
    std::vector<clang::QualType> QTs;
    const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(FD);
    std::vector<std::string> Fields;
    if (MD && MD->isInstance()) {
      Names.push_back("self");
      for (const clang::FieldDecl *F : MD->getParent()->fields())
        Fields.push_back(F->getNameAsString());
      clang::QualType ST = MD->getThisType()->getPointeeType();
      QTs.push_back(Ctx.getLValueReferenceType(ST));
    }
    for (unsigned I = 0; I < FD->getNumParams(); ++I) {
      // Spec names are those of the declaration carrying the marker.
      Names.push_back(ND->getParamDecl(I)->getNameAsString());
      QTs.push_back(FD->getParamDecl(I)->getType());
    }
    size_t N = Names.size();
    std::vector<graph::Type> Types(N);
    std::vector<bool> Mapped(N);
    for (size_t I = 0; I < N; ++I)
      Mapped[I] = mapType(QTs[I], Ctx, Types[I]);
    bool ReturnsFloat = false;
    {
      graph::Type RT;
      ReturnsFloat = !FD->getReturnType()->isVoidType() &&
                     mapType(FD->getReturnType(), Ctx, RT) && RT.isFloating();
    }
    bool OK = true;
    auto lookup = [&](const SpecItem &It, bool AsOutput) -> int {
      for (size_t I = 0; I < N; ++I)
        if (Names[I] == It.Name) {
          std::string T = QTs[I].getAsString(printingPolicy(Ctx));
          // A type adgen refuses says why (which field, what is wrong with
          // it); "carries no derivative" is for types it supports.
          std::string Why = Mapped[I] ? "" : unsupportedTypeReason(QTs[I], Ctx);
          if (!Why.empty()) {
            err(specLoc(AttrLoc, It.Offset),
                "parameter '" + It.Name + "' has type '" + T + "': " + Why);
            OK = false;
            return -1;
          }
          if (Mapped[I] && Types[I].Rec && !floating(Types[I])) {
            err(specLoc(AttrLoc, It.Offset),
                "parameter '" + It.Name + "' has type '" + T +
                    "', which carries no derivative: no field of '" + Types[I].Rec->Spelling +
                    "' is floating-point");
            OK = false;
            return -1;
          }
          if (!Mapped[I] || !floating(Types[I])) {
            err(specLoc(AttrLoc, It.Offset),
                        "parameter '" + It.Name + "' has type '" + T +
                            "', which carries no derivative; only floating-point "
                            "parameters (and pointers, arrays and references to them) "
                            "can be active");
            OK = false;
            return -1;
          }
          if (AsOutput && !Types[I].isWritable()) {
            err(specLoc(AttrLoc, It.Offset),
                        "output '" + It.Name + "' has type '" + T +
                            "', which the function cannot write; an output must be "
                            "a non-const pointer or reference");
            OK = false;
            return -1;
          }
          return int(I);
        }
      err(specLoc(AttrLoc, It.Offset),
                  "'" + It.Name + "' is not a parameter of '" + FD->getNameAsString() + "'" +
                      paramHint(It.Name, Names, Fields));
      OK = false;
      return -1;
    };
    auto checkLength = [&](const SpecItem &It) {
      if (!It.Length)
        return;
      for (const std::string &Name : It.Length->Names) {
        bool Found = false;
        for (size_t I = 0; I < N; ++I)
          if (Names[I] == Name) {
            Found = true;
            if (!QTs[I]->isIntegerType()) {
              err(specLoc(AttrLoc, It.Length->Offset),
                          "length of '" + It.Name + "' uses '" + Name +
                              "', which is not an integer parameter");
              OK = false;
            }
          }
        if (!Found) {
          err(specLoc(AttrLoc, It.Length->Offset),
                      "length of '" + It.Name + "' uses '" + Name +
                          "', which is not a parameter of '" + FD->getNameAsString() + "'" +
                          paramHint(Name, Names));
          OK = false;
        }
      }
    };

    R.Inputs.assign(N, false);
    R.Outputs.assign(N, false);
    if (R.S.Inputs) {
      for (const SpecItem &It : *R.S.Inputs) {
        checkLength(It);
        int I = lookup(It, false);
        if (I >= 0)
          R.Inputs[I] = true;
      }
    } else {
      for (size_t I = 0; I < N; ++I)
        R.Inputs[I] = Mapped[I] && floating(Types[I]);
    }
    if (R.S.Outputs) {
      for (const SpecItem &It : *R.S.Outputs) {
        checkLength(It);
        if (It.K == SpecItem::Kind::Return) {
          if (FD->getReturnType()->isVoidType()) {
            err(specLoc(AttrLoc, It.Offset),
                        "'return' is an output, but '" + FD->getNameAsString() +
                            "' returns void");
            OK = false;
          } else if (!ReturnsFloat) {
            err(specLoc(AttrLoc, It.Offset),
                        "'return' is an output, but '" + FD->getNameAsString() +
                            "' does not return a floating-point value");
            OK = false;
          }
          R.ReturnIsOutput = true;
          continue;
        }
        int I = lookup(It, true);
        if (I >= 0)
          R.Outputs[I] = true;
      }
    } else if (!FD->getReturnType()->isVoidType()) {
      R.ReturnIsOutput = ReturnsFloat;
    } else {
      for (size_t I = 0; I < N; ++I)
        R.Outputs[I] = Mapped[I] && floating(Types[I]) && Types[I].isWritable();
    }
    // A Jacobian or Hessian has one row/column per array element: every
    // active array needs its length.
    if (M == Mode::Jacobian || M == Mode::Hessian) {
      auto lengthOf = [&](const std::optional<std::vector<SpecItem>> &List,
                          llvm::StringRef Name) -> const SpecItem * {
        if (List)
          for (const SpecItem &It : *List)
            if (It.Name == Name)
              return &It;
        return nullptr;
      };
      for (size_t I = 0; I < N; ++I) {
        if (!(R.Inputs[I] || R.Outputs[I]) || !Mapped[I] || !Types[I].IsPointer)
          continue;
        llvm::StringRef Name = Names[I];
        const SpecItem *In = lengthOf(R.S.Inputs, Name), *Out = lengthOf(R.S.Outputs, Name);
        if ((In && In->Length) || (Out && Out->Length))
          continue;
        const SpecItem *At = In ? In : Out;
        err(At ? specLoc(AttrLoc, At->Offset) : Where,
                    "array '" + Name + "' has no length; " +
                        (M == Mode::Jacobian ? "a Jacobian" : "a Hessian") +
                        " needs it: write '" + Name + "[n]' in the spec, with n an integer "
                        "parameter or literal");
        OK = false;
      }
    }
    if (M == Mode::Hessian && !ReturnsFloat) {
      err(Where, "ADGEN_HESSIAN needs a function that returns a floating-point value");
      OK = false;
    }
    if (OK)
      Result.List.push_back(std::move(R));
  }

private:
  /// Whether \p D has the contract signature of a custom derivative of \p P
  /// (interface.md, section 2): P's parameter types first, then d_ret for a
  /// pullback of a function with a floating-point result, then one
  /// derivative parameter for each parameter that carries derivatives.
  bool isDerivativeOf(const clang::FunctionDecl *D, const clang::FunctionDecl *P, bool Fwd) {
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

  void custom(clang::FunctionDecl *FD, clang::SourceLocation Loc) {
    llvm::StringRef Name = FD->getName();
    bool Fwd = Name.ends_with("_fwd"), Pull = Name.ends_with("_pullback");
    if (!Fwd && !Pull) {
      Diags.error(Loc, "ADGEN_CUSTOM marks a derivative named '<f>_fwd' or '<f>_pullback'; '" +
                           Name + "' is neither");
      return;
    }
    llvm::StringRef Primal = Name.drop_back(Fwd ? 4 : 9);
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

  clang::ASTContext &Ctx;
  Diagnoser &Diags;
};

} // namespace

namespace {
/// The name users write for \p D: qualified, anonymous namespaces left out.
std::string userName(const clang::NamedDecl *D) {
  std::string Name;
  for (const clang::DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = llvm::dyn_cast<clang::NamespaceDecl>(DC)) {
      if (!NS->isAnonymousNamespace())
        Name = NS->getNameAsString() + "::" + Name;
    } else if (const auto *RD = llvm::dyn_cast<clang::RecordDecl>(DC)) {
      Name = RD->getNameAsString() + "::" + Name;
    }
  return Name + D->getNameAsString();
}

/// \p S without blanks: "f<double,3>" matches "f<double, 3>".
std::string unblanked(llvm::StringRef S) {
  std::string Out;
  for (char C : S)
    if (!llvm::isSpace(C))
      Out += C;
  return Out;
}

/// Every function definition and every defined function template, by
/// qualified name; and every instantiation, by name with template arguments.
class Definitions : public clang::RecursiveASTVisitor<Definitions> {
public:
  explicit Definitions(const clang::ASTContext &Ctx) : Ctx(Ctx) {}
  bool VisitFunctionDecl(clang::FunctionDecl *FD) {
    if (!FD->isThisDeclarationADefinition() || FD->isDependentContext() ||
        FD->getPrimaryTemplate())
      return true;
    ByName[userName(FD)].push_back(FD);
    return true;
  }
  bool VisitFunctionTemplateDecl(clang::FunctionTemplateDecl *T) {
    if (!T->getTemplatedDecl()->isThisDeclarationADefinition())
      return true;
    Templates[userName(T)].push_back(T);
    for (clang::FunctionDecl *S : T->specializations())
      if (clang::FunctionDecl *Def = S->getDefinition())
        ByInstance[unblanked(userName(T) + templateArgs(Def, Ctx))] = Def;
    return true;
  }
  std::map<std::string, std::vector<clang::FunctionDecl *>> ByName;
  std::map<std::string, std::vector<clang::FunctionTemplateDecl *>> Templates;
  std::map<std::string, clang::FunctionDecl *> ByInstance;

private:
  const clang::ASTContext &Ctx;
};
} // namespace

namespace {
/// The end of "no function named 'f' is defined in the input": the functions
/// (defined outside system headers) whose qualified name ends in \p Name
/// ("book_value" for "qf::book_value"), else the closest in spelling.
std::string functionHint(const clang::ASTContext &Ctx, const Definitions &Defs,
                         llvm::StringRef Name) {
  if (Name.empty())
    return "";
  const clang::SourceManager &SM = Ctx.getSourceManager();
  std::vector<std::string> Names;
  auto add = [&](const std::string &N, const clang::Decl *D) {
    if (!SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      Names.push_back(N);
  };
  for (const auto &[N, Fns] : Defs.ByName)
    add(N, Fns.front());
  for (const auto &[N, Ts] : Defs.Templates)
    add(N, Ts.front());
  std::vector<std::string> Suffixed;
  for (const std::string &N : Names)
    if (llvm::StringRef(N).ends_with("::" + Name.str()))
      Suffixed.push_back(N);
  auto quoted = [](const std::vector<std::string> &L) {
    std::string Out;
    for (size_t I = 0; I < L.size(); ++I)
      Out += (I ? (I + 1 == L.size() ? "' or '" : "', '") : "'") + L[I];
    return Out + "'";
  };
  if (!Suffixed.empty() && Suffixed.size() <= 3)
    return "; did you mean " + quoted(Suffixed) + "?";
  // Compare like with like: "bok_value" with the last component of each
  // name, "qf::bok_value" with the last two.
  size_t Parts = Name.count("::") + 1;
  std::vector<std::string> Tails;
  for (const std::string &N : Names) {
    llvm::StringRef T = N;
    size_t At = T.size();
    for (size_t P = 0; P < Parts && At != llvm::StringRef::npos; ++P)
      At = At == 0 ? llvm::StringRef::npos : T.substr(0, At).rfind("::");
    Tails.push_back((At == llvm::StringRef::npos ? T : T.substr(At + 2)).str());
  }
  std::string C = closest(Name, Tails);
  if (C.empty())
    return "";
  std::vector<std::string> Matches;
  for (size_t I = 0; I < Names.size(); ++I)
    if (Tails[I] == C)
      Matches.push_back(Names[I]);
  return Matches.size() <= 3 ? "; did you mean " + quoted(Matches) + "?" : "";
}
} // namespace

RequestSet adgen::findRequests(clang::ASTContext &Ctx, Diagnoser &Diags,
                               const std::vector<CommandLineRequest> &Extra) {
  Finder F(Ctx, Diags);
  F.TraverseDecl(Ctx.getTranslationUnitDecl());
  F.unusedTemplates();
  reportStrayMarkers(Ctx, Diags);
  if (Extra.empty())
    return std::move(F.Result);
  Definitions Defs(Ctx);
  Defs.TraverseDecl(Ctx.getTranslationUnitDecl());
  for (const CommandLineRequest &Q : Extra) {
    std::string Where = "in " + Q.Option + " '" + Q.Text + "': ";
    // Every request this one adds says where it came from.
    size_t Before = F.Result.List.size();
    auto Origin = llvm::make_scope_exit([&] {
      for (size_t I = Before; I < F.Result.List.size(); ++I)
        F.Result.List[I].Origin = Q.Option + " '" + Q.Text + "'";
    });
    // "ns::f: spec": the name ends at the first ':' that is not part of '::'.
    llvm::StringRef Text = Q.Text;
    size_t Colon = llvm::StringRef::npos;
    for (size_t I = 0; I < Text.size(); ++I) {
      if (Text[I] != ':')
        continue;
      if (I + 1 < Text.size() && Text[I + 1] == ':') {
        ++I;
        continue;
      }
      Colon = I;
      break;
    }
    llvm::StringRef Name = Text.substr(0, Colon).trim();
    llvm::StringRef Spec = Colon == llvm::StringRef::npos ? "" : Text.substr(Colon + 1);
    Name.consume_front("::");
    auto It = Defs.ByName.find(Name.str());
    auto TIt = Defs.Templates.find(Name.str());
    size_t Count = (It == Defs.ByName.end() ? 0 : It->second.size()) +
                   (TIt == Defs.Templates.end() ? 0 : TIt->second.size());
    F.Context = Where;
    if (Count == 0 && !Name.empty()) {
      // One instantiation, named with its template arguments: "f<double>".
      auto IIt = Defs.ByInstance.find(unblanked(Name));
      if (IIt != Defs.ByInstance.end()) {
        clang::FunctionDecl *S = IIt->second;
        clang::FunctionTemplateDecl *T = S->getPrimaryTemplate();
        const clang::FunctionDecl *Pattern = T->getTemplatedDecl()->getDefinition();
        if (F.patternOK(T, Pattern, Q.M, Spec, clang::SourceLocation()))
          F.instance(S, T, Q.M, Spec, clang::SourceLocation(), whereUsed(S), Pattern);
        F.Context.clear();
        continue;
      }
    }
    F.Context.clear();
    if (Name.empty() || Count == 0) {
      Diags.error(clang::SourceLocation(), Where + "no function named '" + Name +
                                               "' is defined in the input" +
                                               functionHint(Ctx, Defs, Name));
      continue;
    }
    if (Count > 1) {
      Diags.error(clang::SourceLocation(),
                  Where + "'" + Name + "' is overloaded; mark the overload you mean in the "
                  "source instead");
      continue;
    }
    F.Context = Where;
    if (It != Defs.ByName.end()) {
      F.request(It->second.front(), Q.M, Spec, clang::SourceLocation());
    } else {
      // A template: every instantiation the input uses.
      clang::FunctionTemplateDecl *T = TIt->second.front();
      const clang::FunctionDecl *Pattern = T->getTemplatedDecl();
      unsigned N = 0;
      for (clang::FunctionDecl *S : T->specializations())
        if (clang::FunctionDecl *Def = S->getDefinition()) {
          if (N++ == 0 && !F.patternOK(T, Pattern, Q.M, Spec, clang::SourceLocation()))
            break;
          F.instance(Def, T, Q.M, Spec, clang::SourceLocation(), whereUsed(Def), Pattern);
        }
      if (N == 0)
        Diags.error(clang::SourceLocation(),
                    Where + "'" + Name + "' is a function template, and the input uses no "
                    "instantiation of it: there is nothing to differentiate");
    }
    F.Context.clear();
  }
  return std::move(F.Result);
}
