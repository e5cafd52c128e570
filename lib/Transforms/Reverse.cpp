//===- Transforms/Reverse.cpp - Adjoint (reverse) mode ---------------------===//
//
// Two sweeps over the lowered body (LowerExits.h):
//
//  forward sweep   the function itself, plus pushes onto the tape of what the
//                  backward sweep will need: the old value of a variable it
//                  reads before the statement overwrites it, the branch an
//                  `if` took, the trip count of a loop;
//  backward sweep  the statements in reverse order; each first restores what
//                  it overwrote (so every value reads as it did when the
//                  statement ran), then moves its target's adjoint to its
//                  operands: for v = f(u), d_u += df/du * d_v, and d_v = 0.
//
// Only variables that the backward sweep reads are ever stored ("needed");
// that set is found by generating the backward sweep until it is stable.
// Integer updates by a constant (i++, i += 2) are undone by inverting them,
// so loop counters cost no tape.
//
//===----------------------------------------------------------------------===//
#include "Transforms/ReverseImpl.h"

using namespace adgen;
using namespace adgen::graph;
using namespace adgen::reverse_impl;

//===----------------------------------------------------------------------===//
// Assembly
//===----------------------------------------------------------------------===//

/// How the tape comment names a stored place: `s`, `s.q[]`, `ps[].x`.
static std::string placeName(const Expr *E) {
  if (E->K == Op::Load)
    return placeName(E->Ops[0]) +
           (E->Ops[1]->K == Op::FieldName ? "." + E->Ops[1]->Text : std::string("[]"));
  if ((E->K == Op::VarRef || E->K == Op::Deref) && E->V)
    return E->V->Name;
  if (E->K == Op::PtrAdd)
    return placeName(E->Ops[0]);
  return "?";
}

