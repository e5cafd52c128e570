//===- Graph/UserCopies.cpp - Classes with user-written copies ------------===//

#include "Graph/UserCopies.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include <set>

using namespace adgen;
using clang::dyn_cast;
using clang::dyn_cast_or_null;
using clang::isa;

namespace {

std::string lineOf(const clang::Decl *D, const clang::ASTContext &Ctx) {
  const clang::SourceManager &SM = Ctx.getSourceManager();
  clang::PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(D->getLocation()));
  return P.isValid() ? " (line " + std::to_string(P.getLine()) + ")" : std::string();
}

/// \p E without parentheses, implicit casts, and `std::move(...)`.
const clang::Expr *bare(const clang::Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<clang::ExprWithCleanups>(E)) {
      E = EWC->getSubExpr();
      continue;
    }
    if (const auto *CE = dyn_cast<clang::CXXConstructExpr>(E);
        CE && CE->getNumArgs() == 1 && CE->getConstructor()->isCopyOrMoveConstructor() &&
        CE->getConstructor()->isTrivial()) {
      E = CE->getArg(0);
      continue;
    }
    if (const auto *Call = dyn_cast<clang::CallExpr>(E))
      if (const clang::FunctionDecl *FD = Call->getDirectCallee();
          FD && Call->getNumArgs() == 1 && FD->isInStdNamespace() && FD->getIdentifier() &&
          (FD->getName() == "move" || FD->getName() == "forward")) {
        E = Call->getArg(0);
        continue;
      }
    return E;
  }
}

/// Whether \p E is a literal number equal to \p V.
bool isNumber(const clang::Expr *E, double V) {
  E = E->IgnoreParenImpCasts();
  if (const auto *FL = dyn_cast<clang::FloatingLiteral>(E))
    return FL->getValueAsApproximateDouble() == V;
  if (const auto *IL = dyn_cast<clang::IntegerLiteral>(E))
    return IL->getValue() == static_cast<uint64_t>(V);
  return false;
}

/// \p E without what leaves its value as it is: `+e`, `e * 1`, `1 * e`,
/// `e / 1`, `e + 0`, `0 + e`, `e - 0`, and a cast to the type \p E has.
const clang::Expr *sameValue(const clang::Expr *E) {
  while (true) {
    E = bare(E);
    if (const auto *UO = dyn_cast<clang::UnaryOperator>(E); UO && UO->getOpcode() == clang::UO_Plus) {
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *EC = dyn_cast<clang::ExplicitCastExpr>(E);
        EC && EC->getType().getCanonicalType().getUnqualifiedType() ==
                  EC->getSubExpr()->IgnoreParenImpCasts()->getType().getCanonicalType()
                      .getUnqualifiedType()) {
      E = EC->getSubExpr();
      continue;
    }
    const auto *BO = dyn_cast<clang::BinaryOperator>(E);
    if (!BO)
      return E;
    const clang::Expr *L = BO->getLHS(), *R = BO->getRHS();
    switch (BO->getOpcode()) {
    case clang::BO_Mul:
      if (isNumber(R, 1)) { E = L; continue; }
      if (isNumber(L, 1)) { E = R; continue; }
      return E;
    case clang::BO_Div:
      if (isNumber(R, 1)) { E = L; continue; }
      return E;
    case clang::BO_Add:
      if (isNumber(R, 0)) { E = L; continue; }
      if (isNumber(L, 0)) { E = R; continue; }
      return E;
    case clang::BO_Sub:
      if (isNumber(R, 0)) { E = L; continue; }
      return E;
    default:
      return E;
    }
  }
}

/// Whether \p E is `o.f` (or `std::move(o).f`, `std::move(o.f)`, `o.f * 1.0`,
/// anything sameValue strips) of parameter \p O.
bool isFieldOf(const clang::Expr *E, const clang::ParmVarDecl *O, const clang::FieldDecl *F) {
  const auto *ME = dyn_cast<clang::MemberExpr>(sameValue(E));
  if (!ME || ME->getMemberDecl() != F || ME->isArrow())
    return false;
  const auto *DRE = dyn_cast<clang::DeclRefExpr>(bare(ME->getBase()));
  return DRE && DRE->getDecl() == O;
}

