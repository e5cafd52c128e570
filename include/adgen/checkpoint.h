//===- adgen/checkpoint.h - Binomial checkpointing of loops ------*- C++ -*-===//
///
/// \file
/// What a pullback uses for a loop marked ADGEN_CHECKPOINT(snapshots): the
/// forward sweep runs the loop without a tape and keeps only its initial
/// state; the backward sweep rebuilds the states it needs from at most
/// `snapshots` stored states and reverses one step at a time (the step is
/// taped and reversed at once, so the tape holds one step). The schedule is
/// the binomial one of Griewank's revolve: with s snapshots and r the
/// smallest number with C(s + r, s) >= steps, no step runs forward more
/// than r + 1 times; memory is s states however many steps there are.
///
/// Generated code drives it like this (statements in the loops are the
/// loop's body, as generated):
/// \code
///   adgen::Checkpoints cp;
///   cp.begin(0, n, 100);              // forward sweep: steps [0, n)
///   cp.put(y[0]); cp.put(y[1]);       // the state at step 0
///   for (int i = 0; i < n; ++i) { ... }                  // untaped
///   ...
///   while (cp.next()) {               // backward sweep
///     if (cp.restoring()) { cp.get(y[0]); cp.get(y[1]); }
///     for (i = cp.from(); i < cp.to(); ++i) { ... }       // untaped
///     if (cp.saving()) { cp.put(y[0]); cp.put(y[1]); }
///     if (cp.reversing()) { i = cp.step(); ...taped step...; ...its adjoints... }
///   }                                 // ends with the state at step 0
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_CHECKPOINT_H
#define ADGEN_CHECKPOINT_H

#include <adgen/objects.h>
#include <cstring>
#include <type_traits>
#include <vector>

namespace adgen {

/// The schedule and the stored states of one checkpointed loop.
class Checkpoints {
public:
  /// The forward sweep is about to run steps [First, Last) keeping at most
  /// \p Snapshots states (at least one: the initial state). put() calls
  /// that follow store the initial state.
  void begin(long First, long Last, long Snapshots) {
    First_ = First;
    Steps = Last > First ? Last - First : 0;
    long Free = (Snapshots > 1 ? Snapshots : 1) - 1;
    Slots.resize(static_cast<std::size_t>(Free + 1));
    for (std::vector<unsigned char> &S : Slots)
      S.clear();
    Frames.clear();
    if (Steps > 0)
      Frames.push_back(Frame{0, Steps, Free, 0, 0, 0, false});
    At = Steps; // the forward sweep runs every step before the backward sweep
    Writing = 0;
    Finished = false;
    Stored = Peak = 0;
  }

  /// Appends \p V to the state being stored.
  template <typename T> void put(const T &V) {
    static_assert(detail::CopiesAsBytes<T>::value, "states hold plain values");
    std::vector<unsigned char> &S = Slots[static_cast<std::size_t>(Writing)];
    std::size_t N = S.size();
    S.resize(N + sizeof(T));
    std::memcpy(S.data() + N, &V, sizeof(T));
    Stored += sizeof(T);
    Peak = Stored > Peak ? Stored : Peak;
  }
  /// Reads the next value of the state being restored into \p V, in the
  /// order put() stored them.
  template <typename T> void get(T &V) {
    std::memcpy(static_cast<void *>(&V), Slots[static_cast<std::size_t>(Reading)].data() + Cursor, sizeof(T));
    Cursor += sizeof(T);
  }

