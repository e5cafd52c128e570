//===- Graph/BuildExpressions.cpp - Expressions into the graph ------------===//
//
// GraphBuilder, part 3 of 3: expressions (references, casts, operators,
// assignments, increments). GraphBuilder.cpp has functions, names and calls;
// BuildStatements.cpp the statements.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "Graph/LocalTypeDecls.h"
#include "Graph/MathTable.h"
#include "Graph/MemberAccess.h"
#include "Graph/OperatorNames.h"
#include "Graph/TemplateNames.h"
#include "Graph/UserCopies.h"
#include "clang/AST/Attr.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/AST/StmtVisitor.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <functional>

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

bool GraphBuilder::Impl::condInBlock(const clang::VarDecl *CV, const clang::Expr *E,
                                     Block &Stmts, const Expr *&Value) {
  if (!CV)
    return exprInBlock(E, Stmts, Value);
  // while (double t = g(x)): t is declared anew, then tested, every pass.
  Block *Saved = Cur;
  Cur = &Stmts;
  bool OK = varDecl(CV);
  Cur = Saved;
  Block More;
  if (!OK || !exprInBlock(E, More, Value))
    return false;
  Stmts.insert(Stmts.end(), More.begin(), More.end());
  return true;
}

bool GraphBuilder::Impl::exprInBlock(const clang::Expr *E, Block &Stmts,
                                     const Expr *&Value) {
  Block *Saved = Cur;
  Cur = &Stmts;
  Value = expr(E);
  Cur = Saved;
  return Value != nullptr;
}

