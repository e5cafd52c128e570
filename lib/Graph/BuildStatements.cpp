//===- Graph/BuildStatements.cpp - Statements into the graph --------------===//
//
// GraphBuilder, part 2 of 3: statements (blocks, declarations, if, loops,
// assert, checkpoint markers, statements with side effects).
// GraphBuilder.cpp has functions, names and calls; BuildExpressions.cpp the
// expressions.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "Graph/LocalTypeDecls.h"
#include "Graph/MathTable.h"
#include "Graph/MemberAccess.h"
#include "Graph/OperatorNames.h"
#include "Graph/TemplateNames.h"
#include "Graph/UserCopies.h"
#include "clang/AST/Attr.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/AST/StmtVisitor.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <functional>

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

bool GraphBuilder::Impl::blockOf(const clang::Stmt *S, Block &Out) {
  Block *Saved = Cur;
  Cur = &Out;
  bool OK = !S || stmt(S);
  Cur = Saved;
  return OK;
}

namespace {

/// Whether \p E is the expansion of the `assert` macro of <cassert>.
bool isAssert(const clang::Expr *E, clang::ASTContext &Ctx) {
  clang::SourceLocation B = E->getBeginLoc();
  return B.isMacroID() && clang::Lexer::getImmediateMacroName(B, Ctx.getSourceManager(),
                                                              Ctx.getLangOpts()) == "assert";
}

/// The condition the user wrote in `assert(c)`: the outermost part of the
/// expansion that comes from the macro's argument. Null under NDEBUG, where
/// the expansion does not use it.
const clang::Expr *assertCondition(const clang::Stmt *S, const clang::SourceManager &SM) {
  for (const clang::Stmt *Child : S->children()) {
    if (!Child)
      continue;
    const auto *CE = llvm::dyn_cast<clang::Expr>(Child);
    if (CE && SM.isMacroArgExpansion(CE->getBeginLoc()))
      return CE;
    if (const clang::Expr *Found = assertCondition(Child, SM))
      return Found;
  }
  return nullptr;
}

} // namespace

/// `assert(c);` stays `assert(c);`: in the function's own code and in the
/// forward sweep, it checks what f checks, and it carries no derivative (it
/// is a call of `assert` on a bool). Under NDEBUG it is left out, as C++
/// does. A condition that needs statements of its own (a call, an
/// increment) is refused: the output would run them also under NDEBUG.
bool GraphBuilder::Impl::assertStmt(const clang::Expr *E) {
  const clang::Expr *CondE = assertCondition(E, Ctx.getSourceManager());
  if (!CondE)
    return true; // NDEBUG: `(void)0`
  Block Stmts;
  const graph::Expr *Cond = nullptr;
  if (!exprInBlock(CondE, Stmts, Cond))
    return false;
  if (!Stmts.empty())
    return failStmt(CondE->getBeginLoc(), "an assert whose condition calls a function or has "
                                          "side effects is not supported; compute the "
                                          "condition in a variable first");
  graph::Type B = graph::Type::scalar(ScalarKind::Bool, "bool");
  if (Cond->Ty.Scalar != ScalarKind::Bool || Cond->Ty.isMemory())
    Cond = M.cast(Cond, B);
  Callee C;
  C.Name = C.BaseName = "assert";
  C.ParamTypes = {B};
  C.ParamNames = {"condition"};
  emit(M.callStmt(nullptr, M.addCallee(std::move(C)), {Cond}, loc(E->getBeginLoc())));
  return true;
}

/// Whether \p S is the expansion of ADGEN_CHECKPOINT(snapshots).
static const clang::CallExpr *checkpointMarker(const clang::Stmt *S) {
  const auto *CE = llvm::dyn_cast<clang::CallExpr>(S);
  const clang::FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  return FD && FD->getQualifiedNameAsString() == "adgen::detail::checkpointNextLoop" &&
                 CE->getNumArgs() == 1
             ? CE
             : nullptr;
}

