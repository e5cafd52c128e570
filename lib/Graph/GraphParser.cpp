//===- Graph/GraphParser.cpp - Reads the text of --emit=graph -------------===//
//
// A line-oriented recursive-descent parser: each printed line is one node
// (`%N = ...`), one simple statement, or a keyword that opens or closes a
// structured statement (if/else/end if, loop/init:/cond:/body:/step:/end
// loop). Indentation is not significant; the keywords are.
//
// Structs are rebuilt from the fields the text reads, which may come after
// their first use; so the text is parsed until the set of known fields stops
// growing (a round per level of struct nesting, usually one), then once more
// into the caller's module.
//===----------------------------------------------------------------------===//

#include "Graph/GraphParser.h"
#include "Graph/MathTable.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include <map>
#include <optional>

using namespace adgen;
using namespace adgen::graph;
using llvm::Error;
using llvm::Expected;
using llvm::StringRef;

namespace {

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
size_t matching(StringRef S, size_t Open) {
  char O = S[Open], C = O == '(' ? ')' : O == '[' ? ']' : O == '<' ? '>' : '}';
  int Depth = 0;
  for (size_t I = Open; I < S.size(); ++I) {
    char Ch = S[I];
    if (Ch == '"' || Ch == '\'') { // skip a literal, escapes included
      for (++I; I < S.size() && S[I] != Ch; ++I)
        if (S[I] == '\\')
          ++I;
      continue;
    }
    if (Ch == O)
      ++Depth;
    else if (Ch == C && --Depth == 0)
      return I;
  }
  return StringRef::npos;
}

/// Splits \p S at the ", " that are outside quotes and brackets.
std::vector<StringRef> splitList(StringRef S) {
  std::vector<StringRef> Out;
  if (S.trim().empty())
    return Out;
  int Depth = 0;
  size_t Start = 0;
  for (size_t I = 0; I < S.size(); ++I) {
    char Ch = S[I];
    if (Ch == '"' || Ch == '\'') {
      for (++I; I < S.size() && S[I] != Ch; ++I)
        if (S[I] == '\\')
          ++I;
    } else if (Ch == '(' || Ch == '[' || Ch == '<' || Ch == '{') {
      // `a < b` inside a constant is no bracket; `std::array<...>` is.
      if (Ch != '<' || (I > 0 && S[I - 1] != ' '))
        ++Depth;
    } else if ((Ch == ')' || Ch == ']' || Ch == '>' || Ch == '}') && Depth > 0) {
      if (Ch != '>' || S[I - 1] != ' ')
        --Depth;
    } else if (Ch == ',' && Depth == 0 && S.substr(I, 2) == ", ") {
      Out.push_back(S.slice(Start, I));
      Start = I + 2;
      ++I;
    }
  }
  Out.push_back(S.substr(Start));
  return Out;
}

bool isIntegerSpelling(StringRef S) {
  static const char *const Names[] = {
      "int", "unsigned", "unsigned int", "long", "unsigned long", "long long",
      "unsigned long long", "short", "unsigned short", "char", "signed char",
      "unsigned char", "size_t", "std::size_t", "ptrdiff_t", "std::ptrdiff_t",
      "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t",
      "uint64_t", "std::int32_t", "std::int64_t", "std::uint32_t", "std::uint64_t"};
  for (const char *N : Names)
    if (S == N)
      return true;
  return false;
}

/// The element type spelled \p S: a scalar, or a struct of \p Records.
Type elementType(StringRef S, const std::deque<Record> *Records) {
  ScalarKind K = llvm::StringSwitch<ScalarKind>(S)
                     .Case("double", ScalarKind::Double)
                     .Case("float", ScalarKind::Float)
                     .Case("long double", ScalarKind::LongDouble)
                     .Case("bool", ScalarKind::Bool)
                     .Default(ScalarKind::Int);
  Type T = Type::scalar(K, S.str());
  if (K != ScalarKind::Int || isIntegerSpelling(S) || !Records)
    return T;
  for (const Record &R : *Records)
    if (R.Spelling == S) {
      T.Rec = &R;
      for (const Record::Field &F : R.Fields)
        if (F.Ty.isFloating()) { // a struct "is floating" by its first float field
          T.Scalar = F.Ty.Scalar;
          break;
        }
    }
  return T;
}

/// Type of a constant spelled \p S, given the type \p Hint the operation it
/// is an operand of expects (null: none).
Type constantType(StringRef S, const Type *Hint) {
  auto scalar = [](ScalarKind K, const char *N) { return Type::scalar(K, N); };
  Type Lit = scalar(ScalarKind::Int, "int");
  bool Number = !S.empty() && (isdigit(S[0]) || ((S[0] == '-' || S[0] == '.') && S.size() > 1 &&
                                                 (isdigit(S[1]) || S[1] == '.')));
  if (S == "true" || S == "false")
    Lit = scalar(ScalarKind::Bool, "bool");
  else if (Number && !S.starts_with("0x") &&
           S.find_first_of(".eE") != StringRef::npos) {
    if (S.ends_with("f") || S.ends_with("F"))
      Lit = scalar(ScalarKind::Float, "float");
    else if (S.ends_with("L") || S.ends_with("l"))
      Lit = scalar(ScalarKind::LongDouble, "long double");
    else
      Lit = scalar(ScalarKind::Double, "double");
  }
  if (!Hint)
    return Lit;
  Type H = Hint->element();
  bool Named = !Number && !S.starts_with("\"") && !S.starts_with("'") && Lit.Scalar == ScalarKind::Int;
  if (Named || H.isFloating() == Lit.isFloating())
    return H;
  return Lit;
}

bool opByName(StringRef N, Op &K) {
  for (unsigned I = 0; I <= unsigned(Op::Aggregate); ++I)
    if (N == opName(Op(I)) && Op(I) != Op::Call) { // "call" is Math until told
      K = Op(I);
      return true;
    }
  return false;
}

bool isArithmetic(Op K) {
  switch (K) {
  case Op::Neg: case Op::Add: case Op::Sub: case Op::Mul: case Op::Div: case Op::Rem:
  case Op::BitAnd: case Op::BitOr: case Op::BitXor: case Op::Shl: case Op::Shr:
  case Op::BitNot: case Op::Math: case Op::Select: case Op::Aggregate:
    return true;
  default:
    return false;
  }
}

/// Reads the lines of one text into functions.
class Parser {
public:
  Parser(Module &M, ParsedGraph &G, FieldMap &Seen) : M(M), G(G), Seen(Seen) {}

