//===- adgen/tape.h - The tape reverse-mode code records on ------*- C++ -*-===//
///
/// \file
/// Reverse-mode derivatives run in two sweeps. The forward sweep runs the
/// function and pushes what the backward sweep will need (values about to be
/// overwritten, which branch an `if` took, how often a loop ran); the backward
/// sweep pops them in reverse order. This header is that stack.
///
/// It is one contiguous byte buffer that grows geometrically and keeps its
/// capacity, so in the steady state a push is a bounds check and a memcpy and
/// allocates nothing. Generated code uses one tape per thread:
///
/// \code
///   adgen::Tape& tape = adgen::threadTape();
///   tape.push(x);            // forward sweep
///   x = tape.pop<double>();  // backward sweep
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TAPE_H
#define ADGEN_TAPE_H

#include <adgen/objects.h>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>

namespace adgen {

/// A LIFO stack of trivially copyable values of mixed types.
class Tape {
public:
  Tape() = default;
  Tape(const Tape &) = delete;
  Tape &operator=(const Tape &) = delete;
  ~Tape() { std::free(Begin); }

  /// Records \p V. Values of different types may be interleaved; they must be
  /// popped with the same types in reverse order.
  template <typename T> void push(const T &V) {
    static_assert(detail::CopiesAsBytes<T>::value, "tape holds plain values");
    if (static_cast<std::size_t>(End - Top) < sizeof(T))
      grow(sizeof(T));
    std::memcpy(Top, &V, sizeof(T));
    Top += sizeof(T);
#ifdef ADGEN_TAPE_STATS
    if (size() > Peak)
      Peak = size();
#endif
  }

  /// Pushes without a capacity check, through a local pointer the compiler
  /// keeps in a register (a push through the tape itself reloads its top
  /// after every store: the bytes stored may alias it). For a loop whose
  /// pushes are known in advance:
  ///
  /// \code
  ///   adgen::Tape::Cursor at = tape.reserve(n * sizeof(double));
  ///   for (int i = 0; i < n; ++i) { at.push(y[i]); ... }   // no other pushes
  ///   tape.commit(at);
  /// \endcode
  class Cursor {
  public:
    template <typename T> void push(const T &V) {
      static_assert(std::is_trivially_copyable<T>::value, "tape holds plain values");
      std::memcpy(At, &V, sizeof(T));
      At += sizeof(T);
    }

  private:
    friend class Tape;
    explicit Cursor(char *At) : At(At) {}
    char *At;
  };
  /// Room for \p Bytes more; the cursor pushes into it until commit().
  Cursor reserve(std::size_t Bytes) {
    if (static_cast<std::size_t>(End - Top) < Bytes)
      grow(Bytes);
    return Cursor(Top);
  }
  /// Takes what the cursor pushed.
  void commit(const Cursor &C) {
    Top = C.At;
#ifdef ADGEN_TAPE_STATS
    if (size() > Peak)
      Peak = size();
#endif
  }

  /// Removes and returns the most recently pushed value.
  template <typename T> T pop() {
    Top -= sizeof(T);
    // A class with a constructor need not have a default one.
    return fromBytes<T>(Top);
  }

  /// Removes the most recently pushed value and copies its bytes into \p V,
  /// an existing object (of a class whose user-written copy changes values,
  /// which pop() would run; adgen/objects.h).
  template <typename T> void popInto(T &V) {
    static_assert(detail::CopiesAsBytes<T>::value, "tape holds plain values");
    Top -= sizeof(T);
    std::memcpy(static_cast<void *>(&V), Top, sizeof(T));
  }

  /// Removes the most recently pushed value without reading it.
  template <typename T> void drop() { Top -= sizeof(T); }

  /// `v.resize(n)` of a std::vector in the forward sweep, recording what
  /// popResize needs to undo it: the elements a shrink removes, the old
  /// size and n.
  template <typename Vector> void pushResize(Vector &V, std::size_t N) {
    std::size_t Old = V.size();
    for (std::size_t K = N; K < Old; ++K)
      push(V[K]);
    push(Old);
    push(N);
    V.resize(N);
  }

  /// Undoes the most recent pushResize of \p V in the backward sweep: back
  /// to the old size, with the elements the resize removed. Shrinking never
  /// reallocates, and growing back stays within the capacity the forward
  /// sweep reached, so addresses into V stay valid.
  template <typename Vector> void popResize(Vector &V) {
    std::size_t N = pop<std::size_t>();
    std::size_t Old = pop<std::size_t>();
    V.resize(Old);
    for (std::size_t K = Old; K-- > N;)
      V[K] = pop<typename Vector::value_type>();
  }

