//===- Graph/GraphBuilder.cpp - Clang AST to computation graph ------------===//
//
// Statements are built into the current block; an expression with side
// effects (x++, a = b, a call to a user function) emits statements into the
// current block before the pure expression that uses their results. Where
// C++ evaluates lazily (?:, &&, ||) and an operand has side effects, the
// builder lowers it to an if statement, so evaluation order is kept.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "Graph/MathTable.h"
#include "Graph/MemberAccess.h"
#include "Graph/OperatorNames.h"
#include "Graph/TemplateNames.h"
#include "Graph/UserCopies.h"
#include "clang/AST/Attr.h"
#include "clang/AST/StmtOpenMP.h"
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

clang::PrintingPolicy adgen::printingPolicy(const clang::ASTContext &Ctx) {
  clang::PrintingPolicy PP(Ctx.getLangOpts());
  PP.SuppressUnwrittenScope = true;
  PP.SuppressTagKeyword = true;
  PP.Bool = true;
  return PP;
}

GraphBuilder::GraphBuilder(clang::ASTContext &Ctx, Module &M, Diagnoser &Diags,
                           const CustomMap &Customs)
    : P(std::make_unique<Impl>(Ctx, M, Diags, Customs)) {}
GraphBuilder::~GraphBuilder() = default;
Function *GraphBuilder::build(const clang::FunctionDecl *FD) { return P->build(FD); }

//===----------------------------------------------------------------------===//
// Functions and names
//===----------------------------------------------------------------------===//

std::vector<std::string> GraphBuilder::Impl::namespacesOf(const clang::Decl *D) {
  std::vector<std::string> Out;
  for (const clang::DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<clang::NamespaceDecl>(DC))
      Out.insert(Out.begin(), NS->isAnonymousNamespace() ? "" : NS->getNameAsString());
  return Out;
}

std::string GraphBuilder::Impl::qualifiedName(const clang::NamedDecl *D) {
  // A static member is named through its class: ns::Spring::h.
  if (const auto *RD = dyn_cast<clang::RecordDecl>(D->getDeclContext()))
    return Ctx.getRecordType(RD).getAsString(printingPolicy(Ctx)) + "::" + D->getNameAsString();
  std::string S;
  for (const std::string &NS : namespacesOf(D))
    if (!NS.empty())
      S += NS + "::";
  return S + D->getNameAsString();
}

bool GraphBuilder::Impl::typeOf(clang::QualType QT, clang::SourceLocation L,
                                Type &Out, llvm::StringRef What) {
  if (mapType(QT, Ctx, Out))
    return true;
  std::string T = QT.getAsString(printingPolicy(Ctx));
  std::string Why = unsupportedTypeReason(QT, Ctx);
  if (QT->isUnionType())
    Diags.error(L, "unions are not supported: " + What + " has type '" + T + "'");
  else if (!Why.empty())
    Diags.error(L, What + " has type '" + T + "': " + Why);
  else
    Diags.error(L, What + " has type '" + T +
                       "', which adgen does not support (supported: arithmetic "
                       "scalars, enums, plain structs of them, pointers, references "
                       "and fixed-size arrays of those, std::vector and std::array)");
  return false;
}

Var *GraphBuilder::Impl::newVar(llvm::StringRef Name, Type Ty, VarKind Kind,
                                clang::SourceLocation L) {
  Var *V = F->addVar(F->freshName(Name.empty() ? "unnamed" : Name), std::move(Ty), Kind);
  V->Where = loc(L);
  return V;
}

Var *GraphBuilder::Impl::temp(llvm::StringRef Base, Type Ty, clang::SourceLocation L) {
  Var *V = newVar(Base, std::move(Ty), VarKind::Local, L);
  V->Synthetic = true;
  return V;
}

Function *GraphBuilder::Impl::build(const clang::FunctionDecl *FD) {
  FD = FD->getDefinition() ? FD->getDefinition() : FD;
  if (Function *Done = Built.lookup(FD))
    return Done;
  if (!FD->hasBody())
    return fail(FD->getLocation(), "'" + FD->getNameAsString() +
                                       "' has no body that adgen can see; define it "
                                       "in this translation unit"),
           nullptr;
  const auto *MD = dyn_cast<clang::CXXMethodDecl>(FD);
  if (MD && MD->isVirtual())
    return fail(FD->getLocation(), "virtual member function '" + FD->getNameAsString() +
                                       "' cannot be differentiated: which body runs is "
                                       "only known at run time"),
           nullptr;
  if (isa<clang::CXXConstructorDecl>(FD) || isa<clang::CXXDestructorDecl>(FD) ||
      isa<clang::CXXConversionDecl>(FD))
    return fail(FD->getLocation(), "constructors, destructors and conversion functions "
                                   "are not supported; use aggregate initialisation "
                                   "(S{a, b}) and plain functions"),
           nullptr;

  // Save the state of an enclosing build (a caller being built).
  Function *OuterF = F;
  Block *OuterCur = Cur;
  auto OuterBreaks = std::move(Breaks);
  Breaks.clear();
  Var *OuterSelf = Self;
  const Expr *OuterSelfObj = SelfObj;
  Self = nullptr;
  SelfObj = nullptr;

  Function &G = M.addFunction(FD->getNameAsString());
  F = &G;
  Built[FD] = &G;
  G.Decl = FD;
  G.Where = loc(FD->getLocation());
  G.Namespaces = namespacesOf(FD);
  G.IsStatic = !MD && FD->getStorageClass() == clang::SC_Static;
  G.IsInline = FD->isInlined();
  bool OK = true;
  if (MD && MD->isInstance()) {
    // The object is the first parameter, `self`: `const S &self` for a const
    // method, `S &self` otherwise (interface.md, section 4).
    graph::Type ST;
    if (!typeOf(MD->getThisType()->getPointeeType(), FD->getLocation(), ST,
                "the object of '" + FD->getNameAsString() + "'"))
      OK = false;
    else {
      ST.IsReference = true;
      ST.IsConst = MD->isConst();
      Self = newVar("self", ST, VarKind::Param, FD->getLocation());
      SelfObj = M.ref(Self);
      G.Params.push_back(Self);
      G.Method = MD->getAccess() == clang::AS_public ? MD->getNameAsString() : "(private)";
    }
  }
  clang::QualType RT = FD->getReturnType();
  bool OuterReturnsThis = ReturnsThis;
  ReturnsThis = MD && returnsThis(MD);
  G.ReturnsVoid = RT->isVoidType() || ReturnsThis;
  if (!G.ReturnsVoid) {
    OK &= typeOf(RT, FD->getReturnTypeSourceRange().getBegin(), G.ReturnType,
                 "the return value of '" + FD->getNameAsString() + "'");
    if (OK && (G.ReturnType.IsPointer || G.ReturnType.IsReference))
      OK = failStmt(FD->getLocation(), "functions returning pointers or references "
                                       "are not supported");
    else if (OK && G.ReturnType.isContainer())
      OK = failStmt(FD->getLocation(), "functions returning a std::vector or std::array "
                                       "are not supported; pass the result by reference");
  }
  for (const clang::ParmVarDecl *PD : FD->parameters()) {
    graph::Type T;
    if (!mapType(PD->getType(), Ctx, T) && !mapInactiveParam(PD->getType(), Ctx, T) &&
        !typeOf(PD->getType(), PD->getLocation(), T,
                "parameter '" + PD->getNameAsString() + "'")) {
      OK = false;
      continue;
    }
    Var *V = newVar(PD->getName(), T, VarKind::Param, PD->getLocation());
    Vars[PD] = V;
    G.Params.push_back(V);
  }
  if (FD->isVariadic())
    OK = failStmt(FD->getLocation(), "variadic functions are not supported");
  Cur = &G.Body;
  if (OK)
    OK = stmt(FD->getBody());
  if (OK)
    OK = copyWrittenValueStructs(G);
  if (OK)
    OK = checkScalarDataFlow(G);
  if (OK)
    OK = checkVectorSizes(G);
  if (OK)
    OK = checkVectorGrowth(G);

  F = OuterF;
  Cur = OuterCur;
  Breaks = std::move(OuterBreaks);
  Self = OuterSelf;
  SelfObj = OuterSelfObj;
  ReturnsThis = OuterReturnsThis;
  if (!OK) {
    Built[FD] = nullptr;
    return nullptr;
  }
  return &G;
}

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

