//===- Emit/CheckEmitter.cpp - A program that checks the derivatives -------===//
//
// For each target the program holds f's arguments in a generated struct
// (adgen_state), so that every evaluation starts from the same point with fresh
// copies of the arrays f may overwrite. Arrays are handed to f and to the
// derivatives in buffers with canaries past their end. Inputs and outputs
// are flattened in parameter order (the return value first), as in
// f_jacobian's layout; "adjoint buffers" are every active parameter's
// adjoint, flattened in parameter order.
//
//===----------------------------------------------------------------------===//

#include "Emit/CheckEmitter.h"
#include "Emit/CheckPrelude.h"
#include "Emit/PrivateAccess.h"
#include "Analysis/GlobalEffects.h"
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
  for (const Var *R : adgen::writtenGlobals(F))
    if (!R->Ty.Rec && !R->Ty.isContainer() && !R->Ty.IsPointer && Seen.insert(R->Name).second)
      Out.push_back(R);
  return Out;
}

/// The value a parameter of type \p T holds in the checker's adgen_state: the
/// element type for a scalar or struct, a std::vector of elements for a
/// pointer (an array), the container itself for a container.
std::string valueType(const Type &T) {
  Type V = T;
  V.IsConst = V.IsReference = false;
  V.PointeeConst = false;
  if (V.IsPointer && !V.isContainer()) {
    V.IsPointer = false;
    V.IsVector = true;
  }
  V.IsPointer = false;
  return V.str();
}

/// Every struct reachable from \p T's fields, innermost first.
void collectRecords(const Type &T, std::vector<const Record *> &Out) {
  if (!T.Rec || std::find(Out.begin(), Out.end(), T.Rec) != Out.end())
    return;
  for (const Record::Field &Fd : T.Rec->Fields)
    collectRecords(Fd.Ty, Out);
  Out.push_back(T.Rec);
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
    O += ".\nnamespace adgen_check_" + I + " {\n"
         "using adgen_check::visit;\nusing adgen_check::floats;\n";
    state();
    layouts();
    primal();
    if (!T.Fwd.empty())
      tangents();
    if (!T.Fwd.empty() && !T.FwdVec.empty() && vectorCheckable())
      vectorTangents();
    if (!T.Pullback.empty())
      adjoints(false);
    if (!T.Grad.empty())
      adjoints(true);
    matrix();
    check();
    O += "} // namespace adgen_check_" + I + "\n\n";
    return O;
  }