  Error run(StringRef Text);

private:
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
  bool endsBlock(StringRef T) const {
    return T == "else" || T == "end if" || T == "end loop" || T == "end function" ||
           T == "init:" || T == "cond:" || T == "body:" || T == "step:" ||
           T.starts_with("test ") || T.starts_with("function ");
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
  Error block(Block &B);
  Error stmt(const Line &L, Stmt *&S);
  Error node(const Line &L);
  Error decl(const Line &L, StringRef Rest, Stmt *&S);
  Error callStmt(const Line &L, StringRef Target, StringRef Call, Stmt *&S);
  Error ifStmt(const Line &L, StringRef Cond, Stmt *&S);
  Error loop(const Line &L, StringRef Rest, Stmt *&S);
  Error omp(const Line &L, StringRef Clauses, OmpLoop &O);
  Expected<const Expr *> operand(const Line &L, StringRef Tok, const Type *Hint);
  Expected<const Expr *> target(const Line &L, StringRef Tok, const Type *ValueTy);
  void noteField(const Type &Base, StringRef Field, Type FieldTy);
  Error resolvePending();
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

} // namespace

Expected<Type> adgen::graph::parseType(StringRef S, const std::deque<Record> *Records) {
  StringRef Orig = S;
  S = S.trim();
  Type T;
  T.IsReference = S.consume_back(" &");
  T.IsPointer = S.consume_back(" *");
  bool Const = S.consume_front("const ");
  StringRef Elem = S;
  auto inside = [&](StringRef Prefix) {
    if (!S.starts_with(Prefix) || !S.ends_with(">"))
      return false;
    Elem = S.drop_front(Prefix.size()).drop_back();
    return true;
  };
  if (inside("adgen::Dual<")) {
    T.IsDual = true;
  } else if (inside("std::vector<")) {
    T.IsVector = true;
  } else if (inside("std::array<")) {
    size_t Comma = Elem.rfind(", ");
    if (Comma == StringRef::npos || Elem.substr(Comma + 2).getAsInteger(10, T.StdArray))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "expected std::array<T, N>, got '%s'", Orig.str().c_str());
    Elem = Elem.take_front(Comma);
  }
  if (Elem.empty() || Elem.starts_with("const") || Elem.ends_with("*") || Elem.ends_with("&"))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "unsupported type '%s'",
                                   Orig.str().c_str());
  Type E = elementType(Elem, Records);
  T.Scalar = E.Scalar;
  T.Spelling = E.Spelling;
  T.Rec = E.Rec;
  // Type::str() spells constness of containers, pointees and values alike.
  if (T.isContainer())
    T.IsConst = Const;
  else if (T.IsPointer)
    T.PointeeConst = Const;
  else
    T.IsConst = Const;
  return T;
}

