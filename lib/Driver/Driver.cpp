//===- Driver/Driver.cpp - One run of adgen --------------------------------===//

#include "Driver/Driver.h"
#include "Driver/OutputFiles.h"
#include "Emit/CheckEmitter.h"
#include "Emit/CppEmitter.h"
#include "Emit/DotEmitter.h"
#include "Graph/GraphBuilder.h"
#include "Graph/MemberAccess.h"
#include "Graph/TemplateNames.h"
#include "Requests/RequestFinder.h"
#include "Transforms/Differentiator.h"
#include "Transforms/PruneHelpers.h"
#include "Transforms/ReverseTapeParams.h"
#include "Transforms/ShareCalls.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <map>
#include <set>

using namespace adgen;

std::string adgen::versionString() {
  return std::string("adgen ") + ADGEN_VERSION + " (LLVM " LLVM_VERSION_STRING ")";
}

namespace {

/// What one run produces, filled in by the AST consumer.
struct Products {
  std::string Source, Header;
  std::vector<std::string> Dependencies; ///< every file the input read
  bool Failed = false;
};

std::string generatedName(const Request &R, llvm::StringRef Suffix) { return R.name(Suffix); }

class Consumer : public clang::ASTConsumer {
public:
  Consumer(const DriverOptions &O, Products &P) : O(O), P(P) {}

  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred()) {
      P.Failed = true;
      return;
    }
    Diagnoser Diags(Ctx);
    std::vector<CommandLineRequest> Extra;
    for (const auto &[Option, Text] : O.Requests) {
      Mode M = Option == "--forward"    ? Mode::Forward
               : Option == "--reverse"  ? Mode::Reverse
               : Option == "--jacobian" ? Mode::Jacobian
                                        : Mode::Hessian;
      Extra.push_back({M, Option, Text});
    }
    RequestSet Requests = findRequests(Ctx, Diags, Extra);
    // Nothing asked for is most likely a mistake (a forgotten marker, the
    // wrong file), but not an error: the output is still written, with no
    // derivatives, so a build that runs adgen on every file keeps working.
    if (Requests.List.empty() && !Requests.MarkedTemplates && Extra.empty() &&
        !Diags.errorCount() && !Ctx.getDiagnostics().hasErrorOccurred())
      Diags.warning(clang::SourceLocation(),
                    "no function is marked for differentiation in '" + O.Input +
                        "' (ADGEN_FORWARD, ADGEN_REVERSE, ADGEN_JACOBIAN or ADGEN_HESSIAN), "
                        "and no --forward, --reverse, --jacobian or --hessian option names "
                        "one; the output has no derivatives");
    const clang::SourceManager &SM = Ctx.getSourceManager();
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It)
      P.Dependencies.push_back(It->first.getName().str());
    std::sort(P.Dependencies.begin(), P.Dependencies.end());
    graph::Module M;
    GraphBuilder Builder(Ctx, M, Diags, Requests.Customs);
    Differentiator D(M, Diags);
    std::string GraphText;
    llvm::raw_string_ostream GraphOS(GraphText);
    std::set<std::string> Names;
    std::vector<std::string> Summary;

    std::set<std::pair<const clang::FunctionDecl *, Mode>> Marked;
    std::map<std::string, const Request *> Published;
    std::vector<CheckTarget> Checks;
    for (const Request &R : Requests.List) {
      Diags.setContext(R.Origin);
      if (!Marked.insert({R.Fn->getCanonicalDecl(), R.M}).second) {
        static const char *Names[] = {"ADGEN_FORWARD", "ADGEN_REVERSE", "ADGEN_JACOBIAN",
                                      "ADGEN_HESSIAN"};
        static const char *Options[] = {"--forward", "--reverse", "--jacobian", "--hessian"};
        Diags.error(R.Where, "'" + R.Fn->getNameAsString() + "' is marked " +
                                 Names[unsigned(R.M)] +
                                 (R.Origin.empty() ? ""
                                                   : std::string(" or requested with ") +
                                                         Options[unsigned(R.M)]) +
                                 " more than once; list all inputs and outputs in one spec");
        continue;
      }
      std::string Args = templateArgs(R.Fn, Ctx);
      graph::Function *F = Builder.build(R.Fn);
      if (!F) {
        if (!Args.empty())
          Diags.note(whereUsed(R.Fn), "in '" + R.Fn->getNameAsString() + Args + "', used here");
        continue;
      }
      // An instantiation of a template defined in a header may be defined in
      // every translation unit that uses it; so may its derivatives.
      if (R.Fn->isTemplateInstantiation()) {
        const clang::FunctionDecl *Pattern = R.Fn->getTemplateInstantiationPattern();
        if (Pattern && !SM.isInMainFile(SM.getExpansionLoc(Pattern->getLocation())))
          F->IsInline = true;
      }
      if (O.What == DriverOptions::Emit::Graph) {
        if (Names.insert(F->Name + Args).second)
          graph::printGraph(*F, GraphOS);
        continue;
      }
      ActivityPattern Pat;
      Pat.Inputs = R.Inputs;
      Pat.Outputs = R.Outputs;
      Pat.Return = R.ReturnIsOutput;
      if (O.What == DriverOptions::Emit::Dot) {
        if (!Names.insert(F->Name + Args).second)
          continue;
        // What reverse mode would store: its storage plan.
        DotOptions DO;
        Activity Act = analyseActivity(*F, Pat);
        DO.Act = &Act;
        Differentiator Probe(M, Diags);
        std::string Ignored;
        llvm::raw_string_ostream PlanOS(Ignored);
        printReversePlan(Probe, *F, Pat, F->Name + "_pullback", PlanOS, &DO.Taped);
        GraphOS << emitDot(*F, DO);
        continue;
      }
      if (O.What == DriverOptions::Emit::Plan) {
        if (!Names.insert(F->Name + Args + std::to_string(int(R.M))).second)
          continue;
        if (R.M == Mode::Forward) {
          GraphOS << "plan " << generatedName(R, "fwd") << "\n  forward mode: nothing stored\nend plan\n";
          continue;
        }
        // f_pullback; f_jacobian (by rows) and f_hessian (forward over
        // reverse) run the same pullback.
        Differentiator Probe(M, Diags);
        printReversePlan(Probe, *F, Pat, generatedName(R, "pullback"), GraphOS);
        continue;
      }
      std::vector<std::string> Wanted;
      if (R.M == Mode::Forward)
        Wanted = {generatedName(R, "fwd")};
      else if (R.M == Mode::Jacobian)
        Wanted = {generatedName(R, "jacobian")};
      else if (R.M == Mode::Hessian)
        Wanted = {generatedName(R, "hessian")};
      else
        Wanted = {generatedName(R, "pullback"), generatedName(R, "grad")};
      if (!checkNames(Ctx, Diags, R, Wanted, Requests))
        continue;
      // For the banner, after "d/d": " x", "(x1, x2)" or " nothing".
      std::string Wrt;
      unsigned NActive = 0;
      for (size_t I = 0; I < F->Params.size(); ++I)
        if (Pat.isActive(I))
          Wrt += (NActive++ ? ", " : "") + F->Params[I]->Name;
      Wrt = NActive == 0 ? " nothing" : NActive == 1 ? " " + Wrt : "(" + Wrt + ")";
      std::string Of = Args.empty() ? "" : ", of " + R.Fn->getNameAsString() + Args;
      size_t Before = D.generated().size();
      // Inactive struct and container parameters (`const Params &p` that
      // the spec leaves out) are only passed through; active ones must
      // flatten to numbers.
      if (R.M == Mode::Jacobian || R.M == Mode::Hessian)
        if (std::string Why = Differentiator::matrixUnsupported(*F, Pat, R.M == Mode::Hessian);
            !Why.empty()) {
          Diags.error(R.Where, Why);
          continue;
        }
      if (R.M == Mode::Jacobian || R.M == Mode::Hessian) {
        std::vector<std::string> Lengths(F->Params.size());
        for (const auto *List : {&R.S.Inputs, &R.S.Outputs})
          if (*List)
            for (const SpecItem &It : **List)
              if (It.Length)
                for (size_t I = 0; I < F->Params.size(); ++I)
                  if (F->Params[I]->Name == It.Name)
                    Lengths[I] = It.Length->Text;
        JacobianMode JM = O.JacobianMode == "forward"   ? JacobianMode::Forward
                          : O.JacobianMode == "reverse" ? JacobianMode::Reverse
                                                        : JacobianMode::Auto;
        if (R.M == Mode::Hessian) {
          if (D.hessian(*F, Pat, Lengths, Wanted[0]))
            Summary.push_back(Wanted[0] + " (Hessian, d2/d" + Wrt + "^2" + Of + ")");
        } else if (D.jacobian(*F, Pat, Lengths, Wanted[0], JM)) {
          Summary.push_back(Wanted[0] + " (Jacobian, d/d" + Wrt + Of + ")");
        }
        published(Diags, R, Args, Wanted, Before, D.generated(), Published);
        refuseNonZeroStarts(Diags, R, *F, D.generated(), Before);
        if (O.What == DriverOptions::Emit::Check && D.generated().size() > Before)
          addCheck(Checks, R, *F, Pat, Wanted, Args);
        continue;
      }
      if (userWritten(Requests, R, *F, Wanted, D, Summary))
        continue;
      bool Done = false;
      if (R.M == Mode::Forward) {
        if ((Done = D.forward(*F, Pat, Wanted[0])))
          Summary.push_back(Wanted[0] + " (forward mode, d/d" + Wrt + Of + ")");
      } else {
        bool Grad = !F->ReturnsVoid && F->ReturnType.isFloatScalar();
        if ((Done = D.reverse(*F, Pat, Wanted[0], Grad ? Wanted[1] : "")))
          Summary.push_back(Wanted[0] + (Grad ? ", " + Wanted[1] : "") +
                            " (reverse mode, d/d" + Wrt + Of + ")");
      }
      published(Diags, R, Args, Wanted, Before, D.generated(), Published);
      refuseNonZeroStarts(Diags, R, *F, D.generated(), Before);
      if (Done && O.What == DriverOptions::Emit::Check)
        addCheck(Checks, R, *F, Pat, Wanted, Args);
    }
    Diags.setContext("");
    if (Diags.errorCount() || D.failed() || Ctx.getDiagnostics().hasErrorOccurred()) {
      P.Failed = true;
      return;
    }
    if (O.What == DriverOptions::Emit::Graph || O.What == DriverOptions::Emit::Dot ||
        O.What == DriverOptions::Emit::Plan) {
      P.Source = GraphOS.str();
      return;
    }
    EmitOptions E;
    E.Banner = {"Generated by " + versionString() + " from " +
                    llvm::sys::path::filename(O.Input).str() + ". Do not edit: regenerate.",
                Summary.empty() ? "Derivatives: none (nothing is marked or requested)"
                                : "Derivatives:"};
    for (const std::string &S : Summary)
      E.Banner.push_back("  " + S);
    E.Include = IncludePath;
    E.LineDirectives = O.LineDirectives;
    E.InputPath = IncludePath;
    // Last, for the emitted code only (nothing differentiates it again).
    std::vector<graph::Function *> Emitted = withoutUnusedHelpers(D.generated());
    dropUnusedTapes(D.module(), Emitted);
    for (graph::Function *G : Emitted)
      pairSinCos(D.module(), *G);
    P.Source = emitSource(Emitted, E);
    if (O.What == DriverOptions::Emit::Check)
      P.Source += emitCheckMain(Checks);
    if (!O.Header.empty())
      P.Header = emitHeader(D.generated(), E);
  }

  std::string IncludePath;