  /// Moves to the next action of the backward sweep; false when the loop is
  /// reversed (the last action restores the initial state).
  bool next() {
    Restore = Save = Reverse = false;
    From = To = 0;
    while (!Frames.empty()) {
      Frame &F = Frames.back();
      long Len = F.To - F.From;
      if (F.Linear) { // no free snapshot: advance from F.From to each step, last first
        if (F.K < F.From) {
          Frames.pop_back();
          continue;
        }
        act(F.Slot, F.From, F.K, -1, F.K);
        --F.K;
        return true;
      }
      if (Len == 1) {
        long S = F.Slot, B = F.From;
        Frames.pop_back();
        act(S, B, B, -1, B);
        return true;
      }
      if (F.Free == 0) {
        F.Linear = true;
        F.K = F.To - 1;
        continue;
      }
      if (F.Phase == 0) { // advance to the split, store the state there
        long Mid = F.From + split(Len, F.Free);
        F.Phase = 1;
        F.Mid = Mid;
        Frame Right{Mid, F.To, F.Free - 1, F.Slot + 1, 0, 0, false};
        act(F.Slot, F.From, Mid, F.Slot + 1, -1);
        Frames.push_back(Right);
        return true;
      }
      // The right part is reversed: now the left part, same snapshots.
      Frame Left{F.From, F.Mid, F.Free, F.Slot, 0, 0, false};
      Frames.pop_back();
      Frames.push_back(Left);
    }
    if (Finished || Steps == 0)
      return false;
    Finished = true;
    act(0, 0, 0, -1, -1); // leave the state the loop started from
    Restore = true;
    return true;
  }

  /// This action first restores a stored state (read it with get()).
  bool restoring() const { return Restore; }
  /// Then runs the loop's steps [from(), to()) without a tape.
  long from() const { return First_ + From; }
  long to() const { return First_ + To; }
  /// Then stores the state (write it with put()).
  bool saving() const { return Save; }
  /// Then tapes and reverses step step().
  bool reversing() const { return Reverse; }
  long step() const { return First_ + Step; }

  /// The most bytes of stored states at once: what checkpointing costs in
  /// memory (the tape holds one step besides).
  std::size_t peakBytes() const { return Peak; }

private:
  struct Frame {
    long From, To, Free, Slot, Phase, Mid;
    bool Linear;
    long K = 0;
  };

  /// Steps [0, Len) are reversed with Free free snapshots: the length of the
  /// left part (advanced through once now, reversed later with the same
  /// snapshots) so that both parts need no more repetitions than the whole.
  static long split(long Len, long Free) {
    long C = Free + 1; // with the one that holds the state at the start
    long R = 0;
    while (binomial(C, R) < static_cast<double>(Len))
      ++R;
    double RightMax = binomial(C - 1, R);
    long Left = Len - static_cast<long>(RightMax < static_cast<double>(Len) ? RightMax : Len - 1);
    return Left < 1 ? 1 : Left;
  }
  /// C(s + r, s): the most steps s snapshots (the first holding the start)
  /// reverse when no step runs forward more than r times.
  static double binomial(long S, long R) {
    double B = 1;
    for (long I = 1; I <= R; ++I) {
      B = B * static_cast<double>(S + I) / static_cast<double>(I);
      if (B > 1e18)
        return 1e18;
    }
    return B;
  }

  /// One action: restore slot \p Slot unless the variables already hold
  /// step \p From, run [From, To), store into \p SaveSlot (or -1), reverse
  /// step \p Rev (or -1).
  void act(long Slot, long From, long To, long SaveSlot, long Rev) {
    Restore = At != From; // the state at From is in Slot
    if (Restore) {
      Reading = Slot;
      Cursor = 0;
    }
    this->From = From;
    this->To = To;
    At = To;
    Save = SaveSlot >= 0;
    if (Save) {
      Writing = SaveSlot;
      std::vector<unsigned char> &S = Slots[static_cast<std::size_t>(SaveSlot)];
      Stored -= S.size();
      S.clear();
    }
    Reverse = Rev >= 0;
    Step = Rev;
    if (Reverse)
      At = -1; // the step's own backward sweep leaves the variables mixed
  }

  long First_ = 0, Steps = 0;
  std::vector<std::vector<unsigned char>> Slots;
  std::vector<Frame> Frames;
  long At = 0, Writing = 0, Reading = 0;
  std::size_t Cursor = 0, Stored = 0, Peak = 0;
  bool Restore = false, Save = false, Reverse = false, Finished = false;
  long From = 0, To = 0, Step = -1;
};

} // namespace adgen

#endif // ADGEN_CHECKPOINT_H
