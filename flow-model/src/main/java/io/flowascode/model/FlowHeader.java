package io.flowascode.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * The `flow:` section: identity, parameters, pipeline settings and the special stages.
 *
 * @param rawSettings pipeline configuration the catalog does not define, passed through verbatim
 * @param ui the pipeline's UI state (`uiInfo`), kept verbatim; empty when not written
 * @param metadata the pipeline's metadata other than labels, kept verbatim; empty when not written
 * @param testOrigin the stage preview reads from instead of the origin, with its configuration
 * @param statsAggregator the stage that receives the pipeline's statistics, with its configuration
 */
public record FlowHeader(
    Located<String> id,
    Optional<Located<String>> title,
    Optional<Located<String>> description,
    List<Located<String>> labels,
    List<ParameterDecl> parameters,
    List<ConfigEntry> settings,
    List<ConfigEntry> rawSettings,
    Optional<SpecialStageDecl> errorRecords,
    Optional<SpecialStageDecl> startEvent,
    Optional<SpecialStageDecl> stopEvent,
    Optional<SpecialStageDecl> testOrigin,
    Optional<SpecialStageDecl> statsAggregator,
    Optional<JsonNode> ui,
    Optional<JsonNode> metadata,
    Span span) {

  public FlowHeader {
    labels = List.copyOf(labels);
    parameters = List.copyOf(parameters);
    settings = List.copyOf(settings);
    rawSettings = List.copyOf(rawSettings);
  }
}
