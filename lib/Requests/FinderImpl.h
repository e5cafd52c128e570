//===- Requests/FinderImpl.h - The request finder's parts -------*- C++ -*-===//
///
/// \file
/// Internal to lib/Requests. The visitor that findRequests runs over the
/// translation unit, and what its parts share. Its members are defined by
/// part:
///   Markers.cpp       markers on functions and function templates
///   ResolveSpec.cpp   a spec checked against the parameters: a Request
///   Customs.cpp       ADGEN_CUSTOM derivatives
///   CommandLine.cpp   requests named on the command line (findRequests)
//===----------------------------------------------------------------------===//
#ifndef ADGEN_REQUESTS_FINDERIMPL_H
#define ADGEN_REQUESTS_FINDERIMPL_H

#include "Requests/RequestFinder.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace adgen::requests {

/// The candidate closest to \p Name by edit distance, if it is close enough
/// to be a likely misspelling of it; "" otherwise.
std::string closest(llvm::StringRef Name, const std::vector<std::string> &Candidates);

/// The end of "'z' is not a parameter of 'f'": a hint for `this` (the
/// object is `self`, interface.md section 4) or the closest parameter name.
/// \p Fields: those of a member function's object, whose derivatives are
/// those of `self`.
std::string paramHint(llvm::StringRef Name, const std::vector<std::string> &Params,
                      const std::vector<std::string> &Fields = {});

/// Finds the markers of a translation unit and turns each into requests
/// (Result); command-line requests go through request() and instance().
class Finder : public clang::RecursiveASTVisitor<Finder> {
public:
  Finder(clang::ASTContext &Ctx, Diagnoser &Diags) : Ctx(Ctx), Diags(Diags) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(clang::FunctionDecl *FD);
  /// Markers on a namespace-scope variable that holds a lambda: requests
  /// for its call operator (Graph/LambdaVariables.h). Other lambda
  /// variables are refused with the stray markers (StrayMarkers.cpp).
  bool VisitVarDecl(clang::VarDecl *VD);

  /// One marker, "forward:x, y" or "custom", written on \p FD.
  void marker(clang::FunctionDecl *FD, llvm::StringRef Text, clang::SourceLocation Loc);

  /// An explicit specialization (template <> double f<double>(...)) has the
  /// markers written on it, else its template's (which clang shows as
  /// inherited). Handled once, at its definition.
  void explicitSpecialization(clang::FunctionDecl *FD);

  /// A marker on \p FD, a member function of a class template (written in
  /// the template, so of no type yet): remembered, to warn when the input
  /// uses no instantiation of it (ClassTemplateMembers.cpp).
  void classTemplateMember(clang::FunctionDecl *FD, Mode M, clang::SourceLocation Loc);
  /// The request for \p FD, a member function of an instantiation of a
  /// class template (`TExp<double>::operator()`), from its pattern's marker.
  void classTemplateMemberInstance(clang::FunctionDecl *FD, Mode M, llvm::StringRef SpecText,
                                   clang::SourceLocation Loc);
  /// The warnings for marked class template members never instantiated.
  void unusedClassTemplateMembers();

  /// The warnings for marked templates that the input never instantiates.
  void unusedTemplates();

  /// "f<double>" (an instantiation), "f" (any other function).
  std::string nameOf(const clang::FunctionDecl *FD) const;

  /// The request for one instantiation or explicit specialization \p FD of
  /// template \p T: its spec's names are those of \p Named (a declaration
  /// of the template, checked by patternOK, or of the specialization); its
  /// types are checked here. Errors say which instantiation, and a note says
  /// where the input uses it (\p UsedAt).
  void instance(clang::FunctionDecl *FD, const clang::FunctionTemplateDecl *T, Mode M,
                llvm::StringRef SpecText, clang::SourceLocation Loc,
                clang::SourceLocation UsedAt, const clang::FunctionDecl *Named);

  /// The spec of a marker on template \p T (written on \p Pattern): its
  /// syntax, and that every name it uses is a parameter. Checked (and
  /// reported) once per marker.
  bool patternOK(const clang::FunctionTemplateDecl *T, const clang::FunctionDecl *Pattern,
                 Mode M, llvm::StringRef SpecText, clang::SourceLocation AttrLoc);

