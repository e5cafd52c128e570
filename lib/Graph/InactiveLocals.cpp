//===- Graph/InactiveLocals.cpp - Local objects that carry no derivative --===//
//
// A local of a class type that holds no floating-point number anywhere (a
// `std::string label = "lab";`, a `std::string_view`, an empty function
// object) carries no derivative: like such a parameter (Inactive.cpp) it is
// an opaque value of its own type (Type::Opaque), used through const member
// functions that return an integer (`label.size()`), and passed along to
// calls that take it by value or const reference.
//
// Generated code declares it with the user's initialiser, copied as written.
// That initialiser may read only what every generated function sees with the
// same value: literals, globals, functions, and other such values (opaque
// parameters and locals, which nothing changes). So reverse mode can declare
// it at the top of every function it generates (Reverse::declarations), where
// both sweeps see it, and build it once: no tape holds it, and its value is
// the same wherever the derivative code reads it.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace adgen;
using clang::dyn_cast;

/// std::allocator<T>: it holds nothing; its allocate() makes a scratch
/// buffer (ScratchBuffers.cpp) and its deallocate() frees nothing early.
static bool isStdAllocator(clang::QualType QT) {
  const auto *RD = QT->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() && RD->getName() == "allocator";
}

bool GraphBuilder::Impl::isInactiveLocalDecl(const clang::VarDecl *VD) {
  clang::QualType QT = VD->getType();
  if (QT->isReferenceType() || !QT->isRecordType())
    return false;
  graph::Type T;
  return isStdAllocator(QT) || (!mapType(QT, Ctx, T) && mapInactiveParam(QT, Ctx, T));
}

/// The first thing \p S reads that generated code may not see with the
/// same value (a variable of the function's, `this`, a lambda), or null.
static const clang::Stmt *
unstableRead(const clang::Stmt *S,
             llvm::function_ref<bool(const clang::ValueDecl *)> Stable) {
  if (!S)
    return nullptr;
  if (llvm::isa<clang::CXXThisExpr>(S) || llvm::isa<clang::LambdaExpr>(S))
    return S;
  if (const auto *DRE = dyn_cast<clang::DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<clang::VarDecl>(DRE->getDecl()))
      if (!Stable(VD))
        return S;
  for (const clang::Stmt *C : S->children())
    if (const clang::Stmt *Bad = unstableRead(C, Stable))
      return Bad;
  return nullptr;
}

bool GraphBuilder::Impl::inactiveLocalDecl(const clang::VarDecl *VD) {
  clang::SourceLocation L = VD->getLocation();
  graph::Type T = graph::Type::scalar(
      graph::ScalarKind::Int, VD->getType().getUnqualifiedType().getAsString(printingPolicy(Ctx)));
  T.Opaque = true;
  T.IsConst = VD->getType().isConstQualified();
  std::string What = "local variable '" + VD->getNameAsString() + "' of type '" + T.Spelling +
                     "' (a value that holds no number)";
  // The initialiser, as the user wrote it.
  std::string Text;
  const clang::Expr *Init = VD->getInit();
  if (Init) {
    if (const clang::Stmt *Bad = unstableRead(Init, [&](const clang::ValueDecl *D) {
          const auto *V = dyn_cast<clang::VarDecl>(D);
          if (V && V->hasGlobalStorage() && !V->isStaticLocal())
            return true;
          const Var *GV = Vars.lookup(D);
          return GV && GV->Ty.Opaque && GV->Name == D->getName();
        })) {
      std::string Name = "this";
      if (const auto *DRE = dyn_cast<clang::DeclRefExpr>(Bad))
        Name = DRE->getDecl()->getNameAsString();
      else if (llvm::isa<clang::LambdaExpr>(Bad))
        Name = "a lambda";
      return failStmt(Bad->getBeginLoc(),
                      What + " is initialised from '" + Name + "'; adgen copies such a value "
                      "into the generated functions with its initialiser, which may read "
                      "only literals, globals and other values that hold no number");
    }
    const clang::Expr *E = Init->IgnoreImplicit();
    clang::SourceRange R = E->getSourceRange();
    std::string Prefix;
    if (VD->getInitStyle() != clang::VarDecl::CInit) { // T v(args), T v{args}
      Prefix = T.Spelling;
      if (const auto *CE = dyn_cast<clang::CXXConstructExpr>(E))
        R = CE->getParenOrBraceRange();
      else if (const auto *PL = dyn_cast<clang::ParenListExpr>(E))
        R = {PL->getLParenLoc(), PL->getRParenLoc()};
    } else if (const auto *CE = dyn_cast<clang::CXXConstructExpr>(E);
               CE && CE->getNumArgs() == 0 && CE->getParenOrBraceRange().isInvalid()) {
      R = {}; // `T v;`: the default constructor
    }
    if (R.isValid()) {
      const clang::SourceManager &SM = Ctx.getSourceManager();
      clang::CharSourceRange CR = clang::CharSourceRange::getTokenRange(R);
      if (R.getBegin().isMacroID() || R.getEnd().isMacroID())
        CR = SM.getExpansionRange(R);
      llvm::StringRef Src = clang::Lexer::getSourceText(CR, SM, Ctx.getLangOpts());
      if (Src.empty())
        return failStmt(Init->getBeginLoc(), What + " has an initialiser adgen cannot copy "
                                             "into the generated functions");
      Text = Prefix + Src.str();
    }
  }
  Var *V = newVar(VD->getName(), T, VarKind::Local, L);
  Vars[VD] = V;
  Stmt *D = M.decl(V, Text.empty() ? nullptr : M.constant(Text, T), loc(L));
  D->ZeroInit = Text.empty(); // `T v = {};`
  emit(D);
  return true;
}
