//===- Graph/Accessors.cpp - Functions returning a location, inlined ------===//
//
// An accessor returns a reference or a pointer into storage its caller
// already has: `double &at(int i) { return d[i]; }`, `double &operator()(int
// i, int j) { return a[3 * i + j]; }`, `const Vec3 &pos() const { return p;
// }`, `double *row(int i) { return m + 3 * i; }`. The location it returns is
// an alias of storage adgen tracks, so the graph needs no new idea: the call
// is inlined where it is written, the object and the arguments substituted,
// and its value is the location itself (a Load, a VarRef, a pointer), which
// the caller reads, writes (`m(i, j) += x;`, `s.at(k) = y;`), binds to a
// reference or indexes like any other.
//
// Inlined: a function whose body is a single `return <location>;` of
//  - its object (`*this`, fields, elements of fields, through other
//    accessors; the pointer fields of a view, `data[i * cols + j]`), a
//    reference or pointer parameter, or a global,
//  - indexed by expressions of its parameters without side effects;
// the location is then the call's value, nothing else is emitted. A body
// with statements before its final and only `return` (an assert, locals
// computing the index, calls writing through its parameters, another
// accessor's location, a view parameter) is inlined as statements where it
// is called, then the location (accessorBody).
// Refused, with an error naming the function: a `return` before the end
// (a choice between locations), a `?:` choosing between objects, and a
// location that does not outlive the call (a parameter passed by value, a
// local, a static local).
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include <algorithm>

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

bool GraphBuilder::Impl::isAccessor(const clang::FunctionDecl *FD) {
  clang::QualType RT = FD->getReturnType();
  if (!RT->isReferenceType() && !RT->isPointerType())
    return false;
  if (const auto *MD = dyn_cast<clang::CXXMethodDecl>(FD); MD && returnsThis(MD))
    return false; // `return *this;`: a call whose value is its object
  return !Ctx.getSourceManager().isInSystemHeader(FD->getLocation());
}

namespace {
/// Where a returned location lives. Null when it outlives the call (it is
/// reached through `this`, a reference or pointer parameter, or a global);
/// otherwise the expression that does not, and the reason.
struct Escape {
  const clang::Expr *At = nullptr;
  std::string Why;
};

/// \p Pointer: \p E is a pointer value (else a location).
Escape escapes(const clang::Expr *E, bool Pointer) {
  using namespace clang;
  E = E->IgnoreParens();
  if (const auto *IC = dyn_cast<ImplicitCastExpr>(E)) {
    switch (IC->getCastKind()) {
    case CK_ArrayToPointerDecay:
      return escapes(IC->getSubExpr(), /*Pointer=*/false);
    case CK_LValueToRValue:
      if (Pointer) { // the value of a pointer variable: a pointer parameter
        const clang::Expr *Sub = IC->getSubExpr()->IgnoreParens();
        if (const auto *DRE = dyn_cast<DeclRefExpr>(Sub))
          if (const auto *PD = dyn_cast<ParmVarDecl>(DRE->getDecl());
              PD && PD->getType()->isPointerType())
            return {};
        // ... or a pointer field of a view (`data[i * cols + j]`): it
        // points into memory of the caller's whatever the view's lifetime.
        if (const auto *ME = dyn_cast<MemberExpr>(Sub))
          if (isa<FieldDecl>(ME->getMemberDecl()) && ME->getType()->isPointerType() &&
              isViewType(ME->getBase()->getType()->isPointerType()
                             ? ME->getBase()->getType()->getPointeeType()
                             : ME->getBase()->getType()))
            return {};
      }
      return {E, "a value"};
    case CK_NoOp:
    case CK_DerivedToBase:
    case CK_UncheckedDerivedToBase:
      return escapes(IC->getSubExpr(), Pointer);
    default:
      return {E, "a value"};
    }
  }
  if (isa<CXXThisExpr>(E))
    return Pointer ? Escape{} : Escape{E, "a value"};
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return Pointer ? Escape{E, "a value"} : escapes(AS->getBase(), /*Pointer=*/true);
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (Pointer || !isa<FieldDecl>(ME->getMemberDecl()))
      return {E, "a value"};
    return escapes(ME->getBase(), ME->isArrow());
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_Deref && !Pointer)
      return escapes(UO->getSubExpr(), /*Pointer=*/true);
    if (UO->getOpcode() == UO_AddrOf && Pointer)
      return escapes(UO->getSubExpr(), /*Pointer=*/false);
    return {E, "a value"};
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (Pointer && (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub)) {
      const clang::Expr *P = BO->getLHS()->getType()->isPointerType() ? BO->getLHS()
                                                                       : BO->getRHS();
      return escapes(P, /*Pointer=*/true);
    }
    return {E, "a value"};
  }
  if (isa<ConditionalOperator>(E) || isa<BinaryConditionalOperator>(E))
    return {E, "a choice between objects ('?:')"};
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return {E, "a value"};
    if (Pointer)
      return {E, "a value"};
    if (isa<ParmVarDecl>(VD))
      return VD->getType()->isReferenceType()
                 ? Escape{}
                 : Escape{E, "parameter '" + VD->getNameAsString() + "', a copy made for the call"};
    if (VD->isStaticLocal())
      return {E, "static local '" + VD->getNameAsString() + "'"};
    if (VD->hasGlobalStorage())
      return {};
    return {E, "local variable '" + VD->getNameAsString() + "'"};
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    // Another accessor (or a container's element): what it is called on,
    // and the arguments it may return, must outlive the call too.
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || (Pointer ? !FD->getReturnType()->isPointerType()
                        : !FD->getReturnType()->isReferenceType()))
      return {E, "a value"};
    unsigned First = 0;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
      const clang::Expr *Obj = MC->getImplicitObjectArgument();
      const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens());
      if (Escape Esc = escapes(Obj, ME && ME->isArrow()); Esc.At)
        return Esc;
    } else if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
               MD && MD->isInstance() && isa<CXXOperatorCallExpr>(CE)) {
      if (Escape Esc = escapes(CE->getArg(0), false); Esc.At)
        return Esc;
      First = 1;
    }
    for (unsigned I = First; I < CE->getNumArgs(); ++I) {
      unsigned P = I - First;
      if (P >= FD->getNumParams())
        break;
      clang::QualType PT = FD->getParamDecl(P)->getType();
      if (PT->isReferenceType() || PT->isPointerType())
        if (Escape Esc = escapes(CE->getArg(I), PT->isPointerType()); Esc.At)
          return Esc;
    }
    return {};
  }
  return {E, "a value"};
}
/// Every `return` in \p S but those of lambdas inside it.
struct Returns : clang::RecursiveASTVisitor<Returns> {
  std::vector<const clang::ReturnStmt *> Found;
  bool VisitReturnStmt(clang::ReturnStmt *R) {
    Found.push_back(R);
    return true;
  }
  bool TraverseLambdaExpr(clang::LambdaExpr *) { return true; }
};

