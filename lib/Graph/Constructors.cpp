//===- Graph/Constructors.cpp - Constructors run in place -----------------===//
//
// A constructor is a function that writes its object: `S s(a, b);` is
//   S s;  S::S(s, a, b);
// with `*this` being s. The graph builds it that way, in place at each
// construction: the arguments become locals named after the constructor's
// parameters (or aliases, for references), then the member initialisers
// (written, or the class's default member initialisers) become assignments
// to s's fields in declaration order, then the body runs with `this->x`
// naming s.x. What follows is ordinary code: both transforms differentiate it
// like any other assignments, so no constructor needs a derivative of its
// own, and generated code never calls the user's constructor (which could
// not be called on existing storage anyway). Derivative objects are made
// with adgen::zeroed (adgen/objects.h), which runs no constructor either.
//
// Refused, with the reason: constructors whose body the translation unit
// does not define, a `return` in a constructor's body, a constructor that
// constructs an object of its own class, inherited constructors, and
// constructors from the standard library.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "Graph/UserCopies.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

namespace {
/// The first `return` in a constructor's body (lambdas have their own).
struct FindReturn : clang::RecursiveASTVisitor<FindReturn> {
  const clang::ReturnStmt *Found = nullptr;
  bool VisitReturnStmt(clang::ReturnStmt *R) {
    if (!Found)
      Found = R;
    return true;
  }
  bool TraverseLambdaExpr(clang::LambdaExpr *) { return true; }
};
} // namespace

bool GraphBuilder::Impl::bindParams(
    const clang::FunctionDecl *FD, llvm::ArrayRef<const clang::Expr *> Args,
    llvm::StringRef Prefix,
    std::vector<std::pair<const clang::Decl *, Var *>> &SavedVars,
    std::vector<std::pair<const clang::Decl *, const Expr *>> &SavedAliases) {
  // C++ evaluates every argument before the body runs: build them all first,
  // then bind, so that one parameter's name never shadows an argument.
  std::vector<std::pair<const clang::ParmVarDecl *, Var *>> Bound;
  std::vector<std::pair<const clang::ParmVarDecl *, const Expr *>> Aliased;
  for (unsigned I = 0; I < FD->getNumParams() && I < Args.size(); ++I) {
    const clang::ParmVarDecl *PD = FD->getParamDecl(I);
    const clang::Expr *A = Args[I];
    std::string Name = (Prefix + "_" + PD->getName()).str();
    graph::Type T;
    if (!typeOf(PD->getType(), PD->getLocation(), T,
                "parameter '" + PD->getNameAsString() + "'"))
      return false;
    if (T.IsReference) {
      const Expr *Place = !T.IsConst ? lvalue(A) : expr(A);
      if (!Place)
        return false;
      if (Place->K != Op::VarRef && Place->K != Op::Load && !T.isMemory()) {
        // const double &r bound to a temporary: a value.
        Var *V = newVar(Name, T.element(), VarKind::Local, PD->getLocation());
        emit(M.decl(V, Place, loc(A->getBeginLoc())));
        Place = M.ref(V);
      }
      Aliased.push_back({PD, Place});
      continue;
    }
    if (T.IsPointer) {
      const Expr *Val = expr(A);
      if (!Val)
        return false;
      const Expr *Base = Val;
      while (Base->K == Op::PtrAdd)
        Base = Base->Ops[0];
      if (Base->K != Op::VarRef || !Base->V->Ty.isMemory())
        return failStmt(A->getBeginLoc(), "a pointer argument of a constructor must point "
                                          "into a parameter or a local array");
      Var *V = newVar(Name, T, VarKind::Local, PD->getLocation());
      V->Root = Base->V->Root ? Base->V->Root : Base->V;
      emit(M.decl(V, Val, loc(A->getBeginLoc())));
      Bound.push_back({PD, V});
      continue;
    }
    T.IsConst = false;
    Var *V = newVar(Name, T, VarKind::Local, PD->getLocation());
    if (T.isAggregate()) {
      emit(M.decl(V, nullptr, loc(A->getBeginLoc())));
      if (!initInto(M.ref(V), T, A))
        return false;
    } else {
      const Expr *Val = expr(A);
      if (!Val)
        return false;
      if (Val->Ty.Scalar != T.Scalar)
        Val = M.cast(Val, T);
      emit(M.decl(V, Val, loc(A->getBeginLoc())));
    }
    Bound.push_back({PD, V});
  }
  for (auto &[PD, V] : Bound) {
    SavedVars.push_back({PD, Vars.lookup(PD)});
    Vars[PD] = V;
  }
  for (auto &[PD, Place] : Aliased) {
    SavedAliases.push_back({PD, Aliases.lookup(PD)});
    Aliases[PD] = Place;
  }
  return true;
}