private:
  /// A class with a constructor or default member initialisers is made zero
  /// one object at a time (adgen::zeroed); a local array or std::vector of
  /// it, in f or in the derivatives request \p R generated, would run its
  /// default constructor per element. Refuse that rather than start
  /// adjoints at the initialisers' values.
  static void refuseNonZeroStarts(Diagnoser &Diags, const Request &R, const graph::Function &F,
                                  const std::vector<graph::Function *> &Generated,
                                  size_t Before) {
    const graph::Record *Bad = graph::valueInitialisedNonZero(F);
    for (size_t I = Before; I < Generated.size() && !Bad; ++I)
      Bad = graph::valueInitialisedNonZero(*Generated[I]);
    if (Bad)
      Diags.error(R.Where, "'" + Bad->Spelling + "' has a constructor or default member "
                           "initialisers, and the derivatives of '" + R.Fn->getNameAsString() +
                           "' would need a local array or std::vector of it starting at "
                           "zero; not supported yet: use a plain struct for the elements, "
                           "or an array of numbers");
  }

  /// Adds (or completes) the check of F for --emit=check: forward and
  /// reverse requests with the same activity share one check.
  static void addCheck(std::vector<CheckTarget> &Checks, const Request &R, const graph::Function &F,
                       const ActivityPattern &Pat, const std::vector<std::string> &Generated,
                       const std::string &Args) {
    std::string Qual = "::";
    for (const std::string &NS : F.Namespaces)
      if (!NS.empty())
        Qual += NS + "::";
    CheckTarget *T = nullptr;
    for (CheckTarget &C : Checks)
      if (C.F == &F && C.P == Pat)
        T = &C;
    if (!T) {
      Checks.emplace_back();
      T = &Checks.back();
      T->F = &F;
      T->Primal = Qual + F.Name + Args;
      if (const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(R.Fn); MD && MD->isInstance()) {
        T->Primal = "::" + MD->getQualifiedNameAsString() + Args;
        T->Method = MD->getNameAsString() + Args;
        T->MethodAccess = memberAccess(MD, MD->getASTContext());
      }
      T->P = Pat;
      T->Lengths.assign(F.Params.size(), "");
    }
    switch (R.M) {
    case Mode::Forward:
      T->Fwd = Qual + Generated[0];
      break;
    case Mode::Reverse:
      T->Pullback = Qual + Generated[0];
      if (!F.ReturnsVoid && F.ReturnType.isFloatScalar())
        T->Grad = Qual + Generated[1];
      break;
    case Mode::Jacobian:
      T->Jacobian = Qual + Generated[0];
      break;
    case Mode::Hessian:
      T->Hessian = Qual + Generated[0];
      break;
    }
    auto lengths = [&](const std::optional<std::vector<SpecItem>> &List) {
      if (!List)
        return;
      for (const SpecItem &It : *List)
        if (It.Length)
          for (size_t I = 0; I < F.Params.size(); ++I)
            if (F.Params[I]->Name == It.Name)
              T->Lengths[I] = It.Length->Text;
    };
    lengths(R.S.Inputs);
    lengths(R.S.Outputs);
  }

  /// The public functions request \p R generated (D.generated() from
  /// \p Before on): an instantiation's say which instantiation they are of;
  /// and two with one name and one parameter list are an error (two
  /// instantiations overloads cannot tell apart, template <int N> double
  /// g(double)), never code that does not compile.
  static void published(Diagnoser &Diags, const Request &R, const std::string &Args,
                        const std::vector<std::string> &Wanted, size_t Before,
                        const std::vector<graph::Function *> &Generated,
                        std::map<std::string, const Request *> &Published) {
    std::string Of = R.Fn->getNameAsString();
    for (size_t I = Before; I < Generated.size(); ++I) {
      graph::Function *G = Generated[I];
      if (!G->Namespaces.empty() && G->Namespaces.back() == "adgen_detail")
        continue;
      if (!Args.empty()) {
        size_t At = std::string::npos;
        for (const char *After : {",", ":", ".", " "})
          At = std::min(At, G->Doc.find(" of " + Of + After));
        if (At != std::string::npos)
          G->Doc.insert(At + 4 + Of.size(), Args);
      }
      if (std::find(Wanted.begin(), Wanted.end(), G->Name) == Wanted.end())
        continue;
      std::string Key, Params;
      for (const std::string &NS : G->Namespaces)
        Key += NS + "::";
      Key += G->Name + "(";
      for (size_t P = 0; P < G->Params.size(); ++P)
        Params += (P ? ", " : "") + G->Params[P]->Ty.str();
      Key += Params + ")";
      auto [It, New] = Published.insert({Key, &R});
      if (New || It->second->Fn == R.Fn)
        continue;
      const Request &First = *It->second;
      std::string A = First.Fn->getNameAsString() + templateArgs(First.Fn, First.Fn->getASTContext());
      std::string B = R.Fn->getNameAsString() + Args;
      bool Templates = !templateArgs(First.Fn, First.Fn->getASTContext()).empty() ||
                       !Args.empty();
      Diags.error(R.Where, "the derivatives of '" + A + "' and '" + B + "' would both be '" +
                               G->Name + "(" + Params + ")': " +
                               (Templates ? "C++ cannot overload them, because the parameter "
                                            "types do not determine the template arguments; "
                                            "mark a non-template wrapper for each "
                                            "instantiation instead"
                                          : "a member operator and a free one on the same "
                                            "class share their names (interface.md §4); mark "
                                            "only one of them"));
      if (!templateArgs(First.Fn, First.Fn->getASTContext()).empty())
        Diags.note(whereUsed(First.Fn), "'" + A + "' is used here");
      if (!Args.empty())
        Diags.note(whereUsed(R.Fn), "'" + B + "' is used here");
      return; // once per pair of requests
    }
  }

  /// A marked function whose requested derivative the user wrote and marked
  /// ADGEN_CUSTOM: the user's is used and nothing is generated for it
  /// (interface.md, section 2). ADGEN_REVERSE still gets f_grad, which calls
  /// the user's f_pullback. True when the request is thus handled.
  static bool userWritten(const RequestSet &Requests, const Request &R, graph::Function &F,
                          const std::vector<std::string> &Wanted, Differentiator &D,
                          std::vector<std::string> &Summary) {
    auto It = Requests.Customs.find(R.Fn->getCanonicalDecl());
    if (It == Requests.Customs.end())
      return false;
    const clang::FunctionDecl *Custom = R.M == Mode::Forward   ? It->second.Fwd
                                        : R.M == Mode::Reverse ? It->second.Pullback
                                                               : nullptr;
    if (!Custom)
      return false;
    Summary.push_back(Wanted[0] + " (yours, marked ADGEN_CUSTOM: not generated)");
    if (R.M != Mode::Reverse || F.ReturnsVoid || !F.ReturnType.isFloatScalar())
      return true;
    std::vector<std::pair<std::string, graph::Type>> Adjoints;
    for (unsigned I = F.Params.size() + 1; I < Custom->getNumParams(); ++I) {
      const clang::ParmVarDecl *PD = Custom->getParamDecl(I);
      graph::Type T;
      if (!mapType(PD->getType(), Custom->getASTContext(), T))
        return true; // no f_grad for types adgen cannot print
      std::string Name = PD->getName().str();
      Adjoints.push_back({Name.empty() ? "d_" + std::to_string(I) : Name, T});
    }
    std::string Qual = "::";
    for (const std::string &NS : F.Namespaces)
      if (!NS.empty())
        Qual += NS + "::";
    D.customGrad(F, Qual + Custom->getNameAsString(), Adjoints, Wanted[1]);
    Summary.push_back(Wanted[1] + " (reverse mode, calls your " + Wanted[0] + ")");
    return true;
  }

  /// A user function with a name adgen would generate is an error, unless
  /// it is the user's own derivative (ADGEN_CUSTOM).
  bool checkNames(clang::ASTContext &Ctx, Diagnoser &Diags, const Request &R,
                  const std::vector<std::string> &Names, const RequestSet &Requests) {
    bool OK = true;
    for (const std::string &N : Names) {
      auto Found = R.Fn->getDeclContext()->getRedeclContext()->lookup(&Ctx.Idents.get(N));
      for (clang::NamedDecl *ND : Found) {
        const auto *FD = llvm::dyn_cast<clang::FunctionDecl>(ND);
        if (!FD)
          continue;
        bool Custom = false;
        for (const auto *A : FD->specific_attrs<clang::AnnotateAttr>())
          Custom |= A->getAnnotation() == "adgen.custom";
        if (Custom)
          continue;
        Diags.error(FD->getLocation(), "'" + N + "' is the name adgen generates for a derivative "
                                       "of '" + R.Fn->getNameAsString() +
                                       "'; rename this function or mark it ADGEN_CUSTOM");
        if (R.Where.isValid()) // else the note naming the command-line request says it
          Diags.note(R.Where, "derivative of '" + R.Fn->getNameAsString() + "' requested here");
        OK = false;
      }
    }
    return OK;
  }

  const DriverOptions &O;
  Products &P;
};