/// What a reviewer wants to know first: with respect to what, which
/// outputs, and what goes on the tape and why.
void Reverse::describe(const Block &Fwd, const Block &Handed) {
  std::vector<std::string> In, Out;
  for (size_t I = 0; I < F.Params.size(); ++I) {
    if (P.Inputs[I])
      In.push_back(F.Params[I]->Name);
    if (P.Outputs[I])
      Out.push_back(F.Params[I]->Name);
  }
  if (P.Return)
    Out.insert(Out.begin(), "the return value");
  auto list = [](const std::vector<std::string> &L) {
    std::string S;
    for (size_t I = 0; I < L.size(); ++I)
      S += (I ? ", " : "") + L[I];
    return S.empty() ? std::string("none") : S;
  };
  // Read off the pushes themselves, so the comment cannot drift from the code.
  std::vector<std::string> Values, Kept;
  unsigned Branches = 0, Loops = 0;
  auto pushed = [&](Stmt *S, std::vector<std::string> &Names) {
    if (S->K != StmtKind::Push)
      return;
    const Expr *V = S->Value;
    if (V->K == Op::Const)
      ++Branches;
    else if (V->K == Op::VarRef && V->V->Synthetic && V->V->Name.rfind("iterations", 0) == 0)
      ++Loops;
    else if (Var *R = rootOf(V)) {
      std::string N = V->K == Op::Load ? placeName(V) : V->V ? V->V->Name : R->Name;
      if (std::find(Names.begin(), Names.end(), N) == Names.end())
        Names.push_back(N);
    }
  };
  std::vector<std::string> Helpers;
  forEachStmt(Fwd, [&](Stmt *S) {
    pushed(S, Values);
    // A separate backward sweep (Replay) leaves the helpers' pushes to
    // their own backward sweeps.
    if (S->K == StmtKind::Call && RecordCalls.count(S->Fn) && Shape != ReverseShape::Replay) {
      llvm::StringRef N(S->Fn->Name);
      std::string Short = N.substr(N.rfind(':') == llvm::StringRef::npos ? 0 : N.rfind(':') + 1).str();
      if (std::find(Helpers.begin(), Helpers.end(), Short) == Helpers.end())
        Helpers.push_back(Short);
    }
  });
  forEachStmt(Handed, [&](Stmt *S) { pushed(S, Kept); });
  std::vector<std::string> Recomp;
  for (const Stmt *D : Plan.Recomputed)
    if (Plan.Needed.count(D->V))
      Recomp.push_back(D->V->Name);
  std::sort(Recomp.begin(), Recomp.end());
  std::string Doc = (Shape == ReverseShape::Joint ? "Reverse mode (adjoints) of "
                     : Shape == ReverseShape::Record ? "Forward sweep (helper) of "
                                                     : "Backward sweep (helper) of ") +
                    (Of.empty() ? F.Name : Of) +
                    (F.Where.Line ? ", line " + std::to_string(F.Where.Line) : "") +
                    ".\nInputs: " + list(In) + ". Outputs: " + list(Out) + ".";
  if (Shape == ReverseShape::Joint)
    Doc += std::string("\nAdjoints of inputs accumulate (+=)") +
           (!F.ReturnsVoid && F.ReturnType.isFloating() ? "; d_ret seeds the return value."
                                                        : ".");
  if (!Values.empty() || !Kept.empty() || !Helpers.empty() || Branches || Loops) {
    Doc += Shape == ReverseShape::Replay
               ? "\nTape: reads back what the forward sweep (helper) pushed: "
               : "\nTape: ";
    std::vector<std::string> Parts;
    if (!Values.empty())
      Parts.push_back("old values of " + list(Values) +
                      " (overwritten, then read by the backward sweep)");
    if (!Kept.empty())
      Parts.push_back("the values of " + list(Kept) + " (read by the backward sweep)");
    if (!Helpers.empty())
      Parts.push_back("what the forward sweeps of the functions it calls push (" +
                      list(Helpers) + ")");
    if (Branches)
      Parts.push_back("the branch taken by " + std::to_string(Branches / 2) + " if" +
                      (Branches / 2 == 1 ? "" : "s"));
    if (Loops)
      Parts.push_back("the trip count of " + std::to_string(Loops) + " loop" +
                      (Loops == 1 ? "" : "s"));
    for (size_t I = 0; I < Parts.size(); ++I)
      Doc += (I ? "; " : "") + Parts[I];
    Doc += ".";
  } else {
    Doc += "\nTape: nothing.";
  }
  if (!Recomp.empty())
    Doc += "\nRecomputed in the backward sweep instead of stored: " + list(Recomp) + ".";
  for (Stmt *S : L.Body)
    if (Plan.Checkpointed.count(S)) {
      std::vector<std::string> State;
      for (Var *V : Plan.Checkpointed[S].State)
        State.push_back(V->Name);
      Doc += "\nCheckpointed loop, line " + std::to_string(S->Where.Line) +
             ": snapshots of " + list(State) +
             "; each step is taped and reversed in the backward sweep.";
    }
  G.Doc = Doc;
}

/// Lowers f and sets up what every part below uses: the variables f
/// assigns, the adjoint variables, d_ret, the tape and the redo log.
void Reverse::prepare() {
  L = lowerExits(M, F, G);
  Reused = splitReusableValues(M, G, L.Body, A, P.Return ? L.Result : nullptr);
  TrigTwins = trigTwins(L.Body);
  G.Params = F.Params;
  forEachStmt(L.Body, [&](Stmt *S) {
    if (S->K == StmtKind::Assign || (S->K == StmtKind::Call && S->Target))
      if (Var *R = rootOf(S->Target))
        Assigned.insert(R);
    if (S->K == StmtKind::Resize) {
      Assigned.insert(S->V);
      Resized.insert(S->V);
    }
    // A callee writes what it gets through a reference or pointer to non-const.
    if (S->K == StmtKind::Call)
      for (size_t I = 0; I < S->Args.size() && I < S->Fn->ParamTypes.size(); ++I)
        if (S->Fn->ParamTypes[I].isWritable())
          if (Var *R = rootOf(S->Args[I]))
            Assigned.insert(R);
  });

  makeAdjoints(AdjDecls);
  if (Shape != ReverseShape::Record && F.ReturnType.isFloating() && !F.ReturnsVoid) {
    DRet = G.addVar(G.freshName("d_" + std::string(Shape == ReverseShape::Joint ? "ret" : "result")),
                    F.ReturnType.element(), VarKind::Param);
    // d_ret comes right after f's own parameters.
    G.Params.insert(G.Params.begin() + F.Params.size(), DRet);
  }
  // A helper gets its caller's tape as a parameter: looking up the
  // thread-local tape costs a TLS access per call, and helpers run per
  // element (withoutUnusedTapes drops the parameter where nothing uses it).
  Tape = G.addVar(G.freshName("tape"), Type::scalar(ScalarKind::Int, "adgen::Tape"),
                  Shape == ReverseShape::Joint ? VarKind::Local : VarKind::Param);
  Tape->Ty.IsReference = true;
  Tape->Synthetic = true;
  Redo = G.addVar(G.freshName("redo"), Type::scalar(ScalarKind::Int, "adgen::RedoLog"),
                  VarKind::Local);
  Redo->Ty.IsReference = true;
  Redo->Synthetic = true;
  RedoMark = G.addVar(G.freshName("redo_mark"), Type::scalar(ScalarKind::Int, "adgen::RedoLog::Mark"),
                      VarKind::Local);
  RedoMark->Synthetic = true;

}

