package io.flowascode.model;

import io.flowascode.source.Span;
import java.util.List;
import java.util.Optional;

/** The `flow:` section: identity, parameters, pipeline settings and the special stages. */
public record FlowHeader(
    Located<String> id,
    Optional<Located<String>> title,
    Optional<Located<String>> description,
    List<Located<String>> labels,
    List<ParameterDecl> parameters,
    List<ConfigEntry> settings,
    Optional<SpecialStageDecl> errorRecords,
    Optional<SpecialStageDecl> startEvent,
    Optional<SpecialStageDecl> stopEvent,
    Span span) {

  public FlowHeader {
    labels = List.copyOf(labels);
    parameters = List.copyOf(parameters);
    settings = List.copyOf(settings);
  }
}
