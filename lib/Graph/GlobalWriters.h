//===- Graph/GlobalWriters.h - Callees that may change globals -*- C++ -*-===//
///
/// \file
/// The builder gives a callee its own graph only when the callee can move
/// floating-point values: a floating parameter or result, a pointer it
/// writes through. A callee with none of those can still assign a
/// floating-point global (`void reset() { g = 4; }`), which the marked
/// function may have read into a partial derivative; reverse mode must then
/// save and restore the global around the call, and it can only do so if the
/// callee's graph says what it writes. This finds such callees.
///
/// \code
///   if (mayWriteFloatingGlobals(Def))
///     C.Body = build(Def);   // GlobalEffects then sees the writes
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_GLOBALWRITERS_H
#define ADGEN_GRAPH_GLOBALWRITERS_H

namespace clang {
class FunctionDecl;
} // namespace clang

namespace adgen {

/// Whether \p Def, or a function it calls whose definition is visible
/// outside system headers (transitively), names a non-const global or
/// static variable of floating-point type (or array of it). Conservative:
/// naming one counts, read or written.
bool mayWriteFloatingGlobals(const clang::FunctionDecl *Def);

} // namespace adgen

#endif