/// ADGEN_CHECKPOINT(snapshots) and the `for` loop after it (skipping the
/// empty statement of a `;` written after the macro): the loop carries the
/// number of snapshots for reverse mode (Transforms/Checkpoint.h).
bool GraphBuilder::Impl::checkpointedLoop(const clang::CallExpr *Marker,
                                          const clang::Stmt *const *&It,
                                          const clang::Stmt *const *End) {
  while (It != End && llvm::isa<clang::NullStmt>(*It))
    ++It;
  if (It == End || !llvm::isa<clang::ForStmt>(*It))
    return failStmt(Marker->getBeginLoc(),
                    "ADGEN_CHECKPOINT must come right before the 'for' loop it checkpoints");
  // The argument as written, before its conversion to the marker's `long`.
  const clang::Expr *Arg = Marker->getArg(0)->IgnoreImpCasts();
  Block Stmts;
  const graph::Expr *N = nullptr;
  if (!Arg->getType()->isIntegerType() || !exprInBlock(Arg, Stmts, N) || !Stmts.empty())
    return failStmt(Arg->getBeginLoc(),
                    "the number of snapshots of ADGEN_CHECKPOINT must be an integer "
                    "expression without calls or side effects");
  if (!forStmt(llvm::cast<clang::ForStmt>(*It)))
    return false;
  Cur->back()->Snapshots = N;
  return true;
}

