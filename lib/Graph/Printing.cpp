//===- Graph/Printing.cpp - printf and std::cout in differentiated code ---===//
//
// Printing has no numeric effect: `std::printf("%g\n", x)`, `std::fprintf(
// stderr, ...)`, `std::puts("...")` and `std::cout << "x " << x << std::endl`
// read their arguments and write nothing adgen tracks. The builder turns
// each into one call statement whose callee is marked as printing
// (Callee::Print): the transforms copy it into the forward sweep of reverse
// mode and into forward mode as it is, with the values f prints, and give it
// no derivative, so each generated function prints what f prints, once.
//
// Only the standard library's own functions and operators are recognised,
// and only arguments whose meaning adgen can keep: numbers (any expression
// of arithmetic type), string and character literals, std::endl / std::flush
// / std::ends, and the streams stdout, stderr, std::cout, std::cerr and
// std::clog. Anything else (a user's operator<<, a manipulator such as
// std::setprecision, a char* variable) is refused with a located error.
// A call of the user's own variadic function with such arguments (a logger)
// is treated the same way when its body, if visible, names no floating-point
// global: it cannot change a value that carries derivatives either.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

namespace {

/// \p D is declared by the standard library: in a system header, at global
/// scope or in namespace std.
bool fromStdLibrary(const clang::Decl *D) {
  const clang::ASTContext &Ctx = D->getASTContext();
  if (!Ctx.getSourceManager().isInSystemHeader(D->getLocation()))
    return false;
  const clang::DeclContext *DC = D->getDeclContext()->getRedeclContext();
  while (DC->isRecord()) // a member of basic_ostream
    DC = DC->getParent()->getRedeclContext();
  while (const auto *ND = dyn_cast<clang::NamespaceDecl>(DC)) {
    if (ND->isStdNamespace())
      return true;
    if (!ND->isInline()) // std::__cxx11 and the like are inline
      return false;
    DC = ND->getParent()->getRedeclContext();
  }
  return DC->isTranslationUnit() || DC->isStdNamespace();
}

/// \p T is std::basic_ostream or a class derived from it.
bool isOstream(clang::QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  auto Is = [](const clang::CXXRecordDecl *R) {
    return R->getName() == "basic_ostream" && fromStdLibrary(R);
  };
  if (Is(RD))
    return true;
  bool Found = false;
  RD->forallBases([&](const clang::CXXRecordDecl *B) {
    Found |= Is(B);
    return true;
  });
  return Found;
}

/// Which printing function of the C library \p FD is, if any.
enum class CPrint { None, Printf, Fprintf, Puts, Fputs };

CPrint cPrint(const clang::FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier() || !fromStdLibrary(FD))
    return CPrint::None;
  return llvm::StringSwitch<CPrint>(FD->getName())
      .Case("printf", CPrint::Printf)
      .Case("fprintf", CPrint::Fprintf)
      .Case("puts", CPrint::Puts)
      .Case("fputs", CPrint::Fputs)
      .Default(CPrint::None);
}

/// `os << v` with the standard library's operator<< on an ostream.
bool isStreamInsertion(const clang::CallExpr *CE) {
  const auto *OC = dyn_cast<clang::CXXOperatorCallExpr>(CE);
  if (!OC || OC->getOperator() != clang::OO_LessLess || OC->getNumArgs() != 2)
    return false;
  const clang::FunctionDecl *FD = OC->getDirectCallee();
  return FD && fromStdLibrary(FD) && isOstream(OC->getArg(0)->getType());
}

/// True if \p E names a floating-point variable with global storage.
struct FloatGlobalUse : clang::RecursiveASTVisitor<FloatGlobalUse> {
  bool Found = false;
  bool VisitDeclRefExpr(clang::DeclRefExpr *E) {
    if (const auto *VD = dyn_cast<clang::VarDecl>(E->getDecl()))
      Found |= VD->hasGlobalStorage() && VD->getType()->isFloatingType() &&
               !VD->getType().isConstQualified();
    return true;
  }
};

