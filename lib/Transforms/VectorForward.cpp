//===- Transforms/VectorForward.cpp - k tangent directions in one sweep ---===//
//
// f_fwd_vec carries k tangent directions through one run of f, so the primal
// work is shared: it is the forward transform's output with every tangent
// widened to k values. A tangent scalar d_v becomes a buffer d_v[k]; a
// tangent array element d_x[i] becomes d_x[i * k + j] (element-major); each
// statement that updates a tangent runs in a loop over the directions j.
//
//   R f_fwd_vec(p1..pn, d_p..., int k, R *d_ret)
//
// where each d_p holds k directions per element of p (a scalar's k values,
// an array's or container's len * k values) and d_ret receives the result's
// k tangents. A local container's tangent is a std::vector of its size * k
// (resized with it); a by-value parameter f overwrites gets a local copy of
// its k tangents. A call of g with derivatives calls g's vector helper,
// g_fwd_vec (generated on demand, like f_fwd's helpers): its tangent
// arguments are pointers to k values per element, the caller's own storage
// where the tangents lie together, else a buffer filled per direction.
// VectorForwardGates.cpp says where f_fwd_vec is not generated.
//
//===----------------------------------------------------------------------===//

#include "Transforms/TransformContext.h"
#include "Transforms/ShareCalls.h"
#include "llvm/ADT/DenseSet.h"
#include <algorithm>
#include <functional>
#include <map>
#include <optional>

using namespace adgen;
using namespace adgen::graph;

namespace {

class Widen {
public:
  Widen(Module &M, Function &G, const llvm::DenseSet<const Var *> &Tangents, Var *K)
      : M(M), G(G), Tangents(Tangents), K(K) {}

  /// Rewrites a block; hoists tangent declarations into Decls.
  Block block(const Block &B, Block &Decls) {
    Block Out;
    for (Stmt *S : B)
      stmt(S, Out, Decls);
    return Out;
  }

  /// A call of a vector helper: the callee and its pattern (the forward
  /// transform's arguments, then its tangents, one per active parameter).
  struct VecCall {
    Callee *C;
    ActivityPattern P;
    std::string Name; ///< the helper's qualified name
  };
  /// By the name the forward transform was given: the helper's name and a
  /// number, as instantiations of a template share their helpers' names.
  std::map<std::string, VecCall> Calls;
  /// Callees whose forward mode is the user's (ADGEN_CUSTOM), by its name.
  std::map<std::string, Callee *> Customs;
  /// A by-value parameter's k tangents, copied (f overwrites it).
  llvm::DenseMap<const Var *, Var *> Redirect;
  bool OK = true; ///< false: a call this cannot widen

  Var *Ret = nullptr; ///< d_ret parameter, for returns
  /// Tangent parameters of scalars: now pointers to k values.
  llvm::DenseSet<const Var *> ScalarParams;
  /// Tangent scalar locals, now std::vectors of k values.
  llvm::DenseSet<const Var *> WidenedScalars;

private:
  bool tangent(const Var *V) { return Tangents.count(V) > 0; }
  bool tangentMemory(const Expr *E) {
    while (E && (E->K == Op::PtrAdd || E->K == Op::Load)) {
      if (isFieldLoad(E)) // an array field lies inside one struct
        return false;
      E = E->Ops[0];
    }
    return E && E->V && tangent(E->V) && !ScalarParams.count(E->V) &&
           (E->V->Ty.isMemory() || E->V->Ty.IsVector);
  }
  const Expr *times(const Expr *E) {
    return M.binary(Op::Mul, E, M.ref(K), Type::scalar(ScalarKind::Int, "int"));
  }

  /// Does E mention a tangent (so its statement runs per direction)?
  bool mentions(const Expr *E) {
    bool Found = false;
    forEachExpr(E, [&](const Expr *N) { Found |= (N->V && tangent(N->V)) || callTangent(N); });
    return Found;
  }
  /// g_value.tangent... of a widened call: its k tangents.
  Var *callTangent(const Expr *E) {
    if (E->K != Op::Field || E->Text != "tangent" || !E->Ops[0]->V)
      return nullptr;
    return CallTangents.lookup(E->Ops[0]->V);
  }

