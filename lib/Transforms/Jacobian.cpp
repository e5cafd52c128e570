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
#include "Transforms/ShareCalls.h"
#include "Analysis/Activity.h"
#include <cctype>
#include <functional>

using namespace adgen;
using namespace adgen::graph;

namespace {

std::string scalarType(const Type &T) { return T.valueStr(); }

std::string floatSpelling(ScalarKind K) {
  return K == ScalarKind::Float ? "float" : K == ScalarKind::LongDouble ? "long double" : "double";
}

/// The globals \p F and the functions it calls write (a call counter, a
/// cache), in the order they are first written. f_jacobian and f_hessian
/// run f's derivatives several times and must leave f's effects once: they
/// save these on entry and put them back before each run. A private static
/// member is reached through a pointer only the emitter knows: left out.
std::vector<const Var *> writtenGlobals(const Function &F) {
  std::vector<const Var *> Out;
  std::vector<const Function *> Seen;
  auto note = [&](const Var *V) {
    if (V && V->Kind == VarKind::Global && V->Private.empty() &&
        std::find(Out.begin(), Out.end(), V) == Out.end())
      Out.push_back(V);
  };
  std::function<void(const Function &)> Walk = [&](const Function &G) {
    if (std::find(Seen.begin(), Seen.end(), &G) != Seen.end())
      return;
    Seen.push_back(&G);
    forEachStmt(G.Body, [&](Stmt *S) {
      if ((S->K == StmtKind::Assign || S->K == StmtKind::AddAssign ||
           S->K == StmtKind::Call) && S->Target)
        note(rootOf(S->Target));
      if (S->K != StmtKind::Call)
        return;
      for (size_t I = 0; I < S->Args.size(); ++I)
        if (S->Fn && I < S->Fn->ParamTypes.size() && S->Fn->ParamTypes[I].isWritable())
          note(rootOf(S->Args[I]));
      if (S->Fn && S->Fn->Body)
        Walk(*S->Fn->Body);
    });
  };
  Walk(F);
  return Out;
}

/// `auto adgen_<g>_on_entry = adgen::snapshot(g);` for each written global.
std::string saveGlobals(const std::vector<const Var *> &Globals, std::vector<std::string> &Names,
                        const std::string &Indent) {
  std::string O;
  for (const Var *V : Globals) {
    std::string N = V->Name;
    std::string Id;
    for (char C : N)
      Id += std::isalnum(static_cast<unsigned char>(C)) ? C : '_';
    while (!Id.empty() && Id[0] == '_')
      Id.erase(0, 1);
    Names.push_back("adgen_global_" + Id + "_on_entry");
    O += Indent + "auto " + Names.back() + " = adgen::snapshot(" + N + ");\n";
  }
  return O;
}

/// The floating-point numbers inside a struct, in declaration order (the
/// contract's layout: bases' fields first, arrays element by element), as
/// member paths (".pos.x", ".q[2]"). False, with \p Why, for a struct
/// whose numbers cannot be flattened into one matrix: a private field,
/// fields of different precisions.
bool structLeaves(const Type &T, const std::string &Path, ScalarKind Kind,
                  std::vector<std::string> &Out, std::string &Why) {
  for (const Record::Field &F : T.Rec->Fields) {
    if (!F.Ty.isFloating())
      continue;
    if (!F.Private.empty()) {
      Why = "field '" + F.Name + "' of '" + T.Rec->Spelling + "' is " + F.Private.Access;
      return false;
    }
    uint64_t N = F.Ty.ArraySize ? F.Ty.ArraySize : F.Ty.StdArray;
    for (uint64_t I = 0; I < (N ? N : 1); ++I) {
      std::string P = Path + "." + F.Name + (N ? "[" + std::to_string(I) + "]" : "");
      if (F.Ty.Rec) {
        if (!structLeaves(F.Ty.element(), P, Kind, Out, Why))
          return false;
      } else if (F.Ty.Scalar != Kind) {
        Why = "'" + T.Rec->Spelling + "' mixes floating-point types";
        return false;
      } else {
        Out.push_back(P);
      }
    }
  }
  return true;
}

/// C++ that calls f itself on its parameters: `::ns::f(x, y)`, or
/// `self.m(x, y)` for a method.
std::string primalCall(const Function &F) {
  std::string A;
  bool Method = !F.Method.empty();
  for (size_t K = Method ? 1 : 0; K < F.Params.size(); ++K)
    A += (A.empty() ? "" : ", ") + F.Params[K]->Name;
  return (Method ? "self." + F.Method : F.qualifiedName()) + "(" + A + ")";
}

/// Puts the written globals back as they were on entry.
std::string restoreGlobals(const std::vector<const Var *> &Globals,
                           const std::vector<std::string> &Names, const std::string &Indent) {
  std::string O;
  for (size_t I = 0; I < Globals.size(); ++I)
    O += Indent + Names[I] + ".restore(" + Globals[I]->Name + ");\n";
  return O;
}


/// The text of f_jacobian's body.
class JacobianBody {
public:
  JacobianBody(const Function &F, const ActivityPattern &P, const std::vector<std::string> &Lengths,
               std::string Fwd, std::string Pullback, std::string Vec)
      : F(F), P(P), Lengths(Lengths), Fwd(std::move(Fwd)), Pullback(std::move(Pullback)),
        Vec(std::move(Vec)) {}

