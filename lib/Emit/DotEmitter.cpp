//===- Emit/DotEmitter.cpp - The computation graph as a picture -----------===//
///
/// \file
/// Draws one function's graph in Graphviz syntax. The emitter walks the
/// statements in program order, like printGraph, and builds a small picture
/// model first (nodes, edges, nested clusters), then prints it:
///
///  - every definition (parameter, declaration with a value, assignment,
///    call result, element write) is a box, every elementary operation an
///    ellipse; constants are written into the label of their user;
///  - a read of a variable is linked from the definitions that reach it,
///    tracked as a simple reaching-definitions map: both branches of an `if`
///    reach what follows, a loop body may run zero times, and a value a loop
///    redefines after reading it gets a dashed back edge (loop-carried);
///    element writes add to an array's definitions rather than replace them;
///  - `if` and loops become clusters, so control structure stays visible.
///
/// Nodes are numbered in the order they are made, so the text depends only
/// on the graph, never on addresses.
//===----------------------------------------------------------------------===//
#include "Emit/DotEmitter.h"
#include <algorithm>
#include <map>

using namespace adgen;
using namespace adgen::graph;

namespace {

// Colours, shared by the drawing and its legend.
const char *ActiveFill = "#ffd8a8"; // light orange: carries derivatives
const char *DerivColor = "red";     // data flow between active values
const char *AdjointColor = "blue";  // the reverse sweep's adjoint flow
const char *PlainColor = "gray45";  // integers, booleans: no derivatives

/// A Graphviz string literal: quotes, backslashes and newlines escaped.
std::string quote(llvm::StringRef S) {
  std::string R = "\"";
  for (char C : S) {
    if (C == '"' || C == '\\')
      R += '\\';
    if (C == '\n')
      R += "\\n";
    else
      R += C;
  }
  return R + "\"";
}

/// " (line N)", or nothing for generated statements without a line.
std::string lineOf(const Loc &L) {
  return L.Line ? " (line " + std::to_string(L.Line) + ")" : "";
}

/// A short C-like spelling of a (usually index) expression, for labels such
/// as "a[i + 1]".
std::string spell(const Expr *E) {
  switch (E->K) {
  case Op::Const: return E->Text;
  case Op::VarRef: return E->V->Name;
  case Op::Deref: return "*" + E->V->Name;
  case Op::Load:
    if (isFieldLoad(E))
      return spell(E->Ops[0]) + "." + E->Ops[1]->Text;
    return spell(E->Ops[0]) + "[" + spell(E->Ops[1]) + "]";
  case Op::Add: case Op::PtrAdd: return spell(E->Ops[0]) + " + " + spell(E->Ops[1]);
  case Op::Sub: return spell(E->Ops[0]) + " - " + spell(E->Ops[1]);
  case Op::Mul: return "(" + spell(E->Ops[0]) + ") * (" + spell(E->Ops[1]) + ")";
  default: break;
  }
  std::string S = std::string(opName(E->K)) + "(";
  for (size_t I = 0; I < E->Ops.size(); ++I)
    S += (I ? ", " : "") + spell(E->Ops[I]);
  return S + ")";
}

struct Node {
  std::string Label;
  bool IsOp = false;     ///< an operation (ellipse), else a value (box)
  bool Floating = false; ///< its value is (memory of) floating point
  bool Varied = false;   ///< depends on an active value
  bool Active = false;   ///< carries derivatives (filled orange)
  bool Taped = false;    ///< reverse mode stores it (double border)
  const char *Shape = nullptr; ///< default: ellipse for operations, else box
  const char *Style = nullptr; ///< e.g. "rounded" (combined with "filled")
};

struct Edge {
  unsigned From, To;
  bool LoopCarried = false;
};

struct Cluster {
  std::string Label;
  std::vector<unsigned> Nodes, Children;
};

/// Reaching definitions: variable (memory by its root) -> defining nodes.
/// Each list is sorted (a new node has the largest number, merges sort), so
/// lookups can binary-search and nothing depends on the map's pointer order.
using Defs = std::map<const Var *, std::vector<unsigned>>;

/// A read inside a loop, to find values carried into the next iteration.
struct Read {
  const Var *Key;
  unsigned Reader;
  std::vector<unsigned> Seen; ///< the definitions the read saw
};

class DotBuilder {
public:
  DotBuilder(const Function &F, const DotOptions &O) : F(F), O(O) {
    Clusters.push_back({}); // 0: the function itself
  }