class Action : public clang::ASTFrontendAction {
public:
  Action(const DriverOptions &O, Products &P, std::string Include)
      : O(O), P(P), Include(std::move(Include)) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &,
                                                        llvm::StringRef) override {
    auto C = std::make_unique<Consumer>(O, P);
    C->IncludePath = Include;
    return C;
  }

private:
  const DriverOptions &O;
  Products &P;
  std::string Include;
};

class ActionFactory : public clang::tooling::FrontendActionFactory {
public:
  ActionFactory(const DriverOptions &O, Products &P, std::string Include)
      : O(O), P(P), Include(std::move(Include)) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<Action>(O, P, Include);
  }

private:
  const DriverOptions &O;
  Products &P;
  std::string Include;
};

/// Prints diagnostics as clang does, and remembers whether any was an error
/// (including errors about the compiler arguments themselves).
class CountingPrinter : public clang::TextDiagnosticPrinter {
public:
  CountingPrinter() : TextDiagnosticPrinter(llvm::errs(), new clang::DiagnosticOptions()) {}
  void HandleDiagnostic(clang::DiagnosticsEngine::Level L, const clang::Diagnostic &D) override {
    if (L >= clang::DiagnosticsEngine::Error)
      ++Errors;
    TextDiagnosticPrinter::HandleDiagnostic(L, D);
  }
  unsigned Errors = 0;
};