/// Dispatches an expression to the builder's method for its kind (Clang's
/// visitor follows the class hierarchy: every cast reaches VisitCastExpr,
/// every call, member call and operator call VisitCallExpr). Expressions
/// without a method are refused by VisitExpr, naming their class.
class GraphBuilder::Impl::ExprDispatch
    : public clang::ConstStmtVisitor<ExprDispatch, const graph::Expr *> {
  Impl &B;
  using R = const graph::Expr *;

public:
  explicit ExprDispatch(Impl &B) : B(B) {}

  R VisitIntegerLiteral(const clang::IntegerLiteral *IL) {
    graph::Type T;
    if (!B.typeOf(IL->getType(), IL->getBeginLoc(), T, "this literal"))
      return nullptr;
    // The user's spelling keeps the type: 1ULL, 2L, 0x10. (Not the N that
    // a template argument replaced.)
    if (!IL->getLocation().isMacroID()) {
      llvm::StringRef Spelled = spelling(IL);
      if (!Spelled.empty() && llvm::isDigit(Spelled[0]) && !Spelled.contains('\''))
        return B.M.constant(Spelled.str(), T);
    }
    std::string Text = llvm::toString(IL->getValue(), 10, IL->getType()->isSignedIntegerType());
    if (IL->getType()->isUnsignedIntegerType())
      Text += "u";
    if (B.Ctx.getTypeSize(IL->getType()) > B.Ctx.getTypeSize(B.Ctx.IntTy))
      Text += "ll";
    return B.M.constant(Text, T);
  }
  R VisitFloatingLiteral(const clang::FloatingLiteral *FL) {
    graph::Type T;
    if (!B.typeOf(FL->getType(), FL->getBeginLoc(), T, "this literal"))
      return nullptr;
    // Keep the user's spelling (0.5, 1e-8, 2.f) when it is in the file.
    if (!FL->getLocation().isMacroID()) {
      llvm::StringRef Spelled = spelling(FL);
      if (!Spelled.empty() && (llvm::isDigit(Spelled[0]) || Spelled[0] == '.') &&
          !Spelled.contains('\''))
        return B.M.constant(Spelled.str(), T);
    }
    return B.M.floatConst(FL->getValueAsApproximateDouble(), T);
  }
  R VisitCXXBoolLiteralExpr(const clang::CXXBoolLiteralExpr *BL) {
    return B.M.boolConst(BL->getValue());
  }
  R VisitCharacterLiteral(const clang::CharacterLiteral *CL) {
    return B.M.constant(std::to_string(CL->getValue()),
                        graph::Type::scalar(ScalarKind::Int, "int"));
  }
  R VisitStringLiteral(const clang::StringLiteral *SL) {
    // A value with no derivative, passed along as the text it is ("name").
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    SL->outputString(OS);
    clang::QualType Elem = B.Ctx.getAsArrayType(SL->getType())->getElementType();
    return B.M.constant(OS.str(), graph::Type::pointerTo(
                                      ScalarKind::Int, Elem.getUnqualifiedType().getAsString(),
                                      /*Const=*/true));
  }
  R VisitDeclRefExpr(const clang::DeclRefExpr *DRE) { return B.declRef(DRE); }
  R VisitCastExpr(const clang::CastExpr *CE) { return B.cast(CE); }
  R VisitUnaryOperator(const clang::UnaryOperator *UO) { return B.unaryOp(UO); }
  R VisitBinaryOperator(const clang::BinaryOperator *BO) { return B.binaryOp(BO); }
  R VisitConditionalOperator(const clang::ConditionalOperator *CO) { return B.conditional(CO); }
  R VisitMemberExpr(const clang::MemberExpr *ME) { return B.memberExpr(ME); }
  R VisitArraySubscriptExpr(const clang::ArraySubscriptExpr *AS) {
    bool Handled = false; // p[0], p = &x (ScalarPointers.cpp)
    const graph::Expr *Pointee = B.scalarPointee(AS->getBase(), AS->getIdx(), Handled);
    if (Handled)
      return Pointee;
    Pointee = B.offsetPointee(AS->getBase(), AS->getIdx(), Handled); // p[i], p moved
    if (Handled)
      return Pointee;
    const graph::Expr *Base = B.expr(AS->getBase());
    const graph::Expr *Idx = Base ? B.expr(AS->getIdx()) : nullptr;
    if (!Idx)
      return nullptr;
    if (!Base->Ty.isMemory())
      return B.fail(AS->getBeginLoc(), "subscript of something that is not an array");
    if (const auto *Row = B.Ctx.getAsConstantArrayType(AS->getType())) {
      // m[i] of a 2-D array is a row: a pointer i * (row length) further.
      graph::Type RowT;
      if (!mapType(clang::QualType(Row, 0), B.Ctx, RowT))
        return B.fail(AS->getBeginLoc(), "unsupported array");
      const graph::Expr *Len = B.M.intConst(RowT.ArraySize);
      return B.M.ptrAdd(Base, B.M.binary(Op::Mul, Idx, Len, Idx->Ty));
    }
    return B.M.load(Base, Idx);
  }
  R VisitCallExpr(const clang::CallExpr *CE) {
    unsigned Before = B.Diags.errorCount();
    const graph::Expr *Result = B.callExpr(CE);
    if (Result == nullptr && B.Diags.errorCount() == Before)
      return B.fail(CE->getBeginLoc(), "the result of a void call used as a value");
    return Result;
  }

  // What only wraps a value: the value.
  R VisitMaterializeTemporaryExpr(const clang::MaterializeTemporaryExpr *E) {
    return B.expr(E->getSubExpr());
  }
  R VisitFullExpr(const clang::FullExpr *E) { return B.expr(E->getSubExpr()); }
  R VisitCXXDefaultArgExpr(const clang::CXXDefaultArgExpr *E) { return B.expr(E->getExpr()); }
  R VisitCXXBindTemporaryExpr(const clang::CXXBindTemporaryExpr *E) {
    return B.expr(E->getSubExpr());
  }
  R VisitSubstNonTypeTemplateParmExpr(const clang::SubstNonTypeTemplateParmExpr *E) {
    return B.expr(E->getReplacement());
  }

  // Integer constants the compiler computes.
  R VisitUnaryExprOrTypeTraitExpr(const clang::UnaryExprOrTypeTraitExpr *E) {
    return evaluated(E);
  }
  R VisitOffsetOfExpr(const clang::OffsetOfExpr *E) { return evaluated(E); }

  // Values of a class type.
  R VisitInitListExpr(const clang::InitListExpr *E) { return recordValue(E); }
  R VisitCXXScalarValueInitExpr(const clang::CXXScalarValueInitExpr *E) {
    return recordValue(E);
  }
  R VisitCompoundLiteralExpr(const clang::CompoundLiteralExpr *E) { return recordValue(E); }
  R VisitCXXConstructExpr(const clang::CXXConstructExpr *CE) {
    if (CE->getType()->isRecordType() && CE->getNumArgs() == 1 &&
        CE->getConstructor()->isCopyOrMoveConstructor() &&
        copiesFields(CE->getConstructor(), B.Ctx))
      return B.expr(CE->getArg(0)); // a copy: the value copied
    return recordValue(CE);
  }

  // Refused.
  R VisitCXXThrowExpr(const clang::CXXThrowExpr *E) {
    return B.fail(E->getBeginLoc(), "exceptions ('throw') are not supported in "
                                    "differentiated code; check the inputs before the "
                                    "call or report errors through the result");
  }
  R VisitCXXThisExpr(const clang::CXXThisExpr *E) {
    return B.fail(E->getBeginLoc(), "'this' as a pointer is not supported; use the "
                                    "object's fields or '*this'");
  }
  R VisitLambdaExpr(const clang::LambdaExpr *E) {
    return B.fail(E->getBeginLoc(), "a lambda used as a value (passed to a function, "
                                    "stored in std::function) is not supported; define it "
                                    "with 'auto f = [...](...) {...};' and call it in this "
                                    "function");
  }
  R VisitCXXStdInitializerListExpr(const clang::CXXStdInitializerListExpr *E) {
    return B.fail(E->getBeginLoc(), "std::initializer_list is not supported");
  }
  R VisitCXXNullPtrLiteralExpr(const clang::CXXNullPtrLiteralExpr *E) { return nullPtr(E); }
  R VisitGNUNullExpr(const clang::GNUNullExpr *E) { return nullPtr(E); }
  R VisitExpr(const clang::Expr *E) {
    return B.fail(E->getBeginLoc(), B.constructName(E, "expression") +
                                        " is not supported in differentiated code");
  }

private:
  /// The literal as the user spelled it.
  llvm::StringRef spelling(const clang::Expr *E) {
    return clang::Lexer::getSourceText(clang::CharSourceRange::getTokenRange(E->getSourceRange()),
                                       B.Ctx.getSourceManager(), B.Ctx.getLangOpts());
  }
  R evaluated(const clang::Expr *E) {
    graph::Type T;
    clang::Expr::EvalResult Result;
    if (!B.typeOf(E->getType(), E->getBeginLoc(), T, "this expression") ||
        !E->EvaluateAsInt(Result, B.Ctx))
      return B.fail(E->getBeginLoc(), "sizeof/alignof of a variable-length type");
    return B.M.constant(llvm::toString(Result.Val.getInt(), 10), T);
  }
  /// `S{...}`, `S(...)`, `S()`: a value of class type (anything else of
  /// these forms is refused).
  R recordValue(const clang::Expr *E) {
    if (!E->getType()->isRecordType())
      return VisitExpr(E);
    graph::Type T;
    if (!B.typeOf(E->getType(), E->getBeginLoc(), T, "this value"))
      return nullptr;
    return B.recordValue(E, T);
  }
  R nullPtr(const clang::Expr *E) {
    return B.fail(E->getBeginLoc(), "a null pointer is supported only as the argument of a "
                                    "pointer parameter of a called function ('g(x, "
                                    "nullptr)') and in tests ('p != nullptr'); pass a valid "
                                    "array or pointer");
  }
};

