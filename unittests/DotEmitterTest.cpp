//===- unittests/DotEmitterTest.cpp - Tests of the Graphviz emitter -------===//
//
// Graphs are built from C++ snippets with GraphBuilder (as the adgen tool
// builds them), analysed with analyseActivity, and drawn with emitDot. The
// checks look for the nodes, clusters and edges a reader relies on, found
// by label, rather than comparing whole drawings.
//
//===----------------------------------------------------------------------===//
#include "Emit/DotEmitter.h"
#include "Analysis/Activity.h"
#include "Graph/Graph.h"
#include "Graph/GraphBuilder.h"
#include "Snippet.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "gtest/gtest.h"
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#ifndef ADGEN_CLANG_RESOURCE_DIR
#error "ADGEN_CLANG_RESOURCE_DIR must be defined by the build"
#endif
#ifndef ADGEN_SOURCE_INCLUDE_DIR
#error "ADGEN_SOURCE_INCLUDE_DIR must be defined by the build"
#endif

using namespace adgen;
using namespace adgen::graph;
using adgen::test::build;
using adgen::test::Built;

namespace {

/// Collects diagnostics as text, to show them when a snippet fails.

/// Activity of \p F with the parameters \p In as inputs and the return
/// value as the output.
Activity activity(const Function &F, const std::vector<std::string> &In) {
  ActivityPattern P;
  for (const Var *V : F.Params) {
    P.Inputs.push_back(std::find(In.begin(), In.end(), V->Name) != In.end());
    P.Outputs.push_back(false);
  }
  P.Return = true;
  return analyseActivity(F, P);
}

bool has(const std::string &Dot, const std::string &S) {
  return Dot.find(S) != std::string::npos;
}

/// The line declaring the node labelled exactly \p Label ("" if none).
std::string nodeLine(const std::string &Dot, const std::string &Label) {
  std::istringstream In(Dot);
  std::string Line;
  while (std::getline(In, Line))
    if (has(Line, "[label=\"" + Label + "\","))
      return Line;
  return "";
}

/// The quoted id of the node labelled \p Label, e.g. "\"n3\"".
std::string id(const std::string &Dot, const std::string &Label) {
  std::string L = nodeLine(Dot, Label);
  size_t B = L.find('"');
  size_t E = L.find('"', B + 1);
  if (B == std::string::npos || E == std::string::npos) {
    ADD_FAILURE() << "no node labelled '" << Label << "' in:\n" << Dot;
    return "<none>";
  }
  return L.substr(B, E - B + 1);
}

const char *Looping = R"cpp(
double f(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    if (x[i] > 0)
      s += x[i] * x[i];
    else
      s = s * 0.5;
  }
  return s;
}
)cpp";

//===----------------------------------------------------------------------===//
// Tests
//===----------------------------------------------------------------------===//

TEST(DotEmitterTest, ParametersOperationsAndClusters) {
  auto B = build(Looping, "f");
  ASSERT_TRUE(B);
  std::string Dot = emitDot(*B->F, DotOptions());
  EXPECT_EQ(Dot.rfind("digraph \"f\" {\n", 0), 0u) << Dot;
  EXPECT_EQ(Dot.back(), '\n');
  EXPECT_TRUE(has(Dot, "}\n")) << Dot;
  // Parameters at the top, as boxes.
  EXPECT_TRUE(has(nodeLine(Dot, "x : const double *"), "shape=box")) << Dot;
  EXPECT_TRUE(has(nodeLine(Dot, "n : int"), "shape=box")) << Dot;
  EXPECT_TRUE(has(Dot, "{ rank=source; " + id(Dot, "x : const double *") + "; " +
                           id(Dot, "n : int") + "; }"))
      << Dot;
  // Definitions by line, constants inlined.
  EXPECT_TRUE(has(nodeLine(Dot, "s (line 3)\\n= 0.0"), "shape=box")) << Dot;
  EXPECT_TRUE(has(nodeLine(Dot, "s (line 8)"), "shape=box")) << Dot;
  EXPECT_TRUE(has(nodeLine(Dot, "mul(·, 0.5)"), "shape=ellipse")) << Dot;
  EXPECT_TRUE(has(nodeLine(Dot, "load"), "shape=ellipse")) << Dot;
  // Control flow as clusters.
  EXPECT_TRUE(has(Dot, "label=\"for, line 4\"")) << Dot;
  EXPECT_TRUE(has(Dot, "label=\"if, line 5\"")) << Dot;
  EXPECT_TRUE(has(Dot, "label=\"then\"")) << Dot;
  EXPECT_TRUE(has(Dot, "label=\"else\"")) << Dot;
  EXPECT_TRUE(has(Dot, "subgraph \"cluster_legend\"")) << Dot;
  // Data flow: the multiplication reads s from before the loop, and from
  // the previous iteration along a dashed back edge.
  std::string Mul = id(Dot, "mul(·, 0.5)");
  EXPECT_TRUE(has(Dot, id(Dot, "s (line 3)\\n= 0.0") + " -> " + Mul + ";")) << Dot;
  EXPECT_TRUE(has(Dot, Mul + " -> " + id(Dot, "s (line 8)") + ";")) << Dot;
  EXPECT_TRUE(has(Dot, id(Dot, "s (line 8)") + " -> " + Mul +
                           " [style=dashed, constraint=false];"))
      << Dot;
  // The loop test reads i from the initialisation and the increment.
  EXPECT_TRUE(has(Dot, id(Dot, "i (line 4)\\n= 0") + " -> " + id(Dot, "lt"))) << Dot;
  // Nothing is active without an analysis.
  EXPECT_FALSE(has(Dot, "fillcolor=\"#ffd8a8\"];\n  \"n")) << Dot;
  EXPECT_FALSE(has(Dot, "-> \"n0\" [style=dashed, color=blue")) << Dot;
  EXPECT_FALSE(has(Dot, "color=red];\n  \"n")) << Dot;
}

