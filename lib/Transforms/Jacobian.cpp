//===- Transforms/Jacobian.cpp - f_jacobian from forward and reverse mode -===//
//
// The Jacobian has one row per output element and one column per input
// element (numerator layout, row-major). Forward mode gives a column per run
// (seed one input direction), reverse mode a row per run (seed one output
// adjoint); f_jacobian takes the cheaper direction at run time, when the
// array lengths are known, unless --jacobian-mode fixes it. Every run starts
// from f's inputs as they were on entry (arrays f overwrites are restored),
// so the last run leaves f's effects.
//
//===----------------------------------------------------------------------===//

#include "Transforms/Differentiator.h"

using namespace adgen;
using namespace adgen::graph;

namespace {

std::string scalarType(const Type &T) {
  Type S = T.element();
  S.IsConst = false;
  return S.str();
}

bool writable(const Type &T) {
  return (T.IsPointer && !T.PointeeConst) || (T.IsReference && !T.IsConst);
}

std::string qualify(const Function &G) {
  std::string S = "::";
  for (const std::string &NS : G.Namespaces)
    if (!NS.empty())
      S += NS + "::";
  return S + G.Name;
}

/// The text of f_jacobian's body.
class JacobianBody {
public:
  JacobianBody(const Function &F, const ActivityPattern &P, const std::vector<std::string> &Lengths,
               std::string Fwd, std::string Pullback)
      : F(F), P(P), Lengths(Lengths), Fwd(std::move(Fwd)), Pullback(std::move(Pullback)) {}

  std::string run() {
    // Sizes and offsets of the flattened inputs and outputs.
    std::string InOff = "0", OutOff = "0";
    if (P.Return)
      OutOff = "1";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      InOffsets.push_back(InOff);
      OutOffsets.push_back(OutOff);
      if (P.Inputs[K])
        InOff += " + " + len(K);
      if (P.Outputs[K])
        OutOff += " + " + len(K);
    }
    O += "const std::size_t n_in = " + InOff + ";\n";
    O += "const std::size_t n_out = " + OutOff + ";\n";
    // What f overwrites: each run starts from the entry values.
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.isActive(K) || !writable(F.Params[K]->Ty))
        continue;
      if (F.Params[K]->Ty.IsPointer)
        O += "const std::vector<" + ty(K) + "> " + start(K) + "(" + name(K) + ", " + name(K) +
             " + " + len(K) + ");\n";
      else
        O += "const " + ty(K) + " " + start(K) + " = " + name(K) + ";\n";
    }
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.isActive(K))
        continue;
      if (F.Params[K]->Ty.IsPointer)
        O += "std::vector<" + ty(K) + "> " + d(K) + "(" + len(K) + ");\n";
      else
        O += ty(K) + " " + d(K) + " = 0;\n";
    }
    O += "if (n_in == 0 || n_out == 0) {\n  " + call(qualify(F), false, false) +
         ";\n  return;\n}\n";
    bool Both = !Fwd.empty() && !Pullback.empty();
    if (Both)
      O += "if (n_in <= n_out) {\n";
    if (!Fwd.empty())
      forward();
    if (Both)
      O += "} else {\n";
    if (!Pullback.empty())
      reverse();
    if (Both)
      O += "}\n";
    return O;
  }

