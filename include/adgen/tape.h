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
    static_assert(std::is_trivially_copyable<T>::value, "tape holds plain values");
    if (static_cast<std::size_t>(End - Top) < sizeof(T))
      grow(sizeof(T));
    std::memcpy(Top, &V, sizeof(T));
    Top += sizeof(T);
  }

  /// Removes and returns the most recently pushed value.
  template <typename T> T pop() {
    T V;
    Top -= sizeof(T);
    std::memcpy(&V, Top, sizeof(T));
    return V;
  }

  /// Bytes currently recorded.
  std::size_t size() const { return static_cast<std::size_t>(Top - Begin); }
  /// Bytes the tape can hold before it grows.
  std::size_t capacity() const { return static_cast<std::size_t>(End - Begin); }

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
/// value here, and at the end the pullback replays the saves in reverse, so
/// that memory again holds what f wrote.
///
/// \code
///   std::size_t mark = redo.size();
///   redo.save(&y[i]); y[i] = tape.pop<double>();   // backward sweep
///   redo.replay(mark);                             // end of f_pullback
/// \endcode
class RedoLog {
public:
  /// Saves the current value of *P.
  template <typename T> void save(T *P) {
    static_assert(std::is_trivially_copyable<T>::value, "plain values only");
    static_assert(sizeof(T) <= sizeof(Entry::Bytes), "value too large");
    Entry E;
    E.Addr = P;
    E.Size = sizeof(T);
    std::memcpy(E.Bytes, P, sizeof(T));
    Log.push(E);
  }
  std::size_t size() const { return Log.size() / sizeof(Entry); }
  /// Writes back the saves made since \p Mark, newest first, and drops them.
  void replay(std::size_t Mark) {
    while (size() > Mark) {
      Entry E = Log.pop<Entry>();
      std::memcpy(E.Addr, E.Bytes, E.Size);
    }
  }
  /// Drops the saves made since \p Mark into [Begin, Begin + Bytes): a
  /// helper's local storage, which is gone when the pullback replays.
  void forget(std::size_t Mark, const void *Begin, std::size_t Bytes) {
    const char *B = static_cast<const char *>(Begin), *E = B + Bytes;
    Tape Kept;
    while (size() > Mark) {
      Entry En = Log.pop<Entry>();
      const char *A = static_cast<const char *>(En.Addr);
      if (A < B || A >= E)
        Kept.push(En);
    }
    while (Kept.size())
      Log.push(Kept.pop<Entry>());
  }

private:
  struct Entry {
    void *Addr;
    std::size_t Size;
    alignas(16) unsigned char Bytes[16];
  };
  Tape Log;
};

/// The redo log of the calling thread.
inline RedoLog &threadRedoLog() {
  thread_local RedoLog R;
  return R;
}

} // namespace adgen

#endif // ADGEN_TAPE_H
