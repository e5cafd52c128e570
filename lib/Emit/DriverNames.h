//===- Emit/DriverNames.h - Locals the matrix drivers invent -*- C++ -*-===//
///
/// \file
/// The locals of the matrix drivers (MatrixEmitter.h): counts, loop indices,
/// seeds, saved entry values. Each is a fresh name (interface.md §2: names
/// the tool invents never collide with the user's): its base when nothing
/// in the driver uses it (f's parameters and variables, the names it calls,
/// the driver's own name and matrix parameter), else base_1, base_2, ...,
/// and never the name of another local of the same driver.
///
/// \code
///   DriverNames Names(Driver);
///   O += "const std::size_t " + Names("adgen_n") + " = ...;\n";
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_EMIT_DRIVERNAMES_H
#define ADGEN_EMIT_DRIVERNAMES_H

#include "Graph/Graph.h"
#include <map>
#include <set>
#include <string>

namespace adgen {

class DriverNames {
public:
  /// For the locals of \p Driver (f_jacobian or f_hessian).
  explicit DriverNames(const graph::Function &Driver) : Driver(Driver) {}
  /// The name of the local based on \p Base: the same for the same base.
  const std::string &operator()(const std::string &Base);

private:
  bool taken(const std::string &N) const { return Driver.nameTaken(N) || Used.count(N); }
  const graph::Function &Driver;
  std::map<std::string, std::string> Given;
  std::set<std::string> Used;
};

} // namespace adgen

#endif