private:
  std::string a(size_t K) { return "a" + std::to_string(K); }
  std::string d(size_t K) { return "d" + std::to_string(K); }
  std::string g(size_t K) { return "g" + std::to_string(K); }
  const Type &pty(size_t K) { return F.Params[K]->Ty; }
  /// An array parameter (a pointer), held as a std::vector and passed as a
  /// canaried buffer.
  bool isArray(size_t K) { return pty(K).IsPointer && !pty(K).isContainer(); }
  std::string vty(size_t K) { return valueType(pty(K)); }
  std::string elem(size_t K) { return pty(K).element().valueStr(); }
  bool retFloat() { return !F.ReturnsVoid && F.ReturnType.isFloating(); }
  bool retValue() { return !F.ReturnsVoid; }
  bool retRecord() { return retFloat() && F.ReturnType.Rec; }
  /// The adjoint of an input that f cannot write accumulates; the adjoint of
  /// an output, or of memory f may overwrite, is a seed on entry (contract).
  bool accumulates(size_t K) {
    return T.P.Inputs[K] && !T.P.Outputs[K] && !pty(K).isWritable();
  }
  /// To = From for a global's value (element by element for an array).
  std::string globalCopy(size_t K, const std::string &To, const std::string &From) {
    if (!Globals[K]->Ty.ArraySize)
      return "  " + To + " = " + From + ";\n";
    return "  for (std::size_t i = 0; i < " + std::to_string(Globals[K]->Ty.ArraySize) + "; ++i) " +
           To + "[i] = " + From + "[i];\n";
  }
  /// For each array parameter, a canaried buffer of f's own argument; the
  /// globals f writes get the state's values.
  void buffers(const char *Who) {
    for (size_t K = 0; K < Globals.size(); ++K)
      O += globalCopy(K, Globals[K]->Name, "s." + g(K));
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (isArray(K))
        O += "  adgen_check::Buffer<" + elem(K) + "> b" + std::to_string(K) + "(s." + a(K) +
             ", \"" + Who + ": " + F.Params[K]->Name + "\");\n";
  }
  std::vector<std::string> primalArgs() {
    std::vector<std::string> Args;
    for (size_t K = 0; K < F.Params.size(); ++K)
      Args.push_back(isArray(K) ? "b" + std::to_string(K) + ".data()" : "s." + a(K));
    return Args;
  }
  /// Copies f's arrays and the globals back into the state, checking canaries.
  void unbuffer() {
    for (size_t K = 0; K < Globals.size(); ++K)
      O += globalCopy(K, "s." + g(K), Globals[K]->Name);
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (isArray(K))
        O += "  b" + std::to_string(K) + ".done(s." + a(K) + ");\n";
  }
  /// A derivative variable shaped like parameter K: a canaried buffer for an
  /// array, else a value of the parameter's type.
  void derivativeVar(size_t K, const char *Who) {
    if (isArray(K))
      O += "  adgen_check::Buffer<" + elem(K) + "> " + d(K) + "(s." + a(K) + ".size(), \"" + Who +
           ": d_" + F.Params[K]->Name + "\");\n";
    else
      O += "  " + vty(K) + " " + d(K) + " = adgen_check::zeroLike(s." + a(K) + ");\n";
  }

  /// `{}`, or for a class with a constructor or default member initialisers
  /// (and std::array of them), where `S{}` is not zero or does not compile,
  /// ` = adgen_check::zero<S>()`.
  static std::string zeroInit(const Type &Ty, const std::string &Spelled) {
    if (Ty.Rec && !Ty.Rec->ZeroWhenValueInitialised && !Ty.IsVector && !Ty.IsPointer)
      return " = adgen_check::zero<" + Spelled + ">()";
    return "{}";
  }

  /// struct adgen_state, a random point, and perturbation along a direction.
  void state() {
    O += "struct adgen_state {\n";
    for (size_t K = 0; K < F.Params.size(); ++K)
      O += "  " + vty(K) + " " + a(K) + zeroInit(pty(K), vty(K)) + ";\n";
    // Globals f writes: every call starts from the same values, and what f
    // leaves in them is one of its effects.
    for (size_t K = 0; K < Globals.size(); ++K)
      O += "  " + Globals[K]->Ty.valueStr() + " " + g(K) +
           (Globals[K]->Ty.ArraySize ? "[" + std::to_string(Globals[K]->Ty.ArraySize) + "]" : "") +
           "; // " + Globals[K]->Name + "\n";
    O += "};\n\n";
    // Integers are ADGEN_CHECK_INT; array and vector lengths come from the
    // spec (evaluated with those integers) or are ADGEN_CHECK_BUFFER;
    // floating-point values anywhere inside are drawn at random.
    O += "inline adgen_state point(adgen_check::Random &rng) {\n  adgen_state s{};\n";
    for (size_t K = 0; K < Globals.size(); ++K)
      O += globalCopy(K, "s." + g(K), Globals[K]->Name);
    for (size_t K = 0; K < F.Params.size(); ++K) {
      const Type &Ty = pty(K);
      if (!Ty.isFloating() && !Ty.isMemory() && !Ty.Opaque) // opaque: its default value
        O += "  s." + a(K) + " = static_cast<" + vty(K) + ">(" +
             (Ty.Scalar == ScalarKind::Bool ? "1" : "ADGEN_CHECK_INT") + ");\n";
    }
    for (size_t K = 0; K < F.Params.size(); ++K) {
      const Type &Ty = pty(K);
      if (isArray(K) || Ty.IsVector) {
        std::string Len = "ADGEN_CHECK_BUFFER";
        if (!T.Lengths[K].empty()) {
          Len = "static_cast<std::size_t>(" + stateNames(T.Lengths[K]) + ")";
        }
        O += "  s." + a(K) + ".resize(" + Len + ");\n";
      }
      if (Ty.isFloating())
        O += "  floats(s." + a(K) + ", [&](auto &v) { v = static_cast<std::decay_t<decltype(v)>>(rng.uniform()); });\n";
    }
    O += "  return s;\n}\n\n";
    O += "inline void perturb(adgen_state &s, const std::vector<long double> &dir, long double h) {\n"
         "  std::size_t k = 0;\n";
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (T.P.Inputs[K])
        O += "  floats(s." + a(K) + ", [&](auto &v) { v += static_cast<std::decay_t<decltype(v)>>(h * dir[k++]); });\n";
    O += "  (void)s; (void)dir; (void)h; (void)k;\n}\n\n";
  }

  /// Sizes of the flattened inputs and outputs, which adjoint entries
  /// accumulate, and f's effects (its value, then everything it may write).
  void layouts() {
    auto count = [&](const char *Name, auto Pick, bool Ret) {
      O += std::string("inline std::size_t ") + Name + "(adgen_state s) {\n  std::size_t n = 0;\n";
      if (Ret)
        O += retRecord() ? "  { " + F.ReturnType.element().valueStr() +
                               " r" + zeroInit(F.ReturnType, F.ReturnType.element().valueStr()) + ";\n    floats(r, [&](auto &) { ++n; });\n  }\n"
                         : "  n += 1;\n";
      for (size_t K = 0; K < F.Params.size(); ++K)
        if (Pick(K))
          O += "  floats(s." + a(K) + ", [&](auto &) { ++n; });\n";
      O += "  (void)s;\n  return n;\n}\n\n";
    };
    count("num_inputs", [&](size_t K) { return T.P.Inputs[K]; }, false);
    count("num_outputs", [&](size_t K) { return T.P.Outputs[K]; }, retFloat() && T.P.Return);
    O += "inline std::vector<char> accumulates(adgen_state s) {\n  std::vector<char> m;\n";
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (T.P.isActive(K))
        O += "  floats(s." + a(K) + ", [&](auto &) { m.push_back(" + (accumulates(K) ? "1" : "0") +
             "); });\n";
    O += "  (void)s;\n  return m;\n}\n\n";
    O += "inline std::vector<long double> effects(adgen_state s, const std::vector<long double> &value) {\n"
         "  std::vector<long double> e = value;\n";
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (pty(K).isWritable())
        O += "  visit(s." + a(K) + ", [&](auto &v) { e.push_back(static_cast<long double>(v)); });\n";
    for (size_t K = 0; K < Globals.size(); ++K)
      O += "  visit(s." + g(K) + ", [&](auto &v) { e.push_back(static_cast<long double>(v)); });\n";
    O += "  (void)s;\n  return e;\n}\n\n";
  }

  /// `value` (a vector: f's value flattened, empty for void) from Call.
  void callForValue(const std::string &Call, bool Dual) {
    O += "  std::vector<long double> value;\n";
    if (!retValue()) {
      O += "  " + Call + ";\n";
      return;
    }
    O += "  {\n    auto r = " + Call + ";\n";
    std::string V = Dual ? "r.value" : "r";
    if (F.ReturnType.Rec)
      O += "    visit(" + V + ", [&](auto &v) { value.push_back(static_cast<long double>(v)); });\n";
    else
      O += "    value.push_back(static_cast<long double>(" + V + "));\n";
    if (Dual) {
      if (F.ReturnType.Rec)
        O += "    floats(r.tangent, [&](auto &v) { tangent.push_back(v); });\n";
      else
        O += "    tangent.push_back(r.tangent);\n";
    } else if (retFloat() && T.P.Return) {
      if (F.ReturnType.Rec)
        O += "    floats(r, [&](auto &v) { out.push_back(v); });\n";
      else
        O += "    out.push_back(r);\n";
    }
    O += "  }\n";
  }

  /// run: f on s, which becomes what f leaves; returns the outputs.
  void primal() {
    O += "inline std::vector<long double> run(adgen_state &s, std::vector<long double> *eff) {\n"
         "  std::vector<long double> out;\n";
    buffers("f");
    std::vector<std::string> Args = primalArgs();
    std::string Call = T.Primal + "(" + join(Args) + ")";
    if (!T.Method.empty()) { // self.m(args...)
      std::string Self = Args.front();
      if (T.RvalueThis)
        Self = "static_cast<std::decay_t<decltype(" + Self + ")> &&>(" + Self + ")";
      Args.erase(Args.begin());
      Call = (T.MethodPointer.empty() ? Self + "." + T.Method
                                      : "(" + Self + ".*" + T.MethodPointer + ")") +
             "(" + join(Args) + ")";
    }
    callForValue(Call, false);
    unbuffer();
    O += "  if (eff) *eff = effects(s, value);\n";
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (T.P.Outputs[K])
        O += "  floats(s." + a(K) + ", [&](auto &v) { out.push_back(v); });\n";
    O += "  return out;\n}\n\n";
    O += "inline std::vector<long double> outputs(adgen_state s) { return run(s, nullptr); }\n\n";
  }

  /// tangents: f_fwd along dir; the output tangents, and f's effects.
  void tangents() {
    O += "inline std::vector<long double> tangents(adgen_state s, const std::vector<long double> &dir,\n"
         "                                         std::vector<long double> &eff) {\n"
         "  std::size_t k = 0;\n  std::vector<long double> tangent;\n";
    buffers("f_fwd");
    std::vector<std::string> Args = primalArgs();
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!T.P.isActive(K))
        continue;
      derivativeVar(K, "f_fwd");
      if (T.P.Inputs[K])
        O += "  floats(" + d(K) + ", [&](auto &v) { v = static_cast<std::decay_t<decltype(v)>>(dir[k++]); });\n";
      Args.push_back(isArray(K) ? d(K) + ".data()" : d(K));
    }
    callForValue(T.Fwd + "(" + join(Args) + ")", retFloat());
    unbuffer();
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (T.P.isActive(K) && isArray(K))
        O += "  " + d(K) + ".check();\n";
    O += "  eff = effects(s, value);\n  std::vector<long double> out;\n";
    if (retFloat() && T.P.Return)
      O += "  out = tangent;\n";
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (T.P.Outputs[K])
        O += "  floats(" + d(K) + ", [&](auto &v) { out.push_back(v); });\n";
    O += "  (void)k;\n  return out;\n}\n\n";
  }

  /// f_fwd_vec is checked where its parameters are numbers and arrays of
  /// numbers (its layout for those is plain: d_x[e * k + j], d_a[j]).
  bool vectorCheckable() {
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (T.P.isActive(K) && (pty(K).Rec || pty(K).isContainer() || (pty(K).IsPointer && !isArray(K))))
        return false;
    return !(retValue() && F.ReturnType.Rec);
  }
  /// vtangents: f_fwd_vec with dirs.size() directions in one call; per
  /// direction, the outputs' tangents in tangents()'s order.
  void vectorTangents() {
    O += "inline std::vector<std::vector<long double>> vtangents(adgen_state s,\n"
         "    const std::vector<std::vector<long double>> &dirs, std::vector<long double> &eff) {\n"
         "  const std::size_t kdir = dirs.size();\n  std::size_t k = 0;\n";
    buffers("f_fwd_vec");
    std::vector<std::string> Args = primalArgs();
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!T.P.isActive(K))
        continue;
      std::string E = elem(K), Cast = "static_cast<" + E + ">(dirs[j][k])";
      if (isArray(K)) {
        O += "  adgen_check::Buffer<" + E + "> " + d(K) + "(s." + a(K) + ".size() * kdir, \"f_fwd_vec: d_" +
             F.Params[K]->Name + "\");\n";
        if (T.P.Inputs[K])
          O += "  for (std::size_t e = 0; e < s." + a(K) + ".size(); ++e, ++k)\n"
               "    for (std::size_t j = 0; j < kdir; ++j) " + d(K) + "[e * kdir + j] = " + Cast + ";\n";
      } else {
        O += "  std::vector<" + E + "> " + d(K) + "(kdir);\n";
        if (T.P.Inputs[K])
          O += "  for (std::size_t j = 0; j < kdir; ++j) " + d(K) + "[j] = " + Cast + ";\n  ++k;\n";
      }
      Args.push_back(d(K) + ".data()");
    }
    Args.push_back("static_cast<int>(kdir)");
    if (retFloat()) {
      O += "  std::vector<" + F.ReturnType.element().valueStr() + "> dret(kdir);\n";
      Args.push_back("dret.data()");
    }
    O += "  std::vector<long double> value;\n";
    std::string Call = T.FwdVec + "(" + join(Args) + ")";
    O += retValue() ? "  value.push_back(static_cast<long double>(" + Call + "));\n" : "  " + Call + ";\n";
    unbuffer();
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (T.P.isActive(K) && isArray(K))
        O += "  " + d(K) + ".check();\n";
    O += "  eff = effects(s, value);\n  std::vector<std::vector<long double>> out(kdir);\n"
         "  for (std::size_t j = 0; j < kdir; ++j) {\n";
    if (retFloat() && T.P.Return)
      O += "    out[j].push_back(dret[j]);\n";
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (T.P.Outputs[K])
        O += isArray(K) ? "    for (std::size_t e = 0; e < s." + a(K) + ".size(); ++e) out[j].push_back(" + d(K) +
                              "[e * kdir + j]);\n"
                        : "    out[j].push_back(" + d(K) + "[j]);\n";
    O += "  }\n  (void)k;\n  return out;\n}\n\n";
  }

  /// adjoints (f_pullback) or grad (f_grad): output adjoints seeded with
  /// scale * bar (f_grad: the return's seed is 1), every accumulating
  /// adjoint entry pre-filled with pre. Returns all adjoint entries as they
  /// are on return; `in` gets the inputs' part, `eff` f's effects.
  void adjoints(bool Grad) {
    const std::string &Callee = Grad ? T.Grad : T.Pullback;
    const char *Who = Grad ? "f_grad" : "f_pullback";
    O += std::string("inline std::vector<long double> ") + (Grad ? "grad" : "adjoints") +
         "(adgen_state s, const std::vector<long double> &bar, long double scale,\n"
         "    const std::vector<long double> &pre, std::vector<long double> &in,\n"
         "    std::vector<long double> &eff) {\n"
         "  std::size_t k = 0, p = 0;\n  std::vector<long double> out;\n";
    buffers(Who);
    std::vector<std::string> Args = primalArgs();
    if (retFloat()) {
      std::string RT = F.ReturnType.element().valueStr();
      if (Grad) {
        if (T.P.Return)
          O += "  ++k; // f_grad seeds the return value with 1\n";
      } else {
        O += "  " + RT + " d_ret" + zeroInit(F.ReturnType, RT) + ";\n";
        if (T.P.Return)
          O += "  floats(d_ret, [&](auto &v) { v = static_cast<std::decay_t<decltype(v)>>(scale * bar[k++]); });\n";
        Args.push_back("d_ret");
      }
    }
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!T.P.isActive(K))
        continue;
      derivativeVar(K, Who);
      std::string Seed = T.P.Outputs[K] ? "scale * bar[k++]" : "0";
      O += "  floats(" + d(K) + ", [&](auto &v) { v = static_cast<std::decay_t<decltype(v)>>(" + Seed +
           " + pre[p++]); });\n";
      Args.push_back(isArray(K) ? d(K) + ".data()" : "&" + d(K));
    }
    O += "  (void)k; (void)p; (void)scale; (void)bar;\n";
    callForValue(Callee + "(" + join(Args) + ")", false);
    unbuffer();
    O += "  eff = effects(s, value);\n  std::vector<long double> all;\n  in.clear();\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!T.P.isActive(K))
        continue;
      if (isArray(K))
        O += "  " + d(K) + ".check();\n";
      O += "  floats(" + d(K) + ", [&](auto &v) { all.push_back(v);" +
           (T.P.Inputs[K] ? " in.push_back(v);" : "") + " });\n";
    }
    O += "  (void)out;\n  return all;\n}\n\n";
  }

  /// The scalar type of f_jacobian's and f_hessian's matrix: the outputs'.
  std::string matrixType() {
    // A struct's or a container of structs' numbers are of its precision.
    auto number = [](const Type &Ty) {
      if (!Ty.Rec)
        return Ty.element().valueStr();
      return std::string(Ty.Scalar == ScalarKind::Float        ? "float"
                         : Ty.Scalar == ScalarKind::LongDouble ? "long double"
                                                               : "double");
    };
    if (retFloat() && T.P.Return)
      return number(F.ReturnType);
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (T.P.Outputs[K])
        return number(pty(K));
    return retFloat() ? number(F.ReturnType) : "double";
  }

  /// jacobian / hessian: the matrix, row-major, and f's effects.
  void matrix() {
    for (bool J : {true, false}) {
      if (J ? T.Jacobian.empty() : T.Hessian.empty())
        continue;
      const char *Who = J ? "f_jacobian" : "f_hessian";
      O += std::string("inline std::vector<long double> ") + (J ? "jacobian" : "hessian") +
           "(adgen_state s, std::vector<long double> &eff) {\n";
      O += J ? "  std::size_t rows = num_outputs(s), cols = num_inputs(s);\n"
             : "  std::size_t rows = num_inputs(s), cols = rows;\n";
      buffers(Who);
      O += "  adgen_check::Buffer<" + matrixType() + "> m(rows * cols, \"" + Who + ": the matrix\");\n";
      std::vector<std::string> Args = primalArgs();
      Args.push_back("m.data()");
      O += "  " + (J ? T.Jacobian : T.Hessian) + "(" + join(Args) + ");\n";
      unbuffer();
      O += "  m.check();\n"
           "  eff = effects(s, {});\n"
           "  std::vector<long double> out;\n"
           "  for (std::size_t i = 0; i < rows * cols; ++i) out.push_back(m[i]);\n"
           "  return out;\n}\n\n";
    }
  }

  void check() {
    std::string Label = T.Primal.substr(2);
    auto report = [&](const std::string &What, const std::string &Got, const std::string &Want,
                      const std::string &Tol, const std::string &Noise = "0") {
      O += "    worst = std::max(worst, adgen_check::report(\"" + Label + ": " + What + "\", " + Got +
           ", " + Want + ", " + Tol + ", " + Noise + "));\n";
    };
    auto same = [&](const std::string &What, const std::string &Got,
                    const std::string &Want = "e0") {
      O += "    adgen_check::same(\"" + Label + ": " + What + "\", " + Got + ", " + Want + ");\n";
    };
    O += "inline double check(int seed) {\n"
         "  adgen_check::Random rng(seed);\n"
         "  double worst = 0;\n"
         "  for (int trial = 0; trial < ADGEN_CHECK_TRIALS; ++trial) {\n"
         "    adgen_state s = point(rng);\n"
         "    std::size_t n = num_inputs(s);\n"
         "    // f itself: its outputs and effects are what every derivative must reproduce.\n"
         "    std::vector<long double> e0;\n"
         "    { adgen_state s0 = s; run(s0, &e0); }\n"
         "    std::vector<long double> dir(n);\n"
         "    for (auto &v : dir) v = rng.uniform() - 0.75L;\n"
         "    // Central differences of the outputs along dir.\n"
         "    long double h = adgen_check::step<" + stepType() + ">();\n"
         "    auto along = [&](long double t) { adgen_state q = s; perturb(q, dir, t); return outputs(q); };\n"
         "    std::vector<long double> fd = adgen_check::central(along, h);\n"
         "    long double noise = adgen_check::noise<" + stepType() + ">(e0, h);\n"
         "    long double fdnoise = adgen_check::refine<" + stepType() + ">(along, fd, h, e0, ADGEN_CHECK_TOL);\n"
         "    std::vector<long double> bar(fd.size());\n"
         "    for (auto &v : bar) v = rng.uniform() - 0.75L;\n"
         "    std::vector<long double> eff;\n";
    if (!T.Fwd.empty()) {
      O += "    std::vector<long double> tan = tangents(s, dir, eff);\n";
      report("forward vs central differences", "tan", "fd", "ADGEN_CHECK_TOL", "fdnoise");
      same("f_fwd returns f's value and has f's effects", "eff");
    }
    if (!T.Fwd.empty() && !T.FwdVec.empty() && vectorCheckable()) {
      // Three directions in one f_fwd_vec call, the first dir, the others
      // from their own generator (the points of the other checks stay).
      O += "    {\n"
           "      adgen_check::Random rv(7919 + trial);\n"
           "      std::vector<std::vector<long double>> dirs(3, dir);\n"
           "      for (std::size_t j = 1; j < dirs.size(); ++j)\n"
           "        for (auto &v : dirs[j]) v = rv.uniform() - 0.75L;\n"
           "      std::vector<std::vector<long double>> vt = vtangents(s, dirs, eff);\n";
      same("f_fwd_vec returns f's value and has f's effects", "eff");
      O += "      for (std::size_t j = 0; j < dirs.size(); ++j) {\n"
           "        std::vector<long double> effj, tj = tangents(s, dirs[j], effj);\n";
      report("f_fwd_vec direction j vs f_fwd along it", "vt[j]", "tj", exactTol());
      O += "      }\n    }\n";
    }
    if (!T.Pullback.empty()) {
      O += "    std::vector<char> acc = accumulates(s);\n"
           "    std::vector<long double> zero(acc.size()), pre(acc.size()), in, in2;\n"
           "    for (std::size_t i = 0; i < acc.size(); ++i) pre[i] = acc[i] ? 8 * (rng.uniform() - 0.75L) : 0;\n"
           "    std::vector<long double> adj = adjoints(s, bar, 1, zero, in, eff);\n";
      same("f_pullback returns f's value and has f's effects", "eff");
      O += "    long double lhs = adgen_check::dot(in, dir), rhs = adgen_check::dot(bar, fd);\n";
      report("reverse <J^T ybar, xdot> vs <ybar, central differences>", "{lhs}", "{rhs}",
             "ADGEN_CHECK_TOL", "fdnoise * adgen_check::sumAbs(bar)");
      if (!T.Fwd.empty())
        report("forward vs reverse <ybar, J xdot> = <J^T ybar, xdot>", "{lhs}",
               "{adgen_check::dot(bar, tan)}", exactTol());
      O += "    // The accumulate contract: pre-filled adjoints, a seed that is not 1.\n"
           "    long double scale = -1.375L + 0.5L * trial;\n"
           "    std::vector<long double> got = adjoints(s, bar, scale, pre, in2, eff), want(adj.size());\n"
           "    for (std::size_t i = 0; i < adj.size(); ++i) want[i] = pre[i] + scale * adj[i];\n";
      report("f_pullback with pre-filled adjoints and d_ret != 1 gives pre + d_ret * gradient",
             "got", "want", exactTol());
      same("f_pullback (pre-filled adjoints) has f's effects", "eff");
      if (!T.Grad.empty()) {
        O += "    std::vector<long double> bar1 = bar;\n";
        if (retFloat() && T.P.Return)
          O += "    bar1[0] = 1;\n";
        O += "    std::vector<long double> g = grad(s, bar, 1, pre, in2, eff);\n"
             "    std::vector<long double> eff2;\n"
             "    std::vector<long double> gwant = adjoints(s, bar1, 1, pre, in2, eff2);\n";
        report("f_grad is f_pullback with d_ret = 1, accumulating", "g", "gwant", exactTol());
        same("f_grad returns f's value and has f's effects", "eff");
      }
    }
    if (!T.Jacobian.empty()) {
      O += "    {\n"
           "      std::vector<long double> jac = jacobian(s, eff);\n"
           "      std::vector<long double> want = adgen_check::fdJacobian(\n"
           "          n, num_outputs(s),\n"
           "          [&](const std::vector<long double> &e, long double t) { adgen_state q = s; perturb(q, e, t); return outputs(q); }, h);\n";
      report("f_jacobian vs central differences", "jac", "want", "ADGEN_CHECK_TOL", "noise");
      O += "    }\n";
      same("f_jacobian has f's effects", "eff", "adgen_check::withoutValue(e0, eff)");
    }
    if (!T.Hessian.empty()) {
      O += "    {\n"
           "      std::vector<long double> hes = hessian(s, eff);\n"
           "      long double fmax = 0;\n"
           "      std::vector<long double> want = adgen_check::fdHessian(\n"
           "          n, [&](const std::vector<long double> &e) { adgen_state q = s; perturb(q, e, 1); return outputs(q)[0]; },\n"
           "          adgen_check::hstep<" + stepType() + ">(), fmax);\n";
      report("f_hessian vs second differences of f", "hes", "want", "adgen_check::htol<" + stepType() + ">()",
             "adgen_check::hnoise<" + stepType() + ">(fmax, adgen_check::hstep<" + stepType() + ">())");
      O += "    }\n";
      same("f_hessian has f's effects", "eff", "adgen_check::withoutValue(e0, eff)");
    }
    O += "    (void)eff; (void)noise; (void)fdnoise;\n  }\n  return worst;\n}\n";
  }

  /// How closely two derivatives that differ only by rounding must agree:
  /// float arithmetic rounds at about 6e-8, not 1e-16.
  std::string exactTol() { return stepType() == "float" ? "1e-5" : "1e-10"; }

  /// float when an input is float or f rounds through float anywhere (a
  /// float local or temporary, a cast to float, a float result): central differences then
  /// carry float's rounding noise, so steps and noise use float's epsilon.
  /// Double-only functions keep double's.
  std::string stepType() {
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (T.P.Inputs[K] && pty(K).Scalar == ScalarKind::Float)
        return "float";
    if (!F.ReturnsVoid && F.ReturnType.Scalar == ScalarKind::Float)
      return "float";
    for (const Var &V : F.Vars)
      if (V.Ty.Scalar == ScalarKind::Float)
        return "float";
    bool Rounds = false; // a cast: static_cast<float>(x) * x
    forEachStmt(F.Body, [&](Stmt *S) {
      auto note = [&](const Expr *E) {
        forEachExpr(E, [&](const Expr *N) { Rounds |= N->Ty.Scalar == ScalarKind::Float; });
      };
      note(S->Value);
      for (const Expr *A : S->Args)
        note(A);
    });
    return Rounds ? "float" : "double";
  }

  static std::string join(const std::vector<std::string> &L) {
    std::string S;
    for (size_t I = 0; I < L.size(); ++I)
      S += (I ? ", " : "") + L[I];
    return S;
  }

  /// \p Expr (a spec's length) with every parameter's name made its field
  /// of the state, `s.aK`, in one pass: a replacement is never read again
  /// (a parameter named `s` or `a0`), and member names (after `.`, `->`,
  /// `::`) stay.
  std::string stateNames(const std::string &Expr) {
    std::string Out;
    auto word = [](char C) { return std::isalnum(static_cast<unsigned char>(C)) || C == '_'; };
    for (size_t I = 0; I < Expr.size();) {
      if (!word(Expr[I])) {
        Out += Expr[I++];
        continue;
      }
      size_t E = I;
      while (E < Expr.size() && word(Expr[E]))
        ++E;
      std::string Tok = Expr.substr(I, E - I);
      bool Member = I > 0 && (Expr[I - 1] == '.' || (I > 1 && Expr.compare(I - 2, 2, "->") == 0) ||
                              (I > 1 && Expr.compare(I - 2, 2, "::") == 0));
      bool Done = false;
      for (size_t J = 0; J < F.Params.size() && !Member && !Done; ++J)
        if (F.Params[J]->Name == Tok)
          Out += "s." + a(J), Done = true;
      if (!Done)
        Out += Tok;
      I = E;
    }
    return Out;
  }

  const CheckTarget &T;
  const Function &F;
  std::string I;
  std::string O;
  std::vector<const Var *> Globals;
};

} // namespace

