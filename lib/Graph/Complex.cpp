//===- Graph/Complex.cpp - std::complex as real arithmetic ----------------===//
//
// A std::complex<T> (T floating-point) is a record of two fields, re and im
// (TypeMap.cpp, Record::Complex). Every operation on it is lowered here to
// real arithmetic on the two parts, so the transforms differentiate it with
// nothing new: `w = z * c` becomes
//
//   adgen::re(w) = z.real() * c.real() - z.imag() * c.imag();
//   adgen::im(w) = z.real() * c.imag() + z.imag() * c.real();
//
// Non-smooth and singular points follow the contract's rule (the derivative
// of the branch taken), and never give NaN where the function is finite
// with a finite derivative: abs, arg and sqrt at 0 have derivative 0 (the
// true one of sqrt is infinite there); pow(z, p) at z = 0 (p > 0) has the
// derivative of z^p there (1 for p = 1, else 0); log at 0 is the library's
// -inf. The guards are if statements, not ?:, so that reverse mode never
// multiplies a zero adjoint by hypot's 0/0 partials. On the negative real axis (the branch cut of sqrt, log, arg, pow)
// the derivative is that of the side the sign of the imaginary part picks.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

namespace {
bool isComplex(clang::QualType QT) {
  clang::QualType P;
  return complexOf(QT.getNonReferenceType(), P);
}

/// What only passes a value along: parentheses, temporaries, no-op casts.
const clang::Expr *bare(const clang::Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *EWC = dyn_cast<clang::ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *MT = dyn_cast<clang::MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<clang::CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    else if (const auto *C = dyn_cast<clang::CastExpr>(E);
             C && (C->getCastKind() == clang::CK_NoOp ||
                   C->getCastKind() == clang::CK_ConstructorConversion ||
                   C->getCastKind() == clang::CK_LValueToRValue) &&
             isComplex(C->getType()))
      E = C->getSubExpr();
    else
      return E;
  }
}
} // namespace

bool GraphBuilder::Impl::isComplexLibraryCall(const clang::CallExpr *CE) {
  const clang::FunctionDecl *FD = CE->getDirectCallee();
  if (!FD || !Ctx.getSourceManager().isInSystemHeader(FD->getLocation()))
    return false;
  // A member of std::complex, or a free function of the library (not a
  // container's operator[] that returns a complex element).
  if (const auto *MD = dyn_cast<clang::CXXMethodDecl>(FD)) {
    clang::QualType Part;
    if (!complexOf(Ctx.getRecordType(MD->getParent()), Part))
      return false;
  }
  if (isComplex(CE->getType()))
    return true;
  for (const clang::Expr *A : CE->arguments())
    if (isComplex(A->getType()))
      return true;
  if (const auto *MC = dyn_cast<clang::CXXMemberCallExpr>(CE))
    return isComplex(MC->getImplicitObjectArgument()->getType()) ||
           (MC->getImplicitObjectArgument()->getType()->isPointerType() &&
            isComplex(MC->getImplicitObjectArgument()->getType()->getPointeeType()));
  return false;
}

const Expr *GraphBuilder::Impl::cplxBind(const Expr *E, llvm::StringRef Name,
                                         clang::SourceLocation L) {
  if (!E || E->isConstant() || E->K == Op::VarRef || (E->K == Op::Load && isFieldLoad(E)))
    return E;
  Var *T = temp(Name, E->Ty.element(), L);
  emit(M.decl(T, E, loc(L)));
  return M.ref(T);
}

/// Stores \p P into complex lvalue \p Dst. When the imaginary part reads
/// a real part (that of Dst, perhaps), it is computed first.
const Expr *GraphBuilder::Impl::cplxStore(const Expr *Dst, ComplexParts P,
                                          clang::SourceLocation L) {
  const Record *R = Dst->Ty.Rec;
  const Type &PT = R->Fields[0].Ty;
  auto fit = [&](const Expr *E) { return E->Ty.Scalar == PT.Scalar ? E : M.cast(E, PT); };
  const Expr *Re = fit(P.Re), *Im = fit(P.Im ? P.Im : M.floatConst(0, PT));
  // Writing Dst's real part first must not change what the imaginary part
  // reads: the real part of Dst itself, or of an object a reference or
  // pointer parameter may share with it.
  auto root = [](const Expr *E) -> Var * {
    while (E && (E->K == Op::Load || E->K == Op::PtrAdd))
      E = E->Ops[0];
    if (E && (E->K == Op::VarRef || E->K == Op::Deref))
      return E->V->Root ? E->V->Root : E->V;
    return nullptr;
  };
  auto shared = [](const Var *V) {
    return !V || V->Kind == VarKind::Global ||
           (V->Kind == VarKind::Param && (V->Ty.IsPointer || V->Ty.IsReference));
  };
  Var *DstRoot = root(Dst);
  bool ReadsRe = false;
  forEachExpr(Im, [&](const Expr *N) {
    if (isFieldLoad(N) && N->Ops[1]->Text == "re" && N->Ops[0]->Ty.Rec &&
        N->Ops[0]->Ty.Rec->Complex) {
      Var *R = root(N);
      ReadsRe |= R == DstRoot || (shared(R) && shared(DstRoot));
    }
  });
  if (ReadsRe)
    Im = cplxBind(Im, (DstRoot ? DstRoot->Name : std::string("new")) + "_im", L);
  emit(M.assign(M.field(Dst, "re", PT), Re, loc(L)));
  emit(M.assign(M.field(Dst, "im", PT), Im, loc(L)));
  return Dst;
}

bool GraphBuilder::Impl::complexInto(const Expr *Dst, const clang::Expr *Init) {
  ComplexParts P;
  if (!complexParts(Init, Dst->Ty.Rec->Fields[0].Ty, P))
    return false;
  cplxStore(Dst, P, Init->getBeginLoc());
  return true;
}

