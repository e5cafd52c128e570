//===- Graph/LocalTypeDecls.cpp - Types declared inside a function --------===//

#include "Graph/LocalTypeDecls.h"
#include "Graph/GraphBuilderImpl.h"
#include "Graph/LocalTypes.h"
#include "Graph/OperatorNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace adgen;

namespace {

/// Declared inside a function (a lambda's closure type aside).
bool local(const clang::Decl *D) {
  if (const auto *RD = llvm::dyn_cast<clang::CXXRecordDecl>(D); RD && RD->isLambda())
    return false;
  return D->getParentFunctionOrMethod() != nullptr;
}

bool namesLocal(clang::QualType QT) {
  QT = QT.getCanonicalType().getNonReferenceType();
  for (;;) {
    if (QT->isPointerType())
      QT = QT->getPointeeType();
    else if (QT->isArrayType())
      QT = clang::QualType(QT->getArrayElementTypeNoTypeQual(), 0);
    else
      break;
  }
  const clang::TagDecl *TD = QT->getAsTagDecl();
  if (!TD)
    return false;
  if (local(TD))
    return true;
  if (const auto *CT = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(TD))
    for (const clang::TemplateArgument &A : CT->getTemplateArgs().asArray())
      if (A.getKind() == clang::TemplateArgument::Type && namesLocal(A.getAsType()))
        return true;
  return false;
}

/// The first variable of an enclosing function that \p D's text names.
struct OuterVariables : clang::RecursiveASTVisitor<OuterVariables> {
  const clang::DeclContext *Inside = nullptr;
  const clang::ValueDecl *Found = nullptr;
  clang::SourceLocation At;
  bool VisitDeclRefExpr(clang::DeclRefExpr *E) {
    const auto *VD = llvm::dyn_cast<clang::VarDecl>(E->getDecl());
    if (!VD || !VD->getParentFunctionOrMethod() ||
        (Inside && Inside->Encloses(VD->getDeclContext())))
      return true;
    Found = VD;
    At = E->getLocation();
    return false;
  }
};

/// A template's instance: its text names the template's parameters.
bool inTemplateInstance(const clang::Decl *D) {
  for (const clang::DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *FD = llvm::dyn_cast<clang::FunctionDecl>(DC);
        FD && (FD->isTemplateInstantiation() || FD->isDependentContext()))
      return true;
    if (llvm::isa<clang::ClassTemplateSpecializationDecl>(DC))
      return true;
  }
  return false;
}

/// A type, variable or enumerator outside the function that \p Name, declared
/// again at the top of a derivative's body, would hide there (where the
/// source hid it only in its own block): null if none.
const clang::NamedDecl *hidden(const clang::Decl *D, llvm::StringRef Name) {
  const clang::DeclContext *Fn = D->getParentFunctionOrMethod();
  clang::IdentifierInfo &Id = D->getASTContext().Idents.get(Name);
  for (const clang::DeclContext *DC = Fn ? Fn->getParent() : nullptr; DC; DC = DC->getParent())
    for (const clang::NamedDecl *ND : DC->lookup(clang::DeclarationName(&Id)))
      if (llvm::isa<clang::TypeDecl, clang::VarDecl, clang::EnumConstantDecl>(ND))
        return ND;
  return nullptr;
}

std::string kindOf(const clang::Decl *D) {
  if (llvm::isa<clang::EnumDecl>(D))
    return "enum";
  if (const auto *RD = llvm::dyn_cast<clang::RecordDecl>(D))
    return RD->isUnion() ? "union" : RD->isClass() ? "class" : "struct";
  return "type alias";
}

} // namespace

bool adgen::isLocalTypeDecl(const clang::Decl *D) {
  return llvm::isa<clang::TagDecl, clang::TypedefNameDecl>(D) && local(D);
}

