//===- Emit/HessianEmitter.cpp - The C++ of f_hessian's driver ------------===//
//
// f_hessian runs forward mode over f's pullback (the MatrixDriver's Fwd)
// once per input element: each run gives one column of second derivatives.
// Inputs flatten as in f_jacobian (Analysis/MatrixLayout.h); every run
// starts from the entry values of what f overwrites, globals included, so
// the last run leaves f's effects.
//
//===----------------------------------------------------------------------===//

#include "Emit/MatrixEmitter.h"
#include "Emit/MatrixNumbers.h"

using namespace adgen;
using namespace adgen::graph;

namespace {
std::string scalarType(const Type &T) { return T.valueStr(); }

/// The text of f_hessian's body: column j is the tangent of the gradient
/// along input j, from \p Fwd (forward over reverse).
std::string hessianBody(const Function &F, const MatrixDriver &P,
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
  Args += ", " + matrix::typedValue(scalarType(F.ReturnType), "1");
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
  // Every active parameter has a tangent (an output's is zero on entry).
  for (size_t K = 0; K < NF; ++K)
    if (P.isActive(K))
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
           : Array       ? "  std::fill(" + std::string(B) + N + ".begin(), " + B + N + ".end(), " + matrix::typedValue(ty(K), "0") + ");\n"
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

std::string adgen::hessianDriverBody(const MatrixDriver &D) {
  return hessianBody(*D.Primal, D, D.Lengths, D.Fwd->qualifiedName());
}
