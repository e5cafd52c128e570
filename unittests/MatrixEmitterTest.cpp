//===- unittests/MatrixEmitterTest.cpp - f_jacobian's and f_hessian's C++ -===//
//
// Emit/MatrixEmitter.h writes a driver from its description alone: here a
// graph::MatrixDriver built by hand, whose derivatives are empty functions
// in adgen_detail. The checks look for the statements that define the
// layout and the calls of the derivatives the description holds.
//
//===----------------------------------------------------------------------===//
#include "Emit/MatrixEmitter.h"
#include "Graph/Graph.h"
#include "gtest/gtest.h"
#include <string>

using namespace adgen;
using namespace adgen::graph;

namespace {

Type dbl() { return Type::scalar(ScalarKind::Double, "double"); }

struct Fixture {
  Module M;
  Function &F = M.addFunction("f");
  Function &Fwd = helper("f_fwd_vec");
  Function &Pullback = helper("f_pullback");
  MatrixDriver D;
  Fixture() {
    F.Namespaces = {"ns"};
    F.Params = {F.addVar("x", dbl(), VarKind::Param), F.addVar("y", dbl(), VarKind::Param)};
    F.ReturnsVoid = false;
    F.ReturnType = dbl();
    D.Primal = &F;
    D.Inputs = {true, true};
    D.Outputs = {false, false};
    D.Return = true;
    D.Lengths = {"", ""};
  }
  Function &helper(const char *Name) {
    Function &G = M.addFunction(Name);
    G.Namespaces = {"ns", DetailNamespace.str()};
    return G;
  }
  /// The driver's C++: f_jacobian / f_hessian with f's parameters and the
  /// matrix \p Matrix last.
  std::string body(const char *Matrix) {
    Function &J = M.addFunction(std::string("f_") + Matrix);
    J.NameParent = &F;
    J.Params = F.Params;
    J.Params.push_back(J.addVar(Matrix, dbl(), VarKind::Param));
    J.Matrix = &D;
    return matrixDriverBody(J);
  }
  bool has(const std::string &Text, const std::string &Part) {
    return Text.find(Part) != std::string::npos;
  }
};

TEST(MatrixEmitter, JacobianCallsTheDerivativesItHolds) {
  Fixture Fx;
  Fx.D.FwdVec = &Fx.Fwd;
  Fx.D.Pullback = &Fx.Pullback;
  std::string Body = Fx.body("jac");
  EXPECT_TRUE(Fx.has(Body, "const std::size_t adgen_n_in = 0 + 1 + 1;\n")) << Body;
  EXPECT_TRUE(Fx.has(Body, "const std::size_t adgen_n_out = 1;\n")) << Body;
  EXPECT_TRUE(Fx.has(Body, "  ::ns::f(x, y);\n  return;\n")) << Body; // an empty matrix
  EXPECT_TRUE(Fx.has(Body, "if (adgen_n_in <= adgen_n_out) {\n")) << Body;
  EXPECT_TRUE(Fx.has(Body, "::ns::adgen_detail::f_fwd_vec(x, y, ")) << Body;
  EXPECT_TRUE(Fx.has(Body, "::ns::adgen_detail::f_pullback(x, y, d_ret, ")) << Body;
}

TEST(MatrixEmitter, JacobianWithOneDirectionHasNoChoice) {
  Fixture Fx;
  Fx.D.Pullback = &Fx.Pullback;
  std::string Body = Fx.body("jac");
  EXPECT_FALSE(Fx.has(Body, "adgen_n_in <= adgen_n_out")) << Body;
  EXPECT_FALSE(Fx.has(Body, "f_fwd_vec")) << Body;
  EXPECT_TRUE(Fx.has(Body, "for (std::size_t adgen_row = 0; adgen_row < adgen_n_out; ++adgen_row)"))
      << Body;
}

TEST(MatrixEmitter, HessianColumnPerRunOfFwd) {
  Fixture Fx;
  Fx.D.K = MatrixDriver::Kind::Hessian;
  Fx.D.Fwd = &Fx.Fwd;
  std::string Body = Fx.body("hess");
  EXPECT_TRUE(Fx.has(Body, "const std::size_t adgen_n = 0 + 1 + 1;\n")) << Body;
  EXPECT_TRUE(Fx.has(Body, "for (std::size_t adgen_col = 0; adgen_col < adgen_n; ++adgen_col) {\n"))
      << Body;
  EXPECT_TRUE(Fx.has(Body, "  ::ns::adgen_detail::f_fwd_vec(x, y, double(1), ")) << Body;
  EXPECT_TRUE(Fx.has(Body, "hess[(0) * adgen_n + adgen_col] = adgen_dg_x;\n")) << Body;
}

} // namespace
