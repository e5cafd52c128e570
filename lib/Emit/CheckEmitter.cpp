//===- Emit/CheckEmitter.cpp - A program that checks the derivatives -------===//
//
// For each target the program holds f's arguments in a generated struct
// (State), so that every evaluation starts from the same point with fresh
// copies of the arrays f may overwrite. Inputs and outputs are flattened in
// parameter order (the return value first), as in f_jacobian's layout.
//
//===----------------------------------------------------------------------===//

#include "Emit/CheckEmitter.h"

using namespace adgen;
using namespace adgen::graph;

namespace {

std::string scalarType(const Type &T) { return T.valueStr(); }

class Writer {
public:
  Writer(const CheckTarget &T, unsigned Index) : T(T), F(*T.F), I(std::to_string(Index)) {}

  std::string run() {
    O += "// Checks " + T.Primal + ":" + (T.Fwd.empty() ? "" : " " + T.Fwd) +
         (T.Pullback.empty() ? "" : " " + T.Pullback) + ".\n";
    O += "namespace adgen_check_" + I + " {\n";
    state();
    call("outputs", Mode::Primal);
    if (!T.Fwd.empty())
      call("tangents", Mode::Forward);
    if (!T.Pullback.empty())
      call("adjoints", Mode::Reverse);
    check();
    O += "} // namespace adgen_check_" + I + "\n\n";
    return O;
  }

private:
  enum class Mode { Primal, Forward, Reverse };

  std::string a(size_t K) { return "a" + std::to_string(K); }
  bool floating(size_t K) { return F.Params[K]->Ty.isFloating(); }
  bool isArray(size_t K) { return F.Params[K]->Ty.IsPointer; }

