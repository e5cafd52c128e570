//===- Emit/MatrixNumbers.cpp - C++ that holds a matrix's numbers ---------===//

#include "Emit/MatrixNumbers.h"
#include <cctype>

using namespace adgen;
using namespace adgen::graph;

namespace adgen::matrix {

/// `auto adgen_<g>_on_entry = adgen::snapshot(g);` for each written global.
std::string saveGlobals(const std::vector<const Var *> &Globals, std::vector<std::string> &Names,
                        const std::string &Indent, DriverNames &Fresh) {
  std::string O;
  for (const Var *V : Globals) {
    std::string N = V->Name;
    std::string Id;
    for (char C : N)
      Id += std::isalnum(static_cast<unsigned char>(C)) ? C : '_';
    while (!Id.empty() && Id[0] == '_')
      Id.erase(0, 1);
    Names.push_back(Fresh("adgen_global_" + Id + "_on_entry"));
    O += Indent + "auto " + Names.back() + " = adgen::snapshot(" + N + ");\n";
  }
  return O;
}

std::string numberTable(const Var &Param, const std::vector<std::string> &Leaves,
                        const std::string &Object, const std::string &Table) {
  std::string T = floatSpelling(Param.Ty.Scalar) + " *const " + Table + "[] = {";
  for (size_t E = 0; E < Leaves.size(); ++E)
    T += (E ? ", &" : "&") + leafOf(Leaves[E], Object);
  return T + "};\n";
}

ParamNumbers::ParamNumbers(const Var &Param, std::vector<std::string> Leaves,
                           const std::string &SpecLength, std::string NumberFn)
    : Param(Param), Leaves(std::move(Leaves)), NumberFn(std::move(NumberFn)) {
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
  return isStruct() ? "adgen::zeroed<" + E + ">()" : typedValue(E, "0");
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
  std::string O = Indent + "auto " + NumberFn + " = [](" + E +
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
  return NumberFn + "(" + D + "[" + P + " / " + L + "], " + P + " % " + L + ")";
}

std::string typedValue(const std::string &Ty, const std::string &V) {
  bool Words = Ty.find(' ') != std::string::npos && Ty.back() != '>';
  return Words ? "static_cast<" + Ty + ">(" + V + ")" : Ty + "(" + V + ")";
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
