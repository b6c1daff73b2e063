package io.flowascode.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.engine.diff.Change;
import io.flowascode.engine.diff.Connection;
import io.flowascode.engine.diff.ConnectionKind;
import io.flowascode.engine.diff.FlowDiff;
import io.flowascode.engine.diff.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Draws one flow as a Mermaid `flowchart LR` with its changes marked: the desired stages and
 * connections, plus the removed ones (taken from the diff, so the remote pipeline is not needed).
 * Stages are `added`, `removed` or `changed` (classDef styles); added edges are green, removed
 * edges red and dashed, edges whose condition was edited amber; event edges are dotted and labelled `event`; edges from a Stream Selector
 * are labelled with the condition's position and a shortened expression.
 *
 * <p>Node ids are `s1`, `s2`, ... in instance-name order (instance names could clash with Mermaid
 * keywords such as `end`); all text is escaped with Mermaid entity codes.
 */
final class MermaidFlowchart {
  private static final int MAX_EDGE_LABEL = 40;

  private MermaidFlowchart() {}

  static String render(JsonNode desiredPipeline, FlowDiff diff, PlanNames names) {
    Map<String, String> labels = new TreeMap<>(
        desiredPipeline == null ? Map.of() : Topology.stageLabels(desiredPipeline));
    Set<String> added = new HashSet<>();
    Set<String> removed = new HashSet<>();
    Set<String> changed = new HashSet<>();
    Map<String, String> renamedFrom = new HashMap<>();
    Set<String> addedEdges = new HashSet<>();
    Set<String> editedConditions = new HashSet<>();
    List<Connection> edges = new ArrayList<>(
        desiredPipeline == null ? List.of() : Topology.connections(desiredPipeline));
    List<Connection> removedEdges = new ArrayList<>();
    for (Change c : diff.changes()) {
      if (c instanceof Change.StageAdded a) {
        added.add(a.instance());
      } else if (c instanceof Change.StageRemoved r) {
        removed.add(r.instance());
        labels.put(r.instance(), r.label() == null ? "" : r.label());
      } else if (c instanceof Change.StageRenamed r) {
        changed.add(r.after());
        renamedFrom.put(r.after(), r.before());
      } else if (c instanceof Change.ConnectionAdded a) {
        addedEdges.add(a.connection().key());
      } else if (c instanceof Change.ConnectionRemoved r) {
        removedEdges.add(r.connection());
      } else if (c instanceof Change.PredicateChanged p && p.before() != null && p.after() != null) {
        changed.add(p.instance());
        editedConditions.add(p.instance() + "[" + p.index() + "]");
      } else {
        String instance = ChangeLine.instanceOf(c);
        if (instance != null) {
          changed.add(instance);
        }
      }
    }
    edges.addAll(removedEdges);
    edges.sort(Topology.ORDER);

    StringBuilder out = new StringBuilder("flowchart LR\n");
    Map<String, String> ids = new HashMap<>();
    int n = 0;
    for (Map.Entry<String, String> stage : labels.entrySet()) {
      String name = stage.getKey();
      String id = "s" +  ++n;
      ids.put(name, id);
      StringBuilder text = new StringBuilder(escape(names.stage(name)));
      if (renamedFrom.containsKey(name)) {
        text.append(" (was ").append(escape(renamedFrom.get(name))).append(')');
      }
      if (!stage.getValue().isEmpty()) {
        text.append("<br/>").append(escape(stage.getValue()));
      }
      out.append("  ").append(id).append("[\"").append(text).append("\"]");
      String cls = removed.contains(name) ? "removed" : added.contains(name) ? "added"
          : changed.contains(name) ? "changed" : null;
      if (cls != null) {
        out.append(":::").append(cls);
      }
      out.append('\n');
    }
    List<Integer> addedLinks = new ArrayList<>();
    List<Integer> removedLinks = new ArrayList<>();
    List<Integer> editedLinks = new ArrayList<>();
    int edgeIndex = 0;
    Set<String> removedKeys = new HashSet<>();
    removedEdges.forEach(e -> removedKeys.add(e.key()));
    for (Connection e : edges) {
      String from = ids.get(e.from());
      String to = ids.get(e.to());
      if (from == null || to == null) {
        continue;
      }
      String arrow = e.kind() == ConnectionKind.EVENT ? "-.->" : "-->";
      String label = edgeLabel(e, names);
      out.append("  ").append(from).append(' ').append(arrow);
      if (!label.isEmpty()) {
        out.append("|\"").append(escape(label)).append("\"|");
      }
      out.append(' ').append(to).append('\n');
      if (removedKeys.contains(e.key())) {
        removedLinks.add(edgeIndex);
      } else if (addedEdges.contains(e.key())) {
        addedLinks.add(edgeIndex);
      } else if (editedConditions.contains(e.from() + "[" + e.portLabel() + "]")) {
        editedLinks.add(edgeIndex);
      }
      edgeIndex++;
    }
    linkStyle(out, addedLinks, "stroke:#1a7f37,stroke-width:2px");
    linkStyle(out, removedLinks, "stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 4");
    linkStyle(out, editedLinks, "stroke:#9a6700,stroke-width:2px");
    out.append("  classDef added fill:#dafbe1,stroke:#1a7f37,color:#1f2328\n");
    out.append("  classDef removed fill:#ffebe9,stroke:#cf222e,color:#1f2328,stroke-dasharray:5 4\n");
    out.append("  classDef changed fill:#fff8c5,stroke:#9a6700,color:#1f2328\n");
    return out.toString();
  }

  private static void linkStyle(StringBuilder out, List<Integer> links, String style) {
    if (!links.isEmpty()) {
      List<String> numbers = new ArrayList<>();
      links.forEach(i -> numbers.add(String.valueOf(i)));
      out.append("  linkStyle ").append(String.join(",", numbers)).append(' ').append(style).append('\n');
    }
  }

  private static String edgeLabel(Connection e, PlanNames names) {
    if (e.kind() == ConnectionKind.EVENT) {
      return "event";
    }
    String output = names.outputName(e).orElse(e.portLabel());
    String expression = e.predicateExpression();
    if (expression != null) {
      return output + ": " + ChangeLine.abbreviate(expression, MAX_EDGE_LABEL);
    }
    return output;
  }

  /** Mermaid entity codes for what would end a quoted label or start markup. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char ch : text.replace("\r", "").replace('\n', ' ').toCharArray()) {
      switch (ch) {
        case '#' -> out.append("#35;");
        case '"' -> out.append("#quot;");
        case '<' -> out.append("#lt;");
        case '>' -> out.append("#gt;");
        case '|' -> out.append("#124;");
        case '`' -> out.append("#96;");
        case '&' -> out.append("#amp;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
