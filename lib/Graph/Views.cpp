//===- Graph/Views.cpp - Local structs with pointer fields (views) --------===//
//
// A view is a local struct whose pointer fields point into memory adgen
// tracks, with other fields of numbers:
//
//   struct Span { const double *p; int n; };
//   Span s{x + k, m};                 // s.p[i], s.n
//   struct MatView { double *data; int rows, cols; };
//   MatView v = {buf, r, c};          // v.data[i * v.cols + j]
//
// Each field becomes a local of its own, named `s_p`, `s_n`: a pointer field
// is then a pointer local (declared once, never moved, pointing into a
// parameter, a local array, vector or scratch buffer), which the graph and
// both transforms already support, with its adjoint or tangent pointer.
// Supported: brace initialisation of every field, copies of another view
// (`Span t = s;`), field reads and writes of the non-pointer fields,
// passing a view to a helper with a body (inlined; see viewCall below),
// and calling its member functions (inlined, `this` naming its fields;
// accessors such as `double &operator()(int i, int j)` too, Accessors.cpp).
// Refused with a located error: a view used as a whole otherwise (assigned,
// returned), a view parameter of a marked function (the interface defines
// no derivative parameter for a struct of pointers), views declared
// without initialiser, reference fields, nested structs.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "Graph/UserCopies.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

/// A struct of pointers and numbers only, with at least one pointer, no
/// bases and nothing user-written: a view.
bool adgen::isViewType(clang::QualType QT) {
  const clang::CXXRecordDecl *RD = QT->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || RD->isUnion() || RD->getNumBases() > 0 ||
      !RD->isAggregate() || RD->isLambda())
    return false;
  bool Pointer = false;
  for (const clang::FieldDecl *F : RD->fields()) {
    clang::QualType T = F->getType();
    if (T->isPointerType() && T->getPointeeType()->isArithmeticType())
      Pointer = true;
    else if (!T->isArithmeticType() && !T->isEnumeralType())
      return false;
    if (F->isBitField() || !F->getIdentifier())
      return false;
  }
  return Pointer;
}

bool GraphBuilder::Impl::isViewDecl(const clang::VarDecl *VD) {
  return !VD->getType()->isReferenceType() && isViewType(VD->getType());
}