Error Parser::run(StringRef Text) {
  unsigned No = 0;
  llvm::SmallVector<StringRef> Raws;
  Text.split(Raws, '\n');
  for (StringRef Raw : Raws) {
    ++No;
    Raw = Raw.rtrim("\r");
    StringRef T = Raw.ltrim(' ');
    if (T.trim().empty() || T.starts_with("//")) // lit's RUN and CHECK lines
      continue;
    Line L;
    L.No = No;
    L.Indent = Raw.size() - T.size();
    T = T.rtrim();
    size_t Suffix = T.rfind("    ; line ");
    if (!T.starts_with(";") && Suffix != StringRef::npos &&
        !T.substr(Suffix + 11).getAsInteger(10, L.SrcLine))
      T = T.take_front(Suffix);
    L.Text = T;
    Lines.push_back(L);
  }
  while (!atEnd())
    if (Error E = function())
      return E;
  linkCallees();
  return Error::success();
}

Error Parser::function() {
  const Line &L = Lines[Pos++];
  StringRef T = L.Text;
  if (!T.consume_front("function "))
    return err(L, T, "expected 'function'");
  size_t Arrow = T.rfind(") -> ");
  if (Arrow == StringRef::npos)
    return err(L, T, "expected 'NAME(PARAMS) -> TYPE'");
  StringRef Head = T.take_front(Arrow + 1), Ret = T.substr(Arrow + 5);
  // The parameter list is the parenthesis that closes at the arrow
  // (`operator()(x : double)` has another before it).
  size_t Open = StringRef::npos;
  for (size_t I = Head.find('('); I != StringRef::npos; I = Head.find('(', I + 1))
    if (matching(Head, I) == Head.size() - 1) {
      Open = I;
      break;
    }
  if (Open == StringRef::npos || Open == 0)
    return err(L, Head, "expected 'NAME(PARAMS)'");
  F = &M.addFunction(Head.take_front(Open).str());
  F->Decl = F;
  F->Where.Line = L.SrcLine;
  G.Functions.push_back(F);
  Names.clear();
  Nodes.clear();
  Pending.clear();
  if (Error E = params(L, Head.slice(Open + 1, Head.size() - 1)))
    return E;
  if (Ret != "void") {
    Expected<Type> RT = type(L, Ret);
    if (!RT)
      return RT.takeError();
    F->ReturnsVoid = false;
    F->ReturnType = *RT;
  }
  if (Error E = block(F->Body))
    return E;
  if (Error E = expect("end function"))
    return E;
  return resolvePending();
}

Error Parser::params(const Line &L, StringRef List) {
  for (StringRef P : splitList(List)) {
    size_t Colon = P.find(" : ");
    if (Colon == StringRef::npos)
      return err(L, P, "expected 'NAME : TYPE'");
    Expected<Type> T = type(L, P.substr(Colon + 3));
    if (!T)
      return T.takeError();
    Var *V = F->addVar(P.take_front(Colon).str(), *T, VarKind::Param);
    F->Params.push_back(V);
    Names[V->Name] = V;
  }
  return Error::success();
}

Error Parser::resolvePending() {
  for (PendingVars &P : Pending)
    for (const std::string &N : P.Names) {
      Var *V = Names.lookup(N);
      if (!V)
        return err(P.At, P.At.Text, "unknown variable '" + N + "' in an omp clause");
      P.slot().push_back(V);
    }
  Pending.clear();
  return Error::success();
}

void Parser::linkCallees() {
  for (Callee *C : Calls) {
    Function *Body = G.lookup(C->BaseName);
    if (!Body)
      continue;
    C->Body = Body;
    C->Decl = Body;
    C->ParamTypes.clear();
    C->ParamNames.clear();
    for (Var *P : Body->Params) {
      C->ParamTypes.push_back(P->Ty);
      C->ParamNames.push_back(P->Name);
    }
    C->ReturnsVoid = Body->ReturnsVoid;
    C->ReturnType = Body->ReturnType;
  }
}

Error Parser::block(Block &B) {
  while (!atEnd()) {
    const Line &L = Lines[Pos];
    if (endsBlock(L.Text))
      return Error::success();
    ++Pos;
    StringRef Num = L.Text.drop_front().take_while(isdigit);
    if (L.Text.starts_with("%") && L.Text.drop_front(1 + Num.size()).starts_with(" = ")) {
      if (Error E = node(L))
        return E;
      continue;
    }
    Stmt *S = nullptr;
    if (Error E = stmt(L, S))
      return E;
    if (S)
      B.push_back(S);
  }
  return Error::success();
}

