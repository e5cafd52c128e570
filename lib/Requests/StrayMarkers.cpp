//===- Requests/StrayMarkers.cpp - Markers on things that are not functions ===//

#include "Requests/StrayMarkers.h"
#include "Graph/LambdaVariables.h"
#include "Requests/Modes.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace adgen;

namespace {

/// The macro that wrote annotation \p Text ("reverse:x" -> ADGEN_REVERSE).
std::string macroOf(llvm::StringRef Text) {
  llvm::StringRef Word = Text.split(':').first;
  if (std::optional<Mode> M = modeNamed(Word))
    return modeInfo(*M).Macro.str();
  if (Word == CustomWord)
    return CustomMacro.str();
  return "an adgen marker";
}

/// "variable 'gv'", "class 'S'", ... for a message.
std::string describe(const clang::Decl *D) {
  std::string Kind = "declaration";
  if (llvm::isa<clang::ParmVarDecl>(D))
    Kind = "parameter";
  else if (llvm::isa<clang::VarDecl>(D))
    Kind = "variable";
  else if (llvm::isa<clang::FieldDecl>(D))
    Kind = "field";
  else if (const auto *R = llvm::dyn_cast<clang::RecordDecl>(D))
    Kind = R->isUnion() ? "union" : R->isStruct() ? "struct" : "class";
  else if (llvm::isa<clang::EnumDecl>(D))
    Kind = "enum";
  else if (llvm::isa<clang::EnumConstantDecl>(D))
    Kind = "enumerator";
  else if (llvm::isa<clang::NamespaceDecl>(D))
    Kind = "namespace";
  else if (llvm::isa<clang::TypedefNameDecl>(D))
    Kind = "type alias";
  const auto *ND = llvm::dyn_cast<clang::NamedDecl>(D);
  if (ND && ND->getDeclName().isIdentifier() && !ND->getName().empty())
    Kind += " '" + ND->getNameAsString() + "'";
  return Kind;
}

class StrayFinder : public clang::RecursiveASTVisitor<StrayFinder> {
public:
  explicit StrayFinder(Diagnoser &Diags) : Diags(Diags) {}
  // Markers are checked where they are written (an instantiation's copies
  // would repeat them).
  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitDecl(clang::Decl *D) {
    // Functions (and function templates, whose markers are on their
    // function) are the requests' business (Markers.cpp).
    if (llvm::isa<clang::FunctionDecl>(D) || llvm::isa<clang::FunctionTemplateDecl>(D))
      return true;
    // A lambda variable at namespace scope is the requests' too
    // (LambdaVariables.h); the others are refused here, saying why.
    const auto *VD = llvm::dyn_cast<clang::VarDecl>(D);
    std::string LambdaProblem = heldLambda(VD) ? lambdaVariableProblem(VD) : "";
    bool Differentiated = heldLambda(VD) && LambdaProblem.empty();
    for (const auto *A : D->specific_attrs<clang::AnnotateAttr>()) {
      llvm::StringRef Text = A->getAnnotation();
      if (A->isInherited() || !Text.consume_front(AnnotationPrefix))
        continue;
      if (Differentiated && Text != CustomWord)
        continue;
      if (Differentiated) {
        ++Errors;
        Diags.error(A->getLocation(), "ADGEN_CUSTOM on " + describe(D) + ", which holds a lambda: "
                                      "custom derivatives are functions; write it as a function");
        continue;
      }
      ++Errors;
      std::string Macro = macroOf(Text);
      if (!LambdaProblem.empty()) {
        Diags.error(A->getLocation(), Macro + " on " + describe(D) + ", which holds a lambda " +
                                          LambdaProblem);
        continue;
      }
      Diags.error(A->getLocation(), Macro + " on " + describe(D) +
                                        ", which is not a function: nothing would be "
                                        "generated; put the marker before a function "
                                        "declaration or definition");
    }
    return true;
  }

  unsigned Errors = 0;

private:
  Diagnoser &Diags;
};

} // namespace

unsigned adgen::reportStrayMarkers(clang::ASTContext &Ctx, Diagnoser &Diags) {
  StrayFinder F(Diags);
  F.TraverseDecl(Ctx.getTranslationUnitDecl());
  return F.Errors;
}
