package io.flowascode.compiler.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The resolved stages of a flow and the connections between them, in file order. */
public final class FlowGraph {
  private final List<StageNode> stages;
  private final List<Edge> edges;
  private final Map<String, List<Edge>> into = new LinkedHashMap<>();
  private final Map<String, List<Edge>> outOf = new LinkedHashMap<>();

  public FlowGraph(List<StageNode> stages, List<Edge> edges) {
    this.stages = List.copyOf(stages);
    this.edges = List.copyOf(edges);
    for (Edge e : this.edges) {
      into.computeIfAbsent(e.to().id(), k -> new ArrayList<>()).add(e);
      outOf.computeIfAbsent(e.from().id(), k -> new ArrayList<>()).add(e);
    }
  }

  public List<StageNode> stages() {
    return stages;
  }

  public List<Edge> edges() {
    return edges;
  }

  public List<Edge> into(StageNode stage) {
    return into.getOrDefault(stage.id(), List.of());
  }

  public List<Edge> outOf(StageNode stage) {
    return outOf.getOrDefault(stage.id(), List.of());
  }
}
