//===- Graph/OpenMP.h - OpenMP worksharing loops in the graph ---*- C++ -*-===//
///
/// \file
/// An OpenMP `parallel for` is an ordinary For loop of the graph that carries
/// an OmpLoop annotation (Stmt::Omp): the clauses adgen understands. The
/// emitter prints them back as one `#pragma omp parallel for ...` line right
/// before the loop; the transforms decide which clauses their derivative
/// loops get (Transforms/ParallelLoops.h). A statement inside such a loop may
/// carry Stmt::OmpAtomic: `#pragma omp atomic` (an update `s = s + e`).
///
/// Everything else of OpenMP is refused by the builder (GraphBuilder's
/// OpenMP.cpp), with the directive or clause named.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_OPENMP_H
#define ADGEN_GRAPH_OPENMP_H

#include <string>
#include <vector>

namespace adgen::graph {

struct Var;

struct OmpLoop {
  /// Which directive carries the clauses: `parallel for` on a For loop;
  /// `parallel` on a Scope (generated code: a region whose threads keep
  /// per-thread partial sums) around a For loop marked `for`.
  enum class Directive { ParallelFor, Parallel, For };
  Directive Kind = Directive::ParallelFor;
  /// schedule(Kind[, Chunk]); Kind empty when there is no schedule clause.
  /// Chunk is C++ text (a constant or a variable's name).
  std::string ScheduleKind, ScheduleChunk;
  unsigned Collapse = 1;
  std::vector<Var *> Private, FirstPrivate, Shared;
  struct Reduction {
    std::string Op; ///< "+", "*", "max", "min"
    std::vector<Var *> Vars;
    /// When not empty, one per variable: an array section after its name
    /// ("[:k]"; "" for a plain variable). Generated code only.
    std::vector<std::string> Sections;
  };
  std::vector<Reduction> Reductions;
  /// default(none) / default(shared) as written ("" when absent).
  std::string Default;

  /// The reduction operator of \p V, or "" when V is not a reduction variable.
  std::string reductionOf(const Var *V) const;
  /// "#pragma omp parallel for" (or "parallel", "for") and the clauses.
  std::string pragma() const;
  /// The clauses as they follow `#pragma omp parallel for`: " schedule(static)
  /// reduction(+ : s, d_s)" (with a leading space; empty when none).
  std::string clauses() const;
};

} // namespace adgen::graph

#endif // ADGEN_GRAPH_OPENMP_H
