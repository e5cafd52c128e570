//===- Emit/CheckEmitter.cpp - A program that checks the derivatives -------===//
//
// For each target the program holds f's arguments in a generated struct
// (State), so that every evaluation starts from the same point with fresh
// copies of the arrays f may overwrite. Arrays are handed to f and to the
// derivatives in buffers with canaries past their end. Inputs and outputs
// are flattened in parameter order (the return value first), as in
// f_jacobian's layout; "adjoint buffers" are every active parameter's
// adjoint, flattened in parameter order.
//
//===----------------------------------------------------------------------===//

#include "Emit/CheckEmitter.h"
#include "llvm/ADT/DenseSet.h"
#include <set>

using namespace adgen;
using namespace adgen::graph;

namespace {

/// Globals that F or any function it calls may write (scalars and arrays of
/// numbers): part of f's effects.
std::vector<const Var *> writtenGlobals(const Function &F) {
  std::vector<const Var *> Out;
  std::set<std::string> Seen;
  llvm::DenseSet<const Function *> Visited;
  auto note = [&](const Expr *E) {
    const Var *R = E ? rootOf(E) : nullptr;
    if (R && R->Kind == VarKind::Global && !R->Ty.IsConst && !R->Ty.Rec && !R->Ty.isContainer() &&
        !R->Ty.IsPointer && Seen.insert(R->Name).second)
      Out.push_back(R);
  };
  std::vector<const Function *> Work{&F};
  while (!Work.empty()) {
    const Function *G = Work.back();
    Work.pop_back();
    if (!Visited.insert(G).second)
      continue;
    forEachStmt(G->Body, [&](Stmt *S) {
      if (S->K == StmtKind::Assign || S->K == StmtKind::AddAssign || S->K == StmtKind::Call)
        note(S->Target);
      if (S->K != StmtKind::Call || !S->Fn)
        return;
      for (size_t I = 0; I < S->Args.size() && I < S->Fn->ParamTypes.size(); ++I)
        if (S->Fn->ParamTypes[I].isWritable())
          note(S->Args[I]);
      if (S->Fn->Body)
        Work.push_back(S->Fn->Body);
    });
  }
  return Out;
}

class Writer {
public:
  Writer(const CheckTarget &T, unsigned Index)
      : T(T), F(*T.F), I(std::to_string(Index)), Globals(writtenGlobals(F)) {}

  std::string run() {
    O += "// Checks " + T.Primal + ":";
    for (const std::string *G : {&T.Fwd, &T.Pullback, &T.Grad, &T.Jacobian, &T.Hessian})
      if (!G->empty())
        O += " " + *G;
    O += ".\nnamespace adgen_check_" + I + " {\n";
    state();
    layouts();
    primal();
    if (!T.Fwd.empty())
      tangents();
    if (!T.Pullback.empty())
      adjoints(false);
    if (!T.Grad.empty())
      adjoints(true);
    if (!T.Jacobian.empty() || !T.Hessian.empty())
      matrix(!T.Jacobian.empty());
    check();
    O += "} // namespace adgen_check_" + I + "\n\n";
    return O;
  }

private:
  std::string a(size_t K) { return "a" + std::to_string(K); }
  std::string g(size_t K) { return "g" + std::to_string(K); }
  /// To = From for a global's value (element by element for an array).
  std::string globalCopy(size_t K, const std::string &To, const std::string &From) {
    if (!Globals[K]->Ty.ArraySize)
      return "  " + To + " = " + From + ";\n";
    return "  for (std::size_t i = 0; i < " + std::to_string(Globals[K]->Ty.ArraySize) + "; ++i) " +
           To + "[i] = " + From + "[i];\n";
  }
  std::string d(size_t K) { return "d" + std::to_string(K); }
  bool isArray(size_t K) { return F.Params[K]->Ty.IsPointer; }
  std::string ty(size_t K) { return F.Params[K]->Ty.valueStr(); }
  bool retFloat() { return !F.ReturnsVoid && F.ReturnType.isFloating(); }
  bool retValue() { return !F.ReturnsVoid; }
  /// The adjoint of an input that f cannot write accumulates; the adjoint of
  /// an output, or of memory f may overwrite, is a seed on entry (contract).
  bool accumulates(size_t K) {
    return T.P.Inputs[K] && !T.P.Outputs[K] && !F.Params[K]->Ty.isWritable();
  }
  /// For each array parameter, a canaried buffer of f's own argument.
  void buffers(const char *Who) {
    for (size_t K = 0; K < Globals.size(); ++K)
      O += globalCopy(K, Globals[K]->Name, "s." + g(K));
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (isArray(K))
        O += "  adgen_check::Buffer<" + ty(K) + "> b" + std::to_string(K) + "(s." + a(K) +
             ", \"" + Who + ": " + F.Params[K]->Name + "\");\n";
  }
  std::vector<std::string> primalArgs() {
    std::vector<std::string> Args;
    for (size_t K = 0; K < F.Params.size(); ++K)
      Args.push_back(isArray(K) ? "b" + std::to_string(K) + ".data()" : "s." + a(K));
    return Args;
  }
  /// Copies f's arrays back into the state, checking their canaries.
  void unbuffer() {
    for (size_t K = 0; K < Globals.size(); ++K)
      O += globalCopy(K, "s." + g(K), Globals[K]->Name);
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (isArray(K))
        O += "  b" + std::to_string(K) + ".done(s." + a(K) + ");\n";
  }

