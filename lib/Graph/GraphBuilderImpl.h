//===- Graph/GraphBuilderImpl.h - The graph builder's state -----*- C++ -*-===//
///
/// \file
/// Private to the Graph stage: the builder's class, shared by the files that
/// implement it (GraphBuilder.cpp: statements, scalar expressions and calls;
/// StructsAndContainers.cpp: structs, std::vector/std::array, member
/// functions; Lambdas.cpp: lambdas called in place; Printing.cpp: printf
/// and std::cout).
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_GRAPHBUILDERIMPL_H
#define ADGEN_GRAPH_GRAPHBUILDERIMPL_H

#include "Graph/GraphBuilder.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseSet.h"
#include <map>

namespace clang {
class OMPExecutableDirective;
class OMPClause;
} // namespace clang

namespace adgen {
using graph::Block;
using graph::Expr;
using graph::Function;
using graph::Loc;
using graph::Module;
using graph::Var;
using graph::VarKind;
using graph::Callee;
using graph::Op;
using graph::Stmt;
using graph::Type;

/// \p E without what only copies its value: parentheses, temporaries,
/// no-op casts, copy and move constructions.
const clang::Expr *stripCopies(const clang::Expr *E);

/// The arguments of std::vector constructor \p CE before its default and
/// allocator arguments, which adgen ignores (VectorCopies.cpp).
unsigned vectorConstructorArgs(const clang::CXXConstructExpr *CE);

/// A member function that returns its object by reference, `return *this;`
/// being its only kind of return (`Vec3 &operator+=(const Vec3 &)`).
bool returnsThis(const clang::CXXMethodDecl *MD);

/// A view: a struct of pointers to numbers and numbers only, with at least
/// one pointer and no bases (Views.cpp).
bool isViewType(clang::QualType QT);

/// The message that lists the standard algorithms and ranges adgen
/// recognises (IteratorRanges.cpp).
extern const char *const RecognisedAlgorithms;
/// The name of \p FD if it is a function of namespace std from the standard
/// library, else "".
std::string stdFunctionName(const clang::FunctionDecl *FD);
/// Iterator expression \p E without parentheses, implicit casts, temporaries
/// and copies; with \p Conversions also iterator -> const_iterator
/// conversions and functional casts (IteratorRanges.cpp).
const clang::Expr *bareIterator(const clang::Expr *E, bool Conversions);
/// `c.begin()` / `c.cbegin()` / `std::begin(c)` (for \p Begin) or the end
/// forms, or `c.data()` when \p Begin and \p Data: the container c, or null.
const clang::Expr *rangeContainer(const clang::Expr *E, bool Begin, bool Data);
/// `std::initializer_list<T>`, or a reference to one.
bool isInitializerListType(clang::QualType T);

/// \p E tests whether a pointer is null (`p`, `!p`, `p != nullptr` as a
/// condition), also inside `&&`, `||` and `!` (NullPointers.cpp).
bool testsPointer(const clang::Expr *E, clang::ASTContext &Ctx);

/// Argument \p I of \p CE is passed to a reference to a pointer to numbers
/// (`const double *&p`), which the callee may move (PointerReferences.cpp).
bool passesPointerReference(const clang::CallExpr *CE, unsigned I);

/// What a `break` inside the current statement leaves.
enum class BreakTarget { Loop, Switch };

class GraphBuilder::Impl {
public:
  Impl(clang::ASTContext &Ctx, Module &M, Diagnoser &Diags, const CustomMap &Customs)
      : Ctx(Ctx), M(M), Diags(Diags), Customs(Customs) {}

  Function *build(const clang::FunctionDecl *FD);

private:
  // The traversal: Clang's ConstStmtVisitor dispatching to the methods
  // below by node class (BuildStatements.cpp, BuildExpressions.cpp).
  class StmtDispatch;
  class ExprDispatch;

