//===- Driver/Pipeline.cpp - The stages, run on one parsed input ----------===//

#include "Driver/Pipeline.h"
#include "Driver/Banner.h"
#include "Emit/CheckEmitter.h"
#include "Emit/CppEmitter.h"
#include "Emit/DotEmitter.h"
#include "Graph/GraphBuilder.h"
#include "Graph/LambdaVariables.h"
#include "Graph/MemberAccess.h"
#include "Graph/TemplateNames.h"
#include "Requests/RequestChecks.h"
#include "Requests/RequestFinder.h"
#include "Transforms/Differentiator.h"
#include "Transforms/PruneHelpers.h"
#include "Transforms/ReverseTapeParams.h"
#include "Transforms/ShareCalls.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <map>
#include <optional>
#include <set>

using namespace adgen;

namespace {

using Emit = DriverOptions::Emit;

/// The names of \p F's parameters, in order (the object of a method first).
std::vector<std::string> paramNames(const graph::Function &F) {
  std::vector<std::string> Names;
  for (const graph::Var *V : F.Params)
    Names.push_back(V->Name);
  return Names;
}

/// The first generated name of mode \p M for \p R: f_fwd, f_pullback, ...
std::string firstName(const Request &R, Mode M) { return R.name(modeInfo(M).Suffixes[0]); }

/// One run of the stages over one translation unit.
class Pipeline {
public:
  Pipeline(const DriverOptions &O, Products &P, clang::ASTContext &Ctx,
           const std::string &IncludePath)
      : O(O), P(P), Ctx(Ctx), IncludePath(IncludePath), Diags(Ctx), Checks(Ctx, Diags),
        D(M, Diags), TextOS(Text) {}

  void run() {
    Requests = find();
    const clang::SourceManager &SM = Ctx.getSourceManager();
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It)
      P.Dependencies.push_back(It->first.getName().str());
    std::sort(P.Dependencies.begin(), P.Dependencies.end());
    Builder.emplace(Ctx, M, Diags, Requests.Customs);
    for (const Request &R : Requests.List)
      take(R);
    Diags.setContext("");
    if (Diags.errorCount() || D.failed() || Ctx.getDiagnostics().hasErrorOccurred()) {
      P.Failed = true;
      return;
    }
    if (O.What == Emit::Cpp || O.What == Emit::Check)
      emit();
    else
      P.Source = TextOS.str();
  }

private:
  /// The requests of the markers and of the command line.
  RequestSet find() {
    std::vector<CommandLineRequest> Extra;
    for (const auto &[Mode, Text] : O.Requests)
      Extra.push_back({Mode, Text});
    RequestSet Found = findRequests(Ctx, Diags, Extra);
    // Nothing asked for is most likely a mistake (a forgotten marker, the
    // wrong file), but not an error: the output is still written, with no
    // derivatives, so a build that runs adgen on every file keeps working.
    if (Found.List.empty() && !Found.MarkedTemplates && Extra.empty() &&
        !Diags.errorCount() && !Ctx.getDiagnostics().hasErrorOccurred())
      Diags.warning(clang::SourceLocation(),
                    "no function is marked for differentiation in '" + O.Input + "' (" +
                        listModes(&ModeInfo::Macro) + "), and no " +
                        listModes(&ModeInfo::Option) +
                        " option names one; the output has no derivatives");
    return Found;
  }

  /// One request: its function's graph, then what --emit asks for.
  void take(const Request &R) {
    Diags.setContext(R.Origin);
    if (!Checks.firstOfItsMode(R))
      return;
    std::string Args = templateArgs(R.Fn, Ctx);
    graph::Function *F = Builder->build(R.Fn);
    if (!F) {
      if (!Args.empty())
        Diags.note(whereUsed(R.Fn), "in '" + R.Fn->getNameAsString() + Args + "', used here");
      return;
    }
    // An instantiation of a template defined in a header may be defined in
    // every translation unit that uses it; so may its derivatives.
    if (R.Fn->isTemplateInstantiation()) {
      const clang::SourceManager &SM = Ctx.getSourceManager();
      const clang::FunctionDecl *Pattern = R.Fn->getTemplateInstantiationPattern();
      if (Pattern && !SM.isInMainFile(SM.getExpansionLoc(Pattern->getLocation())))
        F->IsInline = true;
    }
    ActivityPattern Pat;
    Pat.Inputs = R.Inputs;
    Pat.Outputs = R.Outputs;
    Pat.Return = R.ReturnIsOutput;
    if (O.What != Emit::Cpp && O.What != Emit::Check)
      inspect(R, *F, Pat, Args);
    else if (Checks.namesFree(R))
      differentiate(R, *F, Pat, Args);
  }