  const Expr *expr(const Expr *E, Var *J) {
    switch (E->K) {
    case Op::VarRef:
      if (Var *P = Redirect.lookup(E->V)) // a reduction's k tangents: P[j]
        return M.load(M.ref(P), M.ref(J));
      if (tangent(E->V) && (!E->V->Ty.isMemory() || ScalarParams.count(E->V) ||
                            WidenedScalars.count(E->V)))
        return M.load(M.ref(E->V), M.ref(J)); // d_v -> d_v[j]
      return E;
    case Op::Load:
      // s.x of a widened struct s: s[j].x (the generic case below).
      if (!isFieldLoad(E) && tangentMemory(E->Ops[0]))
        return M.load(base(E->Ops[0]),
                      M.binary(Op::Add, times(E->Ops[1]), M.ref(J), Type::scalar(ScalarKind::Int, "int")));
      break;
    case Op::PtrAdd:
      if (tangentMemory(E))
        return base(E);
      break;
    case Op::Field: // the value and the k tangents of a widened call
      if (Var *T = callTangent(E))
        return M.load(M.ref(T), M.ref(J));
      if (E->Text == "value" && E->Ops[0]->V && CallTangents.count(E->Ops[0]->V))
        return M.ref(E->Ops[0]->V);
      break;
    default:
      break;
    }
    if (E->Ops.empty())
      return E;
    Expr C = *E;
    for (const Expr *&O : C.Ops)
      O = expr(O, J);
    return M.make(std::move(C));
  }

  /// A tangent pointer expression: offsets count elements of k directions.
  const Expr *base(const Expr *E) {
    if (E->K == Op::PtrAdd)
      return M.ptrAdd(base(E->Ops[0]), times(E->Ops[1]));
    return E;
  }

  /// for (int j = 0; j < k; ++j) Body (or j < Count)
  Stmt *perDirection(std::function<Block(Var *)> Body, Loc L, const Expr *Count = nullptr) {
    Var *J = G.addVar(G.freshName("dir"), Type::scalar(ScalarKind::Int, "int"), VarKind::Local);
    J->Synthetic = true;
    Type B = Type::scalar(ScalarKind::Bool, "bool");
    return M.loop(LoopKind::For, {M.decl(J, M.intConst(0))},
                  M.binary(Op::Lt, M.ref(J), Count ? Count : M.ref(K), B), Body(J),
                  {M.assign(M.ref(J), M.binary(Op::Add, M.ref(J), M.intConst(1), J->Ty))}, L);
  }

