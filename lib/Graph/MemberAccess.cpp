//===- Graph/MemberAccess.cpp - Private and protected members -------------===//

#include "Graph/MemberAccess.h"
#include "Graph/GraphBuilder.h"
#include "Graph/TemplateNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/QualTypeNames.h"

using namespace adgen;

/// \p QT spelled so that it means the same anywhere: every name qualified
/// from the global namespace ("::ns::Spring"). The accessors are declared
/// inside namespace adgen::access, where a plain "Tape" or "Dual" could
/// otherwise name adgen's own. Clang's qualifier leaves the elements of
/// arrays and the parameters of functions alone, so those are done here.
static std::string globalSpelling(clang::QualType QT, const clang::ASTContext &Ctx) {
  if (Ctx.getAsConstantArrayType(QT)) {
    // Part[2][3]: the element, then every extent.
    std::string Dims;
    clang::QualType E = QT;
    while (const auto *A = Ctx.getAsConstantArrayType(E)) {
      Dims += "[" + std::to_string(A->getSize().getZExtValue()) + "]";
      E = A->getElementType();
    }
    return globalSpelling(E, Ctx) + Dims;
  }
  if (const auto *FT = QT->getAs<clang::FunctionProtoType>()) {
    // double(const ::ns::Vec &, int) const noexcept
    std::string S = globalSpelling(FT->getReturnType(), Ctx) + "(";
    for (unsigned I = 0; I < FT->getNumParams(); ++I)
      S += (I ? ", " : "") + globalSpelling(FT->getParamType(I), Ctx);
    S += ")";
    if (FT->getMethodQuals().hasConst())
      S += " const";
    if (FT->getMethodQuals().hasVolatile())
      S += " volatile";
    if (FT->getRefQualifier() == clang::RQ_LValue)
      S += " &";
    else if (FT->getRefQualifier() == clang::RQ_RValue)
      S += " &&";
    if (FT->isNothrow())
      S += " noexcept";
    return S;
  }
  return clang::TypeName::getFullyQualifiedName(QT, Ctx, printingPolicy(Ctx),
                                                /*WithGlobalNsPrefix=*/true);
}

/// "Outer_Inner": the classes \p RD is nested in, and \p RD, by name.
static std::string classIdent(const clang::RecordDecl *RD) {
  std::string S = RD->getNameAsString();
  for (const auto *P = llvm::dyn_cast<clang::RecordDecl>(RD->getDeclContext()); P;
       P = llvm::dyn_cast<clang::RecordDecl>(P->getDeclContext()))
    S = P->getNameAsString() + "_" + S;
  return S;
}

/// The type of &C::D, with adgen/runtime.h's aliases so that any member type
/// can be substituted (arrays and functions would need declarator syntax):
/// a pointer to member for a field or a non-static member function, a plain
/// pointer for a static one.
static std::string pointerType(const clang::ValueDecl *D, const clang::RecordDecl *C,
                               const clang::ASTContext &Ctx) {
  const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(D);
  std::string T = globalSpelling(D->getType(), Ctx);
  if (llvm::isa<clang::VarDecl>(D) || (MD && MD->isStatic()))
    return "Pointer<" + T + ">";
  return "MemberPointer<" + globalSpelling(Ctx.getRecordType(C), Ctx) + ", " + T + ">";
}

graph::MemberAccess adgen::memberAccess(const clang::ValueDecl *D,
                                        const clang::ASTContext &Ctx) {
  const auto *C = llvm::dyn_cast<clang::RecordDecl>(D->getDeclContext());
  if (!C || D->getAccess() == clang::AS_public || D->getAccess() == clang::AS_none)
    return {};
  std::string Class = globalSpelling(Ctx.getRecordType(C), Ctx);
  std::string Args;
  if (const auto *FD = llvm::dyn_cast<clang::FunctionDecl>(D))
    Args = templateArgs(FD, Ctx);
  graph::MemberAccess A;
  A.Qualified = Class + "::" + D->getNameAsString() + Args;
  A.Ident = classIdent(C) + "_" + D->getNameAsString();
  A.Address = "&" + A.Qualified;
  A.PointerType = pointerType(D, C, Ctx);
  A.Access = D->getAccess() == clang::AS_private ? "private" : "protected";
  return A;
}

std::string adgen::hiddenTypeReason(const clang::TypeDecl *D, const clang::ASTContext &Ctx) {
  // The type, or a class it is nested in, may be the private one.
  for (const clang::TypeDecl *T = D; T;) {
    const auto *Outer = llvm::dyn_cast<clang::RecordDecl>(T->getDeclContext());
    if (!Outer)
      return "";
    if (T->getAccess() == clang::AS_private || T->getAccess() == clang::AS_protected) {
      std::string Access = T->getAccess() == clang::AS_private ? "private" : "protected";
      std::string Name = llvm::StringRef(globalSpelling(Ctx.getTypeDeclType(T), Ctx)).ltrim(':').str();
      return "'" + Name + "' is a " + Access + " type of '" + Outer->getNameAsString() +
             "', which the generated functions, outside the class, cannot name (adgen "
             "reaches private fields and methods, not types): make it public, or keep it "
             "out of the differentiated code";
    }
    T = Outer;
  }
  return "";
}