  // Statements.
  bool stmt(const clang::Stmt *S);
  bool declStmt(const clang::DeclStmt *DS);
  bool varDecl(const clang::VarDecl *VD);
  bool referenceDecl(const clang::VarDecl *VD);
  bool arrayDecl(const clang::VarDecl *VD, Var *V);
  bool pointerDecl(const clang::VarDecl *VD, Var *V);
  bool ifStmt(const clang::IfStmt *S);
  bool forStmt(const clang::ForStmt *S);
  bool checkpointedLoop(const clang::CallExpr *Marker, const clang::Stmt *const *&It,
                        const clang::Stmt *const *End);
  bool whileStmt(const clang::WhileStmt *S);
  bool doStmt(const clang::DoStmt *S);
  bool switchStmt(const clang::SwitchStmt *S);
  /// \p S named in C++ terms for a message ("a string literal", or \p Kind
  /// and the source text: "expression 'x <=> y'"); ConstructNames.cpp.
  std::string constructName(const clang::Stmt *S, const char *Kind);
  /// The labels of a switch and the statements each starts (Switch.cpp).
  struct SwitchSection {
    std::vector<const graph::Expr *> Labels; // empty: default only
    bool IsDefault = false;
    std::vector<const clang::Stmt *> Body;
  };
  bool switchSections(const clang::CompoundStmt *CS, const graph::Type &SelT,
                      std::vector<SwitchSection> &Sections);
  bool sideEffect(const clang::Expr *E);
  bool assertStmt(const clang::Expr *E);
  bool blockOf(const clang::Stmt *S, Block &Out);
  // OpenMP (OpenMPDirectives.cpp).
  bool ompDirective(const clang::OMPExecutableDirective *D);
  bool ompAtomic(const clang::OMPExecutableDirective *D);
  bool ompClause(const clang::OMPClause *C, const clang::OMPExecutableDirective *D,
                 graph::OmpLoop &L);
  bool ompVars(llvm::ArrayRef<const clang::Expr *> Refs, std::vector<Var *> &Out,
               llvm::StringRef Clause);
  unsigned OmpDepth = 0;

  // Expressions; null after an error.
  const Expr *expr(const clang::Expr *E);
  const Expr *lvalue(const clang::Expr *E);
  const Expr *cast(const clang::CastExpr *CE);
  const Expr *unaryOp(const clang::UnaryOperator *UO);
  const Expr *binaryOp(const clang::BinaryOperator *BO);
  const Expr *assignment(const clang::BinaryOperator *BO);
  const Expr *increment(const clang::UnaryOperator *UO, bool ValueUsed = true);
  const Expr *assignInto(const clang::Expr *LHS, const clang::BinaryOperator *BO, const Expr *R);
  const Expr *conditional(const clang::ConditionalOperator *CO);
  const Expr *logical(const clang::BinaryOperator *BO);
  const Expr *callExpr(const clang::CallExpr *CE);
  const Expr *specialCall(const clang::CallExpr *CE, const Expr *Into, bool &Handled);
  const Expr *mathCall(const clang::CallExpr *CE, const clang::FunctionDecl *FD,
                       const Type &RT, bool &Handled);
  const Expr *declRef(const clang::DeclRefExpr *DRE);
  /// Builds \p E into a block of its own: the statements it needs and its
  /// value.
  bool exprInBlock(const clang::Expr *E, Block &Stmts, const Expr *&Value);
  /// The same for a condition that may declare a variable (\p CV, or null):
  /// its declaration first.
  bool condInBlock(const clang::VarDecl *CV, const clang::Expr *E, Block &Stmts,
                   const Expr *&Value);

  Callee *callee(const clang::FunctionDecl *FD, clang::SourceLocation Where);
  /// Reserves the names under which generated code calls \p C in F.
  void reserveNames(const Callee &C);
  Var *newVar(llvm::StringRef Name, Type Ty, VarKind Kind, clang::SourceLocation L);
  Var *temp(llvm::StringRef Base, Type Ty, clang::SourceLocation L);
  bool typeOf(clang::QualType QT, clang::SourceLocation L, Type &Out, llvm::StringRef What);
  /// The name generated code calls \p D by, "::ns::f" (graph::qualifiedName),
  /// or through its class for a static member, "::ns::Spring::h".
  std::string qualifiedName(const clang::NamedDecl *D);
  std::vector<std::string> namespacesOf(const clang::Decl *D);
  Loc loc(clang::SourceLocation L) { return Diags.loc(L); }
  void emit(Stmt *S) { Cur->push_back(S); }
  const Expr *fail(clang::SourceLocation L, const llvm::Twine &Msg) {
    Diags.error(L, Msg);
    return nullptr;
  }
  bool failStmt(clang::SourceLocation L, const llvm::Twine &Msg) {
    Diags.error(L, Msg);
    return false;
  }

  clang::ASTContext &Ctx;
  Module &M;
  Diagnoser &Diags;
  const CustomMap &Customs;
  llvm::DenseMap<const clang::FunctionDecl *, Function *> Built;
  llvm::DenseMap<const clang::FunctionDecl *, Callee *> Callees;
  llvm::DenseMap<const clang::Decl *, Var *> Vars;
  /// Local references: the lvalue each one names.
  llvm::DenseMap<const clang::Decl *, const Expr *> Aliases;

