//===- CheckpointsTest.cpp - The binomial schedule of adgen::Checkpoints --===//
//
// The runtime's schedule, run on a loop whose state is its step number:
// every step is reversed exactly once, last first, from the right state;
// no more states are stored than allowed; and no step runs forward more
// often than the binomial bound says.
//===----------------------------------------------------------------------===//
#include <adgen/checkpoint.h>

#include <gtest/gtest.h>

namespace {

struct Outcome {
  long Advances = 0, Reversed = 0, MaxRuns = 0;
  std::size_t Peak = 0;
  long Final = -1;
};

/// Drives the schedule like generated code does; the "state" is the next
/// step to run, so restores, advances and reversals can be checked.
Outcome drive(long First, long Steps, long Snapshots) {
  Outcome R;
  adgen::Checkpoints CP;
  long State = First;
  CP.begin(First, First + Steps, Snapshots);
  CP.put(State);
  State = First + Steps; // the forward sweep runs the loop
  long Expect = First + Steps - 1;
  std::vector<long> Runs(static_cast<std::size_t>(Steps), 0);
  while (CP.next()) {
    if (CP.restoring())
      CP.get(State);
    for (long I = CP.from(); I < CP.to(); ++I) {
      EXPECT_EQ(State, I) << "advance from the wrong state";
      ++Runs[static_cast<std::size_t>(I - First)];
      ++State;
      ++R.Advances;
    }
    if (CP.saving())
      CP.put(State);
    if (CP.reversing()) {
      EXPECT_EQ(CP.step(), Expect) << "steps are reversed last first";
      EXPECT_EQ(State, CP.step()) << "a step is reversed from its own state";
      --Expect;
      ++R.Reversed;
      State = -12345; // the step's backward sweep leaves the variables mixed
    }
  }
  EXPECT_EQ(Expect, First - 1) << "every step reversed";
  for (long N : Runs)
    R.MaxRuns = std::max(R.MaxRuns, N);
  R.Peak = CP.peakBytes();
  R.Final = State;
  return R;
}

TEST(Checkpoints, ReversesEveryStepFromItsState) {
  for (long Steps : {0L, 1L, 2L, 3L, 5L, 10L, 64L, 101L, 1000L})
    for (long Snapshots : {1L, 2L, 3L, 4L, 10L, 2000L}) {
      SCOPED_TRACE("steps " + std::to_string(Steps) + ", snapshots " +
                   std::to_string(Snapshots));
      Outcome R = drive(7, Steps, Snapshots);
      EXPECT_EQ(R.Reversed, Steps);
      if (Steps) {
        EXPECT_EQ(R.Final, 7) << "ends with the loop's first state";
      }
      long Stored = Snapshots < 1 ? 1 : Snapshots;
      EXPECT_LE(R.Peak, static_cast<std::size_t>(Stored) * sizeof(long));
    }
}

TEST(Checkpoints, OneSnapshotRerunsFromTheStart) {
  Outcome R = drive(0, 10, 1);
  EXPECT_EQ(R.Advances, 45); // 9 + 8 + ... + 0
}

/// C(s + r, s) >= steps bounds each step's forward runs by r (besides the
/// forward sweep's own run, which the schedule does not count).
TEST(Checkpoints, BinomialBound) {
  struct Case {
    long Steps, Snapshots, R;
  } Cases[] = {{1000, 10, 4}, {100000, 100, 3}, {1000000, 100, 4}, {12345, 5, 15}};
  for (const Case &C : Cases) {
    SCOPED_TRACE(std::to_string(C.Steps) + " steps");
    Outcome R = drive(0, C.Steps, C.Snapshots);
    EXPECT_LE(R.MaxRuns, C.R);
    EXPECT_LE(R.Advances, C.R * C.Steps);
  }
}

TEST(Checkpoints, NoStepsNoActions) {
  adgen::Checkpoints CP;
  CP.begin(5, 5, 10);
  CP.put(1.0);
  EXPECT_FALSE(CP.next());
}

} // namespace
