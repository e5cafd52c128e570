//===- Graph/OperatorNames.cpp - Words for overloaded operators -----------===//

#include "Graph/OperatorNames.h"
#include "Graph/LambdaVariables.h"
#include "clang/AST/DeclCXX.h"

using namespace adgen;

namespace {
struct OperatorWord {
  clang::OverloadedOperatorKind K;
  const char *Binary; ///< also the word of operators that are never unary
  const char *Unary;  ///< when it differs: -x, +x, *p, &x, and x++ (postfix)
};

const OperatorWord Words[] = {
    {clang::OO_Plus, "plus", "unary_plus"},
    {clang::OO_Minus, "minus", "negate"},
    {clang::OO_Star, "times", "deref"},
    {clang::OO_Slash, "divide", nullptr},
    {clang::OO_Percent, "modulo", nullptr},
    {clang::OO_Caret, "bit_xor", nullptr},
    {clang::OO_Amp, "bit_and", "address_of"},
    {clang::OO_Pipe, "bit_or", nullptr},
    {clang::OO_Tilde, "bit_not", nullptr},
    {clang::OO_Exclaim, "not", nullptr},
    {clang::OO_Equal, "assign", nullptr},
    {clang::OO_Less, "less", nullptr},
    {clang::OO_Greater, "greater", nullptr},
    {clang::OO_PlusEqual, "plus_eq", nullptr},
    {clang::OO_MinusEqual, "minus_eq", nullptr},
    {clang::OO_StarEqual, "times_eq", nullptr},
    {clang::OO_SlashEqual, "divide_eq", nullptr},
    {clang::OO_PercentEqual, "modulo_eq", nullptr},
    {clang::OO_CaretEqual, "bit_xor_eq", nullptr},
    {clang::OO_AmpEqual, "bit_and_eq", nullptr},
    {clang::OO_PipeEqual, "bit_or_eq", nullptr},
    {clang::OO_LessLess, "shift_left", nullptr},
    {clang::OO_GreaterGreater, "shift_right", nullptr},
    {clang::OO_LessLessEqual, "shift_left_eq", nullptr},
    {clang::OO_GreaterGreaterEqual, "shift_right_eq", nullptr},
    {clang::OO_EqualEqual, "equal", nullptr},
    {clang::OO_ExclaimEqual, "not_equal", nullptr},
    {clang::OO_LessEqual, "less_eq", nullptr},
    {clang::OO_GreaterEqual, "greater_eq", nullptr},
    {clang::OO_Spaceship, "compare", nullptr},
    {clang::OO_AmpAmp, "and", nullptr},
    {clang::OO_PipePipe, "or", nullptr},
    {clang::OO_PlusPlus, "increment", "post_increment"},
    {clang::OO_MinusMinus, "decrement", "post_decrement"},
    {clang::OO_Comma, "comma", nullptr},
    {clang::OO_ArrowStar, "arrow_star", nullptr},
    {clang::OO_Arrow, "arrow", nullptr},
    {clang::OO_Call, "call", nullptr},
    {clang::OO_Subscript, "subscript", nullptr},
    {clang::OO_New, "new", nullptr},
    {clang::OO_Delete, "delete", nullptr},
    {clang::OO_Array_New, "new_array", nullptr},
    {clang::OO_Array_Delete, "delete_array", nullptr},
    {clang::OO_Coawait, "co_await", nullptr},
};
} // namespace

std::string adgen::operatorWord(const clang::FunctionDecl *FD) {
  if (!FD->isOverloadedOperator())
    return "";
  clang::OverloadedOperatorKind K = FD->getOverloadedOperator();
  // The operands: the object counts as one for a member operator.
  const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(FD);
  unsigned Operands = FD->getNumParams() + (MD && MD->isInstance() ? 1 : 0);
  for (const OperatorWord &W : Words) {
    if (W.K != K)
      continue;
    if (!W.Unary)
      return W.Binary;
    if (K == clang::OO_PlusPlus || K == clang::OO_MinusMinus)
      return Operands == 2 ? W.Unary : W.Binary; // x++ takes a dummy int
    return Operands == 1 ? W.Unary : W.Binary;
  }
  return "op";
}

std::string adgen::publicBaseName(const clang::FunctionDecl *FD) {
  if (const clang::VarDecl *V = lambdaVariable(FD)) // lambda_grad for `auto lambda = [](...)`
    return V->getNameAsString();
  std::string Word = operatorWord(FD);
  std::string Name = Word.empty() ? FD->getNameAsString() : Word;
  if (const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(FD))
    return MD->getParent()->getNameAsString() + "_" + Name;
  if (!Word.empty())
    for (const clang::ParmVarDecl *PD : FD->parameters())
      if (const auto *RD = PD->getType().getNonReferenceType()->getAsCXXRecordDecl())
        return RD->getNameAsString() + "_" + Name;
  return Word.empty() ? Name : "operator_" + Name;
}
