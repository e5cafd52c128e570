//===- Driver/OutputFiles.cpp - Write every output, or none ---------------===//

#include "Driver/OutputFiles.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace adgen;

static void cannotWrite(const std::string &Path, const std::error_code &EC) {
  llvm::errs() << "adgen: error: cannot write '" << Path << "': " << EC.message() << "\n";
}

bool OutputFiles::commit() {
  // 1. Every changed file into a temporary beside it: this is where a
  //    missing directory or a read-only location shows, before any
  //    destination is touched.
  for (File &F : Files) {
    if (auto Old = llvm::MemoryBuffer::getFile(F.Path)) {
      F.Old = (*Old)->getBuffer().str();
      if (*F.Old == F.Text)
        continue; // unchanged: not rewritten
    }
    std::string Tmp = F.Path + ".adgen-tmp";
    std::error_code EC;
    {
      llvm::raw_fd_ostream OS(Tmp, EC);
      if (!EC) {
        F.Tmp = Tmp; // exists now, whatever happens next
        OS << F.Text;
        OS.close();
        EC = OS.error();
      }
    }
    if (EC) {
      cannotWrite(F.Path, EC);
      removeTemporaries();
      return false;
    }
  }
  // 2. All temporaries are complete: move them into place.
  for (size_t I = 0; I < Files.size(); ++I) {
    File &F = Files[I];
    if (F.Tmp.empty())
      continue;
    if (std::error_code EC = llvm::sys::fs::rename(F.Tmp, F.Path)) {
      cannotWrite(F.Path, EC);
      removeTemporaries();
      rollBack(I);
      return false;
    }
    F.Tmp.clear();
  }
  return true;
}

void OutputFiles::removeTemporaries() {
  for (File &F : Files)
    if (!F.Tmp.empty()) {
      llvm::sys::fs::remove(F.Tmp);
      F.Tmp.clear();
    }
}

void OutputFiles::rollBack(size_t N) {
  for (size_t I = 0; I < N; ++I) {
    const File &F = Files[I];
    if (F.Old && *F.Old == F.Text)
      continue; // was not rewritten
    if (!F.Old) {
      llvm::sys::fs::remove(F.Path);
      continue;
    }
    std::error_code EC;
    llvm::raw_fd_ostream OS(F.Path, EC);
    if (!EC)
      OS << *F.Old;
  }
}
