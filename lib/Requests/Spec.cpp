//===- Requests/Spec.cpp - The spec string of a marking macro -------------===//
///
/// \file
/// A hand-written lexer and recursive-descent parser for the spec grammar in
/// Spec.h. Every error carries the byte offset of the character at fault, so
/// RequestFinder can point into the string literal of the macro.
//===----------------------------------------------------------------------===//
#include "Requests/Spec.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

using namespace adgen;
using llvm::StringRef;

char SpecError::ID = 0;

void SpecError::log(llvm::raw_ostream &OS) const {
  OS << "offset " << Offset << ": " << Message;
}

std::error_code SpecError::convertToErrorCode() const {
  return llvm::inconvertibleErrorCode();
}

namespace {

// Any character outside the grammar lexes as Other, so that the parser can
// say what it expected there instead of the lexer saying what it found.
enum class Tok {
  Name,
  Return,
  Int,
  Comma,
  Arrow,
  LSquare,
  RSquare,
  Plus,
  Minus,
  Star,
  End,
  Other
};

struct Token {
  Tok K = Tok::End;
  StringRef Text;
  size_t Offset = 0;
};

class Parser {
public:
  explicit Parser(StringRef Src) : Src(Src) { advance(); }

  llvm::Expected<Spec> parseSpec();

private:
  StringRef Src;
  size_t Pos = 0;
  Token Cur;

  void advance();
  llvm::Error error(size_t Offset, const llvm::Twine &Message) const {
    return llvm::make_error<SpecError>(Offset, Message.str());
  }
  llvm::Error parseList(bool IsOutput, StringRef FirstContext,
                        std::vector<SpecItem> &Items);
  llvm::Expected<SpecItem> parseItem(bool IsOutput, StringRef Context);
  llvm::Expected<SpecLength> parseLength(size_t LSquareOffset);
};

} // namespace

void Parser::advance() {
  while (Pos < Src.size() && llvm::isSpace(Src[Pos]))
    ++Pos;
  Cur.Offset = Pos;
  if (Pos == Src.size()) {
    Cur.K = Tok::End;
    Cur.Text = StringRef();
    return;
  }
  size_t Start = Pos;
  char C = Src[Pos];
  if (llvm::isAlpha(C) || C == '_') {
    while (Pos < Src.size() && (llvm::isAlnum(Src[Pos]) || Src[Pos] == '_'))
      ++Pos;
    Cur.Text = Src.slice(Start, Pos);
    Cur.K = Cur.Text == "return" ? Tok::Return : Tok::Name;
    return;
  }
  // Decimal only: "2n" lexes as 2 then n, which the parser then rejects
  // precisely at the 'n'.
  if (llvm::isDigit(C)) {
    while (Pos < Src.size() && llvm::isDigit(Src[Pos]))
      ++Pos;
    Cur.Text = Src.slice(Start, Pos);
    Cur.K = Tok::Int;
    return;
  }
  if (Src.substr(Pos).starts_with("->")) {
    Pos += 2;
    Cur.Text = Src.slice(Start, Pos);
    Cur.K = Tok::Arrow;
    return;
  }
  ++Pos;
  Cur.Text = Src.slice(Start, Pos);
  switch (C) {
  case ',':
    Cur.K = Tok::Comma;
    break;
  case '[':
    Cur.K = Tok::LSquare;
    break;
  case ']':
    Cur.K = Tok::RSquare;
    break;
  case '+':
    Cur.K = Tok::Plus;
    break;
  case '-':
    Cur.K = Tok::Minus;
    break;
  case '*':
    Cur.K = Tok::Star;
    break;
  default:
    Cur.K = Tok::Other;
    break;
  }
}

llvm::Expected<Spec> Parser::parseSpec() {
  Spec S;
  if (Cur.K == Tok::End)
    return S;

  if (Cur.K != Tok::Arrow) {
    S.Inputs.emplace();
    if (llvm::Error E = parseList(/*IsOutput=*/false, "", *S.Inputs))
      return E;
    if (Cur.K == Tok::RSquare)
      return error(Cur.Offset, "unbalanced ']'");
    if (Cur.K != Tok::Arrow && Cur.K != Tok::End)
      return error(Cur.Offset, "expected ',' or '->'");
  }

  if (Cur.K == Tok::Arrow) {
    advance();
    // "x ->" keeps the default outputs, mirroring "-> y"; a bare "->" says
    // nothing at all and is more likely a typo than a request for defaults.
    if (Cur.K == Tok::End && S.Inputs)
      return S;
    S.Outputs.emplace();
    if (llvm::Error E = parseList(/*IsOutput=*/true, " after '->'", *S.Outputs))
      return E;
    if (Cur.K == Tok::Arrow)
      return error(Cur.Offset, "'->' may appear only once");
    if (Cur.K == Tok::RSquare)
      return error(Cur.Offset, "unbalanced ']'");
    if (Cur.K != Tok::End)
      return error(Cur.Offset, "expected ',' or the end of the spec");
  }
  return S;
}

