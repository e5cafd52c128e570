//===- Graph/StructsAndContainers.cpp - Structs, vectors, methods ---------===//
//
// The graph has no struct values: a struct is memory whose elements are its
// fields, so `s.x` is Load(s, .x) just as `a[i]` is Load(a, i), and the
// transforms need nothing new to differentiate it. Whole-struct copies
// (`Vec3 c = a;`, `c = a;`, `return c;`) become one assignment per scalar
// field. std::vector and std::array are memory too: `v[i]`, `v.at(i)`,
// `front`, `back` are loads, `size()` is an integer, `data()` the address.
//
// A member function is built as a free function whose first parameter is
// the object, `self`; `this->x` and `x` inside it read `self.x`.
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

/// The variable whose storage \p E names (a's for a[i].x).
static Var *rootVar(const Expr *E) {
  while (E && (E->K == Op::Load || E->K == Op::PtrAdd))
    E = E->Ops[0];
  if (E && (E->K == Op::VarRef || E->K == Op::Deref))
    return E->V->Root ? E->V->Root : E->V;
  return nullptr;
}
static Var *rootVar(Var *V) { return V->Root ? V->Root : V; }

const clang::Expr *adgen::stripCopies(const clang::Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *EWC = dyn_cast<clang::ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *MT = dyn_cast<clang::MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<clang::CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    else if (const auto *IC = dyn_cast<clang::ImplicitCastExpr>(E);
             IC && (IC->getCastKind() == clang::CK_NoOp ||
                    IC->getCastKind() == clang::CK_LValueToRValue))
      E = IC->getSubExpr();
    else if (const auto *FC = dyn_cast<clang::CXXFunctionalCastExpr>(E);
             FC && FC->getCastKind() == clang::CK_NoOp)
      E = FC->getSubExpr();
    else if (const auto *CE = dyn_cast<clang::CXXConstructExpr>(E);
             CE && CE->getNumArgs() == 1 && CE->getConstructor()->isCopyOrMoveConstructor() &&
             !copyChangesValues(CE->getConstructor()))
      E = CE->getArg(0); // (a copy that changes values runs in place: constructInto)
    else
      return E;
  }
}

namespace {
/// Do all return statements of a body return `*this`?
struct ReturnsOfThis : clang::RecursiveASTVisitor<ReturnsOfThis> {
  bool All = true, Any = false;
  bool VisitReturnStmt(clang::ReturnStmt *R) {
    const clang::Expr *V = R->getRetValue();
    const auto *UO = V ? dyn_cast<clang::UnaryOperator>(V->IgnoreParenImpCasts()) : nullptr;
    bool This = UO && UO->getOpcode() == clang::UO_Deref &&
                isa<clang::CXXThisExpr>(UO->getSubExpr()->IgnoreParenImpCasts());
    All &= This;
    Any = true;
    return true;
  }
  bool TraverseLambdaExpr(clang::LambdaExpr *) { return true; }
};
} // namespace

bool adgen::returnsThis(const clang::CXXMethodDecl *MD) {
  if (!MD->isInstance() || !MD->getReturnType()->isLValueReferenceType())
    return false;
  clang::QualType R = MD->getReturnType()->getPointeeType();
  const clang::ASTContext &Ctx = MD->getASTContext();
  if (!Ctx.hasSameUnqualifiedType(R, Ctx.getRecordType(MD->getParent())))
    return false;
  const clang::FunctionDecl *Def = MD->getDefinition();
  if (!Def || !Def->getBody())
    return false;
  ReturnsOfThis V;
  V.TraverseStmt(Def->getBody());
  return V.All && V.Any;
}

//===----------------------------------------------------------------------===//
// Fields
//===----------------------------------------------------------------------===//

