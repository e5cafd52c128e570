//===- Requests/RequestChecks.cpp - Requests against one another ----------===//

#include "Requests/RequestChecks.h"
#include "clang/AST/Attr.h"

using namespace adgen;

bool RequestChecks::firstOfItsMode(const Request &R) {
  if (Seen.insert({R.Fn->getCanonicalDecl(), R.M}).second)
    return true;
  const ModeInfo &I = modeInfo(R.M);
  Diags.error(R.Where, "'" + R.Fn->getNameAsString() + "' is marked " + I.Macro.str() +
                           (R.Origin.empty() ? "" : " or requested with " + I.Option.str()) +
                           " more than once; list all inputs and outputs in one spec");
  return false;
}

bool RequestChecks::namesFree(const Request &R) {
  const std::string Custom = (AnnotationPrefix + CustomWord).str();
  bool OK = true;
  for (const std::string &N : R.generatedNames()) {
    auto Found = R.Fn->getDeclContext()->getRedeclContext()->lookup(&Ctx.Idents.get(N));
    for (clang::NamedDecl *ND : Found) {
      const auto *FD = llvm::dyn_cast<clang::FunctionDecl>(ND);
      if (!FD)
        continue;
      bool IsCustom = false;
      for (const auto *A : FD->specific_attrs<clang::AnnotateAttr>())
        IsCustom |= A->getAnnotation() == Custom;
      if (IsCustom)
        continue;
      Diags.error(FD->getLocation(), "'" + N + "' is the name adgen generates for a derivative "
                                     "of '" + R.Fn->getNameAsString() +
                                     "'; rename this function or mark it ADGEN_CUSTOM");
      if (R.Where.isValid()) // else the note naming the command-line request says it
        Diags.note(R.Where, "derivative of '" + R.Fn->getNameAsString() + "' requested here");
      OK = false;
    }
  }
  return OK;
}