bool GraphBuilder::Impl::viewDecl(const clang::VarDecl *VD) {
  clang::SourceLocation L = VD->getLocation();
  std::string Name = VD->getNameAsString();
  const clang::CXXRecordDecl *RD = VD->getType()->getAsCXXRecordDecl();
  const clang::Expr *Init = VD->getInit() ? stripCopies(VD->getInit()) : nullptr;
  const auto *IL = Init ? dyn_cast<clang::InitListExpr>(Init) : nullptr;
  if (IL && IL->isSyntacticForm() && IL->getSemanticForm())
    IL = IL->getSemanticForm();
  if (!IL && Init)
    if (const auto *Src = viewObject(Init)) { // View w = v;: a copy of each field
      std::map<std::string, Var *> From = *Src, &Fields = Views[VD];
      for (const clang::FieldDecl *FD : RD->fields()) {
        Var *F = From.at(FD->getNameAsString());
        Var *V = newVar(Name + "_" + FD->getNameAsString(), F->Ty, VarKind::Local, L);
        V->Ty.IsConst = false;
        V->Root = F->Root;
        if (const Expr *X = ScalarFields.lookup(F))
          ScalarFields[V] = X; // a field holding &x: the same x
        else
          emit(M.decl(V, M.ref(F), loc(L)));
        Fields[FD->getNameAsString()] = V;
      }
      return true;
    }
  if (!IL)
    return failStmt(L, "view '" + Name + "' (a struct with pointer fields) must be "
                       "initialised with braces, one value per field ('" +
                       RD->getNameAsString() + " " + Name + "{x, n};')");
  unsigned I = 0;
  std::map<std::string, Var *> &Fields = Views[VD];
  for (const clang::FieldDecl *FD : RD->fields()) {
    const clang::Expr *FI = I < IL->getNumInits() ? IL->getInit(I) : nullptr;
    ++I;
    std::string FName = FD->getNameAsString();
    graph::Type T;
    if (!typeOf(FD->getType(), L, T, "field '" + FName + "' of view '" + Name + "'"))
      return false;
    T.IsConst = false;
    Var *V = newVar(Name + "_" + FName, T, VarKind::Local, L);
    Fields[FName] = V;
    if (T.IsPointer) {
      if (!FI || isa<clang::ImplicitValueInitExpr>(FI))
        return failStmt(L, "pointer field '" + FName + "' of view '" + Name +
                               "' must be initialised (with a pointer into an array)");
      if (const Expr *X = addressedScalar(FI)) {
        ScalarFields[V] = X; // View v{&x, 1}: v.p[0] is x (ScalarPointers.cpp)
        continue;
      }
      const Expr *Val = expr(FI);
      if (!Val)
        return false;
      if (Val->K == Op::Const && !T.isFloating() &&
          llvm::StringRef(Val->Text).ends_with("\"")) {
        // A string literal (`{x, "name"}`): text, no derivative.
        emit(M.decl(V, Val, loc(FI->getBeginLoc())));
        continue;
      }
      const Expr *Base = Val;
      while (Base->K == Op::PtrAdd)
        Base = Base->Ops[0];
      if (Base->K != Op::VarRef || !Base->V->Ty.isMemory())
        return failStmt(FI->getBeginLoc(), "pointer field '" + FName + "' of view '" + Name +
                                               "' must point into a parameter, a local "
                                               "array, std::vector or scratch buffer");
      V->Root = Base->V->Root ? Base->V->Root : Base->V;
      emit(M.decl(V, Val, loc(FI->getBeginLoc())));
      continue;
    }
    const Expr *Val = nullptr;
    if (FI && !isa<clang::ImplicitValueInitExpr>(FI)) {
      Val = expr(FI);
      if (!Val)
        return false;
      if (Val->Ty.Scalar != T.Scalar)
        Val = M.cast(Val, T.element());
    } else {
      Val = T.isFloating() ? M.floatConst(0, T) : M.constant("0", T.element());
    }
    emit(M.decl(V, Val, loc(L)));
  }
  return true;
}

const Expr *GraphBuilder::Impl::viewField(const clang::MemberExpr *ME, bool &Handled) {
  Handled = false;
  const clang::Expr *Base = ME->getBase()->IgnoreParenImpCasts();
  const std::map<std::string, Var *> *Fields = nullptr;
  if (isa<clang::CXXThisExpr>(Base)) // a field in a member function of a view
    Fields = SelfView;
  else if (const auto *DRE = dyn_cast<clang::DeclRefExpr>(Base); DRE && !ME->isArrow())
    if (auto It = Views.find(DRE->getDecl()); It != Views.end())
      Fields = &It->second;
  if (!Fields)
    return nullptr;
  Handled = true;
  auto F = Fields->find(ME->getMemberDecl()->getNameAsString());
  if (F == Fields->end())
    return fail(ME->getMemberLoc(), "this member of a view is not supported");
  if (ScalarFields.count(F->second)) {
    std::string P = ME->getMemberDecl()->getNameAsString();
    return fail(ME->getMemberLoc(), "field '" + P + "' holds the address of a variable: "
                                    "adgen supports it only as '*v." + P + "' and 'v." + P +
                                    "[0]' (not moved, compared or passed along)");
  }
  return M.ref(F->second);
}

Var *GraphBuilder::Impl::viewFieldVar(const clang::Expr *E) {
  const auto *ME = dyn_cast<clang::MemberExpr>(E->IgnoreParenImpCasts());
  if (!ME || !ME->getType()->isPointerType())
    return nullptr;
  const clang::Expr *Base = ME->getBase()->IgnoreParenImpCasts();
  if (!ME->isArrow() && !isa<clang::CXXThisExpr>(Base) && !isa<clang::DeclRefExpr>(Base))
    return nullptr;
  const std::map<std::string, Var *> *Fields =
      isa<clang::CXXThisExpr>(Base) ? SelfView : ME->isArrow() ? nullptr : viewObject(Base);
  if (!Fields)
    return nullptr;
  auto F = Fields->find(ME->getMemberDecl()->getNameAsString());
  return F == Fields->end() ? nullptr : F->second;
}

