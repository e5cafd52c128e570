//===- Transforms/ParallelLoops.h - OpenMP loops in derivatives -*- C++ -*-===//
///
/// \file
/// What the transforms do with a `#pragma omp parallel for` loop (a For loop
/// whose Stmt::Omp is set, see Graph/OpenMP.h).
///
/// Forward mode: the tangent loop is the same parallel loop; each clause
/// variable's tangent joins its clause (`reduction(+ : s, d_s)`,
/// `private(t, d_t)`). A reduction whose tangent is not the same reduction
/// (`*`, max, min) on an active variable is refused.
///
/// Reverse mode (joint pullback): the forward sweep runs the loop as
/// written, pushing nothing; the backward sweep is a parallel loop over the
/// same iterations whose body recomputes the iteration's forward part (with
/// the iteration's own tape pushes) and then runs its backward part. This
/// is right when an iteration reads nothing another iteration writes, which
/// checkReversible() verifies; shared adjoints are updated atomically, or
/// through a reduction clause for local scalars (see docs/how-it-works.md).
/// Calls of helpers run their record and reverse helpers inside the
/// iteration, on the thread's own tape (adgen::threadTape()); `collapse(n)`
/// loops are rebuilt as the same nest around one iteration's code.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_PARALLELLOOPS_H
#define ADGEN_TRANSFORMS_PARALLELLOOPS_H

#include "Graph/Graph.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>
#include <vector>

namespace adgen {

/// The clauses of the tangent loop of \p S (a parallel loop): \p S's, with
/// the tangent of each clause variable (\p TangentOf: null when it has none)
/// beside it. Null after an error (reported at \p S).
const graph::OmpLoop *tangentOmpLoop(graph::Module &M, graph::ErrorSink &Errors,
                                     const graph::Stmt *S,
                                     llvm::function_ref<const graph::Expr *(graph::Var *)> TangentOf);

/// Checks that the iterations of parallel loop \p S are independent in the
/// way the reverse transform needs (ParallelLoops.cpp lists the rules);
/// reports the first violation at its statement. \p Active: does a variable
/// carry an adjoint.
bool checkReversible(const graph::Stmt *S, graph::ErrorSink &Errors,
                     llvm::function_ref<bool(graph::Var *)> Active);

/// The loops parallel loop \p S stands for: S, and with `collapse(n)` the
/// n - 1 loops nested in it (outermost first).
std::vector<const graph::Stmt *> collapsedLoops(const graph::Stmt *S);
/// The statements of one iteration: the body of the innermost loop of
/// collapsedLoops(S).
const graph::Block &iterationBody(const graph::Stmt *S);
/// Whether \p N is `p[key]`, where key is different for every iteration of
/// \p S: its index `i`; with `collapse(2)`, `i * m + j` for an inner loop
/// `for (j = 0; j < m; ++j)` (and so on for more loops).
bool isIterationElement(const graph::Stmt *S, const graph::Expr *N);
/// How such a key looks, for diagnostics: "i", "i * n1 + j".
std::string iterationKey(const graph::Stmt *S);

/// The variables private to one iteration of \p S: the loop's index, every
/// variable declared in its body, and its private / firstprivate variables.
llvm::DenseSet<graph::Var *> iterationPrivate(const graph::Stmt *S);

/// Whether a call in \p Body passes an argument to a writable parameter
/// (whose reverse helper then saves it in the redo log).
bool passesWritable(const graph::Block &Body);

/// The backward loop of parallel loop \p S, whose per-iteration code is
/// \p Decls then \p Body (recompute, then adjoints). \p IterationVars: the
/// variables private to an iteration (besides those \p Body declares);
/// \p ClauseVars: those of them declared outside the loop, which its
/// `private` clause lists; every
/// accumulation in \p Body into other storage is made race-free: scalars
/// that are local variables join a `reduction(+ : ...)`, adjoint arrays an
/// iteration updates whole get per-thread partial vectors
/// (PartialAdjoints.h; then the result is a `parallel` region around the
/// loop), everything else not at the iteration's own element becomes
/// `#pragma omp atomic`. \p NewVar makes the variables this needs.
/// Null after an error (reported at \p S).
graph::Stmt *backwardParallelLoop(graph::Module &M, graph::ErrorSink &Errors,
                                  const graph::Stmt *S, graph::Block Decls, graph::Block Body,
                                  const llvm::DenseSet<graph::Var *> &IterationVars,
                                  const llvm::DenseSet<graph::Var *> &ClauseVars,
                                  llvm::function_ref<graph::Var *(const std::string &, graph::Type)> NewVar);

} // namespace adgen

#endif // ADGEN_TRANSFORMS_PARALLELLOOPS_H