  /// Bytes currently recorded.
  std::size_t size() const { return static_cast<std::size_t>(Top - Begin); }
  /// Bytes the tape can hold before it grows.
  std::size_t capacity() const { return static_cast<std::size_t>(End - Begin); }
  /// The most bytes recorded at once, when the code that pushes was compiled
  /// with ADGEN_TAPE_STATS defined (benchmarks); 0 otherwise.
  std::size_t peak() const { return Peak; }

private:
  void grow(std::size_t Need) {
    std::size_t Used = size();
    std::size_t Cap = capacity() ? 2 * capacity() : 4096;
    while (Cap - Used < Need)
      Cap *= 2;
    char *Fresh = static_cast<char *>(std::realloc(Begin, Cap));
    if (!Fresh)
      throw std::bad_alloc();
    Begin = Fresh;
    Top = Fresh + Used;
    End = Fresh + Cap;
  }

  char *Begin = nullptr;
  char *Top = nullptr;
  char *End = nullptr;
  std::size_t Peak = 0;
};

/// The tape of the calling thread. It keeps its capacity between gradient
/// evaluations, so repeated calls allocate nothing.
inline Tape &threadTape() {
  thread_local Tape T;
  return T;
}

/// Keeps f's effects in a pullback. The backward sweep restores memory that
/// outlives the call (through parameters, globals) to the values it had
/// before each statement; before each such restore it saves the current
/// value here, and at the end the pullback replays the saves newest first,
/// so that memory again holds what f wrote.
///
/// Saves are kept by value size (8-byte values such as double in their own
/// log), so saving and replaying are fixed-size copies of 16-byte entries. Only the order among
/// saves of the same address matters, and one address always has one size.
///
/// \code
///   adgen::RedoLog::Mark mark = redo.mark();
///   redo.save(&y[i]); y[i] = tape.pop<double>();   // backward sweep
///   redo.replay(mark);                             // end of f_pullback
/// \endcode
class RedoLog {
public:
  /// A position in the log: one per size class.
  struct Mark {
    std::size_t At[5];
  };

  /// Saves the current value of *P.
  template <typename T> void save(T *P) {
    static_assert(detail::CopiesAsBytes<T>::value, "plain values only");
    constexpr int C = sizeof(T) == 1 ? 0 : sizeof(T) == 2 ? 1 : sizeof(T) == 4 ? 2
                    : sizeof(T) == 8 ? 3 : sizeof(T) == 16 ? 4 : -1;
    static_assert(C >= 0, "values of 1, 2, 4, 8 or 16 bytes only");
    Entry<C> E;
    E.Addr = P;
    std::memcpy(E.Bytes, P, sizeof(T));
    Logs[C].push(E);
  }
  Mark mark() const {
    return Mark{{Logs[0].size(), Logs[1].size(), Logs[2].size(), Logs[3].size(),
                 Logs[4].size()}};
  }
  /// Writes back the saves made since \p M, newest first, and drops them.
  void replay(const Mark &M) {
    replayClass<0>(M);
    replayClass<1>(M);
    replayClass<2>(M);
    replayClass<3>(M);
    replayClass<4>(M);
  }
  /// Drops the saves made since \p M into [Begin, Begin + Bytes): a
  /// helper's local storage, which is gone when the pullback replays.
  void forget(const Mark &M, const void *Begin, std::size_t Bytes) {
    forgetClass<0>(M, Begin, Bytes);
    forgetClass<1>(M, Begin, Bytes);
    forgetClass<2>(M, Begin, Bytes);
    forgetClass<3>(M, Begin, Bytes);
    forgetClass<4>(M, Begin, Bytes);
  }

private:
  static constexpr std::size_t SizeOf[5] = {1, 2, 4, 8, 16};
  template <int C> struct Entry {
    void *Addr;
    alignas(8) unsigned char Bytes[SizeOf[C] < 8 ? 8 : SizeOf[C]];
  };
  // A class holds values of exactly its size: replay copies that many bytes.
  template <int C> void replayClass(const Mark &M) {
    while (Logs[C].size() > M.At[C]) {
      Entry<C> E = Logs[C].template pop<Entry<C>>();
      std::memcpy(E.Addr, E.Bytes, SizeOf[C]);
    }
  }
  template <int C> void forgetClass(const Mark &M, const void *Begin, std::size_t Bytes) {
    const char *B = static_cast<const char *>(Begin), *End = B + Bytes;
    Tape Kept;
    while (Logs[C].size() > M.At[C]) {
      Entry<C> E = Logs[C].template pop<Entry<C>>();
      const char *A = static_cast<const char *>(E.Addr);
      if (A < B || A >= End)
        Kept.push(E);
    }
    while (Kept.size())
      Logs[C].push(Kept.template pop<Entry<C>>());
  }
  Tape Logs[5];
};

/// The redo log of the calling thread.
inline RedoLog &threadRedoLog() {
  thread_local RedoLog R;
  return R;
}

} // namespace adgen

#endif // ADGEN_TAPE_H