  void stmt(Stmt *S, Block &Out, Block &Decls) {
    switch (S->K) {
    case StmtKind::Decl: {
      Var *V = S->V;
      if (V->Ty.IsDual && S->Value && S->Value->K == Op::Call && Calls.count(S->Value->Text))
        return callDecl(S, Out, Decls);
      if (V->Ty.IsDual && S->Value && S->Value->K == Op::Call && Customs.count(S->Value->Text))
        return customDecl(S, Out, Decls);
      if (!tangent(V)) {
        Out.push_back(S);
        return;
      }
      if (V->Ty.IsPointer) { // d_row = d_X + i * d
        Stmt *D = M.decl(V, S->Value ? base(S->Value) : nullptr, S->Where);
        Out.push_back(D);
        return;
      }
      if (V->Ty.IsVector) { // a std::vector's: size * k, made where it is
        Out.push_back(M.decl(V, S->Value ? times(S->Value) : nullptr, S->Where));
        return;
      }
      // A tangent scalar, struct, array or std::array: a buffer of k values
      // per element, made once at the top; the declaration becomes its
      // initialisation.
      uint64_t N = V->Ty.ArraySize ? V->Ty.ArraySize : V->Ty.StdArray ? V->Ty.StdArray : 1;
      if (!V->Ty.ArraySize && !V->Ty.StdArray)
        WidenedScalars.insert(V);
      V->Ty.ArraySize = V->Ty.StdArray = 0;
      V->Ty.IsVector = true;
      Decls.push_back(M.decl(V, N == 1 ? static_cast<const Expr *>(M.ref(K))
                                       : times(M.intConst(N)),
                             S->Where));
      if (S->ZeroInit || N > 1) {
        // The std::vector starts zeroed; a declaration that runs again (in
        // a loop) zeroes it again.
        if (Loops)
          Out.push_back(perDirection(
              [&](Var *J) { return Block{M.assign(M.load(M.ref(V), M.ref(J)), zero(V->Ty))}; },
              S->Where, N == 1 ? M.ref(K) : times(M.intConst(N))));
        return;
      }
      const Expr *Init = S->Value;
      Out.push_back(perDirection(
          [&](Var *J) {
            return Block{M.assign(M.load(M.ref(V), M.ref(J)),
                                  Init ? expr(Init, J) : M.floatConst(0, V->Ty), S->Where)};
          },
          S->Where));
      return;
    }
    case StmtKind::Resize: // a std::vector's tangent: size * k
      if (tangent(S->V)) {
        Out.push_back(M.resize(S->V, times(S->Value), S->Where));
        return;
      }
      Out.push_back(S);
      return;
    case StmtKind::Call:
      if (!S->V && Calls.count(S->Fn->Name)) {
        Stmt C = *S;
        const VecCall &VC = Calls[S->Fn->Name];
        C.Args = callArgs(VC, S->Args, Out, Decls, S->Where);
        C.Fn = M.addCallee(*S->Fn);
        C.Fn->Name = VC.Name;
        Out.push_back(M.make(std::move(C)));
        copyBack(Out, S->Where);
        return;
      }
      Out.push_back(S);
      return;
    case StmtKind::Assign:
    case StmtKind::AddAssign:
      if (!mentions(S->Target) && !mentions(S->Value)) {
        Out.push_back(values(S));
        return;
      }
      Out.push_back(perDirection(
          [&](Var *J) {
            Stmt C = *S;
            C.Target = expr(S->Target, J);
            C.Value = expr(S->Value, J);
            return Block{M.make(std::move(C))};
          },
          S->Where));
      return;
    case StmtKind::If: {
      Stmt C = *values(S);
      C.Then = block(S->Then, Decls);
      C.Else = block(S->Else, Decls);
      Out.push_back(M.make(std::move(C)));
      return;
    }
    case StmtKind::Loop: {
      if (S->Omp)
        return parallelLoop(S, Out, Decls);
      Stmt C = *values(S);
      C.Text.clear(); // f_fwd's `#pragma GCC unroll`: the body now loops over k
      ++Loops;
      C.Init = block(S->Init, Decls);
      C.Body = block(S->Body, Decls);
      C.Inc = block(S->Inc, Decls);
      --Loops;
      Out.push_back(M.make(std::move(C)));
      return;
    }
    case StmtKind::Return:
      if (S->Value && S->Value->K == Op::Aggregate) {
        // return {value, tangent}: tangents to d_ret[j], the value returned.
        const Expr *V = S->Value->Ops[0], *T = S->Value->Ops[1];
        if (Ret)
          Out.push_back(perDirection(
              [&](Var *J) { return Block{M.assign(M.load(M.ref(Ret), M.ref(J)), expr(T, J))}; },
              S->Where));
        Out.push_back(M.ret(plain(V), S->Where));
        return;
      }
      Out.push_back(values(S));
      return;
    default:
      Out.push_back(S);
      return;
    }
  }

  const Expr *zero(const Type &T) {
    Type E = T.element();
    return E.Rec ? M.zeroValue(E) : M.floatConst(0, E);
  }

  /// \p E with g_value.value of widened calls read as g_value.
  const Expr *plain(const Expr *E) {
    if (!E || CallTangents.empty())
      return E;
    bool Found = false;
    forEachExpr(E, [&](const Expr *N) {
      Found |= N->K == Op::Field && N->Ops[0]->V && CallTangents.count(N->Ops[0]->V);
    });
    return Found ? expr(E, nullptr) : E; // no tangent in it: J is not read
  }
  Stmt *values(Stmt *S) {
    const Expr *T = plain(S->Target), *V = plain(S->Value);
    if (T == S->Target && V == S->Value)
      return S;
    Stmt C = *S;
    C.Target = T;
    C.Value = V;
    return M.make(std::move(C));
  }

  /// k values per element of the tangent \p T, as a pointer: where they
  /// lie together in memory (a widened variable, an element of tangent
  /// memory), else null.
  const Expr *kPointer(const Expr *T) {
    if (T->K == Op::VarRef) {
      if (Var *P = Redirect.lookup(T->V))
        return M.ptrAdd(M.ref(P), M.intConst(0));
      if (!tangent(T->V) || !(T->V->Ty.isMemory() || T->V->Ty.IsVector))
        return nullptr;
      return M.ptrAdd(M.ref(T->V), M.intConst(0));
    }
    if (T->K == Op::PtrAdd && tangentMemory(T))
      return base(T);
    if (T->K == Op::Load && !isFieldLoad(T) && tangentMemory(T->Ops[0]))
      return M.ptrAdd(base(T->Ops[0]), times(T->Ops[1]));
    return nullptr;
  }

