//===- Transforms/Differentiator.h - Plans and runs the transforms -*- C++ -*-===//
///
/// \file
/// Turns requests ("f in forward mode with respect to x") into generated
/// graph functions. Calls inside a differentiated function need derivatives
/// of their callees for the pattern of active arguments at that call; the
/// differentiator generates each (callee, mode, pattern) once, on demand,
/// as a helper in namespace adgen_detail next to the callee.
///
/// \code
///   Differentiator D(M, Errors);
///   D.forward(F, Pattern, "f_fwd");
///   D.reverse(F, Pattern, "f_pullback", "f_grad");
///   for (graph::Function *G : D.generated()) ...
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_DIFFERENTIATOR_H
#define ADGEN_TRANSFORMS_DIFFERENTIATOR_H

#include "Analysis/Activity.h"
#include "Graph/Graph.h"
#include "Transforms/JacobianMode.h"
#include "Transforms/TransformContext.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <set>
#include <string>
#include <tuple>

namespace adgen {

/// Runs the transforms for requests and generates the helpers they ask for.
class Differentiator : public TransformContext {
public:
  Differentiator(graph::Module &M, graph::ErrorSink &Errors) : M(M), Errors(Errors) {}

  /// Generates `Name` (f_fwd). False after an error (reported).
  bool forward(graph::Function &F, const ActivityPattern &P, const std::string &Name);
  /// Generates `PullbackName`, and `GradName` unless it is empty.
  bool reverse(graph::Function &F, const ActivityPattern &P, const std::string &PullbackName,
               const std::string &GradName);

  /// Generates `GradName` (f_grad) for f whose pullback the user wrote
  /// (ADGEN_CUSTOM, qualified name \p Pullback): it calls the pullback with
  /// d_ret = 1. \p Adjoints are the pullback's parameters after d_ret.
  void customGrad(graph::Function &F, const std::string &Pullback,
                  const std::vector<std::pair<std::string, graph::Type>> &Adjoints,
                  const std::string &GradName);

  /// The stem of the internal helpers of f_jacobian / f_hessian \p Name:
  /// \p F's name, or for an operator (`operator()`, no identifier) the
  /// public name's stem (`S_call` of `S_call_jacobian`, interface.md §4).
  static std::string helperStem(const graph::Function &F, const std::string &Name,
                                llvm::StringRef Suffix);
  /// Generates `Name` (f_jacobian) and the derivatives it drives. \p Lengths
  /// has, per parameter, the C++ length expression of an active array.
  bool jacobian(graph::Function &F, const ActivityPattern &P,
                const std::vector<std::string> &Lengths, const std::string &Name,
                JacobianMode Mode);

  /// Success when f_jacobian (or, with \p Hessian, f_hessian) of \p F for
  /// \p P can be generated, else an error that says why: every active
  /// parameter must flatten to numbers in the contract's layout (numbers,
  /// arrays, structs by value or reference whose fields are public numbers
  /// of one precision), and f_hessian's forward over reverse does not yet go
  /// through containers.
  /// \code
  ///   if (llvm::Error E = Differentiator::checkMatrix(F, P, /*Hessian=*/false))
  ///     report(llvm::toString(std::move(E)));
  /// \endcode
  static llvm::Error checkMatrix(const graph::Function &F, const ActivityPattern &P,
                                 bool Hessian);

  /// Success when the derivatives of \p F generated since
  /// generated()[\p Before] can be emitted, else an error that says why. A class with a constructor or
  /// default member initialisers is made zero one object at a time
  /// (adgen::zeroed); a local array or std::vector of it, in f or in its
  /// derivatives, would run its default constructor per element: refused
  /// rather than start adjoints at the initialisers' values. \p Of is f's
  /// name for the message.
  llvm::Error checkZeroStart(const graph::Function &F, size_t Before,
                             llvm::StringRef Of) const;

  /// Generates `Name` (f_hessian): forward mode applied to the reverse-mode
  /// code adgen generated for f (forward over reverse), a column per input.
  bool hessian(graph::Function &F, const ActivityPattern &P,
               const std::vector<std::string> &Lengths, const std::string &Name);

  /// Every generated function: helpers first (callees before callers is not
  /// needed: the emitter declares all functions before defining them).
  const std::vector<graph::Function *> &generated() const { return Generated; }

  // TransformContext: used by the transforms for calls.
  /// The qualified name of the forward-mode helper of \p C for \p P.
  std::string forwardHelper(graph::Callee &C, const ActivityPattern &P) override;
  /// The qualified name of the vector forward-mode helper of \p C for \p P.
  std::string vectorForwardHelper(graph::Callee &C, const ActivityPattern &P,
                                  bool Request) override;
  /// The reverse-mode helpers of \p C for \p P: the forward sweep (records)
  /// and the backward sweep, filled in when drain() generates them.
  std::pair<graph::HelperSlot *, graph::HelperSlot *>
  reverseHelpers(graph::Callee &C, const ActivityPattern &P) override;

  graph::Module &module() override { return M; }
  graph::ErrorSink &errors() override { return Errors; }
  bool failed() const { return Failed; }
  void fail() { Failed = true; }

private:
  /// False, after an error naming it, when \p F writes a parameter that is
  /// not active with values that carry derivatives into the result, or
  /// a global that carries derivatives: its derivative would be lost.
  bool checkInactiveWrites(graph::Function &F, const ActivityPattern &P);
  std::string zeroStartUnsupported(const graph::Function &F, size_t Before,
                                   llvm::StringRef Of) const;
  void drain();
  std::string placeInternal(graph::Function &G, const graph::Function &F);
  static graph::MatrixDriver describe(const graph::Function &F, const ActivityPattern &P,
                                      const std::vector<std::string> &Lengths,
                                      graph::MatrixDriver::Kind K);
  struct Job {
    graph::Callee *C;
    bool Reverse;
    ActivityPattern P;
    std::string Name, Name2;
    bool Vector = false; ///< a vector forward helper (not Reverse)
    /// Where the generated helpers go (the second: the backward sweep).
    graph::HelperSlot *Slot = nullptr, *Slot2 = nullptr;
  };
  /// The driver's sink, counting errors: a transform that stopped at a
  /// reported error returns null like one that should not have been asked
  /// for, and only the second is an internal error.
  class CountingSink : public graph::ErrorSink {
  public:
    explicit CountingSink(graph::ErrorSink &Inner) : Inner(Inner) {}
    void error(graph::Loc Where, const std::string &Message) override {
      ++Count;
      Inner.error(Where, Message);
    }
    void note(graph::Loc Where, const std::string &Message) override { Inner.note(Where, Message); }
    unsigned Count = 0;

  private:
    graph::ErrorSink &Inner;
  };
  graph::Module &M;
  CountingSink Errors;
  std::vector<graph::Function *> Generated;
  /// The helpers asked for, per callee, kind and pattern (the second slot:
  /// a reverse helper's backward sweep, else null).
  std::map<std::tuple<const graph::Function *, bool, std::string>,
           std::pair<graph::HelperSlot *, graph::HelperSlot *>>
      Helpers;
  std::vector<Job> Queue;
  bool Failed = false;
};

} // namespace adgen

#endif
