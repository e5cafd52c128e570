//===- Graph/Comparators.cpp - std::less / std::greater as comparisons ----===//
//
// std::max(a, b, comp) is `comp(a, b) ? b : a` and std::min(a, b, comp) is
// `comp(b, a) ? b : a`; the list forms pick the first element no other beats
// by comp. With std::less that is std::max and std::min themselves; with
// std::greater, std::max picks what std::min picks and the other way round,
// ties included (both keep the earlier value). So the graph builder swaps the
// name and builds the comparison-free form. Any other comparison (a lambda,
// std::less_equal, a user's function object, std::less<int> of doubles,
// which compares truncated values) is refused.
//
//===----------------------------------------------------------------------===//

#include "Graph/Comparators.h"
#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/DeclTemplate.h"

using namespace adgen;

ComparatorOrder adgen::comparatorOrder(const clang::Expr *Comp, clang::QualType Value,
                                       const clang::ASTContext &Ctx, std::string &Why) {
  clang::QualType T = Comp->getType().getNonReferenceType();
  std::string Spelled = T.getUnqualifiedType().getAsString(printingPolicy(Ctx));
  Why = "the comparison '" + Spelled + "' is not supported; adgen supports std::less and "
        "std::greater (of the values' type, or std::less<>), with which std::max of std::greater "
        "is std::min; write the comparison with '?:' otherwise";
  const auto *CT = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!CT || !CT->isInStdNamespace() || !CT->getIdentifier() ||
      CT->getTemplateArgs().size() != 1 ||
      CT->getTemplateArgs()[0].getKind() != clang::TemplateArgument::Type)
    return ComparatorOrder::Unknown;
  clang::QualType Arg = CT->getTemplateArgs()[0].getAsType().getCanonicalType();
  if (!Arg->isVoidType() &&
      Arg.getUnqualifiedType() != Value.getCanonicalType().getUnqualifiedType())
    return ComparatorOrder::Unknown; // compares other values than these
  if (CT->getName() == "less")
    return ComparatorOrder::Less;
  if (CT->getName() == "greater")
    return ComparatorOrder::Greater;
  return ComparatorOrder::Unknown;
}