  std::string run() {
    for (size_t K = 0; K < F.Params.size(); ++K)
      Leaves.push_back(structParam(K) ? leavesOf(F.Params[K]->Ty) : std::vector<std::string>());
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
    O += "const std::size_t adgen_n_in = " + InOff + ";\n";
    O += "const std::size_t adgen_n_out = " + OutOff + ";\n";
    // What f overwrites: each run starts from the entry values (not needed
    // when one vector sweep is the only run).
    bool Runs = !Fwd.empty() || !Pullback.empty();
    if (Runs)
      O += saveGlobals(Globals, GlobalNames, "");
    for (size_t K = 0; K < F.Params.size() && Runs; ++K) {
      if (!P.isActive(K) || !F.Params[K]->Ty.isWritable())
        continue;
      if (F.Params[K]->Ty.IsPointer)
        O += "const std::vector<" + ty(K) + "> " + start(K) + "(" + name(K) + ", " + name(K) +
             " + " + len(K) + ");\n";
      else
        O += "const " + ty(K) + " " + start(K) + " = " + name(K) + ";\n";
    }
    for (size_t K = 0; K < F.Params.size() && Runs; ++K) {
      if (!P.isActive(K))
        continue;
      if (F.Params[K]->Ty.IsPointer)
        O += "std::vector<" + ty(K) + "> " + d(K) + "(" + len(K) + ");\n";
      else if (structParam(K))
        O += ty(K) + " " + d(K) + " = adgen::zeroed<" + ty(K) + ">();\n" + leafTable(K);
      else
        O += ty(K) + " " + d(K) + " = 0;\n";
    }
    O += "if (adgen_n_in == 0 || adgen_n_out == 0) {\n  " + primalCall(F) + ";\n  return;\n}\n";
    bool Both = (!Fwd.empty() || !Vec.empty()) && !Pullback.empty();
    if (Both)
      O += "if (adgen_n_in <= adgen_n_out) {\n";
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
  std::string len(size_t K) {
    if (structParam(K))
      return std::to_string(Leaves[K].size());
    return F.Params[K]->Ty.IsPointer ? "static_cast<std::size_t>(" + Lengths[K] + ")"
                                     : std::string("1");
  }
  /// A struct parameter (by value or reference): its numbers flattened.
  bool structParam(size_t K) { return F.Params[K]->Ty.Rec && !F.Params[K]->Ty.IsPointer; }
  std::vector<std::string> leavesOf(const Type &T) {
    std::vector<std::string> Out;
    std::string Why;
    structLeaves(T.element(), "", T.Scalar, Out, Why); // checked by the driver
    return Out;
  }
  std::string leaves(size_t K) { return "adgen_numbers_" + F.Params[K]->Name; }
  /// `double *const adgen_numbers_s[] = {&adgen_d_s.x, ...};`: the numbers
  /// of a struct's derivative, in the contract's order.
  std::string leafTable(size_t K) {
    std::string T = floatSpelling(F.Params[K]->Ty.Scalar) + " *const " + leaves(K) +
                    "[] = {";
    for (size_t E = 0; E < Leaves[K].size(); ++E)
      T += (E ? ", &" : "&") + d(K) + Leaves[K][E];
    return T + "};\n";
  }
  std::string d(size_t K) { return "adgen_d_" + F.Params[K]->Name; }
  std::string start(size_t K) { return "adgen_" + F.Params[K]->Name + "_on_entry"; }

  void restoreAndClear() {
    O += restoreGlobals(Globals, GlobalNames, "  ");
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.isActive(K))
        continue;
      bool Array = F.Params[K]->Ty.IsPointer;
      if (F.Params[K]->Ty.isWritable())
        O += Array ? "  std::copy(" + start(K) + ".begin(), " + start(K) + ".end(), " + name(K) + ");\n"
                   : "  " + name(K) + " = " + start(K) + ";\n";
      O += Array              ? "  std::fill(" + d(K) + ".begin(), " + d(K) + ".end(), " + ty(K) + "(0));\n"
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
      if (structParam(K))
        O += "  if (" + (Off == "0" ? "" : Index + " >= " + Off + " && ") + Index + " < " + Off +
             " + " + len(K) + ")\n    *" + leaves(K) + "[" + Index + " - (" + Off + ")] = 1;\n";
      else if (F.Params[K]->Ty.IsPointer)
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

  /// All input directions in one sweep of f_fwd_vec: f runs once.
  void forwardVector() {
    O += "// Forward mode, all n_in input directions in one sweep (f runs once).\n";
    O += "{\n";
    std::string Args;
    for (size_t K = 0; K < F.Params.size(); ++K)
      Args += (K ? ", " : "") + name(K);
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.isActive(K))
        continue;
      std::string V = "adgen_v" + d(K).substr(6); // adgen_v<param>
      O += "  std::vector<" + ty(K) + "> " + V + "(" + len(K) + " * adgen_n_in);\n";
      if (P.Inputs[K])
        O += "  for (std::size_t adgen_e = 0; adgen_e < " + len(K) + "; ++adgen_e)\n    " + V +
             "[adgen_e * adgen_n_in + " + InOffsets[K] + " + adgen_e] = 1;\n";
      Args += ", " + V + ".data()";
    }
    Args += ", static_cast<int>(adgen_n_in)";
    bool RetFloat = !F.ReturnsVoid && F.ReturnType.isFloating();
    if (RetFloat) {
      O += "  std::vector<" + scalarType(F.ReturnType) + "> adgen_vret(adgen_n_in);\n";
      Args += ", adgen_vret.data()";
    }
    O += "  " + Vec + "(" + Args + ");\n";
    O += "  for (std::size_t adgen_col = 0; adgen_col < adgen_n_in; ++adgen_col) {\n";
    if (P.Return)
      O += "    jac[adgen_col] = adgen_vret[adgen_col];\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.Outputs[K])
        continue;
      std::string V = "adgen_v" + d(K).substr(6);
      O += "    for (std::size_t adgen_e = 0; adgen_e < " + len(K) + "; ++adgen_e)\n      jac[(" +
           OutOffsets[K] + " + adgen_e) * adgen_n_in + adgen_col] = " + V +
           "[adgen_e * adgen_n_in + adgen_col];\n";
    }
    O += "  }\n}\n";
  }

  void forward() {
    O += "// Forward mode: column j of the Jacobian from the tangents of input j.\n";
    O += "for (std::size_t adgen_col = 0; adgen_col < adgen_n_in; ++adgen_col) {\n";
    restoreAndClear();
    seed("adgen_col", true);
    if (P.Return)
      O += "  jac[adgen_col] = " + call(Fwd, true, false) + ".tangent;\n";
    else
      O += "  " + call(Fwd, true, false) + ";\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.Outputs[K])
        continue;
      if (structParam(K))
        O += "  for (std::size_t adgen_e = 0; adgen_e < " + len(K) + "; ++adgen_e)\n    jac[(" + OutOffsets[K] +
             " + adgen_e) * adgen_n_in + adgen_col] = *" + leaves(K) + "[adgen_e];\n";
      else if (F.Params[K]->Ty.IsPointer)
        O += "  for (std::size_t adgen_e = 0; adgen_e < " + len(K) + "; ++adgen_e)\n    jac[(" + OutOffsets[K] +
             " + adgen_e) * adgen_n_in + adgen_col] = " + d(K) + "[adgen_e];\n";
      else
        O += "  jac[(" + OutOffsets[K] + ") * adgen_n_in + adgen_col] = " + d(K) + ";\n";
    }
    O += "}\n";
  }

  void reverse() {
    O += "// Reverse mode: row i of the Jacobian from the adjoints for output i.\n";
    O += "for (std::size_t adgen_row = 0; adgen_row < adgen_n_out; ++adgen_row) {\n";
    restoreAndClear();
    if (!F.ReturnsVoid && F.ReturnType.isFloating())
      O += "  " + scalarType(F.ReturnType) + " d_ret = " +
           (P.Return ? "adgen_row == 0 ? 1 : 0" : "0") + ";\n";
    seed("adgen_row", false);
    O += "  " + call(Pullback, false, true) + ";\n";
    for (size_t K = 0; K < F.Params.size(); ++K) {
      if (!P.Inputs[K])
        continue;
      if (structParam(K))
        O += "  for (std::size_t adgen_e = 0; adgen_e < " + len(K) + "; ++adgen_e)\n    jac[adgen_row * adgen_n_in + " +
             InOffsets[K] + " + adgen_e] = *" + leaves(K) + "[adgen_e];\n";
      else if (F.Params[K]->Ty.IsPointer)
        O += "  for (std::size_t adgen_e = 0; adgen_e < " + len(K) + "; ++adgen_e)\n    jac[adgen_row * adgen_n_in + " +
             InOffsets[K] + " + adgen_e] = " + d(K) + "[adgen_e];\n";
      else
        O += "  jac[adgen_row * adgen_n_in + " + InOffsets[K] + "] = " + d(K) + ";\n";
    }
    O += "}\n";
  }

  const Function &F;
  const ActivityPattern &P;
  const std::vector<std::string> &Lengths;
  std::string Fwd, Pullback, Vec;
  std::vector<std::string> InOffsets, OutOffsets;
  std::vector<std::vector<std::string>> Leaves; ///< per struct parameter
  std::vector<const Var *> Globals = writtenGlobals(F);
  std::vector<std::string> GlobalNames;
  std::string O;
};

} // namespace

