//===- Requests/RequestFinder.cpp - Marked functions and their specs ------===//

#include "Requests/RequestFinder.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include <map>

using namespace adgen;

std::string Request::name(llvm::StringRef Suffix) const {
  // A member function S::m gets free functions S_m_fwd, ... (interface.md §4).
  if (const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(Fn))
    return (MD->getParent()->getName() + "_" + Fn->getName() + "_" + Suffix).str();
  return (Fn->getName() + "_" + Suffix).str();
}

namespace {

class Finder : public clang::RecursiveASTVisitor<Finder> {
public:
  Finder(clang::ASTContext &Ctx, Diagnoser &Diags) : Ctx(Ctx), Diags(Diags) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(clang::FunctionDecl *FD) {
    for (const auto *A : FD->specific_attrs<clang::AnnotateAttr>()) {
      llvm::StringRef Text = A->getAnnotation();
      if (!Text.consume_front("adgen."))
        continue;
      // Each marker once: where it is written, not where a redeclaration
      // inherits it.
      if (A->isInherited())
        continue;
      if (FD->getTemplatedKind() != clang::FunctionDecl::TK_NonTemplate ||
          FD->isDependentContext()) {
        if (!FD->isTemplateInstantiation())
          Diags.error(A->getLocation(), "function templates are not supported yet; "
                                        "mark a non-template wrapper that calls the "
                                        "instantiation you need");
        continue;
      }
      if (Text == "custom") {
        custom(FD, A->getLocation());
        continue;
      }
      auto [ModeName, SpecText] = Text.split(':');
      Mode M;
      if (ModeName == "forward")
        M = Mode::Forward;
      else if (ModeName == "reverse")
        M = Mode::Reverse;
      else if (ModeName == "jacobian")
        M = Mode::Jacobian;
      else if (ModeName == "hessian")
        M = Mode::Hessian;
      else {
        Diags.error(A->getLocation(), "unknown adgen mode '" + ModeName + "'");
        continue;
      }
      request(FD, M, SpecText, A->getLocation());
    }
    return true;
  }

  RequestSet Result;

private:
  /// Where byte \p Offset of the spec string is in the source: the macro
  /// argument's string literal when it is written in the file.
public:
  /// Errors of a request from the command line have no source location;
  /// they say which option they come from instead.
  std::string Context;

private:
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
               clang::SourceLocation AttrLoc) {
    // Spec names are those of the marked declaration; the derivative is of
    // the definition (parameters match by position).
    clang::SourceLocation Where = Ctx.getSourceManager().getExpansionLoc(AttrLoc);
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
    if (MD && MD->isInstance()) {
      Names.push_back("self");
      clang::QualType ST = MD->getThisType()->getPointeeType();
      QTs.push_back(Ctx.getLValueReferenceType(ST));
    }
    for (const clang::ParmVarDecl *PD : FD->parameters()) {
      Names.push_back(PD->getNameAsString());
      QTs.push_back(PD->getType());
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
                  "'" + It.Name + "' is not a parameter of '" + FD->getNameAsString() + "'");
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
                          "', which is not a parameter of '" + FD->getNameAsString() + "'");
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
  void custom(clang::FunctionDecl *FD, clang::SourceLocation Loc) {
    llvm::StringRef Name = FD->getName();
    bool Fwd = Name.ends_with("_fwd"), Pull = Name.ends_with("_pullback");
    if (!Fwd && !Pull) {
      Diags.error(Loc, "ADGEN_CUSTOM marks a derivative named '<f>_fwd' or '<f>_pullback'; '" +
                           Name + "' is neither");
      return;
    }
    llvm::StringRef Primal = Name.drop_back(Fwd ? 4 : 9);
    const clang::FunctionDecl *Found = nullptr;
    auto Lookup = FD->getDeclContext()->lookup(&Ctx.Idents.get(Primal));
    for (clang::NamedDecl *ND : Lookup)
      if (auto *P = llvm::dyn_cast<clang::FunctionDecl>(ND))
        if (P->getNumParams() <= FD->getNumParams())
          Found = P;
    if (!Found) {
      Diags.error(Loc, "ADGEN_CUSTOM derivative '" + Name + "' has no function '" + Primal +
                           "' to go with it");
      return;
    }
    CustomDerivative &C = Result.Customs[Found->getCanonicalDecl()];
    (Fwd ? C.Fwd : C.Pullback) = FD;
  }

  clang::ASTContext &Ctx;
  Diagnoser &Diags;
};

} // namespace

namespace {
/// Every function definition, by qualified name (anonymous namespaces left
/// out, as users write the name).
class Definitions : public clang::RecursiveASTVisitor<Definitions> {
public:
  bool VisitFunctionDecl(clang::FunctionDecl *FD) {
    if (!FD->isThisDeclarationADefinition() || FD->isDependentContext())
      return true;
    std::string Name;
    for (const clang::DeclContext *DC = FD->getDeclContext(); DC; DC = DC->getParent())
      if (const auto *NS = llvm::dyn_cast<clang::NamespaceDecl>(DC)) {
        if (!NS->isAnonymousNamespace())
          Name = NS->getNameAsString() + "::" + Name;
      } else if (const auto *RD = llvm::dyn_cast<clang::RecordDecl>(DC)) {
        Name = RD->getNameAsString() + "::" + Name;
      }
    ByName[Name + FD->getNameAsString()].push_back(FD);
    return true;
  }
  std::map<std::string, std::vector<clang::FunctionDecl *>> ByName;
};
} // namespace

RequestSet adgen::findRequests(clang::ASTContext &Ctx, Diagnoser &Diags,
                               const std::vector<CommandLineRequest> &Extra) {
  Finder F(Ctx, Diags);
  F.TraverseDecl(Ctx.getTranslationUnitDecl());
  if (Extra.empty())
    return std::move(F.Result);
  Definitions Defs;
  Defs.TraverseDecl(Ctx.getTranslationUnitDecl());
  for (const CommandLineRequest &Q : Extra) {
    std::string Where = "in " + Q.Option + " '" + Q.Text + "': ";
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
    if (Name.empty() || It == Defs.ByName.end()) {
      Diags.error(clang::SourceLocation(),
                  Where + "no function named '" + Name + "' is defined in the input");
      continue;
    }
    if (It->second.size() > 1) {
      Diags.error(clang::SourceLocation(),
                  Where + "'" + Name + "' is overloaded; mark the overload you mean in the "
                  "source instead");
      continue;
    }
    F.Context = Where;
    F.request(It->second.front(), Q.M, Spec, clang::SourceLocation());
    F.Context.clear();
  }
  return std::move(F.Result);
}
