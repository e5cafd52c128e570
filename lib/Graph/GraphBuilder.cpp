//===- Graph/GraphBuilder.cpp - Clang AST to computation graph ------------===//
//
// Statements are built into the current block; an expression with side
// effects (x++, a = b, a call to a user function) emits statements into the
// current block before the pure expression that uses their results. Where
// C++ evaluates lazily (?:, &&, ||) and an operand has side effects, the
// builder lowers it to an if statement, so evaluation order is kept.
//
// GraphBuilder, part 1 of 3: functions, names and calls. Statements are in
// BuildStatements.cpp, expressions in BuildExpressions.cpp; features with
// their own rules (constructors, lambdas, accessors, std::complex, ...) in
// files of their own, reached from these by a line of dispatch.
//
//===----------------------------------------------------------------------===//

#include "Graph/ArgumentOverlap.h"
#include "Graph/GraphBuilderImpl.h"
#include "Graph/LocalTypeDecls.h"
#include "Graph/LocalTypes.h"
#include "Graph/GlobalWriters.h"
#include "Graph/LambdaVariables.h"
#include "Graph/MathTable.h"
#include "Graph/MemberAccess.h"
#include "Graph/OperatorNames.h"
#include "Graph/TemplateNames.h"
#include "Graph/UserCopies.h"
#include "Graph/ValueCopies.h"
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
    : P(std::make_unique<Impl>(Ctx, M, Diags, Customs)) {
  graph::forgetLocalTypes(); // one builder per translation unit (Graph/LocalTypes.h)
}
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
  // A static member is named through its class: ::ns::Spring::h.
  if (const auto *RD = dyn_cast<clang::RecordDecl>(D->getDeclContext()))
    return "::" + Ctx.getRecordType(RD).getAsString(printingPolicy(Ctx)) + "::" +
           D->getNameAsString();
  return graph::qualifiedName(namespacesOf(D), D->getNameAsString());
}

