//===- Graph/OpenMP.cpp - OpenMP worksharing loops in the graph -----------===//
#include "Graph/OpenMP.h"
#include "Graph/Graph.h"

using namespace adgen::graph;

std::string OmpLoop::reductionOf(const Var *V) const {
  for (const Reduction &R : Reductions)
    for (const Var *W : R.Vars)
      if (W == V)
        return R.Op;
  return "";
}

static std::string names(const std::vector<Var *> &Vs) {
  std::string S;
  for (const Var *V : Vs)
    S += (S.empty() ? "" : ", ") + V->Name;
  return S;
}

std::string OmpLoop::clauses() const {
  std::string S;
  if (!ScheduleKind.empty())
    S += " schedule(" + ScheduleKind + (ScheduleChunk.empty() ? "" : ", " + ScheduleChunk) + ")";
  if (Collapse > 1)
    S += " collapse(" + std::to_string(Collapse) + ")";
  if (!Default.empty())
    S += " default(" + Default + ")";
  if (!Private.empty())
    S += " private(" + names(Private) + ")";
  if (!FirstPrivate.empty())
    S += " firstprivate(" + names(FirstPrivate) + ")";
  if (!Shared.empty())
    S += " shared(" + names(Shared) + ")";
  for (const Reduction &R : Reductions)
    if (!R.Vars.empty())
      S += " reduction(" + R.Op + " : " + names(R.Vars) + ")";
  return S;
}
