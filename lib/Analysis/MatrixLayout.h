//===- Analysis/MatrixLayout.h - How f's numbers flatten into a matrix -*- C++ -*-===//
///
/// \file
/// What f_jacobian and f_hessian agree on (Transforms/Jacobian.cpp and
/// Hessian.cpp check and describe them, Emit/MatrixEmitter.h writes them):
/// how parameters flatten into the matrix (the contract's layout: arrays
/// element by element, struct fields in declaration order), and the globals
/// f writes (saved on entry, put back before each of the several runs, so
/// the driver leaves f's effects once). The C++ that holds, seeds and reads
/// the numbers is Emit/MatrixNumbers.h.
///
/// \code
///   std::vector<std::string> Leaves; std::string Why;
///   if (matrix::structLeaves(T.element(), "", T.Scalar, Leaves, Why)) ...
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_ANALYSIS_MATRIXLAYOUT_H
#define ADGEN_ANALYSIS_MATRIXLAYOUT_H

#include "Graph/Graph.h"
#include <string>
#include <vector>

namespace adgen::matrix {

/// "float", "double" or "long double".
std::string floatSpelling(graph::ScalarKind K);

/// The globals \p F and the functions it calls write (a call counter, a
/// cache; see adgen::writtenGlobals); private static members
/// (reached through pointers only the emitter knows) are left out.
std::vector<const graph::Var *> writtenGlobals(const graph::Function &F);

/// The floating-point numbers inside struct type \p T, in the contract's
/// order (bases' fields first, arrays element by element, nested structs in
/// place, a std::complex's real part then imaginary part), as lvalues of an
/// object "$" whose member path so far is \p Path ("$.pos.x", "$.q[2]",
/// "adgen::re($.z)"); leafOf() puts the object's name in. False,
/// with \p Why, when they cannot make one matrix: a private field, fields
/// of a precision other than \p Kind.
bool structLeaves(const graph::Type &T, const std::string &Path, graph::ScalarKind Kind,
                  std::vector<std::string> &Out, std::string &Why);

/// \p Leaf (from structLeaves) of the object named \p Object.
std::string leafOf(const std::string &Leaf, const std::string &Object);

/// A parameter whose numbers a struct holds (by value or reference).
bool isStructParam(const graph::Var &Param);

/// Per parameter of \p F, a struct parameter's structLeaves (empty for the
/// others); Differentiator::checkMatrix has checked that they exist.
std::vector<std::vector<std::string>> paramLeaves(const graph::Function &F);

/// The numbers of the struct \p F returns (none for other results).
std::vector<std::string> returnLeaves(const graph::Function &F);

/// The element type of the Jacobian of \p F: the first output's
/// floating-point type (the first output parameter's unless \p Return, else
/// the return value's).
graph::Type jacobianElement(const graph::Function &F, const std::vector<bool> &Outputs,
                            bool Return);

/// A spec length that a container parameter of \p F cannot have (a
/// std::vector's length is its size(), a std::array's its N), as an error
/// message; empty when there is none.
std::string containerLengthProblem(const graph::Function &F, const std::vector<std::string> &Lengths,
                                   bool Hessian);

} // namespace adgen::matrix

#endif