std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> S(Path);
  llvm::sys::fs::make_absolute(S);
  llvm::sys::path::remove_dots(S, /*remove_dot_dot=*/true);
  return std::string(S.str());
}

/// \p Target relative to directory \p From, with forward slashes.
std::string relativePath(const std::string &Target, const std::string &From) {
  llvm::SmallVector<llvm::StringRef> T, F;
  llvm::StringRef(Target).split(T, '/', -1, false);
  llvm::StringRef(From).split(F, '/', -1, false);
  size_t Common = 0;
  while (Common < T.size() && Common < F.size() && T[Common] == F[Common])
    ++Common;
  std::string Out;
  for (size_t I = Common; I < F.size(); ++I)
    Out += "../";
  for (size_t I = Common; I < T.size(); ++I)
    Out += T[I].str() + (I + 1 < T.size() ? "/" : "");
  return Out;
}

/// Where the marking macros live: next to an installed binary
/// (bin/../include), else the source tree adgen was built from.
std::string includeDir(const std::string &Argv0) {
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0.c_str(), (void *)&includeDir);
  llvm::SmallString<256> Inst(llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(Inst, "include", "adgen", "adgen.h");
  if (llvm::sys::fs::exists(Inst))
    return std::string(llvm::sys::path::parent_path(llvm::sys::path::parent_path(Inst)));
  return ADGEN_SOURCE_INCLUDE_DIR;
}

