//===- Transforms/Hessian.cpp - f_hessian, forward over reverse ----------===//
//
// f_hessian is forward mode applied to the reverse-mode code adgen generated
// for f (f_pullback and its helpers): one run per input element gives one
// column of second derivatives. Inputs flatten as in f_jacobian
// (MatrixLayout.h); every run starts from the entry values of what f
// overwrites, globals included, so the last run leaves f's effects.
//
//===----------------------------------------------------------------------===//

#include "Transforms/Differentiator.h"
#include "Transforms/MatrixLayout.h"
#include "Transforms/ShareCalls.h"

using namespace adgen;
using namespace adgen::graph;

namespace {
std::string scalarType(const Type &T) { return T.valueStr(); }

/// The text of f_hessian's body: column j is the tangent of the gradient
/// along input j, from \p Fwd (forward over reverse).
std::string hessianBody(const Function &F, const ActivityPattern &P,
                        const std::vector<std::string> &Lengths, const std::string &Fwd) {
  std::string O;
  size_t NF = F.Params.size();
  // Struct parameters: their numbers, in the contract's order.
  auto isStruct = [&](size_t K) { return matrix::isStructParam(*F.Params[K]); };
  std::vector<std::vector<std::string>> Leaves = matrix::paramLeaves(F);
  std::vector<matrix::ParamNumbers> Nums;
  for (size_t K = 0; K < NF; ++K)
    Nums.emplace_back(*F.Params[K], Leaves[K], Lengths[K]);
  auto held = [&](size_t K) { return Nums[K].held(); };
  auto len = [&](size_t K) { return Nums[K].length(); };
  auto ty = [&](size_t K) { return scalarType(F.Params[K]->Ty); };
  auto table = [&](size_t K, const std::string &Of) {
    return matrix::numberTable(*F.Params[K], Leaves[K], Of, "adgen_numbers_" + Of.substr(6));
  };
  // Number E of buffer Prefix<name> (an array, a struct's table, a holder).
  auto number = [&](size_t K, const std::string &Prefix, const std::string &E) {
    std::string N = Prefix + F.Params[K]->Name;
    if (held(K))
      return Nums[K].number(N, E);
    return isStruct(K) ? "*adgen_numbers_" + N.substr(6) + "[" + E + "]" : N + "[" + E + "]";
  };
  std::string Off = "0";
  std::vector<std::string> Offs;
  for (size_t K = 0; K < NF; ++K) {
    Offs.push_back(Off);
    if (P.Inputs[K])
      Off += " + " + len(K);
  }
  O += "const std::size_t adgen_n = " + Off + ";\n";
  for (size_t K = 0; K < NF; ++K) {
    if (!P.isActive(K))
      continue;
    std::string N = F.Params[K]->Name;
    if (held(K)) {
      if (F.Params[K]->Ty.isWritable())
        O += Nums[K].saveEntry("adgen_" + N + "_on_entry", "");
      for (const char *B : {"adgen_g_", "adgen_dg_", "adgen_t_"})
        O += Nums[K].declare(B + N, "");
      O += Nums[K].numberFunction("");
    } else if (F.Params[K]->Ty.IsPointer) {
      if (F.Params[K]->Ty.isWritable())
        O += "const std::vector<" + ty(K) + "> adgen_" + N + "_on_entry(" + N + ", " + N + " + " + len(K) + ");\n";
      O += "std::vector<" + ty(K) + "> adgen_g_" + N + "(" + len(K) + "), adgen_dg_" + N + "(" +
           len(K) + "), adgen_t_" + N + "(" + len(K) + ");\n";
    } else if (isStruct(K)) {
      if (F.Params[K]->Ty.isWritable())
        O += "const " + ty(K) + " adgen_" + N + "_on_entry = " + N + ";\n";
      std::string Z = " = adgen::zeroed<" + ty(K) + ">()";
      O += ty(K) + " adgen_g_" + N + Z + ", adgen_dg_" + N + Z + ", adgen_t_" + N + Z + ";\n";
      O += table(K, "adgen_t_" + N) + table(K, "adgen_dg_" + N);
    } else {
      if (F.Params[K]->Ty.isWritable())
        O += "const " + ty(K) + " adgen_" + N + "_on_entry = " + N + ";\n";
      O += ty(K) + " adgen_g_" + N + " = 0, adgen_dg_" + N + " = 0, adgen_t_" + N + " = 0;\n";
    }
  }
  std::string Args;
  for (size_t K = 0; K < NF; ++K)
    Args += (K ? ", " : "") + F.Params[K]->Name;
  Args += ", " + scalarType(F.ReturnType) + "(1)";
  // Adjoints are passed as f_pullback takes them, tangents as f_fwd does.
  auto ref = [&](size_t K, const std::string &Prefix, bool Pointer) {
    std::string N = Prefix + F.Params[K]->Name;
    if (held(K))
      return Pointer ? Nums[K].adjointArg(N) : Nums[K].tangentArg(N);
    return F.Params[K]->Ty.IsPointer ? N + ".data()" : (Pointer ? "&" + N : N);
  };
  for (size_t K = 0; K < NF; ++K)
    if (P.isActive(K))
      Args += ", " + ref(K, "adgen_g_", true);
  for (size_t K = 0; K < NF; ++K)
    if (P.isActive(K) && P.Inputs[K])
      Args += ", " + ref(K, "adgen_t_", false);
  for (size_t K = 0; K < NF; ++K)
    if (P.isActive(K))
      Args += ", " + ref(K, "adgen_dg_", true);
  O += "if (adgen_n == 0) {\n  " + matrix::primalCall(F) + ";\n  return;\n}\n";
  std::vector<const Var *> Globals = matrix::writtenGlobals(F);
  std::vector<std::string> GlobalNames;
  O += matrix::saveGlobals(Globals, GlobalNames, "");
  O += "for (std::size_t adgen_col = 0; adgen_col < adgen_n; ++adgen_col) {\n";
  O += matrix::restoreGlobals(Globals, GlobalNames, "  ");
  for (size_t K = 0; K < NF; ++K) {
    if (!P.isActive(K))
      continue;
    std::string N = F.Params[K]->Name;
    bool Array = F.Params[K]->Ty.IsPointer;
    if (F.Params[K]->Ty.isWritable())
      O += held(K) ? Nums[K].restoreEntry("adgen_" + N + "_on_entry", "  ")
           : Array ? "  std::copy(adgen_" + N + "_on_entry.begin(), adgen_" + N + "_on_entry.end(), " + N + ");\n"
                   : "  " + N + " = adgen_" + N + "_on_entry;\n";
    for (const char *B : {"adgen_g_", "adgen_dg_", "adgen_t_"})
      O += held(K)       ? Nums[K].clear(B + N, "  ")
           : Array       ? "  std::fill(" + std::string(B) + N + ".begin(), " + B + N + ".end(), " + ty(K) + "(0));\n"
           : isStruct(K) ? "  " + std::string(B) + N + " = adgen::zeroed<" + ty(K) + ">();\n"
                         : "  " + std::string(B) + N + " = 0;\n";
    if (P.Inputs[K]) {
      if (isStruct(K) || Array || held(K))
        O += "  if (" + (Offs[K] == "0" ? "" : "adgen_col >= " + Offs[K] + " && ") + "adgen_col < " +
             Offs[K] + " + " + len(K) + ")\n    " + number(K, "adgen_t_", "adgen_col - (" + Offs[K] + ")") +
             " = 1;\n";
      else
        O += "  if (adgen_col == " + Offs[K] + ")\n    adgen_t_" + N + " = 1;\n";
    }
  }
  O += "  " + Fwd + "(" + Args + ");\n";
  for (size_t K = 0; K < NF; ++K) {
    if (!P.Inputs[K])
      continue;
    std::string N = F.Params[K]->Name;
    if (isStruct(K) || F.Params[K]->Ty.IsPointer || held(K))
      O += "  for (std::size_t adgen_e = 0; adgen_e < " + len(K) + "; ++adgen_e)\n    hess[(" +
           Offs[K] + " + adgen_e) * adgen_n + adgen_col] = " + number(K, "adgen_dg_", "adgen_e") + ";\n";
    else
      O += "  hess[(" + Offs[K] + ") * adgen_n + adgen_col] = adgen_dg_" + N + ";\n";
  }
  return O + "}\n";
}
} // namespace

