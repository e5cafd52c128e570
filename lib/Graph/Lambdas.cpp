//===- Graph/Lambdas.cpp - Lambdas defined and called in place ------------===//
//
// A lambda defined inside a differentiated function and called there is
// inlined at each call: its parameters become locals (or aliases, for
// reference parameters), its body is built in place, and its result is a
// local named after the lambda. Captures by reference are the enclosing
// function's variables themselves; captures by copy (and init-captures) are
// copies made where the lambda is created, as C++ makes them, so a later
// change of the original is not seen and a `mutable` lambda keeps its state
// between calls.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "Graph/ValueCopies.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

/// `[&r = place]`: r names the place, bound where the lambda is made, so
/// the place must not depend on values that change later (a variable, a
/// field, an element at a constant index).
bool GraphBuilder::Impl::referenceInitCapture(const clang::VarDecl *VD, clang::SourceLocation L) {
  const graph::Expr *Place = lvalue(VD->getInit());
  if (!Place)
    return false;
  for (const graph::Expr *E = Place; E->K == Op::Load; E = E->Ops[0])
    if (E->Ops[1]->K != Op::FieldName && !E->Ops[1]->isConstant())
      return failStmt(L, "capturing '" + VD->getNameAsString() + "' by reference to an element "
                         "chosen by a computed index is not supported; capture the container");
  Aliases[VD] = Place;
  return true;
}

bool GraphBuilder::Impl::lambdaCaptures(const clang::LambdaExpr *LE, llvm::StringRef Name,
                                        LambdaInfo &Info) {
  Info.Lambda = LE;
  for (const clang::LambdaCapture &C : LE->captures()) {
    clang::SourceLocation L = C.getLocation().isValid() ? C.getLocation() : LE->getBeginLoc();
    if (C.getCaptureKind() == clang::LCK_ByRef && C.capturesVariable())
      if (const auto *IC = dyn_cast<clang::VarDecl>(C.getCapturedVar()); IC && IC->isInitCapture()) {
        if (!referenceInitCapture(IC, L)) // [&r = x]: r names x
          return false;
        continue;
      }
    if (C.getCaptureKind() == clang::LCK_This || C.getCaptureKind() == clang::LCK_ByRef)
      continue; // the enclosing function's own variables
    if (C.getCaptureKind() == clang::LCK_StarThis)
      return failStmt(L, "capturing '*this' by copy is not supported; capture 'this'");
    if (C.getCaptureKind() == clang::LCK_VLAType || !C.capturesVariable())
      return failStmt(L, "this lambda capture is not supported");
    const auto *VD = dyn_cast<clang::VarDecl>(C.getCapturedVar());
    if (!VD)
      return failStmt(L, "this lambda capture is not supported");
    // A copy, made now: [x] copies x, [s = expr] initialises s.
    graph::Type T;
    if (!typeOf(VD->getType().getNonReferenceType(), L, T,
                "captured variable '" + VD->getNameAsString() + "'"))
      return false;
    if (T.IsPointer || T.IsVector)
      return failStmt(L, "capturing '" + VD->getNameAsString() + "' by copy is not "
                         "supported; capture it by reference");
    if (!VD->isInitCapture() && graph::copiesChangeValues(T))
      return failStmt(L, "capturing '" + VD->getNameAsString() + "' by copy runs the "
                         "user-written copy of '" + T.Spelling + "', which changes values "
                         "and which adgen does not run for captures; capture it by "
                         "reference");
    T.IsConst = T.IsReference = false;
    Var *Copy = temp((Name + "_" + VD->getName()).str(), T, L);
    const clang::Expr *Init = VD->isInitCapture() ? VD->getInit() : nullptr;
    if (T.isAggregate()) {
      emit(M.decl(Copy, nullptr, loc(L)));
      if (Init) {
        if (!initInto(M.ref(Copy), T, Init))
          return false;
      } else {
        const graph::Expr *Src = Vars.count(VD) ? M.ref(Vars.lookup(VD)) : Aliases.lookup(VD);
        if (!Src)
          return failStmt(L, "capture of '" + VD->getNameAsString() + "' is not supported");
        copyFields(M, M.ref(Copy), Src, T, *Cur, loc(L));
      }
    } else {
      const graph::Expr *Val = nullptr;
      if (Init)
        Val = expr(Init);
      else if (Var *V = Vars.lookup(VD))
        Val = M.ref(V);
      else
        Val = Aliases.lookup(VD);
      if (!Val)
        return Init ? false
                    : failStmt(L, "capture of '" + VD->getNameAsString() + "' is not supported");
      if (Val->Ty.Scalar != T.Scalar)
        Val = M.cast(Val, T);
      emit(M.decl(Copy, Val, loc(L)));
    }
    Info.Copies.push_back({VD, Copy});
  }
  return true;
}