  /// The request of mode \p M with spec \p SpecText on \p FD, checked
  /// against its parameters (named as in \p Named, else \p FD), added to
  /// Result when it is fine (ResolveSpec.cpp).
  void request(clang::FunctionDecl *FD, Mode M, llvm::StringRef SpecText,
               clang::SourceLocation AttrLoc, const clang::FunctionDecl *Named = nullptr);

  RequestSet Result;

  /// Errors of a request from the command line have no source location;
  /// they say which option they come from instead.
  std::string Context;

private:
  /// What a marked template asks for: its instantiations' derivatives.
  struct MarkedTemplate {
    const clang::FunctionTemplateDecl *T;
    Mode M;
    clang::SourceLocation Loc;
    std::string Name;
    bool operator==(const MarkedTemplate &O) const { return T == O.T && M == O.M && Loc == O.Loc; }
  };

  /// The parameters of a request's function as the generated functions
  /// take them: a member function's object first, named `self`.
  struct Params {
    std::vector<std::string> Names; ///< as the marked declaration names them
    std::vector<clang::QualType> QTs;
    std::vector<graph::Type> Types;
    std::vector<bool> Mapped; ///< whether Types[I] is known
    /// A member function's object's fields (hints for `self`).
    std::vector<std::string> Fields;
    bool ReturnsFloat = false;
    size_t size() const { return Names.size(); }
  };

  /// The syntax of \p SpecText, and that every name it uses is a parameter
  /// of \p Pattern (a template's declaration: types are not known yet).
  bool checkPatternNames(const clang::FunctionDecl *Pattern, llvm::StringRef SpecText,
                         clang::SourceLocation AttrLoc);

  // ResolveSpec.cpp: the parts of request().
  Params paramsOf(const clang::FunctionDecl *FD, const clang::FunctionDecl *Named);
  /// The index of the parameter spec item \p It names, or -1 after an error
  /// (not a parameter, or of a type that cannot be active / an output).
  int lookupParam(const Params &P, const SpecItem &It, bool AsOutput,
                  const clang::FunctionDecl *FD, clang::SourceLocation AttrLoc);
  /// Errors for the names of \p It's length that are not integer parameters.
  bool checkLength(const Params &P, const SpecItem &It, const clang::FunctionDecl *FD,
                   clang::SourceLocation AttrLoc);
  /// Fills R.Inputs, R.Outputs and R.ReturnIsOutput from the spec or the
  /// defaults. False after an error.
  bool resolveActivity(Request &R, const Params &P, const clang::FunctionDecl *FD,
                       clang::SourceLocation AttrLoc);
  /// A Jacobian or Hessian has one row/column per array element: errors for
  /// the active arrays of \p R that have no length.
  bool checkMatrixLengths(const Request &R, const Params &P, clang::SourceLocation AttrLoc);

  void err(clang::SourceLocation L, const llvm::Twine &Message);
  /// Where, in the marker's text at \p AttrLoc, the spec's byte \p Offset is.
  clang::SourceLocation specLoc(clang::SourceLocation AttrLoc, size_t Offset);

  // Customs.cpp.
  /// Whether \p D has the contract signature of a custom derivative of \p P
  /// (interface.md, section 2): P's parameter types first, then d_ret for a
  /// pullback of a function with a floating-point result, then one
  /// derivative parameter for each parameter that carries derivatives.
  bool isDerivativeOf(const clang::FunctionDecl *D, const clang::FunctionDecl *P, bool Fwd);
  /// ADGEN_CUSTOM on \p FD: records it as the derivative of its function.
  void custom(clang::FunctionDecl *FD, clang::SourceLocation Loc);

  std::vector<MarkedTemplate> Marked;
  /// Marked members of class templates, in the input's order.
  struct MarkedMember {
    const clang::FunctionDecl *Pattern;
    Mode M;
    clang::SourceLocation Loc;
    std::string Name;
  };
  std::vector<MarkedMember> MarkedMembers;
  std::set<std::pair<const clang::FunctionDecl *, Mode>> UsedMembers;
  std::set<std::pair<const clang::FunctionTemplateDecl *, Mode>> Used;
  std::map<std::tuple<const clang::FunctionTemplateDecl *, Mode, std::string>, bool> PatternChecked;

  clang::ASTContext &Ctx;
  Diagnoser &Diags;
};

/// Adds the requests \p Extra names on the command line (CommandLine.cpp).
void addCommandLineRequests(Finder &F, clang::ASTContext &Ctx, Diagnoser &Diags,
                            const std::vector<CommandLineRequest> &Extra);

} // namespace adgen::requests

#endif