bool Differentiator::hessian(Function &F, const ActivityPattern &P,
                             const std::vector<std::string> &Lengths, const std::string &Name) {
  if (std::string Why = matrix::containerLengthProblem(F, Lengths, true); !Why.empty()) {
    Errors.error(F.Where, Why);
    return Failed = true, false;
  }
  auto internal = [&](Function *G) { return placeInternal(*G, F); };
  // The gradient, as code: f_pullback.
  Function *G = reverseTransform(*this, F, P, F.Name + "_hessian_pullback", ReverseShape::Joint,
                                 /*UseCheckpoints=*/false);
  if (!G)
    return Failed = true, false;
  // Only the input of the forward transform: placed, but not emitted itself.
  placeInternal(*G, F);
  Generated.pop_back();
  drain();
  if (Failed)
    return false;
  // Its tangent along the inputs: forward over reverse. The pullback's
  // parameters are f's, d_ret, then the adjoints of f's active parameters.
  ActivityPattern GP;
  size_t NF = F.Params.size();
  for (size_t I = 0; I < G->Params.size(); ++I) {
    bool FParam = I < NF;
    bool Adjoint = I > NF;
    GP.Inputs.push_back(FParam && P.Inputs[I]);
    GP.Outputs.push_back(Adjoint || (FParam && P.Outputs[I]));
  }
  GP.Return = false;
  Function *H = forwardTransform(*this, *G, GP, F.Name + "_hessian_fwd");
  if (!H)
    return Failed = true, false;
  shareRepeatedCalls(M, *H);
  H->Doc = "Forward mode of " + G->Name + " (forward over reverse) for " + Name + ".";
  std::string Fwd = internal(H);
  drain();
  if (Failed)
    return false;

  std::string O = hessianBody(F, P, Lengths, Fwd);
  Function &J = newGenerated(M, F, Name, false);
  J.Params = F.Params;
  Type HT = Type::pointerTo(F.ReturnType.Scalar, F.ReturnType.Spelling, false);
  J.Params.push_back(J.addVar(J.freshName("hess"), HT, VarKind::Param));
  J.ReturnsVoid = true;
  J.Doc = "Hessian of " + F.Name + ": hess[i * n + j] = d2 " + F.Name +
          " / d input_i d input_j (inputs in parameter order, arrays flattened).\n"
          "Forward over reverse: " + Fwd.substr(2) + " is forward mode applied to the reverse-mode "
          "code of " + F.Name + "; one run per input gives one column.";
  J.RawBody = O;
  Generated.push_back(&J);
  return true;
}