/// Dispatches a statement to the builder's method for its kind (Clang's
/// visitor follows the class hierarchy: every OpenMP directive reaches
/// VisitOMPExecutableDirective, every expression VisitExpr). Statements
/// without a method are refused by VisitStmt, naming their class.
class GraphBuilder::Impl::StmtDispatch
    : public clang::ConstStmtVisitor<StmtDispatch, bool> {
  using Base = clang::ConstStmtVisitor<StmtDispatch, bool>;
  Impl &B;

public:
  explicit StmtDispatch(Impl &B) : B(B) {}

  bool VisitCompoundStmt(const clang::CompoundStmt *CS) {
    // Stop at the first error: later ones would only be its echoes.
    for (const clang::Stmt *const *It = CS->body_begin(), *const *End = CS->body_end();
         It != End; ++It) {
      if (const clang::CallExpr *Marker = checkpointMarker(*It)) {
        if (!B.checkpointedLoop(Marker, ++It, End))
          return false;
        continue;
      }
      if (!Visit(*It))
        return false;
    }
    return true;
  }
  bool VisitExpr(const clang::Expr *E) {
    if (const clang::CallExpr *Marker = checkpointMarker(E))
      return B.failStmt(Marker->getBeginLoc(),
                        "ADGEN_CHECKPOINT must come right before the 'for' loop it checkpoints");
    return isAssert(E, B.Ctx) ? B.assertStmt(E) : B.sideEffect(E);
  }
  bool VisitNullStmt(const clang::NullStmt *) { return true; }
  bool VisitDeclStmt(const clang::DeclStmt *DS) { return B.declStmt(DS); }
  bool VisitReturnStmt(const clang::ReturnStmt *RS) {
    if (!B.LambdaExits.empty())
      return B.lambdaReturn(RS);
    const graph::Expr *V = nullptr;
    if (RS->getRetValue() && B.ReturnsThis) {
      // `return *this;` of a method returning its object: the caller has it.
    } else if (RS->getRetValue()) {
      V = B.expr(RS->getRetValue());
      if (!V)
        return false;
    }
    B.emit(B.M.ret(V, B.loc(RS->getReturnLoc())));
    return true;
  }
  bool VisitIfStmt(const clang::IfStmt *S) { return B.ifStmt(S); }
  bool VisitForStmt(const clang::ForStmt *S) { return B.forStmt(S); }
  bool VisitWhileStmt(const clang::WhileStmt *S) { return B.whileStmt(S); }
  bool VisitDoStmt(const clang::DoStmt *S) { return B.doStmt(S); }
  bool VisitSwitchStmt(const clang::SwitchStmt *S) { return B.switchStmt(S); }
  bool VisitCXXForRangeStmt(const clang::CXXForRangeStmt *S) { return B.rangeFor(S); }
  bool VisitAttributedStmt(const clang::AttributedStmt *S) { return Visit(S->getSubStmt()); }
  bool VisitOMPExecutableDirective(const clang::OMPExecutableDirective *D) {
    return B.ompDirective(D);
  }
  bool VisitBreakStmt(const clang::BreakStmt *S) {
    // A break nested inside a switch case leaves the switch, which is built
    // as a one-pass loop for that purpose (see switchStmt).
    if (!B.Breaks.empty() && B.Breaks.back() == BreakTarget::Switch)
      B.SwitchBreaks = true;
    B.emit(B.M.brk(B.loc(S->getBeginLoc())));
    return true;
  }
  bool VisitContinueStmt(const clang::ContinueStmt *S) {
    if (std::find(B.Breaks.begin(), B.Breaks.end(), BreakTarget::Switch) != B.Breaks.end() &&
        B.Breaks.back() == BreakTarget::Switch)
      B.SwitchContinues = true;
    B.emit(B.M.cont(B.loc(S->getBeginLoc())));
    return true;
  }

  // Refused.
  bool VisitGotoStmt(const clang::GotoStmt *S) { return gotoStmt(S); }
  bool VisitIndirectGotoStmt(const clang::IndirectGotoStmt *S) { return gotoStmt(S); }
  bool VisitLabelStmt(const clang::LabelStmt *S) {
    return B.failStmt(S->getBeginLoc(), "labels (goto targets) are not supported");
  }
  bool VisitCXXTryStmt(const clang::CXXTryStmt *S) {
    return B.failStmt(S->getBeginLoc(), "exceptions ('try') are not supported in "
                                        "differentiated code; move error handling out "
                                        "of the function");
  }
  bool VisitAsmStmt(const clang::AsmStmt *A) {
    // Through Stmt: AsmStmt's own getBeginLoc() is an empty placeholder.
    const clang::Stmt *S = A;
    return B.failStmt(S->getBeginLoc(), "inline assembly cannot be differentiated; move it "
                                        "into a function of its own and give that function "
                                        "a derivative marked ADGEN_CUSTOM");
  }
  bool VisitStmt(const clang::Stmt *S) {
    return B.failStmt(S->getBeginLoc(), B.constructName(S, "statement") +
                                            " is not supported in differentiated code");
  }

private:
  bool gotoStmt(const clang::Stmt *S) {
    return B.failStmt(S->getBeginLoc(), "'goto' is not supported; adgen differentiates "
                                        "structured control flow only (use loops, "
                                        "break and continue)");
  }
};

bool GraphBuilder::Impl::stmt(const clang::Stmt *S) { return StmtDispatch(*this).Visit(S); }

bool GraphBuilder::Impl::declStmt(const clang::DeclStmt *DS) {
  bool OK = true;
  for (const clang::Decl *D : DS->decls()) {
    if (const auto *VD = dyn_cast<clang::VarDecl>(D))
      OK &= varDecl(VD);
    else if (isLocalTypeDecl(D)) // declared again in each derivative (LocalTypeDecls.h)
      OK &= recordLocalType(D, F->Decl, Ctx, Diags);
    else if (!isa<clang::TypedefNameDecl, clang::StaticAssertDecl, clang::UsingDecl,
                   clang::UsingDirectiveDecl>(D))
      OK = failStmt(D->getLocation(), "this declaration is not supported inside a "
                                      "differentiated function");
  }
  return OK;
}