  std::string run() {
    for (Var *P : F.Params) {
      unsigned N = value(P, P->Name + " : " + P->Ty.str(), 0);
      Cur[P] = {N};
      Sources.push_back(N);
    }
    block(F.Body, 0);
    return print();
  }

private:
  const Function &F;
  const DotOptions &O;
  std::vector<Node> Nodes;
  std::vector<Edge> Edges;
  std::vector<Cluster> Clusters;
  std::vector<unsigned> Sources; ///< nodes ranked at the top
  Defs Cur;                      ///< definitions reaching the current point
  std::vector<std::vector<Read>> Loops; ///< reads of each enclosing loop
  std::map<const Expr *, unsigned> Memo; ///< op nodes of this statement
  std::vector<unsigned> StmtOps;         ///< ditto, in creation order

  bool active(Var *V) const { return O.Act && V && O.Act->isActive(V); }
  bool taped(const Var *V) const {
    const Var *R = rootOf(const_cast<Var *>(V));
    return R->Ty.isMemory() ? O.Taped.count(R->Name + "[]") : O.Taped.count(V->Name);
  }

  unsigned add(Node N, unsigned C) {
    Nodes.push_back(std::move(N));
    Clusters[C].Nodes.push_back(Nodes.size() - 1);
    return Nodes.size() - 1;
  }
  void edge(unsigned From, unsigned To) { Edges.push_back({From, To}); }
  unsigned cluster(std::string Label, unsigned Parent) {
    Clusters.push_back({std::move(Label), {}, {}});
    Clusters[Parent].Children.push_back(Clusters.size() - 1);
    return Clusters.size() - 1;
  }

  /// A box for a value of \p V (or of its memory).
  unsigned value(Var *V, std::string Label, unsigned C) {
    Node N;
    N.Floating = V->Ty.isFloating();
    N.Varied = N.Active = active(V);
    N.Taped = taped(V);
    N.Label = std::move(Label) + (N.Taped ? "\ntaped" : "");
    return add(std::move(N), C);
  }

  /// The key reads and writes of \p V use: memory by its root.
  static const Var *key(Var *V) { return V->Ty.isMemory() ? rootOf(V) : V; }

  /// The nodes a read of \p V links from. A variable nothing defined yet
  /// (a global, an uninitialised local) gets a box at the top.
  std::vector<unsigned> reach(Var *V) {
    std::vector<unsigned> R;
    auto Collect = [&](const Var *K) {
      std::vector<unsigned> &D = Cur[K];
      if (D.empty()) {
        unsigned N = value(const_cast<Var *>(K), K->Name + " : " + K->Ty.str(), 0);
        Sources.push_back(N);
        D = {N};
      }
      R.insert(R.end(), D.begin(), D.end());
    };
    if (V->Ty.isMemory() && V->Root)
      Collect(V); // a pointer local: its address, then the memory
    Collect(key(V));
    return R;
  }