std::string adgen::emitCheckMain(const std::vector<CheckTarget> &Targets) {
  std::string Out = CheckPrelude;
  // Visitors of the structs the checked functions take or return: declared
  // before the container visitors that may call them, defined after.
  std::vector<const Record *> Records;
  for (const CheckTarget &T : Targets) {
    for (const Var *P : T.F->Params)
      collectRecords(P->Ty, Records);
    if (!T.F->ReturnsVoid)
      collectRecords(T.F->ReturnType, Records);
  }
  for (const Record *R : Records)
    Out += "template <typename F> void visit(" + R->Spelling + " &x, F &&f);\n";
  Out += "} // namespace adgen_check\n\n";
  Out += CheckPreludeVisitors;
  // Private and protected fields and marked methods are reached through
  // accessors of the checker's own (see Emit/PrivateAccess.h), declared
  // before the visitors.
  PrivateAccess Access("adgen_check_");
  std::vector<CheckTarget> Checked = Targets;
  for (CheckTarget &T : Checked)
    if (!T.MethodAccess.empty())
      T.MethodPointer = Access.pointer(T.MethodAccess);
  std::string Visitors;
  if (!Records.empty()) {
    Visitors = "namespace adgen_check {\n";
    for (const Record *R : Records) {
      Visitors += "template <typename F> void visit(" + R->Spelling + " &x, F &&f) {\n";
      for (const Record::Field &Fd : R->Fields)
        Visitors += R->Complex ? "  visit(adgen::" + Fd.Name + "(x), f);\n"
                    : R->Tuple ? "  visit(std::get<" + Fd.Name + ">(x), f);\n"
                    : Fd.Private.empty()
                        ? "  visit(x." + Fd.Name + ", f);\n"
                        : "  visit(x.*" + Access.pointer(Fd.Private) + ", f);\n";
      Visitors += "  (void)x; (void)f;\n}\n";
    }
    Visitors += "} // namespace adgen_check\n\n";
  }
  Out += Access.declarations() + Visitors;
  for (size_t I = 0; I < Checked.size(); ++I)
    Out += Writer(Checked[I], unsigned(I)).run();
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