/// A static local that carries nothing between calls: a constant (no mutable
/// fields) initialised by a constant expression, such as a table of weights.
/// The generated functions declare it as an ordinary local with the same
/// value; every call sees the same contents either way.
static bool constantStaticLocal(const clang::VarDecl *VD) {
  clang::ASTContext &Ctx = VD->getASTContext();
  if (!VD->getType().isConstant(Ctx) || !VD->hasInit() || !VD->hasConstantInitialization())
    return false;
  const clang::Type *Elem = Ctx.getBaseElementType(VD->getType()).getTypePtr();
  if (const auto *RD = Elem->getAsCXXRecordDecl(); RD && RD->hasMutableFields())
    return false;
  return true;
}

bool GraphBuilder::Impl::varDecl(const clang::VarDecl *VD) {
  clang::SourceLocation L = VD->getLocation();
  if (VD->isStaticLocal() && !constantStaticLocal(VD))
    return failStmt(L, "static local variables are not supported: their value "
                       "would carry between calls (a 'static const' or 'static "
                       "constexpr' table with a constant initialiser is fine)");
  if (const auto *RD = VD->getType()->getAsCXXRecordDecl(); RD && RD->isLambda())
    return lambdaDecl(VD);
  if (const auto *DD = dyn_cast<clang::DecompositionDecl>(VD))
    return decomposition(DD);
  if (isNewScalarDecl(VD)) // new double(x), new T{x} (NewScalars.cpp)
    return newScalarDecl(VD);
  if (isScratchBufferDecl(VD)) // new T[n], std::unique_ptr<T[]> (ScratchBuffers.cpp)
    return scratchBufferDecl(VD);
  if (isViewDecl(VD)) // a local struct with pointer fields (Views.cpp)
    return viewDecl(VD);
  if (isInitializerListType(VD->getType()) && VD->getInit()) {
    bool List = false; // auto &&r = {a, b}; (InitializerLists.cpp)
    const Expr *A = initializerListArray(VD->getInit(), List, VD);
    if (List)
      return A != nullptr;
  }
  if (VD->getType()->isReferenceType())
    return referenceDecl(VD);
  if (isReferenceWrapperDecl(VD)) // std::reference_wrapper (ReferenceWrappers.cpp)
    return referenceWrapperDecl(VD);
  if (isIteratorLocalDecl(VD)) // auto it = v.begin(); (IteratorLocals.cpp)
    return iteratorLocalDecl(VD);
  if (isScalarPointerDecl(VD)) // double *p = &x; (ScalarPointers.cpp)
    return scalarPointerDecl(VD);
  if (isOffsetPointerDecl(VD)) // a pointer the function moves (PointerOffsets.cpp)
    return offsetPointerDecl(VD);
  if (isInactiveLocalDecl(VD)) // std::string, an empty functor (InactiveLocals.cpp)
    return inactiveLocalDecl(VD);
  // auto it = std::max_element(...): say what is not supported, rather than
  // what the iterator's type is made of.
  if (const clang::Expr *Init = VD->getInit())
    if (const auto *CE = dyn_cast<clang::CallExpr>(Init->IgnoreImplicit());
        CE && isStdAlgorithm(CE) && !VD->getType()->isArithmeticType())
      return stdAlgorithm(CE, /*Dereferenced=*/false) != nullptr;
  graph::Type T;
  if (!typeOf(VD->getType(), L, T, "local variable '" + VD->getNameAsString() + "'"))
    return false;
  if (isObjectArray(T)) // elements built by a constructor (ObjectArrays.cpp)
    return objectArrayDecl(VD, T);
  Var *V = newVar(VD->getName(), T, VarKind::Local, L);
  Vars[VD] = V;
  const clang::Expr *Init = VD->getInit();
  if (!T.IsPointer && (T.Rec || T.isContainer())) {
    V->Ty.IsConst = false; // built by assignments
    return recordOrContainerDecl(VD, V);
  }
  if (T.ArraySize)
    return arrayDecl(VD, V);
  if (T.IsPointer)
    return pointerDecl(VD, V);
  const graph::Expr *Val = nullptr;
  if (Init && !isa<clang::ImplicitValueInitExpr>(Init)) {
    const clang::Expr *E = Init;
    if (const auto *IL = dyn_cast<clang::InitListExpr>(E->IgnoreImplicit())) {
      if (IL->getNumInits() > 1)
        return failStmt(E->getBeginLoc(), "unexpected initialiser list");
      E = IL->getNumInits() ? IL->getInit(0) : nullptr;
    }
    if (E) {
      Val = expr(E);
      if (!Val)
        return false;
    } else {
      Val = T.isFloating() ? M.floatConst(0, T) : M.constant("0", T);
    }
  }
  emit(M.decl(V, Val, loc(L)));
  return true;
}

