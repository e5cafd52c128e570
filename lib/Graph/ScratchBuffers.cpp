//===- Graph/ScratchBuffers.cpp - new[] and unique_ptr<T[]> scratch -------===//
//
// A scratch buffer the function allocates for itself,
//
//   double *buf = new double[n];  ...  delete[] buf;
//   std::unique_ptr<double[]> u(new double[n]);
//   auto u = std::make_unique<double[]>(n);
//
// becomes a local std::vector that owns the elements and a pointer local
// into it, which the graph already supports (Var::Root):
//
//   std::vector<double> buf_buffer(n);  double *buf = buf_buffer.data();
//
// Its derivative is a vector of the same size, allocated with it and freed
// when the generated function returns: in reverse mode that is after the
// backward sweep, so the adjoint never outlives nor predeceases what reads
// it. `delete[] buf;` frees nothing early (the storage lives to the end).
// The rules of local vectors apply: allocated outside loops, with a size
// computed from parameters the function does not change; the elements start
// at zero (new double[n] leaves them indeterminate: reading them is
// undefined in f anyway).
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/DeclTemplate.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

/// `a.allocate(n)` of a std::allocator a (whose allocate may be its base's).
static bool isAllocate(const clang::Expr *E) {
  const auto *MC = dyn_cast<clang::CXXMemberCallExpr>(E->IgnoreParenImpCasts());
  const clang::CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  if (!MD || !MD->getIdentifier() || MD->getName() != "allocate" || MC->getNumArgs() < 1)
    return false;
  for (unsigned I = 1; I < MC->getNumArgs(); ++I) // allocate(n, hint = 0)
    if (!isa<clang::CXXDefaultArgExpr>(MC->getArg(I)))
      return false;
  const auto *RD =
      MC->getImplicitObjectArgument()->IgnoreParenImpCasts()->getType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() && RD->getName() == "allocator";
}

/// A call of C's malloc, calloc or free (also std::), or null.
static const clang::CallExpr *cAllocation(const clang::Expr *E, llvm::StringRef Which) {
  const auto *CE = dyn_cast<clang::CallExpr>(E->IgnoreParenImpCasts());
  const clang::FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier() ||
      (!FD->getDeclContext()->getRedeclContext()->isTranslationUnit() &&
       !FD->isInStdNamespace()))
    return nullptr;
  llvm::SmallVector<llvm::StringRef, 2> Names;
  Which.split(Names, ',');
  return llvm::is_contained(Names, FD->getName()) ? CE : nullptr;
}

/// `(double *)malloc(n * sizeof(double))`, `static_cast<double *>(std::calloc(n,
/// sizeof(double)))`: the malloc or calloc call, or null.
static const clang::CallExpr *castAllocation(const clang::Expr *Init) {
  const auto *EC = dyn_cast<clang::ExplicitCastExpr>(Init->IgnoreParens());
  if (!EC || !EC->getSubExpr()->getType()->isVoidPointerType())
    return nullptr;
  return cAllocation(EC->getSubExpr(), "malloc,calloc");
}

/// The number of \p Elem in \p Bytes written as `n * sizeof(T)`, `sizeof(T) *
/// n` or `sizeof(T)` (\p One set), T being \p Elem; null otherwise.
static const clang::Expr *countOf(const clang::Expr *Bytes, clang::QualType Elem,
                                  clang::ASTContext &Ctx, bool &One) {
  auto IsSize = [&](const clang::Expr *E) {
    const auto *S = dyn_cast<clang::UnaryExprOrTypeTraitExpr>(E->IgnoreParenImpCasts());
    return S && S->getKind() == clang::UETT_SizeOf &&
           Ctx.hasSameUnqualifiedType(S->getTypeOfArgument(), Elem);
  };
  One = IsSize(Bytes);
  if (One)
    return Bytes;
  const auto *BO = dyn_cast<clang::BinaryOperator>(Bytes->IgnoreParenImpCasts());
  if (!BO || BO->getOpcode() != clang::BO_Mul)
    return nullptr;
  if (IsSize(BO->getRHS()))
    return BO->getLHS();
  return IsSize(BO->getLHS()) ? BO->getRHS() : nullptr;
}

bool GraphBuilder::Impl::freeStmt(const clang::CallExpr *CE, bool &Handled) {
  Handled = cAllocation(CE, "free") && CE->getNumArgs() == 1;
  if (!Handled)
    return false;
  const auto *DRE = dyn_cast<clang::DeclRefExpr>(CE->getArg(0)->IgnoreParenImpCasts());
  Var *V = DRE ? Vars.lookup(DRE->getDecl()) : nullptr;
  if (!V || !ScratchBuffers.count(V))
    return failStmt(CE->getBeginLoc(), "'free' is supported only of a scratch buffer 'p = "
                                       "(T *)malloc(n * sizeof(T))' of the same function");
  return true; // its storage lives until the function returns
}

