package io.flowascode.model;

import io.flowascode.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * How a stage definition is chosen: by label or name, narrowed by type and library, optionally
 * pinned to a version, with its configuration.
 */
public record StageRef(
    Optional<Located<String>> label,
    Optional<Located<String>> name,
    Optional<Located<String>> type,
    Optional<Located<String>> library,
    Optional<Located<String>> version,
    List<ConfigEntry> config,
    Span span) {

  public StageRef {
    config = List.copyOf(config);
  }

  /** The text to show for this reference: the label, else the name. */
  public String display() {
    return label.or(() -> name).map(Located::value).orElse("?");
  }
}
