// --emit=dot draws the computation graph in Graphviz syntax: parameters and
// definitions as boxes, operations as ellipses, loops and branches as
// clusters, active values filled, taped values with a double border, and the
// reverse sweep's adjoint flow as dashed blue edges against the data flow.
// RUN: %adgen %s --emit=dot -- -std=c++17 | FileCheck %s
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE()
double f(const double *x, int n) {
  double s = 1;
  for (int i = 0; i < n; ++i)
    s = s * std::sin(x[i]);
  return s;
}
// CHECK-LABEL: digraph "f" {
// CHECK:      [[X:"n[0-9]+"]] [label="x : const double *", shape=box, style="filled", fillcolor="#ffd8a8"];
// CHECK-NEXT: [[N:"n[0-9]+"]] [label="n : int", shape=box];
// CHECK-NEXT: [[S0:"n[0-9]+"]] [label="s (line 11)\n= 1.0\ntaped", shape=box, style="filled", fillcolor="#ffd8a8", peripheries=2];
// CHECK:      subgraph "cluster_{{[0-9]+}}" {
// CHECK-NEXT:   label="for, line 12";
// CHECK:        [[I:"n[0-9]+"]] [label="i (line 12)\n= 0", shape=box];
// CHECK:        [[LOAD:"n[0-9]+"]] [label="load", shape=ellipse, style="filled", fillcolor="#ffd8a8"];
// CHECK-NEXT:   [[SIN:"n[0-9]+"]] [label="sin", shape=ellipse, style="filled", fillcolor="#ffd8a8"];
// CHECK-NEXT:   [[MUL:"n[0-9]+"]] [label="mul", shape=ellipse, style="filled", fillcolor="#ffd8a8"];
// CHECK-NEXT:   [[S1:"n[0-9]+"]] [label="s (line 13)\ntaped", shape=box, style="filled", fillcolor="#ffd8a8", peripheries=2];
// CHECK:      { rank=source; [[X]]; [[N]]; }
// Derivatives flow x -> load -> sin -> mul -> s, adjoints back; the index
// is an integer: gray, no derivative.
// CHECK:      [[X]] -> [[LOAD]] [color=red];
// CHECK-NEXT: [[LOAD]] -> [[X]] [style=dashed, color=blue, constraint=false];
// CHECK-NEXT: [[I]] -> [[LOAD]] [color=gray45];
// CHECK:      [[S0]] -> [[MUL]] [color=red];
// CHECK-NEXT: [[MUL]] -> [[S0]] [style=dashed, color=blue, constraint=false];
// CHECK-NEXT: [[SIN]] -> [[MUL]] [color=red];
// CHECK:      [[MUL]] -> [[S1]] [color=red];
// CHECK-NEXT: [[S1]] -> [[MUL]] [style=dashed, color=blue, constraint=false];
// The next iteration's multiplication reads this iteration's s.
// CHECK:      [[S1]] -> [[MUL]] [color=red, style=dashed, constraint=false];
// CHECK:      subgraph "cluster_legend" {
// CHECK:        label="active value", shape=box, style=filled, fillcolor="#ffd8a8"
// CHECK:        label="adjoint flow (reverse sweep)"
// CHECK:      {{^}}}{{$}}