bool GraphBuilder::Impl::constructInto(const Expr *Dst, const graph::Type &Ty,
                                       const clang::CXXConstructExpr *CE) {
  const clang::CXXConstructorDecl *CD = CE->getConstructor();
  clang::SourceLocation L = CE->getBeginLoc();
  std::string Class = CD->getParent()->getNameAsString();
  // S{} of a class without a user-provided default constructor: zero first,
  // then the implicit constructor (default member initialisers).
  if (CE->requiresZeroInitialization())
    zeroInto(Dst, Ty, loc(L));
  if (CD->isTrivial() || (CE->getNumArgs() == 1 && CD->isCopyOrMoveConstructor() &&
                          copiesFields(CD, Ctx))) {
    if (CE->getNumArgs() == 0)
      return true; // `S s;` of a plain struct: uninitialised, as in C++
    const Expr *Src = expr(CE->getArg(0)); // a trivial copy
    if (!Src)
      return false;
    copyFields(M, Dst, Src, Ty, *Cur, loc(L));
    return true;
  }
  if (Ty.isContainer())
    return failStmt(L, "this construction of a '" + CD->getParent()->getQualifiedNameAsString() +
                           "' is not supported in differentiated code (supported: a local "
                           "'std::vector<double> v(n);' declared outside loops, and "
                           "'.size()' of a temporary 'std::vector<double>(n)')");
  if (!Ty.Rec || Ty.IsPointer || Ty.ArraySize)
    return failStmt(L, "constructor of '" + Class + "' here is not supported");
  if (Ctx.getSourceManager().isInSystemHeader(CD->getLocation()))
    return failStmt(L, "constructor of '" + CD->getQualifiedNameAsString() +
                           "' from the standard library is not supported here");
  if (CD->isInheritingConstructor())
    return failStmt(L, "inherited constructors ('using Base::Base;') are not supported; "
                       "write the constructor in '" + Class + "'");
  const auto *Def = llvm::dyn_cast_or_null<clang::CXXConstructorDecl>(CD->getDefinition());
  if (!Def || !Def->getBody())
    return failStmt(L, "constructor of '" + Class + "' has no body that adgen can see; "
                       "define it in this translation unit");
  if (std::find(Constructing.begin(), Constructing.end(), Def) != Constructing.end())
    return failStmt(L, "a constructor of '" + Class + "' that constructs a '" + Class +
                           "' itself is not supported");
  FindReturn FR;
  FR.TraverseStmt(Def->getBody());
  if (FR.Found) {
    Diags.error(FR.Found->getReturnLoc(),
                "a 'return' in a constructor is not supported in differentiated code "
                "(adgen runs the constructor in place); use if/else instead");
    Diags.note(L, "while running the constructor of '" + Class + "' here");
    return false;
  }

  std::vector<std::pair<const clang::Decl *, Var *>> SavedVars;
  std::vector<std::pair<const clang::Decl *, const Expr *>> SavedAliases;
  std::vector<const clang::Expr *> Args(CE->arg_begin(), CE->arg_end());
  // The locals holding the arguments are named after the object: v_a for
  // parameter a of `Vec3 v(...)`.
  std::string Prefix = Class;
  if (Dst->K == Op::VarRef)
    Prefix = Dst->V->Name;
  else if (!Prefix.empty())
    Prefix[0] = llvm::toLower(Prefix[0]);
  bool OK = bindParams(Def, Args, Prefix, SavedVars, SavedAliases);

  const Expr *OuterSelfObj = SelfObj;
  SelfObj = Dst;
  Constructing.push_back(Def);
  auto OuterBreaks = std::move(Breaks);
  Breaks.clear();
  for (const clang::CXXCtorInitializer *I : Def->inits()) {
    if (!OK)
      break;
    const clang::Expr *Init = I->getInit();
    if (I->isDelegatingInitializer()) {
      const auto *Target = dyn_cast<clang::CXXConstructExpr>(stripCopies(Init));
      OK = Target ? constructInto(Dst, Ty, Target)
                  : failStmt(I->getSourceLocation(), "this delegating constructor is not "
                                                     "supported");
      continue;
    }
    if (I->isBaseInitializer()) {
      // The base's part of the object: its fields, under their own names.
      graph::Type BT;
      const auto *BaseCE = dyn_cast<clang::CXXConstructExpr>(stripCopies(Init));
      if (!BaseCE) {
        OK = failStmt(I->getSourceLocation(), "this base class initialiser is not supported");
        continue;
      }
      OK = typeOf(clang::QualType(I->getBaseClass(), 0), I->getSourceLocation(), BT,
                  "the base class of '" + Class + "'");
      if (!OK)
        continue;
      if (BaseCE->getNumArgs() == 1 && BaseCE->getConstructor()->isCopyOrMoveConstructor()) {
        const Expr *Src = expr(BaseCE->getArg(0)); // Base(other): a copy of its part
        OK = Src != nullptr;
        if (OK)
          copyFields(M, Dst, Src, BT, *Cur, loc(I->getSourceLocation()));
        continue;
      }
      OK = constructInto(Dst, BT, BaseCE);
      continue;
    }
    if (!I->isMemberInitializer()) {
      OK = failStmt(I->getSourceLocation(), "this member initialiser is not supported");
      continue;
    }
    const clang::FieldDecl *FD = I->getMember();
    const Record::Field *Fld = Ty.Rec->field(FD->getName());
    if (!Fld) {
      OK = failStmt(I->getSourceLocation(), "unknown field '" + FD->getNameAsString() + "'");
      continue;
    }
    OK = initInto(M.field(Dst, Fld->Name, Fld->Ty), Fld->Ty, Init);
  }
  if (OK)
    OK = stmt(Def->getBody());
  Breaks = std::move(OuterBreaks);
  Constructing.pop_back();
  SelfObj = OuterSelfObj;
  for (auto It = SavedVars.rbegin(); It != SavedVars.rend(); ++It)
    if (It->second)
      Vars[It->first] = It->second;
    else
      Vars.erase(It->first);
  for (auto It = SavedAliases.rbegin(); It != SavedAliases.rend(); ++It)
    if (It->second)
      Aliases[It->first] = It->second;
    else
      Aliases.erase(It->first);
  if (!OK)
    Diags.note(L, "while running the constructor of '" + Class + "' here");
  return OK;
}