/// A complex value not already in memory (z * c, std::exp(z),
/// std::complex<double>(a, b)): its parts in a temporary, or in the
/// variable being declared.
const Expr *GraphBuilder::Impl::complexValue(const clang::Expr *E, const Expr *Into) {
  graph::Type T;
  if (!typeOf(E->getType().getNonReferenceType(), E->getBeginLoc(), T, "this value"))
    return nullptr;
  T.IsConst = T.IsReference = false;
  ComplexParts P;
  if (!complexParts(E, T.Rec->Fields[0].Ty, P))
    return nullptr;
  if (!Into || Into->Ty.Rec != T.Rec) {
    Var *Tmp = temp("cplx", T, E->getBeginLoc());
    emit(M.decl(Tmp, nullptr, loc(E->getBeginLoc())));
    Into = M.ref(Tmp);
  }
  return cplxStore(Into, P, E->getBeginLoc());
}

const Expr *GraphBuilder::Impl::complexExpr(const clang::Expr *E, bool &Handled) {
  Handled = false;
  const clang::Expr *B = E->IgnoreParens();
  if (!isComplex(B->getType()) || B->isGLValue())
    return nullptr;
  const auto *CE = dyn_cast<clang::CXXConstructExpr>(B);
  if (CE && CE->getConstructor()->isCopyOrMoveConstructor() && CE->getConstructor()->isTrivial())
    return nullptr;
  const auto *Cast = dyn_cast<clang::CastExpr>(B);
  if (CE || isa<clang::InitListExpr>(B) ||
      (Cast && (Cast->getCastKind() == clang::CK_ConstructorConversion ||
                isa<clang::CXXFunctionalCastExpr>(B)))) {
    Handled = true;
    return complexValue(B, nullptr);
  }
  return nullptr;
}

/// The parts of \p E, a complex or real value; Out.Im is null for a real.
bool GraphBuilder::Impl::complexParts(const clang::Expr *E, const graph::Type &PT,
                                      ComplexParts &Out) {
  Out = {};
  E = bare(E);
  auto fit = [&](const Expr *V) { return V->Ty.Scalar == PT.Scalar ? V : M.cast(V, PT); };
  if (!isComplex(E->getType())) {
    const Expr *V = expr(E);
    if (!V)
      return false;
    if (!V->Ty.isFloatScalar() && V->Ty.isMemory())
      return failStmt(E->getBeginLoc(), "this value cannot be used as a number here");
    Out.Re = fit(V);
    return true;
  }
  if (const auto *CE = dyn_cast<clang::CXXConstructExpr>(E)) {
    std::vector<const clang::Expr *> Args;
    for (const clang::Expr *A : CE->arguments())
      if (!isa<clang::CXXDefaultArgExpr>(A))
        Args.push_back(A);
    if (Args.empty()) {
      Out.Re = M.floatConst(0, PT);
      Out.Im = M.floatConst(0, PT);
      return true;
    }
    if (Args.size() == 1 && isComplex(Args[0]->getType())) { // a copy or conversion
      if (!complexParts(Args[0], PT, Out))
        return false;
      Out.Re = fit(Out.Re);
      Out.Im = fit(Out.Im);
      return true;
    }
    ComplexParts Im;
    if (!complexParts(Args[0], PT, Out) || (Args.size() > 1 && !complexParts(Args[1], PT, Im)))
      return false;
    Out.Im = Args.size() > 1 ? Im.Re : M.floatConst(0, PT);
    return true;
  }
  if (const auto *IL = dyn_cast<clang::InitListExpr>(E)) {
    ComplexParts Im;
    if (IL->getNumInits() == 1 && isComplex(IL->getInit(0)->getType()))
      return complexParts(IL->getInit(0), PT, Out);
    if (IL->getNumInits() > 2)
      return failStmt(E->getBeginLoc(), "a std::complex takes at most two numbers");
    if (IL->getNumInits() == 0) {
      Out.Re = Out.Im = M.floatConst(0, PT);
      return true;
    }
    if (!complexParts(IL->getInit(0), PT, Out) ||
        (IL->getNumInits() > 1 && !complexParts(IL->getInit(1), PT, Im)))
      return false;
    Out.Im = IL->getNumInits() > 1 ? Im.Re : M.floatConst(0, PT);
    return true;
  }
  if (const auto *CE = dyn_cast<clang::CallExpr>(E); CE && isComplexLibraryCall(CE)) {
    bool IsParts = false;
    unsigned Before = Diags.errorCount();
    const Expr *V = complexCall(CE, Out, IsParts);
    if (Diags.errorCount() != Before)
      return false;
    if (IsParts) {
      Out.Re = fit(Out.Re);
      Out.Im = fit(Out.Im);
      return true;
    }
    if (!V || !V->Ty.Rec)
      return failStmt(CE->getBeginLoc(), "this std::complex value is not supported here");
    Out.Re = M.field(V, "re", V->Ty.Rec->Fields[0].Ty);
    Out.Im = M.field(V, "im", V->Ty.Rec->Fields[0].Ty);
    Out.Re = fit(Out.Re);
    Out.Im = fit(Out.Im);
    return true;
  }
  const Expr *V = expr(E);
  if (!V)
    return false;
  if (!V->Ty.Rec || !V->Ty.Rec->Complex || V->Ty.IsPointer || V->Ty.ArraySize)
    return failStmt(E->getBeginLoc(), "this std::complex value is not supported here");
  Out.Re = fit(M.field(V, "re", V->Ty.Rec->Fields[0].Ty));
  Out.Im = fit(M.field(V, "im", V->Ty.Rec->Fields[0].Ty));
  return true;
}
