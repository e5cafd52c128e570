//===- Transforms/MatrixLayout.cpp - Shared by f_jacobian, f_hessian ------===//

#include "Transforms/MatrixLayout.h"
#include "Analysis/GlobalEffects.h"
#include "Transforms/Differentiator.h"
#include <algorithm>
#include <cctype>
#include <functional>

using namespace adgen;
using namespace adgen::graph;

namespace adgen::matrix {

std::string floatSpelling(ScalarKind K) {
  return K == ScalarKind::Float ? "float" : K == ScalarKind::LongDouble ? "long double" : "double";
}

/// The globals \p F and the functions it calls write (a call counter, a
/// cache; adgen::writtenGlobals). f_jacobian and f_hessian
/// run f's derivatives several times and must leave f's effects once: they
/// save these on entry and put them back before each run. A private static
/// member is reached through a pointer only the emitter knows: left out.
std::vector<const Var *> writtenGlobals(const Function &F) {
  std::vector<const Var *> Out;
  for (const Var *V : adgen::writtenGlobals(F))
    if (V->Private.empty())
      Out.push_back(V);
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
  if (T.Rec->Complex) { // its parts are reached through adgen::re / adgen::im
    if (T.Scalar != Kind) {
      Why = "'" + T.Rec->Spelling + "' mixes floating-point types";
      return false;
    }
    std::string Of = Path.empty() ? "$" : "$" + Path;
    Out.push_back("adgen::re(" + Of + ")");
    Out.push_back("adgen::im(" + Of + ")");
    return true;
  }
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
        Out.push_back("$" + P);
      }
    }
  }
  return true;
}

bool isStructParam(const Var &Param) {
  return Param.Ty.Rec && !Param.Ty.IsPointer && !Param.Ty.isContainer();
}

std::vector<std::vector<std::string>> paramLeaves(const Function &F) {
  std::vector<std::vector<std::string>> Out(F.Params.size());
  for (size_t K = 0; K < F.Params.size(); ++K)
    if (F.Params[K]->Ty.Rec) {
      std::string Why;
      structLeaves(F.Params[K]->Ty.element(), "", F.Params[K]->Ty.Scalar, Out[K], Why);
    }
  return Out;
}

std::string numberTable(const Var &Param, const std::vector<std::string> &Leaves,
                        const std::string &Object, const std::string &Table) {
  std::string T = floatSpelling(Param.Ty.Scalar) + " *const " + Table + "[] = {";
  for (size_t E = 0; E < Leaves.size(); ++E)
    T += (E ? ", &" : "&") + leafOf(Leaves[E], Object);
  return T + "};\n";
}

std::string leafOf(const std::string &Leaf, const std::string &Object) {
  std::string Out;
  for (char C : Leaf)
    Out += C == '$' ? Object : std::string(1, C);
  return Out;
}

ParamNumbers::ParamNumbers(const Var &Param, std::vector<std::string> Leaves,
                           const std::string &SpecLength)
    : Param(Param), Leaves(std::move(Leaves)) {
  const Type &T = Param.Ty;
  if (T.IsVector) {
    H = Holder::Vector;
    Count = Param.Name + ".size()";
  } else if (T.StdArray) {
    H = Holder::StdArray;
    Count = std::to_string(T.StdArray);
  } else if (T.IsPointer) {
    H = Holder::Pointer;
    Count = "static_cast<std::size_t>(" + SpecLength + ")";
  } else {
    Count = "1";
  }
}

std::string ParamNumbers::length() const {
  if (H == Holder::Single)
    return isStruct() ? std::to_string(Leaves.size()) : "1";
  if (!isStruct() || Leaves.size() == 1)
    return Count;
  if (H == Holder::StdArray)
    return std::to_string(Param.Ty.StdArray * Leaves.size());
  return Count + " * " + std::to_string(Leaves.size());
}

std::string ParamNumbers::zero() const {
  std::string E = Param.Ty.valueStr();
  return isStruct() ? "adgen::zeroed<" + E + ">()" : E + "(0)";
}

std::string ParamNumbers::container() const {
  std::string E = Param.Ty.valueStr();
  if (H == Holder::StdArray)
    return "std::array<" + E + ", " + std::to_string(Param.Ty.StdArray) + ">";
  return "std::vector<" + E + ">";
}

std::string ParamNumbers::declare(const std::string &D, const std::string &Indent) const {
  if (H == Holder::StdArray)
    return Indent + container() + " " + D +
           (isStruct() ? " = adgen::zeroed<" + container() + ">();\n" : "{};\n");
  return Indent + container() + " " + D + "(" + Count + ", " + zero() + ");\n";
}

std::string ParamNumbers::clear(const std::string &D, const std::string &Indent) const {
  return Indent + "std::fill(" + D + ".begin(), " + D + ".end(), " + zero() + ");\n";
}

std::string ParamNumbers::tangentArg(const std::string &D) const {
  return H == Holder::Pointer ? D + ".data()" : D;
}

std::string ParamNumbers::adjointArg(const std::string &D) const {
  return H == Holder::Pointer ? D + ".data()" : "&" + D;
}

std::string ParamNumbers::saveEntry(const std::string &Copy, const std::string &Indent) const {
  const std::string &N = Param.Name;
  if (H == Holder::Pointer)
    return Indent + "const " + container() + " " + Copy + "(" + N + ", " + N + " + " + Count + ");\n";
  return Indent + "const " + container() + " " + Copy + " = " + N + ";\n";
}

