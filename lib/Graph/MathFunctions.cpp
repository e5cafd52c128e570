//===- Graph/MathFunctions.cpp - The elementary functions adgen knows -----===//

#include "Graph/MathFunctions.h"
#include "llvm/ADT/StringSwitch.h"

using namespace adgen;

/// Arity of each canonical name; 0 if unknown.
static unsigned arityOf(llvm::StringRef N) {
  return llvm::StringSwitch<unsigned>(N)
      .Cases("exp", "exp2", "expm1", "log", "log2", "log10", "log1p", 1)
      .Cases("sqrt", "cbrt", "sin", "cos", "tan", "asin", "acos", "atan", 1)
      .Cases("sinh", "cosh", "tanh", "asinh", "acosh", "atanh", 1)
      .Cases("erf", "erfc", "lgamma", "fabs", "floor", "ceil", "round", 1)
      .Case("trunc", 1)
      .Cases("pow", "hypot", "atan2", "fmin", "fmax", "fmod", "copysign", 2)
      .Cases("min", "max", 2)
      .Cases("fma", "clamp", 3)
      // Classification and comparison: bool or int results, so no
      // derivative flows through them (MathRules has no partials for them).
      .Cases("isnan", "isinf", "isfinite", "isnormal", "signbit", "fpclassify", 1)
      .Cases("isgreater", "isgreaterequal", "isless", "islessequal", 2)
      .Cases("islessgreater", "isunordered", 2)
      .Default(0);
}

std::optional<std::string> graph::canonicalMathName(llvm::StringRef Name,
                                                    unsigned Arity) {
  if (Name == "abs")
    return Arity == 1 ? std::optional<std::string>("fabs") : std::nullopt;
  if (arityOf(Name) == Arity)
    return Name.str();
  if (Name == "hypot" && Arity == 3) // std::hypot(x, y, z), C++17
    return Name.str();
  // C's float and long double variants: expf, expl, fabsf, ...
  if ((Name.ends_with("f") || Name.ends_with("l")) &&
      arityOf(Name.drop_back()) == Arity && Name.drop_back() != "min" &&
      Name.drop_back() != "max" && Name.drop_back() != "clamp")
    return Name.drop_back().str();
  return std::nullopt;
}
