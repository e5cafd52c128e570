//===- Transforms/TapeCursor.h - Unchecked pushes in counted loops -*- C++ -*-===//
///
/// \file
/// A push onto adgen::Tape checks the capacity and, storing bytes that may
/// alias the tape's own pointers, reloads its top after every value. In the
/// forward sweep of a counted loop whose body pushes only plain values and
/// calls nothing that could push, the tape reserves the loop's bytes once and
/// a cursor (a local pointer) pushes unchecked:
///
/// \code
///   j = 0;
///   {
///     adgen::Tape::Cursor tape_at = tape.reserve(static_cast<std::size_t>(8) * (sizeof(double)));
///     for (; j < 8; ++j) {
///       tape_at.push(t[j]);
///       t[j] = y[j] + 0.5 * dt * k1[j];
///     }
///     tape.commit(tape_at);
///   }
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_TAPECURSOR_H
#define ADGEN_TRANSFORMS_TAPECURSOR_H

#include "Graph/Graph.h"
#include "Transforms/CountedLoop.h"

namespace adgen {

/// The forward sweep's \p Loop (after the counter's initialisation) with its
/// pushes through a cursor, reserved before it; or null when its body has
/// anything but plain pushes onto one tape (a call, a nested loop, a return,
/// a pushed pointer or struct).
graph::Stmt *cursorLoop(graph::Module &M, graph::Function &G, const CountedLoop &C,
                        graph::Stmt *Loop);

} // namespace adgen

#endif // ADGEN_TRANSFORMS_TAPECURSOR_H
