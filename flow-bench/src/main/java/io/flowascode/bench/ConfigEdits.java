package io.flowascode.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Edits a share of a pipeline's stage configs, the same ones every time: every N-th entry of the
 * stages' `configuration` lists in document order gets a different value of its kind (text
 * gains a suffix, a boolean flips, a number grows, anything else becomes text).
 */
final class ConfigEdits {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ConfigEdits() {}

  /** Edits every {@code every}-th config of a copy of {@code pipeline}; returns how many were edited. */
  static int editEvery(ObjectNode pipeline, int every) {
    int seen = 0;
    int edited = 0;
    for (JsonNode stage : pipeline.path("stages")) {
      for (JsonNode entry : stage.path("configuration")) {
        if (++seen % every != 0) {
          continue;
        }
        ObjectNode config = (ObjectNode) entry;
        JsonNode v = config.path("value");
        JsonNode changed = v.isTextual() ? JSON.textNode(v.asText() + "-edited")
            : v.isBoolean() ? JSON.booleanNode(!v.asBoolean())
            : v.isIntegralNumber() ? JSON.numberNode(v.asLong() + 1)
            : v.isNumber() ? JSON.numberNode(v.asDouble() + 1)
            : JSON.textNode("edited");
        config.set("value", changed);
        edited++;
      }
    }
    return edited;
  }

  /** How many stage configs the pipeline has. */
  static int count(JsonNode pipeline) {
    int n = 0;
    for (JsonNode stage : pipeline.path("stages")) {
      n += stage.path("configuration").size();
    }
    return n;
  }
}
