package io.flowascode.compiler.graph;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The resolved stages of a flow and the connections between them, in file order. */
public final class FlowGraph {
  private final List<StageNode> stages;
  private final List<Edge> edges;
  // Keyed by the node itself: the edges' ends are the graph's own stage objects, and an identity
  // lookup touches one array slot where a string key compared whole ids on a 10,000-stage flow.
  private final IdentityHashMap<StageNode, List<Edge>> into = new IdentityHashMap<>();
  private final IdentityHashMap<StageNode, List<Edge>> outOf = new IdentityHashMap<>();

  public FlowGraph(List<StageNode> stages, List<Edge> edges) {
    this.stages = List.copyOf(stages);
    this.edges = List.copyOf(edges);
    for (Edge e : this.edges) {
      into.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
      outOf.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
    }
  }

  public List<StageNode> stages() {
    return stages;
  }

  public List<Edge> edges() {
    return edges;
  }

  /** The edges into one of this graph's stages, in file order. */
  public List<Edge> into(StageNode stage) {
    return into.getOrDefault(stage, List.of());
  }

  /** The edges out of one of this graph's stages, in file order. */
  public List<Edge> outOf(StageNode stage) {
    return outOf.getOrDefault(stage, List.of());
  }
}
