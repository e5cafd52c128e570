//===- Emit/HessianEmitter.cpp - The C++ of f_hessian's driver ------------===//
//
// f_hessian runs forward mode over f's pullback (the MatrixDriver's Fwd)
// once per input element: each run gives one column of second derivatives.
// Inputs flatten as in f_jacobian (Analysis/MatrixLayout.h); every run
// starts from the entry values of what f overwrites, globals included, so
// the last run leaves f's effects. Its locals are fresh names (DriverNames).
//
//===----------------------------------------------------------------------===//

#include "Emit/MatrixEmitter.h"
#include "Emit/MatrixNumbers.h"

using namespace adgen;
using namespace adgen::graph;

namespace {
std::string scalarType(const Type &T) { return T.valueStr(); }

/// The text of f_hessian's body: column j is the tangent of the gradient
/// along input j, from D.Fwd (forward over reverse).
class HessianBody {
public:
  explicit HessianBody(const Function &Driver)
      : F(*Driver.Matrix->Primal), P(*Driver.Matrix), Names(Driver),
        Hess(Driver.Params.back()->Name), Leaves(matrix::paramLeaves(F)) {
    for (size_t K = 0; K < F.Params.size(); ++K)
      Nums.emplace_back(*F.Params[K], Leaves[K], P.Lengths[K],
                        Names("adgen_number_" + F.Params[K]->Name));
    N = Names("adgen_n");
    Col = Names("adgen_col");
    E = Names("adgen_e");
  }

  std::string run() {
    std::string Off = "0";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      Offs.push_back(Off);
      if (P.Inputs[K])
        Off += " + " + len(K);
    }
    O += "const std::size_t " + N + " = " + Off + ";\n";
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (P.isActive(K))
        declare(K);
    O += "if (" + N + " == 0) {\n  " + matrix::primalCall(F) + ";\n  return;\n}\n";
    std::vector<const Var *> Globals = matrix::writtenGlobals(F);
    std::vector<std::string> GlobalNames;
    O += matrix::saveGlobals(Globals, GlobalNames, "", Names);
    O += "for (std::size_t " + Col + " = 0; " + Col + " < " + N + "; ++" + Col + ") {\n";
    O += matrix::restoreGlobals(Globals, GlobalNames, "  ");
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (P.isActive(K))
        restoreAndSeed(K);
    O += "  " + P.Fwd->qualifiedName() + "(" + args() + ");\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.Inputs[K])
        continue;
      if (isStruct(K) || F.Params[K]->Ty.IsPointer || held(K))
        O += "  for (std::size_t " + E + " = 0; " + E + " < " + len(K) + "; ++" + E + ")\n    " +
             Hess + "[(" + Offs[K] + " + " + E + ") * " + N + " + " + Col + "] = " +
             number(K, "adgen_dg_", E) + ";\n";
      else
        O += "  " + Hess + "[(" + Offs[K] + ") * " + N + " + " + Col + "] = " + buf("adgen_dg_", K) + ";\n";
    }
    return O + "}\n";
  }

