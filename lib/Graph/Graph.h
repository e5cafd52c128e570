//===- Graph/Graph.h - adgen's computation graph ------------------*- C++ -*-===//
///
/// \file
/// The one representation that the analyses and both transforms work on, and
/// that the emitter prints. It does not depend on Clang's classes.
///
/// A Function is a tree of structured statements (assignments, calls, if,
/// loops, early exits). Each assignment's right-hand side is a DAG of
/// elementary operations (Expr nodes) whose operand edges are the data flow
/// inside the statement; reads of variables (VarRef) and of memory (Load) are
/// its edges to earlier statements. Derivative code is built in the same
/// representation, so a transform's output can be transformed again.
///
/// \code
///   Module M;
///   Function &F = M.addFunction("sq");
///   Var *X = F.addVar("x", Type::scalar(ScalarKind::Double, "double"), VarKind::Param);
///   F.Params.push_back(X);
///   F.Body.push_back(M.ret(M.mul(M.ref(X), M.ref(X))));
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_GRAPH_H
#define ADGEN_GRAPH_GRAPH_H

#include "Graph/OpenMP.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace adgen::graph {

/// The scalar kinds adgen distinguishes. Only floating-point values carry
/// derivatives; every integer type and every enum is Int.
enum class ScalarKind : uint8_t { Bool, Int, Float, Double, LongDouble };

inline bool isFloating(ScalarKind K) {
  return K == ScalarKind::Float || K == ScalarKind::Double ||
         K == ScalarKind::LongDouble;
}

struct Record;

/// A private or protected member of a class. The generated functions are
/// free functions, outside the class, so they may not name it; the emitter
/// reaches it through a pointer to member that an explicit instantiation
/// hands out (see Emit/PrivateAccess.h and adgen/runtime.h). Empty for
/// public members.
struct MemberAccess {
  /// The member as the source would name it from outside, when the graph
  /// prints a static member or a call: "::ns::Spring::h".
  std::string Qualified;
  /// A readable identifier to build the accessor's name from: the classes
  /// and the member joined by '_' ("Spring_k_", "Outer_Inner_v").
  std::string Ident;
  /// The address expression, names fully qualified: "&::ns::Spring::k_".
  std::string Address;
  /// Its type, with the aliases of adgen/runtime.h:
  /// "MemberPointer<::ns::Spring, double>", "MemberPointer<::ns::Spring,
  /// double(double) const>", "Pointer<double>" for a static member.
  std::string PointerType;
  /// "private" or "protected", for the comment above the accessor.
  std::string Access;
  bool empty() const { return Address.empty(); }
};

/// The type of a value: a scalar, a struct, a pointer to either, a local
/// array of either, or a std::vector / std::array of either.
///
/// Structs, arrays and containers are all "memory": their parts are read and
/// written with Load (an element index, or a field name for a struct), so the
/// transforms treat `s.x`, `a[i]` and `v[i]` alike.
struct Type {
  ScalarKind Scalar = ScalarKind::Double;
  /// C++ spelling of the scalar ("double", "std::size_t", "Color").
  std::string Spelling = "double";
  bool IsPointer = false;     ///< pointer to Scalar (p[i] reads memory)
  bool PointeeConst = false;  ///< `const double *`
  bool IsReference = false;   ///< `double &` (a parameter only)
  bool IsConst = false;       ///< `const double` / `const double &`
  uint64_t ArraySize = 0;     ///< > 0: a local array `double a[ArraySize]`
  bool IsDual = false;        ///< adgen::Dual<Spelling> (generated code)
  /// A parameter of a type that holds no number (`const std::string &`):
  /// Spelling names it, it carries no derivative and is only passed along.
  bool Opaque = false;
  bool IsVector = false;      ///< std::vector<Spelling>
  uint64_t StdArray = 0;      ///< > 0: std::array<Spelling, StdArray>
  /// The struct the elements are (Spelling is its name); null for scalars.
  const Record *Rec = nullptr;