  /// A member function called on a parameter that holds no number
  /// (Type::Opaque): sets \p Handled; its value, or null after an error
  /// (Inactive.cpp).
  const Expr *inactiveMethod(const clang::CallExpr *CE, const clang::CXXMethodDecl *MD,
                             const clang::Expr *ObjectE, bool &Handled);
  /// Copies the non-constant indices of \p Target into locals (referenceDecl).
  const Expr *freezeIndices(const Expr *Target, llvm::StringRef Name, clang::SourceLocation L);
  /// std::reference_wrapper<T>: an alias (ReferenceWrappers.cpp).
  bool isReferenceWrapperDecl(const clang::VarDecl *VD);
  bool referenceWrapperDecl(const clang::VarDecl *VD);
  const clang::Expr *wrappedObject(const clang::Expr *E);
  const Expr *referenceWrapperMethod(const clang::CallExpr *CE, const clang::CXXMethodDecl *MD,
                                     const clang::Expr *ObjectE, bool &Handled);
  /// `double *p = &x;` of a scalar: p names x (ScalarPointers.cpp).
  const Expr *addressedScalar(const clang::Expr *E);
  const clang::Expr *pointerInit(const clang::VarDecl *VD);
  bool isScalarPointerDecl(const clang::VarDecl *VD);
  // Null pointers (NullPointers.cpp).
  /// `nullptr` (also NULL or 0) passed to a pointer parameter of type \p PT
  /// of a called function: the constant `nullptr`; null for other arguments.
  const Expr *nullArgument(const clang::Expr *A, const Type &PT);
  /// Whether pointer \p Ptr is null (\p IsNull) or not, as a bool: `if (p)`,
  /// `p != nullptr`, `!p`; null after an error.
  const Expr *pointerTest(const clang::Expr *Ptr, bool IsNull, clang::SourceLocation L);
  /// `p == nullptr`, `p != nullptr`, `nullptr != p` (sets \p Handled).
  const Expr *nullComparison(const clang::BinaryOperator *BO, bool &Handled);
  /// Binds pointer parameter \p PD of a function being inlined to \p Place:
  /// as a pointer moved within its array when the body moves it (sets
  /// \p Bound; PointerOffsets.cpp).
  bool bindMovedPointerParam(const clang::ParmVarDecl *PD, const Expr *Place,
                             clang::SourceLocation L, bool &Bound);
  /// A parameter `const double *&p` (a reference to a pointer) of a function
  /// being inlined, bound to the caller's pointer \p A: the same array and
  /// offset, so that moving p moves the caller's (sets \p Bound;
  /// PointerReferences.cpp).
  bool bindPointerRefParam(const clang::ParmVarDecl *PD, const clang::Expr *A, bool &Bound);
  /// A call of a function taking a reference to a pointer: inlined (sets
  /// \p Handled).
  const Expr *pointerRefCall(const clang::CallExpr *CE, const clang::FunctionDecl *FD,
                             bool &Handled);
  /// View pointer fields that hold the address of one scalar (`View v{&x,
  /// 1};`): the field's local and the scalar, which `*v.p` and `v.p[0]` name.
  llvm::DenseMap<const Var *, const Expr *> ScalarFields;
  /// The local of the view pointer field \p E names (`v.p`), or null.
  Var *viewFieldVar(const clang::Expr *E);
  /// `double *p = new double(x);`, `T *t = new T{x};`: a local named p
  /// that *p names; `delete p` ends nothing (NewScalars.cpp).
  bool isNewScalarDecl(const clang::VarDecl *VD);
  bool newScalarDecl(const clang::VarDecl *VD);
  bool deleteNewScalar(const clang::CXXDeleteExpr *DE, bool &Handled);
  /// `free(p)` of a scratch buffer p = (T *)malloc(...) (ScratchBuffers.cpp).
  bool freeStmt(const clang::CallExpr *CE, bool &Handled);
  llvm::DenseSet<const clang::Decl *> NewScalars;
  bool scalarPointerDecl(const clang::VarDecl *VD);
  /// `*p` (\p Index null) or `p[0]` of such a p: x (sets \p Handled).
  const Expr *scalarPointee(const clang::Expr *Ptr, const clang::Expr *Index, bool &Handled);
  /// Any other use of such a p: refused.
  const Expr *scalarPointerUse(const clang::DeclRefExpr *DRE);
  llvm::DenseMap<const clang::Decl *, const Expr *> ScalarPointers;
  /// Pointers to numbers that the function reseats: a base array and an
  /// integer offset local (PointerOffsets.cpp).
  struct OffsetPointer {
    Var *Base;
    Var *Off;
    Block *Home; // the block the pointer is declared in
  };
  void findReseatedPointers(const clang::Stmt *Body);
  Type offsetType();
  Var *offsetVar(const clang::VarDecl *VD, const Expr *Init);
  bool offsetPointerParam(const clang::ParmVarDecl *PD, Var *V);
  bool isOffsetPointerDecl(const clang::VarDecl *VD) {
    return VD->getType()->isPointerType() && Reseated.count(VD);
  }
  bool offsetPointerDecl(const clang::VarDecl *VD);
  /// \p P as an array and an offset into it (false if it is not one).
  bool splitPointer(const Expr *P, Var *&Base, const Expr *&Off);
  const OffsetPointer *offsetPointerOf(const clang::Expr *E);
  const Expr *offsetPointerValue(const OffsetPointer &P);
  /// `p[i]` of such a p (sets \p Handled).
  const Expr *offsetPointee(const clang::Expr *Ptr, const clang::Expr *Index, bool &Handled);
  /// `p + n`: folds into p's offset.
  const Expr *pointerArithmetic(const Expr *P, const Expr *N);
  /// `p < q`, `p - q` of pointers into one array.
  const Expr *pointerRelation(const clang::BinaryOperator *BO, const Expr *A, const Expr *B,
                              Op K);
  const Expr *offsetAssignment(const clang::BinaryOperator *BO, bool &Handled);
  const Expr *offsetIncrement(const clang::UnaryOperator *UO, bool ValueUsed, bool &Handled);
  llvm::DenseSet<const clang::Decl *> Reseated;
  /// Iterator locals into a tracked container (IteratorLocals.cpp): kept
  /// like moved pointers, as a base and an integer offset.
  bool isIteratorLocalDecl(const clang::VarDecl *VD);
  bool iteratorLocalDecl(const clang::VarDecl *VD);
  bool iteratorPosition(const clang::Expr *E, Var *&Base, const Expr *&Off);
  bool mentionsIteratorLocal(const clang::Expr *E);
  const Expr *iteratorExpr(const clang::Expr *E, bool ValueUsed);
  /// An operator applied to an iterator local (sets \p Handled).
  const Expr *iteratorUse(const clang::Expr *E, bool ValueUsed, bool &Handled);
  llvm::DenseMap<const clang::Decl *, OffsetPointer> IteratorLocals;
  /// `it->x`, `it->f()` of an iterator local: the element \p Base (the
  /// operand of `->`) points to (sets \p Handled).
  const Expr *iteratorArrow(const clang::Expr *Base, bool &Handled);
  /// Iterators passed to a function with a body (IteratorCalls.cpp): the
  /// call is inlined, each iterator parameter an iterator local into the
  /// argument's container (sets \p Handled).
  const Expr *iteratorCall(const clang::CallExpr *CE, const clang::FunctionDecl *FD,
                           bool &Handled);
  using SavedIterators = std::vector<std::pair<const clang::Decl *, OffsetPointer>>;
  /// Binds iterator parameter \p PD of a function being inlined to argument
  /// \p A (sets \p Bound); saves the entry it replaces. False after an error.
  bool bindIteratorParam(const clang::ParmVarDecl *PD, const clang::Expr *A,
                         SavedIterators &Saved, bool &Bound);
  void restoreIterators(SavedIterators &Saved);
  /// Functions being inlined by iteratorCall, to refuse recursion.
  std::vector<const clang::FunctionDecl *> IteratorCalls;
  llvm::DenseMap<const clang::Decl *, OffsetPointer> OffsetPointers;
  /// A local of a class type that holds no number (InactiveLocals.cpp).
  bool isInactiveLocalDecl(const clang::VarDecl *VD);
  bool inactiveLocalDecl(const clang::VarDecl *VD);
  // Structs and containers (StructsAndContainers.cpp).
  const Expr *memberExpr(const clang::MemberExpr *ME);
  const Expr *methodCall(const clang::CallExpr *CE);
  const Expr *containerMethod(const clang::CallExpr *CE, const clang::CXXMethodDecl *MD,
                              const clang::Expr *Object);
  const Expr *recordValue(const clang::Expr *E, const graph::Type &T);
  bool initInto(const Expr *Dst, const graph::Type &Ty, const clang::Expr *Init);
  // Constructors run in place (Constructors.cpp).
  /// Dst = S(args...): runs \p CE's constructor on \p Dst, as a function
  /// whose `*this` is Dst (its initialisers, then its body).
  bool constructInto(const Expr *Dst, const graph::Type &Ty,
                     const clang::CXXConstructExpr *CE);
  /// Binds the parameters of \p FD to \p Args as the body sees them: copies
  /// named Prefix_param, or aliases for references. Saves what it replaces
  /// into the two lists.
  bool bindParams(const clang::FunctionDecl *FD, llvm::ArrayRef<const clang::Expr *> Args,
                  llvm::StringRef Prefix,
                  std::vector<std::pair<const clang::Decl *, Var *>> &SavedVars,
                  std::vector<std::pair<const clang::Decl *, const Expr *>> &SavedAliases);
  // Functions returning a reference or pointer, inlined (Accessors.cpp).
  /// Whether a call of \p FD is inlined as an accessor: it returns a
  /// reference or pointer (not `*this`) and is not from a system header.
  bool isAccessor(const clang::FunctionDecl *FD);
  /// The location a call of accessor \p FD names; null after an error.
  const Expr *accessorCall(const clang::CallExpr *CE, const clang::FunctionDecl *FD,
                           const clang::Expr *ObjectE, bool ObjectByPointer,
                           llvm::ArrayRef<const clang::Expr *> ArgEs);
  /// The object of accessor \p Def as a location (a local holding a
  /// temporary), or null after an error (AccessorBodies.cpp).
  const Expr *callObject(const clang::Expr *ObjectE, bool ObjectByPointer, bool Writable);
  const Expr *accessorObject(const clang::Expr *ObjectE, bool ObjectByPointer,
                             const clang::FunctionDecl *Def, clang::SourceLocation L);
  /// \p Build, with `*this` naming the accessor's object (\p Obj, or the
  /// fields \p ObjView of a view; unchanged when \p HasObject is false)
  /// while \p Def is being inlined; an error it reports gets the note
  /// "while inlining the call to 'Name'". Its result, null after an error.
  const Expr *inAccessor(const clang::FunctionDecl *Def, llvm::StringRef Name, bool HasObject,
                         const Expr *Obj, const std::map<std::string, Var *> *ObjView,
                         clang::SourceLocation L, llvm::function_ref<const Expr *()> Build);
  /// An accessor whose body does more than `return <location>;`: inlined
  /// as statements, then the location (AccessorBodies.cpp).
  const Expr *accessorBody(const clang::CallExpr *CE, const clang::FunctionDecl *Def,
                           llvm::StringRef Name, const clang::Expr *ObjectE,
                           bool ObjectByPointer, llvm::ArrayRef<const clang::Expr *> ArgEs);
  /// Accessors being inlined, to refuse one that calls itself.
  std::vector<const clang::FunctionDecl *> Accessing;
  /// Constructors being run, to refuse one that constructs its own class.
  std::vector<const clang::CXXConstructorDecl *> Constructing;
  // Local arrays, std::arrays and std::vectors of a class with a
  // constructor (ObjectArrays.cpp).
  /// \p T holds elements that the default constructor builds.
  static bool isObjectArray(const graph::Type &T);
  /// Declares \p VD and runs the default constructor on each element.
  bool objectArrayDecl(const clang::VarDecl *VD, const graph::Type &T);
  void zeroInto(const Expr *Dst, const graph::Type &Ty, Loc L);
  bool recordOrContainerDecl(const clang::VarDecl *VD, Var *V);
  bool rangeFor(const clang::CXXForRangeStmt *S);
  bool copyWrittenValueStructs(Function &G);
  bool checkVectorSizes(Function &G);
  bool checkScalarDataFlow(Function &G);
  // Local std::vectors that change size (VectorGrowth.cpp).
  static bool isGrowth(llvm::StringRef Name);
  const Expr *vectorGrowth(const clang::CallExpr *CE, const Expr *Obj, llvm::StringRef Name,
                           unsigned First);
  const Expr *elementValue(const clang::Expr *A, Var *V);
  bool vectorDecl(const clang::VarDecl *VD, Var *V, const clang::Expr *Init, bool &Handled);
  bool checkVectorGrowth(Function &G);
  // Scratch buffers: new T[n], std::unique_ptr<T[]> (ScratchBuffers.cpp).
  bool isScratchBufferDecl(const clang::VarDecl *VD);
  bool scratchBufferDecl(const clang::VarDecl *VD);
  bool deleteStmt(const clang::CXXDeleteExpr *DE);
  const Expr *uniqueArrayMethod(const clang::CallExpr *CE, const clang::CXXMethodDecl *MD,
                                const clang::Expr *ObjectE);
  // Local structs with pointer fields (Views.cpp): one local per field.
  bool isViewDecl(const clang::VarDecl *VD);
  bool viewDecl(const clang::VarDecl *VD);
  /// `s.p` of a view: its field's local (sets \p Handled).
  const Expr *viewField(const clang::MemberExpr *ME, bool &Handled);
  const Expr *viewAsWhole(const clang::DeclRefExpr *DRE);
  /// A call of a function with a body that is passed a view: sets \p
  /// Handled and inlines the call, its view parameters bound to the fields
  /// of the caller's view.
  const Expr *viewCall(const clang::CallExpr *CE, const clang::FunctionDecl *FD,
                       bool &Handled);
  /// Binds parameter \p PD of a function inlined by viewCall to view \p A
  /// (sets \p Bound); saves the entry it replaces. False after an error.
  bool bindViewParam(const clang::ParmVarDecl *PD, const clang::Expr *A,
                     std::vector<std::pair<const clang::Decl *, std::map<std::string, Var *>>> &Saved,
                     bool &Bound);
  /// Functions being inlined by viewCall, to refuse recursion.
  std::vector<const clang::FunctionDecl *> ViewCalls;
  llvm::DenseMap<const clang::Decl *, std::map<std::string, Var *>> Views;
  /// The fields of the view \p ObjectE names (a view variable or parameter,
  /// or `*this` in a member function of a view being inlined), or null.
  const std::map<std::string, Var *> *viewObject(const clang::Expr *ObjectE);
  /// A member function called on a view (not an accessor): inlined with
  /// `this` naming the view's fields.
  const Expr *viewMethodCall(const clang::CallExpr *CE, const clang::FunctionDecl *FD,
                             const std::map<std::string, Var *> *Fields,
                             llvm::ArrayRef<const clang::Expr *> ArgEs);
  /// What `this->f` names in a member function of a view being inlined.
  const std::map<std::string, Var *> *SelfView = nullptr;
  /// `const_cast<double *>(p)`, `(double *)p` of a pointer to const.
  const Expr *castAwayConst(const clang::CastExpr *CE);
  /// The pointer locals of scratch buffers (`delete[]` may name them).
  llvm::DenseSet<Var *> ScratchBuffers;
  // &x of a scalar passed to a pointer parameter (ScalarAddress.cpp).
  /// Per scalar passed by address: the variable, and what to copy back into
  /// it after the call (null for a pointer to const).
  using CopyBacks = std::vector<std::pair<Var *, const Expr *>>;
  /// Sets \p Out to the argument for `&x` (x a scalar local or parameter):
  /// a one-element copy of x; leaves it null for other arguments. False
  /// after an error.
  bool scalarAddressArg(const clang::Expr *A, const Type &PT, const Expr *&Out,
                        CopyBacks &Back);
  bool checkScalarAddresses(const std::vector<const Expr *> &Args,
                            const std::vector<Type> &ParamTypes, const CopyBacks &Back,
                            clang::SourceLocation Where);
  void copyBack(const CopyBacks &Back, clang::SourceLocation Where);
  bool callArgs(const Callee &C, const clang::Expr *ObjectE, bool ObjectByPointer,
                const std::vector<const clang::Expr *> &ArgEs, std::vector<const Expr *> &Args,
                CopyBacks &Back);
  void copyAliasedArgs(const Callee &C, const clang::Expr *ObjectE,
                       const std::vector<const clang::Expr *> &ArgEs,
                       std::vector<const Expr *> &Args);
  // std::accumulate, std::inner_product, *std::max_element (Algorithms.cpp).
  bool isStdAlgorithm(const clang::CallExpr *CE);
  const Expr *stdAlgorithm(const clang::CallExpr *CE, bool Dereferenced);
  /// `*std::max_element(...)`: sets \p Handled when \p E is one.
  const Expr *dereferencedStdAlgorithm(const clang::Expr *E, bool &Handled);
  /// std::transform and std::for_each with a lambda (RangeAlgorithms.cpp).
  bool isRangeAlgorithm(const clang::CallExpr *CE);
  /// Builds one as the loop it means; a statement of its own.
  bool rangeAlgorithm(const clang::CallExpr *CE);
  struct LambdaInfo {
    const clang::LambdaExpr *Lambda = nullptr;
    /// Captures by copy: the captured variable and its copy.
    std::vector<std::pair<const clang::Decl *, Var *>> Copies;
  };
  /// A range of a standard algorithm (IteratorRanges.cpp): the memory it
  /// walks and the positions of its first element and past its last (null
  /// for 0; Last only for a range given by both ends).
  struct IterRange {
    const Expr *Base = nullptr;
    const Expr *First = nullptr;
    const Expr *Last = nullptr;
    bool AllowRecords = true;
  };
  /// Reads the range \p Begin .. \p End (\p End null for an output); false
  /// after an error.
  bool iteratorRange(const clang::CallExpr *CE, const clang::Expr *Begin,
                     const clang::Expr *End, IterRange &Out);
  /// The same for the construct \p What ("'std::accumulate'") at \p L.
  bool iteratorRange(const std::string &What, clang::SourceLocation L,
                     const clang::Expr *Begin, const clang::Expr *End, IterRange &Out);
  /// An end of a range that is an iterator local (`it`, `it + 2`): its
  /// container and position (sets \p Handled).
  bool iteratorLocalEnd(const clang::Expr *E, const Expr *&Base, const Expr *&At,
                        bool &Handled);
  // Vectors copied from a vector or a range (VectorCopies.cpp).
  /// `std::vector<double> w = v;`, `w(v)`, `w(first, last)` (sets \p
  /// Handled); allocator arguments are ignored.
  bool vectorCopyDecl(const clang::VarDecl *VD, Var *V, const clang::Expr *Init,
                      bool &Handled);
  /// `w = v`, `w.assign(first, last)` of a local std::vector w.
  const Expr *vectorCopyAssign(const clang::CallExpr *CE, Var *V, llvm::StringRef Name,
                               unsigned First);
  /// Sizes \p V to the length of \p R (declaring V when \p Declare, else
  /// resizing it) and copies R's elements into it.
  bool copyRangeInto(Var *V, IterRange &R, bool Declare, clang::SourceLocation L);
  /// The source vector \p E of a copy as a range (false after an error).
  bool vectorSource(const clang::Expr *E, Var *V, IterRange &R);
  /// The element of \p R that the loop over \p Lead reads at index \p K.
  const Expr *rangeElement(const IterRange &R, const IterRange &Lead, Var *K);
  /// Copies a range's bounds into locals named Base_first / Base_count, so
  /// that an operation that changes them does not change the loop.
  void pinRange(IterRange &R, llvm::StringRef Base, clang::SourceLocation L);
  const Expr *movedBy(const Expr *At, const clang::Expr *By, bool Minus);
  const Expr *toIndexType(const Expr *E, const Type &T);
  /// Emits `for (K = First; K < Last; ++K) Body` (First null: from 0).
  void countedLoop(Var *K, const Expr *First, const Expr *Last, Block Body,
                   clang::SourceLocation L);
  /// The operation a standard algorithm calls (AlgorithmOperations.cpp).
  struct AlgorithmOp {
    enum KindT { Lambda, Builtin, Function, Functor } Kind = Lambda;
    LambdaInfo Local;
    LambdaInfo *Info = nullptr;
    std::string Name;
    const clang::CXXMethodDecl *MD = nullptr; ///< a lambda's call operator
    const clang::FunctionDecl *FD = nullptr;  ///< the function or operator() called
    graph::Op Arith = graph::Op::Add; ///< std::plus<> and kin
    const Expr *Object = nullptr; ///< the object whose operator() is called
  };
  /// Reads \p OpE as the operation of std::\p Algo taking \p Arity
  /// elements; false after an error. \p Out must not move afterwards.
  bool algorithmOperation(const clang::Expr *OpE, llvm::StringRef Algo, unsigned Arity,
                          AlgorithmOp &Out);
  /// Calls \p Fn on \p Elems (lvalues): its result, or null (void; or after
  /// an error).
  const Expr *applyOperation(AlgorithmOp &Fn, llvm::ArrayRef<const Expr *> Elems,
                             clang::SourceLocation L);
  /// std::sort, std::reverse, std::fill, std::copy, std::iota, std::swap
  /// (MutatingAlgorithms.cpp): a statement of its own.
  bool isMutatingAlgorithm(const clang::CallExpr *CE);
  bool mutatingAlgorithm(const clang::CallExpr *CE);
  bool sortRange(const clang::CallExpr *CE, IterRange &A);
  bool reverseRange(const clang::CallExpr *CE, IterRange &A);
  bool countedRange(const clang::CallExpr *CE, IterRange &A);
  bool swapCall(const clang::CallExpr *CE);
  /// `a.fill(x)` of a std::array \p Obj: \p Obj, or null after an error.
  const Expr *fillContainer(const Expr *Obj, const clang::Expr *ValueE, clang::SourceLocation L);
  /// Dst = Src of one element (a struct field by field).
  void assignElement(const Expr *Dst, const Expr *Src, const Type &T, clang::SourceLocation L);
  /// Swaps the elements \p P and \p Q through a temporary.
  void swapPlaces(const Expr *P, const Expr *Q, const Type &T, clang::SourceLocation L);
  struct LoopBody;
  /// Another standard algorithm over iterators (std::sort, std::partial_sum).
  bool iteratorAlgorithm(const clang::CallExpr *CE);
  const Expr *refuseIteratorAlgorithm(const clang::CallExpr *CE);
  // std::pair, std::tuple, structured bindings (Tuples.cpp).
  bool tupleInto(const Expr *Dst, const clang::Expr *Init);
  const Expr *tupleValue(const clang::Expr *E, const Expr *Into);
  const Expr *tupleExpr(const clang::Expr *E, bool &Handled);
  const Expr *tupleCall(const clang::CallExpr *CE, const Expr *Into, bool &Handled);
  bool decomposition(const clang::DecompositionDecl *DD);
  // std::max({...}), std::min({...}), range-for over {...} (InitializerLists.cpp).
  bool isInitializerListCall(const clang::CallExpr *CE);
  const Expr *initializerListCall(const clang::CallExpr *CE);
  /// A range that is a braced list: a local array holding it (Handled),
  /// the variable \p Named when one holds the list (`auto &&r = {a, b};`).
  const Expr *initializerListArray(const clang::Expr *Range, bool &Handled,
                                   const clang::VarDecl *Named = nullptr);
  // printf, std::cout << ... (Printing.cpp).
  bool isPrinting(const clang::CallExpr *CE);
  /// Builds a printing call used as a statement.
  bool printStmt(const clang::CallExpr *CE);
  const Expr *printedValue(const clang::Expr *A, bool Stream);
  const Expr *printedText(std::string Text);
  // std::complex as real arithmetic (Complex.cpp, ComplexMath.cpp).
  struct ComplexParts {
    const Expr *Re = nullptr;
    const Expr *Im = nullptr; ///< null for a real value
  };
  bool isComplexLibraryCall(const clang::CallExpr *CE);
  /// A complex value built in place (a constructor, a conversion, a braced
  /// list): sets \p Handled and returns it in a temporary.
  const Expr *complexExpr(const clang::Expr *E, bool &Handled);
  bool complexParts(const clang::Expr *E, const graph::Type &PartT, ComplexParts &Out);
  bool complexInto(const Expr *Dst, const clang::Expr *Init);
  const Expr *complexValue(const clang::Expr *E, const Expr *Into);
  /// A library call on complex values: sets \p IsParts and \p Out for a
  /// complex result, else returns a number, the object an assignment wrote,
  /// or null (a setter; or after an error).
  const Expr *complexCall(const clang::CallExpr *CE, ComplexParts &Out, bool &IsParts);
  /// The same as a value, in \p Into or a temporary.
  const Expr *complexCallExpr(const clang::CallExpr *CE, const Expr *Into);
  const Expr *cplxBind(const Expr *E, llvm::StringRef Name, clang::SourceLocation L);
  const Expr *cplxStore(const Expr *Dst, ComplexParts P, clang::SourceLocation L);
  // Lambdas defined and called in place (Lambdas.cpp).
  llvm::DenseMap<const clang::Decl *, LambdaInfo> Lambdas;
  bool lambdaCaptures(const clang::LambdaExpr *LE, llvm::StringRef Name, LambdaInfo &Info);
  bool lambdaDecl(const clang::VarDecl *VD);
  bool referenceInitCapture(const clang::VarDecl *VD, clang::SourceLocation L);
  const Expr *lambdaCall(const clang::CallExpr *CE, const clang::CXXMethodDecl *MD);
  /// The lambda \p Obj names (a lambda variable, or a lambda written in
  /// place, whose copies it makes into \p Local): sets \p Info and \p Name.
  bool lambdaOf(const clang::Expr *Obj, clang::SourceLocation L, LambdaInfo &Local,
                LambdaInfo *&Info, std::string &Name);
  /// Builds \p MD's body in place with its parameters bound to \p ArgEs,
  /// or, when \p Elems is not empty, to those lvalues (the elements a range
  /// algorithm hands it). Its result, or null (void; or after an error).
  /// \p AsFunction: \p MD is a function or member function, not a lambda;
  /// \p Location: it returns a reference or pointer, the result is that
  /// location itself (an accessor, AccessorBodies.cpp).
  const Expr *inlineLambda(LambdaInfo &Info, llvm::StringRef Name,
                           const clang::FunctionDecl *MD,
                           llvm::ArrayRef<const clang::Expr *> ArgEs,
                           llvm::ArrayRef<const Expr *> Elems, clang::SourceLocation CallLoc,
                           bool AsFunction = false, bool Location = false);
  /// A call of \p FD, whose signature names a type defined inside a
  /// function (LocalTypeDecls.h), inlined with `this` naming \p Obj (null:
  /// none), its parameters bound to \p ArgEs or the elements \p Elems.
  const Expr *inlineLocalTypeCall(const clang::FunctionDecl *FD, const Expr *Obj,
                                  llvm::ArrayRef<const clang::Expr *> ArgEs,
                                  llvm::ArrayRef<const Expr *> Elems, clang::SourceLocation L,
                                  bool Void);