  /// struct State, a random point, and perturbation along a direction.
  void state() {
    O += "struct State {\n";
    for (size_t K = 0; K < F.Params.size(); ++K)
      O += isArray(K) ? "  std::vector<" + ty(K) + "> " + a(K) + ";\n"
                      : "  " + ty(K) + " " + a(K) + ";\n";
    // Globals f writes: every call starts from the same values, and what f
    // leaves in them is one of its effects.
    for (size_t K = 0; K < Globals.size(); ++K)
      O += "  " + Globals[K]->Ty.valueStr() + " " + g(K) +
           (Globals[K]->Ty.ArraySize ? "[" + std::to_string(Globals[K]->Ty.ArraySize) + "]" : "") +
           "; // " + Globals[K]->Name + "\n";
    O += "};\n\n";
    // Integers are ADGEN_CHECK_INT; array lengths come from the spec
    // (evaluated with those integers) or are ADGEN_CHECK_BUFFER.
    O += "inline State point(adgen_check::Random &rng) {\n  State s{};\n";
    for (size_t K = 0; K < Globals.size(); ++K)
      O += globalCopy(K, "s." + g(K), Globals[K]->Name);
    for (size_t K = 0; K < F.Params.size(); ++K) {
      const Type &Ty = F.Params[K]->Ty;
      if (!Ty.isFloating() && !Ty.IsPointer)
        O += "  s." + a(K) + " = static_cast<" + ty(K) + ">(" +
             (Ty.Scalar == ScalarKind::Bool ? "1" : "ADGEN_CHECK_INT") + ");\n";
    }
    for (size_t K = 0; K < F.Params.size(); ++K) {
      const Type &Ty = F.Params[K]->Ty;
      if (Ty.IsPointer) {
        std::string Len = "ADGEN_CHECK_BUFFER";
        if (!T.Lengths[K].empty()) {
          Len = T.Lengths[K];
          for (size_t J = 0; J < F.Params.size(); ++J)
            Len = replaceName(Len, F.Params[J]->Name, "s." + a(J));
          Len = "static_cast<std::size_t>(" + Len + ")";
        }
        O += "  s." + a(K) + ".resize(" + Len + ");\n";
        if (Ty.isFloating())
          O += "  for (auto &v : s." + a(K) + ") v = static_cast<" + ty(K) + ">(rng.uniform());\n";
      } else if (Ty.isFloating()) {
        O += "  s." + a(K) + " = static_cast<" + ty(K) + ">(rng.uniform());\n";
      }
    }
    O += "  return s;\n}\n\n";
    O += "inline void perturb(State &s, const std::vector<long double> &dir, long double h) {\n"
         "  std::size_t k = 0;\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!T.P.Inputs[K])
        continue;
      if (isArray(K))
        O += "  for (auto &v : s." + a(K) + ") v += static_cast<" + ty(K) + ">(h * dir[k++]);\n";
      else
        O += "  s." + a(K) + " += static_cast<" + ty(K) + ">(h * dir[k++]);\n";
    }
    O += "  (void)s; (void)dir; (void)h; (void)k;\n}\n\n";
  }

