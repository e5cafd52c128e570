//===- unittests/Snippet.h - Graphs of C++ snippets for unit tests -*- C++ -*-===//
///
/// \file
/// Parses a C++ snippet with Clang (as the adgen tool does: -D__ADGEN__, its
/// include directory, clang's resource directory) and builds the graph of one
/// of its functions with GraphBuilder.
///
/// \code
///   auto B = adgen::test::build("double f(double x) { return x * x; }", "f");
///   ASSERT_TRUE(B);
///   EXPECT_EQ(B->F->Params.size(), 1u);
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_UNITTESTS_SNIPPET_H
#define ADGEN_UNITTESTS_SNIPPET_H

#include "Graph/Graph.h"
#include "Graph/GraphBuilder.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "gtest/gtest.h"
#include <memory>
#include <string>
#include <vector>

#ifndef ADGEN_CLANG_RESOURCE_DIR
#error "ADGEN_CLANG_RESOURCE_DIR must be defined by the build"
#endif
#ifndef ADGEN_SOURCE_INCLUDE_DIR
#error "ADGEN_SOURCE_INCLUDE_DIR must be defined by the build"
#endif

namespace adgen::test {

using namespace adgen::graph;

/// Collects diagnostics as text, to show them when a snippet fails.
class CaptureDiags : public clang::DiagnosticConsumer {
public:
  std::string Text;
  void HandleDiagnostic(clang::DiagnosticsEngine::Level L,
                        const clang::Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(L, Info);
    llvm::SmallString<128> Msg;
    Info.FormatDiagnostic(Msg);
    Text += Msg.str().str() + "\n";
  }
};

/// A snippet and the graph of one of its functions.
struct Built {
  CaptureDiags Diags;
  std::unique_ptr<clang::ASTUnit> AST;
  Module M;
  CustomMap Customs;
  std::unique_ptr<Diagnoser> D;
  std::unique_ptr<GraphBuilder> B;
  Function *F = nullptr;

  Var *var(llvm::StringRef Name) {
    for (Var &V : F->Vars)
      if (V.Name == Name)
        return &V;
    ADD_FAILURE() << "no variable '" << Name.str() << "' in " << F->Name;
    return nullptr;
  }
};

inline const clang::FunctionDecl *findFunction(clang::ASTContext &Ctx, llvm::StringRef Name) {
  const clang::SourceManager &SM = Ctx.getSourceManager();
  for (const clang::Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (const auto *FD = llvm::dyn_cast<clang::FunctionDecl>(D))
      if (SM.isInMainFile(FD->getLocation()) && FD->getName() == Name &&
          FD->doesThisDeclarationHaveABody())
        return FD;
  return nullptr;
}

/// Parses \p Code and builds its function \p Name; null (with a test
/// failure) if either step fails.
inline std::unique_ptr<Built> build(llvm::StringRef Code, llvm::StringRef Name) {
  auto R = std::make_unique<Built>();
  std::vector<std::string> Args = {"-std=c++17",
                                   "-resource-dir=" ADGEN_CLANG_RESOURCE_DIR,
                                   "-D__ADGEN__", "-I" ADGEN_SOURCE_INCLUDE_DIR};
  R->AST = clang::tooling::buildASTFromCodeWithArgs(
      Code, Args, "input.cc", "adgen-unittests",
      std::make_shared<clang::PCHContainerOperations>(),
      clang::tooling::getClangStripDependencyFileAdjuster(),
      clang::tooling::FileContentMappings(), &R->Diags);
  if (!R->AST || R->Diags.getNumErrors()) {
    ADD_FAILURE() << "the snippet does not compile:\n" << R->Diags.Text;
    return nullptr;
  }
  clang::ASTContext &Ctx = R->AST->getASTContext();
  const clang::FunctionDecl *FD = findFunction(Ctx, Name);
  if (!FD) {
    ADD_FAILURE() << "no function '" << Name.str() << "' in the snippet";
    return nullptr;
  }
  R->D = std::make_unique<Diagnoser>(Ctx);
  R->B = std::make_unique<GraphBuilder>(Ctx, R->M, *R->D, R->Customs);
  R->F = R->B->build(FD);
  if (!R->F) {
    ADD_FAILURE() << "building '" << Name.str() << "' failed:\n" << R->Diags.Text;
    return nullptr;
  }
  return R;
}

} // namespace adgen::test

#endif