Error Parser::node(const Line &L) {
  StringRef T = L.Text;
  size_t Eq = T.find(" = ");
  unsigned N = 0;
  T.slice(1, Eq).getAsInteger(10, N);
  if (Nodes.count(N))
    return err(L, T, "%" + llvm::Twine(N) + " is defined twice");
  StringRef Rest = T.substr(Eq + 3);
  size_t Colon = Rest.rfind(" : ");
  if (Colon == StringRef::npos)
    return err(L, Rest, "expected ' : TYPE' after the operation");
  Expected<Type> Ty = type(L, Rest.substr(Colon + 3));
  if (!Ty)
    return Ty.takeError();
  StringRef Body = Rest.take_front(Colon);
  StringRef Name = Body.take_until([](char C) { return C == ' '; });
  Body = Body.drop_front(Name.size()).ltrim();
  Expr E;
  E.Ty = *Ty;
  if (Name == "call") {
    // Elementary functions and calls print alike; the math table knows
    // the former (a call node the builder makes is `size` of a container).
    E.Text = Body.take_until([](char C) { return C == ' '; }).str();
    Body = Body.drop_front(E.Text.size()).ltrim();
    unsigned Arity = splitList(Body).size();
    E.K = mathFunction(E.Text) || canonicalMathName(E.Text, Arity) ? Op::Math : Op::Call;
  } else if (!opByName(Name, E.K)) {
    return err(L, Name, "unknown operation '" + Name + "'");
  }
  if (E.K == Op::Field) {
    E.Text = Body.take_until([](char C) { return C == ' '; }).str();
    Body = Body.drop_front(E.Text.size()).ltrim();
  }
  bool Single = !Body.empty() && Body.find(' ') == StringRef::npos;
  if (E.K == Op::Deref || E.K == Op::Pop ||
      (E.K == Op::AddrOf && Single && Names.count(Body))) {
    E.V = Names.lookup(Body);
    if (!E.V)
      return err(L, Body, "unknown variable '" + Body + "'");
    Body = "";
  }
  std::vector<StringRef> Toks = splitList(Body);
  E.Ops.assign(Toks.size(), nullptr);
  // Operands that name something first: constants take their type from them.
  for (int Pass = 0; Pass < 2; ++Pass)
    for (size_t I = 0; I < Toks.size(); ++I) {
      if (E.Ops[I])
        continue;
      StringRef Tok = Toks[I];
      bool Named = Tok.starts_with("%") || Tok.starts_with("::") || Names.count(Tok) ||
                   (Tok.starts_with(".") && Tok.size() > 1 && !isdigit(Tok[1]));
      if (Pass == 0 && !Named)
        continue;
      Type Hint = E.Ty;
      const Type *H = &Hint;
      if (E.K >= Op::Lt && E.K <= Op::Ne && Toks.size() == 2 && E.Ops[1 - I])
        Hint = E.Ops[1 - I]->Ty;
      else if (E.K == Op::Load && I == 0) // memory of the element read
        Hint = Type::pointerTo(E.Ty.Scalar, E.Ty.Spelling, true), Hint.Rec = E.Ty.Rec;
      else if ((E.K == Op::Select && I == 0) || E.K == Op::And || E.K == Op::Or ||
               E.K == Op::Not)
        Hint = Type::scalar(ScalarKind::Bool, "bool");
      else if (!isArithmetic(E.K))
        H = nullptr;
      Expected<const Expr *> O = operand(L, Tok, H);
      if (!O)
        return O.takeError();
      E.Ops[I] = *O;
    }
  if (E.K == Op::Load && E.Ops.size() == 2 && E.Ops[1]->K == Op::FieldName)
    noteField(E.Ops[0]->Ty, E.Ops[1]->Text, E.Ty);
  Nodes[N] = M.make(std::move(E));
  return Error::success();
}

void Parser::noteField(const Type &Base, StringRef Field, Type FieldTy) {
  FieldTy.IsConst = false;
  auto &Fields = Seen[Base.Spelling];
  for (const auto &Known : Fields)
    if (Known.first == Field)
      return;
  Fields.push_back({Field.str(), FieldTy.str()});
}