/// \p Target with its non-constant indices copied into locals named after
/// \p Name: the element a reference binds stays the same.
const graph::Expr *GraphBuilder::Impl::freezeIndices(const graph::Expr *Target,
                                                     llvm::StringRef Name,
                                                     clang::SourceLocation L) {
  std::function<const graph::Expr *(const graph::Expr *)> Freeze =
      [&](const graph::Expr *P) -> const graph::Expr * {
    if (P->K != Op::Load)
      return P;
    const graph::Expr *Base = Freeze(P->Ops[0]);
    const graph::Expr *Idx = P->Ops[1];
    if (!Idx->isConstant()) {
      Var *IV = temp(Name.str() + "_index", Idx->Ty.element(), L);
      emit(M.decl(IV, Idx, loc(L)));
      Idx = M.ref(IV);
    }
    if (isFieldLoad(P))
      return M.field(Base, Idx->Text, P->Ty);
    return Base == P->Ops[0] && Idx == P->Ops[1] ? P : M.load(Base, Idx);
  };
  return Freeze(Target);
}

/// `double &r = a[i];` names that element for the rest of its scope: r is
/// an alias of the lvalue, with its index fixed where the reference binds.
bool GraphBuilder::Impl::referenceDecl(const clang::VarDecl *VD) {
  clang::SourceLocation L = VD->getLocation();
  graph::Type T;
  if (!typeOf(VD->getType(), L, T, "local reference '" + VD->getNameAsString() + "'"))
    return false;
  if (!VD->getInit())
    return failStmt(L, "a reference must be initialised");
  const graph::Expr *Target = T.IsConst ? expr(VD->getInit()) : lvalue(VD->getInit());
  if (!Target)
    return false;
  if (Target->K == Op::Load) {
    Target = freezeIndices(Target, VD->getName(), L);
  } else if (Target->K != Op::Load && Target->K != Op::VarRef) {
    // const double &r = x * y; binds a temporary: a value.
    graph::Type VT = T.element();
    VT.IsConst = false;
    Var *V = newVar(VD->getName(), VT, VarKind::Local, L);
    if (VT.Rec) {
      emit(M.decl(V, nullptr, loc(L)));
      copyFields(M, M.ref(V), Target, VT, *Cur, loc(L));
    } else {
      emit(M.decl(V, Target, loc(L)));
    }
    Target = M.ref(V);
  }
  Aliases[VD] = Target;
  return true;
}