  static Type scalar(ScalarKind K, std::string Spelling) {
    Type T;
    T.Scalar = K;
    T.Spelling = std::move(Spelling);
    return T;
  }
  static Type pointerTo(ScalarKind K, std::string Spelling, bool Const) {
    Type T = scalar(K, std::move(Spelling));
    T.IsPointer = true;
    T.PointeeConst = Const;
    return T;
  }
  bool isFloating() const { return graph::isFloating(Scalar); }
  /// A non-const pointer or reference: a function can write through it.
  bool isWritable() const { return (IsPointer && !PointeeConst) || (IsReference && !IsConst); }
  /// Values of this type index memory: pointers and local arrays.
  bool isMemory() const {
    return IsPointer || ArraySize > 0 || Rec || IsVector || StdArray > 0;
  }
  /// A std::vector or std::array (or a pointer or reference to one).
  bool isContainer() const { return IsVector || StdArray > 0; }
  /// Storage a local variable of this type owns: an array, a struct or a
  /// container, as opposed to a pointer or reference into someone else's.
  bool isAggregate() const {
    return !IsPointer && !IsReference && (ArraySize > 0 || Rec || isContainer());
  }
  /// A value of this type carries derivatives directly (a float scalar).
  bool isFloatScalar() const { return isFloating() && !isMemory(); }
  /// The type of one element (for memory) or the value itself.
  Type element() const {
    Type T = scalar(Scalar, Spelling);
    T.Rec = Rec;
    return T;
  }
  /// C++ spelling of the whole type, e.g. "const double *".
  std::string str() const;
  /// C++ spelling of one element as a plain value: "double" for
  /// `const double *`, `double &` and `double`.
  std::string valueStr() const {
    Type S = element();
    S.IsConst = false;
    return S.str();
  }
};

/// A struct or class whose fields adgen can see: scalars, fixed-size arrays
/// of them, and nested structs. Fields that are integers carry no derivative.
struct Record {
  std::string Spelling; ///< qualified name, as generated code writes it
  struct Field {
    std::string Name;
    Type Ty; ///< a scalar, a struct, or an array of either (ArraySize)
    MemberAccess Private; ///< set for a private or protected field
  };
  std::vector<Field> Fields;
  /// False when `S{}` is not all zero or does not compile (a constructor,
  /// default member initialisers): generated code makes such objects with
  /// `adgen::zeroed<S>()`, never with a constructor of S.
  bool ZeroWhenValueInitialised = true;
  /// std::complex<T>: two fields, "re" and "im" (the standard guarantees
  /// the layout of T[2]). Generated code reads them with z.real() and
  /// z.imag() and writes them through adgen::re(z) and adgen::im(z)
  /// (adgen/runtime.h); the graph builder lowers every complex operation
  /// to real arithmetic on them (Graph/Complex.cpp).
  bool Complex = false;
  /// std::tuple: fields "0", "1", ..., read and written as std::get<I>(t).
  /// (A std::pair is an ordinary record of first and second.)
  bool Tuple = false;
  bool Pair = false; ///< std::pair: first and second
  const Field *field(llvm::StringRef Name) const {
    for (const Field &F : Fields)
      if (F.Name == Name)
        return &F;
    return nullptr;
  }
};

/// Where something came from in the user's source: an opaque location that
/// the driver can turn back into a diagnostic, and the line for comments.
struct Loc {
  uint64_t Raw = 0;
  unsigned Line = 0;
  /// The file of Line, as the compiler named it (for #line).
  std::string File;
};

enum class VarKind : uint8_t { Param, Local, Global };

/// A named storage location: a parameter, a local (scalar, pointer or
/// array), or a global the function reads.
struct Var {
  unsigned Id = 0;
  std::string Name; ///< unique within its function
  Type Ty;
  VarKind Kind = VarKind::Local;
  Loc Where;
  /// For a pointer local: the parameter or array it points into. Pointer
  /// locals never change which array they point into.
  Var *Root = nullptr;
  /// True for compiler-invented variables (temporaries, flags).
  bool Synthetic = false;
  /// A global that is a private or protected static data member.
  MemberAccess Private;
};

