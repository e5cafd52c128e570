//===- tool/adgen-opt.cpp - Runs graph passes on graph text ----------------===//
//
//   adgen-opt INPUT --pass=PASS[,PASS...] [--function=NAME] [--inputs=a,b]
//             [--outputs=return,y]                       (docs/adgen-opt.md)
//
// Reads graphs in the text of `adgen --emit=graph` (Graph/GraphParser.h),
// runs passes on each function, and prints the result: the graph again, or
// what an analysis found. Like LLVM's opt and mlir-opt, it exists so that a
// pass can be tested on a small input, graph in and graph (or report) out,
// without Clang: it links the IR, Analysis and Transforms libraries only.
//
//===----------------------------------------------------------------------===//

#include "Analysis/Activity.h"
#include "Graph/Graph.h"
#include "Graph/GraphParser.h"
#include "Transforms/Differentiator.h"
#include "Transforms/LowerExits.h"
#include "Transforms/ReuseValues.h"
#include "Transforms/ShareCalls.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

using namespace adgen;
using namespace adgen::graph;

static const char Usage[] =
    "usage: adgen-opt INPUT --pass=PASS[,PASS...] [--function=NAME]\n"
    "                 [--inputs=NAMES] [--outputs=NAMES]\n"
    "\n"
    "Reads graphs printed by `adgen --emit=graph` from INPUT ('-': standard\n"
    "input), runs the passes on each function in order, and prints the result.\n"
    "\n"
    "passes that rewrite the graph (the graph is printed after the last):\n"
    "  print          nothing: parse and print again\n"
    "  lower-exits    break, continue and early returns become flags (LowerExits.h)\n"
    "  reuse-values   sqrt, exp, tanh, ... in active statements get a local each\n"
    "                 (ReuseValues.h)\n"
    "  share-calls    a call repeated with unchanged operands is made once (ShareCalls.h)\n"
    "passes that print what they found instead (last in the list):\n"
    "  activity       which variables are varied, useful, active (Activity.h)\n"
    "  plan           the storage plan of the pullback, as --emit=plan (StoragePlan.h)\n"
    "\n"
    "options:\n"
    "  --pass=P,Q,...    the passes, run in order\n"
    "  --function=NAME   only the function NAME (default: all)\n"
    "  --inputs=a,b      active inputs, as in an ADGEN_REVERSE spec (default: the\n"
    "                    floating-point parameters)\n"
    "  --outputs=return,y  active outputs (default: the floating-point result, or\n"
    "                    the writable floating-point parameters of a void function)\n"
    "  -h, --help        show this help\n";

