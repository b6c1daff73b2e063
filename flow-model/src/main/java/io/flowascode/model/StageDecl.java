package io.flowascode.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * A stage as written under `stages:`, keyed by its local id.
 *
 * @param title the name the UI shows (`uiInfo.label`); empty for the default `<label> <n>`
 * @param ui the rest of the stage's UI state (`uiInfo`), kept verbatim; empty when not written
 */
public record StageDecl(
    Located<String> id,
    StageRef ref,
    Optional<Located<String>> instanceName,
    Optional<Located<String>> title,
    Optional<Located<String>> description,
    Optional<JsonNode> ui,
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
