//===- Transforms/Differentiator.cpp - Plans and runs the transforms ------===//

#include "Transforms/Differentiator.h"
#include "Transforms/ShareCalls.h"
#include "Analysis/GlobalEffects.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <algorithm>

using namespace adgen;
using namespace adgen::graph;

Function &adgen::newGenerated(Module &M, const Function &F, std::string Name, bool Helper) {
  Function &G = M.addFunction(std::move(Name));
  G.NameParent = &F;
  G.IsGenerated = true;
  G.Namespaces = F.Namespaces;
  if (Helper) {
    // Helpers of a function in an anonymous namespace still go to the named
    // enclosing namespace's adgen_detail: one such namespace per scope.
    G.Namespaces.erase(std::remove(G.Namespaces.begin(), G.Namespaces.end(), ""),
                       G.Namespaces.end());
    G.Namespaces.push_back(DetailNamespace.str());
  }
  G.IsStatic = F.IsStatic || Helper;
  G.IsInline = F.IsInline && !G.IsStatic; // one definition across translation units
  G.Where = F.Where;
  G.Decl = F.Decl;
  return G;
}


/// The first call in \p F to a function that writes \p G (itself or through
/// its callees), or null.
static const Stmt *callWriting(const Function &F, const GlobalEffects &E, Var *G) {
  const Stmt *Found = nullptr;
  forEachStmt(F.Body, [&](Stmt *S) {
    if (!Found && S->K == StmtKind::Call && S->Fn->Body && E.of(*S->Fn->Body).Writes.count(G))
      Found = S;
  });
  return Found;
}

/// A floating global that carries derivatives would be treated as a
/// constant (its derivative silently zero): refuse it. The global is active
/// when f, or any function f calls, transitively, writes it from active
/// values and f or a callee then reads it (Activity treats a call as
/// reading and writing its callees' globals). A write in a callee is
/// reported at the call, naming the callee that assigns the global.
static bool checkActiveGlobals(const Function &F, const Activity &A, ErrorSink &Errors) {
  // Globals in the order the function first uses them, so messages are stable.
  std::vector<Var *> Globals;
  llvm::SmallPtrSet<Var *, 8> Seen;
  auto note = [&](Var *V) {
    if (V && V->Kind == VarKind::Global && V->Ty.isFloating() && Seen.insert(V).second)
      Globals.push_back(V);
  };
  GlobalEffects E = globalEffects(F);
  forEachStmt(F.Body, [&](Stmt *S) {
    auto exprs = [&](const Expr *X) { forEachExpr(X, [&](const Expr *N) { note(N->V); }); };
    exprs(S->Target);
    exprs(S->Value);
    for (const Expr *Arg : S->Args)
      exprs(Arg);
    if (S->K == StmtKind::Call && S->Fn->Body)
      for (Var *V : E.of(*S->Fn->Body).Writes)
        note(V);
  });
  bool OK = true;
  for (Var *V : Globals) {
    if (!A.isActive(V))
      continue;
    OK = false;
    const Stmt *Call = callWriting(F, E, V);
    if (!Call) {
      Errors.error(V->Where, "global variable '" + V->Name + "' carries derivatives inside '" +
                                 F.Name + "'; pass it as a parameter instead");
      continue;
    }
    const Function &Callee = *Call->Fn->Body;
    const Function *Writer = E.writer(Callee, V);
    std::string Who = "'" + Callee.Name + "' writes it";
    if (Writer && Writer != &Callee)
      Who += " (in '" + Writer->Name + "')";
    Errors.error(Call->Where, "global variable '" + V->Name + "' carries derivatives inside '" +
                                  F.Name + "': " + Who + ", called here; pass it as a "
                                  "parameter instead");
  }
  return OK;
}

