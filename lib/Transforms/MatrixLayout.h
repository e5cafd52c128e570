//===- Transforms/MatrixLayout.h - Shared by f_jacobian, f_hessian -*- C++ -*-===//
///
/// \file
/// What the drivers of f_jacobian and f_hessian (Jacobian.cpp, Hessian.cpp)
/// share: how parameters flatten into the matrix (the contract's layout:
/// arrays element by element, struct fields in declaration order), the
/// globals f writes (saved on entry, put back before each of the several
/// runs, so the driver leaves f's effects once), and the C++ that calls f.
///
/// \code
///   std::vector<std::string> Leaves, Names; std::string Why;
///   if (matrix::structLeaves(T.element(), "", T.Scalar, Leaves, Why)) ...
///   O += matrix::saveGlobals(matrix::writtenGlobals(F), Names, "");
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_MATRIXLAYOUT_H
#define ADGEN_TRANSFORMS_MATRIXLAYOUT_H

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

/// `auto adgen_global_<g>_on_entry = adgen::snapshot(g);` per global, each
/// line prefixed with \p Indent; the snapshots' names go to \p Names.
std::string saveGlobals(const std::vector<const graph::Var *> &Globals,
                        std::vector<std::string> &Names, const std::string &Indent);

/// Puts the globals back as they were on entry.
std::string restoreGlobals(const std::vector<const graph::Var *> &Globals,
                           const std::vector<std::string> &Names, const std::string &Indent);

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
/// others); Differentiator::matrixUnsupported has checked that they exist.
std::vector<std::vector<std::string>> paramLeaves(const graph::Function &F);

/// `double *const Table[] = {&leaf0, ...};` for the numbers \p Leaves of
/// \p Object, a derivative of struct parameter \p Param: the drivers seed
/// and read a struct's numbers through it, by their index in the matrix.
std::string numberTable(const graph::Var &Param, const std::vector<std::string> &Leaves,
                        const std::string &Object, const std::string &Table);

/// C++ that calls f itself on its parameters: `::ns::f(x, y)`, or
/// `self.m(x, y)` for a method.
std::string primalCall(const graph::Function &F);

} // namespace adgen::matrix

#endif