  /// Sizes of the flattened inputs and outputs, which adjoint buffers
  /// accumulate, and f's effects (its value, then everything it may write).
  void layouts() {
    auto count = [&](const char *Name, auto Pick, bool Ret) {
      O += std::string("inline std::size_t ") + Name + "(const State &s) {\n  std::size_t n = " +
           (Ret ? "1" : "0") + ";\n";
      for (size_t K = 0; K < F.Params.size(); ++K)
        if (Pick(K))
          O += isArray(K) ? "  n += s." + a(K) + ".size();\n" : "  n += 1;\n";
      O += "  (void)s;\n  return n;\n}\n\n";
    };
    count("num_inputs", [&](size_t K) { return T.P.Inputs[K]; }, false);
    count("num_outputs", [&](size_t K) { return T.P.Outputs[K]; }, retFloat() && T.P.Return);
    O += "inline std::vector<char> accumulates(const State &s) {\n  std::vector<char> m;\n";
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (T.P.isActive(K))
        O += "  m.insert(m.end(), " + std::string(isArray(K) ? "s." + a(K) + ".size()" : "1") +
             ", " + (accumulates(K) ? "1" : "0") + ");\n";
    O += "  (void)s;\n  return m;\n}\n\n";
    O += "inline std::vector<long double> effects(const State &s, long double value) {\n"
         "  std::vector<long double> e{value};\n";
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (F.Params[K]->Ty.isWritable())
        O += isArray(K) ? "  for (auto v : s." + a(K) + ") e.push_back(v);\n"
                        : "  e.push_back(s." + a(K) + ");\n";
    for (size_t K = 0; K < Globals.size(); ++K)
      O += Globals[K]->Ty.ArraySize ? "  for (auto v : s." + g(K) + ") e.push_back(v);\n"
                                    : "  e.push_back(s." + g(K) + ");\n";
    O += "  (void)s;\n  return e;\n}\n\n";
  }