/// A local array, zeroed and filled from its initialiser list (nested
/// lists flattened), or left uninitialised.
bool GraphBuilder::Impl::arrayDecl(const clang::VarDecl *VD, Var *V) {
  clang::SourceLocation L = VD->getLocation();
  const clang::Expr *Init = VD->getInit();
  Stmt *D = M.decl(V, nullptr, loc(L));
  const auto *IL = Init ? dyn_cast<clang::InitListExpr>(Init->IgnoreImplicit()) : nullptr;
  if (Init && !IL)
    return failStmt(Init->getBeginLoc(), "this array initialiser is not supported");
  if (IL) {
    D->ZeroInit = true;
    emit(D);
    // Element initialisers in row-major order (nested lists flattened).
    std::vector<const clang::Expr *> Elems;
    std::function<void(const clang::InitListExpr *, uint64_t)> Flatten =
        [&](const clang::InitListExpr *L, uint64_t Base) {
          uint64_t Stride = 1;
          if (const auto *AT = Ctx.getAsConstantArrayType(L->getType())) {
            graph::Type ET;
            if (mapType(AT->getElementType(), Ctx, ET) && ET.ArraySize)
              Stride = ET.ArraySize;
          }
          for (unsigned I = 0; I < L->getNumInits(); ++I) {
            const clang::Expr *E = L->getInit(I)->IgnoreImplicit();
            if (const auto *Sub = dyn_cast<clang::InitListExpr>(E))
              Flatten(Sub, Base + I * Stride);
            else if (!isa<clang::ImplicitValueInitExpr>(E)) {
              if (Elems.size() <= Base + I)
                Elems.resize(Base + I + 1, nullptr);
              Elems[Base + I] = L->getInit(I);
            }
          }
        };
    Flatten(IL, 0);
    for (size_t I = 0; I < Elems.size(); ++I) {
      if (!Elems[I])
        continue;
      const graph::Expr *Val = expr(Elems[I]);
      if (!Val)
        return false;
      emit(M.assign(M.load(M.ref(V), M.intConst(I)), Val, loc(Elems[I]->getBeginLoc())));
    }
    return true;
  }
  emit(D);
  return true;
}

/// A local pointer: it must point into a parameter or a local array, and
/// never changes which.
bool GraphBuilder::Impl::pointerDecl(const clang::VarDecl *VD, Var *V) {
  clang::SourceLocation L = VD->getLocation();
  const clang::Expr *Init = pointerInit(VD);
  if (!Init)
    return failStmt(L, "a pointer variable must be initialised where it is declared");
  const graph::Expr *Val = expr(Init);
  if (!Val)
    return false;
  if (Val->K == Op::Const && Val->Ty.IsPointer && !Val->Ty.isFloating() &&
      llvm::StringRef(Val->Text).ends_with("\"")) {
    emit(M.decl(V, Val, loc(L))); // a string literal: text, no derivative
    return true;
  }
  const graph::Expr *Base = Val;
  while (Base->K == Op::PtrAdd)
    Base = Base->Ops[0];
  if (Base->K != Op::VarRef || !Base->V->Ty.isMemory())
    return failStmt(Init->getBeginLoc(),
                    "a pointer variable must point into a parameter or a local "
                    "array (e.g. 'X + i * d')");
  V->Root = Base->V->Root ? Base->V->Root : Base->V;
  emit(M.decl(V, Val, loc(L)));
  return true;
}

bool GraphBuilder::Impl::ifStmt(const clang::IfStmt *S) {
  if (S->isConsteval())
    return failStmt(S->getIfLoc(), "'if consteval' is not supported");
  if (S->getInit() && !stmt(S->getInit()))
    return false;
  // if (double t = g(x)): t is declared first, then tested.
  if (S->getConditionVariable() && !varDecl(S->getConditionVariable()))
    return false;
  const Expr *C = expr(S->getCond());
  if (!C)
    return false;
  Block Then, Else;
  if (!blockOf(S->getThen(), Then) || !blockOf(S->getElse(), Else))
    return false;
  emit(M.ifStmt(C, std::move(Then), std::move(Else), loc(S->getIfLoc())));
  return true;
}