  /// `d_<param>`: a buffer of the k tangents of \p T, a computed tangent
  /// or a field's, filled per direction, passed for parameter \p PT.
  Var *directionBuffer(const std::string &Param, const Type &PT, const Expr *T, Block &Out,
                       Block &Decls, Loc L) {
    Type BT = PT.element();
    BT.IsReference = BT.IsConst = false;
    BT.IsVector = true;
    Var *Buf = G.addVar(G.freshName("d_" + Param), BT, VarKind::Local);
    Buf->Synthetic = true;
    Decls.push_back(M.decl(Buf, M.ref(K), L));
    Out.push_back(perDirection(
        [&](Var *J) { return Block{M.assign(M.load(M.ref(Buf), M.ref(J)), expr(T, J), L)}; }, L));
    return Buf;
  }

  /// The arguments of a vector helper: \p Args (f's, then a tangent per
  /// active parameter) with each tangent as k values per element, then k
  /// (and the result's tangents, added by the caller). A computed tangent
  /// goes through a buffer filled per direction.
  std::vector<const Expr *> callArgs(const VecCall &VC, const std::vector<const Expr *> &Args,
                                     Block &Out, Block &Decls, Loc L) {
    const Callee &C = *VC.C;
    size_t N = C.ParamTypes.size();
    std::vector<const Expr *> R(Args.begin(), Args.begin() + N);
    size_t A = N;
    for (size_t I = 0; I < N; ++I) {
      if (!VC.P.isActive(I))
        continue;
      const Expr *T = Args[A++];
      // In place only where the element types agree (a double passed to a
      // float parameter converts one value, not a pointer).
      const Type &PT = C.ParamTypes[I];
      bool Same = T->Ty.Scalar == PT.Scalar &&
                  (T->Ty.Rec == PT.Rec || (T->Ty.Rec && PT.Rec && T->Ty.Rec->Spelling == PT.Rec->Spelling));
      if (const Expr *Ptr = Same ? kPointer(T) : nullptr) {
        R.push_back(Ptr);
        continue;
      }
      if (PT.IsReference && !PT.IsConst && !PT.IsPointer && !PT.ArraySize && !PT.isContainer()) {
        // A struct's field by `double&` or `S&` (`g(s.x)`): its k tangents into a
        // buffer for the call and back after it (the gate has checked that
        // no other argument reaches the same variable).
        Var *Buf = directionBuffer(C.ParamNames[I], PT, T, Out, Decls, L);
        After.push_back({T, Buf});
        R.push_back(M.ptrAdd(M.ref(Buf), M.intConst(0)));
        continue;
      }
      uint64_t Len = 0;
      const Expr *Field = arrayFieldArgument(T, Len);
      if (Field && (PT.IsPointer || PT.ArraySize) && !PT.Rec && !PT.isContainer()) {
        // A whole array field (`h(s.q)`): its len * k tangents into a
        // buffer, element-major, for the call, and back after it.
        Type BT = PT.element();
        BT.IsVector = true;
        Var *Buf = G.addVar(G.freshName("d_" + C.ParamNames[I]), BT, VarKind::Local);
        Buf->Synthetic = true;
        Decls.push_back(M.decl(Buf, times(M.intConst(Len)), L));
        Out.push_back(perElement(Len, [&](Var *E, Var *J) {
          return M.assign(element(Buf, E, J), expr(M.load(Field, M.ref(E)), J), L);
        }, L));
        if (PT.isWritable())
          ArrayAfter.push_back({Field, Buf, Len});
        R.push_back(M.ptrAdd(M.ref(Buf), M.intConst(0)));
        continue;
      }
      if (C.ParamTypes[I].isWritable() || C.ParamTypes[I].IsPointer ||
          C.ParamTypes[I].isContainer() || C.ParamTypes[I].ArraySize) {
        OK = false; // VectorForwardGates.cpp keeps such calls out
        R.push_back(T);
        continue;
      }
      Var *Buf = directionBuffer(C.ParamNames[I], C.ParamTypes[I], T, Out, Decls, L);
      R.push_back(M.ptrAdd(M.ref(Buf), M.intConst(0)));
    }
    R.push_back(M.ref(K));
    return R;
  }

  /// The Dual \p R a call's result went into becomes `g_value`, its value,
  /// and gets `d_g_value`, the result's k tangents (declared in \p Decls).
  Var *resultTangents(Var *R, const std::string &Callee, Block &Decls, Loc L) {
    R->Ty.IsDual = false;
    R->Name = G.freshName(Callee + "_value");
    Type TT = R->Ty;
    TT.IsVector = true;
    Var *T = G.addVar(G.freshName("d_" + R->Name), TT, VarKind::Local);
    T->Synthetic = true;
    Decls.push_back(M.decl(T, M.ref(K), L));
    CallTangents[R] = T;
    return T;
  }