const Expr *GraphBuilder::Impl::memberExpr(const clang::MemberExpr *ME) {
  bool View = false;
  if (const Expr *VF = viewField(ME, View); View) // s.p of a local view (Views.cpp)
    return VF;
  const auto *FD = dyn_cast<clang::FieldDecl>(ME->getMemberDecl());
  if (!FD) {
    if (const auto *VD = dyn_cast<clang::VarDecl>(ME->getMemberDecl()))
      return fail(ME->getMemberLoc(), "static data member '" + VD->getNameAsString() +
                                          "' is not supported; use a namespace-scope "
                                          "constant");
    return fail(ME->getMemberLoc(), "this member access is not supported");
  }
  const clang::Expr *BaseE = ME->getBase()->IgnoreParenImpCasts();
  const Expr *Base = nullptr;
  if (isa<clang::CXXThisExpr>(BaseE)) {
    if (!SelfObj)
      return fail(ME->getBeginLoc(), "'this' outside a member function");
    Base = SelfObj;
  } else if (const auto *DRE = dyn_cast<clang::DeclRefExpr>(BaseE);
             ME->isArrow() && DRE && ScalarPointers.count(DRE->getDecl())) {
    Base = ScalarPointers.lookup(DRE->getDecl()); // t->x, t = new T{x} (NewScalars.cpp)
  } else {
    bool Iter = false; // it->x of an iterator local (IteratorLocals.cpp)
    if (ME->isArrow())
      Base = iteratorArrow(ME->getBase(), Iter);
    if (!Iter)
      Base = expr(ME->getBase());
    if (!Base)
      return nullptr;
    if (ME->isArrow() && !Iter) {
      if (!Base->Ty.IsPointer)
        return fail(ME->getOperatorLoc(), "'->' on something that is not a pointer");
      Base = M.load(Base, M.intConst(0));
    }
  }
  if (!Base->Ty.Rec || Base->Ty.IsPointer || Base->Ty.ArraySize)
    return fail(ME->getMemberLoc(), "field '" + FD->getNameAsString() +
                                        "' of a value adgen does not see as a struct");
  const Record::Field *Fld = Base->Ty.Rec->field(FD->getName());
  if (!Fld)
    return fail(ME->getMemberLoc(), "unknown field '" + FD->getNameAsString() + "'");
  graph::Type T = Fld->Ty;
  // Fields of a const object are const.
  T.IsConst = Base->Ty.IsConst || (Base->K == Op::VarRef && Base->V->Ty.IsConst);
  return M.field(Base, Fld->Name, T);
}

//===----------------------------------------------------------------------===//
// Struct values
//===----------------------------------------------------------------------===//

void GraphBuilder::Impl::zeroInto(const Expr *Dst, const graph::Type &Ty, Loc L) {
  if (Ty.StdArray && !Ty.IsPointer) { // a std::array field
    for (uint64_t I = 0; I < Ty.StdArray; ++I)
      zeroInto(M.load(Dst, M.intConst(I)), Ty.element(), L);
    return;
  }
  if (Ty.ArraySize) {
    graph::Type E = Ty;
    E.ArraySize = 0;
    for (uint64_t I = 0; I < Ty.ArraySize; ++I)
      zeroInto(M.load(Dst, M.intConst(I)), E, L);
    return;
  }
  if (Ty.Rec) {
    for (const Record::Field &Fl : Ty.Rec->Fields)
      zeroInto(M.field(Dst, Fl.Name, Fl.Ty), Fl.Ty, L);
    return;
  }
  emit(M.assign(Dst, Ty.isFloating() ? M.floatConst(0, Ty) : M.constant("0", Ty.element()), L));
}