/// A parameter f writes that carries derivatives but is not active would
/// silently lose them: refuse, and say how to fix it.
bool Differentiator::checkInactiveWrites(Function &F, const ActivityPattern &P) {
  Activity A = analyseActivity(F, P);
  bool OK = true;
  for (size_t I = 0; I < F.Params.size(); ++I) {
    Var *V = F.Params[I];
    bool Writable = V->Ty.isWritable();
    if (P.isActive(I) || !Writable || !V->Ty.isFloating() || !A.isActive(V))
      continue;
    Errors.error(V->Where, "parameter '" + V->Name +
                               "' is written with values that depend on the active inputs "
                               "and flow into the result, but it is not active; add '" +
                               V->Name + "' to the spec (e.g. as an output) so its "
                               "derivative is tracked");
    OK = false;
  }
  return checkActiveGlobals(F, A, Errors) && OK;
}

bool Differentiator::forward(Function &F, const ActivityPattern &P, const std::string &Name) {
  if (!checkInactiveWrites(F, P))
    return false;
  Function *G = forwardTransform(*this, F, P, Name);
  if (!G) {
    Failed = true;
    return false;
  }
  shareRepeatedCalls(M, *G);
  std::string In;
  for (size_t I = 0; I < F.Params.size(); ++I)
    if (P.isActive(I))
      In += (In.empty() ? "" : ", ") + F.Params[I]->Name;
  G->Doc = "Forward mode (tangents) of " + F.shownName() +
           (F.Where.Line ? ", line " + std::to_string(F.Where.Line) : "") + ".\nWith respect to: " +
           (In.empty() ? "nothing" : In) +
           ". Each d_ parameter carries the tangent of its parameter" +
           (F.ReturnType.isFloating() && !F.ReturnsVoid ? "; the result's tangent is returned." : ".");
  Generated.push_back(G);
  // Several directions in one sweep, where its layout is defined
  // (VectorForwardGates.cpp); else f_fwd's comment says why not.
  if (Function *V = vectorForwardTransform(*this, F, P, Name + "_vec")) {
    V->Doc = "Forward mode of " + F.shownName() + " with k tangent directions in one sweep.\n"
             "Each d_ parameter holds k directions per element (element-major: d_p[i * k + j]); "
             "d_ret receives the result's k tangents.";
    Generated.push_back(V);
  } else if (std::string Why = vectorForwardUnsupported(F, false); !Why.empty()) {
    G->Doc += "\nNo " + Name + "_vec (k directions in one sweep): " + Why + ".";
  }
  drain();
  return !Failed;
}

bool Differentiator::reverse(Function &F, const ActivityPattern &P,
                             const std::string &PullbackName, const std::string &GradName) {
  if (!checkInactiveWrites(F, P))
    return false;
  Function *G = reverseTransform(*this, F, P, PullbackName, ReverseShape::Joint,
                                 /*UseCheckpoints=*/true, /*Public=*/true);
  if (!G) {
    Failed = true;
    return false;
  }
  Generated.push_back(G);
  if (!GradName.empty() && !F.ReturnsVoid && F.ReturnType.isFloatScalar()) {
    // f_grad = f_pullback with d_ret = 1.
    Function &Grad = newGenerated(M, F, GradName, false);
    Grad.Doc = "Gradient of " + F.shownName() + ": " + PullbackName + " with d_ret = 1.";
    Grad.ReturnsVoid = false;
    Grad.ReturnType = F.ReturnType;
    std::vector<const Expr *> Args;
    for (size_t I = 0; I < G->Params.size(); ++I) {
      if (I == F.Params.size()) { // d_ret
        Args.push_back(M.floatConst(1, F.ReturnType));
        continue;
      }
      Grad.Params.push_back(G->Params[I]);
      Args.push_back(M.ref(G->Params[I]));
    }
    Grad.Body.push_back(M.ret(M.call(G->qualifiedName(), Args, F.ReturnType)));
    Generated.push_back(&Grad);
  }
  drain();
  return !Failed;
}