/// A call of the user's own variadic free function (a logger: `note("i",
/// i)`) with numbers and string literals only, whose body, where visible,
/// names no floating-point global: like printing, it cannot change a value
/// that carries derivatives, so it runs as written wherever f runs.
bool userVariadicLogging(const clang::CallExpr *CE) {
  const clang::FunctionDecl *FD = CE->getDirectCallee();
  if (!FD || !FD->isVariadic() || isa<clang::CXXMethodDecl>(FD) || fromStdLibrary(FD) ||
      isa<clang::CXXOperatorCallExpr>(CE))
    return false;
  for (const clang::Expr *A : CE->arguments()) {
    const clang::Expr *S = A->IgnoreParenImpCasts();
    if (isa<clang::StringLiteral>(S) || isa<clang::CharacterLiteral>(S))
      continue;
    if (!A->getType()->isArithmeticType() && !A->getType()->isEnumeralType())
      return false;
  }
  const clang::FunctionDecl *Def = FD->getDefinition();
  FloatGlobalUse Use;
  if (Def && Def->getBody())
    Use.TraverseStmt(Def->getBody());
  return !Use.Found;
}

const char *const OnlyThese = "only numbers, string and character literals and "
                              "std::endl can be printed in differentiated code";

} // namespace

bool GraphBuilder::Impl::isPrinting(const clang::CallExpr *CE) {
  return isStreamInsertion(CE) || cPrint(CE->getDirectCallee()) != CPrint::None ||
         userVariadicLogging(CE);
}

const Expr *GraphBuilder::Impl::printedText(std::string Text) {
  return M.constant(std::move(Text), Type::scalar(ScalarKind::Int, "const char *"));
}

const Expr *GraphBuilder::Impl::printedValue(const clang::Expr *A, bool Stream) {
  const clang::Expr *S = A->IgnoreParenImpCasts();
  if (const auto *SL = dyn_cast<clang::StringLiteral>(S)) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    SL->outputString(OS);
    return printedText(OS.str());
  }
  if (const auto *CL = dyn_cast<clang::CharacterLiteral>(S)) {
    // Kept as written: `std::cout << '\n'` prints a character, not 10.
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    clang::CharacterLiteral::print(CL->getValue(), CL->getKind(), OS);
    return M.constant(OS.str(), Type::scalar(ScalarKind::Int, "char"));
  }
  if (const auto *DRE = dyn_cast<clang::DeclRefExpr>(S)) {
    if (const auto *FD = dyn_cast<clang::FunctionDecl>(DRE->getDecl());
        Stream && FD && fromStdLibrary(FD) && FD->getIdentifier() &&
        (FD->getName() == "endl" || FD->getName() == "flush" || FD->getName() == "ends"))
      return printedText("std::" + FD->getName().str());
  }
  clang::QualType T = A->getType();
  if (!T->isArithmeticType() && !T->isEnumeralType())
    return fail(A->getBeginLoc(), llvm::Twine("printing a value of type '") +
                                      S->getType().getUnqualifiedType().getAsString(
                                          printingPolicy(Ctx)) +
                                      "' is not supported: " +
                                      OnlyThese);
  return expr(A);
}

/// The stream \p E names, if it is stdout, stderr (for \p File) or
/// std::cout, std::cerr, std::clog.
static std::string printedStream(const clang::Expr *E, bool File) {
  const auto *DRE = dyn_cast<clang::DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<clang::VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->getIdentifier() || !fromStdLibrary(VD))
    return "";
  llvm::StringRef N = VD->getName();
  if (File)
    return N == "stdout" || N == "stderr" ? N.str() : "";
  return N == "cout" || N == "cerr" || N == "clog" ? "std::" + N.str() : "";
}