/// Dst = Init, for a scalar, struct or array Dst of type \p Ty.
bool GraphBuilder::Impl::initInto(const Expr *Dst, const graph::Type &Ty,
                                  const clang::Expr *Init) {
  Loc L = Init ? loc(Init->getBeginLoc()) : Loc();
  if (Init)
    Init = stripCopies(Init);
  // A default member initialiser (`double w = 2.0;`), a converting
  // constructor (`S s = 2.0;`): what they stand for.
  while (Init) {
    if (const auto *DI = dyn_cast<clang::CXXDefaultInitExpr>(Init))
      Init = stripCopies(DI->getExpr());
    else if (const auto *C = dyn_cast<clang::CastExpr>(Init);
             C && C->getCastKind() == clang::CK_ConstructorConversion)
      Init = stripCopies(C->getSubExpr());
    else
      break;
  }
  if (!Init || isa<clang::ImplicitValueInitExpr>(Init)) {
    zeroInto(Dst, Ty, L);
    return true;
  }
  if (Ty.Rec && Ty.Rec->Complex && !Ty.ArraySize && !Ty.StdArray && !Ty.IsPointer &&
      !Ty.IsVector)
    return complexInto(Dst, Init);
  if (Ty.Rec && (Ty.Rec->Pair || Ty.Rec->Tuple) && !Ty.ArraySize && !Ty.StdArray &&
      !Ty.IsPointer && !Ty.IsVector)
    return tupleInto(Dst, Init);
  if (const auto *IL = dyn_cast<clang::InitListExpr>(Init)) {
    if (IL->isSyntacticForm() && IL->getSemanticForm())
      IL = IL->getSemanticForm();
    if (Ty.StdArray && !Ty.IsPointer) { // a std::array field: {{1, 2, 3}}, {1, 2, 3}
      if (IL->getNumInits() == 1 && isa<clang::InitListExpr>(stripCopies(IL->getInit(0))))
        IL = dyn_cast<clang::InitListExpr>(stripCopies(IL->getInit(0)));
      for (uint64_t I = 0; I < Ty.StdArray; ++I)
        if (!initInto(M.load(Dst, M.intConst(I)), Ty.element(),
                      I < IL->getNumInits() ? IL->getInit(I) : nullptr))
          return false;
      return true;
    }
    if (Ty.ArraySize) {
      graph::Type E = Ty;
      E.ArraySize = 0;
      uint64_t Stride = 1;
      // double m[2][3] in a struct is flat: a nested list fills one row.
      if (const auto *AT = Ctx.getAsConstantArrayType(IL->getType()))
        if (const auto *Row = Ctx.getAsConstantArrayType(AT->getElementType())) {
          graph::Type RT;
          if (mapType(clang::QualType(Row, 0), Ctx, RT))
            Stride = RT.ArraySize;
        }
      if (Stride > 1) {
        for (uint64_t R = 0; R * Stride < Ty.ArraySize; ++R) {
          graph::Type RowT = Ty;
          RowT.ArraySize = Stride;
          const Expr *RowBase = M.ptrAdd(Dst, M.intConst(R * Stride));
          if (!initInto(RowBase, RowT, R < IL->getNumInits() ? IL->getInit(R) : nullptr))
            return false;
        }
        return true;
      }
      for (uint64_t I = 0; I < Ty.ArraySize; ++I)
        if (!initInto(M.load(Dst, M.intConst(I)), E,
                      I < IL->getNumInits() ? IL->getInit(I) : nullptr))
          return false;
      return true;
    }
    if (Ty.Rec) {
      for (size_t I = 0; I < Ty.Rec->Fields.size(); ++I) {
        const Record::Field &Fl = Ty.Rec->Fields[I];
        if (!initInto(M.field(Dst, Fl.Name, Fl.Ty), Fl.Ty,
                      I < IL->getNumInits() ? IL->getInit(I) : nullptr))
          return false;
      }
      return true;
    }
    if (IL->getNumInits() > 1)
      return failStmt(IL->getBeginLoc(), "unexpected initialiser list");
    return initInto(Dst, Ty, IL->getNumInits() ? IL->getInit(0) : nullptr);
  }
  if (const auto *CE = dyn_cast<clang::CXXConstructExpr>(Init)) {
    if (CE->getNumArgs() == 0 && CE->getConstructor()->isTrivial()) {
      zeroInto(Dst, Ty, L); // S{} and S(): value-initialised
      return true;
    }
    return constructInto(Dst, Ty, CE);
  }
  if ((Ty.Rec || Ty.ArraySize || Ty.StdArray) && !Ty.IsPointer) {
    // A struct result of a call goes straight into Dst.
    if (isa<clang::CallExpr>(Init) && Dst->K == Op::VarRef && Ty.Rec && !Ty.ArraySize) {
      ResultInto = Dst;
      const Expr *R = expr(Init);
      ResultInto = nullptr;
      if (!R)
        return false;
      if (R != Dst)
        copyFields(M, Dst, R, Ty, *Cur, L);
      return true;
    }
    const Expr *Src = expr(Init);
    if (!Src)
      return false;
    copyFields(M, Dst, Src, Ty, *Cur, L);
    return true;
  }
  const Expr *V = expr(Init);
  if (!V)
    return false;
  if (V->Ty.Scalar != Ty.Scalar)
    V = M.cast(V, Ty.element());
  emit(M.assign(Dst, V, L));
  return true;
}

