//===- Graph/ValueCopies.h - Classes whose copies change values -*- C++ -*-===//
///
/// \file
/// A class whose user-written copy constructor or assignment does more than
/// copy each field (`S(const S &o) : v(2 * o.v) {}`, a copy counter) is
/// differentiated where the source copies an object of it: the graph runs
/// that copy in place like any constructor (Graph/Constructors.cpp) or calls
/// the assignment like any member function. Everything else that copies, makes
/// or zeroes its objects is adgen's own and must not run it, so generated code
/// handles such objects as bytes (adgen::Blank, adgen::zero, adgen::copyBytes
/// in <adgen/objects.h>):
///
/// \code
///   Scaled &&d_s = adgen::Blank<Scaled>().Value;   // not adgen::zeroed<Scaled>()
///   adgen::zero(d_s);                              // not d_s = adgen::zeroed<Scaled>()
///   adgen::copyBytes(d_t, d_s);                    // not d_t = d_s
///   tape.popInto(t);                               // not t = tape.pop<Scaled>()
/// \endcode
///
/// The front end marks their records (Graph/TypeMap.cpp); the emitter and
/// the gates of f_fwd_vec ask. This is a table beside graph::Record rather
/// than a field of it only because Graph.h is included by every stage.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_VALUECOPIES_H
#define ADGEN_GRAPH_VALUECOPIES_H

#include "Graph/Graph.h"

namespace adgen::graph {

/// Marks \p R as a class whose user-written copies change values.
void markCopiesChangeValues(const Record *R);

/// Whether \p R (or, for \p T, its record: an object, not a pointer or
/// reference to one) was marked.
bool copiesChangeValues(const Record *R);
bool copiesChangeValues(const Type &T);

} // namespace adgen::graph

#endif
