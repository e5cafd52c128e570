//===- Transforms/TransformContext.h - What a transform needs ---*- C++ -*-===//
///
/// \file
/// The transforms (forward, vector forward, reverse) and what they need from
/// whoever runs them: the module that owns the graph, where errors go, and
/// the registry of helpers — the derivatives of callees, generated on
/// demand for each pattern of active arguments. The Differentiator
/// implements it; unit tests run a transform with a fake that records which
/// helpers it asked for. The transforms depend on this header only, never
/// on the Differentiator, so there is no cycle between them.
///
/// \code
///   struct Fake : TransformContext { ... };
///   Fake Ctx(M);
///   graph::Function *G = forwardTransform(Ctx, F, Pattern, "f_fwd");
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_TRANSFORMCONTEXT_H
#define ADGEN_TRANSFORMS_TRANSFORMCONTEXT_H

#include "Analysis/Activity.h"
#include "Graph/Graph.h"
#include "llvm/Support/raw_ostream.h"
#include <set>
#include <string>
#include <utility>

namespace adgen {

class TransformContext {
public:
  virtual ~TransformContext();

  /// The module that owns every node the transform makes.
  virtual graph::Module &module() = 0;
  /// Where the transform reports what it cannot differentiate.
  virtual graph::ErrorSink &errors() = 0;
  /// The qualified name of the forward-mode helper of \p C for \p P (the
  /// helper is generated later, once per callee and pattern).
  virtual std::string forwardHelper(graph::Callee &C, const ActivityPattern &P) = 0;
  /// The qualified name of the vector forward-mode helper (k directions in
  /// one sweep) of \p C for \p P; generated later when \p Request, else
  /// only named. "" where the context makes none (f_fwd_vec of a function
  /// that calls others is then not generated).
  virtual std::string vectorForwardHelper(graph::Callee &C, const ActivityPattern &P,
                                          bool Request) {
    (void)C, (void)P, (void)Request;
    return "";
  }
  /// The reverse-mode helpers of \p C for \p P: the forward sweep (records)
  /// and the backward sweep. Their slots name them now and hold them once
  /// they are generated (forward over reverse differentiates the helpers a
  /// pullback calls through the slots, never by name).
  virtual std::pair<graph::HelperSlot *, graph::HelperSlot *>
  reverseHelpers(graph::Callee &C, const ActivityPattern &P) = 0;
};

/// The forward transform of one function (Forward.cpp).
graph::Function *forwardTransform(TransformContext &D, graph::Function &F,
                                  const ActivityPattern &P, const std::string &Name);

/// f_fwd_vec: k tangent directions in one sweep (VectorForward.cpp). Null
/// where it is not generated (see vectorForwardUnsupported); calls get
/// the callees' vector helpers (TransformContext::vectorForwardHelper).
graph::Function *vectorForwardTransform(TransformContext &D, graph::Function &F,
                                        const ActivityPattern &P, const std::string &Name,
                                        bool Internal = false);

/// Why f_fwd_vec of \p F (and of the functions it calls) is not
/// generated, or "" when it is (VectorForward.cpp).
std::string vectorForwardUnsupported(const graph::Function &F, bool Internal);

/// An array field of a struct passed to a pointer parameter (`h(s.q)`,
/// `h(s.a.data())`): the field (a Load of it), its length in \p N; else
/// null. f_fwd_vec hands the callee a buffer of its k tangents per element.
const graph::Expr *arrayFieldArgument(const graph::Expr *E, uint64_t &N);

/// How a reverse-mode function is shaped (Reverse.cpp).
enum class ReverseShape {
  Joint,  ///< f_pullback: both sweeps in one function, f's effects kept
  Record, ///< helper: forward sweep; pushes what the backward sweep reads
  Replay, ///< helper: backward sweep; restores what the forward sweep wrote
};

/// Prints the storage plan reverse mode would follow for \p F's pullback
/// named \p Name (StoragePlan.h) without generating it; \p Stored, if
/// given, gets what --emit=dot marks as stored. False on errors (reported).
bool printReversePlan(TransformContext &D, graph::Function &F, const ActivityPattern &P,
                      const std::string &Name, llvm::raw_ostream &OS,
                      std::set<std::string> *Stored = nullptr);

/// The reverse transform of one function in the given shape. Loops marked
/// ADGEN_CHECKPOINT are checkpointed in the Joint shape when
/// \p UseCheckpoints (the Hessian's forward-over-reverse tapes them).
/// A \p Public one (f_pullback) names the instance in its comment
/// ("of f<double>"); internal ones name the function.
graph::Function *reverseTransform(TransformContext &D, graph::Function &F,
                                  const ActivityPattern &P, const std::string &Name,
                                  ReverseShape Shape, bool UseCheckpoints = true,
                                  bool Public = false);

/// Makes the shell of a generated function: namespaces, linkage, a name
/// scope that includes \p F's names.
graph::Function &newGenerated(graph::Module &M, const graph::Function &F, std::string Name,
                              bool Helper);

/// Why an active call to \p C has no derivative: its body is not visible,
/// or (\p Suffix being "_fwd" or "_pullback") the user wrote the other
/// mode's custom derivative only, so adgen did not read its body.
std::string noDerivativeMessage(const graph::Callee &C, const std::string &Suffix);

} // namespace adgen

#endif