  /// struct State: one member per parameter; arrays as std::vector.
  void state() {
    O += "struct State {\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      const Type &Ty = F.Params[K]->Ty;
      if (Ty.IsPointer)
        O += "  std::vector<" + scalarType(Ty) + "> " + a(K) + ";\n";
      else
        O += "  " + scalarType(Ty) + " " + a(K) + ";\n";
    }
    O += "};\n\n";
    // A random point; integers are ADGEN_CHECK_INT, array lengths from the
    // spec (evaluated with those integers) or ADGEN_CHECK_BUFFER.
    O += "inline State point(adgen_check::Random &rng) {\n  State s{};\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      const Type &Ty = F.Params[K]->Ty;
      if (!Ty.isFloating() && !Ty.IsPointer)
        O += "  s." + a(K) + " = static_cast<" + scalarType(Ty) + ">(" +
             (Ty.Scalar == ScalarKind::Bool ? "1" : "ADGEN_CHECK_INT") + ");\n";
    }
    for (size_t K = 0; K < F.Params.size(); ++K) {
      const Type &Ty = F.Params[K]->Ty;
      if (Ty.IsPointer) {
        std::string Len = "ADGEN_CHECK_BUFFER";
        if (!T.Lengths[K].empty()) {
          Len = T.Lengths[K];
          // The spec names parameters: read them from the state.
          for (size_t J = 0; J < F.Params.size(); ++J)
            Len = replaceName(Len, F.Params[J]->Name, "s." + a(J));
          Len = "static_cast<std::size_t>(" + Len + ")";
        }
        O += "  s." + a(K) + ".resize(" + Len + ");\n";
        if (Ty.isFloating())
          O += "  for (auto &v : s." + a(K) + ") v = rng.uniform();\n";
      } else if (Ty.isFloating()) {
        O += "  s." + a(K) + " = rng.uniform();\n";
      }
    }
    O += "  return s;\n}\n\n";
    // Flattened active inputs.
    O += "inline std::size_t inputs(const State &s) {\n  std::size_t n = 0;\n";
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (T.P.Inputs[K])
        O += isArray(K) ? "  n += s." + a(K) + ".size();\n" : "  n += 1;\n";
    O += "  (void)s;\n  return n;\n}\n\n";
    O += "inline void perturb(State &s, const std::vector<long double> &dir, long double h) {\n"
         "  std::size_t k = 0;\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!T.P.Inputs[K])
        continue;
      std::string Ty = scalarType(F.Params[K]->Ty);
      if (isArray(K))
        O += "  for (auto &v : s." + a(K) + ") v += static_cast<" + Ty + ">(h * dir[k++]);\n";
      else
        O += "  s." + a(K) + " += static_cast<" + Ty + ">(h * dir[k++]);\n";
    }
    O += "  (void)s; (void)dir; (void)h; (void)k;\n}\n\n";
  }

  /// outputs / tangents / adjoints: one call of f, f_fwd or f_pullback on a
  /// copy of the state.
  void call(const char *Name, Mode Md) {
    bool RetFloat = !F.ReturnsVoid && F.ReturnType.isFloating();
    if (Md == Mode::Primal)
      O += "inline std::vector<long double> outputs(State s) {\n";
    else if (Md == Mode::Forward)
      O += "inline std::vector<long double> tangents(State s, const std::vector<long double> &dir) {\n"
           "  std::size_t k = 0;\n";
    else
      O += "inline std::vector<long double> adjoints(State s, const std::vector<long double> &bar) {\n"
           "  std::size_t k = 0;\n";
    std::vector<std::string> Args;
    for (size_t K = 0; K < F.Params.size(); ++K)
      Args.push_back("s." + a(K) + (isArray(K) ? ".data()" : ""));
    // Derivative variables for active parameters.
    if (Md == Mode::Forward) {
      for (size_t K = 0; K < F.Params.size(); ++K) {
        if (!T.P.isActive(K))
          continue;
        std::string Ty = scalarType(F.Params[K]->Ty), D = "d" + std::to_string(K);
        if (isArray(K)) {
          O += "  std::vector<" + Ty + "> " + D + "(s." + a(K) + ".size());\n";
          if (T.P.Inputs[K])
            O += "  for (auto &v : " + D + ") v = static_cast<" + Ty + ">(dir[k++]);\n";
          Args.push_back(D + ".data()");
        } else {
          O += "  " + Ty + " " + D + " = " +
               (T.P.Inputs[K] ? "static_cast<" + Ty + ">(dir[k++])" : std::string("0")) + ";\n";
          Args.push_back(D);
        }
      }
    }
    if (Md == Mode::Reverse) {
      // bar holds the output adjoints: the return value's first.
      if (RetFloat) {
        O += "  " + scalarType(F.ReturnType) + " d_ret = " +
             (T.P.Return ? "static_cast<" + scalarType(F.ReturnType) + ">(bar[k++])"
                         : std::string("0")) +
             ";\n";
      }
      std::vector<std::string> DArgs;
      for (size_t K = 0; K < F.Params.size(); ++K) {
        if (!T.P.isActive(K))
          continue;
        std::string Ty = scalarType(F.Params[K]->Ty), D = "d" + std::to_string(K);
        if (isArray(K)) {
          O += "  std::vector<" + Ty + "> " + D + "(s." + a(K) + ".size());\n";
          if (T.P.Outputs[K])
            O += "  for (auto &v : " + D + ") v = static_cast<" + Ty + ">(bar[k++]);\n";
          DArgs.push_back(D + ".data()");
        } else {
          O += "  " + Ty + " " + D + " = " +
               (T.P.Outputs[K] ? "static_cast<" + Ty + ">(bar[k++])" : std::string("0")) + ";\n";
          DArgs.push_back("&" + D);
        }
      }
      if (RetFloat)
        Args.push_back("d_ret");
      Args.insert(Args.end(), DArgs.begin(), DArgs.end());
    }
    std::string Callee = Md == Mode::Primal ? T.Primal : Md == Mode::Forward ? T.Fwd : T.Pullback;
    std::string CallText = Callee + "(" + join(Args) + ")";
    O += "  std::vector<long double> out;\n";
    if (Md == Mode::Primal) {
      if (RetFloat && T.P.Return)
        O += "  out.push_back(" + CallText + ");\n";
      else
        O += "  " + CallText + ";\n";
      for (size_t K = 0; K < F.Params.size(); ++K)
        if (T.P.Outputs[K])
          O += isArray(K) ? "  for (auto v : s." + a(K) + ") out.push_back(v);\n"
                          : "  out.push_back(s." + a(K) + ");\n";
    } else if (Md == Mode::Forward) {
      if (RetFloat && T.P.Return)
        O += "  out.push_back(" + CallText + ".tangent);\n";
      else
        O += "  " + CallText + ";\n";
      for (size_t K = 0; K < F.Params.size(); ++K)
        if (T.P.Outputs[K]) {
          std::string D = "d" + std::to_string(K);
          O += isArray(K) ? "  for (auto v : " + D + ") out.push_back(v);\n"
                          : "  out.push_back(" + D + ");\n";
        }
    } else {
      O += "  " + CallText + ";\n";
      // The adjoints of the inputs, flattened like the inputs.
      for (size_t K = 0; K < F.Params.size(); ++K)
        if (T.P.Inputs[K]) {
          std::string D = "d" + std::to_string(K);
          O += isArray(K) ? "  for (auto v : " + D + ") out.push_back(v);\n"
                          : "  out.push_back(" + D + ");\n";
        }
    }
    O += "  return out;\n}\n\n";
  }

  void check() {
    std::string Label = T.Primal.substr(2);
    O += "inline double check(int seed) {\n"
         "  adgen_check::Random rng(seed);\n"
         "  double worst = 0;\n"
         "  for (int trial = 0; trial < ADGEN_CHECK_TRIALS; ++trial) {\n"
         "    State s = point(rng);\n"
         "    std::size_t n = inputs(s);\n"
         "    std::vector<long double> dir(n);\n"
         "    for (auto &v : dir) v = rng.uniform() - 0.75L;\n"
         "    // Central differences of the outputs along dir.\n"
         "    long double h = adgen_check::step<" + stepType() + ">();\n"
         "    State plus = s, minus = s;\n"
         "    perturb(plus, dir, h);\n"
         "    perturb(minus, dir, -h);\n"
         "    std::vector<long double> fp = outputs(plus), fm = outputs(minus), fd(fp.size());\n"
         "    for (std::size_t i = 0; i < fd.size(); ++i) fd[i] = (fp[i] - fm[i]) / (2 * h);\n"
         "    std::vector<long double> bar(fd.size());\n"
         "    for (auto &v : bar) v = rng.uniform() - 0.75L;\n";
    if (!T.Fwd.empty())
      O += "    std::vector<long double> tan = tangents(s, dir);\n"
           "    worst = std::max(worst, adgen_check::report(\"" + Label +
           ": forward vs central differences\", tan, fd, ADGEN_CHECK_TOL));\n";
    if (!T.Pullback.empty()) {
      O += "    std::vector<long double> adj = adjoints(s, bar);\n"
           "    long double lhs = adgen_check::dot(adj, dir), rhs = adgen_check::dot(bar, fd);\n"
           "    worst = std::max(worst, adgen_check::report(\"" + Label +
           ": reverse <J^T ybar, xdot> vs <ybar, central differences>\", {lhs}, {rhs}, ADGEN_CHECK_TOL));\n";
      if (!T.Fwd.empty())
        O += "    worst = std::max(worst, adgen_check::report(\"" + Label +
             ": forward vs reverse <ybar, J xdot> = <J^T ybar, xdot>\", {lhs}, "
             "{adgen_check::dot(bar, tan)}, 1e-10));\n";
    }
    O += "  }\n  return worst;\n}\n";
  }

  std::string stepType() {
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (T.P.Inputs[K] && F.Params[K]->Ty.Scalar == ScalarKind::Float)
        return "float";
    return "double";
  }

  static std::string join(const std::vector<std::string> &L) {
    std::string S;
    for (size_t I = 0; I < L.size(); ++I)
      S += (I ? ", " : "") + L[I];
    return S;
  }

  /// Replaces whole-word \p Name in \p Expr.
  static std::string replaceName(const std::string &Expr, const std::string &Name,
                                 const std::string &With) {
    std::string Out;
    auto word = [](char C) { return std::isalnum(static_cast<unsigned char>(C)) || C == '_'; };
    for (size_t I = 0; I < Expr.size();) {
      if (Expr.compare(I, Name.size(), Name) == 0 && (I == 0 || !word(Expr[I - 1])) &&
          (I + Name.size() == Expr.size() || !word(Expr[I + Name.size()]))) {
        Out += With;
        I += Name.size();
      } else {
        Out += Expr[I++];
      }
    }
    return Out;
  }

  const CheckTarget &T;
  const Function &F;
  std::string I;
  std::string O;
};

