//===- unittests/SpecTest.cpp - Tests of the spec parser ------------------===//
#include "Requests/Spec.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <ostream>

using namespace adgen;

namespace {

/// Parses a spec that must be valid; a failure reports the parser's error.
Spec parseOk(llvm::StringRef Text) {
  llvm::Expected<Spec> S = parseSpec(Text);
  if (!S) {
    ADD_FAILURE() << "\"" << Text.str()
                  << "\" rejected: " << llvm::toString(S.takeError());
    return Spec();
  }
  return std::move(*S);
}

std::vector<std::string> names(const std::vector<SpecItem> &Items) {
  std::vector<std::string> Out;
  for (const SpecItem &I : Items)
    Out.push_back(I.K == SpecItem::Kind::Return ? "<return>" : I.Name);
  return Out;
}

using Names = std::vector<std::string>;

// --- Accepted forms ---------------------------------------------------------

TEST(SpecTest, EmptyIsAllDefault) {
  for (const char *Text : {"", " ", " \t\n "}) {
    Spec S = parseOk(Text);
    EXPECT_FALSE(S.Inputs) << '"' << Text << '"';
    EXPECT_FALSE(S.Outputs) << '"' << Text << '"';
  }
}

TEST(SpecTest, SingleInput) {
  Spec S = parseOk("x");
  ASSERT_TRUE(S.Inputs);
  ASSERT_EQ(S.Inputs->size(), 1u);
  const SpecItem &X = (*S.Inputs)[0];
  EXPECT_EQ(X.K, SpecItem::Kind::Param);
  EXPECT_EQ(X.Name, "x");
  EXPECT_FALSE(X.Length);
  EXPECT_EQ(X.Offset, 0u);
  EXPECT_FALSE(S.Outputs);
}

TEST(SpecTest, TwoInputs) {
  Spec S = parseOk("w, b");
  ASSERT_TRUE(S.Inputs);
  EXPECT_EQ(names(*S.Inputs), (Names{"w", "b"}));
  EXPECT_EQ((*S.Inputs)[0].Offset, 0u);
  EXPECT_EQ((*S.Inputs)[1].Offset, 3u);
  EXPECT_FALSE(S.Outputs);
}

TEST(SpecTest, IdentifierCharacters) {
  Spec S = parseOk("_a1, B_2, __x");
  ASSERT_TRUE(S.Inputs);
  EXPECT_EQ(names(*S.Inputs), (Names{"_a1", "B_2", "__x"}));
}

TEST(SpecTest, LengthName) {
  Spec S = parseOk("x[n]");
  ASSERT_TRUE(S.Inputs);
  ASSERT_EQ(S.Inputs->size(), 1u);
  const SpecItem &X = (*S.Inputs)[0];
  EXPECT_EQ(X.Name, "x");
  ASSERT_TRUE(X.Length);
  EXPECT_EQ(X.Length->Text, "n");
  EXPECT_EQ(X.Length->Names, (Names{"n"}));
  EXPECT_EQ(X.Length->Offset, 2u);
}

TEST(SpecTest, LengthLiteral) {
  Spec S = parseOk("x[3]");
  ASSERT_TRUE(S.Inputs);
  const SpecItem &X = (*S.Inputs)[0];
  ASSERT_TRUE(X.Length);
  EXPECT_EQ(X.Length->Text, "3");
  EXPECT_TRUE(X.Length->Names.empty());
}

TEST(SpecTest, LengthProductIsNormalised) {
  Spec S = parseOk("y[n*d]");
  ASSERT_TRUE(S.Inputs);
  const SpecItem &Y = (*S.Inputs)[0];
  ASSERT_TRUE(Y.Length);
  EXPECT_EQ(Y.Length->Text, "n * d");
  EXPECT_EQ(Y.Length->Names, (Names{"n", "d"}));
  EXPECT_EQ(Y.Length->Offset, 2u);
}

TEST(SpecTest, LengthAllOperatorsAndSpacing) {
  Spec S = parseOk("y[ 2*n+d -  1 ]");
  ASSERT_TRUE(S.Inputs);
  const SpecItem &Y = (*S.Inputs)[0];
  ASSERT_TRUE(Y.Length);
  EXPECT_EQ(Y.Length->Text, "2 * n + d - 1");
  EXPECT_EQ(Y.Length->Names, (Names{"n", "d"}));
  EXPECT_EQ(Y.Length->Offset, 3u);
}

TEST(SpecTest, LengthNamesAreUniqueInOrderOfFirstUse) {
  Spec S = parseOk("y[d*n + n*d + m]");
  ASSERT_TRUE(S.Inputs);
  const SpecItem &Y = (*S.Inputs)[0];
  ASSERT_TRUE(Y.Length);
  EXPECT_EQ(Y.Length->Text, "d * n + n * d + m");
  EXPECT_EQ(Y.Length->Names, (Names{"d", "n", "m"}));
}

TEST(SpecTest, InputsAndOutputsWithReturn) {
  Spec S = parseOk("x -> return, y");
  ASSERT_TRUE(S.Inputs);
  ASSERT_TRUE(S.Outputs);
  EXPECT_EQ(names(*S.Inputs), (Names{"x"}));
  EXPECT_EQ(names(*S.Outputs), (Names{"<return>", "y"}));
  const SpecItem &R = (*S.Outputs)[0];
  EXPECT_EQ(R.K, SpecItem::Kind::Return);
  EXPECT_TRUE(R.Name.empty());
  EXPECT_FALSE(R.Length);
  EXPECT_EQ(R.Offset, 5u);
  EXPECT_EQ((*S.Outputs)[1].Offset, 13u);
}

TEST(SpecTest, OutputsOnlyKeepsDefaultInputs) {
  Spec S = parseOk("-> y");
  EXPECT_FALSE(S.Inputs);
  ASSERT_TRUE(S.Outputs);
  EXPECT_EQ(names(*S.Outputs), (Names{"y"}));
  EXPECT_EQ((*S.Outputs)[0].Offset, 3u);
}

TEST(SpecTest, TrailingArrowKeepsDefaultOutputs) {
  for (const char *Text : {"x ->", "x->", "x -> \t"}) {
    Spec S = parseOk(Text);
    ASSERT_TRUE(S.Inputs) << Text;
    EXPECT_EQ(names(*S.Inputs), (Names{"x"})) << Text;
    EXPECT_FALSE(S.Outputs) << Text;
  }
}

TEST(SpecTest, SameNameMayBeInputAndOutput) {
  Spec S = parseOk("y -> y");
  ASSERT_TRUE(S.Inputs);
  ASSERT_TRUE(S.Outputs);
  EXPECT_EQ(names(*S.Inputs), (Names{"y"}));
  EXPECT_EQ(names(*S.Outputs), (Names{"y"}));
}

TEST(SpecTest, WhitespaceVariants) {
  // Every spelling means: inputs w, b[n*d]; outputs return, y[n].
  for (const char *Text :
       {"w,b[n*d]->return,y[n]", "  w , b [ n * d ] -> return , y [ n ]  ",
        "w,\tb[n *d]\n->\treturn,\ny[n]"}) {
    Spec S = parseOk(Text);
    ASSERT_TRUE(S.Inputs) << Text;
    ASSERT_TRUE(S.Outputs) << Text;
    EXPECT_EQ(names(*S.Inputs), (Names{"w", "b"})) << Text;
    EXPECT_EQ(names(*S.Outputs), (Names{"<return>", "y"})) << Text;
    ASSERT_TRUE((*S.Inputs)[1].Length) << Text;
    EXPECT_EQ((*S.Inputs)[1].Length->Text, "n * d") << Text;
    ASSERT_TRUE((*S.Outputs)[1].Length) << Text;
    EXPECT_EQ((*S.Outputs)[1].Length->Text, "n") << Text;
  }
}

TEST(SpecTest, OffsetsWithLeadingWhitespace) {
  Spec S = parseOk("  w ,  b[ n ] ->  y");
  ASSERT_TRUE(S.Inputs);
  ASSERT_TRUE(S.Outputs);
  EXPECT_EQ((*S.Inputs)[0].Offset, 2u);
  EXPECT_EQ((*S.Inputs)[1].Offset, 7u);
  ASSERT_TRUE((*S.Inputs)[1].Length);
  EXPECT_EQ((*S.Inputs)[1].Length->Offset, 10u);
  EXPECT_EQ((*S.Outputs)[0].Offset, 18u);
}

TEST(SpecTest, ErrorLogIncludesOffset) {
  llvm::Expected<Spec> S = parseSpec("x,,y");
  ASSERT_FALSE(S);
  std::string Log;
  llvm::raw_string_ostream OS(Log);
  llvm::handleAllErrors(S.takeError(), [&](const SpecError &E) { E.log(OS); });
  EXPECT_EQ(OS.str(), "offset 2: expected a parameter name after ','");
}

// --- Errors
// -------------------------------------------------------------------

struct ErrorCase {
  const char *Text;
  size_t Offset;
  const char *Message;
};

std::ostream &operator<<(std::ostream &OS, const ErrorCase &C) {
  return OS << '"' << C.Text << '"';
}

class SpecErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(SpecErrorTest, RejectedAtOffset) {
  const ErrorCase &C = GetParam();
  llvm::Expected<Spec> S = parseSpec(C.Text);
  ASSERT_FALSE(S) << "accepted";
  size_t Offset = ~size_t(0);
  std::string Message;
  llvm::handleAllErrors(
      S.takeError(),
      [&](const SpecError &E) {
        Offset = E.offset();
        Message = E.message();
      },
      [&](const llvm::ErrorInfoBase &E) {
        ADD_FAILURE() << "not a SpecError: " << E.message();
      });
  EXPECT_EQ(Message, C.Message);
  EXPECT_EQ(Offset, C.Offset);
}

const ErrorCase ErrorCases[] = {
    // Empty items.
    {",", 0, "expected a parameter name"},
    {", x", 0, "expected a parameter name"},
    {"x,,y", 2, "expected a parameter name after ','"},
    {"x, , y", 3, "expected a parameter name after ','"},
    {"x,", 2, "expected a parameter name after ','"},
    {"x, ", 3, "expected a parameter name after ','"},
    {"x, -> y", 3, "expected a parameter name after ','"},
    {"x -> ,y", 5, "expected a parameter name or 'return' after '->'"},
    {"x -> y,", 7, "expected a parameter name or 'return' after ','"},
    {"x -> y,,z", 7, "expected a parameter name or 'return' after ','"},
    {"->", 2, "expected a parameter name or 'return' after '->'"},
    {" -> ", 4, "expected a parameter name or 'return' after '->'"},
    // Names must be C identifiers.
    {"1x", 0, "expected a parameter name"},
    {"x, 2", 3, "expected a parameter name after ','"},
    {"x -> 2", 5, "expected a parameter name or 'return' after '->'"},
    {"$x", 0, "expected a parameter name"},
    {"\"x\"", 0, "expected a parameter name"},
    {"x$", 1, "expected ',' or '->'"},
    {"x.y", 1, "expected ',' or '->'"},
    {"x y", 2, "expected ',' or '->'"},
    {"x; y", 1, "expected ',' or '->'"},
    {"x -> y z", 7, "expected ',' or the end of the spec"},
    {"x -> y;", 6, "expected ',' or the end of the spec"},
    // The arrow.
    {"x -> y -> z", 7, "'->' may appear only once"},
    {"-> y ->", 5, "'->' may appear only once"},
    {"x - > y", 2, "expected ',' or '->'"},
    {"x > y", 2, "expected ',' or '->'"},
    // 'return'.
    {"return", 0, "'return' cannot be an input"},
    {"x, return -> y", 3, "'return' cannot be an input"},
    {"-> return[n]", 9, "'return' cannot have a length"},
    {"-> return, return", 11, "'return' is listed twice among the outputs"},
    {"-> return return", 10, "expected ',' or the end of the spec"},
    // Duplicates.
    {"x, x", 3, "'x' is listed twice among the inputs"},
    {"x, y, x[n]", 6, "'x' is listed twice among the inputs"},
    {"-> y, x, y", 9, "'y' is listed twice among the outputs"},
    // Brackets.
    {"x[", 2, "expected an integer or a parameter name after '['"},
    {"x[n", 1, "unbalanced '['"},
    {"x[n*d", 1, "unbalanced '['"},
    {"x[n, y", 3, "expected '+', '-', '*' or ']'"},
    {"x]", 1, "unbalanced ']'"},
    {"x -> y]", 6, "unbalanced ']'"},
    {"x[n]]", 4, "unbalanced ']'"},
    {"x[n][m]", 4, "expected ',' or '->'"},
    {"[n]", 0, "expected a parameter name"},
    // Lengths.
    {"x[]", 2, "expected an integer or a parameter name after '['"},
    {"x[ ]", 3, "expected an integer or a parameter name after '['"},
    {"x[-1]", 2, "expected an integer or a parameter name after '['"},
    {"x[n*]", 4, "expected an integer or a parameter name after '*'"},
    {"x[n+ ]", 5, "expected an integer or a parameter name after '+'"},
    {"x[n-*d]", 4, "expected an integer or a parameter name after '-'"},
    {"x[n+", 4, "expected an integer or a parameter name after '+'"},
    {"x[(n)]", 2, "expected an integer or a parameter name after '['"},
    {"x[n/2]", 3, "expected '+', '-', '*' or ']'"},
    {"x[n d]", 4, "expected '+', '-', '*' or ']'"},
    {"x[2n]", 3, "expected '+', '-', '*' or ']'"},
    {"x[0x10]", 3, "expected '+', '-', '*' or ']'"},
    {"x[1.5]", 3, "expected '+', '-', '*' or ']'"},
    {"x[n->m]", 3, "expected '+', '-', '*' or ']'"},
    {"x[return]", 2, "'return' cannot be used in a length"},
    {"x[n*return]", 4, "'return' cannot be used in a length"},
};

INSTANTIATE_TEST_SUITE_P(AllErrors, SpecErrorTest,
                         ::testing::ValuesIn(ErrorCases));

} // namespace
