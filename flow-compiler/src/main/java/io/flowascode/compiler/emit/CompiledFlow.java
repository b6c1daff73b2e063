package io.flowascode.compiler.emit;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.config.BoundConfig;
import io.flowascode.compiler.graph.FlowGraph;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the emitter needs: a flow resolved, named, connected and checked. */
public record CompiledFlow(
    String id,
    io.flowascode.source.Span idSpan,
    String title,
    String description,
    List<String> labels,
    Map<String, JsonNode> parameters,
    BoundConfig settings,
    FlowGraph graph,
    SpecialStage errorStage,
    Optional<SpecialStage> startEvent,
    Optional<SpecialStage> stopEvent) {

  public CompiledFlow {
    labels = List.copyOf(labels);
  }
}
