//===- Graph/ObjectArrays.cpp - Arrays of classes with a constructor ------===//
//
// `Ctor two[2];`, `std::array<Ctor, 2> two;` and `std::vector<Ctor> two(n);`
// of a class with a constructor or default member initialisers build every
// element with the default constructor. The graph says so: the storage is
// declared (generated code makes it zero, never running the constructor:
// adgen::zeroFill, adgen::zeroed, Emit/CppEmitter.cpp), then a loop runs the
// default constructor in place on each element (Constructors.cpp):
//
//   Ctor two[2];  for (k = 0; k < 2; ++k) Ctor::Ctor(two[k]);
//
// so the transforms see ordinary assignments, and the tangent and adjoint
// arrays, declared the same way, start at zero. Other initialisers of such
// arrays (braced lists, `v(n, x)`, growing vectors) are refused.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;

bool GraphBuilder::Impl::isObjectArray(const Type &T) {
  return T.Rec && !T.Rec->ZeroWhenValueInitialised && !T.IsPointer && !T.IsReference &&
         (T.ArraySize || T.IsVector || T.StdArray);
}

/// The element type of array, std::array or std::vector type \p QT.
static clang::QualType elementType(const clang::ASTContext &Ctx, clang::QualType QT) {
  QT = QT.getCanonicalType();
  if (const auto *AT = Ctx.getAsConstantArrayType(QT))
    return AT->getElementType();
  if (const auto *CT = dyn_cast<clang::ClassTemplateSpecializationDecl>(
          QT->getAsCXXRecordDecl());
      CT && CT->getTemplateArgs().size() > 0 &&
      CT->getTemplateArgs()[0].getKind() == clang::TemplateArgument::Type)
    return CT->getTemplateArgs()[0].getAsType();
  return {};
}

/// `T()` for class \p RD, as the default construction of an element: null
/// when \p RD has no usable default constructor.
static const clang::CXXConstructExpr *defaultConstruction(clang::ASTContext &Ctx,
                                                          const clang::CXXRecordDecl *RD,
                                                          clang::SourceLocation L) {
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD)
    return nullptr;
  for (clang::CXXConstructorDecl *CD : RD->ctors())
    if (CD->isDefaultConstructor() && !CD->isDeleted())
      return clang::CXXConstructExpr::Create(
          Ctx, Ctx.getRecordType(RD), L, CD, /*Elidable=*/false, {},
          /*HadMultipleCandidates=*/false, /*ListInitialization=*/false,
          /*StdInitListInitialization=*/false, /*ZeroInitialization=*/false,
          clang::CXXConstructionKind::Complete, clang::SourceRange(L, L));
  return nullptr;
}

bool GraphBuilder::Impl::objectArrayDecl(const clang::VarDecl *VD, const Type &T) {
  clang::SourceLocation L = VD->getLocation();
  std::string What = std::string(T.IsVector ? "std::vector" : T.StdArray ? "std::array" : "array");
  auto refuse = [&]() {
    return failStmt(L, "local " + What + " '" + VD->getNameAsString() + "' of '" +
                           T.Rec->Spelling + "', a class with a constructor or default "
                           "member initialisers, is supported only built by the default "
                           "constructor ('" + T.Rec->Spelling + " " +
                           VD->getNameAsString() + "[n];', 'std::array<" + T.Rec->Spelling +
                           ", n> " + VD->getNameAsString() + ";', 'std::vector<" +
                           T.Rec->Spelling + "> " + VD->getNameAsString() +
                           "(n);'); set the elements after the declaration");
  };
  clang::QualType ET = elementType(Ctx, VD->getType());
  const clang::CXXConstructExpr *Ctor =
      ET.isNull() || Ctx.getAsArrayType(ET) ? nullptr
                                            : defaultConstruction(Ctx, ET->getAsCXXRecordDecl(), L);
  const clang::Expr *Init = VD->getInit() ? stripCopies(VD->getInit()) : nullptr;
  const auto *CE = Init ? dyn_cast<clang::CXXConstructExpr>(Init) : nullptr;
  if (!Ctor || !CE)
    return refuse();
  Var *V = newVar(VD->getName(), T, VarKind::Local, L);
  V->Ty.IsConst = false; // built by assignments
  Vars[VD] = V;
  const Expr *Size = nullptr;
  Type SizeT = Type::scalar(ScalarKind::Int, "std::size_t");
  if (T.IsVector) {
    // Only `std::vector<S> v(n);`: a size, and the default allocator.
    if (CE->getNumArgs() < 1 || CE->getNumArgs() > 2 ||
        !CE->getArg(0)->getType()->isIntegerType() ||
        (CE->getNumArgs() == 2 && !clang::isa<clang::CXXDefaultArgExpr>(CE->getArg(1))))
      return refuse();
    if (std::count(Breaks.begin(), Breaks.end(), BreakTarget::Loop))
      return failStmt(L, "a local std::vector inside a loop is not supported; declare it "
                         "before the loop");
    const Expr *N = expr(CE->getArg(0));
    if (!N)
      return false;
    emit(M.decl(V, N, loc(L)));
    Size = M.sizeOf(M.ref(V));
  } else {
    if (CE->getNumArgs() != 0)
      return refuse();
    emit(M.decl(V, nullptr, loc(L)));
    Size = M.constant(std::to_string(T.ArraySize ? T.ArraySize : T.StdArray) + "u", SizeT);
  }
  // Each element, in order, as C++ builds them.
  Var *K = temp(V->Name + "_index", SizeT, L);
  Block Body;
  Block *Saved = Cur;
  Cur = &Body;
  bool OK = constructInto(M.load(M.ref(V), M.ref(K)), T.element(), Ctor);
  Cur = Saved;
  if (!OK)
    return false;
  countedLoop(K, nullptr, Size, std::move(Body), L);
  return true;
}
