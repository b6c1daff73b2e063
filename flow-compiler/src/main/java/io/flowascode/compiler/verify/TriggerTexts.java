package io.flowascode.compiler.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;
import java.util.Map;

/**
 * Values the engine turns into a different text when it decides whether a config is active. It
 * compares the trigger values of a dependency with {@code String.valueOf} of the Java value, and
 * for a few enums that is not the value's name: the config's dependants are then never active
 * in the engine's checks, whatever the UI shows. The definitions cannot say which; these were
 * found in the engine's source (an enum overriding {@code toString}) and confirmed against it.
 */
final class TriggerTexts {
  /** Stage name and config name to how the engine prints the value. */
  private static final Map<String, String> LOWER_CASE = Map.of(
      // basic-lib WindowType.toString() is name().toLowerCase()
      "com_streamsets_pipeline_stage_processor_aggregation_AggregationDProcessor|config.windowType", "lower");

  private TriggerTexts() {}

  /** The value as the engine prints it for this stage's config. */
  static JsonNode asEngineSees(String stageName, String configName, JsonNode value) {
    if (value != null && value.isTextual() && LOWER_CASE.containsKey(stageName + "|" + configName)) {
      return TextNode.valueOf(value.textValue().toLowerCase(Locale.ROOT));
    }
    return value;
  }
}
