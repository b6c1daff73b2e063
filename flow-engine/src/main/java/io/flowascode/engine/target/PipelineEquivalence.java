package io.flowascode.engine.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Whether a stored pipeline holds everything a client sent, modulo what a store rewrites on save,
 * for deciding if a write whose answer was lost took effect: the lock token, `info` and the
 * output-only validation fields are ignored, stages are matched by instance name (the store
 * reorders them), a config list may hold more entries than were sent (the store fills defaults),
 * version fields compare as text (the store rebinds their types), and fields the client did not
 * send are not looked at. Everything that was sent must be stored with the same value.
 */
final class PipelineEquivalence {
  private static final Set<String> REWRITTEN = Set.of("uuid", "info", "issues", "valid", "previewable");
  private static final Set<String> STAGE_LISTS = Set.of("stages", "startEventStages", "stopEventStages");
  private static final Set<String> VERSIONS = Set.of("stageVersion", "serviceVersion");

  private PipelineEquivalence() {}

  static boolean storedHoldsSent(JsonNode sent, JsonNode stored) {
    if (!sent.isObject() || !stored.isObject()) {
      return sent.equals(stored);
    }
    for (Iterator<String> it = sent.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!REWRITTEN.contains(field) && !covers(field, sent.get(field), stored.get(field))) {
        return false;
      }
    }
    return true;
  }

  private static boolean covers(String field, JsonNode sent, JsonNode stored) {
    if (stored == null) {
      return false;
    }
    if (VERSIONS.contains(field)) {
      return sent.asText().equals(stored.asText());
    }
    if (STAGE_LISTS.contains(field) && sent.isArray() && stored.isArray()) {
      return stagesCovered(sent, stored);
    }
    if (field.equals("configuration") && sent.isArray() && stored.isArray()) {
      return configsCovered(sent, stored);
    }
    if (sent.isObject() && stored.isObject()) {
      for (Iterator<String> it = sent.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!covers(name, sent.get(name), stored.get(name))) {
          return false;
        }
      }
      return true;
    }
    if (sent.isArray() && stored.isArray()) {
      if (sent.size() != stored.size()) {
        return false;
      }
      for (int i = 0; i < sent.size(); i++) {
        if (!covers("", sent.get(i), stored.get(i))) {
          return false;
        }
      }
      return true;
    }
    return sent.equals(stored);
  }

  private static boolean stagesCovered(JsonNode sent, JsonNode stored) {
    if (sent.size() != stored.size()) {
      return false;
    }
    Map<String, JsonNode> byName = new HashMap<>();
    stored.forEach(stage -> byName.put(stage.path("instanceName").asText(), stage));
    for (JsonNode stage : sent) {
      if (!covers("", stage, byName.get(stage.path("instanceName").asText()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean configsCovered(JsonNode sent, JsonNode stored) {
    Map<String, JsonNode> byName = new HashMap<>();
    stored.forEach(config -> byName.put(config.path("name").asText(), config.get("value")));
    for (JsonNode config : sent) {
      String name = config.path("name").asText();
      if (!byName.containsKey(name) || !covers("", config.path("value"), byName.get(name))) {
        return false;
      }
    }
    return true;
  }
}
