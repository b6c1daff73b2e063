package io.flowascode.compiler.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The values a user set, keyed by {@link ConfigTarget#key()}; everything else takes its default
 * when emitted.
 */
public record BoundConfig(Map<String, JsonNode> values) {
  public BoundConfig {
    values = Map.copyOf(values);
  }

  public static BoundConfig empty() {
    return new BoundConfig(Map.of());
  }
}