bool GraphBuilder::Impl::stmt(const clang::Stmt *S) {
  using namespace clang;
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    // Stop at the first error: later ones would only be its echoes.
    for (const clang::Stmt *const *It = CS->body_begin(), *const *End = CS->body_end();
         It != End; ++It) {
      if (const CallExpr *Marker = checkpointMarker(*It)) {
        if (!checkpointedLoop(Marker, ++It, End))
          return false;
        continue;
      }
      if (!stmt(*It))
        return false;
    }
    return true;
  }
  if (const CallExpr *Marker = checkpointMarker(S))
    return failStmt(Marker->getBeginLoc(),
                    "ADGEN_CHECKPOINT must come right before the 'for' loop it checkpoints");
  if (isa<NullStmt>(S))
    return true;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    return declStmt(DS);
  if (const auto *E = dyn_cast<clang::Expr>(S))
    return isAssert(E, Ctx) ? assertStmt(E) : sideEffect(E);
  if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
    const graph::Expr *V = nullptr;
    if (RS->getRetValue() && ReturnsThis) {
      // `return *this;` of a method returning its object: the caller has it.
    } else if (RS->getRetValue()) {
      V = expr(RS->getRetValue());
      if (!V)
        return false;
    }
    emit(M.ret(V, loc(RS->getReturnLoc())));
    return true;
  }
  if (const auto *IS = dyn_cast<IfStmt>(S))
    return ifStmt(IS);
  if (const auto *FS = dyn_cast<ForStmt>(S))
    return forStmt(FS);
  if (const auto *WS = dyn_cast<WhileStmt>(S))
    return whileStmt(WS);
  if (const auto *DS = dyn_cast<DoStmt>(S))
    return doStmt(DS);
  if (const auto *SS = dyn_cast<SwitchStmt>(S))
    return switchStmt(SS);
  if (isa<BreakStmt>(S)) {
    // A break nested inside a switch case leaves the switch, which is built
    // as a one-pass loop for that purpose (see switchStmt).
    if (!Breaks.empty() && Breaks.back() == BreakTarget::Switch)
      SwitchBreaks = true;
    emit(M.brk(loc(S->getBeginLoc())));
    return true;
  }
  if (isa<ContinueStmt>(S)) {
    if (std::find(Breaks.begin(), Breaks.end(), BreakTarget::Switch) != Breaks.end() &&
        Breaks.back() == BreakTarget::Switch)
      SwitchContinues = true;
    emit(M.cont(loc(S->getBeginLoc())));
    return true;
  }
  if (isa<GotoStmt>(S) || isa<IndirectGotoStmt>(S))
    return failStmt(S->getBeginLoc(), "'goto' is not supported; adgen differentiates "
                                      "structured control flow only (use loops, "
                                      "break and continue)");
  if (const auto *LS = dyn_cast<LabelStmt>(S))
    return failStmt(LS->getBeginLoc(), "labels (goto targets) are not supported");
  if (isa<CXXTryStmt>(S))
    return failStmt(S->getBeginLoc(), "exceptions ('try') are not supported in "
                                      "differentiated code; move error handling out "
                                      "of the function");
  if (isa<AsmStmt>(S))
    return failStmt(S->getBeginLoc(), "inline assembly cannot be differentiated; move it "
                                      "into a function of its own and give that function "
                                      "a derivative marked ADGEN_CUSTOM");
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(S))
    return rangeFor(RF);
  if (isa<AttributedStmt>(S))
    return stmt(clang::cast<AttributedStmt>(S)->getSubStmt());
  if (const auto *OD = dyn_cast<OMPExecutableDirective>(S))
    return ompDirective(OD);
  return failStmt(S->getBeginLoc(), llvm::Twine("statement '") + S->getStmtClassName() +
                                        "' is not supported");
}