/// A loop condition may need statements (a call, an increment): then the loop
/// becomes `for (;;) { stmts; if (!cond) break; body }`, which evaluates them
/// exactly as often as C++ does, also after `continue`.
bool GraphBuilder::Impl::forStmt(const clang::ForStmt *S) {
  Block Init, CondStmts, Body, Inc;
  if (!blockOf(S->getInit(), Init))
    return false;
  const Expr *C = nullptr;
  if (S->getCond() && !condInBlock(S->getConditionVariable(), S->getCond(), CondStmts, C))
    return false;
  Breaks.push_back(BreakTarget::Loop);
  bool OK = blockOf(S->getBody(), Body);
  Breaks.pop_back();
  if (!OK)
    return false;
  if (S->getInc()) {
    Block *Saved = Cur;
    Cur = &Inc;
    OK = sideEffect(S->getInc());
    Cur = Saved;
    if (!OK)
      return false;
  }
  if (!CondStmts.empty()) {
    CondStmts.push_back(M.ifStmt(M.unary(Op::Not, C, C->Ty), {M.brk()}, {}));
    CondStmts.insert(CondStmts.end(), Body.begin(), Body.end());
    Body = std::move(CondStmts);
    C = nullptr;
  }
  emit(M.loop(LoopKind::For, std::move(Init), C, std::move(Body), std::move(Inc),
              loc(S->getForLoc())));
  return true;
}

bool GraphBuilder::Impl::whileStmt(const clang::WhileStmt *S) {
  Block CondStmts, Body;
  const Expr *C = nullptr;
  if (!condInBlock(S->getConditionVariable(), S->getCond(), CondStmts, C))
    return false;
  Breaks.push_back(BreakTarget::Loop);
  bool OK = blockOf(S->getBody(), Body);
  Breaks.pop_back();
  if (!OK)
    return false;
  if (!CondStmts.empty()) {
    CondStmts.push_back(M.ifStmt(M.unary(Op::Not, C, C->Ty), {M.brk()}, {}));
    CondStmts.insert(CondStmts.end(), Body.begin(), Body.end());
    emit(M.loop(LoopKind::For, {}, nullptr, std::move(CondStmts), {},
                loc(S->getWhileLoc())));
    return true;
  }
  emit(M.loop(LoopKind::While, {}, C, std::move(Body), {}, loc(S->getWhileLoc())));
  return true;
}

bool GraphBuilder::Impl::doStmt(const clang::DoStmt *S) {
  Block CondStmts, Body;
  Breaks.push_back(BreakTarget::Loop);
  bool OK = blockOf(S->getBody(), Body);
  Breaks.pop_back();
  if (!OK)
    return false;
  const Expr *C = nullptr;
  if (!exprInBlock(S->getCond(), CondStmts, C))
    return false;
  if (!CondStmts.empty()) {
    // The condition needs statements (a call): `continue` must reach them,
    // so the loop tests at its top, from the second pass on:
    //   bool again = false;
    //   for (;;) { if (again) { stmts; if (!cond) break; } again = true; body }
    graph::Type B = graph::Type::scalar(ScalarKind::Bool, "bool");
    Loc L = loc(S->getDoLoc());
    Var *Again = temp("again", B, S->getDoLoc());
    emit(M.decl(Again, M.boolConst(false), L));
    CondStmts.push_back(M.ifStmt(M.unary(Op::Not, C, C->Ty), {M.brk(L)}, {}, L));
    Block Loop{M.ifStmt(M.ref(Again), std::move(CondStmts), {}, L),
               M.assign(M.ref(Again), M.boolConst(true), L)};
    Loop.insert(Loop.end(), Body.begin(), Body.end());
    emit(M.loop(LoopKind::For, {}, nullptr, std::move(Loop), {}, L));
    return true;
  }
  emit(M.loop(LoopKind::DoWhile, {}, C, std::move(Body), {}, loc(S->getDoLoc())));
  return true;
}