/// A field of the object being assigned: `x`, `this->x`.
const clang::FieldDecl *ownField(const clang::Expr *E) {
  const auto *ME = dyn_cast<clang::MemberExpr>(E->IgnoreParenImpCasts());
  if (!ME || !isa<clang::CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<clang::FieldDecl>(ME->getMemberDecl());
}

/// Whether \p S is `this != &o` or `&o != this` (with \p Eq: `==`).
bool isSelfTest(const clang::Expr *S, const clang::ParmVarDecl *O, bool Eq) {
  const auto *BO = dyn_cast_or_null<clang::BinaryOperator>(S ? S->IgnoreParenImpCasts() : nullptr);
  if (!BO || BO->getOpcode() != (Eq ? clang::BO_EQ : clang::BO_NE))
    return false;
  auto IsThis = [](const clang::Expr *E) { return isa<clang::CXXThisExpr>(E->IgnoreParenImpCasts()); };
  auto IsAddrO = [&](const clang::Expr *E) {
    const auto *UO = dyn_cast<clang::UnaryOperator>(E->IgnoreParenImpCasts());
    const auto *DRE = UO && UO->getOpcode() == clang::UO_AddrOf
                          ? dyn_cast<clang::DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts())
                          : nullptr;
    return DRE && DRE->getDecl() == O;
  };
  return (IsThis(BO->getLHS()) && IsAddrO(BO->getRHS())) ||
         (IsAddrO(BO->getLHS()) && IsThis(BO->getRHS()));
}

/// Whether \p S is `return *this;`.
bool isReturnThis(const clang::Stmt *S) {
  const auto *Ret = dyn_cast_or_null<clang::ReturnStmt>(S);
  const auto *RetOp = Ret && Ret->getRetValue()
                          ? dyn_cast<clang::UnaryOperator>(Ret->getRetValue()->IgnoreParenImpCasts())
                          : nullptr;
  return RetOp && RetOp->getOpcode() == clang::UO_Deref &&
         isa<clang::CXXThisExpr>(RetOp->getSubExpr()->IgnoreParenImpCasts());
}

/// Adds the field that statement \p S copies (`x = o.x;`, `this->x = o.x;`)
/// to \p Copied; false when \p S is something else or copies a field twice.
bool copyStmt(const clang::Stmt *S, const clang::ParmVarDecl *O,
              std::set<const clang::FieldDecl *> &Copied) {
  const clang::Expr *L = nullptr, *R = nullptr;
  if (const auto *BO = dyn_cast<clang::BinaryOperator>(S); BO && BO->getOpcode() == clang::BO_Assign)
    L = BO->getLHS(), R = BO->getRHS();
  else if (const auto *OC = dyn_cast<clang::CXXOperatorCallExpr>(S);
           OC && OC->getOperator() == clang::OO_Equal && OC->getNumArgs() == 2)
    L = OC->getArg(0), R = OC->getArg(1);
  const clang::FieldDecl *F = L ? ownField(L) : nullptr;
  return F && isFieldOf(R, O, F) && Copied.insert(F).second;
}

/// Adds the fields the statements \p Stmts copy to \p Copied; false when one
/// of them does something else. `if (this != &o) { copies }` counts as its
/// copies (copying an object onto itself changes nothing either way).
bool copyStmts(llvm::ArrayRef<clang::Stmt *> Stmts, const clang::ParmVarDecl *O,
               std::set<const clang::FieldDecl *> &Copied) {
  for (const clang::Stmt *S : Stmts) {
    if (isa<clang::NullStmt>(S))
      continue;
    if (const auto *If = dyn_cast<clang::IfStmt>(S);
        If && !If->getElse() && !If->getInit() && !If->getConditionVariable() &&
        isSelfTest(If->getCond(), O, false)) {
      const clang::Stmt *Then = If->getThen();
      if (const auto *CS = dyn_cast<clang::CompoundStmt>(Then)) {
        if (!copyStmts(llvm::ArrayRef<clang::Stmt *>(const_cast<clang::CompoundStmt *>(CS)->body_begin(),
                                                     CS->size()),
                       O, Copied))
          return false;
      } else if (!copyStmt(Then, O, Copied)) {
        return false;
      }
      continue;
    }
    if (!copyStmt(S, O, Copied))
      return false;
  }
  return true;
}

