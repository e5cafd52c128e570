//===- Transforms/PartialAdjoints.h - Per-thread adjoint arrays -*- C++ -*-===//
///
/// \file
/// The backward loop of a parallel loop updates adjoints of shared arrays
/// (`d_w[j] += ...` for weights every iteration reads). Atomic updates are
/// always right but slow (an atomic add of a double is a compare-and-swap
/// loop; bench/openmp/run.sh measured about 2x on whole gradients). When an
/// iteration updates the whole array — every access is `d_w[j] += e` with j
/// the counter of an enclosing counted loop `for (j = 0; j < m; ++j)`, m the
/// same for all accesses and unchanged by the loop — each thread sums into a
/// heap vector of its own instead, added to d_w once at the end:
///
/// \code
///   #pragma omp parallel
///   {
///     std::vector<double> d_w_part(m > 0 ? m : 0);
///   #pragma omp for private(...)
///     for (int i = 0; i < n; ++i) { ... d_w_part[j] += d_z * X[i * d + j]; ... }
///     for (int j_1 = 0; j_1 < m; ++j_1) {
///   #pragma omp atomic
///       d_w[j_1] += d_w_part[j_1];
///     }
///   }
/// \endcode
///
/// (Not an array-section reduction `reduction(+ : d_w[:m])`: OpenMP
/// implementations put those copies on the thread's stack.)
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_PARTIALADJOINTS_H
#define ADGEN_TRANSFORMS_PARTIALADJOINTS_H

#include "Graph/Graph.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>
#include <vector>

namespace adgen {

/// The per-thread partial sums of a backward parallel loop.
struct PartialAdjoints {
  struct Partial {
    graph::Var *Shared = nullptr;  ///< d_w
    graph::Var *Part = nullptr;    ///< d_w_part, a std::vector
    const graph::Expr *Length = nullptr; ///< m
  };
  std::vector<Partial> Arrays;

  /// Finds the shared adjoint arrays of \p Body (the backward code of one
  /// iteration of parallel loop \p S; \p Private: what is private to the
  /// iteration) that qualify, and rewrites their updates in \p Body to the
  /// partial vectors, which \p NewVar creates.
  void find(graph::Module &M, const graph::Stmt *S, graph::Block &Body,
            const llvm::DenseSet<graph::Var *> &Private,
            llvm::function_ref<graph::Var *(const std::string &, graph::Type)> NewVar);

  /// \p Loop (the backward loop, its Omp a `parallel for`) inside the
  /// `parallel` region that declares the partial vectors and merges them;
  /// \p Loop itself when there are none.
  graph::Stmt *wrap(graph::Module &M, graph::Stmt *Loop,
                    llvm::function_ref<graph::Var *(const std::string &, graph::Type)> NewVar);
};

} // namespace adgen

#endif // ADGEN_TRANSFORMS_PARTIALADJOINTS_H
