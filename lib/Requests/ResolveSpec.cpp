//===- Requests/ResolveSpec.cpp - A spec checked against the parameters ----===//
//
// Finder::request: a marker's (or a command-line option's) spec resolved
// against the function's parameters into a Request, with a located error
// for every name that is not a parameter, every type that cannot carry
// derivatives, and every missing length.
//
//===----------------------------------------------------------------------===//

#include "Graph/LambdaVariables.h"
#include "Requests/FinderImpl.h"
#include "Graph/UserCopies.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include <algorithm>

using namespace adgen;
using namespace adgen::requests;

namespace {
bool floating(const graph::Type &T) { return T.isFloating(); }
} // namespace

std::string requests::closest(llvm::StringRef Name, const std::vector<std::string> &Candidates) {
  unsigned Limit = std::max<unsigned>(1, Name.size() / 3), Best = Limit + 1;
  std::string Found;
  for (const std::string &C : Candidates) {
    if (C.empty() || C == Name)
      continue;
    unsigned D = Name.edit_distance(C, /*AllowReplacements=*/true, Limit);
    if (D < Best && D < std::max(C.size(), Name.size())) {
      Best = D;
      Found = C;
    }
  }
  return Found;
}

std::string requests::paramHint(llvm::StringRef Name, const std::vector<std::string> &Params,
                                const std::vector<std::string> &Fields) {
  bool HasSelf = std::find(Params.begin(), Params.end(), "self") != Params.end();
  if (Name == "this")
    return HasSelf ? "; specs name the object of a member function 'self'" : "";
  if (HasSelf && std::find(Fields.begin(), Fields.end(), Name) != Fields.end())
    return "; '" + Name.str() + "' is a field of the object: name 'self' to make the object "
           "active";
  std::string C = closest(Name, Params);
  return C.empty() ? "" : "; did you mean '" + C + "'?";
}

void Finder::err(clang::SourceLocation L, const llvm::Twine &Message) {
  Diags.error(L, Context + Message);
}

clang::SourceLocation Finder::specLoc(clang::SourceLocation AttrLoc, size_t Offset) {
  if (AttrLoc.isInvalid())
    return AttrLoc;
  const clang::SourceManager &SM = Ctx.getSourceManager();
  clang::SourceLocation L = SM.getExpansionLoc(AttrLoc);
  bool Invalid = false;
  const char *P = SM.getCharacterData(L, &Invalid);
  if (Invalid)
    return L;
  size_t I = 0;
  while (P[I] && P[I] != '(' && P[I] != '\n')
    ++I;
  if (P[I] != '(')
    return L;
  ++I;
  while (P[I] == ' ' || P[I] == '\t')
    ++I;
  if (P[I] != '"')
    return L;
  ++I;
  if (llvm::StringRef(P + I).starts_with("adgen.")) {
    while (P[I] && P[I] != ':' && P[I] != '"')
      ++I;
    ++I;
  }
  return L.getLocWithOffset(I + Offset);
}

Finder::Params Finder::paramsOf(const clang::FunctionDecl *FD, const clang::FunctionDecl *Named) {
  Params P;
  const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(FD);
  if (MD && MD->isInstance() && !lambdaVariable(MD)) { // a lambda variable's has no object
    P.Names.push_back("self");
    for (const clang::FieldDecl *F : MD->getParent()->fields())
      P.Fields.push_back(F->getNameAsString());
    clang::QualType ST = MD->getThisType()->getPointeeType();
    P.QTs.push_back(Ctx.getLValueReferenceType(ST));
  }
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    // Spec names are those of the declaration carrying the marker.
    P.Names.push_back(Named->getParamDecl(I)->getNameAsString());
    P.QTs.push_back(FD->getParamDecl(I)->getType());
  }
  size_t N = P.size();
  P.Types.resize(N);
  P.Mapped.resize(N);
  for (size_t I = 0; I < N; ++I)
    P.Mapped[I] = mapType(P.QTs[I], Ctx, P.Types[I]);
  graph::Type RT;
  P.ReturnsFloat = !FD->getReturnType()->isVoidType() &&
                   mapType(FD->getReturnType(), Ctx, RT) && RT.isFloating();
  return P;
}

