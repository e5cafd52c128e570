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

#include "Graph/GraphParserImpl.h"
#include "Graph/MathTable.h"
#include "llvm/ADT/StringSwitch.h"
#include <optional>

using namespace adgen;
using namespace adgen::graph;
using namespace adgen::graph::parse_impl;

/// Index of the bracket closing the one at \p Open (quote-aware), or npos.
size_t parse_impl::matching(StringRef S, size_t Open) {
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
std::vector<StringRef> parse_impl::splitList(StringRef S) {
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


namespace {

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

} // namespace

Type parse_impl::constantType(StringRef S, const Type *Hint) {
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

namespace {

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
