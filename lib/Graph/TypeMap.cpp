//===- Graph/TypeMap.cpp - Clang types to graph types ---------------------===//
//
// adgen's values are scalars, structs of them, and memory holding either:
// pointers, fixed-size arrays, std::vector and std::array. A struct is
// accepted when generated code can copy it bit for bit (the tape stores it)
// and see every field: no virtual functions, no base classes, no pointer or
// reference fields, no bit-fields.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilder.h"
#include "Graph/GraphBuilderImpl.h"
#include "Graph/MemberAccess.h"
#include "Graph/UserCopies.h"
#include "Graph/ValueCopies.h"
#include "clang/Basic/SourceManager.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include <deque>
#include <functional>
#include "llvm/ADT/StringSet.h"
#include <map>

using namespace adgen;
using namespace adgen::graph;

static bool scalarKind(clang::QualType QT, ScalarKind &K) {
  QT = QT.getCanonicalType().getUnqualifiedType();
  if (QT->isBooleanType()) {
    K = ScalarKind::Bool;
    return true;
  }
  if (QT->isIntegralOrEnumerationType()) {
    K = ScalarKind::Int;
    return true;
  }
  if (const auto *BT = QT->getAs<clang::BuiltinType>()) {
    switch (BT->getKind()) {
    case clang::BuiltinType::Float: K = ScalarKind::Float; return true;
    case clang::BuiltinType::Double: K = ScalarKind::Double; return true;
    case clang::BuiltinType::LongDouble: K = ScalarKind::LongDouble; return true;
    default: return false;
    }
  }
  return false;
}

bool adgen::containerOf(clang::QualType QT, clang::QualType &Elem, uint64_t &N,
                        bool &IsVector) {
  const auto *RD = QT->getAsCXXRecordDecl();
  const auto *CT = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(RD);
  if (!CT || !CT->getDeclContext()->getRedeclContext()->isStdNamespace() ||
      !CT->getIdentifier())
    return false;
  const clang::TemplateArgumentList &Args = CT->getTemplateArgs();
  if (CT->getName() == "vector" && Args.size() >= 1 &&
      Args[0].getKind() == clang::TemplateArgument::Type) {
    Elem = Args[0].getAsType();
    N = 0;
    IsVector = true;
    return true;
  }
  if (CT->getName() == "array" && Args.size() == 2 &&
      Args[0].getKind() == clang::TemplateArgument::Type &&
      Args[1].getKind() == clang::TemplateArgument::Integral) {
    Elem = Args[0].getAsType();
    N = Args[1].getAsIntegral().getZExtValue();
    IsVector = false;
    return N > 0;
  }
  return false;
}

bool adgen::complexOf(clang::QualType QT, clang::QualType &Part) {
  const auto *RD = QT->getAsCXXRecordDecl();
  const auto *CT = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(RD);
  if (!CT || !CT->getDeclContext()->getRedeclContext()->isStdNamespace() ||
      !CT->getIdentifier() || CT->getName() != "complex")
    return false;
  const clang::TemplateArgumentList &Args = CT->getTemplateArgs();
  if (Args.size() != 1 || Args[0].getKind() != clang::TemplateArgument::Type)
    return false;
  Part = Args[0].getAsType();
  return true;
}