bool GraphBuilder::Impl::typeOf(clang::QualType QT, clang::SourceLocation L,
                                Type &Out, llvm::StringRef What) {
  std::string T = QT.getAsString(printingPolicy(Ctx));
  if (mapType(QT, Ctx, Out)) {
    if (!Out.Rec || !graph::copiesChangeValues(Out.Rec) ||
        !(Out.ArraySize || Out.IsVector || Out.StdArray || Out.IsPointer))
      return true;
    Diags.error(L, What + " has type '" + T + "': arrays, containers and pointers of '" +
                       Out.Rec->Spelling + "', a class whose user-written copy changes "
                       "values, are not supported (their elements are copied and made "
                       "without it); use objects of it one by one, by value or reference");
    return false;
  }
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

/// Where and why \p FD cannot have generated functions because it takes or
/// returns by value an object of a class whose user-written copy changes
/// values (the copy C++ makes at the call or return is the caller's; adgen
/// inlines free functions that do so, Views.cpp); "" if it does not.
static std::pair<clang::SourceLocation, std::string>
valueCopyBoundary(const clang::FunctionDecl *FD) {
  auto ByValue = [](clang::QualType T) {
    return !T->isReferenceType() && copiesChangeValues(T->getAsCXXRecordDecl());
  };
  std::string Does;
  clang::SourceLocation L = FD->getLocation();
  if (ByValue(FD->getReturnType()))
    Does = "returns '" + FD->getReturnType().getAsString() + "'";
  for (const clang::ParmVarDecl *PD : FD->parameters())
    if (Does.empty() && ByValue(PD->getType())) {
      Does = "takes parameter '" + PD->getNameAsString() + "' of type '" +
             PD->getType().getAsString() + "'";
      L = PD->getLocation();
    }
  if (Does.empty())
    return {L, ""};
  return {L, "'" + FD->getNameAsString() + "' " + Does + " by value, a class whose "
             "user-written copy changes values: adgen runs that copy where it happens, so "
             "it inlines a function that takes or returns such an object where it is "
             "called, which it cannot for a marked function, a member function or an "
             "operator; pass it as 'const T &' (or a 'T &' to fill) instead"};
}

/// Generated signatures have no spelling for `&&` (graph::Type): such a
/// parameter would become `T &`, which f's callers cannot call it as.
static std::string rvalueParamProblem(const clang::ParmVarDecl *PD, const clang::FunctionDecl *FD,
                                      const clang::ASTContext &Ctx) {
  if (!PD->getType()->isRValueReferenceType())
    return "";
  return "parameter '" + PD->getNameAsString() + "' of '" + FD->getNameAsString() +
         "' is an rvalue reference ('" + PD->getType().getAsString(printingPolicy(Ctx)) +
         "'), which is not supported; take it by value or by const reference";
}

/// Why \p FD (\p MD when it is a member function) cannot become a graph
/// at all; "" if it can.
static std::string notBuildable(const clang::FunctionDecl *FD, const clang::CXXMethodDecl *MD) {
  if (!FD->hasBody())
    return "'" + FD->getNameAsString() + "' has no body that adgen can see; define it in this "
           "translation unit";
  if (namesLocalType(FD)) // generated signatures could not name it (LocalTypeDecls.h)
    return localSignatureProblem(FD);
  if (MD && MD->isVirtual())
    return "virtual member function '" + FD->getNameAsString() +
           "' cannot be differentiated: which body runs is only known at run time";
  if (isa<clang::CXXConstructorDecl>(FD) || isa<clang::CXXDestructorDecl>(FD) ||
      isa<clang::CXXConversionDecl>(FD))
    return "constructors, destructors and conversion functions are not supported; use "
           "aggregate initialisation (S{a, b}) and plain functions";
  return "";
}

Function *GraphBuilder::Impl::build(const clang::FunctionDecl *FD) {
  FD = FD->getDefinition() ? FD->getDefinition() : FD;
  if (Function *Done = Built.lookup(FD))
    return Done;
  const auto *MD = dyn_cast<clang::CXXMethodDecl>(FD);
  // A lambda held by a namespace-scope variable: a free function named
  // after the variable, without `self` (LambdaVariables.h).
  const clang::VarDecl *LambdaVar = lambdaVariable(FD);
  MD = LambdaVar ? nullptr : MD;
  if (std::string Why = notBuildable(FD, MD); !Why.empty())
    return fail(FD->getLocation(), Why), nullptr;

  // Save the state of an enclosing build (a caller being built).
  Function *OuterF = F;
  Block *OuterCur = Cur;
  auto OuterBreaks = std::move(Breaks);
  Breaks.clear();
  Var *OuterSelf = Self;
  const Expr *OuterSelfObj = SelfObj;
  Self = nullptr;
  SelfObj = nullptr;

  Function &G = M.addFunction(LambdaVar ? LambdaVar->getNameAsString() : FD->getNameAsString());
  F = &G;
  Built[FD] = &G;
  G.Decl = FD;
  if (std::string Args = templateArgs(FD, Ctx); !Args.empty())
    G.DisplayName = G.Name + Args;
  G.Where = loc(FD->getLocation());
  const clang::Decl *Placed = LambdaVar ? static_cast<const clang::Decl *>(LambdaVar) : FD;
  G.Namespaces = namespacesOf(Placed);
  G.IsStatic = (LambdaVar ? LambdaVar->getStorageClass() : FD->getStorageClass()) == clang::SC_Static && !MD;
  G.IsInline = LambdaVar ? LambdaVar->isInline() : FD->isInlined();
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
    if (std::string Why = rvalueParamProblem(PD, FD, Ctx); !Why.empty()) {
      OK = failStmt(PD->getLocation(), Why);
      continue;
    }
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
  if (auto [L, Why] = valueCopyBoundary(FD); OK && !Why.empty())
    OK = failStmt(L, Why);
  Cur = &G.Body;
  findReseatedPointers(FD->getBody());
  for (const clang::ParmVarDecl *PD : FD->parameters())
    if (Var *V = Vars.lookup(PD); V && OK)
      OK = offsetPointerParam(PD, V);
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

Callee *GraphBuilder::Impl::callee(const clang::FunctionDecl *FD,
                                   clang::SourceLocation Where) {
  FD = FD->getCanonicalDecl();
  if (Callee *C = Callees.lookup(FD))
    return C;
  if (namesLocalType(FD)) { // its helpers could not name the type (LocalTypeDecls.h)
    Diags.error(Where, localTypeCallProblem(FD, false));
    return nullptr;
  }
  Callee C;
  // An instantiation is called with its template arguments (::powi<3>):
  // they may not be deducible, and a plain overload must not win.
  C.Name = qualifiedName(FD) + templateArgs(FD, Ctx);
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
      C.CustomFwd = qualifiedName(It->second.Fwd);
    if (It->second.Pullback)
      C.CustomPullback = qualifiedName(It->second.Pullback);
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
  // ... or that may assign a floating global, which reverse mode must save
  // and restore around the call (GlobalWriters.h).
  if (!Floating && Def && !System)
    Floating = mayWriteFloatingGlobals(Def);
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

/// Calls that are not calls of a user function: complex and tuple library
/// calls, initializer lists, standard algorithms, lambdas called in place,
/// methods lowered by the builder. Sets \p Handled when \p CE is one.
const Expr *GraphBuilder::Impl::specialCall(const clang::CallExpr *CE, const Expr *Into,
                                            bool &Handled) {
  using namespace clang;
  Handled = true;
  if (isComplexLibraryCall(CE))
    return complexCallExpr(CE, Into);
  if (isInitializerListCall(CE))
    return initializerListCall(CE);
  Handled = false;
  const graph::Expr *R = tupleCall(CE, Into, Handled);
  if (Handled)
    return R;
  Handled = true;
  if (isPrinting(CE))
    return fail(CE->getBeginLoc(), "the value of a call that prints is not supported in "
                                   "differentiated code; print in a statement of its own");
  Handled = false;
  R = dereferencedStdAlgorithm(CE, Handled);
  if (Handled)
    return R;
  Handled = true;
  if (isStdAlgorithm(CE))
    return stdAlgorithm(CE, /*Dereferenced=*/false);
  if (isRangeAlgorithm(CE) || isMutatingAlgorithm(CE))
    return fail(CE->getBeginLoc(), "the value of 'std::" +
                                       CE->getDirectCallee()->getNameAsString() +
                                       "' is not supported; call it as a statement of its own");
  Handled = false; // std::distance(it, end), std::advance(it, n) (IteratorCalls.cpp)
  if (const auto *FD = CE->getDirectCallee(); FD && !stdFunctionName(FD).empty())
    if (R = iteratorCall(CE, FD, Handled); Handled)
      return R;
  Handled = true;
  if (iteratorAlgorithm(CE))
    return refuseIteratorAlgorithm(CE);
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(CE->getDirectCallee());
      MD && MD->getParent()->isLambda() && isa<CXXOperatorCallExpr>(CE)) {
    unsigned Before = Diags.errorCount();
    R = lambdaCall(CE, MD);
    if (!R && Diags.errorCount() == Before && !CE->getType()->isVoidType())
      return fail(CE->getBeginLoc(), "this lambda call is not supported");
    return R;
  }
  unsigned Before = Diags.errorCount();
  R = methodCall(CE);
  Handled = R || Diags.errorCount() != Before;
  return R;
}

/// An elementary function of <cmath> (from the standard library only: a
/// user function called `exp` is differentiated like any other), or null
/// with \p Handled false.
const Expr *GraphBuilder::Impl::mathCall(const clang::CallExpr *CE, const clang::FunctionDecl *FD,
                                         const Type &RT, bool &Handled) {
  using namespace clang;
  Handled = false;
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  bool FromLibrary = Ctx.getSourceManager().isInSystemHeader(FD->getLocation()) &&
                     (DC->isTranslationUnit() || DC->isStdNamespace() ||
                      (isa<NamespaceDecl>(DC) &&
                       clang::cast<NamespaceDecl>(DC)->getParent()->getRedeclContext()->isStdNamespace()));
  if (!FromLibrary || !FD->getIdentifier())
    return nullptr;
  auto Name = canonicalMathName(FD->getName(), CE->getNumArgs());
  if (!Name)
    return nullptr;
  Handled = true;
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

/// The object a method is called on: `this`, `*p` for `p->m()`, or \p ObjectE
/// (as an lvalue when the method may write it, \p Writable); null after an error.
const Expr *GraphBuilder::Impl::callObject(const clang::Expr *ObjectE, bool ObjectByPointer,
                                           bool Writable) {
  if (isa<clang::CXXThisExpr>(ObjectE->IgnoreParenImpCasts()))
    return SelfObj ? SelfObj : fail(ObjectE->getBeginLoc(), "'this' outside a member function");
  if (!ObjectByPointer)
    return Writable ? lvalue(ObjectE) : expr(ObjectE);
  bool Iter = false; // it->f() of an iterator local (IteratorLocals.cpp)
  if (const Expr *Elem = iteratorArrow(ObjectE, Iter); Iter)
    return Elem;
  const Expr *Obj = expr(ObjectE);
  if (Obj && !Obj->Ty.IsPointer)
    return fail(ObjectE->getBeginLoc(), "'->' on something that is not a pointer");
  return Obj ? M.load(Obj, M.intConst(0)) : nullptr;
}

/// The arguments of a call of \p C: the object first (for a method), then
/// \p ArgEs; false after an error.
bool GraphBuilder::Impl::callArgs(const Callee &C, const clang::Expr *ObjectE,
                                  bool ObjectByPointer,
                                  const std::vector<const clang::Expr *> &ArgEs,
                                  std::vector<const Expr *> &Args, CopyBacks &Back) {
  using namespace clang;
  if (ObjectE) {
    const graph::Type &PT = C.ParamTypes[0];
    const graph::Expr *Obj = callObject(ObjectE, ObjectByPointer, !PT.IsConst);
    if (!Obj)
      return false;
    Args.push_back(Obj);
  }
  for (const clang::Expr *A : ArgEs) {
    const graph::Type &PT = C.ParamTypes[Args.size()];
    const graph::Expr *GA = nullptr;
    if (!scalarAddressArg(A, PT, GA, Back))
      return false;
    if (!GA)
      GA = nullArgument(A, PT); // g(x, nullptr) (NullPointers.cpp)
    if (!GA)
      GA = PT.IsReference && !PT.IsConst ? lvalue(A) : expr(A);
    if (!GA)
      return false;
    Args.push_back(GA);
  }
  return true;
}

/// A callee that writes through a reference or pointer may change what a
/// by-value argument read (h(s, s) with h(double &r, double v)): C++ copied
/// that value at the call, and so does the graph, because reverse mode
/// evaluates arguments again after the call.
void GraphBuilder::Impl::copyAliasedArgs(const Callee &C, const clang::Expr *ObjectE,
                                         const std::vector<const clang::Expr *> &ArgEs,
                                         std::vector<const Expr *> &Args) {
  auto rootsOf = [](const graph::Expr *E, std::vector<Var *> &Out) {
    forEachExpr(E, [&](const graph::Expr *N) {
      if (N->V)
        Out.push_back(N->V->Root ? N->V->Root : N->V);
    });
  };
  // What the call may write: its reference and pointer arguments, globals.
  std::vector<Var *> Written;
  for (unsigned I = 0; I < Args.size(); ++I) {
    const graph::Type &PT = C.ParamTypes[I];
    if (PT.isWritable())
      rootsOf(Args[I], Written);
  }
  for (unsigned I = 0; I < Args.size() && !Written.empty(); ++I) {
    const clang::Expr *A = ObjectE ? (I == 0 ? ObjectE : ArgEs[I - 1]) : ArgEs[I];
    const graph::Type &PT = C.ParamTypes[I];
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
      Var *Copy = temp(C.ParamNames[I].empty() ? "arg" : C.ParamNames[I], VT, A->getBeginLoc());
      emit(M.decl(Copy, VT.Scalar == GA->Ty.Scalar ? GA : M.cast(GA, VT), loc(A->getBeginLoc())));
      Args[I] = M.ref(Copy);
    }
  }
}

const Expr *GraphBuilder::Impl::callExpr(const clang::CallExpr *CE) {
  using namespace clang;
  const graph::Expr *Into = ResultInto;
  ResultInto = nullptr;
  bool Handled = false;
  if (const graph::Expr *R = specialCall(CE, Into, Handled); Handled)
    return R;
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
  if (const graph::Expr *R = viewCall(CE, FD, Handled); Handled)
    return R; // a view passed: inlined (Views.cpp)
  if (const graph::Expr *R = pointerRefCall(CE, FD, Handled); Handled)
    return R; // a pointer by reference: inlined (PointerReferences.cpp)
  if (const graph::Expr *R = iteratorCall(CE, FD, Handled); Handled)
    return R; // an iterator passed: inlined (IteratorCalls.cpp)
  if (isAccessor(FD))
    return accessorCall(CE, FD, ObjectE, ObjectByPointer, ArgEs);
  if (const auto *Fields = ObjectE ? viewObject(ObjectE) : nullptr)
    return viewMethodCall(CE, FD, Fields, ArgEs); // v.sum() of a view (Views.cpp)
  if (namesLocalType(FD)) { // a type defined inside a function: inlined (LocalTypeDecls.h)
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    const graph::Expr *Obj = nullptr;
    if (ObjectE && MD && MD->isInstance() && !(Obj = callObject(ObjectE, ObjectByPointer, true)))
      return nullptr;
    return inlineLocalTypeCall(FD, Obj, ArgEs, {}, CE->getBeginLoc(), CE->getType()->isVoidType());
  }
  graph::Type RT;
  bool Void = CE->getType()->isVoidType();
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && returnsThis(MD))
    Void = true; // a += b: the value is the object, a
  if (!Void && !typeOf(CE->getType(), CE->getBeginLoc(), RT, "the result of this call"))
    return nullptr;
  if (const graph::Expr *R = mathCall(CE, FD, RT, Handled); Handled)
    return R;
  if (FD->isVariadic())
    return fail(CE->getBeginLoc(), "call to variadic function '" + FD->getNameAsString() +
                                       "' is not supported");
  Callee *C = callee(FD, CE->getBeginLoc());
  if (!C)
    return nullptr;
  reserveNames(*C);
  std::vector<const graph::Expr *> Args;
  CopyBacks Back;
  if (!callArgs(*C, ObjectE, ObjectByPointer, ArgEs, Args, Back) ||
      !checkScalarAddresses(Args, C->ParamTypes, Back, CE->getBeginLoc()))
    return nullptr;
  if (C->Print == PrintKind::None)
    if (std::string Why = overlappingArguments(*C, Args, FD->getNameAsString()); !Why.empty())
      return fail(CE->getBeginLoc(), Why);
  copyAliasedArgs(*C, ObjectE, ArgEs, Args);
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