std::string Differentiator::matrixUnsupported(const Function &F, const ActivityPattern &P,
                                              bool Hessian) {
  std::string What = Hessian ? "ADGEN_HESSIAN" : "ADGEN_JACOBIAN";
  for (size_t I = 0; I < F.Params.size(); ++I) {
    const Type &T = F.Params[I]->Ty;
    if (!(P.Inputs[I] || P.Outputs[I]) || !(T.Rec || T.isContainer()))
      continue;
    if (T.isContainer() || T.IsPointer)
      return What + " of a function that takes std::vector, std::array or an array of structs "
                    "('" + F.Params[I]->Name + "') is not supported yet; use ADGEN_FORWARD / "
                    "ADGEN_REVERSE, or a wrapper taking arrays";
    std::vector<std::string> Leaves;
    std::string Why;
    if (!structLeaves(T.element(), "", T.Scalar, Leaves, Why))
      return What + " of a function whose parameter '" + F.Params[I]->Name +
             "' cannot be flattened into the matrix: " + Why +
             "; use ADGEN_FORWARD / ADGEN_REVERSE, or a wrapper taking arrays";
  }
  if (F.Method == "(private)")
    return What + " of a private or protected member function is not supported; mark a "
                  "public one that calls it";
  if (!F.ReturnsVoid && F.ReturnType.Rec)
    return What + " of a function that returns a struct is not supported yet; use "
                  "ADGEN_FORWARD / ADGEN_REVERSE, or a wrapper writing an array";
  return "";
}