bool Reverse::run() {
  prepare();
  if (!planStorage()) // ReversePlan.cpp: what is stored, recomputed, restored
    return false;
  Block Fwd, Bwd;
  UsesRedo = OwnSaves = false;
  forward(L.Body, Fwd, 0);
  backward(L.Body, Bwd, 0);
  if (!OK)
    return false;
  assemble(Fwd, Bwd);
  return OK;
}

/// The generated function: declarations, the sweeps, and what each shape
/// (pullback, record helper, reverse helper) adds around them.
/// The declarations at the top of the generated function: the tape, the
/// redo log, checkpoint stores, and the variables both sweeps use
/// (Hoisted); which of them a Replay helper gets from the tape (Carried);
/// the locals it lends to calls (Lent).
Block Reverse::declarations(std::vector<Var *> &Hoisted, std::vector<Var *> &Carried,
                            std::vector<Var *> &Lent) {
  // Variables the backward sweep reads are declared at the top, so both
  // sweeps see them; the others stay where the source declares them.
  Block Top;
  if (Shape == ReverseShape::Joint)
    Top.push_back(M.decl(Tape, M.call("adgen::threadTape", {}, Tape->Ty)));
  for (Stmt *S : L.Body) // in the order of the loops
    if (Plan.Checkpointed.count(S))
      Top.push_back(M.decl(Plan.Checkpointed[S].Store, nullptr));
  // Locals a Replay helper lends to calls: their redo saves die with it.
  if (Shape == ReverseShape::Replay)
    forEachStmt(L.Body, [&](Stmt *S) {
      if (S->K != StmtKind::Call)
        return;
      for (size_t I = 0; I < S->Args.size(); ++I) {
        const Type &PT = S->Fn->ParamTypes[I];
        Var *R = rootOf(S->Args[I]);
        if (R && R->Kind == VarKind::Local && (Plan.Needed.count(R) || AdjMem.count(R)) &&
            PT.isWritable() &&
            std::find(Lent.begin(), Lent.end(), R) == Lent.end())
          Lent.push_back(R);
      }
    });
  if ((Shape == ReverseShape::Joint && UsesRedo) ||
      (Shape == ReverseShape::Replay && (OwnSaves || !Lent.empty())))
    Top.push_back(M.decl(Redo, M.call("adgen::threadRedoLog", {}, Redo->Ty)));
  if ((Shape == ReverseShape::Joint && UsesRedo) || !Lent.empty())
  {
    Expr Size;
    Size.K = Op::Call;
    Size.Ty = RedoMark->Ty;
    Size.Text = "mark";
    Size.V = Redo; // redo.mark()
    Top.push_back(M.decl(RedoMark, M.make(std::move(Size))));
  }
  if (L.Result)
    Hoisted.push_back(L.Result);
  for (Var *Fl : L.Flags)
    Top.push_back(M.decl(Fl, M.boolConst(false)));
  // Values that hold no number (`std::string label = "lab";`): declared
  // here as the user declares them, for both sweeps (Graph/InactiveLocals.cpp).
  forEachStmt(L.Body, [&](Stmt *S) {
    if (S->K == StmtKind::Decl && S->V->Ty.Opaque)
      Top.push_back(S);
  });
  forEachStmt(L.Body, [&](Stmt *S) {
    if (S->K == StmtKind::Decl && !S->V->Ty.Opaque &&
        (Plan.Needed.count(S->V) || AdjMem.count(S->V) || Plan.Mentioned.count(S->V)))
      Hoisted.push_back(S->V);
  });
  for (Var *V : Hoisted) {
    Stmt *Dcl;
    if (V->Ty.IsPointer && !V->Root) // text (a string literal), no derivative
      Dcl = M.decl(V, M.constant("nullptr", V->Ty));
    else if (V->Ty.IsPointer)
      Dcl = M.decl(V, firstElement(V->Root));
    else if (V->Ty.IsVector)
      Dcl = M.decl(V, VectorSize.lookup(V));
    else if (V->Ty.isAggregate()) {
      Dcl = M.decl(V, nullptr);
      Dcl->ZeroInit = true;
    } else
      Dcl = M.decl(V, V->Ty.isFloating() ? zero(V->Ty) : M.constant("0", V->Ty.element()));
    Top.push_back(Dcl);
  }
  if (Shape != ReverseShape::Record)
    Top.insert(Top.end(), PtrAdjDecls.begin(), PtrAdjDecls.end());
  // Locals that a separate backward sweep (Replay) needs travel on the tape.
  // Only what the backward sweep reads before restoring it.
  for (Var *V : Hoisted)
    if (Plan.Needed.count(V) && Plan.EndLive.count(V) && !elementwise(V->Ty))
      Carried.push_back(V);
  for (Var *V : F.Params)
    if (Plan.Needed.count(V) && Plan.EndLive.count(V) && Assigned.count(V) && !V->Ty.isMemory() &&
        !V->Ty.IsReference)
      Carried.push_back(V);

  return Top;
}