  /// Nodes giving \p E's value: none for constants, the reaching definitions
  /// for a variable, else the operation's ellipse (made once per statement).
  std::vector<unsigned> expr(const Expr *E, unsigned C) {
    if (E->K == Op::Const)
      return {};
    if (E->K == Op::VarRef)
      return reach(E->V);
    if (auto It = Memo.find(E); It != Memo.end())
      return {It->second};
    Node N;
    N.IsOp = true;
    N.Floating = E->Ty.isFloating();
    std::string Label = E->K == Op::Math || E->K == Op::Call ? E->Text : opName(E->K);
    if (E->K == Op::Cast)
      Label += " " + E->Ty.str();
    if (E->K == Op::Field)
      Label += " ." + E->Text;
    // Operands: constants inline as "mul(·, 0.5)", the rest as edges.
    std::vector<unsigned> In;
    bool AnyConst = false;
    std::string Args;
    for (const Expr *A : E->Ops) {
      AnyConst |= A->K == Op::Const;
      Args += (Args.empty() ? "" : ", ") + (A->K == Op::Const ? A->Text : "·");
      for (unsigned I : expr(A, C))
        In.push_back(I);
    }
    if (E->V) // AddrOf, Deref: a variable, not an operand
      for (unsigned I : reach(E->V))
        In.push_back(I);
    N.Label = AnyConst ? Label + "(" + Args + ")" : Label;
    for (unsigned I : In)
      N.Varied |= N.Floating && Nodes[I].Varied;
    unsigned Id = add(std::move(N), C);
    for (unsigned I : In)
      read(I, Id);
    Memo[E] = Id;
    StmtOps.push_back(Id);
    return {Id};
  }

  /// An edge from \p From to \p To that loops remember as a read.
  void read(unsigned From, unsigned To) {
    edge(From, To);
    if (Loops.empty())
      return;
    for (const auto &[K, D] : Cur)
      if (std::binary_search(D.begin(), D.end(), From)) {
        Loops.back().push_back({K, To, D});
        return;
      }
  }

  /// The nodes of \p Value (none if null), drawn before what they feed so
  /// that node numbers follow the data flow.
  std::vector<unsigned> operands(const Expr *Value, unsigned C) {
    return Value ? expr(Value, C) : std::vector<unsigned>{};
  }
  void link(const std::vector<unsigned> &From, unsigned To) {
    for (unsigned I : From)
      read(I, To);
  }

  /// The operations of the statement just drawn carry derivatives only if
  /// they are varied and their result does (\p SinkActive).
  void endStmt(bool SinkActive) {
    for (unsigned I : StmtOps)
      Nodes[I].Active = Nodes[I].Varied && SinkActive;
    StmtOps.clear();
    Memo.clear();
  }

  /// A new definition of \p V at node \p N: replaces scalars' definitions,
  /// adds to memory's (an element write leaves the other elements).
  void define(Var *V, unsigned N, bool Replace) {
    std::vector<unsigned> &D = Cur[key(V)];
    if (Replace)
      D.clear();
    D.push_back(N);
  }

  /// Target = Value (or +=): a new box for the scalar or the element.
  void assign(const Stmt &S, unsigned C) {
    const Expr *T = S.Target;
    Var *V = T->K == Op::Load ? rootOf(T) : T->V;
    bool Memory = T->K != Op::VarRef;
    std::string Name = (T->K == Op::VarRef ? V->Name : spell(T)) +
                       (S.K == StmtKind::AddAssign ? " +=" : "") + lineOf(S.Where);
    if (S.Value && S.Value->K == Op::Const)
      Name += "\n= " + S.Value->Text;
    std::vector<unsigned> In = operands(S.Value, C);
    if (T->K == Op::Load) // the address (not the memory): base and index
      for (const Expr *A : T->Ops) {
        if (A->K == Op::VarRef && A->V->Ty.isMemory()) {
          if (A->V->Root) // a pointer local: where it points
            In.insert(In.end(), Cur[A->V].begin(), Cur[A->V].end());
          continue;
        }
        for (unsigned I : operands(A, C))
          In.push_back(I);
      }
    if (S.K == StmtKind::AddAssign) // += reads the old value
      for (unsigned I : reach(V))
        In.push_back(I);
    unsigned N = value(V, Name, C);
    link(In, N);
    define(V, N, !Memory);
    endStmt(Nodes[N].Active);
  }