namespace {

/// Errors of the transforms: the graph text has only line numbers.
class StderrSink : public ErrorSink {
public:
  void error(Loc Where, const std::string &Message) override {
    llvm::errs() << "adgen-opt: error: line " << Where.Line << ": " << Message << "\n";
    ++Errors;
  }
  void note(Loc Where, const std::string &Message) override {
    llvm::errs() << "adgen-opt: note: line " << Where.Line << ": " << Message << "\n";
  }
  unsigned Errors = 0;
};

struct Options {
  std::string Input;
  std::vector<std::string> Passes;
  std::string Function;
  std::optional<std::vector<std::string>> Inputs, Outputs;
};

std::vector<std::string> splitNames(llvm::StringRef S) {
  llvm::SmallVector<llvm::StringRef> Parts;
  S.split(Parts, ',', -1, false);
  std::vector<std::string> Out;
  for (llvm::StringRef P : Parts)
    Out.push_back(P.trim().str());
  return Out;
}

/// The activity pattern of \p F: the spec's lists, or the defaults of a
/// marker without a spec (RequestFinder.cpp). Empty on an unknown name.
std::optional<ActivityPattern> patternOf(const Function &F, const Options &O) {
  ActivityPattern P;
  size_t N = F.Params.size();
  P.Inputs.assign(N, false);
  P.Outputs.assign(N, false);
  auto index = [&](const std::string &Name) -> int {
    for (size_t I = 0; I < N; ++I)
      if (F.Params[I]->Name == Name)
        return int(I);
    llvm::errs() << "adgen-opt: error: '" << Name << "' is not a parameter of '" << F.Name
                 << "'\n";
    return -1;
  };
  for (size_t I = 0; I < N; ++I)
    P.Inputs[I] = !O.Inputs && F.Params[I]->Ty.isFloating();
  for (const std::string &Name : O.Inputs.value_or(std::vector<std::string>{})) {
    int I = index(Name);
    if (I < 0)
      return std::nullopt;
    P.Inputs[I] = true;
  }
  if (!O.Outputs) {
    P.Return = !F.ReturnsVoid && F.ReturnType.isFloating();
    for (size_t I = 0; I < N && F.ReturnsVoid; ++I)
      P.Outputs[I] = F.Params[I]->Ty.isFloating() && F.Params[I]->Ty.isWritable();
    return P;
  }
  for (const std::string &Name : *O.Outputs) {
    if (Name == "return") {
      P.Return = true;
      continue;
    }
    int I = index(Name);
    if (I < 0)
      return std::nullopt;
    P.Outputs[I] = true;
  }
  return P;
}

/// F with break, continue and early returns lowered: a function of the same
/// name whose body declares the result and the flags, then returns the result.
Function *lowerExitsPass(Module &M, Function &F, Var *&Result) {
  Function &G = M.addFunction(F.Name);
  G.NameParent = &F;
  G.Params = F.Params;
  G.ReturnsVoid = F.ReturnsVoid;
  G.ReturnType = F.ReturnType;
  G.Where = F.Where;
  G.Decl = F.Decl;
  LoweredBody L = lowerExits(M, F, G);
  Result = L.Result;
  if (L.Result)
    G.Body.push_back(M.decl(L.Result));
  for (Var *Flag : L.Flags)
    G.Body.push_back(M.decl(Flag, M.boolConst(false)));
  G.Body.insert(G.Body.end(), L.Body.begin(), L.Body.end());
  if (L.Result)
    G.Body.push_back(M.ret(M.ref(L.Result)));
  return &G;
}

/// The variables of \p F a reader cares about, in order: parameters, then
/// locals as declared, then the globals the body reads.
std::vector<Var *> variablesOf(const Function &F) {
  std::vector<Var *> Vars(F.Params.begin(), F.Params.end());
  auto add = [&](Var *V) {
    if (V && !llvm::is_contained(Vars, V))
      Vars.push_back(V);
  };
  forEachStmt(F.Body, [&](Stmt *S) {
    if (S->K == StmtKind::Decl)
      add(S->V);
  });
  forEachStmt(F.Body, [&](Stmt *S) {
    for (const Expr *E : {S->Value, S->Target})
      forEachExpr(E, [&](const Expr *N) {
        if (N->V && N->V->Kind == VarKind::Global)
          add(N->V);
      });
  });
  return Vars;
}

void printActivity(const Function &F, const ActivityPattern &P, llvm::raw_ostream &OS) {
  Activity A = analyseActivity(F, P);
  std::vector<std::string> In, Out;
  for (size_t I = 0; I < F.Params.size(); ++I) {
    if (P.Inputs[I])
      In.push_back(F.Params[I]->Name);
    if (P.Outputs[I])
      Out.push_back(F.Params[I]->Name);
  }
  if (P.Return)
    Out.push_back("return");
  OS << "activity " << F.Name << " (inputs: " << llvm::join(In, ", ")
     << "; outputs: " << llvm::join(Out, ", ") << ")\n";
  for (Var *V : variablesOf(F)) {
    Var *R = rootOf(V);
    bool Varied = A.Varied.count(R), Useful = A.Useful.count(R);
    OS << "  " << V->Name << ": "
       << (Varied && Useful ? "active"
           : Varied         ? "varied, not useful"
           : Useful         ? "useful, not varied"
                            : "inactive");
    if (R != V)
      OS << " (into " << R->Name << ")";
    OS << "\n";
  }
  OS << "end activity\n\n";
}

/// Runs the passes of \p O on \p F; prints the graph or the report.
bool runPasses(Module &M, Function &F, const Options &O, StderrSink &Errors) {
  std::optional<ActivityPattern> P = patternOf(F, O);
  if (!P)
    return false;
  Function *Cur = &F;
  Var *Result = nullptr;
  for (const std::string &Pass : O.Passes) {
    if (Pass == "print")
      continue;
    if (Pass == "lower-exits") {
      Cur = lowerExitsPass(M, *Cur, Result);
    } else if (Pass == "reuse-values") {
      Activity A = analyseActivity(*Cur, *P);
      llvm::DenseSet<Var *> Locals =
          splitReusableValues(M, *Cur, Cur->Body, A, P->Return ? Result : nullptr);
      std::vector<std::string> Names;
      for (Var *V : Locals)
        Names.push_back(V->Name);
      llvm::sort(Names);
      if (!Names.empty()) // what the backward sweep would read instead of calling
        Cur->Body.insert(Cur->Body.begin(), M.comment("reused: " + llvm::join(Names, ", ")));
    } else if (Pass == "share-calls") {
      shareRepeatedCalls(M, *Cur);
    } else if (Pass == "activity") {
      printActivity(*Cur, *P, llvm::outs());
      return true;
    } else if (Pass == "plan") {
      Differentiator D(M, Errors);
      return printReversePlan(D, *Cur, *P, Cur->Name + "_pullback", llvm::outs()) &&
             !Errors.Errors;
    }
  }
  printGraph(*Cur, llvm::outs());
  return !Errors.Errors;
}

bool parseArgs(int argc, char **argv, Options &O) {
  static const char *const Known[] = {"print",    "lower-exits", "reuse-values",
                                      "share-calls", "activity", "plan"};
  for (int I = 1; I < argc; ++I) {
    llvm::StringRef A = argv[I];
    if (A == "-h" || A == "--help") {
      llvm::outs() << Usage;
      std::exit(0);
    }
    if (A.consume_front("--pass="))
      O.Passes = splitNames(A);
    else if (A.consume_front("--function="))
      O.Function = A.str();
    else if (A.consume_front("--inputs="))
      O.Inputs = splitNames(A);
    else if (A.consume_front("--outputs="))
      O.Outputs = splitNames(A);
    else if ((A == "-" || !A.starts_with("-")) && O.Input.empty())
      O.Input = A.str();
    else {
      llvm::errs() << "adgen-opt: error: unknown argument '" << A << "'\n";
      return false;
    }
  }
  if (O.Input.empty()) {
    llvm::errs() << "adgen-opt: error: no input file\n";
    return false;
  }
  if (O.Passes.empty())
    O.Passes = {"print"};
  for (size_t I = 0; I < O.Passes.size(); ++I) {
    const std::string &P = O.Passes[I];
    if (!llvm::is_contained(Known, P)) {
      llvm::errs() << "adgen-opt: error: unknown pass '" << P << "'\n";
      return false;
    }
    if ((P == "activity" || P == "plan") && I + 1 != O.Passes.size()) {
      llvm::errs() << "adgen-opt: error: '" << P << "' prints a report: it must come last\n";
      return false;
    }
  }
  return true;
}

} // namespace