bool GraphBuilder::Impl::lambdaDecl(const clang::VarDecl *VD) {
  // `auto l = [..]{..};`, also in parentheses or braces: `auto l{[..]{..}};`.
  const clang::Expr *Init = VD->getInit();
  for (const clang::Expr *Prev = nullptr; Init && Init != Prev;) {
    Prev = Init;
    Init = stripCopies(Init)->IgnoreParens();
    if (const auto *IL = dyn_cast<clang::InitListExpr>(Init); IL && IL->getNumInits() == 1)
      Init = IL->getInit(0);
  }
  const auto *LE = Init ? dyn_cast<clang::LambdaExpr>(Init) : nullptr;
  if (!LE)
    return failStmt(VD->getLocation(), "a lambda variable must be initialised with the "
                                       "lambda itself");
  LambdaInfo &Info = Lambdas[VD];
  Info = LambdaInfo();
  return lambdaCaptures(LE, VD->getName(), Info);
}

namespace {
/// Finds return statements other than the last statement of a lambda body.
struct EarlyReturns : clang::RecursiveASTVisitor<EarlyReturns> {
  const clang::Stmt *Last = nullptr;
  const clang::ReturnStmt *Found = nullptr;
  bool VisitReturnStmt(clang::ReturnStmt *R) {
    if (R != Last && !Found)
      Found = R;
    return true;
  }
  bool TraverseLambdaExpr(clang::LambdaExpr *) { return true; } // nested: their own
};
} // namespace

bool GraphBuilder::Impl::lambdaOf(const clang::Expr *Obj, clang::SourceLocation L,
                                  LambdaInfo &Local, LambdaInfo *&Info, std::string &Name) {
  Obj = stripCopies(Obj);
  Name = "lambda";
  if (const auto *DRE = dyn_cast<clang::DeclRefExpr>(Obj)) {
    auto It = Lambdas.find(DRE->getDecl());
    if (It == Lambdas.end())
      return failStmt(L, "this lambda is not defined in the differentiated function; adgen "
                         "differentiates lambdas defined and called in the same function");
    Info = &It->second;
    Name = DRE->getDecl()->getNameAsString();
    return true;
  }
  if (const auto *LE = dyn_cast<clang::LambdaExpr>(Obj)) {
    Info = &Local;
    return lambdaCaptures(LE, Name, Local); // called where it is written
  }
  return failStmt(L, "this call of a lambda is not supported; name the lambda with "
                     "'auto f = [...](...) {...};' and call f");
}

const Expr *GraphBuilder::Impl::lambdaCall(const clang::CallExpr *CE,
                                           const clang::CXXMethodDecl *MD) {
  LambdaInfo Local;
  LambdaInfo *Info = nullptr;
  std::string Name;
  if (!lambdaOf(CE->getArg(0), CE->getBeginLoc(), Local, Info, Name))
    return nullptr;
  std::vector<const clang::Expr *> ArgEs(CE->arg_begin() + 1, CE->arg_end());
  return inlineLambda(*Info, Name, MD, ArgEs, {}, CE->getBeginLoc());
}