/// Elementary operations.
enum class Op : uint8_t {
  Const,   ///< literal, Text is its spelling
  VarRef,  ///< value of V (for memory: the address)
  Load,    ///< Ops[0][Ops[1]]: element of memory
  PtrAdd,  ///< Ops[0] + Ops[1]: pointer arithmetic
  AddrOf,  ///< &V (only in generated code)
  Deref,   ///< *V where V is a pointer used as a scalar (generated code)
  Neg, Add, Sub, Mul, Div, Rem,
  Lt, Le, Gt, Ge, Eq, Ne, And, Or, Not,
  BitAnd, BitOr, BitXor, Shl, Shr, BitNot,
  Cast,    ///< conversion to Ty
  Select,  ///< Ops[0] ? Ops[1] : Ops[2]
  Math,    ///< elementary function Text (exp, pow, fmax, ...) of Ops
  Pop,     ///< the tape's next value of type Ty (generated code)
  Call,    ///< a call whose value is used in place (generated code)
  Field,   ///< Ops[0].Text: a field of a Dual (generated code)
  FieldName, ///< the index of Load(s, FieldName) reading field Text of struct s
  Aggregate, ///< Ty{Ops...} (generated code)
};

/// A node of the expression DAG. Nodes are immutable once built and may be
/// shared between statements and functions.
struct Expr {
  Op K = Op::Const;
  Type Ty;
  std::vector<const Expr *> Ops;
  Var *V = nullptr;    ///< VarRef, AddrOf, Deref
  std::string Text;    ///< Const spelling, Math/Call function name

  bool isConst(double Value) const;
  /// True if evaluating this reads no variable and no memory.
  bool isConstant() const;
};

struct Stmt;
using Block = std::vector<Stmt *>;

enum class StmtKind : uint8_t {
  Decl,     ///< declaration of V, optionally with Value, or zeroed (`= {}`)
  Assign,   ///< Target = Value  (Target is VarRef, Load or Deref)
  AddAssign,///< Target += Value (generated code)
  Call,     ///< [Target =] Callee(Args...)
  If,       ///< if (Value) Then else Else
  Loop,     ///< see LoopKind
  Break,
  Continue,
  Return,   ///< return [Value]
  Push,     ///< tape.push(Value) (generated code)
  Comment,  ///< Text as a // comment (generated code)
  Scope,    ///< { Then } : a nested block (generated code)
  /// V.resize(Value): a local std::vector V gets Value elements (the
  /// elements it gains are zero, those it loses are gone). Graph/VectorGrowth.cpp
  /// lowers push_back, resize, clear, assign to it.
  Resize,
};

enum class LoopKind : uint8_t {
  For,     ///< Init; while (Value) { Body; Inc }   (Value may be null: forever)
  While,   ///< while (Value) Body
  DoWhile, ///< do Body while (Value)
};

/// Calls that only print (Graph/Printing.cpp): they read their arguments,
/// write nothing adgen tracks, and carry no derivative.
enum class PrintKind : uint8_t {
  None,
  Call,   ///< printf-like: Name(Args...)
  Stream, ///< Args[0] << Args[1] << ... (Args[0] names std::cout, ...)
};

/// A helper that generated code calls before it exists: helpers are
/// generated after their callers ask for them (Differentiator's queue), so a
/// call holds this slot, and the slot gets the function once it is made.
/// Forward over reverse differentiates the helper a call names through it.
struct HelperSlot {
  /// The qualified name calls print.
  std::string Qualified;
  /// The generated function, null until it is generated.
  struct Function *Fn = nullptr;
};

/// Information about a call target.
struct Callee {
  /// The name to print (qualified as needed).
  std::string Name;
  /// The graph of the callee when its body is visible, else null.
  struct Function *Body = nullptr;
  /// In generated code, the helper this call names (Name is its qualified
  /// name); null for calls of the user's functions.
  const HelperSlot *Helper = nullptr;
  /// Opaque identity of the callee's declaration, for the driver.
  const void *Decl = nullptr;
  /// Parameter types and names, and the result.
  std::vector<Type> ParamTypes;
  std::vector<std::string> ParamNames;
  bool ReturnsVoid = true;
  Type ReturnType;
  /// Qualified names of user-written derivatives marked ADGEN_CUSTOM
  /// (empty when there is none).
  std::string CustomFwd, CustomPullback;
  /// The namespaces the callee lives in, to place generated helpers.
  std::vector<std::string> Namespaces;
  /// Unqualified name, to name generated helpers.
  std::string BaseName;
  bool IsStatic = false;
  /// A member function that returns `*this` by reference (`operator+=`):
  /// void for the graph; the call's value is its object.
  bool ReturnsObject = false;
  /// A private or protected member function (printed calls of the callee
  /// itself go through it; calls of its generated helpers do not).
  MemberAccess Private;
  /// A call that only prints: copied as it is wherever f runs (forward
  /// mode, the forward sweep of reverse mode), never differentiated.
  PrintKind Print = PrintKind::None;
  Loc Where;
};

