//===- Driver/Driver.h - One run of adgen ------------------------*- C++ -*-===//
///
/// \file
/// Parses the input with Clang and runs the pipeline: requests -> graph ->
/// analyses and transforms -> C++. Output files are written only when there
/// was no error, atomically, and only when their content changes.
///
/// \code
///   DriverOptions O;
///   O.Input = "model.cpp";
///   O.Output = "model.adgen.cpp";
///   O.CompilerArgs = {"-std=c++17"};
///   return runDriver(O);
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_DRIVER_DRIVER_H
#define ADGEN_DRIVER_DRIVER_H

#include "Requests/Modes.h"
#include "Transforms/JacobianMode.h"
#include <optional>
#include <string>
#include <vector>

namespace adgen {

struct DriverOptions {
  std::string Input;
  std::string Output;   ///< empty: standard output
  std::string Header;   ///< empty: none
  std::string BuildDir; ///< -p: compilation database directory
  std::optional<std::vector<std::string>> CompilerArgs; ///< after --
  enum class Emit { Cpp, Graph, Dot, Plan, Check } What = Emit::Cpp;
  /// Requests without markers: {Mode::Reverse, "ns::f: x, y"} for
  /// --reverse 'ns::f: x, y', in order.
  std::vector<std::pair<Mode, std::string>> Requests;
  std::string Depfile;         ///< --depfile: Makefile rule OUTPUT: INPUT headers...
  bool LineDirectives = false; ///< --line-directives
  adgen::JacobianMode JacobianMode = JacobianMode::Auto; ///< --jacobian-mode
  /// argv[0], to find the headers and clang's resource directory.
  std::string Argv0;
  std::string CommandLine; ///< for the banner
};

/// Runs adgen; returns the process exit status.
int runDriver(const DriverOptions &O);

/// "adgen 0.1.0 (LLVM 19.1.7)".
std::string versionString();

} // namespace adgen

#endif