const Expr *GraphBuilder::Impl::viewAsWhole(const clang::DeclRefExpr *DRE) {
  std::string Name = DRE->getDecl()->getNameAsString();
  return fail(DRE->getLocation(),
              "view '" + Name + "' (a struct with pointer fields) cannot be used as a whole "
              "here (assigned, returned, stored); use its fields ('" + Name + ".p[i]'), copy "
              "it into a new view ('auto t = " + Name + ";'), call its member functions or "
              "pass it to a function");
}

// A view passed to a function (by value or by reference) is split into its
// fields at the call: adgen inlines the call, the function's view parameter
// naming the caller's field locals (a reference) or copies of them (by
// value, `v_p`, `v_n`), so the function's `v.p[i]` is a pointer local into
// memory adgen tracks, exactly as in the caller. A shadow view (a struct of
// derivative pointers handed to a differentiated helper) would need a
// helper signature per view type and a rule for pointer fields that point
// into inactive memory; inlining needs neither, and the transforms see
// only what they already support.
const Expr *GraphBuilder::Impl::viewCall(const clang::CallExpr *CE, const clang::FunctionDecl *FD,
                                         bool &Handled) {
  Handled = false;
  if (isa<clang::CXXMemberCallExpr>(CE) || isa<clang::CXXOperatorCallExpr>(CE) ||
      isAccessor(FD))
    return nullptr; // a member function, or one returning a location (Accessors.cpp)
  bool Any = false;
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    Any |= isViewType(FD->getParamDecl(I)->getType().getNonReferenceType());
  // A class whose user-written copy changes values, taken or returned by
  // value: the copies C++ makes at the call and the return are the
  // caller's, run in place where the call is inlined (Graph/ValueCopies.h).
  auto ValueCopy = [](clang::QualType T) {
    return !T->isReferenceType() && copiesChangeValues(T->getAsCXXRecordDecl());
  };
  bool Copies = ValueCopy(FD->getReturnType());
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    Copies |= ValueCopy(FD->getParamDecl(I)->getType());
  if (!Any && !Copies)
    return nullptr;
  Handled = true;
  std::string Name = FD->getNameAsString();
  const clang::FunctionDecl *Def = FD->getDefinition();
  std::string What = Any ? "takes a view (a struct with pointer fields)"
                         : "takes or returns by value a class whose user-written copy "
                           "changes values";
  if (!Def || Ctx.getSourceManager().isInSystemHeader(FD->getLocation()))
    return fail(CE->getBeginLoc(), "call to '" + Name + "', which " + What + ", needs the "
                                   "function's body: adgen inlines such calls");
  if (std::count(ViewCalls.begin(), ViewCalls.end(), Def))
    return fail(CE->getBeginLoc(), "recursive call to '" + Name + "', which " + What +
                                       ", is not supported" +
                                       (Any ? "; pass the pointer and the sizes instead"
                                            : "; pass it by reference instead"));
  ViewCalls.push_back(Def);
  LambdaInfo None;
  std::vector<const clang::Expr *> ArgEs(CE->arg_begin(), CE->arg_end());
  unsigned Before = Diags.errorCount();
  const Expr *R = inlineLambda(None, Name, Def, ArgEs, {}, CE->getBeginLoc());
  ViewCalls.pop_back();
  if (!R && Diags.errorCount() == Before && !CE->getType()->isVoidType())
    return fail(CE->getBeginLoc(), "this call of '" + Name + "' is not supported");
  return R;
}