struct Stmt {
  StmtKind K;
  Loc Where;
  // Decl
  Var *V = nullptr;
  bool ZeroInit = false;
  // Assign / AddAssign / Call result / Return value / If+Loop condition / Push
  const Expr *Target = nullptr;
  const Expr *Value = nullptr;
  // Call
  Callee *Fn = nullptr;
  std::vector<const Expr *> Args;
  // If / Scope: Then, Else.   Loop: Init, Body, Inc
  LoopKind Loop = LoopKind::For;
  Block Then, Else;
  Block Init, Body, Inc;
  /// Loop: the snapshots of ADGEN_CHECKPOINT(snapshots) written before it
  /// (reverse mode checkpoints it), or null.
  const Expr *Snapshots = nullptr;
  std::string Text; ///< Comment; for loop: a pragma printed before it ("GCC unroll 3")
  /// For loop: an OpenMP `parallel for` (see Graph/OpenMP.h); else null.
  const OmpLoop *Omp = nullptr;
  /// Assign inside a parallel loop: `#pragma omp atomic` (s = s + e).
  bool OmpAtomic = false;
};

/// The namespace, inside the function's own, that holds the helpers adgen
/// generates (derivatives of callees, f_jacobian's drivers): not part of
/// the interface.
inline constexpr llvm::StringLiteral DetailNamespace = "adgen_detail";

/// The name generated code calls \p Name in \p Namespaces by: "::ns::f".
/// Anonymous namespaces ("") are left out: the generated file is the same
/// translation unit.
std::string qualifiedName(llvm::ArrayRef<std::string> Namespaces, llvm::StringRef Name);

/// A function of the graph: a source function, or generated code.
struct Function {
  std::string Name;
  /// The name as the user wrote the instance, template arguments included
  /// ("f<double>"); empty when it is Name. Public generated code's comments
  /// say which function they are of by it (shownName()).
  std::string DisplayName;
  /// Enclosing namespaces, outermost first ("" for an anonymous namespace).
  std::vector<std::string> Namespaces;
  bool IsStatic = false;
  bool IsInline = false; ///< generated code of an inline function is inline too
  std::vector<Var *> Params;
  bool ReturnsVoid = true;
  Type ReturnType;
  /// Spelling of the return type when it is not one of Type's forms
  /// (e.g. "adgen::Dual<double>"); empty otherwise.
  std::string ReturnSpelling;
  Block Body;
  Loc Where;
  /// One-paragraph comment printed above the function (generated code).
  std::string Doc;
  /// For f_jacobian and f_hessian: what their body drives (the emitter
  /// writes it, Emit/MatrixEmitter.h); Body is then empty. Null otherwise.
  const struct MatrixDriver *Matrix = nullptr;
  /// Opaque identity of the source declaration.
  const void *Decl = nullptr;

  std::deque<Var> Vars; ///< every variable, params included
  /// For generated code: the source function whose variables it also uses,
  /// so invented names avoid those too.
  const Function *NameParent = nullptr;
  /// For an instance method: its name (`reach` of `Arm::reach`), which
  /// generated drivers call on `self`; "(private)" when they cannot.
  std::string Method;
  /// Code adgen wrote (a derivative or helper), not the user's: forward
  /// mode over it (Hessians) treats every floating-point value as active.
  bool IsGenerated = false;
  /// Names that are not variables of this function but that its code uses:
  /// the functions it calls (the user's, helpers, custom derivatives), by
  /// their unqualified names. No variable is ever given one of them.
  llvm::StringSet<> Reserved;
  Var *addVar(std::string Name, Type Ty, VarKind Kind);
  /// Keeps \p N (or the last component of a qualified name) from ever
  /// naming a variable of this function or of the code generated from it.
  void reserve(llvm::StringRef N);
  /// Every name in use in the function, to invent fresh ones: its variables
  /// (in every scope, so one name is one variable everywhere in the
  /// function), reserved names, its own name, and the same of NameParent.
  bool nameTaken(llvm::StringRef N) const;
  /// A name based on \p Base that nothing in this function uses yet.
  std::string freshName(llvm::StringRef Base) const;
  std::string returnTypeStr() const;
  /// The name generated code calls it by: "::ns::f" (anonymous namespaces
  /// are left out: the generated file is the same translation unit).
  std::string qualifiedName() const;
  /// Whether it is a helper in DetailNamespace (innermost).
  const std::string &shownName() const { return DisplayName.empty() ? Name : DisplayName; }
  bool isDetail() const { return !Namespaces.empty() && Namespaces.back() == DetailNamespace; }
};