int main(int argc, char **argv) {
  Options O;
  if (!parseArgs(argc, argv, O)) {
    llvm::errs() << "see 'adgen-opt --help' for the options\n";
    return 1;
  }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buf =
      llvm::MemoryBuffer::getFileOrSTDIN(O.Input);
  if (!Buf) {
    llvm::errs() << "adgen-opt: error: cannot read '" << O.Input
                 << "': " << Buf.getError().message() << "\n";
    return 1;
  }
  Module M;
  llvm::Expected<std::unique_ptr<ParsedGraph>> G = parseGraph((*Buf)->getBuffer(), M);
  if (!G) {
    // "line:col: message" as compilers print it: "FILE:line:col: error: message".
    std::string Msg = llvm::toString(G.takeError());
    size_t At = Msg.find(": ");
    llvm::errs() << O.Input << ":" << Msg.substr(0, At) << ": error: " << Msg.substr(At + 2)
                 << "\n";
    return 1;
  }
  StderrSink Errors;
  bool OK = true, Found = O.Function.empty();
  // The parsed functions only: passes add functions to the module.
  std::vector<Function *> Parsed = (*G)->Functions;
  for (Function *F : Parsed) {
    if (!O.Function.empty() && F->Name != O.Function)
      continue;
    Found = true;
    OK &= runPasses(M, *F, O, Errors);
  }
  if (!Found) {
    llvm::errs() << "adgen-opt: error: no function '" << O.Function << "' in " << O.Input << "\n";
    return 1;
  }
  return OK ? 0 : 1;
}