int Finder::lookupParam(const Params &P, const SpecItem &It, bool AsOutput,
                        const clang::FunctionDecl *FD, clang::SourceLocation AttrLoc) {
  for (size_t I = 0; I < P.size(); ++I) {
    if (P.Names[I] != It.Name)
      continue;
    std::string T = P.QTs[I].getAsString(printingPolicy(Ctx));
    // A type adgen refuses says why (which field, what is wrong with it);
    // "carries no derivative" is for types it supports.
    std::string Why = P.Mapped[I] ? "" : unsupportedTypeReason(P.QTs[I], Ctx);
    if (!Why.empty()) {
      err(specLoc(AttrLoc, It.Offset), "parameter '" + It.Name + "' has type '" + T + "': " + Why);
      return -1;
    }
    if (P.Mapped[I] && P.Types[I].Rec && !floating(P.Types[I])) {
      err(specLoc(AttrLoc, It.Offset),
          "parameter '" + It.Name + "' has type '" + T +
              "', which carries no derivative: no field of '" + P.Types[I].Rec->Spelling +
              "' is floating-point");
      return -1;
    }
    if (!P.Mapped[I] || !floating(P.Types[I])) {
      err(specLoc(AttrLoc, It.Offset),
          "parameter '" + It.Name + "' has type '" + T +
              "', which carries no derivative; only floating-point "
              "parameters (and pointers, arrays and references to them) "
              "can be active");
      return -1;
    }
    if (AsOutput && !P.Types[I].isWritable()) {
      err(specLoc(AttrLoc, It.Offset),
          "output '" + It.Name + "' has type '" + T +
              "', which the function cannot write; an output must be "
              "a non-const pointer or reference");
      return -1;
    }
    return int(I);
  }
  err(specLoc(AttrLoc, It.Offset), "'" + It.Name + "' is not a parameter of '" +
                                       FD->getNameAsString() + "'" +
                                       paramHint(It.Name, P.Names, P.Fields));
  return -1;
}

bool Finder::checkLength(const Params &P, const SpecItem &It, const clang::FunctionDecl *FD,
                         clang::SourceLocation AttrLoc) {
  if (!It.Length)
    return true;
  bool OK = true;
  for (const std::string &Name : It.Length->Names) {
    bool Found = false;
    for (size_t I = 0; I < P.size(); ++I)
      if (P.Names[I] == Name) {
        Found = true;
        if (!P.QTs[I]->isIntegerType()) {
          err(specLoc(AttrLoc, It.Length->Offset),
              "length of '" + It.Name + "' uses '" + Name +
                  "', which is not an integer parameter");
          OK = false;
        }
      }
    if (!Found) {
      err(specLoc(AttrLoc, It.Length->Offset),
          "length of '" + It.Name + "' uses '" + Name + "', which is not a parameter of '" +
              FD->getNameAsString() + "'" + paramHint(Name, P.Names));
      OK = false;
    }
  }
  return OK;
}

bool Finder::resolveActivity(Request &R, const Params &P, const clang::FunctionDecl *FD,
                             clang::SourceLocation AttrLoc) {
  bool OK = true;
  // A class whose user-written copy changes values (Graph/ValueCopies.h)
  // lives inside differentiated code only: callers, f_jacobian and the
  // checker would make and copy its derivative objects through that copy.
  for (const clang::ParmVarDecl *PD : FD->parameters()) {
    clang::QualType T = PD->getType().getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    if (copiesChangeValues(T->getAsCXXRecordDecl())) {
      err(PD->getLocation(), "parameter '" + PD->getNameAsString() + "' has class '" +
                                 T.getUnqualifiedType().getAsString() + "', whose "
                                 "user-written copy changes values: adgen supports such "
                                 "classes inside the functions it differentiates, not as "
                                 "parameters of a marked function (the caller, f_jacobian "
                                 "and --emit=check would copy their derivative objects); "
                                 "pass the numbers instead");
      OK = false;
    }
  }
  if (const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(FD);
      MD && MD->isInstance() && copiesChangeValues(MD->getParent())) {
    err(FD->getLocation(), "'" + FD->getNameAsString() + "' is a member function of '" +
                               MD->getParent()->getNameAsString() + "', whose user-written "
                               "copy changes values: its object 'self' would be a parameter "
                               "of the generated functions; make it a free function of the "
                               "numbers instead");
    OK = false;
  }
  size_t N = P.size();
  R.Inputs.assign(N, false);
  R.Outputs.assign(N, false);
  if (R.S.Inputs) {
    for (const SpecItem &It : *R.S.Inputs) {
      if (!checkLength(P, It, FD, AttrLoc))
        OK = false;
      int I = lookupParam(P, It, false, FD, AttrLoc);
      if (I >= 0)
        R.Inputs[I] = true;
      else
        OK = false;
    }
  } else {
    for (size_t I = 0; I < N; ++I)
      R.Inputs[I] = P.Mapped[I] && floating(P.Types[I]);
  }
  if (R.S.Outputs) {
    for (const SpecItem &It : *R.S.Outputs) {
      if (!checkLength(P, It, FD, AttrLoc))
        OK = false;
      if (It.K == SpecItem::Kind::Return) {
        if (FD->getReturnType()->isVoidType()) {
          err(specLoc(AttrLoc, It.Offset),
              "'return' is an output, but '" + FD->getNameAsString() + "' returns void");
          OK = false;
        } else if (!P.ReturnsFloat) {
          err(specLoc(AttrLoc, It.Offset),
              "'return' is an output, but '" + FD->getNameAsString() +
                  "' does not return a floating-point value");
          OK = false;
        }
        R.ReturnIsOutput = true;
        continue;
      }
      int I = lookupParam(P, It, true, FD, AttrLoc);
      if (I >= 0)
        R.Outputs[I] = true;
      else
        OK = false;
    }
  } else if (!FD->getReturnType()->isVoidType()) {
    R.ReturnIsOutput = P.ReturnsFloat;
  } else {
    for (size_t I = 0; I < N; ++I)
      R.Outputs[I] = P.Mapped[I] && floating(P.Types[I]) && P.Types[I].isWritable();
  }
  return OK;
}