TEST(DotEmitterTest, ActiveValuesTapeAndAdjointEdges) {
  auto B = build(Looping, "f");
  ASSERT_TRUE(B);
  Activity A = activity(*B->F, {"x"});
  DotOptions O;
  O.Act = &A;
  O.Taped = {"s"};
  std::string Dot = emitDot(*B->F, O);
  std::string X = nodeLine(Dot, "x : const double *");
  EXPECT_TRUE(has(X, "style=\"filled\", fillcolor=\"#ffd8a8\"")) << Dot;
  EXPECT_FALSE(has(nodeLine(Dot, "n : int"), "filled")) << Dot;
  EXPECT_FALSE(has(nodeLine(Dot, "i (line 4)\\n= 0"), "filled")) << Dot;
  // s is active and taped.
  std::string S8 = nodeLine(Dot, "s (line 8)\\ntaped");
  EXPECT_TRUE(has(S8, "filled")) << Dot;
  EXPECT_TRUE(has(S8, "peripheries=2")) << Dot;
  // x -> mul -> s carry derivatives: red, with the adjoint flowing back.
  std::string Mul = id(Dot, "mul(·, 0.5)");
  std::string S = id(Dot, "s (line 8)\\ntaped");
  EXPECT_TRUE(has(Dot, Mul + " -> " + S + " [color=red];")) << Dot;
  EXPECT_TRUE(has(Dot, S + " -> " + Mul + " [style=dashed, color=blue, constraint=false];"))
      << Dot;
  // The branch's comparison reads x but carries no derivative.
  std::string Gt = nodeLine(Dot, "gt(·, 0.0)");
  EXPECT_FALSE(has(Gt, "filled")) << Dot;
  EXPECT_TRUE(has(Dot, id(Dot, "gt(·, 0.0)") + " -> " + id(Dot, "if") + " [color=gray45];"))
      << Dot;
  // The return value is active.
  EXPECT_TRUE(has(nodeLine(Dot, "return (line 10)"), "filled")) << Dot;
}

TEST(DotEmitterTest, ArraysGlobalsAndCalls) {
  auto B = build(R"cpp(
double g = 2;
void scale(double *p, int k);
double h(double *y, double x) {
  double a[3] = {};
  a[1] = x * g;
  y[0] = a[1];
  scale(y, 3);
  return y[0];
}
)cpp", "h");
  ASSERT_TRUE(B);
  Activity A = activity(*B->F, {"x"});
  DotOptions O;
  O.Act = &A;
  O.Taped = {"y[]"};
  std::string Dot = emitDot(*B->F, O);
  EXPECT_TRUE(has(nodeLine(Dot, "a[3] (line 5)\\n= {}"), "shape=box")) << Dot;
  EXPECT_TRUE(has(nodeLine(Dot, "a[1] (line 6)"), "filled")) << Dot;
  // A global read gets a node of its own, its name quoted as is.
  EXPECT_TRUE(has(Dot, id(Dot, "::g : double") + " -> " + id(Dot, "mul"))) << Dot;
  // y's memory is taped: the parameter and every write of it.
  EXPECT_TRUE(has(nodeLine(Dot, "y : double *\\ntaped"), "peripheries=2")) << Dot;
  EXPECT_TRUE(has(nodeLine(Dot, "y[0] (line 7)\\ntaped"), "peripheries=2")) << Dot;
  // The call reads y and may write it through the pointer.
  std::string Call = id(Dot, "call ::scale");
  EXPECT_TRUE(has(Dot, id(Dot, "y[0] (line 7)\\ntaped") + " -> " + Call)) << Dot;
  EXPECT_TRUE(has(Dot, Call + " -> " + id(Dot, "y[] (line 8)\\ntaped"))) << Dot;
}

TEST(DotEmitterTest, Deterministic) {
  auto B1 = build(Looping, "f");
  auto B2 = build(Looping, "f");
  ASSERT_TRUE(B1 && B2);
  Activity A1 = activity(*B1->F, {"x"}), A2 = activity(*B2->F, {"x"});
  DotOptions O1, O2;
  O1.Act = &A1;
  O2.Act = &A2;
  O1.Taped = O2.Taped = {"s"};
  EXPECT_EQ(emitDot(*B1->F, O1), emitDot(*B2->F, O2));
  EXPECT_EQ(emitDot(*B1->F, O1), emitDot(*B1->F, O1));
}

TEST(DotEmitterTest, NamesAreEscaped) {
  Module M;
  Function &F = M.addFunction("odd\"name\\");
  Var *X = F.addVar("::x", Type::scalar(ScalarKind::Double, "double"), VarKind::Param);
  F.Params.push_back(X);
  F.Body.push_back(M.ret(M.mul(M.ref(X), M.ref(X))));
  std::string Dot = emitDot(F, DotOptions());
  EXPECT_EQ(Dot.rfind("digraph \"odd\\\"name\\\\\" {", 0), 0u) << Dot;
  EXPECT_TRUE(has(nodeLine(Dot, "::x : double"), "shape=box")) << Dot;
  // x * x: one edge per operand.
  std::string Edge = id(Dot, "::x : double") + " -> " + id(Dot, "mul") + ";\n";
  size_t First = Dot.find(Edge);
  ASSERT_NE(First, std::string::npos) << Dot;
  EXPECT_NE(Dot.find(Edge, First + 1), std::string::npos) << Dot;
}

} // namespace