/// A struct-valued expression that is not an lvalue (S{a, b}, S()): a
/// temporary holding it.
const Expr *GraphBuilder::Impl::recordValue(const clang::Expr *E, const graph::Type &T) {
  graph::Type VT = T;
  VT.IsConst = VT.IsReference = false;
  std::string Base = T.Rec ? T.Rec->Spelling : "tmp";
  Base = Base.substr(Base.rfind(':') == std::string::npos ? 0 : Base.rfind(':') + 1);
  if (!Base.empty())
    Base[0] = llvm::toLower(Base[0]);
  Var *Tmp = temp(Base, VT, E->getBeginLoc());
  emit(M.decl(Tmp, nullptr, loc(E->getBeginLoc())));
  if (!initInto(M.ref(Tmp), VT, E))
    return nullptr;
  return M.ref(Tmp);
}

/// `S s = ...;`, `S a[4] = {...};`, `std::vector<double> v(n);`.
bool GraphBuilder::Impl::recordOrContainerDecl(const clang::VarDecl *VD, Var *V) {
  clang::SourceLocation L = VD->getLocation();
  const clang::Expr *Init = VD->getInit();
  if (V->Ty.isContainer()) {
    if (V->Ty.IsVector) {
      if (std::count(Breaks.begin(), Breaks.end(), BreakTarget::Loop))
        return failStmt(L, "a local std::vector inside a loop is not supported; declare "
                           "it before the loop");
      const auto *CE = Init ? dyn_cast<clang::CXXConstructExpr>(stripCopies(Init)) : nullptr;
      if (Init) { // std::vector<double> v; v(n, x); v{a, b}; w = v: VectorGrowth.cpp
        bool Handled = false;
        bool OK = vectorDecl(VD, V, Init, Handled);
        if (Handled)
          return OK;
      }
      if (!CE || CE->getNumArgs() < 1 || CE->getNumArgs() > 2 ||
          !CE->getArg(0)->getType()->isIntegerType() ||
          (CE->getNumArgs() == 2 && !isa<clang::CXXDefaultArgExpr>(CE->getArg(1))))
        return failStmt(L, "a local std::vector must be declared with its size, "
                           "'std::vector<double> " + VD->getNameAsString() +
                           "(n)' (zero-filled), 'std::vector<double> " + VD->getNameAsString() +
                           ";', '(n, x)' or '{a, b, c}'; other constructors are not supported");
      const Expr *N = expr(CE->getArg(0));
      if (!N)
        return false;
      // The size is the declaration's value (printed as `v(n)`); the
      // transforms give derivative vectors the same size.
      emit(M.decl(V, N, loc(L)));
      return true;
    }
  }
  Stmt *D = M.decl(V, nullptr, loc(L));
  emit(D);
  if (!Init)
    return true;
  const clang::Expr *Bare = stripCopies(Init);
  if (V->Ty.StdArray) { // like a local array
    if (const auto *IL = dyn_cast<clang::InitListExpr>(Bare)) {
      if (IL->isSyntacticForm() && IL->getSemanticForm())
        IL = IL->getSemanticForm();
      // std::array<double, 3> a{1, 2, 3}: the list of its one member.
      if (IL->getNumInits() == 1 && isa<clang::InitListExpr>(stripCopies(IL->getInit(0))))
        IL = dyn_cast<clang::InitListExpr>(stripCopies(IL->getInit(0)));
      graph::Type E = V->Ty.element();
      for (uint64_t I = 0; I < V->Ty.StdArray; ++I)
        if (!initInto(M.load(M.ref(V), M.intConst(I)), E,
                      I < IL->getNumInits() ? IL->getInit(I) : nullptr))
          return false;
      return true;
    }
    if (const auto *CE = dyn_cast<clang::CXXConstructExpr>(Bare); CE && CE->getNumArgs() == 0)
      return true; // std::array<double, 3> a; : uninitialised, as in C++
    const Expr *Src = expr(Init);
    if (!Src)
      return false;
    copyFields(M, M.ref(V), Src, V->Ty, *Cur, loc(L));
    return true;
  }
  if (const auto *CE = dyn_cast<clang::CXXConstructExpr>(Bare);
      CE && CE->getNumArgs() == 0 && CE->getConstructor()->isTrivial()) {
    // `S s;` is uninitialised, as in C++; `S s{}` and `S s = S()` are zero.
    D->ZeroInit = CE->requiresZeroInitialization() || CE->getParenOrBraceRange().isValid();
    return true;
  }
  if (const auto *IL = dyn_cast<clang::InitListExpr>(Bare)) {
    const clang::InitListExpr *Sem = IL->isSyntacticForm() && IL->getSemanticForm()
                                         ? IL->getSemanticForm() : IL;
    bool AllImplicit = true;
    for (const clang::Expr *I : Sem->inits())
      AllImplicit &= isa<clang::ImplicitValueInitExpr>(I);
    if (AllImplicit) { // S s{};
      D->ZeroInit = true;
      return true;
    }
  }
  return initInto(M.ref(V), V->Ty, Init);
}