Expected<const Expr *> Parser::operand(const Line &L, StringRef Tok, const Type *Hint) {
  if (Tok.empty())
    return err(L, Tok, "expected an operand");
  if (Tok.starts_with("%")) {
    unsigned N = 0;
    if (Tok.drop_front().getAsInteger(10, N))
      return err(L, Tok, "expected '%N', got '" + Tok + "'");
    const Expr *E = Nodes.lookup(N);
    if (!E)
      return err(L, Tok, "unknown value " + Tok);
    return E;
  }
  if (Tok.starts_with(".") && Tok.size() > 1 && !isdigit(Tok[1])) {
    Expr E;
    E.K = Op::FieldName;
    E.Ty = Type::scalar(ScalarKind::Int, "int");
    E.Text = Tok.drop_front().str();
    return M.make(std::move(E));
  }
  if (Var *V = Names.lookup(Tok))
    return M.ref(V);
  if (Tok.starts_with("::")) { // a global: its type is not printed, guess it
    Type T = Hint ? *Hint : Type::scalar(ScalarKind::Double, "double");
    T.IsReference = false;
    Var *V = F->addVar(Tok.str(), T, VarKind::Global);
    Names[V->Name] = V;
    return M.ref(V);
  }
  return M.constant(Tok.str(), constantType(Tok, Hint));
}

Expected<const Expr *> Parser::target(const Line &L, StringRef Tok, const Type *ValueTy) {
  if (Tok.consume_front("*")) {
    Var *V = Names.lookup(Tok);
    if (!V)
      return err(L, Tok, "unknown variable '" + Tok + "'");
    return M.deref(V);
  }
  if (Tok.ends_with("]")) {
    size_t Open = StringRef::npos;
    for (size_t I = Tok.find('['); I != StringRef::npos; I = Tok.find('[', I + 1))
      if (matching(Tok, I) == Tok.size() - 1) {
        Open = I;
        break;
      }
    if (Open == StringRef::npos || Open == 0)
      return err(L, Tok, "expected 'BASE[INDEX]'");
    Expected<const Expr *> Base = operand(L, Tok.take_front(Open), nullptr);
    if (!Base)
      return Base.takeError();
    Type IntT = Type::scalar(ScalarKind::Int, "int");
    Expected<const Expr *> Idx = operand(L, Tok.slice(Open + 1, Tok.size() - 1), &IntT);
    if (!Idx)
      return Idx.takeError();
    Expr E;
    E.K = Op::Load;
    E.Ops = {*Base, *Idx};
    E.Ty = (*Base)->Ty.element();
    if ((*Idx)->K == Op::FieldName) {
      const Record *R = (*Base)->Ty.Rec;
      const Record::Field *Fd = R ? R->field((*Idx)->Text) : nullptr;
      E.Ty = Fd ? Fd->Ty : ValueTy ? ValueTy->element() : E.Ty;
      noteField((*Base)->Ty, (*Idx)->Text, E.Ty);
    }
    return M.make(std::move(E));
  }
  return operand(L, Tok, ValueTy);
}

Error Parser::stmt(const Line &L, Stmt *&S) {
  StringRef T = L.Text;
  Loc Where;
  Where.Line = L.SrcLine;
  StringRef First = T.take_until([](char C) { return C == ' '; });
  StringRef AfterFirst = T.drop_front(First.size());
  if (T.starts_with("call "))
    return callStmt(L, "", T.drop_front(5), S);
  if (AfterFirst.starts_with(" = call "))
    return callStmt(L, First, AfterFirst.drop_front(8), S);
  if (T.consume_front("decl "))
    return decl(L, T, S);
  if (T.starts_with("store ") || T.starts_with("accumulate ")) {
    bool Add = T.consume_front("accumulate ");
    if (!Add)
      T.consume_front("store ");
    size_t Eq = T.find(" = ");
    if (Eq == StringRef::npos)
      return err(L, T, "expected 'TARGET = VALUE'");
    // The value first: the target's type (a struct field) may come from it.
    Expected<const Expr *> V = operand(L, T.substr(Eq + 3), nullptr);
    if (!V)
      return V.takeError();
    Expected<const Expr *> Tgt = target(L, T.take_front(Eq), &(*V)->Ty);
    if (!Tgt)
      return Tgt.takeError();
    if ((*V)->K == Op::Const) // a constant stored takes the target's type
      V = M.constant((*V)->Text, constantType((*V)->Text, &(*Tgt)->Ty));
    S = Add ? M.addAssign(*Tgt, *V, Where) : M.assign(*Tgt, *V, Where);
    return Error::success();
  }
  if (T.consume_front("if "))
    return ifStmt(L, T, S);
  if (T.consume_front("loop "))
    return loop(L, T, S);
  if (T == "break" || T == "continue") {
    S = T == "break" ? M.brk(Where) : M.cont(Where);
    return Error::success();
  }
  if (T == "return" || T.starts_with("return ")) {
    const Expr *V = nullptr;
    if (T.consume_front("return ")) {
      Expected<const Expr *> E = operand(L, T, F->ReturnsVoid ? nullptr : &F->ReturnType);
      if (!E)
        return E.takeError();
      V = *E;
    }
    S = M.ret(V, Where);
    return Error::success();
  }
  if (T.consume_front("push ")) {
    Expected<const Expr *> E = operand(L, T, nullptr);
    if (!E)
      return E.takeError();
    S = M.push(*E, Where);
    return Error::success();
  }
  if (T.consume_front(";")) {
    S = M.comment(T.drop_front(T.starts_with(" ") ? 1 : 0).str());
    return Error::success();
  }
  if (T.consume_front("resize ")) {
    auto [Name, Size] = T.split(", ");
    Var *V = Names.lookup(Name);
    if (!V)
      return err(L, Name, "unknown variable '" + Name + "'");
    Type SizeT = Type::scalar(ScalarKind::Int, "std::size_t");
    Expected<const Expr *> E = operand(L, Size, &SizeT);
    if (!E)
      return E.takeError();
    S = M.resize(V, *E, Where);
    return Error::success();
  }
  return err(L, First, "unsupported statement '" + First + "'");
}