/// Parses item ("," item)*, stopping at the first token that is not a comma
/// after an item; the caller knows what may legally follow the list.
llvm::Error Parser::parseList(bool IsOutput, StringRef FirstContext,
                              std::vector<SpecItem> &Items) {
  // "return" cannot collide with a parameter name, since it is a keyword.
  llvm::StringSet<> Seen;
  StringRef Context = FirstContext;
  while (true) {
    llvm::Expected<SpecItem> Item = parseItem(IsOutput, Context);
    if (!Item)
      return Item.takeError();
    std::string Key =
        Item->K == SpecItem::Kind::Return ? std::string("return") : Item->Name;
    if (!Seen.insert(Key).second)
      return error(Item->Offset, "'" + Key + "' is listed twice among the " +
                                     (IsOutput ? "outputs" : "inputs"));
    Items.push_back(std::move(*Item));
    if (Cur.K != Tok::Comma)
      return llvm::Error::success();
    advance();
    Context = " after ','";
  }
}

llvm::Expected<SpecItem> Parser::parseItem(bool IsOutput, StringRef Context) {
  SpecItem Item;
  Item.Offset = Cur.Offset;
  if (Cur.K == Tok::Return) {
    if (!IsOutput)
      return error(Cur.Offset, "'return' cannot be an input");
    Item.K = SpecItem::Kind::Return;
    advance();
    if (Cur.K == Tok::LSquare)
      return error(Cur.Offset, "'return' cannot have a length");
    return Item;
  }
  if (Cur.K != Tok::Name)
    return error(Cur.Offset, llvm::Twine("expected a parameter name") +
                                 (IsOutput ? " or 'return'" : "") + Context);
  Item.Name = Cur.Text.str();
  advance();
  if (Cur.K == Tok::LSquare) {
    size_t LSquareOffset = Cur.Offset;
    advance();
    llvm::Expected<SpecLength> Length = parseLength(LSquareOffset);
    if (!Length)
      return Length.takeError();
    Item.Length = std::move(*Length);
  }
  return Item;
}

/// Parses term (op term)* "]". The expression is only checked and respelled,
/// not evaluated: the emitter pastes Text into C++, where the usual
/// precedence of + - * applies unchanged.
llvm::Expected<SpecLength> Parser::parseLength(size_t LSquareOffset) {
  SpecLength L;
  L.Offset = Cur.Offset;
  std::string After = "'['"; // the token before the expected term
  while (true) {
    if (Cur.K == Tok::Return)
      return error(Cur.Offset, "'return' cannot be used in a length");
    if (Cur.K != Tok::Name && Cur.K != Tok::Int)
      return error(Cur.Offset, "expected an integer or a parameter name "
                               "after " +
                                   After);
    L.Text += Cur.Text.str();
    if (Cur.K == Tok::Name && llvm::find(L.Names, Cur.Text) == L.Names.end())
      L.Names.push_back(Cur.Text.str());
    advance();

    if (Cur.K == Tok::RSquare) {
      advance();
      return L;
    }
    // Nothing after a complete term can be blamed, so point at the '['.
    if (Cur.K == Tok::End)
      return error(LSquareOffset, "unbalanced '['");
    if (Cur.K != Tok::Plus && Cur.K != Tok::Minus && Cur.K != Tok::Star)
      return error(Cur.Offset, "expected '+', '-', '*' or ']'");
    L.Text += " " + Cur.Text.str() + " ";
    After = ("'" + Cur.Text + "'").str();
    advance();
  }
}

llvm::Expected<Spec> adgen::parseSpec(StringRef Text) {
  return Parser(Text).parseSpec();
}

std::vector<std::string> Spec::lengths(llvm::ArrayRef<std::string> Params) const {
  std::vector<std::string> Out(Params.size());
  for (const auto *List : {&Inputs, &Outputs})
    if (*List)
      for (const SpecItem &It : **List)
        if (It.Length)
          for (size_t I = 0; I < Params.size(); ++I)
            if (Params[I] == It.Name)
              Out[I] = It.Length->Text;
  return Out;
}