/// The body of f_jacobian or f_hessian: a driver that runs other generated
/// functions on seeded arrays, one column (or row) of the matrix per run,
/// or all columns in one vector sweep. The transforms (Jacobian.cpp,
/// Hessian.cpp) describe it; the emitter (Emit/MatrixEmitter.h) writes its
/// C++. Inputs and outputs flatten as Analysis/MatrixLayout.h says.
struct MatrixDriver {
  enum class Kind : uint8_t { Jacobian, Hessian };
  Kind K = Kind::Jacobian;
  /// f, whose parameters the driver shares and whose call it makes when
  /// the matrix is empty.
  const Function *Primal = nullptr;
  /// Per parameter of Primal: derivatives flow in / out (the request's
  /// activity pattern); Return: the return value is an output.
  std::vector<bool> Inputs, Outputs;
  bool Return = false;
  /// Per parameter: the C++ length of an active array ("" for the others).
  std::vector<std::string> Lengths;
  /// The generated functions it calls (null when it does not): f_jacobian
  /// runs Fwd (a column per run) or FwdVec (all columns in one sweep) and
  /// Pullback (a row per run), choosing at run time when it has both;
  /// f_hessian runs Fwd, forward mode over f's pullback, a column per run.
  const Function *Fwd = nullptr;
  const Function *FwdVec = nullptr;
  const Function *Pullback = nullptr;
  bool isActive(size_t I) const { return Inputs[I] || Outputs[I]; }
  /// The generated functions it calls, in the order above, without nulls.
  std::vector<const Function *> callees() const;
};

/// Owns every node. Transforms build their output in the same module.
class Module {
public:
  Function &addFunction(std::string Name);
  std::deque<Function> &functions() { return Functions; }
  Callee *addCallee(Callee C);
  /// A slot for a helper named \p Qualified, to be generated later.
  HelperSlot *addHelperSlot(std::string Qualified);

  // Expression builders (no folding beyond the obvious zero/one rules of
  // add/sub/mul, which keep generated code readable).
  const Expr *constant(std::string Spelling, Type Ty);
  const Expr *floatConst(double V, const Type &Ty);
  const Expr *intConst(long long V);
  const Expr *boolConst(bool V);
  const Expr *ref(Var *V);
  const Expr *load(const Expr *Base, const Expr *Index);
  /// Base.Name: field \p Name of a struct (an lvalue, like load).
  const Expr *field(const Expr *Base, const std::string &Name, Type FieldTy);
  /// &Place for any lvalue (`&a[i]` is a PtrAdd, `&v` an AddrOf of v).
  const Expr *addressOf(const Expr *Place);
  /// Ty{} : a zero value of a struct or container type.
  const Expr *zeroValue(Type Ty);
  /// The number of elements of container \p C (`v.size()`, or N).
  const Expr *sizeOf(const Expr *C);
  const Expr *ptrAdd(const Expr *Base, const Expr *Offset);
  const Expr *addrOf(Var *V);
  const Expr *deref(Var *V);
  const Expr *unary(Op K, const Expr *A, Type Ty);
  const Expr *binary(Op K, const Expr *A, const Expr *B, Type Ty);
  const Expr *neg(const Expr *A);
  const Expr *add(const Expr *A, const Expr *B);
  const Expr *sub(const Expr *A, const Expr *B);
  const Expr *mul(const Expr *A, const Expr *B);
  const Expr *div(const Expr *A, const Expr *B);
  const Expr *cast(const Expr *A, Type Ty);
  const Expr *select(const Expr *C, const Expr *A, const Expr *B);
  const Expr *math(std::string Name, std::vector<const Expr *> Args, Type Ty);
  const Expr *call(std::string Name, std::vector<const Expr *> Args, Type Ty);
  const Expr *pop(Type Ty);
  const Expr *make(Expr E);