//===----------------------------------------------------------------------===//
// Member calls
//===----------------------------------------------------------------------===//

const Expr *GraphBuilder::Impl::containerMethod(const clang::CallExpr *CE,
                                                const clang::CXXMethodDecl *MD,
                                                const clang::Expr *ObjectE) {
  // The size of a temporary, `std::vector<double>(n).size()`: n, without
  // the vector (which carries nothing).
  const clang::Expr *Bare = stripCopies(ObjectE);
  if (const auto *FC = dyn_cast<clang::CXXFunctionalCastExpr>(Bare);
      FC && FC->getCastKind() == clang::CK_ConstructorConversion)
    Bare = stripCopies(FC->getSubExpr());
  if (const auto *Tmp = dyn_cast<clang::CXXConstructExpr>(Bare);
      Tmp && !Tmp->isListInitialization() && !isa<clang::CXXOperatorCallExpr>(CE) &&
      (MD->getName() == "size" || MD->getName() == "empty")) {
    graph::Type SizeT = graph::Type::scalar(ScalarKind::Int, "std::size_t");
    clang::QualType Elem;
    uint64_t N = 0;
    bool IsVector = false;
    const Expr *Size = nullptr;
    if (containerOf(Tmp->getType(), Elem, N, IsVector) && !IsVector)
      Size = M.constant(std::to_string(N) + "u", SizeT);
    else if (IsVector && Tmp->getNumArgs() >= 1 && Tmp->getArg(0)->getType()->isIntegerType())
      Size = expr(Tmp->getArg(0)); // an integer: converts to std::size_t where used
    if (Size && MD->getName() == "empty")
      return M.binary(Op::Eq, Size, M.constant("0", SizeT),
                      graph::Type::scalar(ScalarKind::Bool, "bool"));
    if (Size)
      return Size;
  }
  const Expr *Obj = expr(ObjectE);
  if (!Obj)
    return nullptr;
  if (Obj->Ty.IsPointer && !Obj->Ty.isContainer())
    return fail(CE->getBeginLoc(), "a container reached through a pointer is not "
                                   "supported; pass it by reference");
  std::string Name = MD->isOverloadedOperator()
                         ? std::string(clang::getOperatorSpelling(MD->getOverloadedOperator()))
                         : MD->getNameAsString();
  unsigned First = isa<clang::CXXOperatorCallExpr>(CE) ? 1 : 0; // operands after the object
  auto arg = [&](unsigned I) { return expr(CE->getArg(First + I)); };
  graph::Type SizeT = graph::Type::scalar(ScalarKind::Int, "std::size_t");
  if (Name == "[]" || Name == "at") {
    const Expr *I = arg(0);
    return I ? M.load(Obj, I) : nullptr;
  }
  if (Name == "size")
    return M.sizeOf(Obj);
  if (Name == "front")
    return M.load(Obj, M.intConst(0));
  if (Name == "back")
    return M.load(Obj, M.binary(Op::Sub, M.sizeOf(Obj), M.constant("1", SizeT), SizeT));
  if (Name == "data")
    return M.ptrAdd(Obj, M.intConst(0));
  if (Name == "empty")
    return M.binary(Op::Eq, M.sizeOf(Obj), M.constant("0", SizeT),
                    graph::Type::scalar(ScalarKind::Bool, "bool"));
  std::string Cls = "std::" + MD->getParent()->getNameAsString();
  if (Cls == "std::array" && Name == "fill" && CE->getNumArgs() == 1)
    return fillContainer(Obj, CE->getArg(0), CE->getBeginLoc());
  if (Cls == "std::vector" && isGrowth(Name))
    return vectorGrowth(CE, Obj, Name, First);
  if (Name == "push_back" || Name == "resize" || Name == "emplace_back" || Name == "clear" ||
      Name == "insert" || Name == "erase" || Name == "pop_back" || Name == "assign" ||
      Name == "reserve" || Name == "swap" || Name == "=")
    return fail(CE->getBeginLoc(), "'" + Cls + "::" + Name + "' changes the container in a "
                                   "way adgen does not support; of the operations that change "
                                   "a size, adgen supports push_back, emplace_back, resize, "
                                   "assign(n, x), clear, pop_back and reserve, on a "
                                   "std::vector declared in the function");
  return fail(CE->getBeginLoc(), "'" + Cls + "::" + Name + "' is not supported in "
                                 "differentiated code (supported: [], at, size, empty, "
                                 "front, back, data, and range-for)");
}

