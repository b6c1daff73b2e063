package io.flowascode.model;

import io.flowascode.source.Span;
import java.util.Optional;

/**
 * One end of a connection: a stage id and optionally which output (`route[big]` names a predicate,
 * `dedup[2]` a numbered output).
 */
public record PortRef(Located<String> stage, Optional<Located<String>> port, Span span) {
  public boolean hasNumberedPort() {
    return port.map(p -> p.value().chars().allMatch(Character::isDigit) && !p.value().isEmpty()).orElse(false);
  }

  @Override
  public String toString() {
    return stage.value() + port.map(p -> "[" + p.value() + "]").orElse("");
  }
}
