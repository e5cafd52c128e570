//===- Emit/DriverNames.cpp - Names the matrix drivers invent -------------===//

#include "Emit/DriverNames.h"

using namespace adgen;

const std::string &DriverNames::operator()(const std::string &Base) {
  auto It = Given.find(Base);
  if (It != Given.end())
    return It->second;
  std::string N = Base;
  for (unsigned I = 1; taken(N); ++I)
    N = Base + "_" + std::to_string(I);
  Used.insert(N);
  return Given.emplace(Base, N).first->second;
}