bool GraphBuilder::Impl::bindViewParam(
    const clang::ParmVarDecl *PD, const clang::Expr *A,
    std::vector<std::pair<const clang::Decl *, std::map<std::string, Var *>>> &Saved,
    bool &Bound) {
  Bound = false;
  clang::QualType PT = PD->getType();
  if (!isViewType(PT.getNonReferenceType()))
    return true;
  const std::map<std::string, Var *> *Fields = viewObject(stripCopies(A));
  if (!Fields)
    return failStmt(A->getBeginLoc(), "a view (a struct with pointer fields) passed to a "
                                      "function must be a local view variable ('" +
                                          PT.getNonReferenceType().getUnqualifiedType()
                                              .getAsString() +
                                          " v{x, n}; f(v);')");
  Bound = true;
  std::map<std::string, Var *> Src = *Fields; // Views may grow below
  Saved.push_back({PD, Views.lookup(PD)});
  if (PT->isReferenceType()) {
    Views[PD] = Src; // the caller's fields themselves
    return true;
  }
  std::map<std::string, Var *> Copy;
  for (auto &[FName, V] : Src) {
    Var *C = newVar((PD->getName() + "_" + FName).str(), V->Ty, VarKind::Local,
                    PD->getLocation());
    C->Root = V->Root;
    if (const Expr *X = ScalarFields.lookup(V))
      ScalarFields[C] = X; // a field holding &x: the same x
    else
      emit(M.decl(C, M.ref(V), loc(A->getBeginLoc())));
    Copy[FName] = C;
  }
  Views[PD] = Copy;
  return true;
}

const std::map<std::string, Var *> *GraphBuilder::Impl::viewObject(const clang::Expr *ObjectE) {
  const clang::Expr *E = ObjectE->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<clang::UnaryOperator>(E);
      UO && UO->getOpcode() == clang::UO_Deref)
    E = UO->getSubExpr()->IgnoreParenImpCasts(); // (*this)(i, j)
  if (isa<clang::CXXThisExpr>(E))
    return SelfView;
  if (const auto *DRE = dyn_cast<clang::DeclRefExpr>(E))
    if (auto It = Views.find(DRE->getDecl()); It != Views.end())
      return &It->second;
  return nullptr;
}

// A member function of a view called on one (`v.sum()`, `m.scale(s)`) is
// inlined like a function taking the view by reference: `this` names the
// caller's field locals.
const Expr *GraphBuilder::Impl::viewMethodCall(const clang::CallExpr *CE,
                                               const clang::FunctionDecl *FD,
                                               const std::map<std::string, Var *> *Fields,
                                               llvm::ArrayRef<const clang::Expr *> ArgEs) {
  const auto *MD = dyn_cast<clang::CXXMethodDecl>(FD);
  std::string Name = (MD ? MD->getParent()->getNameAsString() + "::" : std::string()) +
                     FD->getNameAsString();
  const clang::FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->getBody() || Ctx.getSourceManager().isInSystemHeader(FD->getLocation()))
    return fail(CE->getBeginLoc(), "call to '" + Name + "' of a view (a struct with pointer "
                                   "fields) needs the function's body: adgen inlines such "
                                   "calls");
  if (std::count(ViewCalls.begin(), ViewCalls.end(), Def))
    return fail(CE->getBeginLoc(), "recursive call to '" + Name + "' of a view (a struct "
                                   "with pointer fields) is not supported");
  ViewCalls.push_back(Def);
  const std::map<std::string, Var *> *OuterSelfView = SelfView;
  const Expr *OuterSelfObj = SelfObj;
  std::map<std::string, Var *> Own = *Fields; // Views may grow while inlining
  SelfView = &Own;
  SelfObj = nullptr;
  LambdaInfo None;
  unsigned Before = Diags.errorCount();
  const Expr *R = inlineLambda(None, FD->getNameAsString(), Def, ArgEs, {}, CE->getBeginLoc(),
                               /*AsFunction=*/true);
  SelfView = OuterSelfView;
  SelfObj = OuterSelfObj;
  ViewCalls.pop_back();
  if (!R && Diags.errorCount() == Before && !CE->getType()->isVoidType())
    return fail(CE->getBeginLoc(), "this call of '" + Name + "' is not supported");
  return R;
}
