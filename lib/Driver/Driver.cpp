//===- Driver/Driver.cpp - One run of adgen --------------------------------===//
//
// Sets up Clang for the input (compilation database, adgen's headers,
// clang's resource directory), runs the pipeline (Pipeline.cpp) on it, and
// writes the output files.
//
//===----------------------------------------------------------------------===//

#include "Driver/Driver.h"
#include "Driver/OutputFiles.h"
#include "Driver/Pipeline.h"
#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace adgen;

std::string adgen::versionString() {
  return std::string("adgen ") + ADGEN_VERSION + " (LLVM " LLVM_VERSION_STRING ")";
}

namespace {

class Action : public clang::ASTFrontendAction {
public:
  Action(const DriverOptions &O, Products &P, std::string Include)
      : O(O), P(P), Include(std::move(Include)) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &,
                                                        llvm::StringRef) override {
    return makePipeline(O, P, Include);
  }

private:
  const DriverOptions &O;
  Products &P;
  std::string Include;
};

class ActionFactory : public clang::tooling::FrontendActionFactory {
public:
  ActionFactory(const DriverOptions &O, Products &P, std::string Include)
      : O(O), P(P), Include(std::move(Include)) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<Action>(O, P, Include);
  }

private:
  const DriverOptions &O;
  Products &P;
  std::string Include;
};

/// Prints diagnostics as clang does, and remembers whether any was an error
/// (including errors about the compiler arguments themselves).
class CountingPrinter : public clang::TextDiagnosticPrinter {
public:
  CountingPrinter() : TextDiagnosticPrinter(llvm::errs(), new clang::DiagnosticOptions()) {}
  void HandleDiagnostic(clang::DiagnosticsEngine::Level L, const clang::Diagnostic &D) override {
    if (L >= clang::DiagnosticsEngine::Error)
      ++Errors;
    TextDiagnosticPrinter::HandleDiagnostic(L, D);
  }
  unsigned Errors = 0;
};

std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> S(Path);
  llvm::sys::fs::make_absolute(S);
  llvm::sys::path::remove_dots(S, /*remove_dot_dot=*/true);
  return std::string(S.str());
}

/// \p Target relative to directory \p From, with forward slashes.
std::string relativePath(const std::string &Target, const std::string &From) {
  llvm::SmallVector<llvm::StringRef> T, F;
  llvm::StringRef(Target).split(T, '/', -1, false);
  llvm::StringRef(From).split(F, '/', -1, false);
  size_t Common = 0;
  while (Common < T.size() && Common < F.size() && T[Common] == F[Common])
    ++Common;
  std::string Out;
  for (size_t I = Common; I < F.size(); ++I)
    Out += "../";
  for (size_t I = Common; I < T.size(); ++I)
    Out += T[I].str() + (I + 1 < T.size() ? "/" : "");
  return Out;
}

/// Where the marking macros live: next to an installed binary
/// (bin/../include), else the source tree adgen was built from.
std::string includeDir(const std::string &Argv0) {
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0.c_str(), (void *)&includeDir);
  llvm::SmallString<256> Inst(llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(Inst, "include", "adgen", "adgen.h");
  if (llvm::sys::fs::exists(Inst))
    return std::string(llvm::sys::path::parent_path(llvm::sys::path::parent_path(Inst)));
  return ADGEN_SOURCE_INCLUDE_DIR;
}

std::string resourceDir() {
  if (llvm::sys::fs::exists(ADGEN_CLANG_RESOURCE_DIR))
    return ADGEN_CLANG_RESOURCE_DIR;
  return "/usr/lib/llvm-" CLANG_VERSION_MAJOR_STRING "/lib/clang/" CLANG_VERSION_MAJOR_STRING;
}

/// The command line's own errors, before anything is parsed: false after
/// reporting one.
bool argumentsOK(const DriverOptions &O, const std::string &Input) {
  if (!llvm::sys::fs::exists(O.Input)) {
    llvm::errs() << "adgen: error: no such file: '" << O.Input << "'\n";
    return false;
  }
  if (!O.Output.empty() && O.Output != "-" && absolute(O.Output) == Input) {
    llvm::errs() << "adgen: error: the output '" << O.Output
                 << "' is the input; write the derivatives to another file\n";
    return false;
  }
  if (!O.Header.empty() && (O.What == DriverOptions::Emit::Graph ||
                             O.What == DriverOptions::Emit::Plan)) {
    llvm::errs() << "adgen: error: --header declares generated functions; it cannot be "
                    "combined with --emit="
                 << (O.What == DriverOptions::Emit::Graph ? "graph" : "plan") << "\n";
    return false;
  }
  return true;
}