private:
  std::string name(size_t K) { return F.Params[K]->Name; }
  std::string ty(size_t K) { return scalarType(F.Params[K]->Ty); }
  std::string len(size_t K) {
    return F.Params[K]->Ty.IsPointer ? "static_cast<std::size_t>(" + Lengths[K] + ")"
                                     : std::string("1");
  }
  std::string d(size_t K) { return "d_" + F.Params[K]->Name + "_"; }
  std::string start(size_t K) { return F.Params[K]->Name + "_on_entry"; }

  void restoreAndClear() {
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.isActive(K))
        continue;
      bool Array = F.Params[K]->Ty.IsPointer;
      if (writable(F.Params[K]->Ty))
        O += Array ? "  std::copy(" + start(K) + ".begin(), " + start(K) + ".end(), " + name(K) + ");\n"
                   : "  " + name(K) + " = " + start(K) + ";\n";
      O += Array ? "  std::fill(" + d(K) + ".begin(), " + d(K) + ".end(), " + ty(K) + "(0));\n"
                 : "  " + d(K) + " = 0;\n";
    }
  }

  /// Seeds element \p Index (a flattened input or output index) with 1.
  void seed(const std::string &Index, bool Inputs) {
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!(Inputs ? P.Inputs[K] : P.Outputs[K]))
        continue;
      std::string Off = Inputs ? InOffsets[K] : OutOffsets[K];
      if (F.Params[K]->Ty.IsPointer)
        O += "  if (" + (Off == "0" ? "" : Index + " >= " + Off + " && ") + Index + " < " + Off +
             " + " + len(K) + ")\n    " + d(K) + "[" + Index + " - (" + Off + ")] = 1;\n";
      else
        O += "  if (" + Index + " == " + Off + ")\n    " + d(K) + " = 1;\n";
    }
  }

  std::string call(const std::string &Callee, bool Tangents, bool Adjoints) {
    std::string A;
    for (size_t K = 0; K < F.Params.size(); ++K)
      A += (K ? ", " : "") + name(K);
    if (Adjoints && !F.ReturnsVoid && F.ReturnType.isFloating())
      A += ", d_ret";
    if (Tangents || Adjoints)
      for (size_t K = 0; K < F.Params.size(); ++K) {
        if (!P.isActive(K))
          continue;
        if (F.Params[K]->Ty.IsPointer)
          A += ", " + d(K) + ".data()";
        else
          A += Adjoints ? ", &" + d(K) : ", " + d(K);
      }
    return Callee + "(" + A + ")";
  }

  void forward() {
    O += "// Forward mode: column j of the Jacobian from the tangents of input j.\n";
    O += "for (std::size_t j = 0; j < n_in; ++j) {\n";
    restoreAndClear();
    seed("j", true);
    if (P.Return)
      O += "  jac[j] = " + call(Fwd, true, false) + ".tangent;\n";
    else
      O += "  " + call(Fwd, true, false) + ";\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.Outputs[K])
        continue;
      if (F.Params[K]->Ty.IsPointer)
        O += "  for (std::size_t e = 0; e < " + len(K) + "; ++e)\n    jac[(" + OutOffsets[K] +
             " + e) * n_in + j] = " + d(K) + "[e];\n";
      else
        O += "  jac[(" + OutOffsets[K] + ") * n_in + j] = " + d(K) + ";\n";
    }
    O += "}\n";
  }

  void reverse() {
    O += "// Reverse mode: row i of the Jacobian from the adjoints for output i.\n";
    O += "for (std::size_t i = 0; i < n_out; ++i) {\n";
    restoreAndClear();
    if (!F.ReturnsVoid && F.ReturnType.isFloating())
      O += "  " + scalarType(F.ReturnType) + " d_ret = " +
           (P.Return ? "i == 0 ? 1 : 0" : "0") + ";\n";
    seed("i", false);
    O += "  " + call(Pullback, false, true) + ";\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.Inputs[K])
        continue;
      if (F.Params[K]->Ty.IsPointer)
        O += "  for (std::size_t e = 0; e < " + len(K) + "; ++e)\n    jac[i * n_in + " +
             InOffsets[K] + " + e] = " + d(K) + "[e];\n";
      else
        O += "  jac[i * n_in + " + InOffsets[K] + "] = " + d(K) + ";\n";
    }
    O += "}\n";
  }

  const Function &F;
  const ActivityPattern &P;
  const std::vector<std::string> &Lengths;
  std::string Fwd, Pullback;
  std::vector<std::string> InOffsets, OutOffsets;
  std::string O;
};

} // namespace

bool Differentiator::jacobian(Function &F, const ActivityPattern &P,
                              const std::vector<std::string> &Lengths, const std::string &Name,
                              JacobianMode Mode) {
  // The derivatives it drives: internal, next to the helpers.
  auto internal = [&](Function *G) {
    G->Namespaces.clear();
    for (const std::string &NS : F.Namespaces)
      if (!NS.empty())
        G->Namespaces.push_back(NS);
    G->Namespaces.push_back("adgen_detail");
    G->IsStatic = true;
    G->IsInline = false;
    Generated.push_back(G);
    return qualify(*G);
  };
  std::string Fwd, Pullback;
  if (Mode != JacobianMode::Reverse) {
    Function *G = forwardTransform(*this, F, P, F.Name + "_jacobian_fwd");
    if (!G)
      return Failed = true, false;
    G->Doc = "Forward mode of " + F.Name + " for " + Name + ".";
    Fwd = internal(G);
  }
  if (Mode != JacobianMode::Forward) {
    Function *G = reverseTransform(*this, F, P, F.Name + "_jacobian_pullback", ReverseShape::Joint);
    if (!G)
      return Failed = true, false;
    Pullback = internal(G);
  }
  drain();
  if (Failed)
    return false;

  Type JacT = F.ReturnType.element();
  if (!P.Return)
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (P.Outputs[K]) {
        JacT = F.Params[K]->Ty.element();
        break;
      }
  Function &J = newGenerated(M, F, Name, false);
  J.Params = F.Params;
  Type PT = Type::pointerTo(JacT.Scalar, JacT.Spelling, false);
  J.Params.push_back(J.addVar(J.freshName("jac"), PT, VarKind::Param));
  J.ReturnsVoid = true;
  J.Doc = "Jacobian of " + F.Name + ": jac[row * n_in + column], one row per output element "
          "(the return value first), one column per input element, in parameter order.\n" +
          std::string(Mode == JacobianMode::Forward ? "Forward mode, a column per run."
                      : Mode == JacobianMode::Reverse
                          ? "Reverse mode, a row per run."
                          : "Forward mode (a column per run) when there are no more inputs than "
                            "outputs, else reverse mode (a row per run).");
  J.RawBody = JacobianBody(F, P, Lengths, Fwd, Pullback).run();
  Generated.push_back(&J);
  return true;
}
