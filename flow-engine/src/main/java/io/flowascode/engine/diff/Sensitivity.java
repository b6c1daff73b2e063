package io.flowascode.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigType;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides which values a plan must never show: credential configs, configs and parameters whose
 * name suggests a secret, and values that carry a secret-looking field or map entry (e.g. an HTTP
 * header list with `Authorization`). It errs on hiding: a hidden value still shows as changed.
 */
final class Sensitivity {
  /** What a change holds instead of a sensitive value that exists (absent stays null). */
  static final JsonNode REDACTED = TextNode.valueOf("(sensitive)");

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|passwd|pwd|secret|token|key|credential|authorization).*");

  private Sensitivity() {}

  /** The marker for a sensitive value, or null when there is no value to hide. */
  static JsonNode redact(JsonNode value) {
    return JsonValues.isEmpty(value) ? null : REDACTED;
  }

  static boolean secretName(String name) {
    return name != null && SECRET_NAME.matcher(name).matches();
  }

  static boolean sensitive(String name, ConfigDefinition before, ConfigDefinition after, JsonNode b, JsonNode a) {
    return secretName(name)
        || credential(before)
        || credential(after)
        || carriesSecret(b)
        || carriesSecret(a);
  }

  private static boolean credential(ConfigDefinition def) {
    if (def == null) {
      return false;
    }
    if (def.type() == ConfigType.CREDENTIAL || secretName(def.label())) {
      return true;
    }
    // A list of beans (e.g. connection properties) with a credential field.
    return def.model().map(m -> m.beanConfigs().stream().anyMatch(Sensitivity::credential)).orElse(false);
  }

  /** True when an object in the value has a secret-looking field or `{key, value}` entry. */
  static boolean carriesSecret(JsonNode value) {
    if (value == null || !value.isContainerNode()) {
      return false;
    }
    if (value.isObject()) {
      JsonNode key = value.get("key");
      if (key != null && key.isTextual() && secretName(key.asText())) {
        return true;
      }
      for (Map.Entry<String, JsonNode> f : value.properties()) {
        if ((secretName(f.getKey()) && !"key".equals(f.getKey()) && !JsonValues.isEmpty(f.getValue()))
            || carriesSecret(f.getValue())) {
          return true;
        }
      }
      return false;
    }
    for (JsonNode item : value) {
      if (carriesSecret(item)) {
        return true;
      }
    }
    return false;
  }
}