/// "" when copy or move constructor \p CD copies every field, else why not:
/// each field from the same field of its argument, in its initialiser list
/// or by an assignment in its body (the field is default-initialised first;
/// its value after the body is the copy either way).
std::string ctorProblem(const clang::CXXConstructorDecl *CD) {
  const clang::ParmVarDecl *O = CD->getParamDecl(0);
  const auto *Body = dyn_cast_or_null<clang::CompoundStmt>(CD->getBody());
  if (!Body)
    return "has no body adgen can see";
  std::set<const clang::FieldDecl *> Copied;
  for (const clang::CXXCtorInitializer *I : CD->inits()) {
    if (!I->isMemberInitializer())
      return "initialises a base class";
    const clang::Expr *Init = I->getInit();
    if (const auto *PE = dyn_cast<clang::ParenListExpr>(Init); PE && PE->getNumExprs() == 1)
      Init = PE->getExpr(0);
    if (!I->isWritten())
      continue; // a default member initialiser or default construction: the body must copy it
    if (!isFieldOf(Init, O, I->getMember()))
      return "initialises field '" + I->getMember()->getNameAsString() +
             "' with something other than the same field of '" + O->getNameAsString() + "'";
    Copied.insert(I->getMember());
  }
  if (!copyStmts(llvm::ArrayRef<clang::Stmt *>(const_cast<clang::CompoundStmt *>(Body)->body_begin(),
                                               Body->size()),
                 O, Copied))
    return "has a body that does more than 'field = " + O->getNameAsString() +
           ".field;' once per field not in its initialiser list";
  for (const clang::FieldDecl *F : CD->getParent()->fields())
    if (!Copied.count(F))
      return "does not copy field '" + F->getNameAsString() + "'";
  return "";
}

/// "" when copy or move assignment \p MD assigns every field, else why not.
/// Accepted: `field = o.field;` once per field, optionally inside
/// `if (this != &o) { ... }` or after `if (this == &o) return *this;`, then
/// `return *this;`.
std::string assignProblem(const clang::CXXMethodDecl *MD) {
  const clang::ParmVarDecl *O = MD->getParamDecl(0);
  const auto *Body = dyn_cast_or_null<clang::CompoundStmt>(MD->getBody());
  if (!Body || Body->body_empty())
    return "has no body adgen can see";
  if (!isReturnThis(Body->body_back()))
    return "does not end with 'return *this;'";
  llvm::ArrayRef<clang::Stmt *> Stmts(const_cast<clang::CompoundStmt *>(Body)->body_begin(),
                                      Body->size() - 1);
  // `if (this == &o) return *this;` first: a self-assignment changes nothing.
  if (!Stmts.empty())
    if (const auto *If = dyn_cast<clang::IfStmt>(Stmts.front());
        If && !If->getElse() && !If->getInit() && !If->getConditionVariable() &&
        isSelfTest(If->getCond(), O, true)) {
      const clang::Stmt *Then = If->getThen();
      if (const auto *CS = dyn_cast<clang::CompoundStmt>(Then); CS && CS->size() == 1)
        Then = CS->body_front();
      if (isReturnThis(Then))
        Stmts = Stmts.drop_front();
    }
  std::set<const clang::FieldDecl *> Copied;
  if (!copyStmts(Stmts, O, Copied))
    return "does more than 'field = " + O->getNameAsString() + ".field;' once per field";
  for (const clang::FieldDecl *F : MD->getParent()->fields())
    if (!Copied.count(F))
      return "does not assign field '" + F->getNameAsString() + "'";
  return "";
}

