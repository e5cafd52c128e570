//===- Transforms/JacobianMode.h - How f_jacobian computes -------*- C++ -*-===//
///
/// \file
/// The --jacobian-mode option, parsed once where the command line is read
/// and passed down as this enum.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_JACOBIANMODE_H
#define ADGEN_TRANSFORMS_JACOBIANMODE_H

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace adgen {

/// How f_jacobian computes: by columns (forward), rows (reverse), or the
/// cheaper of the two for the lengths at run time.
enum class JacobianMode { Auto, Forward, Reverse };

/// The mode --jacobian-mode=\p Word asks for ("forward", "reverse"), if any.
inline std::optional<JacobianMode> jacobianModeNamed(llvm::StringRef Word) {
  if (Word == "forward")
    return JacobianMode::Forward;
  if (Word == "reverse")
    return JacobianMode::Reverse;
  return std::nullopt;
}

} // namespace adgen

#endif
