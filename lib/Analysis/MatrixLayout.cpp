//===- Analysis/MatrixLayout.cpp - How f's numbers flatten into a matrix --===//

#include "Analysis/MatrixLayout.h"
#include "Analysis/GlobalEffects.h"

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

std::string leafOf(const std::string &Leaf, const std::string &Object) {
  std::string Out;
  for (char C : Leaf)
    Out += C == '$' ? Object : std::string(1, C);
  return Out;
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

std::vector<std::string> returnLeaves(const Function &F) {
  std::vector<std::string> Out;
  std::string Why;
  if (!F.ReturnsVoid && F.ReturnType.Rec)
    structLeaves(F.ReturnType.element(), "", F.ReturnType.Scalar, Out, Why);
  return Out;
}

Type jacobianElement(const Function &F, const std::vector<bool> &Outputs, bool Return) {
  auto number = [](const Type &T) {
    return T.Rec ? Type::scalar(T.Scalar, floatSpelling(T.Scalar)) : T.element();
  };
  if (!Return)
    for (size_t K = 0; K < F.Params.size(); ++K)
      if (Outputs[K])
        return number(F.Params[K]->Ty);
  return number(F.ReturnType);
}

} // namespace adgen::matrix