/// The compilation database of -p, if any; null after reporting an error.
/// Without -p, or with compiler arguments after --, those arguments.
std::unique_ptr<clang::tooling::CompilationDatabase> loadDatabase(const DriverOptions &O,
                                                                  const std::string &Input) {
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  if (!O.BuildDir.empty()) {
    // Say what is missing in our words; LLVM's message lists every kind of
    // database it tried.
    llvm::SmallString<256> JSON(O.BuildDir), Flags(O.BuildDir);
    llvm::sys::path::append(JSON, "compile_commands.json");
    llvm::sys::path::append(Flags, "compile_flags.txt");
    if (!llvm::sys::fs::is_directory(O.BuildDir)) {
      llvm::errs() << "adgen: error: -p '" << O.BuildDir << "': "
                   << (llvm::sys::fs::exists(O.BuildDir) ? "not a directory" : "no such directory")
                   << "; -p takes the build directory that holds compile_commands.json\n";
      return nullptr;
    }
    if (!llvm::sys::fs::exists(JSON) && !llvm::sys::fs::exists(Flags)) {
      llvm::errs() << "adgen: error: -p '" << O.BuildDir
                   << "': no compile_commands.json there (configure CMake with "
                      "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)\n";
      return nullptr;
    }
    std::string Err;
    DB = clang::tooling::CompilationDatabase::loadFromDirectory(O.BuildDir, Err);
    if (!DB) {
      // "json-compilation-database: <why>\n...": keep the reason for the file that is there.
      llvm::SmallVector<llvm::StringRef> Lines;
      llvm::StringRef(Err).split(Lines, '\n', -1, false);
      std::string Why;
      for (llvm::StringRef L : Lines)
        if (L.consume_front(llvm::sys::fs::exists(JSON) ? "json-compilation-database: "
                                                        : "fixed-compilation-database: "))
          Why = L.trim().str();
      llvm::errs() << "adgen: error: cannot read the compilation database in '" << O.BuildDir
                   << "'" << (Why.empty() ? "" : ": " + Why) << "\n";
      return nullptr;
    }
    if (DB->getCompileCommands(Input).empty() && !O.CompilerArgs) {
      llvm::errs() << "adgen: error: '" << O.Input << "' is not in the compilation database in '"
                   << O.BuildDir << "'\n";
      return nullptr;
    }
  }
  if (!DB || O.CompilerArgs) {
    std::vector<std::string> Args =
        O.CompilerArgs ? *O.CompilerArgs : std::vector<std::string>{"-std=c++17"};
    DB = std::make_unique<clang::tooling::FixedCompilationDatabase>(".", Args);
  }
  return DB;
}

/// --depfile's Makefile rule: OUTPUT: INPUT and every file it includes
/// (spaces escaped for make).
std::string depfileRule(const DriverOptions &O, const std::string &Input, const Products &P) {
  auto escape = [](llvm::StringRef F) {
    std::string E;
    for (char C : F) {
      if (C == ' ' || C == '#')
        E += '\\';
      if (C == '$')
        E += '$';
      E += C;
    }
    return E;
  };
  std::string Rule = escape(O.Output.empty() ? "-" : O.Output) + ":";
  Rule += " " + escape(Input);
  for (const std::string &D : P.Dependencies)
    if (absolute(D) != Input)
      Rule += " \\\n  " + escape(absolute(D));
  Rule += "\n";
  return Rule;
}

} // namespace

int adgen::runDriver(const DriverOptions &O) {
  std::string Input = absolute(O.Input);
  if (!argumentsOK(O, Input))
    return 1;
  std::unique_ptr<clang::tooling::CompilationDatabase> DB = loadDatabase(O, Input);
  if (!DB)
    return 1;
  std::string IncludeFrom = O.Output.empty()
                                ? absolute(".")
                                : std::string(llvm::sys::path::parent_path(absolute(O.Output)));
  Products P;
  clang::tooling::ClangTool Tool(*DB, {Input});
  Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      {"-D__ADGEN__", "-I" + includeDir(O.Argv0), "-resource-dir=" + resourceDir(),
       "-Wno-unused-command-line-argument", "-fopenmp"},
      clang::tooling::ArgumentInsertPosition::END));
  Tool.appendArgumentsAdjuster(clang::tooling::getClangSyntaxOnlyAdjuster());
  Tool.setPrintErrorMessage(false); // the diagnostics already said it
  CountingPrinter Printer;
  Tool.setDiagnosticConsumer(&Printer);
  ActionFactory Factory(O, P, relativePath(Input, IncludeFrom));
  int Status = Tool.run(&Factory);
  if (Status || P.Failed || Printer.Errors)
    return 1;
  // Every file or none (on any error, no OUTPUT file is created or changed);
  // standard output only once the files are in place.
  bool ToStdout = O.Output.empty() || O.Output == "-";
  OutputFiles Out;
  if (!ToStdout)
    Out.add(O.Output, P.Source);
  if (!O.Header.empty())
    Out.add(O.Header, P.Header);
  if (!O.Depfile.empty())
    Out.add(O.Depfile, depfileRule(O, Input, P));
  if (!Out.commit())
    return 1;
  if (ToStdout)
    llvm::outs() << P.Source;
  return 0;
}