  void inspect(const Request &R, graph::Function &F, const ActivityPattern &Pat,
               const std::string &Args);
  void differentiate(const Request &R, graph::Function &F, const ActivityPattern &Pat,
                     const std::string &Args);
  bool userWritten(const Request &R, graph::Function &F, const std::vector<std::string> &Wanted);
  void published(const Request &R, const std::string &Args,
                 const std::vector<std::string> &Wanted, size_t Before);
  void addCheck(const Request &R, const graph::Function &F, const ActivityPattern &Pat,
                const std::vector<std::string> &Generated, const std::string &Args);
  void emit();

  const DriverOptions &O;
  Products &P;
  clang::ASTContext &Ctx;
  const std::string &IncludePath;
  Diagnoser Diags;
  RequestChecks Checks;
  RequestSet Requests;
  graph::Module M;
  std::optional<GraphBuilder> Builder; ///< once the requests (and customs) are known
  Differentiator D;
  Banner Summary;
  std::vector<CheckTarget> CheckTargets;
  /// Public generated functions by qualified name and parameter types.
  std::map<std::string, const Request *> Published;
  /// --emit=graph, dot or plan: the text, and what it already shows.
  std::string Text;
  llvm::raw_string_ostream TextOS;
  std::set<std::string> Shown;
};

} // namespace

/// --emit=graph, dot or plan: what the pipeline knows of f, once per
/// function (and, for plans, per mode).
void Pipeline::inspect(const Request &R, graph::Function &F, const ActivityPattern &Pat,
                       const std::string &Args) {
  if (O.What == Emit::Graph) {
    if (Shown.insert(F.Name + Args).second)
      graph::printGraph(F, TextOS);
    return;
  }
  if (O.What == Emit::Dot) {
    if (!Shown.insert(F.Name + Args).second)
      return;
    // What reverse mode would store: its storage plan.
    DotOptions DO;
    Activity Act = analyseActivity(F, Pat);
    DO.Act = &Act;
    Differentiator Probe(M, Diags);
    std::string Ignored;
    llvm::raw_string_ostream PlanOS(Ignored);
    printReversePlan(Probe, F, Pat, F.Name + "_" + modeInfo(Mode::Reverse).Suffixes[0].str(),
                     PlanOS, &DO.Taped);
    TextOS << emitDot(F, DO);
    return;
  }
  if (!Shown.insert(F.Name + Args + std::to_string(int(R.M))).second)
    return;
  if (R.M == Mode::Forward) {
    TextOS << "plan " << firstName(R, Mode::Forward)
           << "\n  forward mode: nothing stored\nend plan\n";
    return;
  }
  // f_pullback; f_jacobian (by rows) and f_hessian (forward over reverse)
  // run the same pullback.
  Differentiator Probe(M, Diags);
  printReversePlan(Probe, F, Pat, firstName(R, Mode::Reverse), TextOS);
}