void Differentiator::customGrad(Function &F, const std::string &Pullback,
                                const std::vector<std::pair<std::string, Type>> &Adjoints,
                                const std::string &GradName) {
  Function &Grad = newGenerated(M, F, GradName, false);
  Grad.Doc = "Gradient of " + F.Name + ": your " + Pullback.substr(2) +
             " (ADGEN_CUSTOM) with d_ret = 1.";
  Grad.ReturnsVoid = false;
  Grad.ReturnType = F.ReturnType;
  std::vector<const Expr *> Args;
  for (Var *V : F.Params) {
    Grad.Params.push_back(V);
    Args.push_back(M.ref(V));
  }
  Args.push_back(M.floatConst(1, F.ReturnType));
  for (const auto &[Name, Ty] : Adjoints) {
    Var *V = Grad.addVar(Name, Ty, VarKind::Param);
    Grad.Params.push_back(V);
    Args.push_back(M.ref(V));
  }
  Grad.Body.push_back(M.ret(M.call(Pullback, Args, F.ReturnType)));
  Generated.push_back(&Grad);
}

static std::string helperName(const Callee &C, const char *Suffix, const ActivityPattern &P) {
  std::string N = C.BaseName + "_" + Suffix;
  bool All = true;
  for (size_t I = 0; I < C.ParamTypes.size(); ++I)
    if (C.ParamTypes[I].isFloating() && !P.isActive(I))
      All = false;
  if (!All && C.Body)
    N += "_wrt_" + (P.key(*C.Body).empty() ? std::string("none") : P.key(*C.Body));
  return N;
}

/// Where the helpers of \p C live (see newGenerated).
static Function helperProbe(const Callee &C) {
  Function Probe;
  for (const std::string &NS : C.Body->Namespaces)
    if (!NS.empty())
      Probe.Namespaces.push_back(NS);
  // A helper of a helper (second derivatives) lives beside it.
  if (!Probe.isDetail())
    Probe.Namespaces.push_back(DetailNamespace.str());
  return Probe;
}

std::string Differentiator::forwardHelper(Callee &C, const ActivityPattern &P) {
  auto Key = std::make_tuple(C.Body, false, P.key(*C.Body) + (P.Return ? "+r" : ""));
  auto It = Helpers.find(Key);
  if (It != Helpers.end())
    return It->second.first->Qualified;
  Function Probe = helperProbe(C);
  Probe.Name = helperName(C, "fwd", P);
  HelperSlot *Slot = M.addHelperSlot(Probe.qualifiedName());
  Helpers[Key] = {Slot, nullptr};
  Queue.push_back({&C, false, P, Probe.Name, "", false, Slot});
  return Slot->Qualified;
}

std::string Differentiator::vectorForwardHelper(Callee &C, const ActivityPattern &P,
                                                bool Request) {
  Function Probe = helperProbe(C);
  Probe.Name = helperName(C, "fwd_vec", P);
  std::string Q = Probe.qualifiedName();
  if (!Request)
    return Q;
  auto Key = std::make_tuple(C.Body, false, P.key(*C.Body) + (P.Return ? "+r" : "") + "/vec");
  if (Helpers.count(Key))
    return Q;
  HelperSlot *Slot = M.addHelperSlot(Q);
  Helpers[Key] = {Slot, nullptr};
  Queue.push_back({&C, false, P, Probe.Name, "", /*Vector=*/true, Slot});
  return Q;
}

/// The qualified name of a helper of \p C for \p P, with \p Suffix.
static std::string qualifiedHelper(const Callee &C, const char *Kind, const ActivityPattern &P,
                                   const std::string &Suffix) {
  Function Probe = helperProbe(C);
  Probe.Name = helperName(C, Kind, P) + Suffix;
  return Probe.qualifiedName();
}