namespace {

/// The structs seen so far, per AST, so each has one Record.
struct RecordTable {
  const clang::ASTContext *Ctx = nullptr;
  std::map<const clang::RecordDecl *, const Record *> Known;
  std::deque<Record> Storage;
};

RecordTable &records(const clang::ASTContext &Ctx) {
  static RecordTable T;
  if (T.Ctx != &Ctx) {
    T.Known.clear();
    T.Ctx = &Ctx;
  }
  return T;
}

/// The name a record is known by: its own, or that of the typedef that
/// names an anonymous one (`typedef struct { ... } S;`).
std::string recordName(const clang::RecordDecl *RD) {
  if (RD->getIdentifier() == nullptr)
    if (const clang::TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      return TD->getNameAsString();
  return RD->getNameAsString();
}

std::string recordProblem(const clang::RecordDecl *RD, const clang::ASTContext &Ctx) {
  std::string Name = "'" + recordName(RD) + "'";
  if (RD->isUnion())
    return "unions are not supported";
  std::string Hidden = hiddenTypeReason(RD, Ctx);
  if (!Hidden.empty())
    return Hidden;
  if (!RD->getDefinition())
    return "struct " + Name + " is incomplete";
  if (RD->isLambda())
    return "a lambda cannot be passed to or stored in another object in "
           "differentiated code; define it with 'auto f = [...](...) {...};' and call "
           "it in the function that defines it";
  if (const auto *CXX = llvm::dyn_cast<clang::CXXRecordDecl>(RD->getDefinition())) {
    if (CXX->isPolymorphic())
      return "class " + Name + " has virtual functions; adgen differentiates plain "
             "structs (no virtual dispatch)";
    if (CXX->getNumVBases())
      return "class " + Name + " has a virtual base class, which adgen does not "
             "support; make the base a member";
    // Non-virtual public bases: their fields come first, as in the object.
    for (const clang::CXXBaseSpecifier &B : CXX->bases()) {
      if (B.getAccessSpecifier() != clang::AS_public)
        return "class " + Name + " has a private or protected base class, whose fields "
               "the generated functions could not name; make it public, or a member";
      const clang::RecordDecl *BD = B.getType()->getAsRecordDecl();
      if (!BD)
        return "class " + Name + " has a base class that adgen cannot see";
      std::string Why = recordProblem(BD, Ctx);
      if (!Why.empty())
        return Why;
      if (copiesChangeValues(llvm::dyn_cast<clang::CXXRecordDecl>(BD)))
        return "class " + Name + " has base class '" + BD->getNameAsString() + "', whose "
               "user-written copy changes values; adgen runs such a copy where the source "
               "copies a '" + BD->getNameAsString() + "' itself, not inside the copy of "
               "another object (make it a member)";
    }
    // A field that hides one of a base would be two fields of one name.
    llvm::StringSet<> Seen;
    std::function<bool(const clang::CXXRecordDecl *)> Clash =
        [&](const clang::CXXRecordDecl *R) {
          for (const clang::CXXBaseSpecifier &B : R->bases())
            if (const auto *BD = B.getType()->getAsCXXRecordDecl(); BD && Clash(BD))
              return true;
          for (const clang::FieldDecl *F : R->fields())
            if (F->getIdentifier() && !Seen.insert(F->getName()).second)
              return true;
          return false;
        };
    if (Clash(CXX))
      return "class " + Name + " has a field with the name of a field of its base "
             "class, which adgen does not support; rename one of them";
    if (!CXX->isTriviallyCopyable()) {
      // Name the member that makes it so, when one does.
      for (const clang::FieldDecl *F : CXX->fields()) {
        clang::QualType FT = Ctx.getBaseElementType(F->getType());
        if (FT->isRecordType() && !FT.isTriviallyCopyableType(Ctx))
          if (const auto *FRD = FT->getAsCXXRecordDecl();
              !FRD || !userCopyProblem(FRD, Ctx).empty() || copiesChangeValues(FRD)) {
            std::string Field = "field '" + F->getNameAsString() + "' of " + Name +
                                " has type '" + F->getType().getAsString(printingPolicy(Ctx));
            if (FRD && userCopyProblem(FRD, Ctx).empty())
              return Field + "', whose user-written copy changes values; adgen runs such "
                             "a copy where the source copies a '" + FRD->getNameAsString() +
                             "' itself, not inside the copy of another object (make it a "
                             "local of its own)";
            if (FRD && !Ctx.getSourceManager().isInSystemHeader(FRD->getLocation()))
              return Field + "', which adgen cannot copy: " + userCopyProblem(FRD, Ctx);
            return Field + "', which is not trivially copyable; adgen supports structs of "
                           "values (numbers, and structs and fixed-size arrays of them)";
          }
      }
      // User-written copies that copy each field, destructors that change
      // nothing: adgen's own copies are theirs (Graph/UserCopies.h).
      std::string Why = userCopyProblem(CXX, Ctx);
      if (!Why.empty())
        return Why;
    }
    // Derivatives of a struct start from `S d_s = {};`, which must compile
    // and be all zero. With a constructor or default member initialisers it
    // does not: generated code makes such objects with adgen::zeroed
    // (Record::ZeroWhenValueInitialised), and the graph builder runs the
    // user's constructors in place (Constructors.cpp).
  }
  for (const clang::FieldDecl *F : RD->getDefinition()->fields()) {
    if (F->isBitField())
      return "field '" + F->getNameAsString() + "' of " + Name + " is a bit-field";
    if (F->getType()->isPointerType() || F->getType()->isReferenceType()) {
      std::string Why = "field '" + F->getNameAsString() + "' of " + Name +
                        " is a pointer or reference; adgen supports structs of values";
      const clang::RecordDecl *To = F->getType()->getPointeeType()->getAsRecordDecl();
      if (To && To->getCanonicalDecl() == RD->getCanonicalDecl())
        return Why + " (a linked structure, whose pointers adgen does not follow; keep "
                     "the nodes in an array and link them by index)";
      if (isViewType(Ctx.getRecordType(RD)))
        return Why + " (a view, a struct of pointers into arrays and numbers, works as a "
                     "local variable and as a parameter of the functions adgen inlines, "
                     "not as a parameter or result of a marked function, for which the "
                     "interface defines no derivative; pass the pointer and the sizes "
                     "instead)";
      return Why;
    }
    if (!F->getIdentifier())
      return Name + " has an unnamed field";
    // The graph stores multi-dimensional arrays flat, which a field's C++
    // layout (and its brace-elided initialisers) does not follow.
    if (const auto *AT = F->getType()->getAsArrayTypeUnsafe();
        AT && AT->getElementType()->isArrayType())
      return "field '" + F->getNameAsString() + "' of " + Name +
             " is a multi-dimensional array, which adgen does not support yet; use a 1-D "
             "array indexed 'a[i * n + j]'";
  }
  return "";
}

} // namespace

/// std::complex<T> of a floating-point T: a record of two fields, re and
/// im (Record::Complex).
static bool mapComplex(clang::QualType QT, const clang::ASTContext &Ctx, Type &Out) {
  clang::QualType Part;
  ScalarKind K;
  if (!complexOf(QT, Part) || !scalarKind(Part, K) || !isFloating(K))
    return false;
  const clang::RecordDecl *RD = QT->getAsRecordDecl();
  RecordTable &T = records(Ctx);
  const Record *R = T.Known[RD];
  if (!R) {
    Record New;
    New.Spelling = QT.getCanonicalType().getUnqualifiedType().getAsString(printingPolicy(Ctx));
    Type FT = Type::scalar(K, Part.getCanonicalType().getUnqualifiedType().getAsString(
                                  printingPolicy(Ctx)));
    New.Fields.push_back({"re", FT, {}});
    New.Fields.push_back({"im", FT, {}});
    New.Complex = true;
    T.Storage.push_back(std::move(New));
    R = T.Known[RD] = &T.Storage.back();
    if (copiesChangeValues(llvm::dyn_cast<clang::CXXRecordDecl>(RD)))
      markCopiesChangeValues(R); // generated code copies it as bytes (ValueCopies.h)
  }
  Out = Type();
  Out.Rec = R;
  Out.Spelling = R->Spelling;
  Out.Scalar = K;
  return true;
}

bool adgen::pairOrTupleOf(clang::QualType QT, std::vector<clang::QualType> &Elems,
                          bool &IsTuple) {
  const auto *RD = QT->getAsCXXRecordDecl();
  const auto *CT = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(RD);
  if (!CT || !CT->getDeclContext()->getRedeclContext()->isStdNamespace() ||
      !CT->getIdentifier() || (CT->getName() != "pair" && CT->getName() != "tuple"))
    return false;
  IsTuple = CT->getName() == "tuple";
  Elems.clear();
  for (const clang::TemplateArgument &A : CT->getTemplateArgs().asArray()) {
    if (A.getKind() == clang::TemplateArgument::Type)
      Elems.push_back(A.getAsType());
    else if (A.getKind() == clang::TemplateArgument::Pack)
      for (const clang::TemplateArgument &P : A.pack_elements())
        if (P.getKind() == clang::TemplateArgument::Type)
          Elems.push_back(P.getAsType());
  }
  return true;
}

/// std::pair and std::tuple of numbers: records whose fields are first and
/// second, or 0, 1, ... (generated code reads std::get<I>(t)).
static bool mapTuple(clang::QualType QT, const clang::ASTContext &Ctx, Type &Out) {
  std::vector<clang::QualType> Elems;
  bool IsTuple = false;
  if (!pairOrTupleOf(QT, Elems, IsTuple) || Elems.empty())
    return false;
  const clang::RecordDecl *RD = QT->getAsRecordDecl();
  RecordTable &T = records(Ctx);
  const Record *R = T.Known[RD];
  if (!R) {
    Record New;
    New.Spelling = QT.getCanonicalType().getUnqualifiedType().getAsString(printingPolicy(Ctx));
    for (size_t I = 0; I < Elems.size(); ++I) {
      Type FT;
      if (Elems[I]->isReferenceType() || !mapType(Elems[I], Ctx, FT) || FT.isMemory())
        return false;
      FT.IsConst = false;
      New.Fields.push_back({IsTuple ? std::to_string(I) : I ? "second" : "first", FT, {}});
    }
    New.Tuple = IsTuple;
    New.Pair = !IsTuple;
    T.Storage.push_back(std::move(New));
    R = T.Known[RD] = &T.Storage.back();
    if (copiesChangeValues(llvm::dyn_cast<clang::CXXRecordDecl>(RD)))
      markCopiesChangeValues(R); // generated code copies it as bytes (ValueCopies.h)
  }
  Out = Type();
  Out.Rec = R;
  Out.Spelling = R->Spelling;
  Out.Scalar = ScalarKind::Int;
  for (const Record::Field &F : R->Fields)
    if (F.Ty.isFloating()) {
      Out.Scalar = F.Ty.Scalar;
      break;
    }
  return true;
}

static bool mapRecord(clang::QualType QT, const clang::ASTContext &Ctx, Type &Out) {
  clang::QualType Part;
  if (complexOf(QT, Part))
    return mapComplex(QT, Ctx, Out);
  std::vector<clang::QualType> Elems;
  bool IsTuple;
  if (pairOrTupleOf(QT, Elems, IsTuple))
    return mapTuple(QT, Ctx, Out);
  const clang::RecordDecl *RD = QT->getAsRecordDecl();
  if (!RD || !recordProblem(RD, Ctx).empty())
    return false;
  RD = RD->getDefinition();
  RecordTable &T = records(Ctx);
  const Record *R = T.Known[RD];
  if (!R) {
    Record New;
    New.Spelling = QT.getCanonicalType().getUnqualifiedType().getAsString(printingPolicy(Ctx));
    // The fields of the bases first (base classes are public and
    // non-virtual, names distinct: recordProblem), then its own.
    std::function<bool(const clang::RecordDecl *)> AddFields = [&](const clang::RecordDecl *D) {
      if (const auto *CXX = llvm::dyn_cast<clang::CXXRecordDecl>(D))
        for (const clang::CXXBaseSpecifier &B : CXX->bases())
          if (!AddFields(B.getType()->getAsRecordDecl()->getDefinition()))
            return false;
      for (const clang::FieldDecl *F : D->fields()) {
        Type FT;
        // A std::array field is a fixed-size array like `double q[3]`; a
        // std::vector field would give the struct a size of its own.
        if (!mapType(F->getType(), Ctx, FT) || FT.IsPointer || FT.IsReference || FT.IsVector)
          return false;
        FT.IsConst = false;
        New.Fields.push_back({F->getNameAsString(), FT, memberAccess(F, Ctx)});
      }
      return true;
    };
    if (!AddFields(RD))
      return false;
    if (const auto *CXX = llvm::dyn_cast<clang::CXXRecordDecl>(RD))
      New.ZeroWhenValueInitialised = CXX->hasTrivialDefaultConstructor();
    T.Storage.push_back(std::move(New));
    R = T.Known[RD] = &T.Storage.back();
    if (copiesChangeValues(llvm::dyn_cast<clang::CXXRecordDecl>(RD)))
      markCopiesChangeValues(R); // generated code copies it as bytes (ValueCopies.h)
  }
  Out = Type();
  Out.Rec = R;
  Out.Spelling = R->Spelling;
  // A struct "is floating" when some field carries derivatives.
  Out.Scalar = ScalarKind::Int;
  for (const Record::Field &F : R->Fields)
    if (F.Ty.isFloating()) {
      Out.Scalar = F.Ty.Scalar;
      break;
    }
  return true;
}

/// Scalars and structs: what an element of memory can be.
static bool mapElement(clang::QualType E, const clang::ASTContext &Ctx, Type &Out) {
  if (E->isRecordType()) {
    uint64_t N;
    bool V;
    clang::QualType Inner;
    if (containerOf(E, Inner, N, V))
      return false; // containers of containers
    if (!mapRecord(E, Ctx, Out))
      return false;
    return true;
  }
  Out = Type();
  if (!scalarKind(E, Out.Scalar))
    return false;
  // Generated code spells an enum's name: it must be able to.
  if (const auto *ET = E->getAs<clang::EnumType>())
    if (!hiddenTypeReason(ET->getDecl(), Ctx).empty())
      return false;
  // A class's member typedef (std::vector<double>::size_type) means nothing
  // outside the class: spell what it stands for.
  clang::QualType Spelled = E.getUnqualifiedType();
  if (const auto *TT = Spelled->getAs<clang::TypedefType>())
    if (TT->getDecl()->getDeclContext()->isRecord())
      Spelled = Spelled.getCanonicalType();
  Out.Spelling = Spelled.getAsString(printingPolicy(Ctx));
  return true;
}

bool adgen::mapType(clang::QualType QT, const clang::ASTContext &Ctx, Type &Out) {
  Out = Type();
  if (const auto *RT = QT->getAs<clang::ReferenceType>()) {
    clang::QualType P = RT->getPointeeType();
    if (!mapType(P, Ctx, Out) || Out.IsPointer || Out.ArraySize)
      return false;
    Out.IsReference = true;
    Out.IsConst = P.isConstQualified();
    return true;
  }
  if (const auto *AT = Ctx.getAsConstantArrayType(QT)) {
    // double m[2][3] is stored flat, as double m[6]; m[i][j] is m[i * 3 + j].
    uint64_t Size = AT->getSize().getZExtValue();
    clang::QualType E = AT->getElementType();
    while (const auto *Inner = Ctx.getAsConstantArrayType(E)) {
      Size *= Inner->getSize().getZExtValue();
      E = Inner->getElementType();
    }
    if (!mapElement(E, Ctx, Out))
      return false;
    Out.ArraySize = Size;
    Out.IsConst = E.isConstQualified();
    return true;
  }
  if (const auto *PT = QT->getAs<clang::PointerType>()) {
    clang::QualType E = PT->getPointeeType();
    if (!mapElement(E, Ctx, Out))
      return false;
    Out.IsPointer = true;
    Out.PointeeConst = E.isConstQualified();
    return true;
  }
  clang::QualType Elem;
  uint64_t N = 0;
  bool IsVector = false;
  if (containerOf(QT, Elem, N, IsVector)) {
    if (!mapElement(Elem, Ctx, Out))
      return false;
    Out.IsVector = IsVector;
    Out.StdArray = N;
    Out.IsConst = QT.isConstQualified();
    return true;
  }
  if (!mapElement(QT, Ctx, Out))
    return false;
  Out.IsConst = QT.isConstQualified();
  return true;
}

std::string adgen::unsupportedTypeReason(clang::QualType QT, const clang::ASTContext &Ctx) {
  QT = QT.getNonReferenceType();
  while (true) {
    if (const auto *PT = QT->getAs<clang::PointerType>())
      QT = PT->getPointeeType();
    else if (const auto *AT = Ctx.getAsArrayType(QT))
      QT = AT->getElementType();
    else
      break;
  }
  clang::QualType Elem;
  uint64_t N;
  bool IsVector;
  if (containerOf(QT, Elem, N, IsVector)) {
    clang::QualType Inner;
    if (containerOf(Elem, Inner, N, IsVector))
      return "containers of containers are not supported; use one flat std::vector "
             "and compute the index";
    return unsupportedTypeReason(Elem, Ctx);
  }
  if (const auto *ET = QT->getAs<clang::EnumType>())
    return hiddenTypeReason(ET->getDecl(), Ctx);
  if (const auto *RD = QT->getAsRecordDecl()) {
    if (const auto *CT = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(RD))
      if (CT->getDeclContext()->getRedeclContext()->isStdNamespace()) {
        clang::QualType Part;
        if (complexOf(QT, Part))
          return "'std::complex<" + Part.getAsString(printingPolicy(Ctx)) + ">' is not "
                 "supported; adgen differentiates std::complex of float, double and long "
                 "double";
        std::vector<clang::QualType> Elems;
        bool IsTuple;
        if (pairOrTupleOf(QT, Elems, IsTuple))
          return "'" + QT.getUnqualifiedType().getAsString(printingPolicy(Ctx)) + "' is not supported; adgen "
                 "differentiates std::pair and std::tuple of numbers";
        if (CT->getName() == "function")
          return "'std::function' is not supported: the function it calls is only known "
                 "at run time; call a lambda or function directly";
        return "'std::" + CT->getNameAsString() + "' is not supported; adgen supports "
               "std::vector and std::array of numbers or structs";
      }
    std::string Why = recordProblem(RD, Ctx);
    if (!Why.empty())
      return Why;
    for (const clang::FieldDecl *F : RD->getDefinition()->fields()) {
      Type FT;
      if (!mapType(F->getType(), Ctx, FT) || FT.IsVector) {
        // Say why the field's own type is refused, when it has a reason.
        std::string Inner = FT.IsVector ? "" : unsupportedTypeReason(F->getType(), Ctx);
        return "field '" + F->getNameAsString() + "' of '" + recordName(RD) +
               "' has type '" + F->getType().getAsString(printingPolicy(Ctx)) + "'" +
               (Inner.empty() ? ", which adgen does not support in a struct" : ": " + Inner);
      }
    }
  }
  return "";
}