/// A call through an object: a container's methods, a struct's trivial
/// assignment, or a user's member function.
const Expr *GraphBuilder::Impl::methodCall(const clang::CallExpr *CE) {
  const auto *MD = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(CE->getDirectCallee());
  if (!MD)
    return nullptr; // not a method: the caller handles it
  const clang::Expr *ObjectE = nullptr;
  if (const auto *MC = dyn_cast<clang::CXXMemberCallExpr>(CE))
    ObjectE = MC->getImplicitObjectArgument();
  else if (isa<clang::CXXOperatorCallExpr>(CE) && MD->isInstance())
    ObjectE = CE->getArg(0);
  if (!ObjectE)
    return nullptr; // a static member function: an ordinary call
  {
    bool Handled = false; // label.size() of an inactive parameter (Inactive.cpp)
    const Expr *R = inactiveMethod(CE, MD, ObjectE, Handled);
    if (Handled)
      return R;
    R = referenceWrapperMethod(CE, MD, ObjectE, Handled); // r.get() (ReferenceWrappers.cpp)
    if (Handled)
      return R;
  }
  clang::QualType ObjT = ObjectE->getType();
  if (ObjT->isPointerType())
    ObjT = ObjT->getPointeeType();
  if (isInitializerListType(ObjT) && MD->getIdentifier() && MD->getName() == "size" &&
      CE->getNumArgs() == 0) { // a list held in a variable: its array's length
    const Expr *Obj = expr(ObjectE);
    if (!Obj)
      return nullptr;
    if (Obj->Ty.ArraySize)
      return M.constant(std::to_string(Obj->Ty.ArraySize) + "u",
                        graph::Type::scalar(ScalarKind::Int, "std::size_t"));
  }
  if (const auto *RD = ObjT->getAsCXXRecordDecl();
      RD && RD->getName() == "unique_ptr" && RD->isInStdNamespace())
    return uniqueArrayMethod(CE, MD, ObjectE); // a scratch buffer (ScratchBuffers.cpp)
  clang::QualType Elem;
  uint64_t N;
  bool IsVector;
  if (containerOf(ObjT, Elem, N, IsVector)) {
    if (const auto *MC = dyn_cast<clang::CXXMemberCallExpr>(CE);
        MC && isa<clang::MemberExpr>(MC->getCallee()->IgnoreParens()) &&
        clang::cast<clang::MemberExpr>(MC->getCallee()->IgnoreParens())->isArrow())
      return fail(CE->getBeginLoc(), "a container reached through a pointer is not "
                                     "supported; pass it by reference");
    return containerMethod(CE, MD, ObjectE);
  }
  if (MD->isVirtual())
    return fail(CE->getBeginLoc(), "virtual call to '" + MD->getNameAsString() +
                                       "' cannot be differentiated: the function "
                                       "called is only known at run time; call a "
                                       "specific implementation (" +
                                       MD->getParent()->getNameAsString() + "::" +
                                       MD->getNameAsString() + "), or give a wrapper a "
                                       "derivative marked ADGEN_CUSTOM");
  if ((MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator()) &&
      copiesFields(MD, Ctx)) {
    // a = b on structs: one assignment per field.
    const Expr *Src = expr(CE->getArg(1));
    const Expr *Dst = Src ? lvalue(CE->getArg(0)) : nullptr;
    if (!Dst)
      return nullptr;
    copyFields(M, Dst, Src, Dst->Ty, *Cur, loc(CE->getBeginLoc()));
    return Dst;
  }
  if (const auto *Std = MD->getParent();
      Std && Ctx.getSourceManager().isInSystemHeader(Std->getLocation()))
    return fail(CE->getBeginLoc(), "'" + MD->getQualifiedNameAsString() +
                                       "' is not supported in differentiated code");
  return nullptr; // a user's member function: callExpr builds the call
}

