//===- Emit/CheckPrelude.h - The runtime of the --emit=check program -*- C++ -*-===//
///
/// \file
/// The fixed text of the program `adgen --emit=check` writes (see
/// CheckEmitter.h): emitCheckMain puts CheckPrelude first, then declares the
/// visitors of the structs the checked functions use, then
/// CheckPreludeVisitors (the container visitors, which may call them).
//===----------------------------------------------------------------------===//
#ifndef ADGEN_EMIT_CHECKPRELUDE_H
#define ADGEN_EMIT_CHECKPRELUDE_H

namespace adgen {

/// Includes, macros, canary buffers, finite differences, reports; ends
/// inside `namespace adgen_check {`, where the struct visitors are declared.
extern const char *const CheckPrelude;

/// The visitors of containers, arrays and buffers, and zeroLike.
extern const char *const CheckPreludeVisitors;

} // namespace adgen

#endif
