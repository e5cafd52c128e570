//===- Emit/PrivateAccess.cpp - Accessors for private members -------------===//

#include "Emit/PrivateAccess.h"

using namespace adgen;

std::string PrivateAccess::pointer(const graph::MemberAccess &A) {
  auto It = ByAddress.find(A.Address);
  if (It != ByAddress.end())
    return "adgen::access::" + Entries[It->second].Name;
  // Readable names from the classes and the member (Spring_k_); a suffix
  // tells apart classes of the same name in different namespaces. Both the
  // constant and its tag must be free.
  std::string Name = Prefix + A.Ident;
  for (int N = 2; Taken.count(Name) || Taken.count(Name + "_tag"); ++N)
    Name = Prefix + A.Ident + "_" + std::to_string(N);
  Taken.insert(Name);
  Taken.insert(Name + "_tag");
  ByAddress[A.Address] = Entries.size();
  Entries.push_back({A, Name});
  return "adgen::access::" + Name;
}

std::string PrivateAccess::declarations() const {
  if (Entries.empty())
    return "";
  std::string Out = "// Private and protected members the derivatives use, reached\n"
                    "// without editing their classes (adgen::access::PointerTo).\n"
                    "namespace adgen::access {\nnamespace {\n";
  for (const Entry &E : Entries) {
    const graph::MemberAccess &M = E.Member;
    std::string Tag = E.Name + "_tag";
    llvm::StringRef Shown = llvm::StringRef(M.Qualified).ltrim(':');
    Out += "// " + Shown.str() + " (" + M.Access + ")\n";
    Out += "struct " + Tag + " {\nusing type = " + M.PointerType + ";\n};\n";
    Out += "constexpr " + Tag + "::type pointer(" + Tag + ");\n";
    Out += "template struct PointerTo<" + Tag + ", " + M.Address + ">;\n";
    Out += "[[maybe_unused]] constexpr " + Tag + "::type " + E.Name + " = pointer(" + Tag +
           "{});\n";
  }
  Out += "} // namespace\n} // namespace adgen::access\n\n";
  return Out;
}