  /// `Dual g_dual = g_fwd(...)`: `R g_value = g_fwd_vec(..., k,
  /// d_g_value)`, d_g_value the result's k tangents (g_dual.tangent reads
  /// d_g_value[j], g_dual.value g_value).
  void callDecl(Stmt *S, Block &Out, Block &Decls) {
    const VecCall &VC = Calls[S->Value->Text];
    Var *R = S->V;
    Var *T = resultTangents(R, VC.C->BaseName, Decls, S->Where);
    std::vector<const Expr *> Args = callArgs(VC, S->Value->Ops, Out, Decls, S->Where);
    Args.push_back(M.ptrAdd(M.ref(T), M.intConst(0)));
    Out.push_back(M.decl(R, M.call(VC.Name, Args, R->Ty), S->Where));
    copyBack(Out, S->Where);
  }

  /// `Dual g_dual = g_fwd(a..., d_a...)`, g_fwd the user's (ADGEN_CUSTOM),
  /// one direction at a time: `R g_value = g(a...);` for the value, then
  /// `d_g_value[j] = g_fwd(a..., d_a[j]...).tangent` per direction (the
  /// gate admits only callees that take numbers by value or const& and
  /// write nothing, so running g_fwd k times has no effect but its result).
  void customDecl(Stmt *S, Block &Out, Block &Decls) {
    Callee *C = Customs[S->Value->Text];
    Var *R = S->V;
    Type DualT = R->Ty;
    Var *T = resultTangents(R, C->BaseName, Decls, S->Where);
    const std::vector<const Expr *> &Ops = S->Value->Ops;
    size_t N = C->ParamTypes.size();
    std::vector<const Expr *> Primal;
    for (size_t I = 0; I < N; ++I)
      Primal.push_back(plain(Ops[I]));
    Out.push_back(M.decl(R, nullptr, S->Where));
    Out.push_back(M.callStmt(M.ref(R), C, Primal, S->Where));
    std::string Name = S->Value->Text;
    Out.push_back(perDirection(
        [&](Var *J) {
          std::vector<const Expr *> Args = Primal;
          for (size_t I = N; I < Ops.size(); ++I)
            Args.push_back(expr(Ops[I], J));
          Expr Tan;
          Tan.K = Op::Field;
          Tan.Ty = R->Ty;
          Tan.Text = "tangent";
          Tan.Ops = {M.call(Name, Args, DualT)};
          return Block{M.assign(M.load(M.ref(T), M.ref(J)), M.make(std::move(Tan)), S->Where)};
        },
        S->Where));
  }

  unsigned Loops = 0; ///< depth of loops around the statement
  /// Tangents callArgs copied into buffers (`double&` fields): copied back
  /// after the call.
  std::vector<std::pair<const Expr *, Var *>> After;
  struct ArrayCopy {
    const Expr *Field;
    Var *Buf;
    uint64_t Len;
  };
  std::vector<ArrayCopy> ArrayAfter;
  void copyBack(Block &Out, Loc L) {
    for (auto &[T, Buf] : After)
      Out.push_back(perDirection(
          [&](Var *J) { return Block{M.assign(expr(T, J), M.load(M.ref(Buf), M.ref(J)), L)}; }, L));
    After.clear();
    for (ArrayCopy &A : ArrayAfter)
      Out.push_back(perElement(A.Len, [&](Var *E, Var *J) {
        return M.assign(expr(M.load(A.Field, M.ref(E)), J), element(A.Buf, E, J), L);
      }, L));
    ArrayAfter.clear();
  }
  /// Buf[e * k + j].
  const Expr *element(Var *Buf, Var *E, Var *J) {
    return M.load(M.ref(Buf), M.binary(Op::Add, times(M.ref(E)), M.ref(J),
                                       Type::scalar(ScalarKind::Int, "int")));
  }
  /// for (int e = 0; e < N; ++e) for (int j = 0; j < k; ++j) Body
  Stmt *perElement(uint64_t N, std::function<Stmt *(Var *, Var *)> Body, Loc L) {
    Var *E = G.addVar(G.freshName("elem"), Type::scalar(ScalarKind::Int, "int"), VarKind::Local);
    E->Synthetic = true;
    Type B = Type::scalar(ScalarKind::Bool, "bool");
    return M.loop(LoopKind::For, {M.decl(E, M.intConst(0))},
                  M.binary(Op::Lt, M.ref(E), M.intConst((long long)N), B),
                  {perDirection([&](Var *J) { return Block{Body(E, J)}; }, L)},
                  {M.assign(M.ref(E), M.binary(Op::Add, M.ref(E), M.intConst(1), E->Ty))}, L);
  }