//===----------------------------------------------------------------------===//
// Range-based for
//===----------------------------------------------------------------------===//

/// `for (T x : r) body` over an array, std::array or std::vector is
///   for (std::size_t k = 0; k < size; ++k) { T x = r[k]; body }
/// with x an alias of r[k] when it is a reference.
bool GraphBuilder::Impl::rangeFor(const clang::CXXForRangeStmt *S) {
  if (S->getInit() && !stmt(S->getInit()))
    return false;
  bool List = false;
  const Expr *Range = initializerListArray(S->getRangeInit(), List);
  if (!List)
    Range = expr(S->getRangeInit());
  if (!Range)
    return false;
  if (!Range->Ty.isMemory() || Range->Ty.IsPointer || (Range->Ty.Rec && !Range->Ty.ArraySize &&
                                                       !Range->Ty.isContainer()))
    return failStmt(S->getColonLoc(), "range-for over this range is not supported "
                                      "(supported: arrays, std::array, std::vector)");
  graph::Type SizeT = graph::Type::scalar(ScalarKind::Int, "std::size_t");
  const Expr *Size = Range->Ty.ArraySize
                         ? M.constant(std::to_string(Range->Ty.ArraySize) + "u", SizeT)
                         : M.sizeOf(Range);
  if (Range->Ty.IsVector && Range->K != Op::VarRef) {
    Var *N = temp("count", SizeT, S->getColonLoc());
    emit(M.decl(N, Size, loc(S->getColonLoc())));
    Size = M.ref(N);
  }
  const clang::VarDecl *LV = S->getLoopVariable();
  Var *K = temp(LV->getName().str() + "_index", SizeT, S->getForLoc());
  Block Body;
  Block *Saved = Cur;
  Cur = &Body;
  const Expr *Elem = M.load(Range, M.ref(K));
  bool OK = true;
  if (LV->getType()->isReferenceType()) {
    Aliases[LV] = Elem;
  } else {
    graph::Type T;
    OK = typeOf(LV->getType(), LV->getLocation(), T,
                "loop variable '" + LV->getNameAsString() + "'");
    if (OK) {
      T.IsConst = false;
      Var *V = newVar(LV->getName(), T, VarKind::Local, LV->getLocation());
      Vars[LV] = V;
      if (T.Rec) {
        emit(M.decl(V, nullptr, loc(LV->getLocation())));
        copyFields(M, M.ref(V), Elem, T, *Cur, loc(LV->getLocation()));
      } else {
        emit(M.decl(V, Elem->Ty.Scalar == T.Scalar ? Elem : M.cast(Elem, T),
                    loc(LV->getLocation())));
      }
    }
  }
  Breaks.push_back(BreakTarget::Loop);
  OK = OK && stmt(S->getBody());
  Breaks.pop_back();
  Cur = Saved;
  if (!OK)
    return false;
  graph::Type B = graph::Type::scalar(ScalarKind::Bool, "bool");
  Block Init{M.decl(K, M.constant("0", SizeT))};
  Block Inc{M.assign(M.ref(K), M.binary(Op::Add, M.ref(K), M.constant("1", SizeT), SizeT))};
  emit(M.loop(LoopKind::For, std::move(Init), M.binary(Op::Lt, M.ref(K), Size, B),
              std::move(Body), std::move(Inc), loc(S->getForLoc())));
  return true;
}

//===----------------------------------------------------------------------===//
// Checks after a function is built
//===----------------------------------------------------------------------===//