bool GraphBuilder::Impl::printStmt(const clang::CallExpr *CE) {
  Callee C;
  C.Decl = CE->getDirectCallee();
  C.Where = loc(CE->getBeginLoc());
  std::vector<const Expr *> Args;
  if (isStreamInsertion(CE)) {
    // s << a << b is (s << a) << b: collect the items, innermost first.
    std::vector<const clang::Expr *> Items;
    const clang::Expr *Left = CE;
    while (const auto *OC = dyn_cast<clang::CXXOperatorCallExpr>(Left->IgnoreParens())) {
      if (!isStreamInsertion(OC))
        break;
      Items.push_back(OC->getArg(1));
      Left = OC->getArg(0);
    }
    // A user's operator<< (os << v, v a struct) returns the stream too.
    if (const auto *OC = dyn_cast<clang::CXXOperatorCallExpr>(Left->IgnoreParens());
        OC && OC->getOperator() == clang::OO_LessLess && OC->getNumArgs() == 2 &&
        isOstream(OC->getArg(0)->getType()))
      return failStmt(OC->getArg(1)->getBeginLoc(),
                      llvm::Twine("printing a value of type '") +
                          OC->getArg(1)->IgnoreParenImpCasts()->getType()
                              .getUnqualifiedType()
                              .getAsString(printingPolicy(Ctx)) +
                          "' is not supported: " + OnlyThese);
    std::string Stream = printedStream(Left, false);
    if (Stream.empty())
      return failStmt(Left->getBeginLoc(), "printing to a stream other than std::cout, "
                                           "std::cerr or std::clog is not supported in "
                                           "differentiated code");
    Args.push_back(printedText(Stream));
    for (auto It = Items.rbegin(); It != Items.rend(); ++It) {
      const Expr *A = printedValue(*It, /*Stream=*/true);
      if (!A)
        return false;
      Args.push_back(A);
    }
    C.Print = PrintKind::Stream;
    C.Name = C.BaseName = "operator<<";
  } else {
    const auto *FD = CE->getDirectCallee();
    CPrint K = cPrint(FD);
    unsigned Fmt = K == CPrint::Fprintf ? 1 : 0;
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      const clang::Expr *A = CE->getArg(I);
      bool IsFile = (K == CPrint::Fprintf && I == 0) || (K == CPrint::Fputs && I == 1);
      if (IsFile) {
        std::string Stream = printedStream(A, true);
        if (Stream.empty())
          return failStmt(A->getBeginLoc(), "'" + FD->getName() + "' to a file other than "
                                            "stdout or stderr is not supported in "
                                            "differentiated code");
        Args.push_back(printedText(Stream));
        continue;
      }
      if (K != CPrint::None && I == Fmt && !isa<clang::StringLiteral>(A->IgnoreParenImpCasts()))
        return failStmt(A->getBeginLoc(), "the format or text of '" + FD->getName() +
                                              "' must be a string literal in differentiated code");
      const Expr *GA = printedValue(A, /*Stream=*/false);
      if (!GA)
        return false;
      Args.push_back(GA);
    }
    // Called as the user called it: std::printf, or the C library's ::printf.
    bool ViaStd = false;
    if (const auto *DRE = dyn_cast<clang::DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts()))
      if (const clang::NestedNameSpecifier *Q = DRE->getQualifier())
        if (const clang::NamespaceDecl *NS = Q->getAsNamespace())
          ViaStd = NS->isStdNamespace();
    C.Print = PrintKind::Call;
    C.BaseName = FD->getName().str();
    C.Name = K == CPrint::None ? qualifiedName(FD) : (ViaStd ? "std::" : "::") + C.BaseName;
    F->reserve(C.BaseName);
  }
  for (const Expr *A : Args) {
    Type PT = A->Ty;
    PT.IsReference = false;
    PT.IsConst = true;
    C.ParamTypes.push_back(PT);
    C.ParamNames.push_back("printed");
  }
  C.ReturnsVoid = true;
  emit(M.callStmt(nullptr, M.addCallee(std::move(C)), std::move(Args), loc(CE->getBeginLoc())));
  return true;
}