const Expr *GraphBuilder::Impl::inlineLambda(LambdaInfo &Info, llvm::StringRef Name,
                                             const clang::FunctionDecl *MD,
                                             llvm::ArrayRef<const clang::Expr *> ArgEs,
                                             llvm::ArrayRef<const Expr *> Elems,
                                             clang::SourceLocation CallLoc, bool AsFunction,
                                             bool Location) {
  const clang::Stmt *Body = MD->getBody();
  const auto *CS = Body ? dyn_cast<clang::CompoundStmt>(Body) : nullptr;
  if (!CS)
    return fail(CallLoc, "lambda body not available");
  // A function inlined for its view parameters (Views.cpp), or a lambda.
  bool IsLambda = isa<clang::CXXMethodDecl>(MD) && !AsFunction;
  const char *What = IsLambda ? "lambda" : "function";
  const clang::Stmt *Last = CS->body_empty() ? nullptr : CS->body_back();
  const auto *FinalReturn = Last ? dyn_cast<clang::ReturnStmt>(Last) : nullptr;
  EarlyReturns ER;
  ER.Last = FinalReturn;
  ER.TraverseStmt(const_cast<clang::CompoundStmt *>(CS));
  bool Exiting = !LambdaExits.empty() && LambdaExits.back().Body == CS;
  if (ER.Found && IsLambda && !Exiting)
    return earlyReturnLambda(Info, Name, MD, ArgEs, Elems, CallLoc);
  if (ER.Found && !Exiting)
    return fail(ER.Found->getReturnLoc(), std::string("a ") + What + " with a 'return' before "
                                          "its end is not supported in differentiated code "
                                          "here; compute the result in a variable and "
                                          "return it last");

  // Parameters: copies of the arguments, or aliases of them.
  std::vector<std::pair<const clang::Decl *, Var *>> SavedVars;
  std::vector<std::pair<const clang::Decl *, const graph::Expr *>> SavedAliases;
  auto bindVar = [&](const clang::Decl *D, Var *V) {
    SavedVars.push_back({D, Vars.lookup(D)});
    Vars[D] = V;
  };
  std::vector<std::pair<const clang::Decl *, std::map<std::string, Var *>>> SavedViews;
  std::vector<const clang::Decl *> ScalarBound, OffsetBound;
  SavedIterators SavedIters;
  if (!IsLambda)
    findReseatedPointers(CS); // parameters the function moves (PointerOffsets.cpp)
  for (unsigned I = 0; I < MD->getNumParams(); ++I) {
    const clang::ParmVarDecl *PD = MD->getParamDecl(I);
    // A range algorithm's element (Elems) is an lvalue built already.
    const clang::Expr *A = Elems.empty() ? ArgEs[I] : nullptr;
    clang::SourceLocation AL = A ? A->getBeginLoc() : CallLoc;
    bool Iter = false; // an iterator: an iterator local (IteratorCalls.cpp)
    if (A && !bindIteratorParam(PD, A, SavedIters, Iter))
      return nullptr;
    if (Iter)
      continue;
    if (A && !IsLambda) {
      bool Bound = false;
      if (!bindViewParam(PD, A, SavedViews, Bound))
        return nullptr;
      if (Bound)
        continue;
      if (!bindPointerRefParam(PD, A, Bound)) // const double *&p (PointerReferences.cpp)
        return nullptr;
      if (Bound) {
        OffsetBound.push_back(PD);
        continue;
      }
    }
    graph::Type T;
    if (!typeOf(PD->getType(), PD->getLocation(), T,
                std::string(What) + " parameter '" + PD->getNameAsString() + "'"))
      return nullptr;
    if (T.IsReference || T.IsPointer) {
      if (!A && T.IsPointer)
        return fail(PD->getLocation(), "a lambda parameter that is a pointer is not "
                                       "supported here; take the element by reference");
      if (const graph::Expr *X = T.IsPointer ? addressedScalar(A) : nullptr) {
        ScalarPointers[PD] = X; // g(&t): *c names t (ScalarPointers.cpp)
        ScalarBound.push_back(PD);
        continue;
      }
      const graph::Expr *Place = !A ? Elems[I] : T.IsReference && !T.IsConst ? lvalue(A) : expr(A);
      if (!Place)
        return nullptr;
      if (T.IsReference && Place->K != Op::VarRef && Place->K != Op::Load && !T.isMemory()) {
        Var *V = newVar(PD->getName(), T.element(), VarKind::Local, PD->getLocation());
        emit(M.decl(V, Place, loc(AL)));
        Place = M.ref(V);
      }
      if (T.IsPointer) {
        Var *V = newVar(PD->getName(), T, VarKind::Local, PD->getLocation());
        const graph::Expr *Base = Place;
        while (Base->K == Op::PtrAdd)
          Base = Base->Ops[0];
        if (Base->K != Op::VarRef || !Base->V->Ty.isMemory())
          return fail(A->getBeginLoc(), "a pointer argument of a lambda must point into a "
                                        "parameter or a local array");
        bool Moved = false; // x += n in the function (PointerOffsets.cpp)
        if (!IsLambda && !bindMovedPointerParam(PD, Place, AL, Moved))
          return nullptr;
        if (Moved) {
          OffsetBound.push_back(PD);
          continue;
        }
        V->Root = Base->V->Root ? Base->V->Root : Base->V;
        emit(M.decl(V, Place, loc(AL)));
        bindVar(PD, V);
        continue;
      }
      SavedAliases.push_back({PD, Aliases.lookup(PD)});
      Aliases[PD] = Place;
      continue;
    }
    T.IsConst = false;
    Var *V = newVar(PD->getName(), T, VarKind::Local, PD->getLocation());
    if (T.isAggregate()) {
      emit(M.decl(V, nullptr, loc(AL)));
      if (!A)
        copyFields(M, M.ref(V), Elems[I], T, *Cur, loc(AL));
      else if (!initInto(M.ref(V), T, A))
        return nullptr;
    } else {
      const graph::Expr *Val = A ? expr(A) : Elems[I];
      if (!Val)
        return nullptr;
      if (Val->Ty.Scalar != T.Scalar)
        Val = M.cast(Val, T);
      emit(M.decl(V, Val, loc(AL)));
    }
    bindVar(PD, V);
  }
  for (auto &[D, Copy] : Info.Copies)
    bindVar(D, Copy);

  // The body, in place; `break` and `continue` inside it are its own.
  auto OuterBreaks = std::move(Breaks);
  Breaks.clear();
  bool OuterReturns = SwitchReturns;
  SwitchReturns = false;
  bool OK = true;
  const graph::Expr *Result = nullptr;
  clang::QualType RT = MD->getReturnType();
  if (Exiting) {
    // Early returns: do { body } while (false), each return a break.
    Var *R = LambdaExits.back().Result;
    Block Once;
    Block *Saved = Cur;
    Cur = &Once;
    for (const clang::Stmt *St : CS->body())
      if (!(OK = stmt(St)))
        break;
    Cur = Saved;
    LambdaExits.pop_back();
    emit(M.loop(LoopKind::DoWhile, {}, M.boolConst(false), std::move(Once), {}, loc(CallLoc)));
    Result = R ? M.ref(R) : nullptr;
    FinalReturn = nullptr;
  } else {
    for (const clang::Stmt *St : CS->body()) {
      if (St == FinalReturn)
        break;
      if (!(OK = stmt(St)))
        break;
    }
  }
  SwitchReturns = OuterReturns;
  if (OK && FinalReturn && FinalReturn->getRetValue() && Location) {
    Result = expr(FinalReturn->getRetValue()); // the accessor's location
    OK = Result != nullptr;
  } else if (OK && FinalReturn && FinalReturn->getRetValue() && !RT->isVoidType()) {
    graph::Type T;
    OK = typeOf(RT, FinalReturn->getReturnLoc(), T,
                ("the result of " + llvm::Twine(What) + " '" + Name + "'").str());
    if (OK && (T.IsReference || T.IsPointer))
      OK = failStmt(FinalReturn->getReturnLoc(), std::string("a ") + What + " returning a "
                                                 "pointer or reference is not supported");
    if (OK) {
      T.IsConst = false;
      Var *R = temp(Name, T, FinalReturn->getReturnLoc());
      if (const clang::VarDecl *NV = FinalReturn->getNRVOCandidate();
          NV && graph::copiesChangeValues(T)) {
        // The copy of a returned local may be elided or not: C++ leaves it
        // to the compiler, so the source does not define the result.
        OK = failStmt(FinalReturn->getReturnLoc(),
                      "returning local variable '" + NV->getNameAsString() + "' of '" +
                          T.Spelling + "', a class whose user-written copy changes values: "
                          "C++ lets the compiler either elide this copy or run it, so the "
                          "result is not defined by the source; return '" + T.Spelling +
                          "(...)' directly, or fill a '" + T.Spelling + " &' parameter");
      } else if (T.isAggregate()) {
        emit(M.decl(R, nullptr, loc(FinalReturn->getReturnLoc())));
        OK = initInto(M.ref(R), T, FinalReturn->getRetValue());
      } else if (const graph::Expr *V = expr(FinalReturn->getRetValue())) {
        emit(M.decl(R, V->Ty.Scalar == T.Scalar ? V : M.cast(V, T),
                    loc(FinalReturn->getReturnLoc())));
      } else {
        OK = false;
      }
      Result = M.ref(R);
    }
  } else if (OK && FinalReturn && FinalReturn->getRetValue()) {
    OK = sideEffect(FinalReturn->getRetValue()); // return void_call();
  }
  Breaks = std::move(OuterBreaks);
  for (auto It = SavedVars.rbegin(); It != SavedVars.rend(); ++It) {
    if (It->second)
      Vars[It->first] = It->second;
    else
      Vars.erase(It->first);
  }
  for (const clang::Decl *D : ScalarBound)
    ScalarPointers.erase(D);
  for (const clang::Decl *D : OffsetBound)
    OffsetPointers.erase(D);
  restoreIterators(SavedIters);
  for (auto It = SavedViews.rbegin(); It != SavedViews.rend(); ++It) {
    if (It->second.empty())
      Views.erase(It->first);
    else
      Views[It->first] = It->second;
  }
  for (auto It = SavedAliases.rbegin(); It != SavedAliases.rend(); ++It) {
    if (It->second)
      Aliases[It->first] = It->second;
    else
      Aliases.erase(It->first);
  }
  if (!OK)
    return nullptr;
  return Result;
}

