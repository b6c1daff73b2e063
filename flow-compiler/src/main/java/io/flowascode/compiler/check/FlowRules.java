package io.flowascode.compiler.check;

import io.flowascode.compiler.catalog.StageType;
import io.flowascode.compiler.graph.ConnectionResolver;
import io.flowascode.compiler.graph.Edge;
import io.flowascode.compiler.graph.FlowGraph;
import io.flowascode.compiler.graph.OutputPort;
import io.flowascode.compiler.graph.StageNode;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.model.ConnectionKind;
import io.flowascode.source.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The platform's own pipeline rules (NOTES §0.1, §3.2), checked on the resolved graph so every
 * violation points at the line that causes it, before the platform ever sees the flow.
 */
public final class FlowRules {
  private final Diagnostics out;
  private final boolean multipleOriginsAllowed;

  public FlowRules(Diagnostics out, boolean multipleOriginsAllowed) {
    this.out = out;
    this.multipleOriginsAllowed = multipleOriginsAllowed;
  }

  /**
   * @param complete false when some declared stages failed to resolve; rules about the graph as a
   *     whole (an origin exists, every input is fed) are then skipped to avoid follow-on errors
   */
  public void check(FlowGraph graph, Span flowSpan, boolean complete) {
    check(graph, flowSpan, complete, Set.of(), Set.of());
  }

  /**
   * @param writtenInputs stages a connection was written into, even one in error (reported there)
   * @param writtenOutputs outputs (`stage|port`) a connection was written from, even one in error
   */
  public void check(FlowGraph graph, Span flowSpan, boolean complete, Set<String> writtenInputs,
      Set<String> writtenOutputs) {
    origins(graph, flowSpan, complete);
    java.util.Set<String> eventBranch = eventBranch(graph);
    for (StageNode stage : graph.stages()) {
      List<Edge> in = graph.into(stage);
      StageType type = stage.definition().type();
      if (type != StageType.ORIGIN && in.isEmpty() && complete && !writtenInputs.contains(stage.id())) {
        out.add(Diagnostic.of(Code.NO_INPUT, stage.decl().id().span(), "`" + stage.id() + "` receives nothing")
            .label(stage.definition().label() + " needs an input")
            .help(type == StageType.EXECUTOR
                ? "executors usually act on events: under `events:` write `<stage> >> " + stage.id() + "`"
                : "connect a stage to it: `<stage> >> " + stage.id() + "`, or remove it")
            .build());
      }
      mixedInputs(stage, in, eventBranch);
      unconsumed(graph, stage, complete, writtenOutputs);
    }
    cycles(graph);
  }

  /**
   * Stages on an event branch: fed by an event lane, or by a stage that is. The platform follows
   * the branch through processors (VALIDATION_0103), so a processor fed by events taints its
   * outputs too.
   */
  private static java.util.Set<String> eventBranch(FlowGraph graph) {
    java.util.Set<String> branch = new java.util.HashSet<>();
    Deque<StageNode> work = new ArrayDeque<>();
    for (Edge e : graph.edges()) {
      if (e.kind() == ConnectionKind.EVENT && branch.add(e.to().id())) {
        work.add(e.to());
      }
    }
    while (!work.isEmpty()) {
      StageNode s = work.poll();
      for (Edge e : graph.outOf(s)) {
        if (branch.add(e.to().id())) {
          work.add(e.to());
        }
      }
    }
    return branch;
  }

  private static boolean carriesEvents(Edge e, java.util.Set<String> eventBranch) {
    return e.kind() == ConnectionKind.EVENT || eventBranch.contains(e.from().id());
  }

  private void mixedInputs(StageNode stage, List<Edge> in, java.util.Set<String> eventBranch) {
    Edge event = in.stream().filter(e -> carriesEvents(e, eventBranch)).findFirst().orElse(null);
    Edge data = in.stream().filter(e -> !carriesEvents(e, eventBranch)).findFirst().orElse(null);
    if (event == null || data == null) {
      return;
    }
    String how = event.kind() == ConnectionKind.EVENT
        ? "events of `" + event.from().id() + "`"
        : "records derived from events, through `" + event.from().id() + "`";
    out.add(Diagnostic.of(Code.MIXED_INPUTS, event.link().to().span(),
            "`" + stage.id() + "` receives both records and " + how)
        .label("event input")
        .related(data.link().to().span(), "record input")
        .help("a stage takes either the data branch or an event branch; give each branch its own stage")
        .build());
  }