private:
  bool isStruct(size_t K) { return matrix::isStructParam(*F.Params[K]); }
  bool held(size_t K) { return Nums[K].held(); }
  std::string len(size_t K) { return Nums[K].length(); }
  std::string ty(size_t K) { return scalarType(F.Params[K]->Ty); }
  /// Parameter K's buffer \p Prefix (adgen_g_, adgen_dg_, adgen_t_).
  std::string buf(const std::string &Prefix, size_t K) { return Names(Prefix + F.Params[K]->Name); }
  std::string onEntry(size_t K) { return Names("adgen_" + F.Params[K]->Name + "_on_entry"); }
  /// The table of a struct parameter's buffer \p Prefix's numbers.
  std::string tableName(const std::string &Prefix, size_t K) {
    return Names("adgen_numbers_" + Prefix.substr(6) + F.Params[K]->Name);
  }
  /// Number \p Ix of buffer \p Prefix of K (an array, a struct's table, a holder).
  std::string number(size_t K, const std::string &Prefix, const std::string &Ix) {
    if (held(K))
      return Nums[K].number(buf(Prefix, K), Ix);
    return isStruct(K) ? "*" + tableName(Prefix, K) + "[" + Ix + "]" : buf(Prefix, K) + "[" + Ix + "]";
  }

  /// The entry value of K (when f writes it) and its buffers.
  void declare(size_t K) {
    std::string Nm = F.Params[K]->Name;
    std::string G = buf("adgen_g_", K), DG = buf("adgen_dg_", K), T = buf("adgen_t_", K);
    bool Writable = F.Params[K]->Ty.isWritable();
    if (held(K)) {
      if (Writable)
        O += Nums[K].saveEntry(onEntry(K), "");
      for (const std::string *B : {&G, &DG, &T})
        O += Nums[K].declare(*B, "");
      O += Nums[K].numberFunction("");
    } else if (F.Params[K]->Ty.IsPointer) {
      if (Writable)
        O += "const std::vector<" + ty(K) + "> " + onEntry(K) + "(" + Nm + ", " + Nm + " + " + len(K) + ");\n";
      O += "std::vector<" + ty(K) + "> " + G + "(" + len(K) + "), " + DG + "(" + len(K) + "), " + T +
           "(" + len(K) + ");\n";
    } else if (isStruct(K)) {
      if (Writable)
        O += "const " + ty(K) + " " + onEntry(K) + " = " + Nm + ";\n";
      std::string Z = " = adgen::zeroed<" + ty(K) + ">()";
      O += ty(K) + " " + G + Z + ", " + DG + Z + ", " + T + Z + ";\n";
      O += matrix::numberTable(*F.Params[K], Leaves[K], T, tableName("adgen_t_", K)) +
           matrix::numberTable(*F.Params[K], Leaves[K], DG, tableName("adgen_dg_", K));
    } else {
      if (Writable)
        O += "const " + ty(K) + " " + onEntry(K) + " = " + Nm + ";\n";
      O += ty(K) + " " + G + " = 0, " + DG + " = 0, " + T + " = 0;\n";
    }
  }

  /// Before each run: K as f got it, its buffers zeroed, an input's seed.
  void restoreAndSeed(size_t K) {
    std::string Nm = F.Params[K]->Name;
    bool Array = F.Params[K]->Ty.IsPointer;
    if (F.Params[K]->Ty.isWritable()) {
      std::string Entry = onEntry(K);
      O += held(K) ? Nums[K].restoreEntry(Entry, "  ")
           : Array ? "  std::copy(" + Entry + ".begin(), " + Entry + ".end(), " + Nm + ");\n"
                   : "  " + Nm + " = " + Entry + ";\n";
    }
    for (const char *Prefix : {"adgen_g_", "adgen_dg_", "adgen_t_"}) {
      std::string B = buf(Prefix, K);
      O += held(K)       ? Nums[K].clear(B, "  ")
           : Array       ? "  std::fill(" + B + ".begin(), " + B + ".end(), " + matrix::typedValue(ty(K), "0") + ");\n"
           : isStruct(K) ? "  " + B + " = adgen::zeroed<" + ty(K) + ">();\n"
                         : "  " + B + " = 0;\n";
    }
    if (!P.Inputs[K])
      return;
    if (isStruct(K) || Array || held(K))
      O += "  if (" + (Offs[K] == "0" ? "" : Col + " >= " + Offs[K] + " && ") + Col + " < " + Offs[K] +
           " + " + len(K) + ")\n    " + number(K, "adgen_t_", Col + " - (" + Offs[K] + ")") + " = 1;\n";
    else
      O += "  if (" + Col + " == " + Offs[K] + ")\n    " + buf("adgen_t_", K) + " = 1;\n";
  }

  /// D.Fwd's arguments: f's, d_ret = 1, then adjoints as f_pullback takes
  /// them, tangents as f_fwd does (every active parameter has one, an
  /// output's zero on entry), and the adjoints' tangents.
  std::string args() {
    std::string A;
    for (size_t K = 0; K < F.Params.size(); ++K)
      A += (K ? ", " : "") + F.Params[K]->Name;
    A += ", " + matrix::typedValue(scalarType(F.ReturnType), "1");
    auto ref = [&](size_t K, const std::string &Prefix, bool Pointer) {
      std::string B = buf(Prefix, K);
      if (held(K))
        return Pointer ? Nums[K].adjointArg(B) : Nums[K].tangentArg(B);
      return F.Params[K]->Ty.IsPointer ? B + ".data()" : (Pointer ? "&" + B : B);
    };
    const std::pair<const char *, bool> Order[] = {{"adgen_g_", true}, {"adgen_t_", false}, {"adgen_dg_", true}};
    for (auto [Prefix, Pointer] : Order)
      for (size_t K = 0; K < F.Params.size(); ++K)
        if (P.isActive(K))
          A += ", " + ref(K, Prefix, Pointer);
    return A;
  }

  const Function &F;
  const MatrixDriver &P;
  DriverNames Names;
  std::string Hess, N, Col, E, O;
  std::vector<std::vector<std::string>> Leaves;
  std::vector<matrix::ParamNumbers> Nums;
  std::vector<std::string> Offs;
};
} // namespace

std::string adgen::hessianDriverBody(const Function &Driver) { return HessianBody(Driver).run(); }
