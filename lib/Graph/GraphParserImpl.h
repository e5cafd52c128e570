//===- Graph/GraphParserImpl.h - The graph text parser's parts --*- C++ -*-===//
///
/// \file
/// Private to the parser (GraphParser.h): the class whose parts live in
/// GraphParser.cpp (lines, nodes, operands, types) and GraphParserStmts.cpp
/// (statements).
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_GRAPHPARSERIMPL_H
#define ADGEN_GRAPH_GRAPHPARSERIMPL_H

#include "Graph/GraphParser.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <string>
#include <vector>

namespace adgen::graph::parse_impl {

using llvm::Error;
using llvm::Expected;
using llvm::StringRef;

/// Per struct spelling, its fields (name, type as printed) in the order the
/// text first reads them.
using FieldMap = llvm::MapVector<std::string, std::vector<std::pair<std::string, std::string>>,
                                 std::map<std::string, unsigned>>;

/// One non-blank line: its text without indentation and `    ; line N`.
struct Line {
  unsigned No = 0;     ///< 1-based line of the input
  unsigned Indent = 0; ///< spaces before Text
  StringRef Text;
  unsigned SrcLine = 0; ///< the `; line N` suffix, 0 when absent
};

/// Index of the bracket closing the one at \p Open (quote-aware), or npos.
size_t matching(StringRef S, size_t Open);
/// Splits \p S at the ", " that are outside quotes and brackets.
std::vector<StringRef> splitList(StringRef S);
/// Type of a constant spelled \p S, given the type \p Hint the operation it
/// is an operand of expects (null: none).
Type constantType(StringRef S, const Type *Hint);

/// Reads the lines of one text into functions.
class Parser {
public:
  Parser(Module &M, ParsedGraph &G, FieldMap &Seen) : M(M), G(G), Seen(Seen) {}

  Error run(StringRef Text);

private:
  /// "line:col: Msg", the column that of \p At (a piece of L.Text).
  Error err(const Line &L, StringRef At, const llvm::Twine &Msg) {
    unsigned Col = L.Indent + 1;
    if (At.data() >= L.Text.data() && At.data() <= L.Text.data() + L.Text.size())
      Col += At.data() - L.Text.data();
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%u:%u: %s", L.No, Col,
                                   Msg.str().c_str());
  }
  Expected<Type> type(const Line &L, StringRef S) {
    Expected<Type> T = parseType(S, &G.Records);
    if (!T)
      return err(L, S, llvm::toString(T.takeError()));
    return T;
  }
  bool atEnd() const { return Pos >= Lines.size(); }
  /// A line that closes the block being read, or opens the next section.
  bool endsBlock(StringRef T) const {
    return T == "else" || T == "end if" || T == "end loop" || T == "end function" ||
           T == "init:" || T == "cond:" || T == "body:" || T == "step:" ||
           (T.starts_with("test ") && !T.contains(" = ")) || T.starts_with("function ");
  }
  Error expect(StringRef What) {
    if (atEnd())
      return llvm::createStringError(llvm::inconvertibleErrorCode(), "%u:1: expected '%s'",
                                     Lines.empty() ? 1 : Lines.back().No + 1, What.str().c_str());
    if (Lines[Pos].Text != What)
      return err(Lines[Pos], Lines[Pos].Text, "expected '" + What + "'");
    ++Pos;
    return Error::success();
  }

  Error function();
  Error params(const Line &L, StringRef List);
  /// Statements (and the nodes between them) up to a line endsBlock().
  Error block(Block &B);
  /// One statement; the structured ones read their blocks too.
  Error stmt(const Line &L, Stmt *&S);
  /// `%N = op operands : type`.
  Error node(const Line &L);
  Error decl(const Line &L, StringRef Rest, Stmt *&S);
  Error callStmt(const Line &L, StringRef Target, StringRef Call, Stmt *&S);
  Error ifStmt(const Line &L, StringRef Cond, Stmt *&S);
  Error loop(const Line &L, StringRef Rest, Stmt *&S);
  Error omp(const Line &L, StringRef Clauses, OmpLoop &O);
  /// A node, name, field or constant; \p Hint types constants and globals.
  Expected<const Expr *> operand(const Line &L, StringRef Tok, const Type *Hint);
  /// What a store writes: a name, `BASE[INDEX]` or `*p`.
  Expected<const Expr *> target(const Line &L, StringRef Tok, const Type *ValueTy);
  /// Records that the text reads field \p Field of struct type \p Base.
  void noteField(const Type &Base, StringRef Field, Type FieldTy);
  /// OpenMP clause variables, once the function's names are all known.
  Error resolvePending();
  /// A call of a function of the text gets its body and signature.
  void linkCallees();

  Module &M;
  ParsedGraph &G;
  FieldMap &Seen;
  std::vector<Line> Lines;
  size_t Pos = 0;
  // The function being read.
  Function *F = nullptr;
  llvm::StringMap<Var *> Names;
  llvm::DenseMap<unsigned, const Expr *> Nodes;
  /// OpenMP clause lists name variables declared later in the loop.
  struct PendingVars {
    OmpLoop *O;
    /// 0 private, 1 firstprivate, 2 shared, 3 + I the I-th reduction.
    unsigned Clause;
    std::vector<std::string> Names;
    Line At;
    std::vector<Var *> &slot() {
      return Clause == 0 ? O->Private : Clause == 1 ? O->FirstPrivate
                       : Clause == 2 ? O->Shared : O->Reductions[Clause - 3].Vars;
    }
  };
  std::vector<PendingVars> Pending;
  std::vector<Callee *> Calls;
};

} // namespace adgen::graph::parse_impl

#endif // ADGEN_GRAPH_GRAPHPARSERIMPL_H