Error Parser::decl(const Line &L, StringRef Rest, Stmt *&S) {
  size_t Colon = Rest.find(" : ");
  if (Colon == StringRef::npos)
    return err(L, Rest, "expected 'decl NAME : TYPE'");
  StringRef Name = Rest.take_front(Colon), Ty = Rest.substr(Colon + 3), Init;
  size_t Eq = Ty.find(" = ");
  if (Eq != StringRef::npos) {
    Init = Ty.substr(Eq + 3);
    Ty = Ty.take_front(Eq);
  }
  Var *Root = nullptr;
  size_t Into = Ty.find(" (into ");
  if (Into != StringRef::npos) {
    StringRef R = Ty.substr(Into + 7).drop_back();
    Root = Names.lookup(R);
    if (!Root)
      return err(L, R, "unknown variable '" + R + "'");
    Ty = Ty.take_front(Into);
  }
  uint64_t Size = 0;
  if (Ty.ends_with("]")) {
    size_t Open = Ty.rfind('[');
    if (Open == StringRef::npos || Ty.slice(Open + 1, Ty.size() - 1).getAsInteger(10, Size))
      return err(L, Ty, "expected 'TYPE[N]'");
    Ty = Ty.take_front(Open);
  }
  Expected<Type> T = type(L, Ty);
  if (!T)
    return T.takeError();
  T->ArraySize = Size;
  Var *V = F->addVar(Name.str(), *T, VarKind::Local);
  V->Root = Root;
  V->Where.Line = L.SrcLine;
  const Expr *Value = nullptr;
  if (!Init.empty()) {
    Expected<const Expr *> E = operand(L, Init, &V->Ty);
    if (!E)
      return E.takeError();
    Value = *E;
  }
  // Declared after its initialiser is read: `decl x : double = x` reads
  // another x (the printer's names are unique, hand-written ones may not be).
  Names[V->Name] = V;
  Loc Where;
  Where.Line = L.SrcLine;
  S = M.decl(V, Value, Where);
  return Error::success();
}

