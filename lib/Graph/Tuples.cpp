//===- Graph/Tuples.cpp - std::pair, std::tuple, structured bindings ------===//
//
// std::pair and std::tuple of numbers are records (TypeMap.cpp): a pair's
// fields are first and second, a tuple's 0, 1, ... (generated code reads and
// writes std::get<I>(t)). Here: building them (pair(a, b), {a, b},
// std::make_pair, std::make_tuple), std::get<I>, assignment, std::tie(a, b) =
// ..., and structured bindings (`auto [a, b] = f(x);`, `auto &[p, q] = pr;`),
// which name the fields of the object (or the elements of an array).
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
bool isTupleLike(clang::QualType QT) {
  std::vector<clang::QualType> Elems;
  bool IsTuple;
  return pairOrTupleOf(QT.getNonReferenceType(), Elems, IsTuple);
}

/// A call of std::Name (from the library).
bool isStdCall(const clang::CallExpr *CE, llvm::StringRef Name, const clang::ASTContext &Ctx) {
  const clang::FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  return FD && FD->getIdentifier() && FD->getName() == Name &&
         FD->getDeclContext()->getRedeclContext()->isStdNamespace() &&
         Ctx.getSourceManager().isInSystemHeader(FD->getLocation());
}
} // namespace

bool GraphBuilder::Impl::tupleInto(const Expr *Dst, const clang::Expr *Init) {
  const Record *R = Dst->Ty.Rec;
  clang::SourceLocation L = Init->getBeginLoc();
  Init = stripCopies(Init);
  while (const auto *C = dyn_cast<clang::CastExpr>(Init)) {
    if (C->getCastKind() != clang::CK_ConstructorConversion && C->getCastKind() != clang::CK_NoOp)
      break;
    Init = stripCopies(C->getSubExpr());
  }
  std::vector<const clang::Expr *> Args;
  bool Elementwise = false;
  if (const auto *CE = dyn_cast<clang::CXXConstructExpr>(Init)) {
    for (const clang::Expr *A : CE->arguments())
      if (!isa<clang::CXXDefaultArgExpr>(A))
        Args.push_back(A);
    if (Args.empty()) {
      zeroInto(Dst, Dst->Ty, loc(L));
      return true;
    }
    Elementwise = !(Args.size() == 1 && isTupleLike(Args[0]->getType()));
    if (!Elementwise)
      Init = Args[0];
  } else if (const auto *IL = dyn_cast<clang::InitListExpr>(Init)) {
    for (unsigned I = 0; I < IL->getNumInits(); ++I)
      Args.push_back(IL->getInit(I));
    Elementwise = true;
  } else if (const auto *CE = dyn_cast<clang::CallExpr>(Init);
             CE && (isStdCall(CE, "make_pair", Ctx) || isStdCall(CE, "make_tuple", Ctx))) {
    Args.assign(CE->arg_begin(), CE->arg_end());
    Elementwise = true;
  }
  if (Elementwise) {
    if (Args.size() != R->Fields.size())
      return failStmt(L, "this construction of '" + R->Spelling + "' is not supported");
    for (size_t I = 0; I < Args.size(); ++I)
      if (!initInto(M.field(Dst, R->Fields[I].Name, R->Fields[I].Ty), R->Fields[I].Ty, Args[I]))
        return false;
    return true;
  }
  // Another pair or tuple: field by field, converting where the types differ.
  const Expr *Src = expr(Init);
  if (!Src)
    return false;
  if (!Src->Ty.Rec || Src->Ty.Rec->Fields.size() != R->Fields.size())
    return failStmt(L, "this value of '" + R->Spelling + "' is not supported");
  for (size_t I = 0; I < R->Fields.size(); ++I) {
    const Record::Field &D = R->Fields[I], &S = Src->Ty.Rec->Fields[I];
    if (D.Ty.Rec) {
      copyFields(M, M.field(Dst, D.Name, D.Ty), M.field(Src, S.Name, S.Ty), D.Ty, *Cur, loc(L));
      continue;
    }
    const Expr *V = M.field(Src, S.Name, S.Ty);
    emit(M.assign(M.field(Dst, D.Name, D.Ty), V->Ty.Scalar == D.Ty.Scalar ? V : M.cast(V, D.Ty),
                  loc(L)));
  }
  return true;
}

