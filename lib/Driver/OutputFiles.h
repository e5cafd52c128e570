//===- Driver/OutputFiles.h - Write every output, or none -------*- C++ -*-===//
///
/// \file
/// adgen's outputs (the derivatives, --header, --depfile) are written
/// together or not at all: each goes to a temporary file next to its
/// destination first; only when every temporary is written are they renamed
/// into place. A file whose content would not change is left untouched (so
/// build systems see no new timestamp).
///
/// \code
///   OutputFiles Out;
///   Out.add("model.adgen.cpp", Source);
///   Out.add("model.adgen.h", Header);
///   if (!Out.commit()) return 1;   // errors printed; no file changed
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_DRIVER_OUTPUTFILES_H
#define ADGEN_DRIVER_OUTPUTFILES_H

#include <optional>
#include <string>
#include <vector>

namespace adgen {

class OutputFiles {
public:
  void add(std::string Path, std::string Text) {
    Files.push_back({std::move(Path), std::move(Text), std::nullopt, ""});
  }
  /// Writes every file; false (after printing why) if any cannot be
  /// written, and then no file is created or changed.
  bool commit();

private:
  struct File {
    std::string Path, Text;
    std::optional<std::string> Old; ///< its content before, if it existed
    std::string Tmp;                ///< the temporary, while there is one
  };
  void removeTemporaries();
  /// Puts back the files renamed so far (the first \p N), after a failure.
  void rollBack(size_t N);
  std::vector<File> Files;
};

} // namespace adgen

#endif
