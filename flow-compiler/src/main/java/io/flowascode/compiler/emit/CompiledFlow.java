package io.flowascode.compiler.emit;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.config.BoundConfig;
import io.flowascode.compiler.graph.FlowGraph;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the emitter needs: a flow resolved, named, connected and checked.
 *
 * @param rawSettings pipeline configuration the flow passes through verbatim (`raw_settings`), by
 *     raw name, in written order
 * @param ui the pipeline's UI state as written (`ui`), an empty object when not written
 * @param metadata the pipeline's metadata other than labels as written, an empty object when not
 *     written
 */
public record CompiledFlow(
    String id,
    io.flowascode.source.Span idSpan,
    String title,
    String description,
    List<String> labels,
    Map<String, JsonNode> parameters,
    BoundConfig settings,
    Map<String, JsonNode> rawSettings,
    FlowGraph graph,
    SpecialStage errorStage,
    Optional<SpecialStage> startEvent,
    Optional<SpecialStage> stopEvent,
    Optional<SpecialStage> testOrigin,
    Optional<SpecialStage> statsAggregator,
    JsonNode ui,
    JsonNode metadata) {

  public CompiledFlow {
    labels = List.copyOf(labels);
    rawSettings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rawSettings));
  }

  /** The same flow with its stages and connections replaced (renamed instances). */
  public CompiledFlow withGraph(FlowGraph other) {
    return new CompiledFlow(id, idSpan, title, description, labels, parameters, settings, rawSettings, other, errorStage,
        startEvent, stopEvent, testOrigin, statsAggregator, ui, metadata);
  }
}