bool adgen::recordLocalType(const clang::Decl *D, const void *Owner, clang::ASTContext &Ctx,
                            Diagnoser &Diags) {
  const auto *ND = llvm::cast<clang::NamedDecl>(D);
  const auto *Tag = llvm::dyn_cast<clang::TagDecl>(D);
  if (Tag && !Tag->isThisDeclarationADefinition())
    return true; // `struct P;`: its definition is recorded
  const auto *RD = llvm::dyn_cast<clang::RecordDecl>(D);
  if (RD && RD->getTypedefNameForAnonDecl())
    return true; // typedef struct { ... } P;: the typedef's text holds it
  std::string Kind = kindOf(D);
  std::string Name = "'" + ND->getNameAsString() + "'";
  std::string Again = "; adgen declares the types of a function's body again at the top "
                      "of each derivative, from their source text";
  clang::SourceLocation L = D->getLocation();
  if (RD && !ND->getIdentifier()) {
    Diags.error(L, "an unnamed " + Kind + " declared inside a differentiated function is "
                   "not supported" + Again + ", which needs its name: give it one");
    return false;
  }
  if (D->getBeginLoc().isMacroID() || D->getEndLoc().isMacroID()) {
    Diags.error(L, "the " + Kind + " " + Name + " is declared by a macro inside a "
                   "differentiated function" + Again + ": write it out, or declare it outside "
                   "the function");
    return false;
  }
  if (inTemplateInstance(D)) {
    Diags.error(L, "the " + Kind + " " + Name + " is declared inside a template" + Again +
                   ", which names the template's parameters: declare it outside the function");
    return false;
  }
  OuterVariables V;
  V.Inside = llvm::dyn_cast<clang::DeclContext>(D);
  V.TraverseDecl(const_cast<clang::Decl *>(D));
  if (V.Found) {
    std::string Var = "'" + V.Found->getNameAsString() + "'";
    Diags.error(V.At, "the " + Kind + " " + Name + " uses " + Var + ", a variable of the "
                      "enclosing function" + Again + ", where " + Var + " is not declared: "
                      "declare " + Var + " outside the function");
    return false;
  }
  graph::LocalType T;
  T.Decl = D;
  T.Owner = Owner;
  if (ND->getIdentifier())
    T.Names.push_back(ND->getNameAsString());
  if (const auto *ED = llvm::dyn_cast<clang::EnumDecl>(D); ED && !ED->isScoped())
    for (const clang::EnumConstantDecl *C : ED->enumerators())
      T.Names.push_back(C->getNameAsString());
  for (const std::string &N : T.Names)
    if (const clang::NamedDecl *Outer = hidden(D, N)) {
      Diags.error(L, "the " + Kind + " " + Name + " declares '" + N + "', which is also the "
                     "name of '" + Outer->getQualifiedNameAsString() + "', declared outside the "
                     "function" + Again + ", where '" + N + "' would hide it in the whole body: "
                     "rename the " + Kind);
      Diags.note(Outer->getLocation(), "'" + N + "' declared here");
      return false;
    }
  const clang::SourceManager &SM = Ctx.getSourceManager();
  T.Text = clang::Lexer::getSourceText(
               clang::CharSourceRange::getTokenRange(D->getSourceRange()), SM,
               Ctx.getLangOpts())
               .str() +
           ";";
  std::string Clash = graph::addLocalType(std::move(T));
  if (!Clash.empty()) {
    Diags.error(L, "the " + Kind + " " + Name + " is declared inside the function where "
                   "another type already declares '" + Clash + "'" + Again + ", in one scope: "
                   "rename one of them");
    return false;
  }
  return true;
}

bool adgen::namesLocalType(const clang::FunctionDecl *FD) {
  if (const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(FD); MD && local(MD->getParent()))
    return true;
  if (namesLocal(FD->getReturnType()))
    return true;
  for (const clang::ParmVarDecl *PD : FD->parameters())
    if (namesLocal(PD->getType()))
      return true;
  return false;
}

/// `R::down` for a member function, else the qualified name.
static std::string shown(const clang::FunctionDecl *FD) {
  if (const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(FD))
    return MD->getParent()->getNameAsString() + "::" + FD->getNameAsString();
  return FD->getQualifiedNameAsString();
}

std::string adgen::localTypeCallProblem(const clang::FunctionDecl *FD, bool Recursive) {
  std::string Name = "'" + shown(FD) + "'";
  if (Recursive)
    return "recursive call to " + Name + ", which takes or returns a type defined inside a "
           "function, is not supported: adgen inlines such calls";
  return "call to " + Name + ", which takes or returns a type defined inside a function: "
         "adgen writes derivatives of called functions at namespace scope, where that type "
         "cannot be named, so it inlines such calls, which needs the function's body";
}

std::string adgen::localEnumeratorName(const clang::EnumConstantDecl *EC) {
  std::string S = EC->getNameAsString();
  for (const clang::DeclContext *DC = EC->getDeclContext(); DC && !DC->isFunctionOrMethod();
       DC = DC->getParent())
    if (const auto *ND = llvm::dyn_cast<clang::NamedDecl>(DC); ND && ND->getIdentifier())
      S = ND->getNameAsString() + "::" + S;
  return S;
}

std::string adgen::inlinedCallName(const clang::FunctionDecl *FD) {
  if (!FD->isOverloadedOperator())
    return FD->getNameAsString();
  if (FD->getOverloadedOperator() == clang::OO_Call)
    return "call";
  return "op_" + operatorWord(FD);
}

std::string adgen::localSignatureProblem(const clang::FunctionDecl *FD) {
  return "'" + shown(FD) + "' takes or returns a type defined inside a "
         "function, which the derivatives adgen writes at namespace scope could not name; "
         "define the type outside the function";
}

const graph::Expr *GraphBuilder::Impl::inlineLocalTypeCall(
    const clang::FunctionDecl *FD, const graph::Expr *Obj,
    llvm::ArrayRef<const clang::Expr *> ArgEs, llvm::ArrayRef<const graph::Expr *> Elems,
    clang::SourceLocation L, bool Void) {
  const clang::FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->getBody() || Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
    return fail(L, localTypeCallProblem(FD, false));
  if (std::count(ViewCalls.begin(), ViewCalls.end(), Def))
    return fail(L, localTypeCallProblem(FD, true));
  ViewCalls.push_back(Def); // refuses recursion, as for views
  const graph::Expr *OuterSelfObj = SelfObj;
  const std::map<std::string, graph::Var *> *OuterSelfView = SelfView;
  SelfObj = Obj;
  SelfView = nullptr;
  LambdaInfo None;
  unsigned Before = Diags.errorCount();
  const graph::Expr *R = inlineLambda(None, inlinedCallName(FD), Def, ArgEs, Elems, L,
                                      /*AsFunction=*/true);
  SelfObj = OuterSelfObj;
  SelfView = OuterSelfView;
  ViewCalls.pop_back();
  if (!R && Diags.errorCount() == Before && !Void)
    return fail(L, "this call of '" + shown(FD) + "' is not supported");
  return R;
}