/// The derivatives \p R asks for, from the transforms.
void Pipeline::differentiate(const Request &R, graph::Function &F, const ActivityPattern &Pat,
                             const std::string &Args) {
  std::vector<std::string> Wanted = R.generatedNames();
  std::string Wrt = Banner::wrt(F, Pat);
  std::string Instance = Args.empty() ? classTemplateMemberName(R.Fn, Ctx)
                                      : R.Fn->getNameAsString() + Args;
  size_t Before = D.generated().size();
  bool Matrix = R.M == Mode::Jacobian || R.M == Mode::Hessian;
  bool Done = false;
  if (Matrix) {
    // Inactive struct and container parameters (`const Params &p` that the
    // spec leaves out) are only passed through; active ones must flatten to
    // numbers.
    if (llvm::Error E = Differentiator::checkMatrix(F, Pat, R.M == Mode::Hessian)) {
      Diags.error(R.Where, llvm::toString(std::move(E)));
      return;
    }
    std::vector<std::string> Lengths = R.S.lengths(paramNames(F));
    Done = R.M == Mode::Hessian ? D.hessian(F, Pat, Lengths, Wanted[0])
                                : D.jacobian(F, Pat, Lengths, Wanted[0], O.JacobianMode);
    if (Done)
      Summary.generated(R.M, {Wanted[0]}, Wrt, Instance);
  } else {
    if (userWritten(R, F, Wanted))
      return;
    bool Grad = R.M == Mode::Reverse && !F.ReturnsVoid && F.ReturnType.isFloatScalar();
    Done = R.M == Mode::Forward ? D.forward(F, Pat, Wanted[0])
                                : D.reverse(F, Pat, Wanted[0], Grad ? Wanted[1] : "");
    if (Done)
      Summary.generated(R.M, llvm::ArrayRef(Wanted).take_front(Grad ? 2 : 1), Wrt, Instance);
  }
  published(R, Args, Wanted, Before);
  if (llvm::Error E = D.checkZeroStart(F, Before, R.Fn->getNameAsString()))
    Diags.error(R.Where, llvm::toString(std::move(E)));
  // A Jacobian's or Hessian's check goes with whatever it generated.
  if (O.What == Emit::Check && (Matrix ? D.generated().size() > Before : Done))
    addCheck(R, F, Pat, Wanted, Args);
}

/// A marked function whose requested derivative the user wrote and marked
/// ADGEN_CUSTOM: the user's is used and nothing is generated for it
/// (interface.md, section 2). ADGEN_REVERSE still gets f_grad, which calls
/// the user's f_pullback. True when the request is thus handled.
bool Pipeline::userWritten(const Request &R, graph::Function &F,
                           const std::vector<std::string> &Wanted) {
  auto It = Requests.Customs.find(R.Fn->getCanonicalDecl());
  if (It == Requests.Customs.end())
    return false;
  const clang::FunctionDecl *Custom = R.M == Mode::Forward   ? It->second.Fwd
                                      : R.M == Mode::Reverse ? It->second.Pullback
                                                             : nullptr;
  if (!Custom)
    return false;
  Summary.add(Wanted[0] + " (yours, marked " + CustomMacro.str() + ": not generated)");
  if (R.M != Mode::Reverse || F.ReturnsVoid || !F.ReturnType.isFloatScalar())
    return true;
  auto Adjoints = customAdjoints(Custom, F.Params.size() + 1);
  if (!Adjoints)
    return true; // no f_grad for types adgen cannot print
  D.customGrad(F, graph::qualifiedName(F.Namespaces, Custom->getNameAsString()), *Adjoints,
               Wanted[1]);
  Summary.add(Wanted[1] + " (reverse mode, calls your " + Wanted[0] + ")");
  return true;
}

/// The public functions request \p R generated (D.generated() from
/// \p Before on): two with one name and one parameter list are an error (two
/// instantiations overloads cannot tell apart, template <int N> double
/// g(double)), never code that does not compile.
void Pipeline::published(const Request &R, const std::string &Args,
                         const std::vector<std::string> &Wanted, size_t Before) {
  const std::vector<graph::Function *> &Generated = D.generated();
  for (size_t I = Before; I < Generated.size(); ++I) {
    graph::Function *G = Generated[I];
    if (G->isDetail())
      continue;
    if (std::find(Wanted.begin(), Wanted.end(), G->Name) == Wanted.end())
      continue;
    // Keyed by every namespace, anonymous ones too (unlike qualifiedName):
    // the same name in an anonymous namespace and outside it is no clash.
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
    std::string FirstArgs = templateArgs(First.Fn, First.Fn->getASTContext());
    std::string A = First.Fn->getNameAsString() + FirstArgs;
    std::string B = R.Fn->getNameAsString() + Args;
    bool Templates = !FirstArgs.empty() || !Args.empty();
    Diags.error(R.Where, "the derivatives of '" + A + "' and '" + B + "' would both be '" +
                             G->Name + "(" + Params + ")': " +
                             (Templates ? "C++ cannot overload them, because the parameter "
                                          "types do not determine the template arguments; "
                                          "mark a non-template wrapper for each "
                                          "instantiation instead"
                                        : "a member operator and a free one on the same "
                                          "class share their names (interface.md §4); mark "
                                          "only one of them"));
    if (!FirstArgs.empty())
      Diags.note(whereUsed(First.Fn), "'" + A + "' is used here");
    if (!Args.empty())
      Diags.note(whereUsed(R.Fn), "'" + B + "' is used here");
    return; // once per pair of requests
  }
}