Error Parser::callStmt(const Line &L, StringRef Target, StringRef Call, Stmt *&S) {
  // NAME(ARGS): the argument list is the parenthesis closing at the end
  // (`.operator()(a, b)`, `::std::numeric_limits<double>::max()`).
  size_t Open = StringRef::npos;
  for (size_t I = Call.find('('); I != StringRef::npos; I = Call.find('(', I + 1))
    if (matching(Call, I) == Call.size() - 1) {
      Open = I;
      break;
    }
  if (Open == StringRef::npos || Open == 0)
    return err(L, Call, "expected 'call NAME(ARGS)'");
  Callee C;
  C.Name = Call.take_front(Open).str();
  StringRef Base = StringRef(C.Name).ltrim('.');
  llvm::SmallVector<StringRef> Parts;
  Base.split(Parts, "::");
  for (size_t I = 0; I + 1 < Parts.size(); ++I)
    if (!Parts[I].empty())
      C.Namespaces.push_back(Parts[I].str());
  C.BaseName = Parts.back().str();
  C.Print = llvm::StringSwitch<PrintKind>(C.BaseName)
                .Cases("printf", "fprintf", "puts", PrintKind::Call)
                .Case("operator<<", PrintKind::Stream)
                .Default(PrintKind::None);
  C.Where.Line = L.SrcLine;
  std::vector<const Expr *> Args;
  for (StringRef A : splitList(Call.slice(Open + 1, Call.size() - 1))) {
    Expected<const Expr *> E = operand(L, A, nullptr);
    if (!E)
      return E.takeError();
    Args.push_back(*E);
    // Without a body, a parameter is the argument's type; memory may be
    // written (an array decays to a pointer to non-const).
    Type P = (*E)->Ty;
    if (P.ArraySize) {
      P.ArraySize = 0;
      P.IsPointer = true;
    }
    C.ParamTypes.push_back(P);
    C.ParamNames.push_back("arg" + std::to_string(C.ParamNames.size()));
  }
  const Expr *T = nullptr;
  if (!Target.empty()) {
    Expected<const Expr *> E = target(L, Target, nullptr);
    if (!E)
      return E.takeError();
    T = *E;
    C.ReturnsVoid = false;
    C.ReturnType = T->Ty;
  }
  F->reserve(C.Name);
  Callee *Fn = M.addCallee(std::move(C));
  Calls.push_back(Fn);
  Loc Where;
  Where.Line = L.SrcLine;
  S = M.callStmt(T, Fn, std::move(Args), Where);
  return Error::success();
}

Error Parser::ifStmt(const Line &L, StringRef Cond, Stmt *&S) {
  Type BoolT = Type::scalar(ScalarKind::Bool, "bool");
  Expected<const Expr *> C = operand(L, Cond, &BoolT);
  if (!C)
    return C.takeError();
  Block Then, Else;
  if (Error E = block(Then))
    return E;
  if (!atEnd() && Lines[Pos].Text == "else") {
    ++Pos;
    if (Error E = block(Else))
      return E;
  }
  if (Error E = expect("end if"))
    return E;
  Loc Where;
  Where.Line = L.SrcLine;
  S = M.ifStmt(*C, std::move(Then), std::move(Else), Where);
  return Error::success();
}

Error Parser::loop(const Line &L, StringRef Rest, Stmt *&S) {
  StringRef Kind = Rest.take_until([](char C) { return C == ' '; });
  std::optional<LoopKind> K = llvm::StringSwitch<std::optional<LoopKind>>(Kind)
                                  .Case("for", LoopKind::For)
                                  .Case("while", LoopKind::While)
                                  .Case("do-while", LoopKind::DoWhile)
                                  .Default(std::nullopt);
  if (!K)
    return err(L, Kind, "expected 'for', 'while' or 'do-while', got '" + Kind + "'");
  Rest = Rest.drop_front(Kind.size()).ltrim();
  const OmpLoop *Omp = nullptr;
  if (!Rest.empty()) {
    if (!Rest.consume_front("[omp parallel for") || !Rest.consume_back("]"))
      return err(L, Rest, "expected '[omp parallel for CLAUSES]'");
    OmpLoop *O = M.ompLoop(OmpLoop());
    if (Error E = omp(L, Rest, *O))
      return E;
    Omp = O;
  }
  Block Init, Body, Inc;
  const Expr *Cond = nullptr;
  auto section = [&](StringRef Name, Block &B) -> Error {
    if (atEnd() || Lines[Pos].Text != Name)
      return Error::success();
    ++Pos;
    return block(B);
  };
  if (Error E = section("init:", Init))
    return E;
  if (!atEnd() && Lines[Pos].Text == "cond:") {
    Block Stray;
    if (Error E = section("cond:", Stray))
      return E;
    if (!Stray.empty() || atEnd() || !Lines[Pos].Text.starts_with("test "))
      return err(atEnd() ? L : Lines[Pos], "", "expected only nodes and 'test VALUE' after 'cond:'");
    const Line &T = Lines[Pos++];
    Type BoolT = Type::scalar(ScalarKind::Bool, "bool");
    Expected<const Expr *> C = operand(T, T.Text.drop_front(5), &BoolT);
    if (!C)
      return C.takeError();
    Cond = *C;
  }
  if (Error E = expect("body:"))
    return E;
  if (Error E = block(Body))
    return E;
  if (Error E = section("step:", Inc))
    return E;
  if (Error E = expect("end loop"))
    return E;
  Loc Where;
  Where.Line = L.SrcLine;
  S = M.loop(*K, std::move(Init), Cond, std::move(Body), std::move(Inc), Where);
  S->Omp = Omp;
  return Error::success();
}

