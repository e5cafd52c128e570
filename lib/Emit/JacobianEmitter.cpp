//===- Emit/JacobianEmitter.cpp - The C++ of f_jacobian's driver ----------===//
//
// The Jacobian has one row per output element and one column per input
// element (numerator layout, row-major). Forward mode gives a column per run
// (seed one input direction), reverse mode a row per run (seed one output
// adjoint); f_jacobian takes the cheaper direction at run time, when the
// array lengths are known, unless --jacobian-mode fixes it (then the
// MatrixDriver has one of them only). Every run starts from f's inputs as
// they were on entry (arrays f overwrites are restored), so the last run
// leaves f's effects.
//
//===----------------------------------------------------------------------===//

#include "Emit/MatrixEmitter.h"
#include "Emit/MatrixNumbers.h"

#include <algorithm>
#include <optional>

using namespace adgen;
using namespace adgen::graph;

namespace {

std::string scalarType(const Type &T) { return T.valueStr(); }

/// The name the driver calls generated function \p G by ("" for none).
std::string nameOf(const Function *G) { return G ? G->qualifiedName() : ""; }

/// The value of an array length made of integer literals and + - * (the spec
/// grammar without parameter names), or nothing.
std::optional<long long> literalLength(const std::string &S) {
  long long Sum = 0, Term = 1;
  int Sign = 1;
  bool Operand = false;
  size_t I = 0;
  while (I < S.size()) {
    char C = S[I];
    if (C == ' ') {
      ++I;
    } else if (C >= '0' && C <= '9') {
      if (Operand)
        return std::nullopt;
      long long V = 0;
      while (I < S.size() && S[I] >= '0' && S[I] <= '9') {
        V = V * 10 + (S[I++] - '0');
        if (V > (1LL << 40))
          return std::nullopt;
      }
      Term *= V;
      if (Term > (1LL << 40))
        return std::nullopt;
      Operand = true;
    } else if ((C == '+' || C == '-' || C == '*') && Operand) {
      if (C != '*') {
        Sum += Sign * Term;
        Term = 1;
        Sign = C == '+' ? 1 : -1;
      }
      Operand = false;
      ++I;
    } else {
      return std::nullopt;
    }
  }
  if (!Operand)
    return std::nullopt;
  Sum += Sign * Term;
  return Sum >= 0 ? std::optional<long long>(Sum) : std::nullopt;
}

/// The arrays f_jacobian works in, declared together: on the stack when
/// every length is a literal and they are small, else in one std::vector per
/// element type, so that a call allocates at most once per group.
class Buffers {
public:
  void add(std::string Name, std::string Ty, std::string Len, std::optional<long long> Lit) {
    Items.push_back({std::move(Name), std::move(Ty), std::move(Len), Lit});
  }
  /// Declarations, each line prefixed with \p Indent.
  std::string declare(const std::string &Indent, const std::string &Group, DriverNames &Names) const {
    std::string O;
    long long Total = 0;
    bool Literal = true;
    for (const Item &I : Items) {
      Literal = Literal && I.Lit;
      if (I.Lit)
        Total += *I.Lit;
    }
    if (Literal && Total <= 2048) {
      for (const Item &I : Items)
        O += Indent + I.Ty + " " + I.Name + "[" + std::to_string(*I.Lit ? *I.Lit : 1) + "];\n";
      return O;
    }
    std::vector<std::string> Types;
    for (const Item &I : Items)
      if (std::find(Types.begin(), Types.end(), I.Ty) == Types.end())
        Types.push_back(I.Ty);
    for (size_t T = 0; T < Types.size(); ++T) {
      std::string Buf = Names("adgen_" + Group + (Types.size() > 1 ? std::to_string(T) : ""));
      std::string Size, Off = "0";
      for (const Item &I : Items)
        if (I.Ty == Types[T])
          Size += (Size.empty() ? "" : " + ") + I.Len;
      O += Indent + "std::vector<" + Types[T] + "> " + Buf + "(" + Size + ");\n";
      for (const Item &I : Items) {
        if (I.Ty != Types[T])
          continue;
        O += Indent + I.Ty + " *" + I.Name + " = " + Buf + ".data()" +
             (Off == "0" ? "" : " + " + Off) + ";\n";
        Off = Off == "0" ? I.Len : Off + " + " + I.Len;
      }
    }
    return O;
  }
  bool empty() const { return Items.empty(); }

private:
  struct Item {
    std::string Name, Ty, Len;
    std::optional<long long> Lit;
  };
  std::vector<Item> Items;
};

/// The text of f_jacobian's body.
///
/// No copies of results: reverse mode accumulates the adjoints of inputs
/// that f does not also output straight into the Jacobian's row (zeroed
/// first), and the vector forward sweep writes the tangents of outputs
/// straight into the Jacobian's rows (seeded in place for in-out arrays).
class JacobianBody {
public:
  explicit JacobianBody(const Function &Driver)
      : F(*Driver.Matrix->Primal), P(*Driver.Matrix), Lengths(P.Lengths), Fwd(nameOf(P.Fwd)),
        Pullback(nameOf(P.Pullback)), Vec(nameOf(P.FwdVec)), Names(Driver),
        Jac(Driver.Params.back()->Name) {
    for (size_t K = 0; K < F.Params.size(); ++K)
      Nums.emplace_back(*F.Params[K], Leaves[K], Lengths[K],
                        Names("adgen_number_" + F.Params[K]->Name));
    NIn = Names("adgen_n_in");
    NOut = Names("adgen_n_out");
  }