/// An explicit destructor call that does nothing: `p->~T()` of a scalar T
/// (a pseudo-destructor) or `o.~S()` of a class with a trivial destructor.
/// Returns the object expression, or null when \p CE is not one.
static const clang::Expr *noOpDestructorCall(const clang::CallExpr *CE) {
  const clang::Expr *Callee = CE->getCallee()->IgnoreParens();
  if (const auto *PD = dyn_cast<clang::CXXPseudoDestructorExpr>(Callee))
    return PD->getBase();
  const auto *DD = llvm::dyn_cast_or_null<clang::CXXDestructorDecl>(CE->getDirectCallee());
  const auto *MC = dyn_cast<clang::CXXMemberCallExpr>(CE);
  if (!DD || !MC || !DD->getParent()->hasTrivialDestructor())
    return nullptr;
  return MC->getImplicitObjectArgument();
}

/// A switch becomes an if / else-if chain on a copy of its condition. Case
/// labels without statements share the next body; a body that does not end
/// in break or return falls through, so the following bodies are appended.
bool GraphBuilder::Impl::sideEffect(const clang::Expr *E) {
  E = E->IgnoreParens();
  if (const auto *EWC = dyn_cast<clang::ExprWithCleanups>(E))
    E = EWC->getSubExpr()->IgnoreParens();
  if (const auto *CE = dyn_cast<clang::CastExpr>(E))
    if (CE->getCastKind() == clang::CK_ToVoid)
      E = CE->getSubExpr()->IgnoreParens();
  if (const auto *BO = dyn_cast<clang::BinaryOperator>(E)) {
    if (BO->isAssignmentOp()) {
      StatementContext = true;
      bool OK = assignment(BO) != nullptr;
      StatementContext = false;
      return OK;
    }
    if (BO->getOpcode() == clang::BO_Comma)
      return sideEffect(BO->getLHS()) && sideEffect(BO->getRHS());
  }
  if (const auto *UO = dyn_cast<clang::UnaryOperator>(E))
    if (UO->isIncrementDecrementOp())
      return increment(UO, /*ValueUsed=*/false) != nullptr;
  if (const auto *DE = dyn_cast<clang::CXXDeleteExpr>(E)) {
    bool Handled = false; // delete p of p = new double(x) (NewScalars.cpp)
    if (bool OK = deleteNewScalar(DE, Handled); Handled)
      return OK;
    return deleteStmt(DE);
  }
  if (const auto *CE = dyn_cast<clang::CallExpr>(E)) {
    bool Freed = false; // free(p) of p = (T *)malloc(...) (ScratchBuffers.cpp)
    if (bool OK = freeStmt(CE, Freed); Freed)
      return OK;
    if (isPrinting(CE))
      return printStmt(CE);
    if (isRangeAlgorithm(CE))
      return rangeAlgorithm(CE);
    if (isMutatingAlgorithm(CE))
      return mutatingAlgorithm(CE);
    if (const clang::Expr *Obj = noOpDestructorCall(CE)) {
      if (Obj->HasSideEffects(Ctx))
        return failStmt(Obj->getBeginLoc(), "the object of an explicit destructor call has "
                                            "side effects; compute it in a statement before");
      return true; // ends the object's lifetime; no numbers change
    }
    const clang::FunctionDecl *FD = CE->getDirectCallee();
    if (FD && FD->getReturnType()->isVoidType()) {
      unsigned Before = Diags.errorCount();
      return callExpr(CE) != nullptr || Diags.errorCount() == Before;
    }
  }
  if (const auto *CO = dyn_cast<clang::ConditionalOperator>(E))
    if (CO->getType()->isVoidType()) {
      // c ? f() : g();  is  if (c) f(); else g();
      const Expr *C = expr(CO->getCond());
      if (!C)
        return false;
      Block Then, Else;
      Block *Saved = Cur;
      Cur = &Then;
      bool OK = sideEffect(CO->getTrueExpr());
      Cur = &Else;
      OK = OK && sideEffect(CO->getFalseExpr());
      Cur = Saved;
      if (OK)
        emit(M.ifStmt(C, std::move(Then), std::move(Else), loc(CO->getQuestionLoc())));
      return OK;
    }
  // A pure expression statement: build it for its diagnostics, drop it.
  return expr(E) != nullptr;
}