bool GraphBuilder::Impl::declStmt(const clang::DeclStmt *DS) {
  bool OK = true;
  for (const clang::Decl *D : DS->decls()) {
    if (const auto *VD = dyn_cast<clang::VarDecl>(D))
      OK &= varDecl(VD);
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
  if (isScratchBufferDecl(VD)) // new T[n], std::unique_ptr<T[]> (ScratchBuffers.cpp)
    return scratchBufferDecl(VD);
  if (isViewDecl(VD)) // a local struct with pointer fields (Views.cpp)
    return viewDecl(VD);
  if (VD->getType()->isReferenceType()) {
    // double &r = a[i]; names that element for the rest of its scope: r is
    // an alias of the lvalue, with its index fixed where the reference binds.
    graph::Type T;
    if (!typeOf(VD->getType(), L, T, "local reference '" + VD->getNameAsString() + "'"))
      return false;
    if (!VD->getInit())
      return failStmt(L, "a reference must be initialised");
    const graph::Expr *Target = T.IsConst ? expr(VD->getInit()) : lvalue(VD->getInit());
    if (!Target)
      return false;
    if (Target->K == Op::Load) {
      // The element the reference binds stays the same: indices are fixed now.
      std::function<const graph::Expr *(const graph::Expr *)> Freeze =
          [&](const graph::Expr *P) -> const graph::Expr * {
        if (P->K != Op::Load)
          return P;
        const graph::Expr *Base = Freeze(P->Ops[0]);
        const graph::Expr *Idx = P->Ops[1];
        if (!Idx->isConstant()) {
          Var *IV = temp(VD->getName().str() + "_index", Idx->Ty.element(), L);
          emit(M.decl(IV, Idx, loc(L)));
          Idx = M.ref(IV);
        }
        if (isFieldLoad(P))
          return M.field(Base, Idx->Text, P->Ty);
        return Base == P->Ops[0] && Idx == P->Ops[1] ? P : M.load(Base, Idx);
      };
      Target = Freeze(Target);
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
  // auto it = std::max_element(...): say what is not supported, rather than
  // what the iterator's type is made of.
  if (const clang::Expr *Init = VD->getInit())
    if (const auto *CE = dyn_cast<clang::CallExpr>(Init->IgnoreImplicit());
        CE && isStdAlgorithm(CE) && !VD->getType()->isArithmeticType())
      return stdAlgorithm(CE, /*Dereferenced=*/false) != nullptr;
  graph::Type T;
  if (!typeOf(VD->getType(), L, T, "local variable '" + VD->getNameAsString() + "'"))
    return false;
  if (T.Rec && !T.Rec->ZeroWhenValueInitialised && !T.IsPointer && (T.ArraySize || T.IsVector))
    return failStmt(L, "local " + std::string(T.IsVector ? "std::vector" : "array") + " '" +
                           VD->getNameAsString() + "' of '" + T.Rec->Spelling +
                           "', a class with a constructor or default member initialisers, "
                           "is not supported yet (its elements would be built by the "
                           "default constructor); declare the objects one by one, or use "
                           "a plain struct for the elements");
  Var *V = newVar(VD->getName(), T, VarKind::Local, L);
  Vars[VD] = V;
  const clang::Expr *Init = VD->getInit();
  if (!T.IsPointer && (T.Rec || T.isContainer())) {
    V->Ty.IsConst = false; // built by assignments
    return recordOrContainerDecl(VD, V);
  }
  if (T.ArraySize) {
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
  if (T.IsPointer) {
    if (!Init)
      return failStmt(L, "a pointer variable must be initialised where it is declared");
    const graph::Expr *Val = expr(Init);
    if (!Val)
      return false;
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

/// A switch becomes an if / else-if chain on a copy of its condition. Case
/// labels without statements share the next body; a body that does not end
/// in break or return falls through, so the following bodies are appended.
bool GraphBuilder::Impl::switchStmt(const clang::SwitchStmt *S) {
  using namespace clang;
  if (S->getInit() && !stmt(S->getInit()))
    return false;
  if (S->getConditionVariable() && !varDecl(S->getConditionVariable()))
    return false;
  const graph::Expr *C = expr(S->getCond());
  if (!C)
    return false;
  Var *Sel = temp("selector", C->Ty.element(), S->getSwitchLoc());
  emit(M.decl(Sel, C, loc(S->getSwitchLoc())));

  struct Section {
    std::vector<const graph::Expr *> Labels; // empty: default
    bool IsDefault = false;
    std::vector<const clang::Stmt *> Body;
  };
  std::vector<Section> Sections;
  const auto *CS = dyn_cast<CompoundStmt>(S->getBody());
  if (!CS)
    return failStmt(S->getBody()->getBeginLoc(), "a switch body must be a block");
  for (const clang::Stmt *Child : CS->body()) {
    const clang::Stmt *Inner = Child;
    bool Labelled = false;
    while (const auto *SC = dyn_cast<SwitchCase>(Inner)) {
      if (!Labelled && (Sections.empty() || !Sections.back().Body.empty()))
        Sections.emplace_back();
      Labelled = true;
      if (const auto *Case = dyn_cast<CaseStmt>(SC)) {
        if (Case->caseStmtIsGNURange())
          return failStmt(Case->getBeginLoc(), "case ranges are not supported");
        clang::Expr::EvalResult R;
        if (!Case->getLHS()->EvaluateAsInt(R, Ctx))
          return failStmt(Case->getBeginLoc(), "case label is not a constant");
        // The label as written (Color::Red), so it compares with the selector.
        const graph::Expr *Lab = expr(Case->getLHS());
        if (!Lab || !Lab->isConstant())
          Lab = M.constant(llvm::toString(R.Val.getInt(), 10), C->Ty.element());
        Sections.back().Labels.push_back(Lab);
      } else {
        Sections.back().IsDefault = true;
      }
      Inner = SC->getSubStmt();
    }
    if (Sections.empty())
      return failStmt(Child->getBeginLoc(), "statement before the first case label");
    Sections.back().Body.push_back(Inner);
  }

  // Each section's statements up to its first top-level break, with
  // fall-through into the following sections.
  auto bodyOf = [&](size_t First, Block &Out) -> bool {
    for (size_t I = First; I < Sections.size(); ++I) {
      for (const clang::Stmt *St : Sections[I].Body) {
        if (isa<BreakStmt>(St))
          return true;
        Breaks.push_back(BreakTarget::Switch);
        Block *Saved = Cur;
        Cur = &Out;
        bool OK = stmt(St);
        Cur = Saved;
        Breaks.pop_back();
        if (!OK)
          return false;
        if (isa<ReturnStmt>(St) || isa<ContinueStmt>(St))
          return true;
      }
    }
    return true;
  };

  bool OuterBreaks = SwitchBreaks, OuterContinues = SwitchContinues;
  SwitchBreaks = SwitchContinues = false;
  Block Chain;
  Block *Tail = &Chain;
  int Default = -1;
  for (size_t I = 0; I < Sections.size(); ++I) {
    if (Sections[I].IsDefault)
      Default = int(I);
    if (Sections[I].Labels.empty())
      continue;
    const graph::Expr *Test = nullptr;
    graph::Type B = graph::Type::scalar(ScalarKind::Bool, "bool");
    for (const graph::Expr *Lab : Sections[I].Labels) {
      const graph::Expr *Eq = M.binary(Op::Eq, M.ref(Sel), Lab, B);
      Test = Test ? M.binary(Op::Or, Test, Eq, B) : Eq;
    }
    Block Then;
    if (!bodyOf(I, Then))
      return false;
    Tail->push_back(M.ifStmt(Test, std::move(Then), {}, loc(S->getSwitchLoc())));
    Tail = &Tail->back()->Else;
  }
  if (Default >= 0 && !bodyOf(size_t(Default), *Tail))
    return false;
  bool NestedBreak = SwitchBreaks, NestedContinue = SwitchContinues;
  SwitchBreaks = OuterBreaks;
  SwitchContinues = OuterContinues;
  if (NestedBreak) {
    if (NestedContinue)
      return failStmt(S->getSwitchLoc(), "a switch with both a nested 'break' and a "
                                         "'continue' is not supported; restructure it "
                                         "as if/else");
    // do { chain } while (false): its breaks leave the switch.
    emit(M.loop(LoopKind::DoWhile, {}, M.boolConst(false), std::move(Chain), {},
                loc(S->getSwitchLoc())));
    return true;
  }
  for (graph::Stmt *St : Chain)
    emit(St);
  return true;
}

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
  if (const auto *DE = dyn_cast<clang::CXXDeleteExpr>(E))
    return deleteStmt(DE);
  if (const auto *CE = dyn_cast<clang::CallExpr>(E)) {
    if (isPrinting(CE))
      return printStmt(CE);
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

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

bool GraphBuilder::Impl::condInBlock(const clang::VarDecl *CV, const clang::Expr *E,
                                     Block &Stmts, const Expr *&Value) {
  if (!CV)
    return exprInBlock(E, Stmts, Value);
  // while (double t = g(x)): t is declared anew, then tested, every pass.
  Block *Saved = Cur;
  Cur = &Stmts;
  bool OK = varDecl(CV);
  Cur = Saved;
  Block More;
  if (!OK || !exprInBlock(E, More, Value))
    return false;
  Stmts.insert(Stmts.end(), More.begin(), More.end());
  return true;
}

bool GraphBuilder::Impl::exprInBlock(const clang::Expr *E, Block &Stmts,
                                     const Expr *&Value) {
  Block *Saved = Cur;
  Cur = &Stmts;
  Value = expr(E);
  Cur = Saved;
  return Value != nullptr;
}

const Expr *GraphBuilder::Impl::expr(const clang::Expr *E) {
  using namespace clang;
  E = E->IgnoreParens();
  graph::Type T;
  {
    bool Handled = false;
    const graph::Expr *R = complexExpr(E, Handled);
    if (Handled)
      return R;
    R = tupleExpr(E, Handled);
    if (Handled)
      return R;
  }
  if (const auto *IL = dyn_cast<IntegerLiteral>(E)) {
    if (!typeOf(E->getType(), E->getBeginLoc(), T, "this literal"))
      return nullptr;
    // The user's spelling keeps the type: 1ULL, 2L, 0x10. (Not the N that
    // a template argument replaced.)
    if (!IL->getLocation().isMacroID()) {
      llvm::StringRef Spelled = clang::Lexer::getSourceText(
          clang::CharSourceRange::getTokenRange(IL->getSourceRange()), Ctx.getSourceManager(),
          Ctx.getLangOpts());
      if (!Spelled.empty() && llvm::isDigit(Spelled[0]) && !Spelled.contains('\''))
        return M.constant(Spelled.str(), T);
    }
    std::string Text = llvm::toString(IL->getValue(), 10, IL->getType()->isSignedIntegerType());
    if (IL->getType()->isUnsignedIntegerType())
      Text += "u";
    if (Ctx.getTypeSize(IL->getType()) > Ctx.getTypeSize(Ctx.IntTy))
      Text += "ll";
    return M.constant(Text, T);
  }
  if (const auto *FL = dyn_cast<FloatingLiteral>(E)) {
    if (!typeOf(E->getType(), E->getBeginLoc(), T, "this literal"))
      return nullptr;
    // Keep the user's spelling (0.5, 1e-8, 2.f) when it is in the file.
    const clang::SourceManager &SM = Ctx.getSourceManager();
    if (!FL->getLocation().isMacroID()) {
      llvm::StringRef Spelled = clang::Lexer::getSourceText(
          clang::CharSourceRange::getTokenRange(FL->getSourceRange()), SM, Ctx.getLangOpts());
      if (!Spelled.empty() && (llvm::isDigit(Spelled[0]) || Spelled[0] == '.') &&
          !Spelled.contains('\''))
        return M.constant(Spelled.str(), T);
    }
    return M.floatConst(FL->getValueAsApproximateDouble(), T);
  }
  if (const auto *BL = dyn_cast<CXXBoolLiteralExpr>(E))
    return M.boolConst(BL->getValue());
  if (const auto *CL = dyn_cast<CharacterLiteral>(E))
    return M.constant(std::to_string(CL->getValue()), graph::Type::scalar(ScalarKind::Int, "int"));
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return declRef(DRE);
  if (const auto *CE = dyn_cast<CastExpr>(E))
    return cast(CE);
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return unaryOp(UO);
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return binaryOp(BO);
  if (const auto *CO = dyn_cast<ConditionalOperator>(E))
    return conditional(CO);
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    const graph::Expr *Base = expr(AS->getBase());
    const graph::Expr *Idx = Base ? expr(AS->getIdx()) : nullptr;
    if (!Idx)
      return nullptr;
    if (!Base->Ty.isMemory())
      return fail(AS->getBeginLoc(), "subscript of something that is not an array");
    if (const auto *Row = Ctx.getAsConstantArrayType(AS->getType())) {
      // m[i] of a 2-D array is a row: a pointer i * (row length) further.
      graph::Type RowT;
      if (!mapType(QualType(Row, 0), Ctx, RowT))
        return fail(AS->getBeginLoc(), "unsupported array");
      const graph::Expr *Len = M.intConst(RowT.ArraySize);
      return M.ptrAdd(Base, M.binary(Op::Mul, Idx, Len, Idx->Ty));
    }
    return M.load(Base, Idx);
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    unsigned Before = Diags.errorCount();
    const graph::Expr *R = callExpr(CE);
    if (R == nullptr && Diags.errorCount() == Before)
      return fail(CE->getBeginLoc(), "the result of a void call used as a value");
    return R;
  }
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
    return expr(MT->getSubExpr());
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return expr(EWC->getSubExpr());
  if (const auto *CE = dyn_cast<ConstantExpr>(E))
    return expr(CE->getSubExpr());
  if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(E))
    return expr(DA->getExpr());
  if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
    return expr(BT->getSubExpr());
  if (isa<UnaryExprOrTypeTraitExpr>(E) || isa<OffsetOfExpr>(E)) {
    clang::Expr::EvalResult R;
    if (!typeOf(E->getType(), E->getBeginLoc(), T, "this expression") ||
        !E->EvaluateAsInt(R, Ctx))
      return fail(E->getBeginLoc(), "sizeof/alignof of a variable-length type");
    return M.constant(llvm::toString(R.Val.getInt(), 10), T);
  }
  if (const auto *SI = dyn_cast<SubstNonTypeTemplateParmExpr>(E))
    return expr(SI->getReplacement());
  if (isa<CXXThrowExpr>(E))
    return fail(E->getBeginLoc(), "exceptions ('throw') are not supported in "
                                  "differentiated code; check the inputs before the "
                                  "call or report errors through the result");
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return memberExpr(ME);
  if (E->getType()->isRecordType() &&
      (isa<InitListExpr>(E) || isa<CXXConstructExpr>(E) || isa<CXXScalarValueInitExpr>(E) ||
       isa<CompoundLiteralExpr>(E))) {
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
      if (CE->getNumArgs() == 1 && CE->getConstructor()->isCopyOrMoveConstructor() &&
          copiesFields(CE->getConstructor(), Ctx))
        return expr(CE->getArg(0)); // a copy: the value copied
    if (!typeOf(E->getType(), E->getBeginLoc(), T, "this value"))
      return nullptr;
    return recordValue(E, T);
  }
  if (isa<CXXThisExpr>(E))
    return fail(E->getBeginLoc(), "'this' as a pointer is not supported; use the "
                                  "object's fields or '*this'");
  if (isa<LambdaExpr>(E))
    return fail(E->getBeginLoc(), "a lambda used as a value (passed to a function, "
                                  "stored in std::function) is not supported; define it "
                                  "with 'auto f = [...](...) {...};' and call it in this "
                                  "function");
  if (isa<CXXStdInitializerListExpr>(E))
    return fail(E->getBeginLoc(), "std::initializer_list is not supported");
  if (isa<CXXNullPtrLiteralExpr>(E) || isa<GNUNullExpr>(E))
    return fail(E->getBeginLoc(), "null pointers are not supported in differentiated "
                                  "code");
  return fail(E->getBeginLoc(), llvm::Twine("expression '") + E->getStmtClassName() +
                                    "' is not supported");
}

const Expr *GraphBuilder::Impl::declRef(const clang::DeclRefExpr *DRE) {
  using namespace clang;
  const ValueDecl *D = DRE->getDecl();
  if (Var *V = Vars.lookup(D))
    return M.ref(V);
  if (const graph::Expr *A = Aliases.lookup(D))
    return A;
  if (Views.count(D))
    return viewAsWhole(DRE);
  graph::Type T;
  if (const auto *EC = dyn_cast<EnumConstantDecl>(D)) {
    if (!typeOf(DRE->getType(), DRE->getLocation(), T, "this enumerator"))
      return nullptr;
    std::string S;
    llvm::raw_string_ostream OS(S);
    EC->printQualifiedName(OS, printingPolicy(Ctx));
    return M.constant(OS.str(), T);
  }
  if (const auto *VD = dyn_cast<VarDecl>(D)) {
    if (!VD->hasGlobalStorage())
      return fail(DRE->getLocation(), "variable '" + VD->getNameAsString() +
                                          "' is captured from an enclosing scope, "
                                          "which is not supported");
    // An integer constant is folded: `N` of `constexpr int N = 3`.
    if (VD->getType().isConstQualified() && VD->getType()->isIntegralOrEnumerationType()) {
      if (const APValue *Val = VD->evaluateValue())
        if (Val->isInt() && typeOf(VD->getType(), DRE->getLocation(), T, "this constant"))
          return M.constant(llvm::toString(Val->getInt(), 10), T);
    }
    if (!typeOf(VD->getType(), DRE->getLocation(), T,
                "global variable '" + VD->getNameAsString() + "'"))
      return nullptr;
    Var *V = F->addVar(VD->getNameAsString(), T, VarKind::Global);
    V->Name = "::" + qualifiedName(VD);
    V->Private = memberAccess(VD, Ctx); // a private static data member
    V->Where = loc(VD->getLocation());
    Vars[VD] = V;
    return M.ref(V);
  }
  return fail(DRE->getLocation(), "reference to '" + D->getNameAsString() +
                                      "' is not supported here");
}

const Expr *GraphBuilder::Impl::cast(const clang::CastExpr *CE) {
  using namespace clang;
  const graph::Expr *Sub = nullptr;
  switch (CE->getCastKind()) {
  case CK_NoOp:
    if (CE->getType()->isPointerType() && CE->getSubExpr()->getType()->isPointerType() &&
        !CE->getType()->getPointeeType().isConstQualified() &&
        CE->getSubExpr()->getType()->getPointeeType().isConstQualified())
      return castAwayConst(CE); // const_cast<double *>(p) (ScratchBuffers.cpp)
    return expr(CE->getSubExpr());
  case CK_LValueToRValue:
  case CK_ArrayToPointerDecay:
  case CK_ToVoid:
  case CK_UserDefinedConversion:
  case CK_ConstructorConversion:
    return expr(CE->getSubExpr());
  case CK_IntegralCast:
  case CK_IntegralToFloating:
  case CK_FloatingToIntegral:
  case CK_FloatingCast:
  case CK_IntegralToBoolean:
  case CK_FloatingToBoolean:
  case CK_BooleanToSignedIntegral: {
    Sub = expr(CE->getSubExpr());
    if (!Sub)
      return nullptr;
    graph::Type T;
    if (!typeOf(CE->getType(), CE->getBeginLoc(), T, "this conversion"))
      return nullptr;
    if (T.Scalar == Sub->Ty.Scalar && T.Spelling == Sub->Ty.Spelling)
      return Sub;
    // A small integer literal converts implicitly where it is used: `i - 1`,
    // not `i - static_cast<std::size_t>(1)`.
    if (T.Scalar == ScalarKind::Int && !CE->getType()->isEnumeralType() &&
        Sub->K == Op::Const && Sub->Ty.Scalar == ScalarKind::Int &&
        llvm::all_of(Sub->Text, [](char C) { return C >= '0' && C <= '9'; }) &&
        Sub->Text.size() < 9)
      return M.constant(Sub->Text, T);
    // An integer constant used as a floating-point value reads as one: 0.0.
    if (T.isFloating() && Sub->Ty.Scalar == ScalarKind::Int && Sub->isConstant())
      if (auto V = CE->getSubExpr()->getIntegerConstantExpr(Ctx))
        return M.floatConst(double(V->getExtValue()), T);
    return M.cast(Sub, T);
  }
  case CK_UncheckedDerivedToBase:
  case CK_DerivedToBase:
    // An object seen as its base class: the same storage, whose fields (the
    // base's first) the graph finds by name. Through a pointer it would
    // index by the base's size, so that is refused.
    if (CE->getType()->isPointerType())
      return fail(CE->getBeginLoc(), "converting a pointer to a derived class into a "
                                     "pointer to its base is not supported; pass the "
                                     "object by reference");
    return expr(CE->getSubExpr());
  case CK_NullToPointer:
    return fail(CE->getBeginLoc(), "null pointers are not supported in differentiated "
                                   "code; pass a valid array");
  case CK_BitCast:
  case CK_PointerToIntegral:
  case CK_IntegralToPointer:
    return fail(CE->getBeginLoc(), "pointer casts are not supported");
  default:
    return fail(CE->getBeginLoc(), llvm::Twine("conversion '") + CE->getCastKindName() +
                                       "' is not supported");
  }
}

const Expr *GraphBuilder::Impl::unaryOp(const clang::UnaryOperator *UO) {
  using namespace clang;
  if (UO->isIncrementDecrementOp())
    return increment(UO);
  if (UO->getOpcode() == UO_Deref && isa<CXXThisExpr>(UO->getSubExpr()->IgnoreParenImpCasts())) {
    if (!SelfObj) // *this: the object
      return fail(UO->getBeginLoc(), "'this' outside a member function");
    return SelfObj;
  }
  if (UO->getOpcode() == UO_Deref) {
    bool Handled = false;
    const graph::Expr *R = dereferencedStdAlgorithm(UO, Handled);
    if (Handled)
      return R;
  }
  if (UO->getOpcode() == UO_AddrOf) {
    const auto *AS = dyn_cast<ArraySubscriptExpr>(UO->getSubExpr()->IgnoreParens());
    if (!AS)
      return fail(UO->getBeginLoc(), "taking the address of a variable is supported only "
                                     "as the argument of a call ('h(&x)'); pass arrays "
                                     "by pointer and scalars by value or reference");
    const graph::Expr *Base = expr(AS->getBase());
    const graph::Expr *Idx = Base ? expr(AS->getIdx()) : nullptr;
    return Idx ? M.ptrAdd(Base, Idx) : nullptr;
  }
  const graph::Expr *A = expr(UO->getSubExpr());
  if (!A)
    return nullptr;
  graph::Type T;
  if (UO->getOpcode() != UO_Deref &&
      !typeOf(UO->getType(), UO->getBeginLoc(), T, "this expression"))
    return nullptr;
  switch (UO->getOpcode()) {
  case UO_Plus:
    return A;
  case UO_Minus:
    return M.unary(Op::Neg, A, T);
  case UO_LNot:
    return M.unary(Op::Not, A, T);
  case UO_Not:
    return M.unary(Op::BitNot, A, T);
  case UO_Deref:
    if (!A->Ty.isMemory())
      return fail(UO->getBeginLoc(), "dereference of something that is not a pointer");
    return M.load(A, M.intConst(0));
  default:
    return fail(UO->getBeginLoc(), "this unary operator is not supported");
  }
}

static Op binaryOpcode(clang::BinaryOperatorKind K) {
  using namespace clang;
  switch (K) {
  case BO_Add: case BO_AddAssign: return Op::Add;
  case BO_Sub: case BO_SubAssign: return Op::Sub;
  case BO_Mul: case BO_MulAssign: return Op::Mul;
  case BO_Div: case BO_DivAssign: return Op::Div;
  case BO_Rem: case BO_RemAssign: return Op::Rem;
  case BO_LT: return Op::Lt;
  case BO_LE: return Op::Le;
  case BO_GT: return Op::Gt;
  case BO_GE: return Op::Ge;
  case BO_EQ: return Op::Eq;
  case BO_NE: return Op::Ne;
  case BO_LAnd: return Op::And;
  case BO_LOr: return Op::Or;
  case BO_And: case BO_AndAssign: return Op::BitAnd;
  case BO_Or: case BO_OrAssign: return Op::BitOr;
  case BO_Xor: case BO_XorAssign: return Op::BitXor;
  case BO_Shl: case BO_ShlAssign: return Op::Shl;
  case BO_Shr: case BO_ShrAssign: return Op::Shr;
  default: return Op::Const;
  }
}

const Expr *GraphBuilder::Impl::binaryOp(const clang::BinaryOperator *BO) {
  using namespace clang;
  if (BO->isAssignmentOp())
    return assignment(BO);
  if (BO->getOpcode() == BO_Comma) {
    if (!sideEffect(BO->getLHS()))
      return nullptr;
    return expr(BO->getRHS());
  }
  if (BO->isLogicalOp())
    return logical(BO);
  Op K = binaryOpcode(BO->getOpcode());
  if (K == Op::Const)
    return fail(BO->getOperatorLoc(), "this operator is not supported");
  const graph::Expr *A = expr(BO->getLHS());
  const graph::Expr *B = A ? expr(BO->getRHS()) : nullptr;
  if (!B)
    return nullptr;
  if (A->Ty.isMemory() || B->Ty.isMemory()) {
    // Pointer arithmetic: p + i, i + p, p - i.
    if (A->Ty.isMemory() && B->Ty.isMemory())
      return fail(BO->getOperatorLoc(), "pointer differences and comparisons are not "
                                        "supported");
    if (K == Op::Add)
      return A->Ty.isMemory() ? M.ptrAdd(A, B) : M.ptrAdd(B, A);
    if (K == Op::Sub && A->Ty.isMemory())
      return M.ptrAdd(A, M.unary(Op::Neg, B, B->Ty));
    return fail(BO->getOperatorLoc(), "this pointer arithmetic is not supported");
  }
  graph::Type T;
  if (!typeOf(BO->getType(), BO->getBeginLoc(), T, "this expression"))
    return nullptr;
  return M.binary(K, A, B, T);
}

/// `a && b`, `a || b`. If b needs statements (a call, an increment), they run
/// only when C++ would evaluate b.
const Expr *GraphBuilder::Impl::logical(const clang::BinaryOperator *BO) {
  graph::Type B = Type::scalar(ScalarKind::Bool, "bool");
  const Expr *L = expr(BO->getLHS());
  if (!L)
    return nullptr;
  Block RStmts;
  const Expr *R = nullptr;
  if (!exprInBlock(BO->getRHS(), RStmts, R))
    return nullptr;
  bool IsAnd = BO->getOpcode() == clang::BO_LAnd;
  if (RStmts.empty())
    return M.binary(IsAnd ? Op::And : Op::Or, L, R, B);
  Var *T = temp(IsAnd ? "both" : "either", B, BO->getOperatorLoc());
  emit(M.decl(T, L, loc(BO->getOperatorLoc())));
  RStmts.push_back(M.assign(M.ref(T), R));
  const Expr *Test = IsAnd ? M.ref(T) : M.unary(Op::Not, M.ref(T), B);
  emit(M.ifStmt(Test, std::move(RStmts), {}, loc(BO->getOperatorLoc())));
  return M.ref(T);
}

const Expr *GraphBuilder::Impl::conditional(const clang::ConditionalOperator *CO) {
  const Expr *C = expr(CO->getCond());
  if (!C)
    return nullptr;
  Block TS, FS;
  const Expr *TV = nullptr, *FV = nullptr;
  if (!exprInBlock(CO->getTrueExpr(), TS, TV) || !exprInBlock(CO->getFalseExpr(), FS, FV))
    return nullptr;
  bool Struct = TV->Ty.Rec && !TV->Ty.IsPointer;
  if (TS.empty() && FS.empty() && !Struct)
    return M.select(C, TV, FV);
  // A struct is chosen field by field, in a branch.
  graph::Type VT = TV->Ty.element();
  VT.IsConst = false;
  Var *T = temp("chosen", VT, CO->getQuestionLoc());
  emit(M.decl(T, nullptr, loc(CO->getQuestionLoc())));
  copyFields(M, M.ref(T), TV, VT, TS);
  copyFields(M, M.ref(T), FV, VT, FS);
  emit(M.ifStmt(C, std::move(TS), std::move(FS), loc(CO->getQuestionLoc())));
  return M.ref(T);
}

const Expr *GraphBuilder::Impl::lvalue(const clang::Expr *E) {
  const clang::Expr *Bare = E->IgnoreParens();
  const Expr *T = expr(Bare);
  if (!T)
    return nullptr;
  if (T->K == Op::VarRef && T->V->Kind == VarKind::Global && T->V->Ty.IsConst)
    return fail(E->getBeginLoc(), "assignment to a const global");
  if (T->K == Op::VarRef && T->V->Ty.IsPointer)
    return fail(E->getBeginLoc(), "assigning to a pointer variable is not supported; "
                                  "declare a new pointer or use an index");
  if (T->K == Op::VarRef && T->V->Kind == VarKind::Param && T->V->Ty.IsConst)
    return fail(E->getBeginLoc(), "assignment to a const parameter");
  if (T->K != Op::VarRef && T->K != Op::Load)
    return fail(E->getBeginLoc(), "this assignment target is not supported");
  return T;
}

const Expr *GraphBuilder::Impl::assignment(const clang::BinaryOperator *BO) {
  // C++17 evaluates the right operand of an assignment first.
  const Expr *R = expr(BO->getRHS());
  if (!R)
    return nullptr;
  if (const auto *CO = dyn_cast<clang::ConditionalOperator>(BO->getLHS()->IgnoreParens())) {
    if (BO->getOpcode() != clang::BO_Assign && !StatementContext)
      return fail(BO->getOperatorLoc(), "the value of a compound assignment to '?:' is not "
                                        "supported; use it as a statement");
    // (c ? a : b) op= r  becomes  if (c) a op= r; else b op= r;
    const Expr *C = expr(CO->getCond());
    if (!C)
      return nullptr;
    Block Then, Else;
    Block *Saved = Cur;
    Cur = &Then;
    bool OK = assignInto(CO->getTrueExpr(), BO, R) != nullptr;
    Cur = &Else;
    OK = OK && assignInto(CO->getFalseExpr(), BO, R) != nullptr;
    Cur = Saved;
    if (!OK)
      return nullptr;
    emit(M.ifStmt(C, std::move(Then), std::move(Else), loc(BO->getOperatorLoc())));
    return R; // the value of `(c ? a : b) = r` is r
  }
  return assignInto(BO->getLHS(), BO, R);
}

const Expr *GraphBuilder::Impl::assignInto(const clang::Expr *LHS,
                                           const clang::BinaryOperator *BO, const Expr *R) {
  const Expr *T = lvalue(LHS);
  if (!T)
    return nullptr;
  if (BO->getOpcode() != clang::BO_Assign) {
    Op K = binaryOpcode(BO->getOpcode());
    const auto *CA = clang::cast<clang::CompoundAssignOperator>(BO);
    graph::Type CT;
    if (!typeOf(CA->getComputationResultType(), BO->getBeginLoc(), CT, "this expression"))
      return nullptr;
    const Expr *L = T;
    if (L->Ty.Scalar != CT.Scalar)
      L = M.cast(L, CT);
    if (R->Ty.Scalar != CT.Scalar)
      R = M.cast(R, CT);
    R = M.binary(K, L, R, CT);
  }
  if (R->Ty.Scalar != T->Ty.Scalar)
    R = M.cast(R, T->Ty.element());
  emit(M.assign(T, R, loc(BO->getOperatorLoc())));
  return T;
}

const Expr *GraphBuilder::Impl::increment(const clang::UnaryOperator *UO, bool ValueUsed) {
  const Expr *T = lvalue(UO->getSubExpr());
  if (!T)
    return nullptr;
  const Expr *One = T->Ty.isFloating() ? M.floatConst(1, T->Ty) : M.constant("1", T->Ty.element());
  Op K = UO->isIncrementOp() ? Op::Add : Op::Sub;
  Loc L = loc(UO->getOperatorLoc());
  if (UO->isPrefix() || !ValueUsed) {
    emit(M.assign(T, M.binary(K, T, One, T->Ty.element()), L));
    return T;
  }
  // Postfix: the old value is the expression's value.
  Var *Old = temp("old", T->Ty.element(), UO->getOperatorLoc());
  emit(M.decl(Old, T, L));
  emit(M.assign(T, M.binary(K, T, One, T->Ty.element()), L));
  return M.ref(Old);
}

Callee *GraphBuilder::Impl::callee(const clang::FunctionDecl *FD,
                                   clang::SourceLocation Where) {
  FD = FD->getCanonicalDecl();
  if (Callee *C = Callees.lookup(FD))
    return C;
  Callee C;
  // An instantiation is called with its template arguments (::powi<3>):
  // they may not be deducible, and a plain overload must not win.
  C.Name = "::" + qualifiedName(FD) + templateArgs(FD, Ctx);
  C.BaseName = helperBaseName(FD, Ctx);
  const auto *MD = dyn_cast<clang::CXXMethodDecl>(FD);
  if (FD->isOverloadedOperator())
    C.BaseName = "operator_" + operatorWord(FD); // operator+ cannot name a helper
  if (MD && MD->isStatic()) {
    // S::make(x), std::numeric_limits<double>::infinity(): named through its
    // class, with the class's template arguments.
    clang::QualType Class = Ctx.getRecordType(MD->getParent()).getCanonicalType();
    C.Name = "::" + Class.getAsString(printingPolicy(Ctx)) + "::" + FD->getNameAsString() +
             templateArgs(FD, Ctx);
  }
  if (MD && MD->isInstance()) {
    // Called as object.m(args); its helpers are free functions S_m_...
    C.Name = "." + FD->getNameAsString();
    if (FD->isOverloadedOperator())
      C.Name = ".operator" + std::string(clang::getOperatorSpelling(FD->getOverloadedOperator()));
    C.BaseName = MD->getParent()->getNameAsString() + "_" + C.BaseName;
    graph::Type ST;
    if (!mapType(MD->getThisType()->getPointeeType(), Ctx, ST)) {
      Diags.error(Where, "call to '" + FD->getNameAsString() + "' of an object whose type "
                         "adgen does not support: " +
                         unsupportedTypeReason(MD->getThisType()->getPointeeType(), Ctx));
      return nullptr;
    }
    ST.IsReference = true;
    ST.IsConst = MD->isConst();
    C.ParamTypes.push_back(ST);
    C.ParamNames.push_back("self");
  } else if (MD) {
    C.BaseName = MD->getParent()->getNameAsString() + "_" + C.BaseName;
  }
  C.Decl = FD;
  C.Private = memberAccess(FD, Ctx);
  C.Namespaces = namespacesOf(FD);
  C.IsStatic = FD->getStorageClass() == clang::SC_Static;
  C.Where = loc(FD->getLocation());
  C.ReturnsVoid = FD->getReturnType()->isVoidType();
  if (MD && returnsThis(MD))
    C.ReturnsVoid = C.ReturnsObject = true;
  bool Typed = true;
  if (!C.ReturnsVoid)
    Typed &= mapType(FD->getReturnType(), Ctx, C.ReturnType);
  for (const clang::ParmVarDecl *PD : FD->parameters()) {
    graph::Type T;
    Typed &= mapType(PD->getType(), Ctx, T) || mapInactiveParam(PD->getType(), Ctx, T);
    C.ParamTypes.push_back(T);
    C.ParamNames.push_back(PD->getNameAsString());
  }
  if (!Typed) {
    std::string Why;
    if (!C.ReturnsVoid && !mapType(FD->getReturnType(), Ctx, C.ReturnType))
      Why = unsupportedTypeReason(FD->getReturnType(), Ctx);
    for (const clang::ParmVarDecl *PD : FD->parameters())
      if (graph::Type T; Why.empty() && !mapType(PD->getType(), Ctx, T) &&
                          !mapInactiveParam(PD->getType(), Ctx, T))
        Why = unsupportedTypeReason(PD->getType(), Ctx);
    Diags.error(Where, "call to '" + FD->getNameAsString() +
                           "', whose parameter or result types adgen does not "
                           "support" + (Why.empty() ? std::string() : ": " + Why));
    return nullptr;
  }
  auto It = Customs.find(FD);
  if (It != Customs.end()) {
    if (It->second.Fwd)
      C.CustomFwd = "::" + qualifiedName(It->second.Fwd);
    if (It->second.Pullback)
      C.CustomPullback = "::" + qualifiedName(It->second.Pullback);
  }
  // A callee that moves floating-point values needs its own graph, unless
  // the user supplied derivatives for it.
  // ... or that writes through a pointer, which reverse mode must be able to
  // undo.
  bool Floating = C.ReturnType.isFloating() && !C.ReturnsVoid;
  for (const Type &T : C.ParamTypes)
    Floating |= T.isFloating() || (T.IsPointer && !T.PointeeConst) ||
                (T.IsReference && !T.IsConst && T.Rec); // an object it changes (c.next())
  const clang::FunctionDecl *Def = FD->getDefinition();
  bool System = Ctx.getSourceManager().isInSystemHeader(FD->getLocation());
  if (Floating && Def && !System && C.CustomFwd.empty() && C.CustomPullback.empty()) {
    C.Body = build(Def);
    if (!C.Body) {
      Diags.note(Where, "while differentiating the call to '" + FD->getNameAsString() + "'");
      return nullptr;
    }
  }
  Callee *Out = M.addCallee(std::move(C));
  Callees[FD] = Out;
  return Out;
}

void GraphBuilder::Impl::reserveNames(const Callee &C) {
  // Generated code calls C by its name and custom derivatives by theirs;
  // helpers are named after BaseName. No variable may take one of those
  // names, in f or in the code generated from it (whose own invented names
  // avoid f's); the forward transform also reserves the helper it calls.
  if (!llvm::StringRef(C.Name).starts_with("."))
    F->reserve(C.Name);
  F->reserve(C.BaseName);
  F->reserve(C.CustomFwd);
  F->reserve(C.CustomPullback);
}

const Expr *GraphBuilder::Impl::callExpr(const clang::CallExpr *CE) {
  using namespace clang;
  const graph::Expr *Into = ResultInto;
  ResultInto = nullptr;
  if (isComplexLibraryCall(CE))
    return complexCallExpr(CE, Into);
  if (isInitializerListCall(CE))
    return initializerListCall(CE);
  {
    bool Handled = false;
    const graph::Expr *R = tupleCall(CE, Into, Handled);
    if (Handled)
      return R;
  }
  if (isPrinting(CE))
    return fail(CE->getBeginLoc(), "the value of a call that prints is not supported in "
                                   "differentiated code; print in a statement of its own");
  {
    bool Handled = false;
    const graph::Expr *R = dereferencedStdAlgorithm(CE, Handled);
    if (Handled)
      return R;
  }
  if (isStdAlgorithm(CE))
    return stdAlgorithm(CE, /*Dereferenced=*/false);
  if (iteratorAlgorithm(CE))
    return refuseIteratorAlgorithm(CE);
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(CE->getDirectCallee());
      MD && MD->getParent()->isLambda() && isa<CXXOperatorCallExpr>(CE)) {
    unsigned Before = Diags.errorCount();
    const graph::Expr *R = lambdaCall(CE, MD);
    if (!R && Diags.errorCount() == Before && !CE->getType()->isVoidType())
      return fail(CE->getBeginLoc(), "this lambda call is not supported");
    return R;
  }
  {
    unsigned Before = Diags.errorCount();
    if (const graph::Expr *R = methodCall(CE))
      return R;
    if (Diags.errorCount() != Before)
      return nullptr;
  }
  // The object of a member function call is its first argument.
  const clang::Expr *ObjectE = nullptr;
  bool ObjectByPointer = false;
  std::vector<const clang::Expr *> ArgEs(CE->arg_begin(), CE->arg_end());
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
    ObjectE = MC->getImplicitObjectArgument();
    if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()))
      ObjectByPointer = ME->isArrow();
  } else if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(CE->getDirectCallee());
             MD && MD->isInstance() && isa<CXXOperatorCallExpr>(CE)) {
    ObjectE = ArgEs.front();
    ArgEs.erase(ArgEs.begin());
  }

  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD)
    return fail(CE->getBeginLoc(), "call through a function pointer cannot be "
                                   "differentiated: the function called is only known "
                                   "at run time; call the function directly");
  if (FD->isInStdNamespace() && FD->getIdentifier() && CE->getNumArgs() == 1 &&
      (FD->getName() == "move" || FD->getName() == "forward"))
    return expr(CE->getArg(0)); // std::move(x) names x
  if (isAccessor(FD))
    return accessorCall(CE, FD, ObjectE, ObjectByPointer, ArgEs);
  graph::Type RT;
  bool Void = CE->getType()->isVoidType();
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && returnsThis(MD))
    Void = true; // a += b: the value is the object, a
  if (!Void && !typeOf(CE->getType(), CE->getBeginLoc(), RT, "the result of this call"))
    return nullptr;

  // Elementary functions of <cmath> (from the standard library only: a user
  // function called `exp` is differentiated like any other).
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  bool FromLibrary = Ctx.getSourceManager().isInSystemHeader(FD->getLocation()) &&
                     (DC->isTranslationUnit() || DC->isStdNamespace() ||
                      (isa<NamespaceDecl>(DC) &&
                       clang::cast<NamespaceDecl>(DC)->getParent()->getRedeclContext()->isStdNamespace()));
  if (FromLibrary && FD->getIdentifier()) {
    if (auto Name = canonicalMathName(FD->getName(), CE->getNumArgs())) {
      if (*Name == "fabs" && !RT.isFloating())
        Name = "abs"; // std::abs of an integer: no derivative, keep its name
      std::vector<const graph::Expr *> Args;
      for (const clang::Expr *A : CE->arguments()) {
        const graph::Expr *GA = expr(A);
        if (!GA)
          return nullptr;
        Args.push_back(GA);
      }
      return M.math(*Name, std::move(Args), RT);
    }
  }
  if (FD->isVariadic())
    return fail(CE->getBeginLoc(), "call to variadic function '" + FD->getNameAsString() +
                                       "' is not supported");
  Callee *C = callee(FD, CE->getBeginLoc());
  if (!C)
    return nullptr;
  reserveNames(*C);
  // A callee that writes through a reference or pointer may change what a
  // by-value argument read (h(s, s) with h(double &r, double v)): C++ copied
  // that value at the call, and so does the graph, because reverse mode
  // evaluates arguments again after the call.
  auto rootsOf = [](const graph::Expr *E, std::vector<Var *> &Out) {
    forEachExpr(E, [&](const graph::Expr *N) {
      if (N->V)
        Out.push_back(N->V->Root ? N->V->Root : N->V);
    });
  };
  std::vector<const graph::Expr *> Args;
  if (ObjectE) {
    const graph::Type &PT = C->ParamTypes[0];
    const graph::Expr *Obj = nullptr;
    if (isa<CXXThisExpr>(ObjectE->IgnoreParenImpCasts()))
      Obj = SelfObj ? SelfObj : fail(ObjectE->getBeginLoc(), "'this' outside a member function");
    else if (ObjectByPointer) {
      Obj = expr(ObjectE);
      if (Obj && !Obj->Ty.IsPointer)
        Obj = fail(ObjectE->getBeginLoc(), "'->' on something that is not a pointer");
      if (Obj)
        Obj = M.load(Obj, M.intConst(0));
    } else
      Obj = PT.IsConst ? expr(ObjectE) : lvalue(ObjectE);
    if (!Obj)
      return nullptr;
    Args.push_back(Obj);
  }
  CopyBacks Back;
  for (const clang::Expr *A : ArgEs) {
    const graph::Type &PT = C->ParamTypes[Args.size()];
    const graph::Expr *GA = nullptr;
    if (!scalarAddressArg(A, PT, GA, Back))
      return nullptr;
    if (!GA)
      GA = PT.IsReference && !PT.IsConst ? lvalue(A) : expr(A);
    if (!GA)
      return nullptr;
    Args.push_back(GA);
  }
  if (!checkScalarAddresses(Args, C->ParamTypes, Back, CE->getBeginLoc()))
    return nullptr;
  // What the call may write: its reference and pointer arguments, globals.
  std::vector<Var *> Written;
  for (unsigned I = 0; I < Args.size(); ++I) {
    const graph::Type &PT = C->ParamTypes[I];
    if (PT.isWritable())
      rootsOf(Args[I], Written);
  }
  for (unsigned I = 0; I < Args.size() && !Written.empty(); ++I) {
    const clang::Expr *A = ObjectE ? (I == 0 ? ObjectE : ArgEs[I - 1]) : ArgEs[I];
    const graph::Type &PT = C->ParamTypes[I];
    const graph::Expr *GA = Args[I];
    std::vector<Var *> Reads;
    rootsOf(GA, Reads);
    bool Aliased = false;
    for (Var *R : Reads)
      Aliased |= R->Kind == VarKind::Global ||
                 std::find(Written.begin(), Written.end(), R) != Written.end();
    if (Aliased && !PT.isMemory() && !(PT.IsReference && !PT.IsConst) && !GA->isConstant() &&
        !GA->Ty.isMemory()) {
      graph::Type VT = PT.element();
      VT.IsConst = false;
      Var *Copy = temp(C->ParamNames[I].empty() ? "arg" : C->ParamNames[I], VT, A->getBeginLoc());
      emit(M.decl(Copy, VT.Scalar == GA->Ty.Scalar ? GA : M.cast(GA, VT), loc(A->getBeginLoc())));
      Args[I] = M.ref(Copy);
    }
  }
  const graph::Expr *Result = nullptr;
  if (Into && RT.Rec && Into->Ty.Rec == RT.Rec) {
    Result = Into; // S s = f(...): the result goes straight into s
  } else if (!Void) {
    Var *T = temp(C->BaseName + "_result", RT, CE->getBeginLoc());
    emit(M.decl(T, nullptr, loc(CE->getBeginLoc())));
    Result = M.ref(T);
  }
  const graph::Expr *Object = C->ReturnsObject ? Args.front() : nullptr;
  emit(M.callStmt(Result, C, std::move(Args), loc(CE->getBeginLoc())));
  copyBack(Back, CE->getBeginLoc());
  return Object ? Object : Result;
}