const Expr *GraphBuilder::Impl::earlyReturnLambda(LambdaInfo &Info, llvm::StringRef Name,
                                                  const clang::FunctionDecl *MD,
                                                  llvm::ArrayRef<const clang::Expr *> ArgEs,
                                                  llvm::ArrayRef<const Expr *> Elems,
                                                  clang::SourceLocation CallLoc) {
  LambdaExit Exit;
  Exit.Body = MD->getBody();
  clang::QualType RT = MD->getReturnType();
  if (!RT->isVoidType()) {
    graph::Type T;
    if (!typeOf(RT, CallLoc, T, ("the result of lambda '" + Name + "'").str()))
      return nullptr;
    if (T.isMemory() || T.IsReference)
      return fail(CallLoc, "a lambda with a 'return' before its end is supported when it "
                           "returns a number; compute the result in a variable and return "
                           "it last");
    T.IsConst = false;
    Exit.Result = temp(Name, T, CallLoc);
    emit(M.decl(Exit.Result, M.constant("0", T), loc(CallLoc)));
  }
  LambdaExits.push_back(Exit);
  size_t Depth = LambdaExits.size();
  const Expr *R = inlineLambda(Info, Name, MD, ArgEs, Elems, CallLoc);
  if (LambdaExits.size() == Depth) // an error before the body
    LambdaExits.pop_back();
  return R;
}

bool GraphBuilder::Impl::lambdaReturn(const clang::ReturnStmt *RS) {
  clang::SourceLocation L = RS->getReturnLoc();
  if (llvm::is_contained(Breaks, BreakTarget::Loop))
    return failStmt(L, "a 'return' inside a loop of a lambda is not supported; compute the "
                       "result in a variable, leave the loop with 'break' and return it last");
  Var *R = LambdaExits.back().Result;
  if (R && RS->getRetValue()) {
    const Expr *V = expr(RS->getRetValue());
    if (!V)
      return false;
    emit(M.assign(M.ref(R), V->Ty.Scalar == R->Ty.Scalar ? V : M.cast(V, R->Ty), loc(L)));
  } else if (RS->getRetValue() && !sideEffect(RS->getRetValue())) {
    return false;
  }
  if (!Breaks.empty())
    SwitchReturns = true;
  emit(M.brk(loc(L)));
  return true;
}
