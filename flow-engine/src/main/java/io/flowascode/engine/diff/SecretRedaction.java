package io.flowascode.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flowascode.compiler.secrets.SecretReference;
import io.flowascode.compiler.verify.PipelineEnvelope;
import io.flowascode.engine.diff.Change.ConfigChanged;
import io.flowascode.engine.diff.Change.ParameterChanged;
import io.flowascode.engine.diff.Change.ServiceConfigChanged;
import io.flowascode.engine.diff.Change.SettingChanged;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the values of a flow's secrets out of its plan: a change to a configuration the flow sets
 * with `{secret: NAME}` shows as "(sensitive)" before and "(secret NAME)" after (the remote side
 * may hold the secret before a rotation), and any change whose values contain a secret's value
 * anywhere else as "(sensitive)" on both sides.
 * The configurations are found where the pipeline as compiled holds secret placeholders.
 */
public final class SecretRedaction {
  /** Shorter values would hide unrelated changes that happen to contain them; their configs are still hidden. */
  private static final int MIN_MATCHED_LENGTH = 4;

  private SecretRedaction() {}

  /**
   * The diff with every change that would show a secret's value replaced by one that names it.
   *
   * @param compiled the desired pipeline as compiled, with its secret placeholders
   * @param values the values of the secrets it uses
   */
  public static FlowDiff redact(FlowDiff diff, JsonNode compiled, Collection<String> values) {
    if (values.isEmpty()) {
      return diff;
    }
    Map<String, String> places = places(compiled);
    List<String> matched = values.stream().filter(v -> v.length() >= MIN_MATCHED_LENGTH).toList();
    List<Change> out = new ArrayList<>();
    for (Change c : diff.changes()) {
      out.add(redact(c, places, matched));
    }
    return new FlowDiff(out);
  }

  private static Change redact(Change c, Map<String, String> places, List<String> values) {
    if (c instanceof ConfigChanged x) {
      String secret = places.get(key(x.instance(), "", x.config()));
      if (secret != null || (!x.sensitive() && carries(values, x.before(), x.after()))) {
        return new ConfigChanged(x.instance(), x.config(), x.attribute(), hidden(x.before()), after(secret, x.after()), true);
      }
    }
    if (c instanceof ServiceConfigChanged x) {
      String secret = places.get(key(x.instance(), x.service(), x.config()));
      if (secret != null || (!x.sensitive() && carries(values, x.before(), x.after()))) {
        return new ServiceConfigChanged(x.instance(), x.service(), x.config(), x.attribute(), hidden(x.before()),
            after(secret, x.after()), true);
      }
    }
    if (c instanceof SettingChanged x) {
      String secret = places.get(key("", "", x.name()));
      if (secret != null || (!x.sensitive() && carries(values, x.before(), x.after()))) {
        return new SettingChanged(x.name(), x.attribute(), hidden(x.before()), after(secret, x.after()), true);
      }
    }
    if (c instanceof ParameterChanged x && !x.sensitive() && carries(values, x.before(), x.after())) {
      return new ParameterChanged(x.key(), hidden(x.before()), hidden(x.after()), true);
    }
    return c;
  }

  private static JsonNode hidden(JsonNode value) {
    return Sensitivity.redact(value);
  }

  /** What the plan shows the configuration becomes: the secret by name, which says what apply writes. */
  private static JsonNode after(String secret, JsonNode value) {
    return secret == null || value == null ? hidden(value) : TextNode.valueOf(marker(secret));
  }

  /** `(secret NAME)`: the name of the secret a configuration is set to, in place of its value. */
  public static String marker(String secret) {
    return "(secret " + secret + ")";
  }

  private static boolean carries(List<String> values, JsonNode... nodes) {
    for (JsonNode n : nodes) {
      if (n != null && contains(n, values)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(JsonNode node, List<String> values) {
    if (node.isTextual()) {
      return values.stream().anyMatch(v -> node.asText().contains(v));
    }
    for (JsonNode child : node) {
      if (contains(child, values)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The secret's name by `instance|service|config` of every configuration holding a placeholder;
   * the pipeline's own settings have no instance. A list holding several secrets shows the first.
   */
  private static Map<String, String> places(JsonNode compiled) {
    Map<String, String> out = new HashMap<>();
    JsonNode p = PipelineEnvelope.unwrap(compiled);
    if (p == null) {
      return out;
    }
    configs(p.path("configuration"), "", "", out);
    List<JsonNode> stages = new ArrayList<>();
    p.path("stages").forEach(stages::add);
    for (String field : List.of("errorStage", "statsAggregatorStage", "testOriginStage")) {
      if (p.path(field).isObject()) {
        stages.add(p.get(field));
      }
    }
    for (String field : List.of("startEventStages", "stopEventStages")) {
      p.path(field).forEach(stages::add);
    }
    for (JsonNode s : stages) {
      String instance = s.path("instanceName").asText();
      configs(s.path("configuration"), instance, "", out);
      for (JsonNode svc : s.path("services")) {
        configs(svc.path("configuration"), instance, svc.path("service").asText(), out);
      }
    }
    return out;
  }

  private static void configs(JsonNode list, String instance, String service, Map<String, String> out) {
    for (JsonNode c : list) {
      placeholder(c.path("value")).ifPresent(name -> out.put(key(instance, service, c.path("name").asText()), name));
    }
  }

  private static Optional<String> placeholder(JsonNode value) {
    if (value.isTextual()) {
      return SecretReference.ofPlaceholder(value.asText());
    }
    for (JsonNode child : value) {
      Optional<String> name = placeholder(child);
      if (name.isPresent()) {
        return name;
      }
    }
    return Optional.empty();
  }

  private static String key(String instance, String service, String config) {
    return instance + '|' + service + '|' + config;
  }
}