std::string resourceDir() {
  if (llvm::sys::fs::exists(ADGEN_CLANG_RESOURCE_DIR))
    return ADGEN_CLANG_RESOURCE_DIR;
  return "/usr/lib/llvm-" CLANG_VERSION_MAJOR_STRING "/lib/clang/" CLANG_VERSION_MAJOR_STRING;
}

} // namespace

int adgen::runDriver(const DriverOptions &O) {
  if (!llvm::sys::fs::exists(O.Input)) {
    llvm::errs() << "adgen: error: no such file: '" << O.Input << "'\n";
    return 1;
  }
  std::string Input = absolute(O.Input);
  if (!O.Output.empty() && O.Output != "-" && absolute(O.Output) == Input) {
    llvm::errs() << "adgen: error: the output '" << O.Output
                 << "' is the input; write the derivatives to another file\n";
    return 1;
  }
  if (!O.Header.empty() && (O.What == DriverOptions::Emit::Graph ||
                             O.What == DriverOptions::Emit::Plan)) {
    llvm::errs() << "adgen: error: --header declares generated functions; it cannot be "
                    "combined with --emit="
                 << (O.What == DriverOptions::Emit::Graph ? "graph" : "plan") << "\n";
    return 1;
  }

  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  if (!O.BuildDir.empty()) {
    // Say what is missing in our words; LLVM's message lists every kind of
    // database it tried.
    llvm::SmallString<256> JSON(O.BuildDir), Flags(O.BuildDir);
    llvm::sys::path::append(JSON, "compile_commands.json");
    llvm::sys::path::append(Flags, "compile_flags.txt");
    if (!llvm::sys::fs::is_directory(O.BuildDir)) {
      llvm::errs() << "adgen: error: -p '" << O.BuildDir << "': "
                   << (llvm::sys::fs::exists(O.BuildDir) ? "not a directory" : "no such directory")
                   << "; -p takes the build directory that holds compile_commands.json\n";
      return 1;
    }
    if (!llvm::sys::fs::exists(JSON) && !llvm::sys::fs::exists(Flags)) {
      llvm::errs() << "adgen: error: -p '" << O.BuildDir
                   << "': no compile_commands.json there (configure CMake with "
                      "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)\n";
      return 1;
    }
    std::string Err;
    DB = clang::tooling::CompilationDatabase::loadFromDirectory(O.BuildDir, Err);
    if (!DB) {
      // "json-compilation-database: <why>\n...": keep the reason for the file that is there.
      llvm::SmallVector<llvm::StringRef> Lines;
      llvm::StringRef(Err).split(Lines, '\n', -1, false);
      std::string Why;
      for (llvm::StringRef L : Lines)
        if (L.consume_front(llvm::sys::fs::exists(JSON) ? "json-compilation-database: "
                                                        : "fixed-compilation-database: "))
          Why = L.trim().str();
      llvm::errs() << "adgen: error: cannot read the compilation database in '" << O.BuildDir
                   << "'" << (Why.empty() ? "" : ": " + Why) << "\n";
      return 1;
    }
    if (DB->getCompileCommands(Input).empty() && !O.CompilerArgs) {
      llvm::errs() << "adgen: error: '" << O.Input << "' is not in the compilation database in '"
                   << O.BuildDir << "'\n";
      return 1;
    }
  }
  if (!DB || O.CompilerArgs) {
    std::vector<std::string> Args =
        O.CompilerArgs ? *O.CompilerArgs : std::vector<std::string>{"-std=c++17"};
    DB = std::make_unique<clang::tooling::FixedCompilationDatabase>(".", Args);
  }

  std::string IncludeFrom = O.Output.empty()
                                ? absolute(".")
                                : std::string(llvm::sys::path::parent_path(absolute(O.Output)));
  Products P;
  clang::tooling::ClangTool Tool(*DB, {Input});
  Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      {"-D__ADGEN__", "-I" + includeDir(O.Argv0), "-resource-dir=" + resourceDir(),
       "-Wno-unused-command-line-argument", "-fopenmp"},
      clang::tooling::ArgumentInsertPosition::END));
  Tool.appendArgumentsAdjuster(clang::tooling::getClangSyntaxOnlyAdjuster());
  Tool.setPrintErrorMessage(false); // the diagnostics already said it
  CountingPrinter Printer;
  Tool.setDiagnosticConsumer(&Printer);
  ActionFactory Factory(O, P, relativePath(Input, IncludeFrom));
  int Status = Tool.run(&Factory);
  if (Status || P.Failed || Printer.Errors)
    return 1;
  // Every file or none (on any error, no OUTPUT file is created or changed);
  // standard output only once the files are in place.
  bool ToStdout = O.Output.empty() || O.Output == "-";
  OutputFiles Out;
  if (!ToStdout)
    Out.add(O.Output, P.Source);
  if (!O.Header.empty())
    Out.add(O.Header, P.Header);
  if (!O.Depfile.empty()) {
    // OUTPUT: INPUT and every file it includes (spaces escaped for make).
    auto escape = [](llvm::StringRef F) {
      std::string E;
      for (char C : F) {
        if (C == ' ' || C == '#')
          E += '\\';
        if (C == '$')
          E += '$';
        E += C;
      }
      return E;
    };
    std::string Rule = escape(O.Output.empty() ? "-" : O.Output) + ":";
    Rule += " " + escape(Input);
    for (const std::string &D : P.Dependencies)
      if (absolute(D) != Input)
        Rule += " \\\n  " + escape(absolute(D));
    Rule += "\n";
    Out.add(O.Depfile, Rule);
  }
  if (!Out.commit())
    return 1;
  if (ToStdout)
    llvm::outs() << P.Source;
  return 0;
}