void Reverse::assemble(Block &Fwd, Block &Bwd) {
  std::vector<Var *> Hoisted, Carried, Lent;
  Block Top = declarations(Hoisted, Carried, Lent);
  // What a separate forward sweep (Record) hands its backward sweep
  // (Replay) on the tape, after its own pushes. Built for both shapes, so the
  // comment of each says what travels.
  Block Handed;
  if (Shape != ReverseShape::Joint) {
    for (Var *V : Carried)
      Handed.push_back(pushS(M.ref(V)));
    for (Var *V : Hoisted)
      if (V->Ty.ArraySize && Plan.Needed.count(V))
        for (uint64_t I = 0; I < V->Ty.ArraySize; ++I)
          Handed.push_back(pushS(M.load(M.ref(V), M.intConst(I))));
      else if (V->Ty.isContainer() && Plan.Needed.count(V)) {
        // Replay only reads the list: no loop (and no loop variable) for it.
        Handed.push_back(Shape == ReverseShape::Record
                             ? eachElement(V, false, [&](const Expr *E) { return pushS(E); })
                             : pushS(M.load(M.ref(V), M.intConst(0))));
        if (Resized.count(V)) // then its final size
          Handed.push_back(pushS(M.sizeOf(M.ref(V))));
      }
  }

  G.Body = std::move(Top);
  describe(Fwd, Handed);
  auto append = [&](Block &B) { G.Body.insert(G.Body.end(), B.begin(), B.end()); };
  if (Shape != ReverseShape::Replay) {
    G.Body.push_back(M.comment("Forward sweep: run the function, record what the backward "
                               "sweep needs."));
    append(Fwd);
  }
  if (Shape == ReverseShape::Record) {
    G.Params = F.Params; // the forward sweep takes no adjoints
    G.Params.push_back(Tape);
    append(Handed);
    G.ReturnsVoid = F.ReturnsVoid;
    G.ReturnType = F.ReturnType;
    if (L.Result)
      G.Body.push_back(M.ret(M.ref(L.Result)));
    return;
  }
  if (Shape == ReverseShape::Replay) {
    for (auto It = Hoisted.rbegin(); It != Hoisted.rend(); ++It)
      if ((*It)->Ty.ArraySize && Plan.Needed.count(*It))
        for (uint64_t I = (*It)->Ty.ArraySize; I-- > 0;)
          G.Body.push_back(M.assign(M.load(M.ref(*It), M.intConst(I)), popE((*It)->Ty.element())));
      else if ((*It)->Ty.isContainer() && Plan.Needed.count(*It)) {
        if (Resized.count(*It))
          G.Body.push_back(
              M.resize(*It, popE(Type::scalar(ScalarKind::Int, "std::size_t"))));
        G.Body.push_back(eachElement(*It, true, [&](const Expr *E) {
          return M.assign(E, popE((*It)->Ty.element()));
        }));
      }
    for (auto It = Carried.rbegin(); It != Carried.rend(); ++It)
      G.Body.push_back(M.assign(M.ref(*It), popE((*It)->Ty)));
  }
  G.Body.insert(G.Body.end(), AdjDecls.begin(), AdjDecls.end());
  if (Shape == ReverseShape::Replay) {
    G.Params.push_back(Tape); // after the adjoints
    for (Var *V : Hoisted)
      if (V->Ty.IsPointer && Plan.Needed.count(V))
        pointerAdjoint(V, G.Body);
  }
  if (DRet && L.Result && AdjScalar.count(L.Result))
    for (Stmt *Dcl : G.Body) // the result's adjoint starts as the seed
      if (Dcl->K == StmtKind::Decl && AdjScalar[L.Result]->V == Dcl->V)
        Dcl->Value = M.ref(DRet);
  if (DRet && L.Result && AdjMem.count(L.Result))
    for (Stmt *Dcl : G.Body) // a struct result's too
      if (Dcl->K == StmtKind::Decl && AdjMem[L.Result] == Dcl->V) {
        Dcl->Value = M.ref(DRet);
        Dcl->ZeroInit = false;
      }
  G.Body.push_back(M.comment("Backward sweep: adjoints, from the last statement to the first."));
  // The adjoint of a vector that changed size starts with its final size.
  forEachStmt(L.Body, [&](Stmt *S) {
    if (S->K == StmtKind::Decl && Resized.count(S->V))
      if (Var *DV = AdjMem.lookup(S->V))
        G.Body.push_back(M.resize(DV, M.sizeOf(M.ref(S->V))));
  });
  append(Bwd);
  if (Shape == ReverseShape::Replay)
    for (Var *V : Lent)
      G.Body.push_back(redoCall(
          "forget", {M.ref(RedoMark),
                     V->Ty.IsVector ? M.ptrAdd(M.ref(V), M.intConst(0))
                     : V->Ty.ArraySize ? M.ref(V) : M.addrOf(V),
                     M.constant(V->Ty.IsVector ? V->Name + ".size() * sizeof(" +
                                                     V->Ty.element().str() + ")"
                                               : "sizeof(" + V->Name + ")",
                                Type::scalar(ScalarKind::Int, "std::size_t"))}));
  // Parameters f overwrites: hand their adjoints to the caller.
  for (Var *V : F.Params)
    if (Var *Acc = ParamAccum.lookup(V))
      G.Body.push_back(M.addAssign(M.deref(ParamAdj[V]), M.ref(Acc)));
  if (Shape == ReverseShape::Joint) {
    if (UsesRedo) {
      G.Body.push_back(M.comment("Memory f wrote and the backward sweep restored: back to what f left."));
      G.Body.push_back(redoCall("replay", {M.ref(RedoMark)}));
    }
    G.ReturnsVoid = F.ReturnsVoid;
    G.ReturnType = F.ReturnType;
    if (L.Result)
      G.Body.push_back(M.ret(M.ref(L.Result)));
  }
}

bool Reverse::printPlan(const std::string &Name, llvm::raw_ostream &OS,
                        std::set<std::string> *Stored) {
  prepare();
  if (!planStorage())
    return false;
  printStoragePlan(Plan, Name, L.Body, OS);
  if (Stored)
    *Stored = storedNames(Plan, L.Body);
  return OK;
}

bool adgen::printReversePlan(TransformContext &D, Function &F, const ActivityPattern &P,
                             const std::string &Name, llvm::raw_ostream &OS,
                             std::set<std::string> *Stored) {
  Function &G = newGenerated(D.module(), F, Name, false);
  Reverse T(D, F, P, G, ReverseShape::Joint, true);
  return T.printPlan(Name, OS, Stored);
}

graph::Function *adgen::reverseTransform(TransformContext &D, Function &F,
                                         const ActivityPattern &P, const std::string &Name,
                                         ReverseShape Shape, bool UseCheckpoints,
                                         bool Public) {
  Function &G = newGenerated(D.module(), F, Name, Shape != ReverseShape::Joint);
  Reverse T(D, F, P, G, Shape, UseCheckpoints);
  T.Of = Public ? F.shownName() : F.Name;
  if (!T.run())
    return nullptr;
  return &G;
}