const Expr *refuseAccessor(Diagnoser &Diags, const clang::FunctionDecl *FD,
                           const std::string &Name, clang::SourceLocation L,
                           clang::SourceLocation At, const llvm::Twine &Why) {
  Diags.error(At, "'" + Name + "' returns a " +
                      (FD->getReturnType()->isPointerType() ? "pointer" : "reference") + " and " +
                      Why +
                      "; adgen inlines functions returning a reference or pointer that end "
                      "with their only 'return', of a location in their object, a reference "
                      "or pointer parameter, or a global (such as 'return d[i];')");
  if (At != L)
    Diags.note(L, "called here");
  return nullptr;
}
} // namespace

const Expr *GraphBuilder::Impl::accessorCall(const clang::CallExpr *CE,
                                             const clang::FunctionDecl *FD,
                                             const clang::Expr *ObjectE, bool ObjectByPointer,
                                             llvm::ArrayRef<const clang::Expr *> ArgEs) {
  std::string Name = FD->getNameAsString();
  if (const auto *MD = dyn_cast<clang::CXXMethodDecl>(FD))
    Name = MD->getParent()->getNameAsString() + "::" + Name;
  clang::SourceLocation L = CE->getBeginLoc();
  auto refuse = [&](clang::SourceLocation At, const llvm::Twine &Why) -> const Expr * {
    return refuseAccessor(Diags, FD, Name, L, At, Why);
  };
  const clang::FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->getBody())
    return refuse(FD->getLocation(), "has no body that adgen can see");
  if (std::find(Accessing.begin(), Accessing.end(), Def) != Accessing.end())
    return refuse(Def->getLocation(), "calls itself");
  const auto *Body = dyn_cast<clang::CompoundStmt>(Def->getBody());
  const clang::ReturnStmt *Ret = nullptr;
  unsigned Stmts = 0;
  if (Body)
    for (const clang::Stmt *S : Body->body())
      if (!isa<clang::NullStmt>(S)) {
        ++Stmts;
        Ret = dyn_cast<clang::ReturnStmt>(S);
      }
  bool ViewParam = false; // a view parameter: bound by inlining the body
  for (const clang::ParmVarDecl *PD : Def->parameters())
    ViewParam |= isViewType(PD->getType().getNonReferenceType());
  if (!Body || Stmts != 1 || !Ret || !Ret->getRetValue() || ViewParam)
    return accessorBody(CE, Def, Name, ObjectE, ObjectByPointer, ArgEs);
  bool Pointer = FD->getReturnType()->isPointerType();
  if (Escape Esc = escapes(Ret->getRetValue(), Pointer); Esc.At)
    return refuse(Esc.At->getBeginLoc(), "returns " + Esc.Why +
                                             (Esc.Why == "a value" ? ", not a location" : ""));
  for (const clang::ParmVarDecl *PD : Def->parameters()) {
    clang::QualType PT = PD->getType();
    if (!PT->isReferenceType() && !PT->isPointerType() && !PT->isScalarType())
      return refuse(PD->getLocation(), "takes parameter '" + PD->getNameAsString() +
                                           "' of type '" + PT.getAsString() +
                                           "' by value (pass it by reference)");
  }

  // The object: the location it names, or the fields of a view.
  const Expr *Obj = nullptr;
  std::map<std::string, Var *> ViewFields; // a copy: Views may grow
  const std::map<std::string, Var *> *ObjView = nullptr;
  if (const auto *VF = ObjectE ? viewObject(ObjectE) : nullptr)
    ViewFields = *VF, ObjView = &ViewFields;
  if (ObjectE && !ObjView && !(Obj = accessorObject(ObjectE, ObjectByPointer, Def, L)))
    return nullptr;
  // The arguments, evaluated once here: references and pointers name what
  // they are bound to, values are substituted (they only compute indices).
  std::vector<std::pair<const clang::Decl *, Var *>> SavedVars;
  std::vector<std::pair<const clang::Decl *, const Expr *>> SavedAliases;
  std::vector<std::pair<const clang::ParmVarDecl *, const Expr *>> Bound;
  for (unsigned I = 0; I < Def->getNumParams() && I < ArgEs.size(); ++I) {
    const clang::ParmVarDecl *PD = Def->getParamDecl(I);
    const clang::Expr *A = ArgEs[I];
    graph::Type T;
    if (!typeOf(PD->getType(), PD->getLocation(), T,
                "parameter '" + PD->getNameAsString() + "'"))
      return nullptr;
    const Expr *Val = T.IsReference && !T.IsConst ? lvalue(A) : expr(A);
    if (!Val)
      return nullptr;
    if (T.IsReference && Val->K != Op::VarRef && Val->K != Op::Load && !T.isMemory()) {
      // const double &r bound to a temporary: a local holding it.
      Var *V = temp(Def->getNameAsString() + "_" + PD->getNameAsString(), T.element(), L);
      if (T.Rec) {
        emit(M.decl(V, nullptr, loc(A->getBeginLoc())));
        copyFields(M, M.ref(V), Val, V->Ty, *Cur, loc(A->getBeginLoc()));
      } else {
        emit(M.decl(V, Val, loc(A->getBeginLoc())));
      }
      Val = M.ref(V);
    } else if (!T.IsReference && !T.IsPointer && Val->Ty.Scalar != T.Scalar) {
      Val = M.cast(Val, T);
    }
    Bound.push_back({PD, Val});
  }
  for (auto &[PD, Val] : Bound) {
    SavedVars.push_back({PD, Vars.lookup(PD)});
    Vars.erase(PD);
    SavedAliases.push_back({PD, Aliases.lookup(PD)});
    Aliases[PD] = Val;
  }

  // The location, built with `*this` naming the object; it must need no
  // statements of its own.
  Block Scratch;
  const Expr *Result = inAccessor(Def, Name, ObjectE, Obj, ObjView, L, [&] {
    Block *Saved = Cur;
    Cur = &Scratch;
    const Expr *R = expr(Ret->getRetValue());
    Cur = Saved;
    return R;
  });
  for (auto It = SavedVars.rbegin(); It != SavedVars.rend(); ++It)
    if (It->second)
      Vars[It->first] = It->second;
  for (auto It = SavedAliases.rbegin(); It != SavedAliases.rend(); ++It)
    if (It->second)
      Aliases[It->first] = It->second;
    else
      Aliases.erase(It->first);
  if (!Result)
    return nullptr;
  if (!Scratch.empty())
    return refuse(Ret->getRetValue()->getBeginLoc(),
                  "computes its location with calls or side effects");
  if (Pointer ? !Result->Ty.isMemory()
              : (Result->K != Op::VarRef && Result->K != Op::Load))
    return refuse(Ret->getRetValue()->getBeginLoc(), "returns something adgen cannot see as "
                                                     "a location");
  return Result;
}