const char *Prelude = R"(
// ---- adgen --emit=check: numerical checks of the derivatives above ----
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#ifndef ADGEN_CHECK_SEED
#define ADGEN_CHECK_SEED 1
#endif
#ifndef ADGEN_CHECK_INT
#define ADGEN_CHECK_INT 4
#endif
#ifndef ADGEN_CHECK_BUFFER
#define ADGEN_CHECK_BUFFER 64
#endif
#ifndef ADGEN_CHECK_TOL
#define ADGEN_CHECK_TOL 1e-6
#endif
#ifndef ADGEN_CHECK_TRIALS
#define ADGEN_CHECK_TRIALS 3
#endif

namespace adgen_check {
inline int &failures() {
  static int n = 0;
  return n;
}
struct Random {
  explicit Random(int seed) : engine(static_cast<unsigned>(seed)) {}
  // Away from 0, where log, sqrt and 1/x are unkind to finite differences.
  long double uniform() { return std::uniform_real_distribution<double>(0.25, 1.25)(engine); }
  std::mt19937 engine;
};
template <typename T> long double step() { return sizeof(T) == sizeof(float) ? 1e-3L : 1e-6L; }
inline long double dot(const std::vector<long double> &a, const std::vector<long double> &b) {
  long double s = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) s += a[i] * b[i];
  return s;
}
/// The relative error of got against want (by their largest magnitude);
/// prints a line when it is above tol.
inline double report(const char *what, const std::vector<long double> &got,
                     const std::vector<long double> &want, double tol) {
  long double err = 0, scale = 1e-12L;
  for (std::size_t i = 0; i < want.size(); ++i) {
    scale = std::max(scale, std::max(std::abs(want[i]), std::abs(got[i])));
    err = std::max(err, std::abs(got[i] - want[i]));
  }
  double rel = static_cast<double>(err / scale);
  if (!(rel <= tol)) {
    std::printf("FAIL %s: relative error %.3g > %.3g\n", what, rel, tol);
    ++failures();
  }
  return rel != rel ? 1e300 : rel;
}
} // namespace adgen_check

)";

} // namespace

std::string adgen::emitCheckMain(const std::vector<CheckTarget> &Targets) {
  std::string Out = Prelude;
  for (size_t I = 0; I < Targets.size(); ++I)
    Out += Writer(Targets[I], unsigned(I)).run();
  Out += "int main() {\n  int failed = 0;\n";
  for (size_t I = 0; I < Targets.size(); ++I) {
    Out += "  {\n    int before = adgen_check::failures();\n"
           "    double worst = adgen_check_" + std::to_string(I) +
           "::check(ADGEN_CHECK_SEED + " + std::to_string(I) + ");\n"
           "    bool ok = adgen_check::failures() == before;\n"
           "    std::printf(\"%s %-40s worst relative error %.3g\\n\", ok ? \"ok  \" : \"FAIL\", \"" +
           Targets[I].Primal.substr(2) + "\", worst);\n"
           "    failed += !ok;\n  }\n";
  }
  Out += "  std::printf(\"%d passed, %d failed\\n\", " + std::to_string(Targets.size()) +
         " - failed, failed);\n  return failed ? 1 : 0;\n}\n";
  return Out;
}