bool Finder::checkMatrixLengths(const Request &R, const Params &P,
                                clang::SourceLocation AttrLoc) {
  if (R.M != Mode::Jacobian && R.M != Mode::Hessian)
    return true;
  auto lengthOf = [&](const std::optional<std::vector<SpecItem>> &List,
                      llvm::StringRef Name) -> const SpecItem * {
    if (List)
      for (const SpecItem &It : *List)
        if (It.Name == Name)
          return &It;
    return nullptr;
  };
  bool OK = true;
  for (size_t I = 0; I < P.size(); ++I) {
    if (!(R.Inputs[I] || R.Outputs[I]) || !P.Mapped[I] || !P.Types[I].IsPointer)
      continue;
    llvm::StringRef Name = P.Names[I];
    const SpecItem *In = lengthOf(R.S.Inputs, Name), *Out = lengthOf(R.S.Outputs, Name);
    if ((In && In->Length) || (Out && Out->Length))
      continue;
    const SpecItem *At = In ? In : Out;
    err(At ? specLoc(AttrLoc, At->Offset) : R.Where,
        "array '" + Name + "' has no length; " +
            (R.M == Mode::Jacobian ? "a Jacobian" : "a Hessian") +
            " needs it: write '" + Name + "[n]' in the spec, with n an integer "
            "parameter or literal");
    OK = false;
  }
  return OK;
}

void Finder::request(clang::FunctionDecl *FD, Mode M, llvm::StringRef SpecText,
                     clang::SourceLocation AttrLoc, const clang::FunctionDecl *Named) {
  // Spec names are those of the marked declaration; the derivative is of
  // the definition (parameters match by position).
  auto Parsed = parseSpec(SpecText);
  if (!Parsed) {
    llvm::handleAllErrors(Parsed.takeError(), [&](const SpecError &E) {
      err(specLoc(AttrLoc, E.offset()), "invalid adgen spec: " + E.message());
    });
    return;
  }
  Request R;
  R.Fn = FD->getDefinition() ? FD->getDefinition() : FD;
  R.M = M;
  R.S = *Parsed;
  R.Where = Ctx.getSourceManager().getExpansionLoc(AttrLoc);
  Params P = paramsOf(FD, Named ? Named : FD);
  bool OK = resolveActivity(R, P, FD, AttrLoc);
  // A Jacobian or Hessian has one row/column per array element: every
  // active array needs its length.
  if (!checkMatrixLengths(R, P, AttrLoc))
    OK = false;
  if (M == Mode::Hessian && !P.ReturnsFloat) {
    err(R.Where, modeInfo(Mode::Hessian).Macro +
                     " needs a function that returns a floating-point value");
    OK = false;
  }
  if (OK)
    Result.List.push_back(std::move(R));
}