  /// Appends the outputs (the return value first) to `out`, reading
  /// `value` and the state, or the tangent buffers when Tangents.
  void gatherOutputs(bool Tangents) {
    O += "  std::vector<long double> out;\n";
    if (retFloat() && T.P.Return)
      O += std::string("  out.push_back(") + (Tangents ? "tangent" : "value") + ");\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!T.P.Outputs[K])
        continue;
      std::string Src = Tangents ? d(K) : "s." + a(K);
      O += isArray(K) ? "  for (std::size_t i = 0; i < s." + a(K) + ".size(); ++i) out.push_back(" +
                            Src + "[i]);\n"
                      : "  out.push_back(" + Src + ");\n";
    }
  }

  /// run: f on s, which becomes what f leaves; returns the outputs.
  void primal() {
    O += "inline std::vector<long double> run(State &s, std::vector<long double> *eff) {\n";
    buffers("f");
    std::string Call = T.Primal + "(" + join(primalArgs()) + ")";
    O += "  long double value = 0;\n";
    O += retValue() ? "  value = static_cast<long double>(" + Call + ");\n" : "  " + Call + ";\n";
    unbuffer();
    O += "  if (eff) *eff = effects(s, value);\n";
    gatherOutputs(false);
    O += "  return out;\n}\n\n";
    O += "inline std::vector<long double> outputs(State s) { return run(s, nullptr); }\n\n";
  }

  /// tangents: f_fwd along dir; the output tangents, and f's effects.
  void tangents() {
    O += "inline std::vector<long double> tangents(State s, const std::vector<long double> &dir,\n"
         "                                         std::vector<long double> &eff) {\n"
         "  std::size_t k = 0;\n";
    buffers("f_fwd");
    std::vector<std::string> Args = primalArgs();
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!T.P.isActive(K))
        continue;
      std::string Seed = T.P.Inputs[K] ? "static_cast<" + ty(K) + ">(dir[k++])" : "0";
      if (isArray(K)) {
        O += "  adgen_check::Buffer<" + ty(K) + "> " + d(K) + "(s." + a(K) + ".size(), \"f_fwd: d_" +
             F.Params[K]->Name + "\");\n";
        O += "  for (std::size_t i = 0; i < s." + a(K) + ".size(); ++i) " + d(K) + "[i] = " + Seed +
             ";\n";
        Args.push_back(d(K) + ".data()");
      } else {
        O += "  " + ty(K) + " " + d(K) + " = " + Seed + ";\n";
        Args.push_back(d(K));
      }
    }
    std::string Call = T.Fwd + "(" + join(Args) + ")";
    O += "  long double value = 0, tangent = 0;\n";
    if (retFloat())
      O += "  {\n    auto r = " + Call + ";\n    value = r.value;\n    tangent = r.tangent;\n  }\n";
    else if (retValue())
      O += "  value = static_cast<long double>(" + Call + ");\n";
    else
      O += "  " + Call + ";\n";
    O += "  (void)tangent;\n";
    unbuffer();
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (T.P.isActive(K) && isArray(K))
        O += "  " + d(K) + ".check();\n";
    O += "  eff = effects(s, value);\n";
    gatherOutputs(true);
    O += "  return out;\n}\n\n";
  }

  /// adjoints (f_pullback) or grad (f_grad): output adjoints seeded with
  /// scale * bar (f_grad: the return's seed is 1), every accumulating
  /// adjoint buffer pre-filled with pre. Returns all adjoint buffers as
  /// they are on return; `in` gets the inputs' part, `eff` f's effects.
  void adjoints(bool Grad) {
    const std::string &Callee = Grad ? T.Grad : T.Pullback;
    const char *Who = Grad ? "f_grad" : "f_pullback";
    O += std::string("inline std::vector<long double> ") + (Grad ? "grad" : "adjoints") +
         "(State s, const std::vector<long double> &bar, long double scale,\n"
         "    const std::vector<long double> &pre, std::vector<long double> &in,\n"
         "    std::vector<long double> &eff) {\n"
         "  std::size_t k = 0, p = 0;\n";
    buffers(Who);
    std::vector<std::string> Args = primalArgs();
    if (retFloat()) {
      std::string RT = F.ReturnType.valueStr();
      std::string Seed = T.P.Return ? "static_cast<" + RT + ">(scale * bar[k++])" : "0";
      if (Grad) {
        if (T.P.Return)
          O += "  ++k; // f_grad seeds the return value with 1\n";
      } else {
        O += "  " + RT + " d_ret = " + Seed + ";\n";
        Args.push_back("d_ret");
      }
    }
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!T.P.isActive(K))
        continue;
      std::string Seed = T.P.Outputs[K] ? "scale * bar[k++]" : "0";
      std::string V = "static_cast<" + ty(K) + ">(" + Seed + " + pre[p++])";
      if (isArray(K)) {
        O += "  adgen_check::Buffer<" + ty(K) + "> " + d(K) + "(s." + a(K) + ".size(), \"" + Who +
             ": d_" + F.Params[K]->Name + "\");\n";
        O += "  for (std::size_t i = 0; i < s." + a(K) + ".size(); ++i) " + d(K) + "[i] = " + V +
             ";\n";
        Args.push_back(d(K) + ".data()");
      } else {
        O += "  " + ty(K) + " " + d(K) + " = " + V + ";\n";
        Args.push_back("&" + d(K));
      }
    }
    O += "  (void)k; (void)p; (void)scale; (void)bar;\n";
    std::string Call = Callee + "(" + join(Args) + ")";
    O += "  long double value = 0;\n";
    O += retValue() ? "  value = static_cast<long double>(" + Call + ");\n" : "  " + Call + ";\n";
    unbuffer();
    O += "  eff = effects(s, value);\n  std::vector<long double> all;\n  in.clear();\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!T.P.isActive(K))
        continue;
      std::string Push = std::string("{ all.push_back(v); ") + (T.P.Inputs[K] ? "in.push_back(v); " : "") + "}";
      if (isArray(K))
        O += "  " + d(K) + ".check();\n  for (std::size_t i = 0; i < s." + a(K) +
             ".size(); ++i) { long double v = " + d(K) + "[i]; " + Push + " }\n";
      else
        O += "  { long double v = " + d(K) + "; " + Push + " }\n";
    }
    O += "  return all;\n}\n\n";
  }

  /// The scalar type of f_jacobian's and f_hessian's matrix: the outputs'.
  std::string matrixType() {
    if (retFloat())
      return F.ReturnType.valueStr();
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (T.P.Outputs[K])
        return ty(K);
    return "double";
  }

  /// jacobian / hessian: the matrix, row-major, and f's effects.
  void matrix(bool Jacobian) {
    for (bool J : {true, false}) {
      if (J ? T.Jacobian.empty() : T.Hessian.empty())
        continue;
      const char *Who = J ? "f_jacobian" : "f_hessian";
      O += std::string("inline std::vector<long double> ") + (J ? "jacobian" : "hessian") +
           "(State s, std::vector<long double> &eff) {\n";
      O += J ? "  std::size_t rows = num_outputs(s), cols = num_inputs(s);\n"
             : "  std::size_t rows = num_inputs(s), cols = rows;\n";
      buffers(Who);
      O += "  adgen_check::Buffer<" + matrixType() + "> m(rows * cols, \"" + Who + ": the matrix\");\n";
      std::vector<std::string> Args = primalArgs();
      Args.push_back("m.data()");
      O += "  " + (J ? T.Jacobian : T.Hessian) + "(" + join(Args) + ");\n";
      unbuffer();
      O += "  m.check();\n"
           "  eff = effects(s, 0);\n"
           "  std::vector<long double> out;\n"
           "  for (std::size_t i = 0; i < rows * cols; ++i) out.push_back(m[i]);\n"
           "  return out;\n}\n\n";
    }
    (void)Jacobian;
  }

  void check() {
    std::string Label = T.Primal.substr(2);
    auto report = [&](const std::string &What, const std::string &Got, const std::string &Want,
                      const std::string &Tol, const std::string &Noise = "0") {
      O += "    worst = std::max(worst, adgen_check::report(\"" + Label + ": " + What + "\", " + Got +
           ", " + Want + ", " + Tol + ", " + Noise + "));\n";
    };
    auto same = [&](const std::string &What, const std::string &Got) {
      O += "    adgen_check::same(\"" + Label + ": " + What + "\", " + Got + ", e0);\n";
    };
    O += "inline double check(int seed) {\n"
         "  adgen_check::Random rng(seed);\n"
         "  double worst = 0;\n"
         "  for (int trial = 0; trial < ADGEN_CHECK_TRIALS; ++trial) {\n"
         "    State s = point(rng);\n"
         "    std::size_t n = num_inputs(s);\n"
         "    // f itself: its outputs and effects are what every derivative must reproduce.\n"
         "    std::vector<long double> e0;\n"
         "    { State s0 = s; run(s0, &e0); }\n"
         "    std::vector<long double> dir(n);\n"
         "    for (auto &v : dir) v = rng.uniform() - 0.75L;\n"
         "    // Central differences of the outputs along dir.\n"
         "    long double h = adgen_check::step<" + stepType() + ">();\n"
         "    std::vector<long double> fd = adgen_check::central(\n"
         "        [&](long double t) { State q = s; perturb(q, dir, t); return outputs(q); }, h);\n"
         "    long double noise = adgen_check::noise<" + stepType() + ">(e0, h);\n"
         "    std::vector<long double> bar(fd.size());\n"
         "    for (auto &v : bar) v = rng.uniform() - 0.75L;\n"
         "    std::vector<long double> eff;\n";
    if (!T.Fwd.empty()) {
      O += "    std::vector<long double> tan = tangents(s, dir, eff);\n";
      report("forward vs central differences", "tan", "fd", "ADGEN_CHECK_TOL", "noise");
      same("f_fwd returns f's value and has f's effects", "eff");
    }
    if (!T.Pullback.empty()) {
      O += "    std::vector<char> acc = accumulates(s);\n"
           "    std::vector<long double> zero(acc.size()), pre(acc.size()), in, in2;\n"
           "    for (std::size_t i = 0; i < acc.size(); ++i) pre[i] = acc[i] ? 8 * (rng.uniform() - 0.75L) : 0;\n"
           "    std::vector<long double> adj = adjoints(s, bar, 1, zero, in, eff);\n";
      same("f_pullback returns f's value and has f's effects", "eff");
      O += "    long double lhs = adgen_check::dot(in, dir), rhs = adgen_check::dot(bar, fd);\n";
      report("reverse <J^T ybar, xdot> vs <ybar, central differences>", "{lhs}", "{rhs}",
             "ADGEN_CHECK_TOL", "noise * adgen_check::sumAbs(bar)");
      if (!T.Fwd.empty())
        report("forward vs reverse <ybar, J xdot> = <J^T ybar, xdot>", "{lhs}",
               "{adgen_check::dot(bar, tan)}", "1e-10");
      O += "    // The accumulate contract: pre-filled adjoints, a seed that is not 1.\n"
           "    long double scale = -1.375L + 0.5L * trial;\n"
           "    std::vector<long double> got = adjoints(s, bar, scale, pre, in2, eff), want(adj.size());\n"
           "    for (std::size_t i = 0; i < adj.size(); ++i) want[i] = pre[i] + scale * adj[i];\n";
      report("f_pullback with pre-filled adjoints and d_ret != 1 gives pre + d_ret * gradient",
             "got", "want", "1e-10");
      same("f_pullback (pre-filled adjoints) has f's effects", "eff");
      if (!T.Grad.empty()) {
        O += "    std::vector<long double> bar1 = bar;\n";
        if (retFloat() && T.P.Return)
          O += "    bar1[0] = 1;\n";
        O += "    std::vector<long double> g = grad(s, bar, 1, pre, in2, eff);\n"
             "    std::vector<long double> eff2;\n"
             "    std::vector<long double> gwant = adjoints(s, bar1, 1, pre, in2, eff2);\n";
        report("f_grad is f_pullback with d_ret = 1, accumulating", "g", "gwant", "1e-10");
        same("f_grad returns f's value and has f's effects", "eff");
      }
    }
    if (!T.Jacobian.empty()) {
      O += "    {\n"
           "      std::vector<long double> jac = jacobian(s, eff);\n"
           "      std::vector<long double> want = adgen_check::fdJacobian(\n"
           "          n, num_outputs(s),\n"
           "          [&](const std::vector<long double> &e, long double t) { State q = s; perturb(q, e, t); return outputs(q); }, h);\n";
      report("f_jacobian vs central differences", "jac", "want", "ADGEN_CHECK_TOL", "noise");
      O += "    }\n";
      same("f_jacobian has f's effects", "adgen_check::withValue(eff, e0)");
    }
    if (!T.Hessian.empty()) {
      O += "    {\n"
           "      std::vector<long double> hes = hessian(s, eff);\n"
           "      std::vector<long double> want = adgen_check::fdHessian(\n"
           "          n, [&](const std::vector<long double> &e) { State q = s; perturb(q, e, 1); return outputs(q)[0]; },\n"
           "          adgen_check::hstep<" + stepType() + ">());\n";
      report("f_hessian vs second differences of f", "hes", "want", "ADGEN_CHECK_HESSIAN_TOL");
      O += "    }\n";
      same("f_hessian has f's effects", "adgen_check::withValue(eff, e0)");
    }
    O += "    (void)eff; (void)noise;\n  }\n  return worst;\n}\n";
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
  std::vector<const Var *> Globals;
};

