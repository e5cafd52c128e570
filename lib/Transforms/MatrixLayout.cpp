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

bool isStructParam(const Var &Param) { return Param.Ty.Rec && !Param.Ty.IsPointer; }

std::vector<std::vector<std::string>> paramLeaves(const Function &F) {
  std::vector<std::vector<std::string>> Out(F.Params.size());
  for (size_t K = 0; K < F.Params.size(); ++K)
    if (isStructParam(*F.Params[K])) {
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
    if (!matrix::structLeaves(T.element(), "", T.Scalar, Leaves, Why))
      return What + " of a function whose parameter '" + F.Params[I]->Name +
             "' cannot be flattened into the matrix: " + Why +
             "; use ADGEN_FORWARD / ADGEN_REVERSE, or a wrapper taking arrays";
  }
  if (Hessian && usesContainers(F))
    return "ADGEN_HESSIAN of a function that uses std::vector or std::array is not supported "
           "yet; use ADGEN_FORWARD / ADGEN_REVERSE, or plain arrays";
  if (F.Method == "(private)")
    return What + " of a private or protected member function is not supported; mark a "
                  "public one that calls it";
  if (!F.ReturnsVoid && F.ReturnType.Rec)
    return What + " of a function that returns a struct is not supported yet; use "
                  "ADGEN_FORWARD / ADGEN_REVERSE, or a wrapper writing an array";
  return "";
}