  /// A parallel loop (its tangent clauses from the forward transform). The
  /// k tangents of a scalar are a std::vector: as a private variable each
  /// thread needs a copy of the right size (firstprivate). A reduction's k
  /// tangents are summed by hand: an array-section reduction would put k
  /// values per thread on the stack, which a large k (f_jacobian's columns)
  /// overflows. So the loop becomes an `omp for` inside a `parallel` region
  /// whose threads each sum into their own vector d_s_part, then add it to
  /// d_s atomically.
  void parallelLoop(Stmt *S, Block &Out, Block &Decls) {
    OmpLoop L = *S->Omp;
    std::vector<Var *> Copied;
    auto copy = [&](Var *V) {
      if (V->Ty.IsVector && std::find(Copied.begin(), Copied.end(), V) == Copied.end())
        Copied.push_back(V);
    };
    for (std::vector<Var *> *List : {&L.Private, &L.FirstPrivate}) {
      for (Var *V : *List)
        copy(V);
      List->erase(std::remove_if(List->begin(), List->end(),
                                 [](Var *V) { return V->Ty.IsVector; }),
                  List->end());
    }
    Block Region, Merge;
    std::vector<Var *> Summed;
    for (OmpLoop::Reduction &R : L.Reductions) {
      for (Var *V : R.Vars) {
        if (!V->Ty.IsVector)
          continue;
        Var *P = G.addVar(G.freshName(V->Name + "_part"), V->Ty, VarKind::Local);
        P->Synthetic = true;
        Region.push_back(M.decl(P, M.ref(K), S->Where)); // k zeros
        Redirect[V] = P;
        Summed.push_back(V);
        Merge.push_back(perDirection(
            [&](Var *J) {
              Stmt *Add = M.addAssign(M.load(M.ref(V), M.ref(J)), M.load(M.ref(P), M.ref(J)));
              Add->OmpAtomic = true;
              return Block{Add};
            },
            S->Where));
      }
      R.Vars.erase(std::remove_if(R.Vars.begin(), R.Vars.end(),
                                  [](Var *V) { return V->Ty.IsVector; }),
                   R.Vars.end());
    }
    Stmt C = *S;
    ++Loops; // each iteration zeroes the tangents of aggregates it declares
    C.Init = block(S->Init, Decls);
    C.Body = block(S->Body, Decls);
    C.Inc = block(S->Inc, Decls);
    --Loops;
    for (Var *V : Summed)
      Redirect.erase(V);
    forEachStmt(S->Body, [&](Stmt *B) { // tangents declared in the body, now hoisted
      if (B->K == StmtKind::Decl && tangent(B->V))
        copy(B->V);
    });
    L.FirstPrivate.insert(L.FirstPrivate.end(), Copied.begin(), Copied.end());
    if (Summed.empty()) {
      C.Omp = M.ompLoop(std::move(L));
      Out.push_back(M.make(std::move(C)));
      return;
    }
    L.Kind = OmpLoop::Directive::For;
    C.Omp = M.ompLoop(std::move(L));
    Region.push_back(M.make(std::move(C)));
    Region.insert(Region.end(), Merge.begin(), Merge.end());
    Stmt *Scope = M.scope(std::move(Region), S->Where);
    OmpLoop Par;
    Par.Kind = OmpLoop::Directive::Parallel;
    Scope->Omp = M.ompLoop(std::move(Par));
    Out.push_back(Scope);
  }

  Module &M;
  Function &G;
  const llvm::DenseSet<const Var *> &Tangents;
  Var *K;
  llvm::DenseMap<const Var *, Var *> CallTangents; ///< g_value -> d_g_value
};

/// The context the forward transform runs in for f_fwd_vec: calls get the
/// callees' vector helpers, named now and requested once f_fwd_vec is made
/// (a call this cannot widen drops f_fwd_vec, and with it the requests).
class VectorContext : public TransformContext {
public:
  explicit VectorContext(TransformContext &D) : D(D) {}
  Module &module() override { return D.module(); }
  ErrorSink &errors() override { return D.errors(); }
  std::string forwardHelper(Callee &C, const ActivityPattern &P) override {
    std::string N = D.vectorForwardHelper(C, P, /*Request=*/false);
    if (N.empty()) { // no vector helpers here
      Failed = true;
      return C.BaseName + "_fwd_vec";
    }
    for (const auto &[Key, VC] : Calls)
      if (VC.C->Body == C.Body && VC.P == P)
        return Key;
    std::string Key = N + "#" + std::to_string(Calls.size());
    Calls[Key] = {&C, P, N};
    return Key;
  }
  std::pair<HelperSlot *, HelperSlot *> reverseHelpers(Callee &C,
                                                       const ActivityPattern &P) override {
    return D.reverseHelpers(C, P);
  }
  /// Requests the helpers the calls name.
  void request() {
    for (auto &[Name, VC] : Calls)
      D.vectorForwardHelper(*VC.C, VC.P, /*Request=*/true);
  }