std::pair<HelperSlot *, HelperSlot *> Differentiator::reverseHelpers(Callee &C,
                                                                     const ActivityPattern &P) {
  std::string Left; // which outputs the helpers leave unrestored
  for (size_t I = 0; I < P.Unrestored.size(); ++I)
    Left += P.Unrestored[I] ? '1' : '0';
  auto Key = std::make_tuple(C.Body, true, P.key(*C.Body) + (P.Return ? "+r" : "") + "/" + Left);
  auto It = Helpers.find(Key);
  if (It != Helpers.end())
    return It->second;
  // The first pattern of a callee's activity gets the plain names; another
  // that differs only in what it restores gets a number.
  std::string Suffix;
  for (unsigned N = 2;; ++N) {
    bool Taken = false;
    for (auto &H : Helpers)
      Taken |= std::get<0>(H.first) == C.Body && std::get<1>(H.first) &&
               H.second.first->Qualified == qualifiedHelper(C, "record", P, Suffix);
    if (!Taken)
      break;
    Suffix = "_" + std::to_string(N);
  }
  Function Probe = helperProbe(C);
  Probe.Name = helperName(C, "record", P) + Suffix;
  HelperSlot *Record = M.addHelperSlot(Probe.qualifiedName());
  std::string RecordName = Probe.Name;
  Probe.Name = helperName(C, "reverse", P) + Suffix;
  HelperSlot *Replay = M.addHelperSlot(Probe.qualifiedName());
  Helpers[Key] = {Record, Replay};
  Queue.push_back({&C, true, P, RecordName, Probe.Name, false, Record, Replay});
  return Helpers[Key];
}

void Differentiator::drain() {
  while (!Queue.empty()) {
    Job J = Queue.back();
    Queue.pop_back();
    Function &F = *J.C->Body;
    if (J.Vector) {
      unsigned Before = Errors.Count;
      Function *G = vectorForwardTransform(*this, F, J.P, J.Name, /*Internal=*/true);
      if (!G) { // its caller checked that it can be generated
        if (Errors.Count == Before)
          Errors.error(F.Where, "internal error: no vector forward mode of '" + F.Name + "'");
        Failed = true;
        continue;
      }
      G->Namespaces = helperProbe(*J.C).Namespaces;
      G->IsStatic = true;
      G->Doc = "Forward mode of " + F.Name + " with k tangent directions (helper).";
      J.Slot->Fn = G;
      Generated.push_back(G);
      continue;
    }
    if (!J.Reverse) {
      Function *G = forwardTransform(*this, F, J.P, J.Name);
      if (!G) {
        Failed = true;
        continue;
      }
      shareRepeatedCalls(M, *G);
      G->Namespaces = helperProbe(*J.C).Namespaces;
      G->IsStatic = true;
      G->Doc = "Forward mode of " + F.Name + " (helper).";
      J.Slot->Fn = G;
      Generated.push_back(G);
      continue;
    }
    Function *R = reverseTransform(*this, F, J.P, J.Name, ReverseShape::Record);
    Function *B = reverseTransform(*this, F, J.P, J.Name2, ReverseShape::Replay);
    if (!R || !B) {
      Failed = true;
      continue;
    }
    R->Doc += "\nRuns " + F.Name + " and records what " + J.Name2 + " needs.";
    B->Doc += "\nAdjoints, and undoes what " + J.Name + " wrote.";
    J.Slot->Fn = R;
    J.Slot2->Fn = B;
    Generated.push_back(R);
    Generated.push_back(B);
  }
}

/// Why the derivatives since \p Before cannot start from zero, or "".
std::string Differentiator::zeroStartUnsupported(const Function &F, size_t Before,
                                                 llvm::StringRef Of) const {
  const Record *Bad = valueInitialisedNonZero(F);
  for (size_t I = Before; I < Generated.size() && !Bad; ++I)
    Bad = valueInitialisedNonZero(*Generated[I]);
  if (!Bad)
    return "";
  return "'" + Bad->Spelling + "' has a constructor or default member initialisers, and the "
         "derivatives of '" + Of.str() + "' would need a local array or std::vector of it "
         "starting at zero; not supported yet: use a plain struct for the elements, or an "
         "array of numbers";
}

llvm::Error Differentiator::checkZeroStart(const Function &F, size_t Before,
                                           llvm::StringRef Of) const {
  std::string Why = zeroStartUnsupported(F, Before, Of);
  if (Why.empty())
    return llvm::Error::success();
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
}
