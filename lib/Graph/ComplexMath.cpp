//===- Graph/ComplexMath.cpp - std::complex operators and functions -------===//
//
// The operators and <complex> functions of std::complex, as real arithmetic
// on the parts (see Complex.cpp for the design and the singular points).
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/DeclCXX.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

namespace {
bool isComplexT(clang::QualType QT, clang::QualType &Part) {
  QT = QT.getNonReferenceType();
  if (QT->isPointerType())
    QT = QT->getPointeeType();
  return complexOf(QT, Part);
}
} // namespace

const Expr *GraphBuilder::Impl::complexCall(const clang::CallExpr *CE,
                                            ComplexParts &Out, bool &IsParts) {
  using Parts = ComplexParts;
  IsParts = false;
  const clang::FunctionDecl *FD = CE->getDirectCallee();
  clang::SourceLocation L = CE->getBeginLoc();
  // The object of a member function, then the arguments.
  const clang::Expr *Obj = nullptr;
  std::vector<const clang::Expr *> Args(CE->arg_begin(), CE->arg_end());
  if (const auto *MC = dyn_cast<clang::CXXMemberCallExpr>(CE)) {
    Obj = MC->getImplicitObjectArgument();
  } else if (isa<clang::CXXOperatorCallExpr>(CE) && isa<clang::CXXMethodDecl>(FD) &&
             clang::cast<clang::CXXMethodDecl>(FD)->isInstance()) {
    Obj = Args.front();
    Args.erase(Args.begin());
  }
  // The part type the computation works in: the result's, else the first
  // complex operand's.
  clang::QualType PartQT;
  if (!isComplexT(CE->getType(), PartQT)) {
    bool Found = Obj && isComplexT(Obj->getType(), PartQT);
    for (const clang::Expr *A : Args)
      if (!Found)
        Found = isComplexT(A->getType(), PartQT);
  }
  graph::Type PT;
  if (!typeOf(PartQT, L, PT, "the parts of this std::complex"))
    return nullptr;
  if (!PT.isFloating())
    return fail(L, "std::complex of '" + PT.Spelling + "' is not supported; adgen "
                   "differentiates std::complex of float, double and long double");
  std::string Name = FD->isOverloadedOperator()
                         ? std::string("operator") +
                               clang::getOperatorSpelling(FD->getOverloadedOperator())
                         : FD->getNameAsString();
  auto parts = [&](const clang::Expr *A, Parts &P) { return complexParts(A, PT, P); };
  auto c = [&](double V) { return M.floatConst(V, PT); };
  graph::Type BoolT = graph::Type::scalar(ScalarKind::Bool, "bool");
  auto cmp = [&](Op K, const Expr *A, const Expr *B) { return M.binary(K, A, B, BoolT); };
  auto fn = [&](const char *F, const Expr *A) { return M.math(F, {A}, PT); };
  auto fn2 = [&](const char *F, const Expr *A, const Expr *B) { return M.math(F, {A, B}, PT); };
  auto bind = [&](const Expr *E, const char *N) { return cplxBind(E, N, L); };
  auto full = [&](Parts P) {
    if (!P.Im)
      P.Im = c(0);
    return P;
  };
  auto bindParts = [&](Parts P, const char *Re, const char *Im) {
    P.Re = bind(P.Re, Re);
    if (P.Im)
      P.Im = bind(P.Im, Im);
    return P;
  };
  auto isZero = [&](const Parts &P) {
    return M.binary(Op::And, cmp(Op::Eq, P.Re, c(0)), cmp(Op::Eq, P.Im, c(0)), BoolT);
  };
  // One number chosen by an if statement (not ?:): reverse mode then
  // evaluates the partials of the branch taken only, so hypot's 0/0 at
  // z = 0 never meets a zero adjoint.
  auto choose = [&](const Expr *Cond, const char *Base, const Expr *Then, const Expr *Else) {
    Var *V = temp(Base, PT, L);
    emit(M.decl(V, nullptr, loc(L)));
    emit(M.ifStmt(Cond, {M.assign(M.ref(V), Then, loc(L))}, {M.assign(M.ref(V), Else, loc(L))},
                  loc(L)));
    return M.ref(V);
  };
  // |z|: 0 at 0 with derivative 0 there.
  auto absOf = [&](Parts P) {
    return choose(isZero(P), "modulus", c(0), fn2("hypot", P.Re, P.Im));
  };
  // arg z = atan2(im, re); at 0, the same value with derivative 0.
  auto argOf = [&](Parts P) {
    const Expr *Still = fn2("atan2", fn2("copysign", c(0), P.Im), fn2("copysign", c(0), P.Re));
    return choose(isZero(P), "angle", Still, fn2("atan2", P.Im, P.Re));
  };
  auto add = [&](Parts A, Parts B, bool Sub) {
    Parts R;
    R.Re = Sub ? M.sub(A.Re, B.Re) : M.add(A.Re, B.Re);
    if (A.Im && B.Im)
      R.Im = Sub ? M.sub(A.Im, B.Im) : M.add(A.Im, B.Im);
    else
      R.Im = A.Im ? A.Im : B.Im ? (Sub ? M.neg(B.Im) : B.Im) : nullptr;
    return R;
  };
  auto mul = [&](Parts A, Parts B) {
    if (!A.Im || !B.Im) {
      Parts Z = A.Im ? A : B, R = A.Im ? B : A; // Z complex (or both real)
      const Expr *F = Z.Im ? bind(R.Re, "factor") : R.Re;
      return Parts{M.mul(Z.Re, F), Z.Im ? M.mul(Z.Im, F) : nullptr};
    }
    A = bindParts(A, "lhs_re", "lhs_im");
    B = bindParts(B, "rhs_re", "rhs_im");
    return Parts{M.sub(M.mul(A.Re, B.Re), M.mul(A.Im, B.Im)),
                 M.add(M.mul(A.Re, B.Im), M.mul(A.Im, B.Re))};
  };
  auto div = [&](Parts A, Parts B) {
    if (!B.Im) {
      const Expr *D = A.Im ? bind(B.Re, "divisor") : B.Re;
      return Parts{M.div(A.Re, D), A.Im ? M.div(A.Im, D) : nullptr};
    }
    A = bindParts(A, "lhs_re", "lhs_im");
    B = bindParts(B, "rhs_re", "rhs_im");
    const Expr *Den = bind(M.add(M.mul(B.Re, B.Re), M.mul(B.Im, B.Im)), "denominator");
    if (!A.Im)
      return Parts{M.div(M.mul(A.Re, B.Re), Den), M.neg(M.div(M.mul(A.Re, B.Im), Den))};
    return Parts{M.div(M.add(M.mul(A.Re, B.Re), M.mul(A.Im, B.Im)), Den),
                 M.div(M.sub(M.mul(A.Im, B.Re), M.mul(A.Re, B.Im)), Den)};
  };
  auto expOf = [&](Parts P) {
    P = full(P);
    const Expr *E = bind(fn("exp", P.Re), "exp_re");
    const Expr *Y = bind(P.Im, "exp_im");
    return Parts{M.mul(E, fn("cos", Y)), M.mul(E, fn("sin", Y))};
  };
  auto logOf = [&](Parts P) {
    P = bindParts(full(P), "log_re", "log_im");
    return Parts{fn("log", absOf(P)), argOf(P)};
  };
  // Statements under a condition: Then and Else each set the two parts.
  auto branch = [&](const Expr *Cond, const char *Base, auto &&Then, auto &&Else) {
    Var *Re = temp(std::string(Base) + "_re", PT, L);
    Var *Im = temp(std::string(Base) + "_im", PT, L);
    emit(M.decl(Re, nullptr, loc(L)));
    emit(M.decl(Im, nullptr, loc(L)));
    Block TB, EB;
    Block *Saved = Cur;
    Cur = &TB;
    Parts T = Then();
    emit(M.assign(M.ref(Re), T.Re, loc(L)));
    emit(M.assign(M.ref(Im), T.Im ? T.Im : c(0), loc(L)));
    Cur = &EB;
    Parts E = Else();
    emit(M.assign(M.ref(Re), E.Re, loc(L)));
    emit(M.assign(M.ref(Im), E.Im ? E.Im : c(0), loc(L)));
    Cur = Saved;
    emit(M.ifStmt(Cond, std::move(TB), std::move(EB), loc(L)));
    return Parts{M.ref(Re), M.ref(Im)};
  };
  // z^w for complex w: 0 at z = 0 (derivative 0 there), else exp(w log z).
  auto powComplex = [&](Parts Z, Parts W) {
    Z = bindParts(full(Z), "base_re", "base_im");
    return branch(isZero(Z), "power", [&] { return Parts{c(0), c(0)}; },
                  [&] { return expOf(mul(logOf(Z), W)); });
  };

  if (Name == "operator=" || Name == "operator+=" || Name == "operator-=" ||
      Name == "operator*=" || Name == "operator/=") {
    Parts R;
    if (!Obj || Args.size() != 1 || !parts(Args[0], R))
      return nullptr;
    const Expr *Dst = lvalue(Obj);
    if (!Dst)
      return nullptr;
    if (!Dst->Ty.Rec || !Dst->Ty.Rec->Complex || Dst->Ty.IsPointer)
      return fail(L, "this std::complex assignment is not supported");
    const Type &FT = Dst->Ty.Rec->Fields[0].Ty;
    Parts Cur{M.field(Dst, "re", FT), M.field(Dst, "im", FT)};
    if (Name == "operator+=" || Name == "operator-=")
      R = add(Cur, R, Name == "operator-=");
    else if (Name == "operator*=")
      R = mul(Cur, R);
    else if (Name == "operator/=")
      R = div(Cur, R);
    return cplxStore(Dst, full(R), L);
  }
  if (Name == "real" || Name == "imag") {
    bool Re = Name == "real";
    if (Obj && Args.size() == 1) { // z.real(v): sets a part
      const Expr *Dst = lvalue(Obj);
      const Expr *V = Dst ? expr(Args[0]) : nullptr;
      if (!V)
        return nullptr;
      const Type &FT = Dst->Ty.Rec->Fields[0].Ty;
      emit(M.assign(M.field(Dst, Re ? "re" : "im", FT),
                    V->Ty.Scalar == FT.Scalar ? V : M.cast(V, FT), loc(L)));
      return nullptr;
    }
    Parts P;
    if (!parts(Obj ? Obj : Args[0], P))
      return nullptr;
    return Re ? P.Re : full(P).Im;
  }
  std::vector<Parts> A(Args.size());
  for (size_t I = 0; I < Args.size(); ++I)
    if (!parts(Args[I], A[I]))
      return nullptr;
  auto result = [&](Parts P) {
    IsParts = true;
    Out = full(P);
    return nullptr;
  };
  if (Name == "operator==" || Name == "operator!=") {
    Parts X = full(A[0]), Y = full(A[1]);
    bool Eq = Name == "operator==";
    Op K = Eq ? Op::Eq : Op::Ne;
    return M.binary(Eq ? Op::And : Op::Or, cmp(K, X.Re, Y.Re), cmp(K, X.Im, Y.Im), BoolT);
  }
  if ((Name == "operator+" || Name == "operator-") && A.size() == 1) {
    if (Name == "operator+")
      return result(A[0]);
    return result(Parts{M.neg(A[0].Re), A[0].Im ? M.neg(A[0].Im) : nullptr});
  }
  if (A.size() == 2 && (Name == "operator+" || Name == "operator-"))
    return result(add(A[0], A[1], Name == "operator-"));
  if (A.size() == 2 && Name == "operator*")
    return result(mul(A[0], A[1]));
  if (A.size() == 2 && Name == "operator/")
    return result(div(A[0], A[1]));
  if (A.size() == 1) {
    Parts P = full(A[0]);
    if (Name == "abs")
      return absOf(bindParts(P, "abs_re", "abs_im"));
    if (Name == "arg")
      return argOf(bindParts(P, "arg_re", "arg_im"));
    if (Name == "norm") {
      P = bindParts(P, "norm_re", "norm_im");
      return M.add(M.mul(P.Re, P.Re), M.mul(P.Im, P.Im));
    }
    if (Name == "conj")
      return result(Parts{P.Re, M.neg(P.Im)});
    if (Name == "polar")
      return result(Parts{P.Re, c(0)});
    if (Name == "exp")
      return result(expOf(P));
    if (Name == "log")
      return result(logOf(P));
    if (Name == "sin" || Name == "cos" || Name == "sinh" || Name == "cosh") {
      P = bindParts(P, "arg_re", "arg_im");
      const Expr *X = P.Re, *Y = P.Im;
      if (Name == "sin")
        return result(Parts{M.mul(fn("sin", X), fn("cosh", Y)), M.mul(fn("cos", X), fn("sinh", Y))});
      if (Name == "cos")
        return result(
            Parts{M.mul(fn("cos", X), fn("cosh", Y)), M.neg(M.mul(fn("sin", X), fn("sinh", Y)))});
      if (Name == "sinh")
        return result(Parts{M.mul(fn("sinh", X), fn("cos", Y)), M.mul(fn("cosh", X), fn("sin", Y))});
      return result(Parts{M.mul(fn("cosh", X), fn("cos", Y)), M.mul(fn("sinh", X), fn("sin", Y))});
    }
    if (Name == "sqrt") {
      // The library's formula, t = sqrt(2 (|z| + |x|)), with the sign of x
      // chosen by a branch so that each branch is smooth; sqrt(0) = 0 with
      // derivative 0 (it is infinite there).
      P = bindParts(P, "sqrt_re", "sqrt_im");
      const Expr *X = P.Re, *Y = P.Im;
      return result(branch(isZero(P), "sqrt", [&] { return Parts{c(0), fn2("copysign", c(0), Y)}; }, [&] {
        const Expr *R = bind(fn2("hypot", X, Y), "modulus");
        return branch(cmp(Op::Gt, X, c(0)), "root",
                      [&] {
                        const Expr *T = bind(fn("sqrt", M.mul(c(2), M.add(R, X))), "t");
                        return Parts{M.div(T, c(2)), M.div(Y, T)};
                      },
                      [&] {
                        const Expr *T = bind(fn("sqrt", M.mul(c(2), M.sub(R, X))), "t");
                        const Expr *U = M.div(T, c(2));
                        return Parts{M.div(fn("fabs", Y), T),
                                     M.select(cmp(Op::Lt, Y, c(0)), M.neg(U), U)};
                      });
      }));
    }
  }
  if (A.size() == 2 && Name == "polar") {
    const Expr *Rho = bind(A[0].Re, "rho"), *Theta = bind(A[1].Re, "theta");
    return result(Parts{M.mul(Rho, fn("cos", Theta)), M.mul(Rho, fn("sin", Theta))});
  }
  if (A.size() == 2 && Name == "pow") {
    if (A[0].Im && !A[1].Im) {
      // z^p, p real: polar(|z|^p, p arg z); at z = 0 (p > 0), 0 with the
      // derivative of z^p there: 1 for p = 1, else 0.
      Parts Z = bindParts(A[0], "base_re", "base_im");
      const Expr *Pw = bind(A[1].Re, "exponent");
      const Expr *AtZero = M.binary(Op::And, isZero(Z), cmp(Op::Gt, Pw, c(0)), BoolT);
      return result(branch(
          AtZero, "power",
          [&] {
            const Expr *One = cmp(Op::Eq, Pw, c(1));
            return Parts{M.select(One, Z.Re, c(0)), M.select(One, Z.Im, c(0))};
          },
          [&] {
            const Expr *Mag = bind(fn2("pow", absOf(Z), Pw), "magnitude");
            const Expr *Ang = bind(M.mul(Pw, argOf(Z)), "angle");
            return Parts{M.mul(Mag, fn("cos", Ang)), M.mul(Mag, fn("sin", Ang))};
          }));
    }
    if (!A[0].Im && A[1].Im) {
      // x^w, x real: polar(x^re(w), im(w) log x) for x > 0.
      const Expr *X = bind(A[0].Re, "base");
      Parts W = bindParts(A[1], "exponent_re", "exponent_im");
      return result(branch(
          cmp(Op::Gt, X, c(0)), "power",
          [&] {
            const Expr *Mag = bind(fn2("pow", X, W.Re), "magnitude");
            const Expr *Ang = bind(M.mul(W.Im, fn("log", X)), "angle");
            return Parts{M.mul(Mag, fn("cos", Ang)), M.mul(Mag, fn("sin", Ang))};
          },
          [&] { return powComplex(Parts{X, c(0)}, W); }));
    }
    if (A[0].Im && A[1].Im)
      return result(powComplex(A[0], A[1]));
  }
  return fail(L, "'std::" + Name + "' of a std::complex is not supported in differentiated "
                 "code (supported: + - * / == != and their assignments, real, imag, abs, "
                 "arg, norm, conj, polar, exp, log, sqrt, pow, sin, cos, sinh, cosh)");
}

const Expr *GraphBuilder::Impl::complexCallExpr(const clang::CallExpr *CE, const Expr *Into) {
  ComplexParts P;
  bool IsParts = false;
  unsigned Before = Diags.errorCount();
  const Expr *R = complexCall(CE, P, IsParts);
  if (!IsParts || Diags.errorCount() != Before)
    return R;
  graph::Type T;
  if (!typeOf(CE->getType().getNonReferenceType(), CE->getBeginLoc(), T, "this value"))
    return nullptr;
  T.IsConst = T.IsReference = false;
  if (!Into || Into->Ty.Rec != T.Rec) {
    Var *Tmp = temp("cplx", T, CE->getBeginLoc());
    emit(M.decl(Tmp, nullptr, loc(CE->getBeginLoc())));
    Into = M.ref(Tmp);
  }
  return cplxStore(Into, P, CE->getBeginLoc());
}