const Expr *GraphBuilder::Impl::tupleValue(const clang::Expr *E, const Expr *Into) {
  graph::Type T;
  if (!typeOf(E->getType().getNonReferenceType(), E->getBeginLoc(), T, "this value"))
    return nullptr;
  T.IsConst = T.IsReference = false;
  if (!Into || Into->Ty.Rec != T.Rec) {
    Var *Tmp = temp(T.Rec->Tuple ? "tuple" : "pair", T, E->getBeginLoc());
    emit(M.decl(Tmp, nullptr, loc(E->getBeginLoc())));
    Into = M.ref(Tmp);
  }
  return tupleInto(Into, E) ? Into : nullptr;
}

const Expr *GraphBuilder::Impl::tupleExpr(const clang::Expr *E, bool &Handled) {
  Handled = false;
  const clang::Expr *B = E->IgnoreParens();
  if (!isTupleLike(B->getType()) || B->isGLValue())
    return nullptr;
  const auto *CE = dyn_cast<clang::CXXConstructExpr>(B);
  if (CE && CE->getConstructor()->isCopyOrMoveConstructor() && CE->getConstructor()->isTrivial())
    return nullptr;
  const auto *Cast = dyn_cast<clang::CastExpr>(B);
  if (CE || isa<clang::InitListExpr>(B) ||
      (Cast && (Cast->getCastKind() == clang::CK_ConstructorConversion ||
                isa<clang::CXXFunctionalCastExpr>(B)))) {
    Handled = true;
    return tupleValue(B, nullptr);
  }
  return nullptr;
}

const Expr *GraphBuilder::Impl::tupleCall(const clang::CallExpr *CE, const Expr *Into,
                                          bool &Handled) {
  Handled = false;
  const clang::FunctionDecl *FD = CE->getDirectCallee();
  if (!FD || !Ctx.getSourceManager().isInSystemHeader(FD->getLocation()))
    return nullptr;
  clang::SourceLocation L = CE->getBeginLoc();
  if (isStdCall(CE, "make_pair", Ctx) || isStdCall(CE, "make_tuple", Ctx)) {
    Handled = true;
    return tupleValue(CE, Into);
  }
  if (isStdCall(CE, "get", Ctx) && CE->getNumArgs() == 1 && isTupleLike(CE->getArg(0)->getType())) {
    Handled = true;
    const clang::TemplateArgumentList *TA = FD->getTemplateSpecializationArgs();
    if (!TA || TA->size() < 1 || TA->get(0).getKind() != clang::TemplateArgument::Integral)
      return fail(L, "std::get by type is not supported; use std::get<I> with an index");
    unsigned I = TA->get(0).getAsIntegral().getZExtValue();
    const Expr *T = expr(CE->getArg(0));
    if (!T)
      return nullptr;
    if (!T->Ty.Rec || T->Ty.IsPointer || I >= T->Ty.Rec->Fields.size())
      return fail(L, "std::get of a value adgen does not see as a pair or tuple");
    graph::Type FT = T->Ty.Rec->Fields[I].Ty;
    FT.IsConst = T->Ty.IsConst;
    return M.field(T, T->Ty.Rec->Fields[I].Name, FT);
  }
  const auto *MD = dyn_cast<clang::CXXMethodDecl>(FD);
  if (!MD || !isa<clang::CXXOperatorCallExpr>(CE) || !isTupleLike(Ctx.getRecordType(MD->getParent())))
    return nullptr;
  Handled = true;
  if (MD->getOverloadedOperator() != clang::OO_Equal || CE->getNumArgs() != 2)
    return fail(L, "'" + MD->getQualifiedNameAsString() + "' is not supported in "
                                                         "differentiated code");
  // std::tie(a, b) = value: one assignment per variable.
  const auto *Tie = dyn_cast<clang::CallExpr>(stripCopies(CE->getArg(0)));
  if (Tie && isStdCall(Tie, "tie", Ctx)) {
    const Expr *Src = expr(CE->getArg(1));
    if (!Src)
      return nullptr;
    if (!Src->Ty.Rec || Src->Ty.Rec->Fields.size() != Tie->getNumArgs())
      return fail(L, "std::tie of a value adgen does not see as a pair or tuple");
    // The value is read whole before any variable is written (a, b = b, a).
    graph::Type VT = Src->Ty.element();
    VT.IsConst = false;
    if (Src->K != Op::VarRef || !Src->V->Synthetic) {
      Var *Copy = temp(Src->Ty.Rec->Tuple ? "tuple" : "pair", VT, L);
      emit(M.decl(Copy, nullptr, loc(L)));
      copyFields(M, M.ref(Copy), Src, VT, *Cur, loc(L));
      Src = M.ref(Copy);
    }
    for (unsigned I = 0; I < Tie->getNumArgs(); ++I) {
      if (isa<clang::DeclRefExpr>(Tie->getArg(I)->IgnoreParenImpCasts()) &&
          Tie->getArg(I)->getType().getAsString().find("_Swallow_assign") != std::string::npos)
        continue; // std::ignore
      const Expr *Dst = lvalue(Tie->getArg(I));
      if (!Dst)
        return nullptr;
      const Record::Field &S = Src->Ty.Rec->Fields[I];
      if (S.Ty.Rec || Dst->Ty.Rec) {
        copyFields(M, Dst, M.field(Src, S.Name, S.Ty), Dst->Ty, *Cur, loc(L));
        continue;
      }
      const Expr *V = M.field(Src, S.Name, S.Ty);
      emit(M.assign(Dst, V->Ty.Scalar == Dst->Ty.Scalar ? V : M.cast(V, Dst->Ty.element()), loc(L)));
    }
    return Src;
  }
  const Expr *Dst = lvalue(CE->getArg(0));
  if (!Dst)
    return nullptr;
  if (!Dst->Ty.Rec || Dst->Ty.IsPointer)
    return fail(L, "this assignment is not supported");
  return tupleInto(Dst, CE->getArg(1)) ? Dst : nullptr;
}