/// The element type of std::unique_ptr<T[]>, or a null type.
static clang::QualType uniqueArrayElement(clang::QualType QT) {
  const auto *RD = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
      QT->getAsCXXRecordDecl());
  if (!RD || RD->getName() != "unique_ptr" || !RD->isInStdNamespace() ||
      RD->getTemplateArgs().size() < 1)
    return {};
  clang::QualType Arr = RD->getTemplateArgs()[0].getAsType();
  if (const auto *A = Arr->getAsArrayTypeUnsafe(); A && isa<clang::IncompleteArrayType>(A))
    return A->getElementType();
  return {};
}

bool GraphBuilder::Impl::isScratchBufferDecl(const clang::VarDecl *VD) {
  if (!uniqueArrayElement(VD->getType()).isNull())
    return true;
  const clang::Expr *Init = VD->getInit();
  if (!VD->getType()->isPointerType() || !Init)
    return false;
  if (isAllocate(Init) || castAllocation(Init)) // al.allocate(n), (T *)malloc(...)
    return true;
  return isa<clang::CXXNewExpr>(Init->IgnoreParenImpCasts());
}

bool GraphBuilder::Impl::scratchBufferDecl(const clang::VarDecl *VD) {
  clang::SourceLocation L = VD->getLocation();
  std::string Name = VD->getNameAsString();
  clang::QualType Elem = uniqueArrayElement(VD->getType());
  bool Unique = !Elem.isNull();
  if (!Unique)
    Elem = VD->getType()->getPointeeType();
  // The size: new T[n] (directly or inside unique_ptr's constructor), or
  // std::make_unique<T[]>(n).
  const clang::Expr *Init = VD->getInit() ? stripCopies(VD->getInit()) : nullptr;
  const clang::Expr *Size = nullptr;
  bool Refused = !Init, One = false;
  if (const clang::CallExpr *C = Init ? castAllocation(Init) : nullptr) {
    bool Calloc = C->getDirectCallee()->getName() == "calloc";
    const clang::Expr *Bytes = C->getArg(Calloc ? 1 : 0);
    Size = countOf(Bytes, Elem, Ctx, One);
    if (Calloc) { // calloc(n, sizeof(T)) or calloc(sizeof(T), n)
      bool One0 = false;
      const clang::Expr *Count0 = countOf(C->getArg(0), Elem, Ctx, One0);
      Size = One ? C->getArg(0) : (Count0 && One0) ? Bytes : nullptr;
      One = false;
    }
    if (!Size)
      return failStmt(Bytes->getBeginLoc(),
                      "scratch buffer '" + Name + "': the size given to '" +
                          C->getDirectCallee()->getName().str() + "' must be written 'n * sizeof(" +
                          Elem.getAsString(printingPolicy(Ctx)) + ")'");
    Init = nullptr;
  }
  if (Init) {
    if (const auto *CE = dyn_cast<clang::CXXConstructExpr>(Init); CE && CE->getNumArgs() >= 1)
      Init = stripCopies(CE->getArg(0));
    if (const auto *BT = dyn_cast<clang::CXXFunctionalCastExpr>(Init))
      Init = stripCopies(BT->getSubExpr());
    if (const auto *CE = dyn_cast<clang::CXXConstructExpr>(Init); CE && CE->getNumArgs() >= 1)
      Init = stripCopies(CE->getArg(0));
    Init = Init->IgnoreParenImpCasts();
    if (const auto *NE = dyn_cast<clang::CXXNewExpr>(Init)) {
      if (!NE->isArray() || NE->getNumPlacementArgs() > 0 || !NE->getArraySize())
        Refused = true;
      else
        Size = *NE->getArraySize();
      // new double[n]{a, b}: an initialiser list is not supported.
      if (NE->hasInitializer() && isa<clang::InitListExpr>(NE->getInitializer()) &&
          clang::cast<clang::InitListExpr>(NE->getInitializer())->getNumInits() > 0)
        Refused = true;
    } else if (const auto *Call = dyn_cast<clang::CallExpr>(Init)) {
      const clang::FunctionDecl *FD = Call->getDirectCallee();
      if (Unique && FD && FD->isInStdNamespace() && FD->getName() == "make_unique" &&
          Call->getNumArgs() == 1)
        Size = Call->getArg(0);
      else if (!Unique && isAllocate(Call))
        Size = Call->getArg(0); // al.allocate(n) of a std::allocator<T> al
      else
        Refused = true;
    } else {
      Refused = true;
    }
  }
  if (Refused || !Size)
    return failStmt(L, "scratch buffer '" + Name + "': adgen supports 'new T[n]', "
                       "'std::unique_ptr<T[]>(new T[n])', 'std::make_unique<T[]>(n)' "
                       "and 'a.allocate(n)' of a std::allocator as the initialiser of a "
                       "local, without initialiser list or placement");
  if (LoopDepth > 0 || std::count(Breaks.begin(), Breaks.end(), BreakTarget::Loop))
    return failStmt(L, "scratch buffer '" + Name + "' allocated inside a loop is not "
                       "supported; allocate it once before the loop");
  graph::Type ET;
  if (!typeOf(Elem, L, ET, "the elements of scratch buffer '" + Name + "'"))
    return false;
  // A struct of numbers without constructors (what malloc can make): its
  // elements start at zero, field by field.
  const clang::CXXRecordDecl *RD = Elem->getAsCXXRecordDecl();
  bool PlainStruct = ET.Rec && !ET.IsPointer && !ET.ArraySize && !ET.isContainer() && RD &&
                     RD->hasTrivialDefaultConstructor() && RD->isTriviallyCopyable() &&
                     ET.Rec->ZeroWhenValueInitialised;
  if (ET.isMemory() && !PlainStruct)
    return failStmt(L, "scratch buffer '" + Name + "' of arrays, containers or structs with "
                       "constructors is not supported; use a buffer of numbers or of plain "
                       "structs of numbers");
  const Expr *N = One ? M.intConst(1) : expr(Size);
  if (!N)
    return false;
  graph::Type VT = ET;
  VT.IsConst = false;
  VT.IsVector = true;
  Var *Storage = newVar(Name + "_buffer", VT, VarKind::Local, L);
  emit(M.decl(Storage, N, loc(L)));
  graph::Type PT = graph::Type::pointerTo(ET.Scalar, ET.Spelling, false);
  PT.Rec = ET.Rec;
  Var *P = newVar(Name, PT, VarKind::Local, L);
  P->Root = Storage;
  Vars[VD] = P;
  ScratchBuffers.insert(P);
  emit(M.decl(P, M.ptrAdd(M.ref(Storage), M.intConst(0)), loc(L)));
  return true;
}