  private void origins(FlowGraph graph, Span flowSpan, boolean complete) {
    List<StageNode> origins = graph.stages().stream().filter(s -> s.definition().type() == StageType.ORIGIN).toList();
    if (origins.isEmpty() && complete) {
      out.add(Diagnostic.of(Code.NO_ORIGIN, flowSpan, "the flow has no origin")
          .label("no stage reads data from outside")
          .help("add an origin, the stage records come from, e.g. `label: Directory`")
          .build());
    }
    if (origins.size() > 1 && !multipleOriginsAllowed) {
      for (StageNode extra : origins.subList(1, origins.size())) {
        out.add(Diagnostic.of(Code.MULTIPLE_ORIGINS, extra.decl().ref().label().map(l -> l.span()).orElse(extra.decl().id().span()),
                "`" + extra.id() + "` is a second origin")
            .label("second origin")
            .related(origins.get(0).decl().id().span(), "first origin")
            .help("a Data Collector pipeline has exactly one origin; split the flow in two")
            .build());
      }
    }
  }

  private void unconsumed(FlowGraph graph, StageNode stage, boolean complete, Set<String> writtenOutputs) {
    if (!complete) {
      return;
    }
    List<Edge> outgoing = graph.outOf(stage);
    for (OutputPort port : stage.outputs()) {
      boolean used = outgoing.stream().anyMatch(e -> e.port().map(p -> p.key().equals(port.key())).orElse(false))
          || writtenOutputs.contains(ConnectionResolver.outputKey(stage.id(), port.key()));
      if (used) {
        continue;
      }
      String which = port.key().equals(OutputPort.SINGLE) ? "the output of `" + stage.id() + "`"
          : "output `" + stage.id() + "[" + port.key() + "]`";
      Span at = port.key().equals(OutputPort.SINGLE) || port.key().equals(OutputPort.DEFAULT) || port.predicate().isEmpty()
          ? stage.decl().id().span()
          : stage.decl().predicates().stream().filter(p -> p.name().value().equals(port.key()))
              .map(p -> p.name().span()).findFirst().orElse(stage.decl().id().span());
      out.add(Diagnostic.of(Code.UNCONSUMED_OUTPUT, at, which + " goes nowhere")
          .label("records sent here are not read by any stage")
          .help("connect it, e.g. `" + stage.id() + (port.key().equals(OutputPort.SINGLE) ? "" : "[" + port.key() + "]")
              + " >> <stage>`; to drop records, send them to a Trash stage")
          .build());
    }
  }

  private void cycles(FlowGraph graph) {
    // By node identity: one array slot per look-up instead of hashing and comparing ids.
    IdentityHashMap<StageNode, Integer> state = new IdentityHashMap<>();
    for (StageNode start : graph.stages()) {
      if (state.containsKey(start)) {
        continue;
      }
      Deque<Edge> path = new ArrayDeque<>();
      Deque<Iterator> stack = new ArrayDeque<>();
      state.put(start, 1);
      stack.push(new Iterator(start, graph.outOf(start)));
      while (!stack.isEmpty()) {
        Iterator top = stack.peek();
        if (top.index < top.edges.size()) {
          Edge e = top.edges.get(top.index++);
          Integer s = state.get(e.to());
          if (s == null) {
            state.put(e.to(), 1);
            path.push(e);
            stack.push(new Iterator(e.to(), graph.outOf(e.to())));
          } else if (s == 1) {
            reportCycle(path, e);
            return;
          }
        } else {
          state.put(top.node, 2);
          stack.pop();
          if (!path.isEmpty()) {
            path.pop();
          }
        }
      }
    }
  }

  private void reportCycle(Deque<Edge> path, Edge closing) {
    List<String> names = new ArrayList<>();
    List<Edge> ordered = new ArrayList<>(path);
    java.util.Collections.reverse(ordered);
    boolean inCycle = false;
    for (Edge e : ordered) {
      if (e.from().id().equals(closing.to().id())) {
        inCycle = true;
      }
      if (inCycle) {
        names.add(e.from().id());
      }
    }
    names.add(closing.from().id());
    names.add(closing.to().id());
    out.add(Diagnostic.of(Code.CYCLE, closing.link().from().span().to(closing.link().to().span()),
            "the connections form a cycle: " + String.join(" >> ", names))
        .label("this connection closes the cycle")
        .help("records cannot flow back to an earlier stage; remove one of these connections")
        .build());
  }

  private static final class Iterator {
    final StageNode node;
    final List<Edge> edges;
    int index;

    Iterator(StageNode node, List<Edge> edges) {
      this.node = node;
      this.edges = edges;
    }
  }
}
