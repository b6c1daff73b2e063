package io.flowascode.model;

import io.flowascode.source.Span;
import java.util.List;
import java.util.Optional;

/** A stage as written under `stages:`, keyed by its local id. */
public record StageDecl(
    Located<String> id,
    StageRef ref,
    Optional<Located<String>> instanceName,
    Optional<Located<String>> description,
    Optional<Span> predicatesSpan,
    List<PredicateDecl> predicates,
    Span span) {

  public StageDecl {
    predicates = List.copyOf(predicates);
  }

  public String idValue() {
    return id.value();
  }
}
