//===- Driver/Pipeline.h - The stages, run on one parsed input --*- C++ -*-===//
///
/// \file
/// Internal to lib/Driver. Once Clang has parsed the input, the pipeline
/// runs its stages in order: find the requests (Requests), build the graph
/// of each function (Graph), differentiate it (Analysis, Transforms), and
/// write the result (Emit). Driver.cpp sets up Clang and writes the files.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_DRIVER_PIPELINE_H
#define ADGEN_DRIVER_PIPELINE_H

#include "Driver/Driver.h"
#include "clang/AST/ASTConsumer.h"
#include <memory>
#include <string>
#include <vector>

namespace adgen {

/// What one run produces, filled in by the pipeline.
struct Products {
  std::string Source, Header;
  std::vector<std::string> Dependencies; ///< every file the input read
  bool Failed = false;
};

/// The consumer that runs the pipeline on each parsed translation unit
/// into \p P. \p IncludePath: the input as the output #includes it.
std::unique_ptr<clang::ASTConsumer> makePipeline(const DriverOptions &O, Products &P,
                                                 std::string IncludePath);

} // namespace adgen

#endif
