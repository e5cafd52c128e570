//===- Requests/CommandLine.cpp - Requests named on the command line ------===//
//
// --reverse 'ns::f: x, y' names a function instead of marking it: the name is
// looked up among the input's definitions (qualified, or a template's
// instantiation f<double>), and the spec resolved as a marker's would be.
//
//===----------------------------------------------------------------------===//

#include "Graph/TemplateNames.h"
#include "Requests/FinderImpl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"

using namespace adgen;
using namespace adgen::requests;

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

/// "ns::f: spec" as {"ns::f", " spec"}: the name ends at the first ':'
/// that is not part of '::'. The name is trimmed, and a leading "::" dropped.
std::pair<llvm::StringRef, llvm::StringRef> splitRequest(llvm::StringRef Text) {
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
  return {Name, Spec};
}

/// The requests of one template named on the command line: one per
/// instantiation the input uses.
void templateRequests(Finder &F, Diagnoser &Diags, clang::FunctionTemplateDecl *T, Mode M,
                      llvm::StringRef Spec, const std::string &Where, llvm::StringRef Name) {
  const clang::FunctionDecl *Pattern = T->getTemplatedDecl();
  unsigned N = 0;
  for (clang::FunctionDecl *S : T->specializations())
    if (clang::FunctionDecl *Def = S->getDefinition()) {
      if (N++ == 0 && !F.patternOK(T, Pattern, M, Spec, clang::SourceLocation()))
        break;
      F.instance(Def, T, M, Spec, clang::SourceLocation(), whereUsed(Def), Pattern);
    }
  if (N == 0)
    Diags.error(clang::SourceLocation(),
                Where + "'" + Name + "' is a function template, and the input uses no "
                "instantiation of it: there is nothing to differentiate");
}

/// The requests of \p Q: added to F.Result, or errors.
void commandLineRequest(Finder &F, clang::ASTContext &Ctx, Diagnoser &Diags,
                        const Definitions &Defs, const CommandLineRequest &Q) {
  llvm::StringRef Option = modeInfo(Q.M).Option;
  std::string Where = "in " + Option.str() + " '" + Q.Text + "': ";
  // Every request this one adds says where it came from.
  size_t Before = F.Result.List.size();
  auto Origin = llvm::make_scope_exit([&] {
    for (size_t I = Before; I < F.Result.List.size(); ++I)
      F.Result.List[I].Origin = Option.str() + " '" + Q.Text + "'";
  });
  auto [Name, Spec] = splitRequest(Q.Text);
  auto It = Defs.ByName.find(Name.str());
  auto TIt = Defs.Templates.find(Name.str());
  size_t Count = (It == Defs.ByName.end() ? 0 : It->second.size()) +
                 (TIt == Defs.Templates.end() ? 0 : TIt->second.size());
  // Errors of the spec say which option they come from.
  F.Context = Where;
  auto Clear = llvm::make_scope_exit([&] { F.Context.clear(); });
  if (Count == 0 && !Name.empty()) {
    // One instantiation, named with its template arguments: "f<double>".
    auto IIt = Defs.ByInstance.find(unblanked(Name));
    if (IIt != Defs.ByInstance.end()) {
      clang::FunctionDecl *S = IIt->second;
      clang::FunctionTemplateDecl *T = S->getPrimaryTemplate();
      const clang::FunctionDecl *Pattern = T->getTemplatedDecl()->getDefinition();
      if (F.patternOK(T, Pattern, Q.M, Spec, clang::SourceLocation()))
        F.instance(S, T, Q.M, Spec, clang::SourceLocation(), whereUsed(S), Pattern);
      return;
    }
  }
  if (Name.empty() || Count == 0) {
    Diags.error(clang::SourceLocation(), Where + "no function named '" + Name +
                                             "' is defined in the input" +
                                             functionHint(Ctx, Defs, Name));
    return;
  }
  if (Count > 1) {
    Diags.error(clang::SourceLocation(),
                Where + "'" + Name + "' is overloaded; mark the overload you mean in the "
                "source instead");
    return;
  }
  if (It != Defs.ByName.end())
    F.request(It->second.front(), Q.M, Spec, clang::SourceLocation());
  else
    templateRequests(F, Diags, TIt->second.front(), Q.M, Spec, Where, Name);
}

} // namespace

void requests::addCommandLineRequests(Finder &F, clang::ASTContext &Ctx, Diagnoser &Diags,
                                      const std::vector<CommandLineRequest> &Extra) {
  Definitions Defs(Ctx);
  Defs.TraverseDecl(Ctx.getTranslationUnitDecl());
  for (const CommandLineRequest &Q : Extra)
    commandLineRequest(F, Ctx, Diags, Defs, Q);
}