  // Statement builders.
  Stmt *decl(Var *V, const Expr *Init = nullptr, Loc L = {});
  Stmt *assign(const Expr *Target, const Expr *Value, Loc L = {});
  Stmt *addAssign(const Expr *Target, const Expr *Value, Loc L = {});
  Stmt *callStmt(const Expr *Target, Callee *Fn, std::vector<const Expr *> Args, Loc L = {});
  Stmt *ifStmt(const Expr *Cond, Block Then, Block Else, Loc L = {});
  Stmt *loop(LoopKind K, Block Init, const Expr *Cond, Block Body, Block Inc, Loc L = {});
  Stmt *ret(const Expr *Value, Loc L = {});
  Stmt *brk(Loc L = {});
  Stmt *cont(Loc L = {});
  Stmt *push(const Expr *Value, Loc L = {});
  Stmt *comment(std::string Text, Loc L = {});
  Stmt *scope(Block Body, Loc L = {});
  Stmt *resize(Var *V, const Expr *Size, Loc L = {});
  Stmt *make(Stmt S);
  OmpLoop *ompLoop(OmpLoop L);
  MatrixDriver *matrixDriver(MatrixDriver D);

private:
  std::deque<Function> Functions;
  std::deque<Callee> Callees;
  std::deque<HelperSlot> HelperSlots;
  std::deque<Expr> Exprs;
  std::deque<Stmt> Stmts;
  std::deque<OmpLoop> OmpLoops;
  std::deque<MatrixDriver> MatrixDrivers;
};

/// Where later stages report errors. The driver implements it with clang
/// diagnostics, so messages point at the user's source.
class ErrorSink {
public:
  virtual ~ErrorSink() = default;
  virtual void error(Loc Where, const std::string &Message) = 0;
  virtual void note(Loc Where, const std::string &Message) = 0;
};

/// The short name of an operation, as --emit=graph and --emit=dot print it
/// ("mul", "load"; elementary functions and calls are "call").
const char *opName(Op K);

/// Prints \p F as the text of `adgen --emit=graph`: one line per statement,
/// each expression as numbered elementary operations with their operands.
void printGraph(const Function &F, llvm::raw_ostream &OS);

/// True if \p E reads field Text of a struct (a Load whose index is a
/// FieldName).
inline bool isFieldLoad(const Expr *E) {
  return E->K == Op::Load && E->Ops[1]->K == Op::FieldName;
}

/// Appends Dst = Src for every scalar inside struct (or array) \p Ty: the
/// graph copies structs field by field, so each copy is an ordinary
/// assignment that both transforms understand.
void copyFields(Module &M, const Expr *Dst, const Expr *Src, const Type &Ty, Block &Out,
                Loc L = {});

/// True if \p F, or a function it calls, has a variable that is a struct or a
/// std::vector / std::array (which Jacobians, Hessians and the vector forward
/// mode do not support yet).
bool usesAggregates(const Function &F);
/// True if \p F, or a function it calls, has a std::vector / std::array
/// variable (which f_hessian does not support yet; structs it does).
bool usesContainers(const Function &F);

/// A class with a constructor or default member initialisers of which \p F
/// changes the size of a local std::vector, or null: the elements it gains
/// would come from the user's default constructor, so derivatives could not
/// start at zero there. (Arrays and fixed-size vectors of it are made zero.)
const Record *valueInitialisedNonZero(const Function &F);

/// Calls \p Fn on every statement of \p B, depth first, parents first.
template <typename Fn> void forEachStmt(const Block &B, Fn &&F) {
  for (Stmt *S : B) {
    F(S);
    forEachStmt(S->Init, F);
    forEachStmt(S->Then, F);
    forEachStmt(S->Else, F);
    forEachStmt(S->Body, F);
    forEachStmt(S->Inc, F);
  }
}

/// True if \p A and \p B compute the same thing: the same node, or nodes
/// of the same kind, variable and text whose operands are the same (types
/// are not compared; one expression has one type).
bool sameExpr(const Expr *A, const Expr *B);

/// Calls \p Fn on every node of \p E, operands first.
template <typename Fn> void forEachExpr(const Expr *E, Fn &&F) {
  if (!E)
    return;
  for (const Expr *O : E->Ops)
    forEachExpr(O, F);
  F(E);
}

} // namespace adgen::graph

#endif // ADGEN_GRAPH_GRAPH_H