  TransformContext &D;
  std::map<std::string, Widen::VecCall> Calls;
  bool Failed = false;
};

/// By-value parameters (numbers, structs) that f assigns: their k tangents
/// are the caller's, so f_fwd_vec works on a copy.
llvm::DenseSet<const Var *> assignedValueParams(const Function &F) {
  llvm::DenseSet<const Var *> Out;
  auto written = [&](const Expr *Root) {
    while (Root && (isFieldLoad(Root) || (Root->K == Op::Load && !Root->Ops[0]->Ty.IsPointer)))
      Root = Root->Ops[0];
    if (Root && Root->K == Op::VarRef && Root->V->Kind == VarKind::Param &&
        !Root->V->Ty.IsPointer && !Root->V->Ty.IsReference && !Root->V->Ty.isContainer())
      Out.insert(Root->V);
  };
  forEachStmt(F.Body, [&](Stmt *S) {
    if (S->K == StmtKind::Assign || S->K == StmtKind::AddAssign)
      written(S->Target);
    if (S->K != StmtKind::Call || S->V)
      return;
    written(S->Target);
    for (size_t I = 0; I < S->Args.size() && I < S->Fn->ParamTypes.size(); ++I)
      if (S->Fn->ParamTypes[I].isWritable())
        written(S->Args[I]);
  });
  return Out;
}

/// The k tangents of the locals in one allocation: a std::vector of them
/// all, each local a pointer into it (zeroed, as its own vector was). Not
/// where a parallel loop copies the locals' vectors per thread (firstprivate).
void packTangents(Module &M, Function &G, Block &Decls, const Block &Body) {
  bool Parallel = false;
  forEachStmt(Body, [&](Stmt *S) { Parallel |= S->Omp != nullptr; });
  if (Parallel || Decls.size() < 2)
    return;
  for (Stmt *D : Decls)
    if (D->K != StmtKind::Decl || !D->Value || D->V->Ty.Scalar != Decls[0]->V->Ty.Scalar ||
        D->V->Ty.Spelling != Decls[0]->V->Ty.Spelling)
      return;
  // Each size is k or N * k: offsets are multiples of k.
  auto times = [](const Expr *Size) -> std::optional<uint64_t> {
    if (Size->K == Op::VarRef)
      return 1;
    if (Size->K == Op::Mul && Size->Ops[0]->K == Op::Const)
      return std::stoull(Size->Ops[0]->Text);
    return std::nullopt;
  };
  for (Stmt *D : Decls)
    if (!times(D->Value))
      return;
  Var *K = const_cast<Var *>(Decls[0]->Value->K == Op::VarRef ? Decls[0]->Value->V
                                                               : Decls[0]->Value->Ops[1]->V);
  Type IntT = Type::scalar(ScalarKind::Int, "int");
  auto multiple = [&](uint64_t N) -> const Expr * {
    return N == 1 ? M.ref(K) : M.binary(Op::Mul, M.intConst(N), M.ref(K), IntT);
  };
  Var *Buf = G.addVar(G.freshName("tangents"), Decls[0]->V->Ty, VarKind::Local);
  Buf->Synthetic = true;
  uint64_t Off = 0;
  Block Out;
  for (Stmt *D : Decls) {
    Var *V = D->V;
    V->Ty = Type::pointerTo(V->Ty.Scalar, V->Ty.Spelling, false);
    Out.push_back(M.decl(V, M.ptrAdd(M.ref(Buf), Off ? multiple(Off) : M.intConst(0)), D->Where));
    Off += *times(D->Value);
  }
  Out.insert(Out.begin(), M.decl(Buf, multiple(Off), Decls[0]->Where));
  Decls = std::move(Out);
}

} // namespace