/// Finds what in a destructor's body may change a value.
struct Effects : clang::RecursiveASTVisitor<Effects> {
  const clang::SourceManager &SM;
  explicit Effects(const clang::SourceManager &SM) : SM(SM) {}
  std::string Found;
  bool VisitBinaryOperator(clang::BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      Found = "assigns a value";
    return Found.empty();
  }
  bool VisitUnaryOperator(clang::UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      Found = "increments or decrements a value";
    return Found.empty();
  }
  bool VisitCXXDeleteExpr(clang::CXXDeleteExpr *) {
    Found = "deletes memory";
    return false;
  }
  bool VisitCallExpr(clang::CallExpr *CE) {
    // Printing and assert only: functions of the C and C++ libraries that
    // write to a stream (printf, std::cout << ...) or abort.
    const clang::FunctionDecl *FD = CE->getDirectCallee();
    bool Library = FD && SM.isInSystemHeader(FD->getLocation());
    std::string N = FD && FD->getIdentifier() ? FD->getName().str() : "";
    bool Ok = Library && (N == "printf" || N == "fprintf" || N == "puts" || N == "fputs" ||
                          N == "putchar" || N == "__assert_fail" || N == "__assert_rtn" ||
                          N == "_assert" || N == "abort" || N == "endl" || N == "flush" ||
                          (FD->isOverloadedOperator() &&
                           FD->getOverloadedOperator() == clang::OO_LessLess));
    if (!Ok)
      Found = "calls '" + (FD ? FD->getNameAsString() : std::string("a function")) + "'";
    return Found.empty();
  }
  bool TraverseLambdaExpr(clang::LambdaExpr *) { return true; }
};

/// Why \p RD has no copy constructor or copy assignment (a move-only class,
/// or one whose copies are deleted); "" if it has both.
std::string copyDeleted(const clang::CXXRecordDecl *RD) {
  for (const clang::CXXConstructorDecl *CD : RD->ctors())
    if (CD->isCopyConstructor() && CD->isDeleted())
      return "its copy constructor is deleted";
  for (const clang::CXXMethodDecl *MD : RD->methods())
    if (MD->isCopyAssignmentOperator() && MD->isDeleted())
      return "its copy assignment is deleted";
  bool Moves = RD->hasUserDeclaredMoveConstructor() || RD->hasUserDeclaredMoveAssignment();
  if (!RD->hasUserDeclaredCopyConstructor() && Moves)
    return "it declares a move constructor or assignment, so its copy constructor is deleted";
  if (!RD->hasUserDeclaredCopyAssignment() && Moves)
    return "it declares a move constructor or assignment, so its copy assignment is deleted";
  if (!RD->hasUserDeclaredCopyConstructor() && RD->defaultedCopyConstructorIsDeleted())
    return "a field or base cannot be copied";
  return "";
}

} // namespace

