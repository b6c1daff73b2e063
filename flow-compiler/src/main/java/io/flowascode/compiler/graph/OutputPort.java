package io.flowascode.compiler.graph;

import java.util.Optional;

/**
 * One data output of a stage: `out` for a single-output stage, a predicate name (or `default`) for
 * a Stream Selector, `1`..`n` for a stage with several fixed outputs.
 */
public record OutputPort(String key, String lane, Optional<String> predicate) {
  public static final String SINGLE = "out";
  public static final String DEFAULT = "default";
}