bool GraphBuilder::Impl::deleteStmt(const clang::CXXDeleteExpr *DE) {
  const auto *DRE = dyn_cast<clang::DeclRefExpr>(DE->getArgument()->IgnoreParenImpCasts());
  Var *V = DRE ? Vars.lookup(DRE->getDecl()) : nullptr;
  if (!DE->isArrayForm() || !V || !ScratchBuffers.count(V))
    return failStmt(DE->getBeginLoc(), "'delete' is supported only as 'delete[] p' of a "
                                       "scratch buffer 'p = new T[n]' of the same function");
  return true; // its storage lives until the function returns
}

const Expr *GraphBuilder::Impl::uniqueArrayMethod(const clang::CallExpr *CE,
                                                  const clang::CXXMethodDecl *MD,
                                                  const clang::Expr *ObjectE) {
  const Expr *Obj = expr(ObjectE);
  if (!Obj)
    return nullptr;
  bool Operator = isa<clang::CXXOperatorCallExpr>(CE);
  if (Operator && MD->getOverloadedOperator() == clang::OO_Subscript) {
    const Expr *I = expr(CE->getArg(1));
    return I ? M.load(Obj, I) : nullptr;
  }
  if (!Operator && MD->getName() == "get")
    return Obj;
  return fail(CE->getBeginLoc(), "'std::unique_ptr::" +
                                     (Operator ? std::string("operator") +
                                                     clang::getOperatorSpelling(
                                                         MD->getOverloadedOperator())
                                               : MD->getNameAsString()) +
                                     "' is not supported in differentiated code (a scratch "
                                     "buffer supports [] and get())");
}

/// `const_cast<double *>(p)` (or `(double *)p`) with p a pointer to const
/// into memory the function may write (a local array or vector, a scratch
/// buffer, a non-const pointer parameter): the same address, written from
/// that memory, `buf + (p - buf)`, so that the generated code (which names
/// p, and d_p, as pointers to const) needs no cast. Casting away the const
/// of an input is refused: writing through it would change the input.
const Expr *GraphBuilder::Impl::castAwayConst(const clang::CastExpr *CE) {
  const Expr *Sub = expr(CE->getSubExpr());
  if (!Sub)
    return nullptr;
  std::vector<const Expr *> Offsets;
  const Expr *Base = Sub;
  while (Base->K == Op::PtrAdd) {
    Offsets.push_back(Base->Ops[1]);
    Base = Base->Ops[0];
  }
  Var *Root = Base->K == Op::VarRef ? (Base->V->Root ? Base->V->Root : Base->V) : nullptr;
  bool Writable = Root && !Root->Ty.IsConst && !Root->Ty.PointeeConst &&
                  (Root->Kind == VarKind::Local || Root->Ty.IsPointer || Root->Ty.IsReference);
  if (!Writable || !Base->V->Ty.IsPointer)
    return fail(CE->getBeginLoc(),
                "casting away 'const' of a pointer is supported only for a pointer "
                "into a local array, std::vector or scratch buffer, or into a non-const "
                "pointer parameter" +
                    (Root ? " ('" + Root->Name + "' is not one)" : std::string()));
  if (!Base->V->Root) // a pointer parameter itself: nothing to undo
    return Sub;
  const Expr *First = M.ptrAdd(M.ref(Root), M.intConst(0));
  graph::Type Diff = graph::Type::scalar(ScalarKind::Int, "std::ptrdiff_t");
  const Expr *R = M.ptrAdd(M.ref(Root), M.binary(Op::Sub, Base, First, Diff));
  for (auto It = Offsets.rbegin(); It != Offsets.rend(); ++It)
    R = M.ptrAdd(R, *It);
  return R;
}