std::string adgen::userCopyProblem(const clang::CXXRecordDecl *RD, const clang::ASTContext &Ctx) {
  std::string Name = "'" + RD->getNameAsString() + "'";
  if (Ctx.getSourceManager().isInSystemHeader(RD->getLocation()))
    return "class " + Name + " is not trivially copyable";
  std::string Tail = "; adgen runs the user-written copies of " + Name + " where the program "
                     "copies, and makes, copies and destroys its own objects of " + Name +
                     " without them, so it needs copies whose bodies it can see and "
                     "destructors that change nothing";
  if (std::string Why = copyDeleted(RD); !Why.empty())
    return "objects of " + Name + " cannot be copied (" + Why + ")" + Tail;
  for (const clang::CXXConstructorDecl *CD : RD->ctors()) {
    if (!CD->isCopyOrMoveConstructor() || CD->isTrivial() || CD->isDeleted())
      continue;
    if (!CD->isUserProvided())
      continue; // implicit, non-trivial because of a field: the field says why
    const auto *Def = dyn_cast_or_null<clang::CXXConstructorDecl>(CD->getDefinition());
    if (!Def || !Def->getBody()) // (with a body: copiesFields or copiesChangeValues)
      return "the " + std::string(CD->isCopyConstructor() ? "copy" : "move") +
             " constructor of " + Name + lineOf(CD, Ctx) + " has no body adgen can see" + Tail;
  }
  for (const clang::CXXMethodDecl *MD : RD->methods()) {
    if (!(MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator()) || MD->isTrivial() ||
        MD->isDeleted() || !MD->isUserProvided())
      continue;
    const auto *Def = dyn_cast_or_null<clang::CXXMethodDecl>(MD->getDefinition());
    if (!Def || !Def->getBody())
      return "the " + std::string(MD->isCopyAssignmentOperator() ? "copy" : "move") +
             " assignment of " + Name + lineOf(MD, Ctx) + " has no body adgen can see" + Tail;
  }
  if (const clang::CXXDestructorDecl *DD = RD->getDestructor();
      DD && DD->isUserProvided() && !DD->isTrivial()) {
    const clang::FunctionDecl *Def = DD->getDefinition();
    if (!Def || !Def->getBody())
      return "the destructor of " + Name + lineOf(DD, Ctx) + " has no body adgen can see" + Tail;
    Effects E(Ctx.getSourceManager());
    E.TraverseStmt(Def->getBody());
    if (!E.Found.empty())
      return "the destructor of " + Name + lineOf(DD, Ctx) + " " + E.Found +
             ", which adgen would not repeat" + Tail;
  }
  return "";
}

bool adgen::copyChangesValues(const clang::CXXMethodDecl *MD) {
  if (!MD->isUserProvided() || MD->isDeleted() ||
      MD->getASTContext().getSourceManager().isInSystemHeader(MD->getLocation()))
    return false; // (the library's classes: userCopyProblem, or inactive)
  const auto *Def = dyn_cast_or_null<clang::CXXMethodDecl>(MD->getDefinition());
  if (!Def || !Def->getBody())
    return false; // refused by userCopyProblem
  if (const auto *CD = dyn_cast<clang::CXXConstructorDecl>(Def))
    return CD->isCopyOrMoveConstructor() && !ctorProblem(CD).empty();
  return (Def->isCopyAssignmentOperator() || Def->isMoveAssignmentOperator()) &&
         !assignProblem(Def).empty();
}

bool adgen::copiesChangeValues(const clang::CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  for (const clang::CXXConstructorDecl *CD : RD->ctors())
    if (copyChangesValues(CD))
      return true;
  for (const clang::CXXMethodDecl *MD : RD->methods())
    if (copyChangesValues(MD))
      return true;
  return false;
}

bool adgen::copiesFields(const clang::CXXMethodDecl *MD, const clang::ASTContext &Ctx) {
  if (MD->isTrivial())
    return true;
  const auto *CD = dyn_cast<clang::CXXConstructorDecl>(MD);
  bool Copy = CD ? CD->isCopyOrMoveConstructor()
                 : MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator();
  if (!Copy || MD->isDeleted() || copyChangesValues(MD))
    return false; // (implicit ones copy each field, with the fields' copies)
  return userCopyProblem(MD->getParent(), Ctx).empty() &&
         (MD->getParent()->isTriviallyCopyable() || [&] {
           // Every field must copy as bytes too.
           for (const clang::FieldDecl *F : MD->getParent()->fields()) {
             clang::QualType FT = Ctx.getBaseElementType(F->getType());
             if (const auto *FRD = FT->getAsCXXRecordDecl();
                 FRD && !FT.isTriviallyCopyableType(Ctx) &&
                 (!userCopyProblem(FRD, Ctx).empty() || copiesChangeValues(FRD)))
               return false;
           }
           return true;
         }());
}