/// A struct passed by value and written inside the function: the body works
/// on a local copy, so that the parameter (and its adjoint, the caller's)
/// keeps the value the caller passed.
bool GraphBuilder::Impl::copyWrittenValueStructs(Function &G) {
  std::vector<Var *> Written;
  forEachStmt(G.Body, [&](Stmt *S) {
    auto note = [&](const Expr *E) {
      Var *R = E ? rootVar(E) : nullptr;
      if (R && R->Kind == VarKind::Param && R->Ty.isAggregate() &&
          std::find(Written.begin(), Written.end(), R) == Written.end())
        Written.push_back(R);
    };
    if (S->K == StmtKind::Assign || (S->K == StmtKind::Call && S->Target))
      note(S->Target);
    if (S->K == StmtKind::Call)
      for (size_t I = 0; I < S->Args.size() && I < S->Fn->ParamTypes.size(); ++I)
        if (S->Fn->ParamTypes[I].isWritable())
          note(S->Args[I]);
  });
  Block Prologue;
  for (Var *Local : Written) {
    if (Local->Ty.IsVector) {
      Diags.error(Local->Where, "parameter '" + Local->Name + "' is a std::vector passed by "
                                "value and written inside the function; pass it by "
                                "reference (as an output) instead");
      return false;
    }
    // The variable the body uses becomes the local; a new one takes its
    // place as the parameter.
    Var *P = F->addVar(Local->Name, Local->Ty, VarKind::Param);
    P->Where = Local->Where;
    Local->Name = G.freshName(Local->Name + "_local");
    Local->Kind = VarKind::Local;
    std::replace(G.Params.begin(), G.Params.end(), Local, P);
    Prologue.push_back(M.decl(Local, nullptr));
    copyFields(M, M.ref(Local), M.ref(P), Local->Ty, Prologue);
  }
  G.Body.insert(G.Body.begin(), Prologue.begin(), Prologue.end());
  return true;
}

/// Derivative code declares the derivative of a local std::vector where the
/// function starts, with the same size: the size must be known there.
bool GraphBuilder::Impl::checkVectorSizes(Function &G) {
  std::vector<Var *> Assigned;
  forEachStmt(G.Body, [&](Stmt *S) {
    if (S->K == StmtKind::Assign || (S->K == StmtKind::Call && S->Target))
      if (Var *R = rootVar(S->Target))
        Assigned.push_back(R);
    if (S->K == StmtKind::Call)
      for (size_t I = 0; I < S->Args.size() && I < S->Fn->ParamTypes.size(); ++I)
        if (S->Fn->ParamTypes[I].isWritable())
          if (Var *R = rootVar(S->Args[I]))
            Assigned.push_back(R);
  });
  bool OK = true;
  forEachStmt(G.Body, [&](Stmt *S) {
    if (S->K != StmtKind::Decl || !S->V->Ty.IsVector || !OK)
      return;
    forEachExpr(S->Value, [&](const Expr *N) {
      if (!N->V || !OK)
        return;
      bool Fixed = (N->V->Kind == VarKind::Param || N->V->Kind == VarKind::Global) &&
                   std::find(Assigned.begin(), Assigned.end(), rootVar(N->V)) == Assigned.end();
      if (!Fixed) {
        Diags.error(S->Where, "the size of local std::vector '" + S->V->Name +
                                  "' must be computed from parameters the function does "
                                  "not change (its derivative is allocated on entry)");
        OK = false;
      }
    });
  });
  return OK;
}

/// The transforms differentiate assignments of scalars: a struct must be
/// copied field by field and never chosen by ?: as a whole. The builder
/// guarantees this; here it is checked, so that a construct it missed is an
/// error instead of a derivative that silently drops a struct's adjoint.
bool GraphBuilder::Impl::checkScalarDataFlow(Function &G) {
  bool OK = true;
  auto wholeStruct = [](const Expr *E) {
    bool Found = false;
    forEachExpr(E, [&](const Expr *N) {
      if ((N->K == Op::Select || N->K == Op::Aggregate) && N->Ty.Rec && !N->Ty.IsPointer)
        Found = true;
    });
    return Found;
  };
  forEachStmt(G.Body, [&](Stmt *S) {
    if (!OK)
      return;
    bool Bad = false;
    if (S->K == StmtKind::Decl && S->Value && S->V->Ty.isAggregate() && !S->V->Ty.IsVector)
      Bad = true;
    if (S->K == StmtKind::Assign && S->Target->Ty.isMemory())
      Bad = true;
    Bad |= wholeStruct(S->Value) || wholeStruct(S->Target);
    for (const Expr *A : S->Args)
      Bad |= wholeStruct(A);
    if (Bad) {
      Diags.error(S->Where, "adgen cannot differentiate this use of a struct value here; "
                            "copy it into a local variable first");
      OK = false;
    }
  });
  return OK;
}