graph::Function *adgen::vectorForwardTransform(TransformContext &D, Function &F,
                                               const ActivityPattern &P, const std::string &Name,
                                               bool Internal) {
  if (!vectorForwardUnsupported(F, Internal).empty())
    return nullptr;
  VectorContext VC(D);
  Function *G = forwardTransform(VC, F, P, Name);
  if (!G || VC.Failed)
    return nullptr;
  Module &M = D.module();
  llvm::DenseSet<const Var *> Tangents;
  for (const Var &V : G->Vars)
    if (!V.Ty.IsDual) // a call's value and tangent (Widen::callDecl)
      Tangents.insert(&V);
  // Parameters: f's, then each tangent as k values per element, then k and
  // the result's tangents.
  std::vector<Var *> Params(G->Params.begin(), G->Params.begin() + F.Params.size());
  Var *K = G->addVar(G->freshName("k"), Type::scalar(ScalarKind::Int, "int"), VarKind::Param);
  Widen W(M, *G, Tangents, K);
  for (const auto &[N, Call] : VC.Calls)
    W.Calls[N] = Call;
  forEachStmt(F.Body, [&](Stmt *S) {
    if (S->K == StmtKind::Call && S->Fn && !S->Fn->CustomFwd.empty())
      W.Customs[S->Fn->CustomFwd] = S->Fn;
  });
  // The tangent parameter of each active parameter, in order.
  std::vector<const Var *> Primal;
  for (size_t I = 0; I < F.Params.size(); ++I)
    if (P.isActive(I))
      Primal.push_back(F.Params[I]);
  llvm::DenseSet<const Var *> Assigned = assignedValueParams(F);
  Block Copies;
  for (size_t I = F.Params.size(); I < G->Params.size(); ++I) {
    Var *T = G->Params[I];
    bool Writes = T->Ty.isWritable();
    if (T->Ty.isContainer()) {
      // A container's k tangents per element: a pointer, as for an array.
      Type PT = Type::pointerTo(T->Ty.Scalar, T->Ty.Spelling, !Writes);
      PT.Rec = T->Ty.Rec;
      T->Ty = PT;
    } else if (!T->Ty.IsPointer) {
      // A tangent scalar or struct parameter is k values: d_a[j].
      const Record *Rec = T->Ty.Rec;
      T->Ty = Type::pointerTo(T->Ty.Scalar, T->Ty.Spelling, !Writes);
      T->Ty.Rec = Rec;
      W.ScalarParams.insert(T);
      if (Assigned.count(Primal[I - F.Params.size()])) {
        // f overwrites the parameter: its tangents are a copy of the caller's.
        Type CT = T->Ty.element();
        CT.IsVector = true;
        Var *C = G->addVar(G->freshName(T->Name + "_copy"), CT, VarKind::Local);
        C->Synthetic = true;
        W.Redirect[T] = C;
        Copies.push_back(M.decl(C, M.ref(K), T->Where));
        Var *J = G->addVar(G->freshName("dir"), Type::scalar(ScalarKind::Int, "int"), VarKind::Local);
        J->Synthetic = true;
        Copies.push_back(M.loop(LoopKind::For, {M.decl(J, M.intConst(0))},
                                M.binary(Op::Lt, M.ref(J), M.ref(K), Type::scalar(ScalarKind::Bool, "bool")),
                                {M.assign(M.load(M.ref(C), M.ref(J)), M.load(M.ref(T), M.ref(J)))},
                                {M.assign(M.ref(J), M.binary(Op::Add, M.ref(J), M.intConst(1), J->Ty))}));
      }
    }
    Params.push_back(T);
  }
  Params.push_back(K);
  if (!F.ReturnsVoid && F.ReturnType.isFloating()) {
    Type RT = Type::pointerTo(F.ReturnType.Scalar, F.ReturnType.Spelling, false);
    RT.Rec = F.ReturnType.Rec;
    W.Ret = G->addVar(G->freshName("d_ret"), RT, VarKind::Param);
    Params.push_back(W.Ret);
    G->ReturnType = F.ReturnType;
  }
  // Scalar tangent parameters are now pointers: d_a -> d_a[j] as loads.
  Block Decls;
  Block Body = W.block(G->Body, Decls);
  if (!W.OK)
    return nullptr;
  VC.request();
  Block CopyLoops; // run first; their buffers are packed with the rest
  for (Stmt *S : Copies)
    (S->K == StmtKind::Decl ? Decls : CopyLoops).push_back(S);
  Body.insert(Body.begin(), CopyLoops.begin(), CopyLoops.end());
  G->Params = Params;
  packTangents(M, *G, Decls, Body);
  G->Body = std::move(Decls);
  G->Body.insert(G->Body.end(), Body.begin(), Body.end());
  shareRepeatedCalls(M, *G);
  return G;
}
