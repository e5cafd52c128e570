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

static std::string names(const std::vector<Var *> &Vs,
                         const std::vector<std::string> *Sections = nullptr) {
  std::string S;
  for (size_t I = 0; I < Vs.size(); ++I)
    S += (S.empty() ? "" : ", ") + Vs[I]->Name +
         (Sections && I < Sections->size() ? (*Sections)[I] : "");
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
      S += " reduction(" + R.Op + " : " + names(R.Vars, &R.Sections) + ")";
  return S;
}

std::string OmpLoop::pragma() const {
  const char *D = Kind == Directive::ParallelFor ? "parallel for"
                  : Kind == Directive::Parallel  ? "parallel"
                                                 : "for";
  return std::string("#pragma omp ") + D + clauses();
}