const Expr *GraphBuilder::Impl::accessorObject(const clang::Expr *ObjectE, bool ObjectByPointer,
                                               const clang::FunctionDecl *Def,
                                               clang::SourceLocation L) {
  const Expr *Obj = callObject(ObjectE, ObjectByPointer, /*Writable=*/false);
  if (!Obj)
    return nullptr;
  if (Obj->K != Op::VarRef && Obj->K != Op::Load) {
    // A temporary object (make().at(0)): a local holding it.
    Var *T = temp(Def->getNameAsString() + "_object", Obj->Ty.element(), L);
    emit(M.decl(T, nullptr, loc(L)));
    copyFields(M, M.ref(T), Obj, T->Ty, *Cur, loc(L));
    Obj = M.ref(T);
  }
  return Obj;
}

// An accessor with statements before its return (a bounds check, an
// assert, calls that update what it points into, locals computing the
// index): its body is inlined where it is called, like a function taking a
// view (inlineLambda), its parameters copies of the arguments or aliases of
// them, and the value of the call is the location of its final `return`,
// which must be its only one and must outlive the call (escapes, as for a
// single `return`).
const Expr *GraphBuilder::Impl::accessorBody(const clang::CallExpr *CE,
                                             const clang::FunctionDecl *Def,
                                             llvm::StringRef Name, const clang::Expr *ObjectE,
                                             bool ObjectByPointer,
                                             llvm::ArrayRef<const clang::Expr *> ArgEs) {
  clang::SourceLocation L = CE->getBeginLoc();
  std::string N = Name.str();
  auto refuse = [&](clang::SourceLocation At, const llvm::Twine &Why) -> const Expr * {
    return refuseAccessor(Diags, Def, N, L, At, Why);
  };
  const auto *Body = llvm::dyn_cast_or_null<clang::CompoundStmt>(Def->getBody());
  const auto *Last = Body && !Body->body_empty() ? dyn_cast<clang::ReturnStmt>(Body->body_back())
                                                 : nullptr;
  if (!Last || !Last->getRetValue())
    return refuse(Def->getLocation(), "does not end with a 'return' of a location");
  Returns Rs;
  Rs.TraverseStmt(const_cast<clang::CompoundStmt *>(Body));
  for (const clang::ReturnStmt *R : Rs.Found)
    if (R != Last)
      return refuse(R->getReturnLoc(), "returns from more than one place (a choice between "
                                       "locations)");
  bool Pointer = Def->getReturnType()->isPointerType();
  if (Escape Esc = escapes(Last->getRetValue(), Pointer); Esc.At)
    return refuse(Esc.At->getBeginLoc(), "returns " + Esc.Why +
                                             (Esc.Why == "a value" ? ", not a location" : ""));
  if (ArgEs.size() < Def->getNumParams())
    return refuse(L, "is called with fewer arguments than it has parameters");

  std::map<std::string, Var *> ViewFields; // a copy: Views may grow
  const std::map<std::string, Var *> *ObjView = nullptr;
  const Expr *Obj = nullptr;
  if (const auto *VF = ObjectE ? viewObject(ObjectE) : nullptr)
    ViewFields = *VF, ObjView = &ViewFields;
  else if (ObjectE && !(Obj = accessorObject(ObjectE, ObjectByPointer, Def, L)))
    return nullptr;
  LambdaInfo None;
  const Expr *Result = inAccessor(Def, N, ObjectE, Obj, ObjView, L, [&] {
    return inlineLambda(None, Def->getName(), Def, ArgEs, {}, L,
                        /*AsFunction=*/true, /*Location=*/true);
  });
  if (!Result)
    return nullptr;
  if (Pointer ? !Result->Ty.isMemory() : (Result->K != Op::VarRef && Result->K != Op::Load))
    return refuse(Last->getRetValue()->getBeginLoc(), "returns something adgen cannot see as "
                                                      "a location");
  return Result;
}

const Expr *GraphBuilder::Impl::inAccessor(const clang::FunctionDecl *Def, llvm::StringRef Name,
                                           bool HasObject, const Expr *Obj,
                                           const std::map<std::string, Var *> *ObjView,
                                           clang::SourceLocation L,
                                           llvm::function_ref<const Expr *()> Build) {
  const Expr *OuterSelfObj = SelfObj;
  const std::map<std::string, Var *> *OuterSelfView = SelfView;
  if (HasObject) {
    SelfObj = Obj;
    SelfView = ObjView;
  }
  Accessing.push_back(Def);
  unsigned Before = Diags.errorCount();
  const Expr *Result = Build();
  Accessing.pop_back();
  SelfObj = OuterSelfObj;
  SelfView = OuterSelfView;
  if (!Result && Diags.errorCount() != Before)
    Diags.note(L, "while inlining the call to '" + Name.str() + "'");
  return Result;
}
