package io.flowascode.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.source.Span;
import io.flowascode.yaml.SourceMap;
import io.flowascode.yaml.SourceTree;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a YAML tree into a {@link FlowFile}. Shape errors are the schema's job; this reader takes
 * what it can from a malformed file and skips the rest, so later phases can still report every
 * other problem without cascading from the broken part.
 */
public final class FlowReader {
  private final SourceTree tree;
  private final SourceMap map;
  private final Diagnostics out;

  private FlowReader(SourceTree tree, Diagnostics out) {
    this.tree = tree;
    this.map = tree.map();
    this.out = out;
  }

  public static FlowFile read(SourceTree tree, Diagnostics out) {
    return new FlowReader(tree, out).read();
  }

  private FlowFile read() {
    JsonNode root = tree.root();
    FlowHeader header = header(root.path("flow"), "/flow");
    List<StageDecl> stages = new ArrayList<>();
    JsonNode stagesNode = root.path("stages");
    if (stagesNode.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = stagesNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String pointer = SourceMap.child("/stages", e.getKey());
        stages.add(stage(e.getKey(), e.getValue(), pointer));
      }
    }
    List<ConnectionDecl> connections = connections(root.path("connections"), "/connections", ConnectionKind.DATA);
    List<ConnectionDecl> events = connections(root.path("events"), "/events", ConnectionKind.EVENT);
    return new FlowFile(tree, header, stages, connections, events);
  }

  private FlowHeader header(JsonNode flow, String pointer) {
    Located<String> id = text(flow, pointer, "id").orElse(new Located<>("", map.keySpan(pointer)));
    List<Located<String>> labels = new ArrayList<>();
    JsonNode labelsNode = flow.path("labels");
    if (labelsNode.isArray()) {
      for (int i = 0; i < labelsNode.size(); i++) {
        if (labelsNode.get(i).isTextual()) {
          labels.add(new Located<>(labelsNode.get(i).asText(), map.valueSpan(SourceMap.child(pointer + "/labels", i))));
        }
      }
    }
    List<ParameterDecl> parameters = new ArrayList<>();
    JsonNode params = flow.path("parameters");
    if (params.isObject()) {
      params.fields().forEachRemaining(e -> {
        String p = SourceMap.child(pointer + "/parameters", e.getKey());
        parameters.add(new ParameterDecl(new Located<>(e.getKey(), map.keySpan(p)), e.getValue(), map.valueSpan(p)));
      });
    }
    return new FlowHeader(
        id,
        text(flow, pointer, "title"),
        text(flow, pointer, "description"),
        labels,
        parameters,
        entries(flow.path("settings"), pointer + "/settings"),
        entries(flow.path("raw_settings"), pointer + "/raw_settings"),
        special(flow.path("error_records"), pointer + "/error_records"),
        special(flow.path("start_event"), pointer + "/start_event"),
        special(flow.path("stop_event"), pointer + "/stop_event"),
        special(flow.path("test_origin"), pointer + "/test_origin"),
        special(flow.path("stats_aggregator"), pointer + "/stats_aggregator"),
        object(flow, "ui"),
        object(flow, "metadata"),
        map.valueSpan(pointer));
  }

  private Optional<SpecialStageDecl> special(JsonNode node, String pointer) {
    if (node.isTextual() && !node.asText().isEmpty()) { // an empty label is the schema's to report
      Located<String> label = new Located<>(node.asText(), map.valueSpan(pointer));
      return Optional.of(new SpecialStageDecl(new StageRef(
          Optional.of(label), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          List.of(), map.keySpan(pointer))));
    }
    if (node.isObject()) {
      return Optional.of(new SpecialStageDecl(stageRef(node, pointer)));
    }
    return Optional.empty();
  }

  private StageRef stageRef(JsonNode node, String pointer) {
    return new StageRef(
        text(node, pointer, "label"),
        text(node, pointer, "name"),
        text(node, pointer, "type"),
        text(node, pointer, "library"),
        versionText(node, pointer),
        entries(node.path("config"), pointer + "/config"),
        map.keySpan(pointer));
  }

  private StageDecl stage(String id, JsonNode node, String pointer) {
    Located<String> idLoc = new Located<>(id, map.keySpan(pointer));
    List<PredicateDecl> predicates = new ArrayList<>();
    JsonNode preds = node.path("predicates");
    Optional<Span> predicatesSpan = Optional.empty();
    if (preds.isObject()) {
      predicatesSpan = Optional.of(map.keySpan(pointer + "/predicates"));
      preds.fields().forEachRemaining(e -> {
        String p = SourceMap.child(pointer + "/predicates", e.getKey());
        if (e.getValue().isTextual()) {
          predicates.add(new PredicateDecl(
              new Located<>(e.getKey(), map.keySpan(p)),
              new Located<>(e.getValue().asText(), map.valueSpan(p))));
        }
      });
    }
    return new StageDecl(
        idLoc,
        stageRef(node.isObject() ? node : com.fasterxml.jackson.databind.node.MissingNode.getInstance(), pointer),
        text(node, pointer, "instance_name"),
        text(node, pointer, "title"),
        text(node, pointer, "description"),
        object(node, "ui"),
        predicatesSpan,
        predicates,
        map.keySpan(pointer));
  }

  private List<ConfigEntry> entries(JsonNode node, String pointer) {
    List<ConfigEntry> list = new ArrayList<>();
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        String p = SourceMap.child(pointer, e.getKey());
        list.add(new ConfigEntry(new Located<>(e.getKey(), map.keySpan(p)), e.getValue(), map.valueSpan(p), p));
      });
    }
    return list;
  }

  private List<ConnectionDecl> connections(JsonNode node, String pointer, ConnectionKind kind) {
    List<ConnectionDecl> list = new ArrayList<>();
    if (!node.isArray()) {
      return list;
    }
    for (int i = 0; i < node.size(); i++) {
      String p = SourceMap.child(pointer, i);
      JsonNode item = node.get(i);
      Span span = map.valueSpan(p);
      if (item.isTextual()) {
        new ConnectionParser(tree.file(), item.asText(), span, out).parse()
            .ifPresent(groups -> list.add(new ConnectionDecl(kind, groups, span)));
      } else if (item.isObject()) {
        structured(item, p, kind).ifPresent(list::add);
      }
    }
    return list;
  }

  /** `{from: a, predicate: big, to: [b, c]}` or `{from: dedup, output: 2, to: x}`. */
  private Optional<ConnectionDecl> structured(JsonNode item, String pointer, ConnectionKind kind) {
    Optional<Located<String>> from = text(item, pointer, "from");
    if (from.isEmpty()) {
      return Optional.empty();
    }
    if (kind == ConnectionKind.EVENT) {
      // An event lane has no ports; `predicate`/`output` here are unknown keys the schema reported.
      return structuredTargets(item, pointer).map(targets -> new ConnectionDecl(kind,
          List.of(List.of(new PortRef(from.get(), Optional.empty(), from.get().span())), targets), map.valueSpan(pointer)));
    }
    Optional<Located<String>> port = text(item, pointer, "predicate");
    JsonNode output = item.path("output");
    boolean badPredicate = item.has("predicate") && port.isEmpty();
    boolean badOutput = !output.isMissingNode() && !(output.isIntegralNumber() && output.asLong() >= 1);
    if (badPredicate || badOutput) {
      return Optional.empty(); // the schema reported it; guessing a port would only add errors
    }
    if (port.isEmpty() && output.isIntegralNumber()) {
      port = Optional.of(new Located<>(output.asText(), map.valueSpan(pointer + "/output")));
    }
    PortRef fromRef = new PortRef(from.get(), port, from.get().span());
    return structuredTargets(item, pointer)
        .map(targets -> new ConnectionDecl(kind, List.of(List.of(fromRef), targets), map.valueSpan(pointer)));
  }

  private Optional<List<PortRef>> structuredTargets(JsonNode item, String pointer) {
    List<PortRef> targets = new ArrayList<>();
    JsonNode to = item.path("to");
    if (to.isTextual()) {
      Span s = map.valueSpan(pointer + "/to");
      targets.add(new PortRef(new Located<>(to.asText(), s), Optional.empty(), s));
    } else if (to.isArray()) {
      for (int j = 0; j < to.size(); j++) {
        if (to.get(j).isTextual()) {
          Span s = map.valueSpan(SourceMap.child(pointer + "/to", j));
          targets.add(new PortRef(new Located<>(to.get(j).asText(), s), Optional.empty(), s));
        }
      }
    }
    return targets.isEmpty() ? Optional.empty() : Optional.of(targets);
  }

  /** A mapping kept verbatim; anything else was reported by the schema. */
  private static Optional<JsonNode> object(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isObject() ? Optional.of(v) : Optional.empty();
  }

  private Optional<Located<String>> text(JsonNode node, String pointer, String field) {
    JsonNode v = node.path(field);
    if (!v.isTextual()) {
      return Optional.empty();
    }
    return Optional.of(new Located<>(v.asText(), map.valueSpan(SourceMap.child(pointer, field))));
  }

  /** Versions are strings on the platform; accept `version: 3` as well as `version: "3"`. */
  private Optional<Located<String>> versionText(JsonNode node, String pointer) {
    JsonNode v = node.path("version");
    if (v.isTextual() || v.isIntegralNumber()) {
      return Optional.of(new Located<>(v.asText(), map.valueSpan(SourceMap.child(pointer, "version"))));
    }
    return Optional.empty();
  }
}