bool GraphBuilder::Impl::decomposition(const clang::DecompositionDecl *DD) {
  clang::SourceLocation L = DD->getLocation();
  const Expr *Base = nullptr;
  if (DD->getType()->isReferenceType()) {
    Base = DD->getType().getNonReferenceType().isConstQualified() ? expr(DD->getInit())
                                                                  : lvalue(DD->getInit());
  } else {
    graph::Type T;
    if (!typeOf(DD->getType(), L, T, "this structured binding"))
      return false;
    std::string Name;
    for (const clang::BindingDecl *B : DD->bindings())
      Name += (Name.empty() ? "" : "_") + B->getName().str();
    Var *V = newVar(Name, T, VarKind::Local, L);
    V->Ty.IsConst = false;
    Vars[DD] = V;
    if (!T.Rec && !T.ArraySize)
      return failStmt(L, "a structured binding of this type is not supported");
    if (T.ArraySize) {
      emit(M.decl(V, nullptr, loc(L)));
      const Expr *Src = expr(DD->getInit());
      if (!Src)
        return false;
      copyFields(M, M.ref(V), Src, V->Ty, *Cur, loc(L));
    } else if (!recordOrContainerDecl(DD, V)) {
      return false;
    }
    Base = M.ref(V);
  }
  if (!Base)
    return false;
  unsigned I = 0;
  for (const clang::BindingDecl *B : DD->bindings()) {
    if (Base->Ty.Rec && !Base->Ty.IsPointer && !Base->Ty.ArraySize) {
      if (I >= Base->Ty.Rec->Fields.size())
        return failStmt(B->getLocation(), "this structured binding is not supported");
      const Record::Field &Fl = Base->Ty.Rec->Fields[I];
      graph::Type FT = Fl.Ty;
      FT.IsConst = Base->Ty.IsConst;
      Aliases[B] = M.field(Base, Fl.Name, FT);
    } else if (Base->Ty.isMemory()) {
      Aliases[B] = M.load(Base, M.intConst(I));
    } else {
      return failStmt(B->getLocation(), "this structured binding is not supported");
    }
    ++I;
  }
  return true;
}
