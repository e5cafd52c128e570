//===- Emit/MatrixEmitter.h - The C++ of f_jacobian and f_hessian -*- C++ -*-===//
///
/// \file
/// The bodies of f_jacobian and f_hessian are drivers: they seed arrays,
/// run the generated derivatives the graph::MatrixDriver names (held as
/// graph::Function pointers) once per column or row, or once for all
/// columns, and copy the results into the matrix. The transforms
/// (Transforms/Jacobian.cpp, Hessian.cpp) describe the driver; this writes
/// its C++, the body between the braces, one statement per line (the
/// emitter's clang-format pass lays it out).
///
/// \code
///   if (F.Matrix)
///     Out += matrixDriverBody(F);
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_EMIT_MATRIXEMITTER_H
#define ADGEN_EMIT_MATRIXEMITTER_H

#include "Graph/Graph.h"
#include <string>

namespace adgen {

/// The C++ body of \p Driver (f_jacobian or f_hessian), what its Matrix
/// describes. Its locals are fresh names (DriverNames.h); the matrix is its
/// last parameter.
std::string matrixDriverBody(const graph::Function &Driver);

/// f_jacobian's body (JacobianEmitter.cpp): the cheaper of forward (a
/// column per run, or one vector sweep) and reverse mode (a row per run),
/// chosen at run time when the driver has both.
std::string jacobianDriverBody(const graph::Function &Driver);

/// f_hessian's body (HessianEmitter.cpp): a column per run of its Fwd.
std::string hessianDriverBody(const graph::Function &Driver);

} // namespace adgen

#endif