/// Adds (or completes) the check of F for --emit=check: forward and
/// reverse requests with the same activity share one check.
void Pipeline::addCheck(const Request &R, const graph::Function &F, const ActivityPattern &Pat,
                        const std::vector<std::string> &Generated, const std::string &Args) {
  auto qualified = [&](const std::string &Name) {
    return graph::qualifiedName(F.Namespaces, Name);
  };
  CheckTarget *T = nullptr;
  for (CheckTarget &C : CheckTargets)
    if (C.F == &F && C.P == Pat)
      T = &C;
  if (!T) {
    T = &CheckTargets.emplace_back();
    T->F = &F;
    T->Primal = qualified(F.Name + Args);
    if (lambdaVariable(R.Fn)) {
      // a lambda variable: called as itself, `::ns::lambda(x)`
    } else if (const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(R.Fn); MD && MD->isInstance()) {
      T->Primal = "::" + MD->getQualifiedNameAsString() + Args;
      T->Method = MD->getNameAsString() + Args;
      T->MethodAccess = memberAccess(MD, MD->getASTContext());
      T->RvalueThis = MD->getRefQualifier() == clang::RQ_RValue;
    } else if (MD) { // a static member function: S::f
      T->Primal = "::" + MD->getQualifiedNameAsString() + Args;
    }
    T->P = Pat;
    T->Lengths.assign(F.Params.size(), "");
  }
  switch (R.M) {
  case Mode::Forward:
    T->Fwd = qualified(Generated[0]);
    for (const graph::Function *G : D.generated()) // f_fwd_vec, where generated
      if (G->NameParent == &F && G->Name == Generated[0] + "_vec" && !G->isDetail())
        T->FwdVec = qualified(G->Name);
    break;
  case Mode::Reverse:
    T->Pullback = qualified(Generated[0]);
    if (!F.ReturnsVoid && F.ReturnType.isFloatScalar())
      T->Grad = qualified(Generated[1]);
    break;
  case Mode::Jacobian:
    T->Jacobian = qualified(Generated[0]);
    break;
  case Mode::Hessian:
    T->Hessian = qualified(Generated[0]);
    break;
  }
  // A later request's lengths complete (or override) an earlier one's.
  std::vector<std::string> Lengths = R.S.lengths(paramNames(F));
  for (size_t I = 0; I < Lengths.size(); ++I)
    if (!Lengths[I].empty())
      T->Lengths[I] = Lengths[I];
}

/// The generated source (and header) of every derivative.
void Pipeline::emit() {
  EmitOptions E;
  E.Banner = Summary.lines(versionString(), O.Input);
  E.Include = IncludePath;
  E.LineDirectives = O.LineDirectives;
  E.InputPath = IncludePath;
  // Last, for the emitted code only (nothing differentiates it again).
  std::vector<graph::Function *> Emitted = withoutUnusedHelpers(D.generated());
  dropUnusedTapes(D.module(), Emitted);
  for (graph::Function *G : Emitted)
    pairSinCos(D.module(), *G);
  P.Source = emitSource(Emitted, E);
  if (O.What == Emit::Check)
    P.Source += emitCheckMain(CheckTargets);
  if (!O.Header.empty())
    P.Header = emitHeader(D.generated(), E);
}

namespace {

class Consumer : public clang::ASTConsumer {
public:
  Consumer(const DriverOptions &O, Products &P, std::string IncludePath)
      : O(O), P(P), IncludePath(std::move(IncludePath)) {}

  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred()) {
      P.Failed = true;
      return;
    }
    Pipeline(O, P, Ctx, IncludePath).run();
  }

private:
  const DriverOptions &O;
  Products &P;
  std::string IncludePath;
};

} // namespace

std::unique_ptr<clang::ASTConsumer> adgen::makePipeline(const DriverOptions &O, Products &P,
                                                        std::string IncludePath) {
  return std::make_unique<Consumer>(O, P, std::move(IncludePath));
}
