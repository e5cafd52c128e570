//===- unittests/RequestsTest.cpp - Tests of the Requests stage -----------===//
//
// The mode table, spec lengths per parameter, and requests found in small
// snippets: the names they generate, the activity their specs resolve to,
// and the checks of requests against one another.
//
//===----------------------------------------------------------------------===//
#include "Requests/Modes.h"
#include "Requests/RequestChecks.h"
#include "Requests/RequestFinder.h"
#include "Snippet.h"
#include "gtest/gtest.h"

using namespace adgen;

namespace {

using Names = std::vector<std::string>;

// --- The mode table -----------------------------------------------------------

TEST(ModesTest, TableIsInEnumOrder) {
  ASSERT_EQ(allModes().size(), 4u);
  for (size_t I = 0; I < allModes().size(); ++I)
    EXPECT_EQ(unsigned(allModes()[I].M), I);
}

TEST(ModesTest, EveryNameOfEveryMode) {
  const ModeInfo &R = modeInfo(Mode::Reverse);
  EXPECT_EQ(R.Word, "reverse");
  EXPECT_EQ(R.Macro, "ADGEN_REVERSE");
  EXPECT_EQ(R.Option, "--reverse");
  ASSERT_EQ(R.Suffixes.size(), 2u);
  EXPECT_EQ(R.Suffixes[0], "pullback");
  EXPECT_EQ(R.Suffixes[1], "grad");
  EXPECT_EQ(modeInfo(Mode::Forward).Suffixes[0], "fwd");
  EXPECT_EQ(modeInfo(Mode::Jacobian).Macro, "ADGEN_JACOBIAN");
  EXPECT_EQ(modeInfo(Mode::Hessian).Option, "--hessian");
}

TEST(ModesTest, WordsAndOptionsRoundTrip) {
  for (const ModeInfo &I : allModes()) {
    EXPECT_EQ(modeNamed(I.Word), I.M) << I.Word.str();
    EXPECT_EQ(modeOfOption(I.Option), I.M) << I.Option.str();
  }
  EXPECT_FALSE(modeNamed("custom")); // ADGEN_CUSTOM requests nothing
  EXPECT_FALSE(modeNamed("Forward"));
  EXPECT_FALSE(modeNamed(""));
  EXPECT_FALSE(modeOfOption("forward"));
  EXPECT_FALSE(modeOfOption("--forward=f"));
  EXPECT_FALSE(modeOfOption("--jacobian-mode"));
}

TEST(ModesTest, ListsForMessages) {
  EXPECT_EQ(listModes(&ModeInfo::Macro),
            "ADGEN_FORWARD, ADGEN_REVERSE, ADGEN_JACOBIAN or ADGEN_HESSIAN");
  EXPECT_EQ(listModes(&ModeInfo::Option), "--forward, --reverse, --jacobian or --hessian");
}

// --- Spec lengths -------------------------------------------------------------

TEST(SpecLengthsTest, PerParameterInOrder) {
  llvm::Expected<Spec> S = parseSpec("x[n], w -> y[n * d]");
  ASSERT_TRUE(bool(S)) << llvm::toString(S.takeError());
  EXPECT_EQ(S->lengths({"n", "x", "d", "w", "y"}), (Names{"", "n", "", "", "n * d"}));
}

TEST(SpecLengthsTest, DefaultsHaveNone) {
  llvm::Expected<Spec> S = parseSpec("");
  ASSERT_TRUE(bool(S));
  EXPECT_EQ(S->lengths({"x", "n"}), (Names{"", ""}));
  EXPECT_TRUE(S->lengths({}).empty());
}

TEST(SpecLengthsTest, OutputLengthWins) {
  llvm::Expected<Spec> S = parseSpec("x[n] -> x[m]");
  ASSERT_TRUE(bool(S));
  EXPECT_EQ(S->lengths({"x", "n", "m"}), (Names{"m", "", ""}));
  llvm::Expected<Spec> T = parseSpec("x[n] -> x");
  ASSERT_TRUE(bool(T));
  EXPECT_EQ(T->lengths({"x"}), (Names{"n"}));
}

// --- Requests found in snippets -----------------------------------------------

/// A parsed snippet and the requests findRequests finds in it.
struct Found {
  test::CaptureDiags Diags;
  std::unique_ptr<clang::ASTUnit> AST;
  std::unique_ptr<Diagnoser> D;
  RequestSet Requests;
};

std::unique_ptr<Found> find(llvm::StringRef Code,
                            const std::vector<CommandLineRequest> &Extra = {}) {
  auto R = std::make_unique<Found>();
  std::vector<std::string> Args = {"-std=c++17", "-resource-dir=" ADGEN_CLANG_RESOURCE_DIR,
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
  R->D = std::make_unique<Diagnoser>(R->AST->getASTContext());
  R->Requests = findRequests(R->AST->getASTContext(), *R->D, Extra);
  return R;
}

TEST(RequestFinderTest, GeneratedNamesPerMode) {
  auto F = find("#include <adgen/adgen.h>\n"
                "ADGEN_FORWARD(\"x\") ADGEN_REVERSE(\"x\") ADGEN_HESSIAN(\"x, y\")\n"
                "double f(double x, double y) { return x * y; }\n");
  ASSERT_TRUE(F);
  EXPECT_EQ(F->Diags.Text, "");
  std::map<Mode, Names> ByMode;
  for (const Request &R : F->Requests.List)
    ByMode[R.M] = R.generatedNames();
  EXPECT_EQ(ByMode[Mode::Forward], (Names{"f_fwd"}));
  EXPECT_EQ(ByMode[Mode::Reverse], (Names{"f_pullback", "f_grad"}));
  EXPECT_EQ(ByMode[Mode::Hessian], (Names{"f_hessian"}));
  EXPECT_EQ(ByMode.count(Mode::Jacobian), 0u);
}

TEST(RequestFinderTest, SpecResolvesToActivity) {
  auto F = find("#include <adgen/adgen.h>\n"
                "ADGEN_JACOBIAN(\"x[n] -> y[n]\")\n"
                "void g(const double *x, int n, double k, double *y) {\n"
                "  for (int i = 0; i < n; ++i) y[i] = k * x[i];\n"
                "}\n");
  ASSERT_TRUE(F);
  EXPECT_EQ(F->Diags.Text, "");
  ASSERT_EQ(F->Requests.List.size(), 1u);
  const Request &R = F->Requests.List[0];
  EXPECT_EQ(R.M, Mode::Jacobian);
  EXPECT_EQ(R.Inputs, (std::vector<bool>{true, false, false, false}));
  EXPECT_EQ(R.Outputs, (std::vector<bool>{false, false, false, true}));
  EXPECT_FALSE(R.ReturnIsOutput);
  EXPECT_EQ(R.S.lengths({"x", "n", "k", "y"}), (Names{"n", "", "", "n"}));
  EXPECT_EQ(R.generatedNames(), (Names{"g_jacobian"}));
}

TEST(RequestFinderTest, CommandLineRequestsSayWhereTheyComeFrom) {
  auto F = find("namespace ns { double h(double x) { return x * x; } }\n",
                {{Mode::Reverse, "ns::h: x"}});
  ASSERT_TRUE(F);
  ASSERT_EQ(F->Requests.List.size(), 1u);
  EXPECT_EQ(F->Requests.List[0].Origin, "--reverse 'ns::h: x'");
  EXPECT_EQ(F->Requests.List[0].generatedNames(), (Names{"h_pullback", "h_grad"}));
}

TEST(RequestFinderTest, SpecErrorsAreReported) {
  auto F = find("#include <adgen/adgen.h>\n"
                "ADGEN_FORWARD(\"z\") double f(double x) { return x; }\n");
  ASSERT_TRUE(F);
  EXPECT_TRUE(F->Requests.List.empty());
  EXPECT_NE(F->Diags.Text.find("'z' is not a parameter of 'f'"), std::string::npos)
      << F->Diags.Text;
}

TEST(RequestChecksTest, SameModeTwiceIsAnError) {
  auto F = find("#include <adgen/adgen.h>\n"
                "ADGEN_FORWARD(\"x\") double f(double x);\n"
                "ADGEN_FORWARD(\"x\") double f(double x) { return x; }\n");
  ASSERT_TRUE(F);
  ASSERT_EQ(F->Requests.List.size(), 2u);
  RequestChecks Checks(F->AST->getASTContext(), *F->D);
  EXPECT_TRUE(Checks.firstOfItsMode(F->Requests.List[0]));
  EXPECT_FALSE(Checks.firstOfItsMode(F->Requests.List[1]));
  EXPECT_NE(F->Diags.Text.find("'f' is marked ADGEN_FORWARD more than once"), std::string::npos)
      << F->Diags.Text;
}

TEST(RequestChecksTest, GeneratedNameTakenIsAnError) {
  auto F = find("#include <adgen/adgen.h>\n"
                "ADGEN_REVERSE(\"x\") double f(double x) { return x; }\n"
                "double f_grad(double x) { return 1; }\n");
  ASSERT_TRUE(F);
  ASSERT_EQ(F->Requests.List.size(), 1u);
  RequestChecks Checks(F->AST->getASTContext(), *F->D);
  EXPECT_FALSE(Checks.namesFree(F->Requests.List[0]));
  EXPECT_NE(F->Diags.Text.find("'f_grad' is the name adgen generates"), std::string::npos)
      << F->Diags.Text;
}

TEST(RequestChecksTest, CustomDerivativeIsNoClash) {
  auto F = find("#include <adgen/adgen.h>\n"
                "ADGEN_FORWARD(\"x\") double f(double x) { return x * x; }\n"
                "ADGEN_CUSTOM double f_fwd(double x, double dx) { return 2 * x * dx; }\n");
  ASSERT_TRUE(F);
  ASSERT_EQ(F->Requests.List.size(), 1u);
  EXPECT_EQ(F->Requests.Customs.size(), 1u);
  RequestChecks Checks(F->AST->getASTContext(), *F->D);
  EXPECT_TRUE(Checks.namesFree(F->Requests.List[0])) << F->Diags.Text;
}

} // namespace