std::string ParamNumbers::restoreEntry(const std::string &Copy, const std::string &Indent) const {
  if (H == Holder::Pointer)
    return Indent + "std::copy(" + Copy + ".begin(), " + Copy + ".end(), " + Param.Name + ");\n";
  return Indent + Param.Name + " = " + Copy + ";\n";
}

std::string ParamNumbers::numberFunction(const std::string &Indent) const {
  if (!isStruct() || Leaves.size() == 1)
    return "";
  std::string E = Param.Ty.valueStr(), Fl = floatSpelling(Param.Ty.Scalar);
  std::string O = Indent + "auto adgen_number_" + Param.Name + " = [](" + E +
                  " &adgen_s, std::size_t adgen_i) -> " + Fl + " & {\n";
  O += Indent + "  " + Fl + " *const adgen_numbers[] = {";
  for (size_t I = 0; I < Leaves.size(); ++I)
    O += (I ? ", &" : "&") + leafOf(Leaves[I], "adgen_s");
  return O + "};\n" + Indent + "  return *adgen_numbers[adgen_i];\n" + Indent + "};\n";
}

std::string ParamNumbers::number(const std::string &D, const std::string &E) const {
  if (!isStruct())
    return D + "[" + E + "]";
  if (Leaves.size() == 1)
    return leafOf(Leaves[0], D + "[" + E + "]");
  std::string L = std::to_string(Leaves.size());
  bool Plain = E.find_first_of(" +-*/") == std::string::npos;
  std::string P = Plain ? E : "(" + E + ")";
  return "adgen_number_" + Param.Name + "(" + D + "[" + P + " / " + L + "], " + P + " % " + L + ")";
}

std::string containerLengthProblem(const Function &F, const std::vector<std::string> &Lengths,
                                   bool Hessian) {
  for (size_t K = 0; K < F.Params.size(); ++K) {
    const Type &T = F.Params[K]->Ty;
    if (!T.isContainer() || K >= Lengths.size() || Lengths[K].empty())
      continue;
    if (T.StdArray && Lengths[K] == std::to_string(T.StdArray))
      continue;
    std::string N = F.Params[K]->Name;
    return std::string(Hessian ? "ADGEN_HESSIAN" : "ADGEN_JACOBIAN") + ": '" + N + "' is a " +
           (T.IsVector ? "std::vector, whose length is its size()"
                       : "std::array of length " + std::to_string(T.StdArray)) +
           ", but the spec gives it length '" + Lengths[K] + "'; write '" + N +
           "' without a length";
  }
  return "";
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

} // namespace adgen::matrix

/// A local std::vector whose size \p F, or a function it calls, changes
/// (push_back, resize, clear, assign: StmtKind::Resize), or null.
static const Var *resizedVector(const Function &F) {
  std::vector<const Function *> Seen;
  std::function<const Var *(const Function &)> Visit = [&](const Function &G) -> const Var * {
    if (std::find(Seen.begin(), Seen.end(), &G) != Seen.end())
      return nullptr;
    Seen.push_back(&G);
    const Var *Found = nullptr;
    forEachStmt(G.Body, [&](Stmt *S) {
      if (Found)
        return;
      if (S->K == StmtKind::Resize)
        Found = S->V;
      else if (S->K == StmtKind::Call && S->Fn && S->Fn->Body)
        Found = Visit(*S->Fn->Body);
    });
    return Found;
  };
  return Visit(F);
}

std::string Differentiator::matrixUnsupported(const Function &F, const ActivityPattern &P,
                                              bool Hessian) {
  std::string What = Hessian ? "ADGEN_HESSIAN" : "ADGEN_JACOBIAN";
  for (size_t I = 0; I < F.Params.size(); ++I) {
    const Type &T = F.Params[I]->Ty;
    if (!(P.Inputs[I] || P.Outputs[I]) || !(T.Rec || T.isContainer()))
      continue;
    if (!T.Rec)
      continue; // a container of numbers: element by element
    std::vector<std::string> Leaves;
    std::string Why;
    if (!matrix::structLeaves(T.element(), "", T.Scalar, Leaves, Why))
      return What + " of a function whose parameter '" + F.Params[I]->Name +
             "' cannot be flattened into the matrix: " + Why +
             "; use ADGEN_FORWARD / ADGEN_REVERSE, or a wrapper taking arrays";
  }
  if (Hessian)
    if (const Var *V = resizedVector(F))
      return "ADGEN_HESSIAN of a function that changes the size of a std::vector ('" + V->Name +
             "') is not supported yet (forward over reverse would need the tangents of a "
             "vector that resizes on the tape); use ADGEN_FORWARD / ADGEN_REVERSE, or a "
             "std::vector sized once";
  if (F.Method == "(private)")
    return What + " of a private or protected member function is not supported; mark a "
                  "public one that calls it";
  if (Hessian && !F.ReturnsVoid && F.ReturnType.Rec)
    return "ADGEN_HESSIAN of a function that returns a struct is not supported: f_hessian needs "
           "one floating-point result; use ADGEN_JACOBIAN, or a wrapper returning one number";
  if (!F.ReturnsVoid && F.ReturnType.Rec && P.Return) {
    std::vector<std::string> Leaves;
    std::string Why;
    if (!matrix::structLeaves(F.ReturnType.element(), "", F.ReturnType.Scalar, Leaves, Why))
      return What + " of a function whose result cannot be flattened into the matrix: " + Why +
             "; use ADGEN_FORWARD / ADGEN_REVERSE, or a wrapper writing an array";
  }
  return "";
}