/// Whether \p S reads a variable that is not a global, `this` or a lambda.
static bool readsLocals(const clang::Stmt *S) {
  if (!S)
    return false;
  if (isa<clang::CXXThisExpr>(S) || isa<clang::LambdaExpr>(S) ||
      isa<clang::CXXDefaultArgExpr>(S))
    return true;
  if (const auto *DRE = dyn_cast<clang::DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<clang::VarDecl>(DRE->getDecl()))
      if (!VD->hasGlobalStorage() || VD->isStaticLocal())
        return true;
  for (const clang::Stmt *C : S->children())
    if (readsLocals(C))
      return true;
  return false;
}

/// A value of a standard class type that holds no number (std::optional<int>)
/// that adgen does not otherwise understand, built from literals and globals
/// only: it carries no derivative, and generated code spells it as written.
/// Null when \p E is not one.
static const Expr *inertLibraryValue(const clang::Expr *E, const clang::ASTContext &Ctx,
                                     Module &M) {
  clang::QualType QT = E->getType();
  const auto *RD = QT->getAsCXXRecordDecl();
  graph::Type T;
  if (!RD || !RD->isInStdNamespace() || QT->isReferenceType() || mapType(QT, Ctx, T) ||
      !mapInactiveParam(QT.getUnqualifiedType(), Ctx, T) || readsLocals(E) ||
      isa<clang::DeclRefExpr>(E->IgnoreImplicit()))
    return nullptr;
  clang::SourceRange R = E->getSourceRange();
  if (R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return nullptr;
  llvm::StringRef Src = clang::Lexer::getSourceText(clang::CharSourceRange::getTokenRange(R),
                                                    Ctx.getSourceManager(), Ctx.getLangOpts());
  if (Src.empty())
    return nullptr;
  T.IsConst = false;
  return M.constant(Src.str(), T);
}

const Expr *GraphBuilder::Impl::expr(const clang::Expr *E) {
  E = E->IgnoreParens();
  if (const Expr *Inert = inertLibraryValue(E, Ctx, M))
    return Inert;
  bool Handled = false;
  const graph::Expr *R = complexExpr(E, Handled);
  if (Handled)
    return R;
  R = tupleExpr(E, Handled);
  if (Handled)
    return R;
  R = iteratorUse(E, /*ValueUsed=*/true, Handled); // *it, ++it (IteratorLocals.cpp)
  if (Handled)
    return R;
  return ExprDispatch(*this).Visit(E);
}

const Expr *GraphBuilder::Impl::declRef(const clang::DeclRefExpr *DRE) {
  using namespace clang;
  const ValueDecl *D = DRE->getDecl();
  if (auto It = OffsetPointers.find(D); It != OffsetPointers.end())
    return offsetPointerValue(It->second); // a pointer moved (PointerOffsets.cpp)
  if (IteratorLocals.count(D))
    return fail(DRE->getLocation(),
                "iterator '" + D->getNameAsString() +
                    "' may only be dereferenced, indexed, moved and compared; passing it "
                    "on (e.g. to a function) or copying it is not supported");
  if (Var *V = Vars.lookup(D))
    return M.ref(V);
  if (const graph::Expr *A = Aliases.lookup(D))
    return A;
  if (ScalarPointers.count(D))
    return scalarPointerUse(DRE);
  if (Views.count(D))
    return viewAsWhole(DRE);
  graph::Type T;
  if (const auto *EC = dyn_cast<EnumConstantDecl>(D)) {
    if (!typeOf(DRE->getType(), DRE->getLocation(), T, "this enumerator"))
      return nullptr;
    std::string S;
    llvm::raw_string_ostream OS(S);
    if (EC->getParentFunctionOrMethod())
      OS << localEnumeratorName(EC); // Mode::Mul, declared again (LocalTypeDecls.h)
    else
      EC->printQualifiedName(OS, printingPolicy(Ctx));
    return M.constant(OS.str(), T);
  }
  if (const auto *VD = dyn_cast<VarDecl>(D)) {
    if (!VD->hasGlobalStorage())
      return fail(DRE->getLocation(), "variable '" + VD->getNameAsString() +
                                          "' is captured from an enclosing scope, "
                                          "which is not supported");
    // An integer constant is folded: `N` of `constexpr int N = 3`.
    if (VD->getType().isConstQualified() && VD->getType()->isIntegralOrEnumerationType()) {
      if (const APValue *Val = VD->evaluateValue())
        if (Val->isInt() && typeOf(VD->getType(), DRE->getLocation(), T, "this constant"))
          return M.constant(llvm::toString(Val->getInt(), 10), T);
    }
    if (!typeOf(VD->getType(), DRE->getLocation(), T,
                "global variable '" + VD->getNameAsString() + "'"))
      return nullptr;
    Var *V = F->addVar(VD->getNameAsString(), T, VarKind::Global);
    V->Name = qualifiedName(VD);
    V->Private = memberAccess(VD, Ctx); // a private static data member
    V->Where = loc(VD->getLocation());
    Vars[VD] = V;
    return M.ref(V);
  }
  return fail(DRE->getLocation(), "reference to '" + D->getNameAsString() +
                                      "' is not supported here");
}

const Expr *GraphBuilder::Impl::cast(const clang::CastExpr *CE) {
  using namespace clang;
  const graph::Expr *Sub = nullptr;
  switch (CE->getCastKind()) {
  case CK_NoOp:
    if (CE->getType()->isPointerType() && CE->getSubExpr()->getType()->isPointerType() &&
        !CE->getType()->getPointeeType().isConstQualified() &&
        CE->getSubExpr()->getType()->getPointeeType().isConstQualified())
      return castAwayConst(CE); // const_cast<double *>(p) (ScratchBuffers.cpp)
    return expr(CE->getSubExpr());
  case CK_LValueToRValue:
  case CK_ArrayToPointerDecay:
  case CK_ToVoid:
  case CK_UserDefinedConversion:
  case CK_ConstructorConversion:
    return expr(CE->getSubExpr());
  case CK_IntegralCast:
  case CK_IntegralToFloating:
  case CK_FloatingToIntegral:
  case CK_FloatingCast:
  case CK_IntegralToBoolean:
  case CK_FloatingToBoolean:
  case CK_BooleanToSignedIntegral: {
    Sub = expr(CE->getSubExpr());
    if (!Sub)
      return nullptr;
    graph::Type T;
    if (!typeOf(CE->getType(), CE->getBeginLoc(), T, "this conversion"))
      return nullptr;
    if (T.Scalar == Sub->Ty.Scalar && T.Spelling == Sub->Ty.Spelling)
      return Sub;
    // A small integer literal converts implicitly where it is used: `i - 1`,
    // not `i - static_cast<std::size_t>(1)`.
    if (T.Scalar == ScalarKind::Int && !CE->getType()->isEnumeralType() &&
        Sub->K == Op::Const && Sub->Ty.Scalar == ScalarKind::Int &&
        llvm::all_of(Sub->Text, [](char C) { return C >= '0' && C <= '9'; }) &&
        Sub->Text.size() < 9)
      return M.constant(Sub->Text, T);
    // An integer constant used as a floating-point value reads as one: 0.0.
    if (T.isFloating() && Sub->Ty.Scalar == ScalarKind::Int && Sub->isConstant())
      if (auto V = CE->getSubExpr()->getIntegerConstantExpr(Ctx))
        return M.floatConst(double(V->getExtValue()), T);
    return M.cast(Sub, T);
  }
  case CK_UncheckedDerivedToBase:
  case CK_DerivedToBase:
    // An object seen as its base class: the same storage, whose fields (the
    // base's first) the graph finds by name. Through a pointer it would
    // index by the base's size, so that is refused.
    if (CE->getType()->isPointerType())
      return fail(CE->getBeginLoc(), "converting a pointer to a derived class into a "
                                     "pointer to its base is not supported; pass the "
                                     "object by reference");
    return expr(CE->getSubExpr());
  case CK_NullToPointer:
    return fail(CE->getBeginLoc(), "a null pointer is supported only as the argument of a "
                                   "pointer parameter of a called function ('g(x, "
                                   "nullptr)') and in tests ('p != nullptr'); pass a valid "
                                   "array or pointer");
  case CK_PointerToBoolean: // if (p) (NullPointers.cpp)
    return pointerTest(CE->getSubExpr(), /*IsNull=*/false, CE->getBeginLoc());
  case CK_BitCast:
  case CK_PointerToIntegral:
  case CK_IntegralToPointer:
    return fail(CE->getBeginLoc(), "pointer casts are not supported");
  default:
    return fail(CE->getBeginLoc(), llvm::Twine("conversion '") + CE->getCastKindName() +
                                       "' is not supported");
  }
}

const Expr *GraphBuilder::Impl::unaryOp(const clang::UnaryOperator *UO) {
  using namespace clang;
  if (UO->isIncrementDecrementOp())
    return increment(UO);
  if (UO->getOpcode() == UO_Deref && isa<CXXThisExpr>(UO->getSubExpr()->IgnoreParenImpCasts())) {
    if (!SelfObj) // *this: the object
      return fail(UO->getBeginLoc(), "'this' outside a member function");
    return SelfObj;
  }
  if (UO->getOpcode() == UO_Deref) {
    bool Handled = false;
    const graph::Expr *R = scalarPointee(UO->getSubExpr(), nullptr, Handled); // *p, p = &x
    if (Handled)
      return R;
    R = dereferencedStdAlgorithm(UO, Handled);
    if (Handled)
      return R;
  }
  if (UO->getOpcode() == UO_AddrOf) {
    const auto *AS = dyn_cast<ArraySubscriptExpr>(UO->getSubExpr()->IgnoreParens());
    if (!AS)
      return fail(UO->getBeginLoc(), "taking the address of a variable is supported only "
                                     "as the argument of a call ('h(&x)'); pass arrays "
                                     "by pointer and scalars by value or reference");
    const graph::Expr *Base = expr(AS->getBase());
    const graph::Expr *Idx = Base ? expr(AS->getIdx()) : nullptr;
    return Idx ? M.ptrAdd(Base, Idx) : nullptr;
  }
  if (const auto *PB = dyn_cast<ImplicitCastExpr>(UO->getSubExpr()->IgnoreParens());
      UO->getOpcode() == UO_LNot && PB && PB->getCastKind() == CK_PointerToBoolean)
    return pointerTest(PB->getSubExpr(), /*IsNull=*/true, UO->getBeginLoc()); // !p
  const graph::Expr *A = expr(UO->getSubExpr());
  if (!A)
    return nullptr;
  graph::Type T;
  if (UO->getOpcode() != UO_Deref &&
      !typeOf(UO->getType(), UO->getBeginLoc(), T, "this expression"))
    return nullptr;
  switch (UO->getOpcode()) {
  case UO_Plus:
    return A;
  case UO_Minus:
    return M.unary(Op::Neg, A, T);
  case UO_LNot:
    return M.unary(Op::Not, A, T);
  case UO_Not:
    return M.unary(Op::BitNot, A, T);
  case UO_Deref:
    if (!A->Ty.isMemory())
      return fail(UO->getBeginLoc(), "dereference of something that is not a pointer");
    return M.load(A, M.intConst(0));
  default:
    return fail(UO->getBeginLoc(), "this unary operator is not supported");
  }
}

static Op binaryOpcode(clang::BinaryOperatorKind K) {
  using namespace clang;
  switch (K) {
  case BO_Add: case BO_AddAssign: return Op::Add;
  case BO_Sub: case BO_SubAssign: return Op::Sub;
  case BO_Mul: case BO_MulAssign: return Op::Mul;
  case BO_Div: case BO_DivAssign: return Op::Div;
  case BO_Rem: case BO_RemAssign: return Op::Rem;
  case BO_LT: return Op::Lt;
  case BO_LE: return Op::Le;
  case BO_GT: return Op::Gt;
  case BO_GE: return Op::Ge;
  case BO_EQ: return Op::Eq;
  case BO_NE: return Op::Ne;
  case BO_LAnd: return Op::And;
  case BO_LOr: return Op::Or;
  case BO_And: case BO_AndAssign: return Op::BitAnd;
  case BO_Or: case BO_OrAssign: return Op::BitOr;
  case BO_Xor: case BO_XorAssign: return Op::BitXor;
  case BO_Shl: case BO_ShlAssign: return Op::Shl;
  case BO_Shr: case BO_ShrAssign: return Op::Shr;
  default: return Op::Const;
  }
}

const Expr *GraphBuilder::Impl::binaryOp(const clang::BinaryOperator *BO) {
  using namespace clang;
  if (BO->isAssignmentOp())
    return assignment(BO);
  if (BO->getOpcode() == BO_Comma) {
    if (!sideEffect(BO->getLHS()))
      return nullptr;
    return expr(BO->getRHS());
  }
  if (BO->isLogicalOp())
    return logical(BO);
  bool Null = false; // p != nullptr (NullPointers.cpp)
  if (const graph::Expr *T = nullComparison(BO, Null); Null)
    return T;
  Op K = binaryOpcode(BO->getOpcode());
  if (K == Op::Const)
    return fail(BO->getOperatorLoc(), "this operator is not supported");
  const graph::Expr *A = expr(BO->getLHS());
  const graph::Expr *B = A ? expr(BO->getRHS()) : nullptr;
  if (!B)
    return nullptr;
  if (A->Ty.isMemory() || B->Ty.isMemory()) {
    // Pointer arithmetic: p + i, i + p, p - i.
    if (A->Ty.isMemory() && B->Ty.isMemory())
      return pointerRelation(BO, A, B, K);
    if (K == Op::Add)
      return A->Ty.isMemory() ? pointerArithmetic(A, B) : pointerArithmetic(B, A);
    if (K == Op::Sub && A->Ty.isMemory())
      return pointerArithmetic(A, M.unary(Op::Neg, B, B->Ty));
    return fail(BO->getOperatorLoc(), "this pointer arithmetic is not supported");
  }
  graph::Type T;
  if (!typeOf(BO->getType(), BO->getBeginLoc(), T, "this expression"))
    return nullptr;
  return M.binary(K, A, B, T);
}

/// `a && b`, `a || b`. If b needs statements (a call, an increment), they run
/// only when C++ would evaluate b.
const Expr *GraphBuilder::Impl::logical(const clang::BinaryOperator *BO) {
  graph::Type B = Type::scalar(ScalarKind::Bool, "bool");
  const Expr *L = expr(BO->getLHS());
  if (!L)
    return nullptr;
  Block RStmts;
  const Expr *R = nullptr;
  if (!exprInBlock(BO->getRHS(), RStmts, R))
    return nullptr;
  bool IsAnd = BO->getOpcode() == clang::BO_LAnd;
  if (RStmts.empty())
    return M.binary(IsAnd ? Op::And : Op::Or, L, R, B);
  Var *T = temp(IsAnd ? "both" : "either", B, BO->getOperatorLoc());
  emit(M.decl(T, L, loc(BO->getOperatorLoc())));
  RStmts.push_back(M.assign(M.ref(T), R));
  const Expr *Test = IsAnd ? M.ref(T) : M.unary(Op::Not, M.ref(T), B);
  emit(M.ifStmt(Test, std::move(RStmts), {}, loc(BO->getOperatorLoc())));
  return M.ref(T);
}

const Expr *GraphBuilder::Impl::conditional(const clang::ConditionalOperator *CO) {
  const Expr *C = expr(CO->getCond());
  if (!C)
    return nullptr;
  Block TS, FS;
  const Expr *TV = nullptr, *FV = nullptr;
  if (!exprInBlock(CO->getTrueExpr(), TS, TV) || !exprInBlock(CO->getFalseExpr(), FS, FV))
    return nullptr;
  bool Struct = TV->Ty.Rec && !TV->Ty.IsPointer;
  // p ? *p : 0.0 reads through p only when p is not null: an if, also in
  // the derivative code (NullPointers.cpp).
  bool PointerTest = testsPointer(CO->getCond(), Ctx);
  if (TS.empty() && FS.empty() && !Struct && !PointerTest)
    return M.select(C, TV, FV);
  if (PointerTest && !Struct && C->K == Op::Const) { // v.p ? *v.p : 0 of &x: known
    bool True = C->Text == "true";
    Cur->insert(Cur->end(), (True ? TS : FS).begin(), (True ? TS : FS).end());
    return True ? TV : FV;
  }
  // A struct is chosen field by field, in a branch.
  graph::Type VT = TV->Ty.element();
  VT.IsConst = false;
  Var *T = temp("chosen", VT, CO->getQuestionLoc());
  emit(M.decl(T, nullptr, loc(CO->getQuestionLoc())));
  copyFields(M, M.ref(T), TV, VT, TS);
  copyFields(M, M.ref(T), FV, VT, FS);
  emit(M.ifStmt(C, std::move(TS), std::move(FS), loc(CO->getQuestionLoc())));
  return M.ref(T);
}

const Expr *GraphBuilder::Impl::lvalue(const clang::Expr *E) {
  const clang::Expr *Bare = E->IgnoreParens();
  const Expr *T = expr(Bare);
  if (!T)
    return nullptr;
  if (T->K == Op::VarRef && T->V->Kind == VarKind::Global && T->V->Ty.IsConst)
    return fail(E->getBeginLoc(), "assignment to a const global");
  if (T->K == Op::VarRef && T->V->Ty.IsPointer)
    return fail(E->getBeginLoc(), "assigning to a pointer variable is not supported; "
                                  "declare a new pointer or use an index");
  if (T->K == Op::VarRef && T->V->Kind == VarKind::Param && T->V->Ty.IsConst)
    return fail(E->getBeginLoc(), "assignment to a const parameter");
  if (T->K != Op::VarRef && T->K != Op::Load)
    return fail(E->getBeginLoc(), "this assignment target is not supported");
  return T;
}

const Expr *GraphBuilder::Impl::assignment(const clang::BinaryOperator *BO) {
  bool Iter = false;
  if (const Expr *R = iteratorUse(BO, true, Iter); Iter)
    return R; // it += k on a pointer iterator (IteratorLocals.cpp)
  bool Moved = false; // p = q, p += n (PointerOffsets.cpp)
  if (const Expr *P = offsetAssignment(BO, Moved); Moved)
    return P;
  // C++17 evaluates the right operand of an assignment first.
  const Expr *R = expr(BO->getRHS());
  if (!R)
    return nullptr;
  if (const auto *CO = dyn_cast<clang::ConditionalOperator>(BO->getLHS()->IgnoreParens())) {
    if (BO->getOpcode() != clang::BO_Assign && !StatementContext)
      return fail(BO->getOperatorLoc(), "the value of a compound assignment to '?:' is not "
                                        "supported; use it as a statement");
    // (c ? a : b) op= r  becomes  if (c) a op= r; else b op= r;
    const Expr *C = expr(CO->getCond());
    if (!C)
      return nullptr;
    Block Then, Else;
    Block *Saved = Cur;
    Cur = &Then;
    bool OK = assignInto(CO->getTrueExpr(), BO, R) != nullptr;
    Cur = &Else;
    OK = OK && assignInto(CO->getFalseExpr(), BO, R) != nullptr;
    Cur = Saved;
    if (!OK)
      return nullptr;
    emit(M.ifStmt(C, std::move(Then), std::move(Else), loc(BO->getOperatorLoc())));
    return R; // the value of `(c ? a : b) = r` is r
  }
  return assignInto(BO->getLHS(), BO, R);
}

const Expr *GraphBuilder::Impl::assignInto(const clang::Expr *LHS,
                                           const clang::BinaryOperator *BO, const Expr *R) {
  const Expr *T = lvalue(LHS);
  if (!T)
    return nullptr;
  if (BO->getOpcode() != clang::BO_Assign) {
    Op K = binaryOpcode(BO->getOpcode());
    const auto *CA = clang::cast<clang::CompoundAssignOperator>(BO);
    graph::Type CT;
    if (!typeOf(CA->getComputationResultType(), BO->getBeginLoc(), CT, "this expression"))
      return nullptr;
    const Expr *L = T;
    if (L->Ty.Scalar != CT.Scalar)
      L = M.cast(L, CT);
    if (R->Ty.Scalar != CT.Scalar)
      R = M.cast(R, CT);
    R = M.binary(K, L, R, CT);
  }
  if (R->Ty.Scalar != T->Ty.Scalar)
    R = M.cast(R, T->Ty.element());
  emit(M.assign(T, R, loc(BO->getOperatorLoc())));
  return T;
}

const Expr *GraphBuilder::Impl::increment(const clang::UnaryOperator *UO, bool ValueUsed) {
  bool Iter = false;
  if (const Expr *R = iteratorUse(UO, ValueUsed, Iter); Iter)
    return R; // ++it on a pointer iterator (IteratorLocals.cpp)
  bool Moved = false; // ++p of a pointer (PointerOffsets.cpp)
  if (const Expr *P = offsetIncrement(UO, ValueUsed, Moved); Moved)
    return P;
  const Expr *T = lvalue(UO->getSubExpr());
  if (!T)
    return nullptr;
  const Expr *One = T->Ty.isFloating() ? M.floatConst(1, T->Ty) : M.constant("1", T->Ty.element());
  Op K = UO->isIncrementOp() ? Op::Add : Op::Sub;
  Loc L = loc(UO->getOperatorLoc());
  if (UO->isPrefix() || !ValueUsed) {
    emit(M.assign(T, M.binary(K, T, One, T->Ty.element()), L));
    return T;
  }
  // Postfix: the old value is the expression's value.
  Var *Old = temp("old", T->Ty.element(), UO->getOperatorLoc());
  emit(M.decl(Old, T, L));
  emit(M.assign(T, M.binary(K, T, One, T->Ty.element()), L));
  return M.ref(Old);
}