  std::string run() {
    // Sizes and offsets of the flattened inputs and outputs.
    std::string InOff = "0", OutOff = "0";
    if (P.Return)
      OutOff = RetLeaves.empty() ? "1" : std::to_string(RetLeaves.size());
    for (size_t K = 0; K < F.Params.size(); ++K) {
      InOffsets.push_back(InOff);
      OutOffsets.push_back(OutOff);
      if (P.Inputs[K])
        InOff += " + " + len(K);
      if (P.Outputs[K])
        OutOff += " + " + len(K);
    }
    NInLit = lit(InOff);
    O += "const std::size_t " + NIn + " = " + InOff + ";\n";
    O += "const std::size_t " + NOut + " = " + OutOff + ";\n";
    O += "if (" + NIn + " == 0 || " + NOut + " == 0) {\n  " + matrix::primalCall(F) + ";\n  return;\n}\n";
    // Several runs leave f's effects on globals once (see restoreAndClear).
    if (!Fwd.empty() || !Pullback.empty())
      O += matrix::saveGlobals(Globals, GlobalNames, "", Names);
    bool Both = (!Fwd.empty() || !Vec.empty()) && !Pullback.empty();
    if (Both)
      O += "if (" + NIn + " <= " + NOut + ") {\n";
    if (!Vec.empty())
      forwardVector();
    else if (!Fwd.empty())
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
  std::string len(size_t K) { return Nums[K].length(); }
  /// An array of structs or a container: its derivative is held in a
  /// std::vector or std::array (ParamNumbers).
  bool held(size_t K) { return Nums[K].held(); }
  /// Number \p E of parameter K's derivative, an array, struct or holder.
  std::string numberAt(size_t K, const std::string &E) {
    if (held(K))
      return Nums[K].number(d(K), E);
    return structParam(K) ? "*" + leaves(K) + "[" + E + "]" : d(K) + "[" + E + "]";
  }
  /// A struct parameter (by value or reference): its numbers flattened.
  bool structParam(size_t K) { return matrix::isStructParam(*F.Params[K]); }
  std::string leaves(size_t K) { return Names("adgen_numbers_" + F.Params[K]->Name); }
  /// `double *const adgen_numbers_s[] = {&adgen_d_s.x, ...};`: the numbers
  /// of a struct's derivative, in the contract's order.
  std::string leafTable(size_t K) { return matrix::numberTable(*F.Params[K], Leaves[K], d(K), leaves(K)); }
  /// The value of a length or offset expression built by len(), if literal.
  std::optional<long long> lit(std::string E) {
    for (std::string Cast : {"static_cast<std::size_t>(", ")"})
      for (size_t At; (At = E.find(Cast)) != std::string::npos;)
        E.erase(At, Cast.size());
    return literalLength(E);
  }
  std::string d(size_t K) { return Names("adgen_d_" + F.Params[K]->Name); }
  std::string start(size_t K) { return Names("adgen_" + F.Params[K]->Name + "_on_entry"); }
  /// Where reverse mode accumulates input K's adjoints: the Jacobian's row,
  /// unless K is also an output (its adjoint is seeded, then copied) or its
  /// scalar type is not the Jacobian's (a float input of a double Jacobian:
  /// its adjoint is a float buffer, then copied).
  bool intoRow(size_t K) {
    return P.Inputs[K] && !P.Outputs[K] && !structParam(K) && !held(K) &&
           ty(K) == scalarType(jacType());
  }
  std::string rowAt(size_t K) {
    return Jac + " + " + Row + " * " + NIn + (InOffsets[K] == "0" ? "" : " + " + InOffsets[K].substr(4));
  }

  /// Declares what the per-run modes need: the entry values of what f
  /// overwrites (each run starts from them), the d_ buffers (arrays; scalars
  /// are locals).
  void declareAdjoints(bool Reverse) {
    Buffers Entry;
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.isActive(K) || !F.Params[K]->Ty.isWritable())
        continue;
      if (held(K))
        O += Nums[K].saveEntry(start(K), "  ");
      else if (F.Params[K]->Ty.IsPointer)
        Entry.add(start(K), ty(K), len(K), lit(len(K)));
      else
        O += "  const " + ty(K) + " " + start(K) + " = " + name(K) + ";\n";
    }
    O += Entry.declare("  ", "on_entry", Names);
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (P.isActive(K) && F.Params[K]->Ty.IsPointer && F.Params[K]->Ty.isWritable() && !held(K))
        O += "  std::copy(" + name(K) + ", " + name(K) + " + " + len(K) + ", " + start(K) + ");\n";
    Buffers B;
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.isActive(K) || (Reverse && intoRow(K)))
        continue;
      if (held(K))
        O += Nums[K].declare(d(K), "  ") + Nums[K].numberFunction("  ");
      else if (F.Params[K]->Ty.IsPointer)
        B.add(d(K), ty(K), len(K), lit(len(K)));
      else if (structParam(K))
        O += "  " + ty(K) + " " + d(K) + " = adgen::zeroed<" + ty(K) + ">();\n  " + leafTable(K);
      else
        O += "  " + ty(K) + " " + d(K) + " = 0;\n";
    }
    O += B.declare("  ", "d", Names);
  }

  /// Before run \p Index: what f overwrites back to its entry values (from
  /// the second run on), the d_ buffers zeroed.
  void restoreAndClear(bool Reverse, const std::string &Index) {
    std::string Restore = matrix::restoreGlobals(Globals, GlobalNames, "    ");
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (P.isActive(K) && F.Params[K]->Ty.isWritable())
        Restore += held(K) ? Nums[K].restoreEntry(start(K), "    ")
                   : F.Params[K]->Ty.IsPointer
                       ? "    std::copy(" + start(K) + ", " + start(K) + " + " + len(K) + ", " + name(K) + ");\n"
                       : "    " + name(K) + " = " + start(K) + ";\n";
    if (!Restore.empty())
      O += "  if (" + Index + " != 0) {\n" + Restore + "  }\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.isActive(K))
        continue;
      bool Array = F.Params[K]->Ty.IsPointer;
      if (Reverse && intoRow(K))
        continue;
      O += held(K)          ? Nums[K].clear(d(K), "  ")
           : Array            ? "  std::fill(" + d(K) + ", " + d(K) + " + " + len(K) + ", " + matrix::typedValue(ty(K), "0") + ");\n"
           : structParam(K) ? "  " + d(K) + " = adgen::zeroed<" + ty(K) + ">();\n"
                            : "  " + d(K) + " = 0;\n";
    }
  }

  /// Seeds element \p Index (a flattened input or output index) with 1.
  void seed(const std::string &Index, bool Inputs) {
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!(Inputs ? P.Inputs[K] : P.Outputs[K]))
        continue;
      std::string Off = Inputs ? InOffsets[K] : OutOffsets[K];
      if (structParam(K) || F.Params[K]->Ty.IsPointer || held(K))
        O += "  if (" + (Off == "0" ? "" : Index + " >= " + Off + " && ") + Index + " < " + Off +
             " + " + len(K) + ")\n    " + numberAt(K, Index + " - (" + Off + ")") + " = 1;\n";
      else
        O += "  if (" + Index + " == " + Off + ")\n    " + d(K) + " = 1;\n";
    }
  }

  std::string call(const std::string &Callee, bool Tangents, bool Adjoints) {
    std::string A;
    for (size_t K = 0; K < F.Params.size(); ++K)
      A += (K ? ", " : "") + name(K);
    if (Adjoints && !F.ReturnsVoid && F.ReturnType.isFloating())
      A += ", " + Names("d_ret");
    if (Tangents || Adjoints)
      for (size_t K = 0; K < F.Params.size(); ++K) {
        if (!P.isActive(K))
          continue;
        bool Array = F.Params[K]->Ty.IsPointer;
        if (held(K))
          A += ", " + (Adjoints ? Nums[K].adjointArg(d(K)) : Nums[K].tangentArg(d(K)));
        else if (Adjoints && intoRow(K))
          A += ", " + rowAt(K);
        else if (Array)
          A += ", " + d(K);
        else
          A += Adjoints ? ", &" + d(K) : ", " + d(K);
      }
    return Callee + "(" + A + ")";
  }

  /// All input directions in one sweep of f_fwd_vec: f runs once. Inputs
  /// that are not outputs get seed matrices; outputs' tangents are the
  /// Jacobian's rows themselves (an in-out array's seeded in place).
  void forwardVector() {
    O += "// Forward mode, all n_in input directions in one sweep (f runs once), the\n"
         "// outputs' tangents written into jac.\n";
    O += "{\n";
    std::string Args;
    for (size_t K = 0; K < F.Params.size(); ++K)
      Args += (K ? ", " : "") + name(K);
    Buffers Seeds;
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (P.isActive(K) && !P.Outputs[K]) {
        std::optional<long long> L = lit(len(K));
        Seeds.add(seedName(K), ty(K), len(K) + " * " + NIn,
                  L && NInLit ? std::optional<long long>(*L * *NInLit) : std::nullopt);
      }
    bool RetFloat = !F.ReturnsVoid && F.ReturnType.isFloating();
    if (RetFloat && !P.Return) // the return value's tangents, not a row
      Seeds.add(Names("adgen_vret"), scalarType(F.ReturnType), NIn, NInLit);
    O += Seeds.declare("  ", "seeds", Names);
    O += "  std::fill(" + Jac + ", " + Jac + " + " + NOut + " * " + NIn + ", " +
         matrix::typedValue(scalarType(jacType()), "0") + ");\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.isActive(K))
        continue;
      std::string V = !P.Outputs[K]          ? seedName(K)
                      : OutOffsets[K] == "0" ? Jac
                                             : Jac + " + (" + OutOffsets[K] + ") * " + NIn;
      if (!P.Outputs[K])
        O += "  std::fill(" + V + ", " + V + " + " + len(K) + " * " + NIn + ", " +
             matrix::typedValue(ty(K), "0") + ");\n";
      if (P.Inputs[K])
        O += "  for (std::size_t " + Ix + " = 0; " + Ix + " < " + len(K) + "; ++" + Ix + ")\n    " +
             (P.Outputs[K] ? Jac + "[(" + OutOffsets[K] + " + " + Ix + ") * " + NIn : V + "[" + Ix + " * " + NIn) +
             " + " + InOffsets[K] + " + " + Ix + "] = 1;\n";
      Args += ", " + V;
    }
    Args += ", static_cast<int>(" + NIn + ")";
    if (RetFloat)
      Args += ", " + (P.Return ? Jac : Names("adgen_vret"));
    O += "  " + Vec + "(" + Args + ");\n";
    O += "}\n";
  }
  std::string seedName(size_t K) { return Names("adgen_vd_" + F.Params[K]->Name); }
  Type jacType() { return matrix::jacobianElement(F, P.Outputs, P.Return); }
  std::string retTable() {
    std::string T;
    for (size_t E = 0; E < RetLeaves.size(); ++E)
      T += (E ? ", &" : "&") + matrix::leafOf(RetLeaves[E], Names("d_ret"));
    return T;
  }

  void forward() {
    O += "// Forward mode: column j of the Jacobian from the tangents of input j.\n";
    O += "{\n";
    declareAdjoints(false);
    O += "for (std::size_t " + Col + " = 0; " + Col + " < " + NIn + "; ++" + Col + ") {\n";
    restoreAndClear(false, Col);
    seed(Col, true);
    if (P.Return && !RetLeaves.empty()) {
      // The returned struct's numbers are the first rows.
      std::string Ret = Names("adgen_ret");
      O += "  const adgen::Dual<" + scalarType(F.ReturnType) + "> " + Ret + " = " + call(Fwd, true, false) + ";\n";
      for (size_t E = 0; E < RetLeaves.size(); ++E)
        O += "  " + Jac + "[" + (E ? std::to_string(E) + " * " + NIn + " + " : "") + Col + "] = " +
             matrix::leafOf(RetLeaves[E], Ret + ".tangent") + ";\n";
    } else if (P.Return)
      O += "  " + Jac + "[" + Col + "] = " + call(Fwd, true, false) + ".tangent;\n";
    else
      O += "  " + call(Fwd, true, false) + ";\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.Outputs[K])
        continue;
      if (structParam(K) || F.Params[K]->Ty.IsPointer || held(K))
        O += "  for (std::size_t " + Ix + " = 0; " + Ix + " < " + len(K) + "; ++" + Ix + ")\n    " + Jac + "[(" +
             OutOffsets[K] + " + " + Ix + ") * " + NIn + " + " + Col + "] = " + numberAt(K, Ix) + ";\n";
      else
        O += "  " + Jac + "[(" + OutOffsets[K] + ") * " + NIn + " + " + Col + "] = " + d(K) + ";\n";
    }
    O += "}\n}\n";
  }

  void reverse() {
    O += "// Reverse mode: row i of the Jacobian from the adjoints for output i (inputs\n"
         "// that are not outputs accumulate into the row).\n";
    O += "{\n";
    declareAdjoints(true);
    O += "for (std::size_t " + Row + " = 0; " + Row + " < " + NOut + "; ++" + Row + ") {\n";
    restoreAndClear(true, Row);
    O += "  std::fill(" + Jac + " + " + Row + " * " + NIn + ", " + Jac + " + (" + Row + " + 1) * " + NIn + ", " +
         matrix::typedValue(scalarType(jacType()), "0") + ");\n";
    const std::string &DRet = Names("d_ret");
    if (!F.ReturnsVoid && F.ReturnType.isFloating() && F.ReturnType.Rec) {
      // The returned struct's adjoint, seeded through its numbers.
      O += "  " + scalarType(F.ReturnType) + " " + DRet + " = adgen::zeroed<" + scalarType(F.ReturnType) + ">();\n";
      std::string Table = Names("adgen_numbers_ret");
      if (P.Return)
        O += "  " + matrix::floatSpelling(F.ReturnType.Scalar) + " *const " + Table + "[] = {" + retTable() +
             "};\n  if (" + Row + " < " + std::to_string(RetLeaves.size()) + ")\n    *" + Table + "[" + Row +
             "] = 1;\n";
    } else if (!F.ReturnsVoid && F.ReturnType.isFloating())
      O += "  " + scalarType(F.ReturnType) + " " + DRet + " = " + (P.Return ? Row + " == 0 ? 1 : 0" : "0") + ";\n";
    seed(Row, false);
    O += "  " + call(Pullback, false, true) + ";\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.Inputs[K] || intoRow(K))
        continue;
      if (structParam(K) || held(K))
        O += "  for (std::size_t " + Ix + " = 0; " + Ix + " < " + len(K) + "; ++" + Ix + ")\n    " + Jac + "[" +
             Row + " * " + NIn + " + " + InOffsets[K] + " + " + Ix + "] = " + numberAt(K, Ix) + ";\n";
      else if (F.Params[K]->Ty.IsPointer)
        O += "  std::copy(" + d(K) + ", " + d(K) + " + " + len(K) + ", " + rowAt(K) + ");\n";
      else
        O += "  " + Jac + "[" + Row + " * " + NIn + " + " + InOffsets[K] + "] = " + d(K) + ";\n";
    }
    O += "}\n}\n";
  }

  const Function &F;
  const MatrixDriver &P;
  const std::vector<std::string> &Lengths;
  std::string Fwd, Pullback, Vec;
  DriverNames Names;
  /// The matrix; the driver's counts, loop indices (column, row, element).
  std::string Jac, NIn, NOut, Col = Names("adgen_col"), Row = Names("adgen_row"), Ix = Names("adgen_e");
  std::vector<std::string> InOffsets, OutOffsets;
  std::optional<long long> NInLit;
  std::vector<std::vector<std::string>> Leaves = matrix::paramLeaves(F); ///< per struct parameter
  std::vector<matrix::ParamNumbers> Nums;
  std::vector<std::string> RetLeaves = matrix::returnLeaves(F); ///< a returned struct's numbers
  std::vector<const Var *> Globals = matrix::writtenGlobals(F);
  std::vector<std::string> GlobalNames;
  std::string O;
};

} // namespace

std::string adgen::jacobianDriverBody(const Function &Driver) { return JacobianBody(Driver).run(); }