  void call(const Stmt &S, unsigned C) {
    std::vector<unsigned> In;
    bool Varied = false;
    for (const Expr *A : S.Args)
      for (unsigned I : expr(A, C)) {
        In.push_back(I);
        Varied |= Nodes[I].Varied && Nodes[I].Floating;
      }
    Node N;
    N.IsOp = true;
    N.Label = "call " + S.Fn->Name;
    unsigned Id = add(std::move(N), C);
    link(In, Id);
    Nodes[Id].Floating = Nodes[Id].Varied = Nodes[Id].Active = Varied;
    endStmt(Varied);
    // What the call writes: its result, and through non-const pointer and
    // reference parameters.
    auto Out = [&](Var *V, std::string Label, bool Replace) {
      unsigned R = value(V, Label + lineOf(S.Where), C);
      edge(Id, R);
      define(V, R, Replace);
    };
    for (size_t I = 0; I < S.Args.size() && I < S.Fn->ParamTypes.size(); ++I) {
      const Type &P = S.Fn->ParamTypes[I];
      const Expr *A = S.Args[I];
      if (P.IsPointer && !P.PointeeConst)
        if (Var *R = rootOf(A))
          Out(R, R->Name + "[]", false);
      if (P.IsReference && !P.IsConst && A->K == Op::VarRef)
        Out(A->V, A->V->Name, true);
    }
    if (S.Target)
      Out(S.Target->K == Op::VarRef ? S.Target->V : rootOf(S.Target),
          S.Target->K == Op::VarRef ? S.Target->V->Name : spell(S.Target),
          S.Target->K == Op::VarRef);
  }

  /// A diamond for a branch or loop test, fed by the condition.
  void test(const char *What, const Expr *Cond, unsigned C) {
    std::vector<unsigned> In = operands(Cond, C);
    link(In, sink(What, "diamond", nullptr, C));
    endStmt(false);
  }

  /// A box with nothing flowing out (return, push) or a marker (break).
  unsigned sink(std::string Label, const char *Shape, const char *Style, unsigned C) {
    Node N;
    N.Label = std::move(Label);
    N.Shape = Shape;
    N.Style = Style;
    return add(std::move(N), C);
  }

  /// Definitions reaching after either of two paths.
  static Defs merge(Defs A, const Defs &B) {
    for (const auto &[K, D] : B) {
      std::vector<unsigned> &Into = A[K];
      Into.insert(Into.end(), D.begin(), D.end());
      std::sort(Into.begin(), Into.end());
      Into.erase(std::unique(Into.begin(), Into.end()), Into.end());
    }
    return A;
  }

  void block(const Block &B, unsigned C) {
    for (const Stmt *S : B)
      stmt(*S, C);
  }

