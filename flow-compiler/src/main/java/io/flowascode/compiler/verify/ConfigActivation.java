package io.flowascode.compiler.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.ConfigDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a config is active: every config it depends on is present and holds one of the values
 * that trigger it. The platform publishes the whole chain of dependencies with each config, and
 * compares values as text (its {@code String.valueOf}), so {@code true} triggers on {@code true}
 * and an absent or null value triggers nothing but the text "null".
 */
public final class ConfigActivation {
  private ConfigActivation() {}

  /**
   * @param lookup the value the engine reads for a config name; empty when the config is absent
   */
  public static boolean isActive(ConfigDefinition def, Function<String, Optional<JsonNode>> lookup) {
    for (Map.Entry<String, List<JsonNode>> dependency : def.dependsOn().entrySet()) {
      Optional<JsonNode> value = lookup.apply(dependency.getKey());
      if (value.isEmpty() || !triggers(dependency.getValue(), value.get())) {
        return false;
      }
    }
    return true;
  }

  /** True when one of the trigger values, as text, equals the value as text. */
  public static boolean triggers(List<JsonNode> triggers, JsonNode value) {
    String text = EngineValues.text(value);
    for (JsonNode t : triggers) {
      if (EngineValues.text(t).equals(text)) {
        return true;
      }
    }
    return false;
  }
}
