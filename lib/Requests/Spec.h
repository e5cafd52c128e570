//===- Requests/Spec.h - The spec string of a marking macro ------*- C++ -*-===//
///
/// \file
/// Parses the spec of ADGEN_FORWARD("w, b[n] -> return, y[n*d]") and friends.
/// This is syntax only: whether a name is a parameter, and whether it has a
/// floating-point type, is checked against the function by RequestFinder.
///
/// \code
///   spec    := [inputs] ["->" outputs]
///   inputs  := item ("," item)*          outputs := item ("," item)*
///   item    := name | name "[" length "]" | "return"
///   length  := term (("+" | "-" | "*") term)*
///   term    := integer-literal | name
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_REQUESTS_SPEC_H
#define ADGEN_REQUESTS_SPEC_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace adgen {

/// An array length in a spec: an integer expression over integer literals and
/// parameter names, with + - * (usual precedence).
struct SpecLength {
  /// The expression, normalised to C++ with single spaces: "n * d + 1".
  std::string Text;
  /// The names it uses, in order of first appearance.
  std::vector<std::string> Names;
  /// Offset of the length's first character in the spec string.
  size_t Offset = 0;
};

/// One item of an input or output list.
struct SpecItem {
  enum class Kind { Param, Return };
  Kind K = Kind::Param;
  /// The parameter name (empty for Return).
  std::string Name;
  /// The length given in brackets, if any.
  std::optional<SpecLength> Length;
  /// Offset of the item's first character in the spec string.
  size_t Offset = 0;
};

/// A parsed spec. An absent list means "the default" (see interface.md):
/// "-> y" keeps the default inputs and "x ->" the default outputs. A present
/// list is never empty; a bare "->" is an error.
struct Spec {
  std::optional<std::vector<SpecItem>> Inputs;  ///< nullopt: default inputs
  std::optional<std::vector<SpecItem>> Outputs; ///< nullopt: default outputs

  /// Per parameter (named \p Params, in order), the length the spec gives
  /// it ("n * d" for "x[n * d]"), or "" for none. An output's length wins
  /// over the same name's length as an input.
  std::vector<std::string> lengths(llvm::ArrayRef<std::string> Params) const;
};

/// A syntax error at a byte offset of the spec string.
class SpecError : public llvm::ErrorInfo<SpecError> {
public:
  static char ID;
  SpecError(size_t Offset, std::string Message)
      : Offset(Offset), Message(std::move(Message)) {}
  size_t offset() const { return Offset; }
  std::string message() const override { return Message; }
  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override;

private:
  size_t Offset;
  std::string Message;
};

/// Parses \p Text. Empty or all-blank text is the all-default spec. Names
/// are C identifiers; integer literals are decimal digits only. Whitespace is
/// free between tokens. A name may be both an input and an output, but not
/// twice in one list.
/// Errors (a SpecError) point at the offending character, e.g.
/// "expected a parameter name", "unbalanced '['", "'return' cannot be an
/// input", "'x' is listed twice among the inputs", "expected ',' or '->'".
llvm::Expected<Spec> parseSpec(llvm::StringRef Text);

} // namespace adgen

#endif // ADGEN_REQUESTS_SPEC_H