/// Puts a derivative that f_jacobian or f_hessian drives next to f's helpers
/// (static, in adgen_detail) and emits it; returns its qualified name.
std::string Differentiator::placeInternal(Function &G, const Function &F) {
  G.Namespaces.clear();
  for (const std::string &NS : F.Namespaces)
    if (!NS.empty())
      G.Namespaces.push_back(NS);
  G.Namespaces.push_back("adgen_detail");
  G.IsStatic = true;
  G.IsInline = false;
  Generated.push_back(&G);
  return G.qualifiedName();
}

bool Differentiator::jacobian(Function &F, const ActivityPattern &P,
                              const std::vector<std::string> &Lengths, const std::string &Name,
                              JacobianMode Mode) {
  // The derivatives it drives: internal, next to the helpers.
  auto internal = [&](Function *G) { return placeInternal(*G, F); };
  std::string Fwd, Pullback, Vec;
  if (Mode != JacobianMode::Reverse) {
    // One sweep for all columns where possible; else one run per column.
    if (Function *V = vectorForwardTransform(*this, F, P, F.Name + "_jacobian_fwd_vec", true)) {
      V->Doc = "Forward mode of " + F.Name + " with k directions in one sweep, for " + Name + ".";
      Vec = internal(V);
    } else {
      Function *G = forwardTransform(*this, F, P, F.Name + "_jacobian_fwd");
      if (!G)
        return Failed = true, false;
      shareRepeatedCalls(M, *G);
      G->Doc = "Forward mode of " + F.Name + " for " + Name + ".";
      Fwd = internal(G);
    }
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
  J.RawBody = JacobianBody(F, P, Lengths, Fwd, Pullback, Vec).run();
  Generated.push_back(&J);
  return true;
}

bool Differentiator::hessian(Function &F, const ActivityPattern &P,
                             const std::vector<std::string> &Lengths, const std::string &Name) {
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

  // f_hessian: column j is the tangent of the gradient along input j.
  std::string O;
  // Struct parameters: their numbers, in the contract's order.
  auto isStruct = [&](size_t K) { return F.Params[K]->Ty.Rec && !F.Params[K]->Ty.IsPointer; };
  std::vector<std::vector<std::string>> Leaves(NF);
  for (size_t K = 0; K < NF; ++K)
    if (isStruct(K)) {
      std::string Why;
      structLeaves(F.Params[K]->Ty.element(), "", F.Params[K]->Ty.Scalar, Leaves[K], Why);
    }
  auto len = [&](size_t K) {
    if (isStruct(K))
      return std::to_string(Leaves[K].size());
    return F.Params[K]->Ty.IsPointer ? "static_cast<std::size_t>(" + Lengths[K] + ")"
                                     : std::string("1");
  };
  auto ty = [&](size_t K) { return scalarType(F.Params[K]->Ty); };
  auto table = [&](size_t K, const std::string &Of) {
    std::string T = floatSpelling(F.Params[K]->Ty.Scalar) + " *const adgen_numbers_" +
                    Of.substr(6) + "[] = {";
    for (size_t E = 0; E < Leaves[K].size(); ++E)
      T += (E ? ", &" : "&") + Of + Leaves[K][E];
    return T + "};\n";
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
    if (F.Params[K]->Ty.IsPointer) {
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
  auto ref = [&](size_t K, const std::string &Prefix, bool Pointer) {
    std::string N = Prefix + F.Params[K]->Name;
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
  O += "if (adgen_n == 0) {\n  " + primalCall(F) + ";\n  return;\n}\n";
  std::vector<const Var *> Globals = writtenGlobals(F);
  std::vector<std::string> GlobalNames;
  O += saveGlobals(Globals, GlobalNames, "");
  O += "for (std::size_t adgen_col = 0; adgen_col < adgen_n; ++adgen_col) {\n";
  O += restoreGlobals(Globals, GlobalNames, "  ");
  for (size_t K = 0; K < NF; ++K) {
    if (!P.isActive(K))
      continue;
    std::string N = F.Params[K]->Name;
    bool Array = F.Params[K]->Ty.IsPointer;
    if (F.Params[K]->Ty.isWritable())
      O += Array ? "  std::copy(adgen_" + N + "_on_entry.begin(), adgen_" + N + "_on_entry.end(), " + N + ");\n"
                 : "  " + N + " = adgen_" + N + "_on_entry;\n";
    for (const char *B : {"adgen_g_", "adgen_dg_", "adgen_t_"})
      O += Array       ? "  std::fill(" + std::string(B) + N + ".begin(), " + B + N + ".end(), " + ty(K) + "(0));\n"
           : isStruct(K) ? "  " + std::string(B) + N + " = adgen::zeroed<" + ty(K) + ">();\n"
                         : "  " + std::string(B) + N + " = 0;\n";
    if (P.Inputs[K]) {
      if (isStruct(K))
        O += "  if (" + (Offs[K] == "0" ? "" : "adgen_col >= " + Offs[K] + " && ") + "adgen_col < " +
             Offs[K] + " + " + len(K) + ")\n    *adgen_numbers_t_" + N + "[adgen_col - (" + Offs[K] + ")] = 1;\n";
      else if (Array)
        O += "  if (" + (Offs[K] == "0" ? "" : "adgen_col >= " + Offs[K] + " && ") + "adgen_col < " +
             Offs[K] + " + " + len(K) + ")\n    adgen_t_" + N + "[adgen_col - (" + Offs[K] + ")] = 1;\n";
      else
        O += "  if (adgen_col == " + Offs[K] + ")\n    adgen_t_" + N + " = 1;\n";
    }
  }
  O += "  " + Fwd + "(" + Args + ");\n";
  for (size_t K = 0; K < NF; ++K) {
    if (!P.Inputs[K])
      continue;
    std::string N = F.Params[K]->Name;
    if (isStruct(K))
      O += "  for (std::size_t adgen_e = 0; adgen_e < " + len(K) + "; ++adgen_e)\n    hess[(" +
           Offs[K] + " + adgen_e) * adgen_n + adgen_col] = *adgen_numbers_dg_" + N + "[adgen_e];\n";
    else if (F.Params[K]->Ty.IsPointer)
      O += "  for (std::size_t adgen_e = 0; adgen_e < " + len(K) + "; ++adgen_e)\n    hess[(" +
           Offs[K] + " + adgen_e) * adgen_n + adgen_col] = adgen_dg_" + N + "[adgen_e];\n";
    else
      O += "  hess[(" + Offs[K] + ") * adgen_n + adgen_col] = adgen_dg_" + N + ";\n";
  }
  O += "}\n";

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
