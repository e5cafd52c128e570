//===- Graph/LocalTypes.cpp - Types declared inside a function ------------===//

#include "Graph/LocalTypes.h"
#include "llvm/ADT/StringSet.h"
#include <cctype>

using namespace adgen::graph;

namespace {
struct Table {
  std::vector<LocalType> Types; ///< in the order the front end met them
};

Table &table() {
  static Table T;
  return T;
}

/// The identifiers of \p Code that are not member names (after `.` or `->`).
llvm::StringSet<> identifiers(llvm::StringRef Code) {
  llvm::StringSet<> Out;
  size_t I = 0, N = Code.size();
  while (I < N) {
    char C = Code[I];
    if (std::isalpha(static_cast<unsigned char>(C)) || C == '_') {
      size_t B = I;
      while (I < N && (std::isalnum(static_cast<unsigned char>(Code[I])) || Code[I] == '_'))
        ++I;
      llvm::StringRef Before = Code.take_front(B).rtrim();
      if (!Before.ends_with(".") && !Before.ends_with("->"))
        Out.insert(Code.slice(B, I));
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(C))) { // 1e5, 0x1f: not names
      while (I < N && (std::isalnum(static_cast<unsigned char>(Code[I])) || Code[I] == '_' ||
                       Code[I] == '.'))
        ++I;
      continue;
    }
    ++I;
  }
  return Out;
}

bool named(const LocalType &T, const llvm::StringSet<> &Ids) {
  for (const std::string &N : T.Names)
    if (Ids.contains(N))
      return true;
  return false;
}
} // namespace

void adgen::graph::forgetLocalTypes() { table().Types.clear(); }

std::string adgen::graph::addLocalType(LocalType New) {
  Table &T = table();
  for (const LocalType &Old : T.Types) {
    if (Old.Decl == New.Decl)
      return "";
    if (Old.Owner != New.Owner)
      continue;
    for (const std::string &N : New.Names)
      for (const std::string &O : Old.Names)
        if (N == O)
          return N;
  }
  T.Types.push_back(std::move(New));
  return "";
}

std::string adgen::graph::localTypeDeclarations(const void *Owner, llvm::StringRef Code) {
  const std::vector<LocalType> &Types = table().Types;
  std::vector<const LocalType *> Own;
  for (const LocalType &T : Types)
    if (Owner && T.Owner == Owner)
      Own.push_back(&T);
  if (Own.empty())
    return "";
  // What the code names, then, latest first, what those declarations name
  // (a type's text can only name the types declared before it).
  std::vector<bool> Needed(Own.size(), false);
  llvm::StringSet<> Ids = identifiers(Code);
  for (size_t I = Own.size(); I-- > 0;) {
    if (!Needed[I] && !named(*Own[I], Ids))
      continue;
    Needed[I] = true;
    llvm::StringSet<> Inner = identifiers(Own[I]->Text);
    for (size_t J = 0; J < I; ++J)
      if (named(*Own[J], Inner))
        Needed[J] = true;
  }
  std::string Out;
  for (size_t I = 0; I < Own.size(); ++I)
    if (Needed[I])
      Out += Own[I]->Text + "\n";
  return Out;
}