const char *Prelude = R"(
// ---- adgen --emit=check: numerical checks of the derivatives above ----
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
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
#ifndef ADGEN_CHECK_HESSIAN_TOL
#define ADGEN_CHECK_HESSIAN_TOL 1e-5
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
/// An array argument with canaries past its end: whatever is called must
/// leave them as they are.
template <typename T> class Buffer {
public:
  static constexpr std::size_t canaries = 4;
  Buffer(const std::vector<T> &from, const char *what) : v(from), n(from.size()), what(what) {
    for (std::size_t i = 0; i < canaries; ++i) v.push_back(canary(i));
  }
  Buffer(std::size_t size, const char *what) : Buffer(std::vector<T>(size), what) {}
  T *data() { return v.data(); }
  T &operator[](std::size_t i) { return v[i]; }
  void check() {
    for (std::size_t i = 0; i < canaries; ++i)
      if (!(v[n + i] == canary(i))) {
        std::printf("FAIL %s: element %zu past the end was written\n", what, n + i);
        ++failures();
        return;
      }
  }
  /// Checks the canaries and copies the contents back.
  void done(std::vector<T> &to) {
    check();
    std::copy(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n), to.begin());
  }

private:
  static T canary(std::size_t i) { return static_cast<T>(-77 - static_cast<int>(i)); }
  std::vector<T> v;
  std::size_t n;
  const char *what;
};
template <typename T> long double step() { return sizeof(T) == sizeof(float) ? 1e-3L : 1e-6L; }
template <typename T> long double hstep() { return sizeof(T) == sizeof(float) ? 3e-2L : 1e-4L; }
inline long double dot(const std::vector<long double> &a, const std::vector<long double> &b) {
  long double s = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) s += a[i] * b[i];
  return s;
}
/// (f(h) - f(-h)) / 2h, elementwise.
template <typename Fn> std::vector<long double> central(Fn f, long double h) {
  std::vector<long double> p = f(h), m = f(-h), d(p.size());
  for (std::size_t i = 0; i < d.size(); ++i) d[i] = (p[i] - m[i]) / (2 * h);
  return d;
}
/// The rows x n Jacobian of outputs(x + t e) by central differences, row-major.
template <typename Fn>
std::vector<long double> fdJacobian(std::size_t n, std::size_t rows, Fn f, long double h) {
  std::vector<long double> jac(rows * n);
  for (std::size_t j = 0; j < n; ++j) {
    std::vector<long double> e(n);
    e[j] = 1;
    std::vector<long double> col = central([&](long double t) { return f(e, t); }, h);
    for (std::size_t i = 0; i < rows && i < col.size(); ++i) jac[i * n + j] = col[i];
  }
  return jac;
}
/// The n x n Hessian of f(x + e) by second differences.
template <typename Fn> std::vector<long double> fdHessian(std::size_t n, Fn f, long double h) {
  std::vector<long double> hes(n * n);
  auto at = [&](std::size_t i, long double si, std::size_t j, long double sj) {
    std::vector<long double> e(n);
    e[i] += si * h;
    e[j] += sj * h;
    return f(e);
  };
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j <= i; ++j) {
      long double v = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h * h);
      hes[i * n + j] = hes[j * n + i] = v;
    }
  return hes;
}
/// The rounding error central differences of step h make on values of
/// magnitude up to |f|: a few hundred ulps of f, divided by 2h. A
/// derivative much smaller than f / h cannot be checked closer than this.
template <typename T> long double noise(const std::vector<long double> &f, long double h) {
  long double m = 0;
  for (long double v : f) m = std::max(m, std::abs(v));
  return 256 * static_cast<long double>(std::numeric_limits<T>::epsilon()) * m / (2 * h);
}
inline long double sumAbs(const std::vector<long double> &v) {
  long double s = 0;
  for (long double x : v) s += std::abs(x);
  return s;
}
/// f_jacobian and f_hessian return nothing: their effects with f's value.
inline std::vector<long double> withValue(std::vector<long double> e, const std::vector<long double> &f) {
  if (!e.empty() && !f.empty()) e[0] = f[0];
  return e;
}
/// The relative error of got against want (by their largest magnitude);
/// prints a line when it is above tol.
inline double report(const char *what, const std::vector<long double> &got,
                     const std::vector<long double> &want, double tol, long double noise = 0) {
  long double err = 0, scale = 1e-12L;
  if (got.size() != want.size()) err = 1e300L;
  for (std::size_t i = 0; i < want.size() && i < got.size(); ++i) {
    scale = std::max(scale, std::max(std::abs(want[i]), std::abs(got[i])));
    err = std::max(err, std::abs(got[i] - want[i]));
  }
  double rel = static_cast<double>(err / scale);
  if (!(rel <= tol) && !(err <= noise)) {
    std::printf("FAIL %s: relative error %.3g > %.3g\n", what, rel, tol);
    ++failures();
  }
  return rel != rel ? 1e300 : rel;
}
/// What a generated function leaves (its value, the memory it writes) must
/// be what f leaves, to rounding.
inline void same(const char *what, const std::vector<long double> &got,
                 const std::vector<long double> &want) {
  for (std::size_t i = 0; i < want.size() && i < got.size(); ++i) {
    long double g = got[i], w = want[i];
    bool ok = (g != g && w != w) || std::abs(g - w) <= 1e-12L * std::max<long double>(1, std::abs(w));
    if (!ok) {
      std::printf("FAIL %s: %s %zu is %.17Lg, f gives %.17Lg\n", what, i ? "written element" : "value",
                  i ? i - 1 : i, g, w);
      ++failures();
      return;
    }
  }
}
} // namespace adgen_check

)";

} // namespace

std::string adgen::emitCheckMain(const std::vector<CheckTarget> &Targets) {
  std::string Out = Prelude;
  for (size_t I = 0; I < Targets.size(); ++I)
    Out += Writer(Targets[I], unsigned(I)).run();
  Out += "int main() {\n  int failed = 0;\n";
  if (Targets.empty())
    Out += "  std::printf(\"nothing to check: no function has a forward or reverse mode, \"\n"
           "              \"Jacobian or Hessian derivative here\\n\");\n  return 1;\n";
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