Error Parser::omp(const Line &L, StringRef Clauses, OmpLoop &O) {
  while (!(Clauses = Clauses.ltrim()).empty()) {
    size_t Open = Clauses.find('(');
    size_t Close = Open == StringRef::npos ? Open : matching(Clauses, Open);
    if (Close == StringRef::npos)
      return err(L, Clauses, "expected 'CLAUSE(ARGS)'");
    StringRef Name = Clauses.take_front(Open), Args = Clauses.slice(Open + 1, Close);
    Clauses = Clauses.drop_front(Close + 1);
    auto vars = [&](unsigned Clause, StringRef List, std::vector<std::string> *Sections) {
      PendingVars P{&O, Clause, {}, L};
      for (StringRef N : splitList(List)) {
        size_t Sec = N.find('[');
        if (Sections)
          Sections->push_back(Sec == StringRef::npos ? "" : N.substr(Sec).str());
        P.Names.push_back(N.take_front(Sec).str());
      }
      Pending.push_back(std::move(P));
    };
    if (Name == "schedule") {
      auto [Kind, Chunk] = Args.split(", ");
      O.ScheduleKind = Kind.str();
      O.ScheduleChunk = Chunk.str();
    } else if (Name == "collapse") {
      if (Args.getAsInteger(10, O.Collapse))
        return err(L, Args, "expected a number");
    } else if (Name == "default") {
      O.Default = Args.str();
    } else if (Name == "private") {
      vars(0, Args, nullptr);
    } else if (Name == "firstprivate") {
      vars(1, Args, nullptr);
    } else if (Name == "shared") {
      vars(2, Args, nullptr);
    } else if (Name == "reduction") {
      auto [OpName, List] = Args.split(" : ");
      O.Reductions.emplace_back();
      O.Reductions.back().Op = OpName.str();
      vars(2 + O.Reductions.size(), List, &O.Reductions.back().Sections);
    } else {
      return err(L, Name, "unsupported omp clause '" + Name + "'");
    }
  }
  // Sections are kept only when some variable has one (OmpLoop::clauses).
  for (OmpLoop::Reduction &R : O.Reductions)
    if (llvm::all_of(R.Sections, [](const std::string &S) { return S.empty(); }))
      R.Sections.clear();
  return Error::success();
}

/// Makes the structs of \p Fields, in \p G.Records.
static Error buildRecords(const FieldMap &Fields, ParsedGraph &G) {
  for (const auto &[Spelling, List] : Fields) {
    Record R;
    R.Spelling = Spelling;
    StringRef S(Spelling);
    R.Complex = S.starts_with("std::complex<");
    R.Tuple = S.starts_with("std::tuple<");
    R.Pair = S.starts_with("std::pair<");
    G.Records.push_back(std::move(R));
  }
  // Twice: a field of struct type reads its struct's first float field.
  for (int Round = 0; Round < 2; ++Round) {
    size_t I = 0;
    for (const auto &[Spelling, List] : Fields) {
      Record &R = G.Records[I++];
      R.Fields.clear();
      for (const auto &[Name, TypeText] : List) {
        Expected<Type> T = parseType(TypeText, &G.Records);
        if (!T)
          return T.takeError();
        R.Fields.push_back({Name, *T, {}});
      }
    }
  }
  return Error::success();
}

Expected<std::unique_ptr<ParsedGraph>> adgen::graph::parseGraph(StringRef Text, Module &M) {
  // Rounds into a scratch module until no struct gains a field.
  FieldMap Known;
  for (unsigned Round = 0;; ++Round) {
    auto G = std::make_unique<ParsedGraph>();
    if (Error E = buildRecords(Known, *G))
      return E;
    FieldMap Seen;
    Module Scratch;
    if (Error E = Parser(Scratch, *G, Seen).run(Text))
      return E;
    bool Grew = false;
    for (const auto &[Spelling, List] : Seen) {
      auto &K = Known[Spelling];
      for (const auto &Fd : List)
        if (llvm::find(K, Fd) == K.end() &&
            llvm::find_if(K, [&](const auto &P) { return P.first == Fd.first; }) == K.end()) {
          K.push_back(Fd);
          Grew = true;
        }
    }
    if (!Grew || Round > 16)
      break;
  }
  auto G = std::make_unique<ParsedGraph>();
  if (Error E = buildRecords(Known, *G))
    return E;
  FieldMap Seen;
  if (Error E = Parser(M, *G, Seen).run(Text))
    return E;
  return G;
}
