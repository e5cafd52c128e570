//===- Requests/Modes.h - The differentiation modes, in one table -*- C++ -*-===//
///
/// \file
/// Everything that names a mode, in one row per mode: the marker macro
/// (ADGEN_REVERSE), the word of its annotation ("adgen.reverse:<spec>"), the
/// command-line option (--reverse) and the suffixes of the functions it
/// generates (f_pullback, f_grad). The finder, the driver, the stray-marker
/// check and the command line all read this table, so a mode is added or
/// renamed in one place.
///
/// \code
///   std::optional<Mode> M = modeNamed("reverse");      // Mode::Reverse
///   modeInfo(Mode::Reverse).Macro;                      // "ADGEN_REVERSE"
///   modeInfo(Mode::Reverse).Suffixes;                   // {"pullback", "grad"}
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_REQUESTS_MODES_H
#define ADGEN_REQUESTS_MODES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace adgen {

enum class Mode { Forward, Reverse, Jacobian, Hessian };

/// One row of the table.
struct ModeInfo {
  Mode M;
  llvm::StringLiteral Word;   ///< the annotation's "forward" in "adgen.forward:x"
  llvm::StringLiteral Macro;  ///< "ADGEN_FORWARD"
  llvm::StringLiteral Option; ///< "--forward"
  /// The public functions a request generates, f_<suffix>: the first always,
  /// the others when the function allows (f_grad: a floating-point result).
  llvm::ArrayRef<llvm::StringLiteral> Suffixes;
};

/// Every mode, in the order of enum Mode.
llvm::ArrayRef<ModeInfo> allModes();

/// The row of \p M.
const ModeInfo &modeInfo(Mode M);

/// The mode whose annotation word is \p Word ("reverse"), if any.
std::optional<Mode> modeNamed(llvm::StringRef Word);

/// The mode whose command-line option is \p Option ("--reverse"), if any.
std::optional<Mode> modeOfOption(llvm::StringRef Option);

/// Every mode's \p Field for a message: "ADGEN_FORWARD, ADGEN_REVERSE,
/// ADGEN_JACOBIAN or ADGEN_HESSIAN" for &ModeInfo::Macro.
std::string listModes(llvm::StringLiteral ModeInfo::*Field);

/// Annotations adgen reads begin with this ("adgen.forward:x").
inline constexpr llvm::StringLiteral AnnotationPrefix = "adgen.";

/// ADGEN_CUSTOM, which marks a derivative the user wrote: its annotation
/// word and its macro. Not a mode: it requests nothing.
inline constexpr llvm::StringLiteral CustomWord = "custom";
inline constexpr llvm::StringLiteral CustomMacro = "ADGEN_CUSTOM";

} // namespace adgen

#endif