  void stmt(const Stmt &S, unsigned C) {
    switch (S.K) {
    case StmtKind::Decl: {
      Var *V = S.V;
      std::string Name = V->Name;
      if (V->Ty.ArraySize)
        Name += "[" + std::to_string(V->Ty.ArraySize) + "]";
      Name += lineOf(S.Where);
      if (S.ZeroInit)
        Name += "\n= {}";
      else if (S.Value && S.Value->K == Op::Const)
        Name += "\n= " + S.Value->Text;
      if (!S.Value && !S.ZeroInit && !V->Ty.ArraySize) {
        Cur[V].clear(); // declared, not yet defined
        return;
      }
      std::vector<unsigned> In = operands(S.Value, C);
      unsigned N = value(V, Name, C);
      link(In, N);
      Cur[V] = {N}; // a pointer local's own address, or the whole array
      endStmt(Nodes[N].Active);
      return;
    }
    case StmtKind::Assign:
    case StmtKind::AddAssign:
      return assign(S, C);
    case StmtKind::Call:
      return call(S, C);
    case StmtKind::If: {
      unsigned If = cluster("if" + std::string(S.Where.Line ? ", line " + std::to_string(S.Where.Line) : ""), C);
      test("if", S.Value, If);
      Defs Entry = Cur;
      if (!S.Then.empty())
        block(S.Then, cluster("then", If));
      Defs AfterThen = Cur;
      Cur = Entry;
      if (!S.Else.empty())
        block(S.Else, cluster("else", If));
      Cur = merge(AfterThen, Cur);
      return;
    }
    case StmtKind::Loop: {
      static const char *Kinds[] = {"for", "while", "do-while"};
      unsigned L = cluster(std::string(Kinds[unsigned(S.Loop)]) +
                               (S.Where.Line ? ", line " + std::to_string(S.Where.Line) : ""),
                           C);
      block(S.Init, L);
      Defs Entry = Cur;
      Loops.emplace_back();
      if (S.Loop != LoopKind::DoWhile && S.Value)
        test("test", S.Value, L);
      block(S.Body, L);
      block(S.Inc, L);
      if (S.Loop == LoopKind::DoWhile && S.Value)
        test("test", S.Value, L);
      backEdges();
      if (S.Loop != LoopKind::DoWhile)
        Cur = merge(Entry, Cur);
      return;
    }
    case StmtKind::Return: {
      std::vector<unsigned> In = operands(S.Value, C);
      bool Active = false;
      if (S.Value && S.Value->Ty.isFloating())
        for (unsigned I : In)
          Active |= Nodes[I].Varied;
      unsigned N = sink("return" + lineOf(S.Where), "box", "rounded", C);
      link(In, N);
      Nodes[N].Floating = Nodes[N].Varied = Nodes[N].Active = Active;
      endStmt(Active);
      return;
    }
    case StmtKind::Push: {
      std::vector<unsigned> In = operands(S.Value, C);
      link(In, sink("push", "box", "rounded", C));
      endStmt(false);
      return;
    }
    case StmtKind::Break:
      sink("break" + lineOf(S.Where), "plaintext", nullptr, C);
      return;
    case StmtKind::Continue:
      sink("continue" + lineOf(S.Where), "plaintext", nullptr, C);
      return;
    case StmtKind::Scope:
      return block(S.Then, C);
    case StmtKind::Comment:
    case StmtKind::Resize:
      return;
    }
  }

  /// At the end of a loop body: a read that saw only definitions from
  /// before the loop also sees, from the second iteration on, those the loop
  /// made since; draw those as dashed back edges. The reads then belong to
  /// the enclosing loop too.
  void backEdges() {
    std::vector<Read> Reads = std::move(Loops.back());
    Loops.pop_back();
    for (const Read &R : Reads)
      for (unsigned D : Cur[R.Key])
        if (!std::binary_search(R.Seen.begin(), R.Seen.end(), D) &&
            !hasEdge(D, R.Reader))
          Edges.push_back({D, R.Reader, true});
    if (!Loops.empty())
      Loops.back().insert(Loops.back().end(), Reads.begin(), Reads.end());
  }

  bool hasEdge(unsigned From, unsigned To) const {
    for (const Edge &E : Edges)
      if (E.From == From && E.To == To)
        return true;
    return false;
  }

  //===--------------------------------------------------------------------===//
  // Printing
  //===--------------------------------------------------------------------===//

  static std::string id(unsigned N) { return "\"n" + std::to_string(N) + "\""; }

  std::string nodeLine(unsigned I) const {
    const Node &N = Nodes[I];
    std::string S = id(I) + " [label=" + quote(N.Label) + ", shape=" +
                    (N.Shape ? N.Shape : N.IsOp ? "ellipse" : "box");
    std::string Style = N.Style ? N.Style : "";
    if (N.Active)
      Style += Style.empty() ? "filled" : ",filled";
    if (!Style.empty())
      S += ", style=" + quote(Style);
    if (N.Active)
      S += std::string(", fillcolor=") + quote(ActiveFill);
    if (N.Taped)
      S += ", peripheries=2";
    return S + "];\n";
  }

  /// True if cluster \p C (or one inside it) has a node: Graphviz draws
  /// empty clusters as stray boxes.
  bool used(unsigned C) const {
    if (!Clusters[C].Nodes.empty())
      return true;
    for (unsigned K : Clusters[C].Children)
      if (used(K))
        return true;
    return false;
  }

