package io.flowascode.compiler.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.catalog.StageType;
import io.flowascode.compiler.config.BoundConfig;
import io.flowascode.compiler.config.ConfigTarget;
import io.flowascode.compiler.naming.LaneNamer;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.model.Located;
import io.flowascode.model.PredicateDecl;
import io.flowascode.model.StageDecl;
import io.flowascode.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The output ports of a stage, as the graph connects them and the emitter names their lanes. */
public final class OutputPorts {
  private OutputPorts() {}

  /**
   * The outputs of a declared stage: its named predicates and `default` for a Stream Selector,
   * one per entry of a lane-driving list (e.g. HTTP Router routes), else its fixed outputs; lane
   * names as the platform's SDKs form them. Reports predicates written where none are taken.
   *
   * @param root the flow file's tree, to tell predicates written with the wrong type (reported by the schema)
   */
  public static List<OutputPort> of(StageDecl decl, StageDefinition def, String instance, BoundConfig config,
      JsonNode root, Diagnostics out) {
    List<OutputPort> ports = new ArrayList<>();
    if (def.hasPredicates()) {
      for (PredicateDecl p : decl.predicates()) {
        String name = p.name().value();
        if (name.equals(OutputPort.DEFAULT)) {
          out.add(Diagnostic.of(Code.DEFAULT_PREDICATE_NAMED, p.name().span(), "`default` is the implicit last output")
              .label("reserved name")
              .help("remove this predicate; records no other predicate matches go to `" + decl.idValue() + "[default]`")
              .build());
          continue;
        }
        String expr = p.expression().value().trim();
        if (!expr.startsWith("${") || !expr.endsWith("}")) {
          out.add(Diagnostic.of(Code.MALFORMED_PREDICATE, p.expression().span(),
                  "the predicate `" + name + "` is not an expression")
              .label("must be written as ${...}")
              .help("write it as '${" + (expr.startsWith("$") ? expr.replaceAll("^\\$\\{?|}$", "") : expr) + "}'")
              .build());
        }
        ports.add(new OutputPort(name, LaneNamer.outputLane(instance, name), Optional.of(p.expression().value())));
      }
      ports.add(new OutputPort(OutputPort.DEFAULT, LaneNamer.outputLane(instance, OutputPort.DEFAULT), Optional.empty()));
      // Predicates written with the wrong type were reported by the schema and left out.
      JsonNode written = root.path("stages").path(decl.idValue()).path("predicates");
      boolean predicatesMistyped = !written.isMissingNode()
          && (!written.isObject() || written.size() != decl.predicates().size());
      if (ports.size() == 1 && !predicatesMistyped) {
        Span at = decl.predicatesSpan().orElse(decl.ref().label().map(Located::span).orElse(decl.id().span()));
        out.add(Diagnostic.of(Code.SELECTOR_ONLY_DEFAULT, at,
                "`" + decl.idValue() + "` has no predicates, so every record goes to its default output")
            .label("only a default output")
            .help("add `predicates:` with at least one '${...}' condition, or remove the selector")
            .build());
      }
      return ports;
    }
    if (!decl.predicates().isEmpty() || decl.predicatesSpan().isPresent()) {
      out.add(Diagnostic.of(Code.NOT_A_SELECTOR, decl.predicatesSpan().orElse(decl.id().span()),
              "`" + decl.idValue() + "` (" + def.label() + ") has no predicates")
          .label("only a Stream Selector takes predicates")
          .help("use `label: Stream Selector` to route records by condition")
          .build());
    }
    if (def.type() == StageType.DESTINATION || def.type() == StageType.EXECUTOR) {
      return ports;
    }
    Optional<ConfigDefinition> laneConfig = def.laneConfig();
    if (laneConfig.isPresent()) {
      // One output per entry (e.g. per HTTP Router route), numbered from 1 in written order.
      JsonNode entries = config.values().get(new ConfigTarget(Optional.empty(), laneConfig.get()).key());
      // Unset, the UI starts such a stage with one entry of defaults, so it has one output.
      int count = entries != null && entries.isArray() ? entries.size() : 1;
      for (int i = 1; i <= count; i++) {
        ports.add(new OutputPort(String.valueOf(i), LaneNamer.outputLane(instance, String.valueOf(i)), Optional.empty()));
      }
      return ports;
    }
    int n = Math.max(1, def.fixedOutputs());
    if (n == 1) {
      ports.add(new OutputPort(OutputPort.SINGLE, LaneNamer.outputLane(instance, OutputPort.SINGLE), Optional.empty()));
    } else {
      for (int i = 1; i <= n; i++) {
        ports.add(new OutputPort(String.valueOf(i), LaneNamer.outputLane(instance, String.valueOf(i)), Optional.empty()));
      }
    }
    return ports;
  }
}
