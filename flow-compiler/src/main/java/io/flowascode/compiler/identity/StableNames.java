package io.flowascode.compiler.identity;

import io.flowascode.compiler.emit.CompiledFlow;
import io.flowascode.compiler.graph.Edge;
import io.flowascode.compiler.graph.FlowGraph;
import io.flowascode.compiler.graph.OutputPort;
import io.flowascode.compiler.graph.StageNode;
import io.flowascode.compiler.naming.InstanceNamer;
import io.flowascode.compiler.naming.LaneNamer;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.model.Located;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Stable stage identity: a stage of a flow is its id in the file, and keeps the instance name it
 * already has on the target however the file's blocks move or stages are added before it. The
 * compiler names stages in file order (as the SDKs do); once the target's names of the flow's
 * stages are known (recorded there on apply, or matched from the remote pipeline), the flow is
 * named again with those names kept, its lanes and default UI names following. Names the file
 * pins with `instance_name` always win.
 */
public final class StableNames {
  private StableNames() {}

  /** Each stage's instance name by its id, in file order. */
  public static Map<String, String> of(CompiledFlow flow) {
    Map<String, String> names = new LinkedHashMap<>();
    flow.graph().stages().forEach(s -> names.put(s.id(), s.instanceName()));
    return names;
  }

  /** The ids of the stages whose instance names the file pins. */
  public static Set<String> pinned(CompiledFlow flow) {
    Set<String> ids = new LinkedHashSet<>();
    flow.graph().stages().forEach(s -> s.decl().instanceName().ifPresent(p -> ids.add(s.id())));
    return ids;
  }

  /**
   * The flow with every stage that has a name in `kept` (by id) keeping it where no pin claims it,
   * the others named as the compiler names them around those; the flow itself when nothing moves.
   */
  public static CompiledFlow keeping(CompiledFlow flow, Map<String, String> kept) {
    List<StageNode> stages = flow.graph().stages();
    List<InstanceNamer.Request> requests = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (StageNode s : stages) {
      labels.add(s.definition().label());
      Optional<Located<String>> pin = s.decl().instanceName();
      requests.add(new InstanceNamer.Request(s.definition().label(), pin, Optional.ofNullable(kept.get(s.id()))));
    }
    // Pins were checked when the flow was compiled; nothing is reported twice.
    List<String> names = InstanceNamer.assign(requests, new Diagnostics());
    boolean same = true;
    for (int i = 0; i < stages.size() && same; i++) {
      same = stages.get(i).instanceName().equals(names.get(i));
    }
    if (same) {
      return flow;
    }
    List<String> counted = InstanceNamer.uiLabels(labels);
    Map<StageNode, StageNode> renamed = new IdentityHashMap<>();
    List<StageNode> nodes = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      StageNode s = stages.get(i);
      String name = names.get(i);
      String uiLabel = s.decl().title().map(Located::value)
          .orElse(InstanceNamer.defaultUiLabel(s.definition().label(), name, counted.get(i)));
      List<OutputPort> outputs = new ArrayList<>();
      for (OutputPort p : s.outputs()) {
        outputs.add(new OutputPort(p.key(), LaneNamer.outputLane(name, p.key()), p.predicate()));
      }
      StageNode node = new StageNode(s.decl(), s.definition(), name, uiLabel, s.config(), outputs);
      renamed.put(s, node);
      nodes.add(node);
    }
    List<Edge> edges = new ArrayList<>();
    for (Edge e : flow.graph().edges()) {
      // Every edge joins two of the graph's stages, each renamed above.
      StageNode from = Objects.requireNonNull(renamed.get(e.from()));
      StageNode to = Objects.requireNonNull(renamed.get(e.to()));
      Optional<OutputPort> port = e.port().flatMap(p -> from.output(p.key()));
      edges.add(new Edge(e.kind(), from, port, to, e.link()));
    }
    return flow.withGraph(new FlowGraph(nodes, edges));
  }
}
