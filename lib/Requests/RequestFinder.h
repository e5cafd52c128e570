//===- Requests/RequestFinder.h - Marked functions and their specs -*- C++ -*-===//
///
/// \file
/// The first stage: finds the functions marked with ADGEN_FORWARD and
/// friends (annotations "adgen.<mode>:<spec>"), parses and checks their
/// specs against the parameters, and finds ADGEN_CUSTOM derivatives. Every
/// problem is a located error; the requests that are fine are returned.
///
/// \code
///   RequestSet R = findRequests(Ctx, Diags);
///   for (const Request &Q : R.List) ...
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_REQUESTS_REQUESTFINDER_H
#define ADGEN_REQUESTS_REQUESTFINDER_H

#include "Graph/GraphBuilder.h"
#include "Requests/Modes.h"
#include "Requests/Spec.h"
#include "clang/AST/ASTContext.h"
#include <optional>
#include <utility>
#include <vector>

namespace adgen {

/// One marker on one function, resolved against its parameters.
struct Request {
  const clang::FunctionDecl *Fn = nullptr;
  Mode M = Mode::Forward;
  Spec S;
  /// Per parameter: named (or defaulted) as input / output.
  std::vector<bool> Inputs, Outputs;
  bool ReturnIsOutput = false;
  clang::SourceLocation Where;
  /// For a request from the command line: "--reverse 'ns::f: x'" (Where is
  /// then invalid). Empty for a marker.
  std::string Origin;
  /// The name of the generated function: f_fwd, f_pullback, ...
  std::string name(llvm::StringRef Suffix) const;
  /// The public functions the request asks for, one per suffix of its mode
  /// (modeInfo): {f_fwd}, {f_pullback, f_grad}, {f_jacobian}, {f_hessian}.
  std::vector<std::string> generatedNames() const;
};

struct RequestSet {
  std::vector<Request> List;
  CustomMap Customs;
  /// Marked function templates (with or without instantiations to differentiate).
  size_t MarkedTemplates = 0;
};

/// A request given on the command line: `--reverse 'ns::f: x, y'`.
struct CommandLineRequest {
  Mode M;
  std::string Text; ///< "ns::f: x, y"
};

/// The parameters of the user's pullback \p Custom (ADGEN_CUSTOM) from the
/// \p First-th on, after f's parameters and d_ret: the adjoints f_grad passes
/// it, by name ("d_<index>" when unnamed) and type. None when adgen cannot
/// print one of the types (then no f_grad is generated).
std::optional<std::vector<std::pair<std::string, graph::Type>>>
customAdjoints(const clang::FunctionDecl *Custom, unsigned First);

/// Finds every request in the translation unit of \p Ctx (the main file and
/// the headers it includes), plus those of \p Extra.
RequestSet findRequests(clang::ASTContext &Ctx, Diagnoser &Diags,
                        const std::vector<CommandLineRequest> &Extra = {});

} // namespace adgen

#endif