  /// Where the next call's result goes (a struct being declared), or null.
  const Expr *ResultInto = nullptr;
  /// The object of the member function being built (`self`), or null.
  Var *Self = nullptr;
  /// What `*this` names: `self` in a member function, the object being
  /// built in a constructor run in place (Constructors.cpp); null outside.
  const Expr *SelfObj = nullptr;
  /// The member function being built returns `*this` by reference.
  bool ReturnsThis = false;
  unsigned LoopDepth = 0;

  Function *F = nullptr;
  Block *Cur = nullptr;
  std::vector<BreakTarget> Breaks;
  /// An inlined lambda with a `return` before its end (Lambdas.cpp): its
  /// body runs in `do { ... } while (false)`, each `return e;` being
  /// `result = e; break;`. Null Result: the lambda returns void.
  struct LambdaExit {
    Var *Result = nullptr;
    const clang::Stmt *Body = nullptr; ///< the lambda's body
  };
  const Expr *earlyReturnLambda(LambdaInfo &Info, llvm::StringRef Name,
                                const clang::FunctionDecl *MD,
                                llvm::ArrayRef<const clang::Expr *> ArgEs,
                                llvm::ArrayRef<const Expr *> Elems, clang::SourceLocation CallLoc);
  std::vector<LambdaExit> LambdaExits;
  /// A lambda's `return` inside a switch (which must then stay a chain of
  /// ifs, its break leaving the lambda's loop).
  bool SwitchReturns = false;
  bool lambdaReturn(const clang::ReturnStmt *RS);
  bool StatementContext = false;
  bool SwitchBreaks = false, SwitchContinues = false;
};

} // namespace adgen

#endif // ADGEN_GRAPH_GRAPHBUILDERIMPL_H
