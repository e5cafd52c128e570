//===- tool/adgen.cpp - The adgen command ----------------------------------===//
//
//   adgen INPUT [-o OUTPUT] [--header HEADER] [-p BUILD_DIR] [--emit=...] [--forward ...]...
//         [-- COMPILER_ARGS...]        (adgen --help, docs/command-line.md)
//
//===----------------------------------------------------------------------===//

#include "Driver/Driver.h"
#include "llvm/Support/raw_ostream.h"
#include <cstring>

static const char Usage[] =
    "usage: adgen INPUT [-o OUTPUT] [--header HEADER] [-p BUILD_DIR] [--emit=cpp|graph|dot|plan|check]\n"
    "             [--forward|--reverse|--jacobian|--hessian 'f: SPEC']... [--depfile FILE]\n"
    "             [--line-directives] [--jacobian-mode=forward|reverse] [-- COMPILER_ARGS...]\n"
    "\n"
    "Writes the derivatives of the functions marked in INPUT (ADGEN_FORWARD,\n"
    "ADGEN_REVERSE, ...) as a C++ source file that #includes INPUT.\n"
    "\n"
    "options:\n"
    "  -o OUTPUT         write the generated source to OUTPUT (default: standard output)\n"
    "  --header HEADER   also write a header declaring the generated functions\n"
    "  -p BUILD_DIR      read compiler arguments from BUILD_DIR/compile_commands.json\n"
    "  --emit=cpp|graph|dot|plan|check  what to write: the derivatives (default);\n"
    "                    the computation graph of each marked function as text\n"
    "                    (graph) or Graphviz (dot); what reverse mode stores for\n"
    "                    each (plan); or the derivatives plus a main() that checks\n"
    "                    them against finite differences (check)\n"
    "  --forward 'f: SPEC'   request f_fwd without a marker in INPUT (repeatable;\n"
    "                    f may be qualified, ns::f; SPEC as in ADGEN_FORWARD)\n"
    "  --reverse 'f: SPEC'   request f_pullback and f_grad likewise\n"
    "  --jacobian 'f: SPEC'  request f_jacobian likewise\n"
    "  --hessian 'f: SPEC'   request f_hessian likewise\n"
    "  --depfile FILE    also write a Makefile rule 'OUTPUT: INPUT headers...' for\n"
    "                    build systems (CMake DEPFILE)\n"
    "  --line-directives emit #line directives that point back at INPUT\n"
    "  --jacobian-mode=forward|reverse  compute f_jacobian by columns (forward) or\n"
    "                    rows (reverse); default: the cheaper for the lengths at run time\n"
    "  -- ARGS...        compiler arguments for parsing INPUT (default: -std=c++17)\n"
    "  -h, --help        show this help\n"
    "  --version         show adgen's version and the Clang it is built on\n";

/// After a command-line error: one line, not the whole help.
static const char SeeHelp[] = "see 'adgen --help' for the options\n";

int main(int argc, char **argv) {
  adgen::DriverOptions O;
  O.Argv0 = argv[0];
  for (int I = 1; I < argc; ++I) {
    std::string A = argv[I];
    auto value = [&](const char *Opt) -> const char * {
      if (I + 1 >= argc) {
        llvm::errs() << "adgen: error: " << Opt << " needs a value\n" << SeeHelp;
        std::exit(1);
      }
      return argv[++I];
    };
    if (A == "--") {
      O.CompilerArgs.emplace(argv + I + 1, argv + argc);
      break;
    }
    if (A == "--help" || A == "-h") {
      llvm::outs() << Usage;
      return 0;
    }
    if (A == "--version") {
      llvm::outs() << adgen::versionString() << "\n";
      return 0;
    }
    // --reverse='f: x' and --jacobian-mode=forward: the option and its value.
    auto [Name, Value] = llvm::StringRef(A).split('=');
    bool HasValue = A.find('=') != std::string::npos;
    if (A == "-o")
      O.Output = value("-o");
    else if (A == "--header")
      O.Header = value("--header");
    else if (A == "-p")
      O.BuildDir = value("-p");
    else if (std::optional<adgen::Mode> M = adgen::modeOfOption(A))
      O.Requests.push_back({*M, value(A.c_str())});
    else if (std::optional<adgen::Mode> M = adgen::modeOfOption(Name); M && HasValue)
      O.Requests.push_back({*M, Value.str()});
    else if (std::optional<adgen::JacobianMode> J = adgen::jacobianModeNamed(Value);
             J && Name == "--jacobian-mode" && HasValue)
      O.JacobianMode = *J;
    else if (A == "--depfile")
      O.Depfile = value("--depfile");
    else if (A == "--line-directives")
      O.LineDirectives = true;
    else if (A == "--emit=graph")
      O.What = adgen::DriverOptions::Emit::Graph;
    else if (A == "--emit=dot")
      O.What = adgen::DriverOptions::Emit::Dot;
    else if (A == "--emit=plan")
      O.What = adgen::DriverOptions::Emit::Plan;
    else if (A == "--emit=check")
      O.What = adgen::DriverOptions::Emit::Check;
    else if (A == "--emit=cpp")
      O.What = adgen::DriverOptions::Emit::Cpp;
    else if (A.rfind("--emit=", 0) == 0 || A.rfind("--jacobian-mode=", 0) == 0) {
      bool Emit = A[2] == 'e';
      llvm::errs() << "adgen: error: unknown value '" << A.substr(A.find('=') + 1) << "' for "
                   << A.substr(0, A.find('=')) << "; expected "
                   << (Emit ? "cpp, graph, dot, plan or check" : "forward or reverse") << "\n"
                   << SeeHelp;
      return 1;
    } else if (!A.empty() && A[0] == '-' && A != "-") {
      llvm::errs() << "adgen: error: unknown option '" << A << "'\n" << SeeHelp;
      return 1;
    } else if (O.Input.empty())
      O.Input = A;
    else {
      llvm::errs() << "adgen: error: more than one input file ('" << O.Input << "', '" << A
                   << "')\n" << SeeHelp;
      return 1;
    }
  }
  if (O.Input.empty()) {
    llvm::errs() << "adgen: error: no input file\n" << SeeHelp;
    return 1;
  }
  return adgen::runDriver(O);
}