  void printCluster(unsigned C, unsigned Depth, std::string &Out) const {
    std::string Ind(2 * Depth, ' ');
    for (unsigned N : Clusters[C].Nodes)
      Out += Ind + nodeLine(N);
    for (unsigned K : Clusters[C].Children) {
      if (!used(K))
        continue;
      Out += Ind + "subgraph " + quote("cluster_" + std::to_string(K)) + " {\n";
      Out += Ind + "  label=" + quote(Clusters[K].Label) + "; style=rounded; color=gray60;\n";
      printCluster(K, Depth + 1, Out);
      Out += Ind + "}\n";
    }
  }

  std::string print() const {
    std::string Out = "digraph " + quote(F.Name) + " {\n";
    Out += "  label=" + quote("computation graph of " + F.Name) + "; labelloc=t;\n";
    Out += "  newrank=true; fontname=\"Helvetica\";\n";
    Out += "  node [fontname=\"Helvetica\", fontsize=11];\n";
    Out += "  edge [fontname=\"Helvetica\", fontsize=9];\n";
    printCluster(0, 1, Out);
    if (!Sources.empty()) {
      Out += "  { rank=source;";
      for (unsigned N : Sources)
        Out += " " + id(N) + ";";
      Out += " }\n";
    }
    for (const Edge &E : Edges) {
      const Node &A = Nodes[E.From], &B = Nodes[E.To];
      bool Deriv = A.Active && B.Active;
      std::string Attrs = Deriv ? std::string("color=") + DerivColor
                          : A.Floating ? "" : std::string("color=") + PlainColor;
      if (E.LoopCarried)
        Attrs += std::string(Attrs.empty() ? "" : ", ") + "style=dashed, constraint=false";
      Out += "  " + id(E.From) + " -> " + id(E.To) + (Attrs.empty() ? "" : " [" + Attrs + "]") + ";\n";
      if (Deriv) // the adjoint flows back along every derivative edge
        Out += "  " + id(E.To) + " -> " + id(E.From) + " [style=dashed, color=" +
               AdjointColor + ", constraint=false];\n";
    }
    Out += legend();
    return Out + "}\n";
  }

  static std::string legend() {
    std::string Fill = std::string("style=filled, fillcolor=") + quote(ActiveFill);
    std::string S = "  subgraph \"cluster_legend\" {\n"
                    "    label=\"legend\"; style=rounded; color=gray60; fontsize=10;\n"
                    "    node [fontsize=9, height=0.3];\n"
                    "    \"legend_active\" [label=\"active value\", shape=box, " + Fill + "];\n"
                    "    \"legend_value\" [label=\"inactive value\", shape=box];\n"
                    "    \"legend_taped\" [label=\"value\\ntaped\", shape=box, peripheries=2];\n"
                    "    \"legend_op\" [label=\"operation\", shape=ellipse];\n";
    struct { const char *Name, *Label, *Attrs; } Edges[] = {
        {"deriv", "data flow carrying derivatives", "color=red"},
        {"adj", "adjoint flow (reverse sweep)", "color=blue, style=dashed"},
        {"data", "data flow", ""},
        {"int", "integer / boolean data", "color=gray45"},
        {"loop", "value from the previous iteration", "style=dashed"},
    };
    // Invisible edges stack the entries in one column.
    std::string Prev = "\"legend_op\"";
    S += "    \"legend_active\" -> \"legend_value\" -> \"legend_taped\" -> \"legend_op\" [style=invis];\n";
    for (auto &E : Edges) {
      std::string A = quote(std::string("legend_") + E.Name + "_a");
      std::string B = quote(std::string("legend_") + E.Name + "_b");
      S += "    " + Prev + " -> " + A + " [style=invis];\n";
      Prev = A;
      S += "    " + A + " [label=\"\", shape=point, width=0.05];\n";
      S += "    " + B + " [label=" + quote(E.Label) + ", shape=plaintext];\n";
      S += "    { rank=same; " + A + "; " + B + "; }\n";
      S += "    " + A + " -> " + B + (*E.Attrs ? std::string(" [") + E.Attrs + "]" : "") + ";\n";
    }
    return S + "  }\n";
  }
};

} // namespace

std::string adgen::emitDot(const Function &F, const DotOptions &O) {
  return DotBuilder(F, O).run();
}
