//===- Requests/Modes.cpp - The differentiation modes, in one table --------===//

#include "Requests/Modes.h"
#include <cassert>

using namespace adgen;

namespace {

constexpr llvm::StringLiteral ForwardSuffixes[] = {"fwd"};
constexpr llvm::StringLiteral ReverseSuffixes[] = {"pullback", "grad"};
constexpr llvm::StringLiteral JacobianSuffixes[] = {"jacobian"};
constexpr llvm::StringLiteral HessianSuffixes[] = {"hessian"};

/// In the order of enum Mode (modeInfo indexes it).
const ModeInfo Table[] = {
    {Mode::Forward, "forward", "ADGEN_FORWARD", "--forward", ForwardSuffixes},
    {Mode::Reverse, "reverse", "ADGEN_REVERSE", "--reverse", ReverseSuffixes},
    {Mode::Jacobian, "jacobian", "ADGEN_JACOBIAN", "--jacobian", JacobianSuffixes},
    {Mode::Hessian, "hessian", "ADGEN_HESSIAN", "--hessian", HessianSuffixes},
};

} // namespace

llvm::ArrayRef<ModeInfo> adgen::allModes() { return Table; }

const ModeInfo &adgen::modeInfo(Mode M) {
  const ModeInfo &I = Table[unsigned(M)];
  assert(I.M == M && "the table is in the order of enum Mode");
  return I;
}

std::optional<Mode> adgen::modeNamed(llvm::StringRef Word) {
  for (const ModeInfo &I : Table)
    if (I.Word == Word)
      return I.M;
  return std::nullopt;
}

std::optional<Mode> adgen::modeOfOption(llvm::StringRef Option) {
  for (const ModeInfo &I : Table)
    if (I.Option == Option)
      return I.M;
  return std::nullopt;
}

std::string adgen::listModes(llvm::StringLiteral ModeInfo::*Field) {
  std::string Out;
  size_t N = std::size(Table);
  for (size_t I = 0; I < N; ++I)
    Out += (I == 0 ? "" : I + 1 == N ? " or " : ", ") + (Table[I].*Field).str();
  return Out;
}
