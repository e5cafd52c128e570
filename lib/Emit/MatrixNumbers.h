//===- Emit/MatrixNumbers.h - C++ that holds a matrix's numbers -*- C++ -*-===//
///
/// \file
/// The C++ that f_jacobian's and f_hessian's drivers (MatrixEmitter.h)
/// write to save and restore what f overwrites, to hold, seed and read the
/// derivative of each active parameter, and to call f itself. Where the
/// numbers lie in the matrix is Analysis/MatrixLayout.h.
///
/// \code
///   std::vector<std::string> Names;
///   O += matrix::saveGlobals(matrix::writtenGlobals(F), Names, "");
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_EMIT_MATRIXNUMBERS_H
#define ADGEN_EMIT_MATRIXNUMBERS_H

#include "Analysis/MatrixLayout.h"
#include "Emit/DriverNames.h"
#include <string>
#include <vector>

namespace adgen::matrix {

/// `auto adgen_global_<g>_on_entry = adgen::snapshot(g);` per global, each
/// line prefixed with \p Indent; the snapshots' names (from \p Fresh) go to
/// \p Names.
std::string saveGlobals(const std::vector<const graph::Var *> &Globals,
                        std::vector<std::string> &Names, const std::string &Indent,
                        DriverNames &Fresh);

/// Puts the globals back as they were on entry.
std::string restoreGlobals(const std::vector<const graph::Var *> &Globals,
                           const std::vector<std::string> &Names, const std::string &Indent);

/// `double *const Table[] = {&leaf0, ...};` for the numbers \p Leaves of
/// \p Object, a derivative of struct parameter \p Param: the drivers seed
/// and read a struct's numbers through it, by their index in the matrix.
std::string numberTable(const graph::Var &Param, const std::vector<std::string> &Leaves,
                        const std::string &Object, const std::string &Table);

/// How the numbers of one active parameter lie in the matrix, and the C++
/// the drivers write to hold, seed and read its derivative. A parameter is
/// a scalar or a struct (its structLeaves), alone or in a holder: an array
/// with a spec length (`P* ps` with `ps[n]`), a std::vector (its size() at
/// run time; f cannot change it) or a std::array<T, N>. Elements lie one
/// after the other, each struct's numbers in the contract's order.
///
/// Scalars, structs and arrays of scalars keep the drivers' own code (arrays
/// in their stack Buffers); held() derivatives (arrays of structs and
/// containers) live in a std::vector or std::array that the driver makes.
class ParamNumbers {
public:
  enum class Holder { Single, Pointer, Vector, StdArray };
  /// \p NumberFn names the lambda of numberFunction().
  ParamNumbers(const graph::Var &Param, std::vector<std::string> Leaves,
               const std::string &SpecLength, std::string NumberFn);

  /// How many numbers: "1", "5", "static_cast<std::size_t>(n)", "v.size()",
  /// "v.size() * 2".
  std::string length() const;
  Holder holder() const { return H; }
  bool isStruct() const { return !Leaves.empty(); }
  /// The derivative lives in a std::vector / std::array the driver declares.
  bool held() const { return H != Holder::Single && !(H == Holder::Pointer && !isStruct()); }
  /// For held(): `std::vector<P> D(n, adgen::zeroed<P>());`, the derivative
  /// zeroed, each line prefixed with \p Indent.
  std::string declare(const std::string &D, const std::string &Indent) const;
  /// For held(): `std::fill(D.begin(), D.end(), zero);`.
  std::string clear(const std::string &D, const std::string &Indent) const;
  /// For held(): \p D as f_fwd's tangent and as f_pullback's adjoint.
  std::string tangentArg(const std::string &D) const;
  std::string adjointArg(const std::string &D) const;
  /// For held(): a copy of the parameter as f got it, and the statement
  /// that puts it back.
  std::string saveEntry(const std::string &Copy, const std::string &Indent) const;
  std::string restoreEntry(const std::string &Copy, const std::string &Indent) const;
  /// For held() holders of structs: the lambda number() calls,
  /// `auto adgen_number_ps = [](P &adgen_s, std::size_t adgen_i) -> double & {...};`
  /// (its parameters shadow nothing it uses).
  std::string numberFunction(const std::string &Indent) const;
  /// An lvalue: number \p E (an index expression) of the held derivative \p D.
  std::string number(const std::string &D, const std::string &E) const;

private:
  std::string zero() const;
  std::string container() const; ///< "std::vector<P>", "std::array<double, 3>"
  const graph::Var &Param;
  std::vector<std::string> Leaves;
  Holder H = Holder::Single;
  std::string Count; ///< elements in the holder
  std::string NumberFn;
};

/// \p V (a literal: "0", "1") as a value of type \p Ty: `double(0)`, or
/// `static_cast<long double>(0)` for a type of several words, which a
/// functional cast cannot name.
std::string typedValue(const std::string &Ty, const std::string &V);

/// C++ that calls f itself on its parameters: `::ns::f(x, y)`, or
/// `self.m(x, y)` for a method.
std::string primalCall(const graph::Function &F);

} // namespace adgen::matrix

#endif
