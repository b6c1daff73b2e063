package io.flowascode.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.secrets.SecretReference;
import io.flowascode.engine.diff.Change.ConfigChanged;
import io.flowascode.engine.diff.Change.ParameterChanged;
import io.flowascode.engine.diff.Change.ServiceConfigChanged;
import io.flowascode.engine.diff.Change.SettingChanged;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the values of a flow's secrets out of its plan: a change to a configuration the flow sets
 * with `{secret: NAME}` shows as "(sensitive)" on both sides (the remote side may hold the secret
 * before a rotation), and so does any change whose values contain a secret's value anywhere else.
 * The configurations are found where the pipeline as compiled holds secret placeholders.
 */
public final class SecretRedaction {
  /** Shorter values would hide unrelated changes that happen to contain them; their configs are still hidden. */
  private static final int MIN_MATCHED_LENGTH = 4;

  private SecretRedaction() {}

  /**
   * @param compiled the desired pipeline as compiled, with its secret placeholders
   * @param values the values of the secrets it uses
   */
  public static FlowDiff redact(FlowDiff diff, JsonNode compiled, Collection<String> values) {
    if (values.isEmpty()) {
      return diff;
    }
    Set<String> places = places(compiled);
    List<String> matched = values.stream().filter(v -> v.length() >= MIN_MATCHED_LENGTH).toList();
    List<Change> out = new ArrayList<>();
    for (Change c : diff.changes()) {
      out.add(redact(c, places, matched));
    }
    return new FlowDiff(out);
  }

  private static Change redact(Change c, Set<String> places, List<String> values) {
    if (c instanceof ConfigChanged x && !x.sensitive()
        && (places.contains(key(x.instance(), "", x.config())) || carries(values, x.before(), x.after()))) {
      return new ConfigChanged(x.instance(), x.config(), x.attribute(), hidden(x.before()), hidden(x.after()), true);
    }
    if (c instanceof ServiceConfigChanged x && !x.sensitive()
        && (places.contains(key(x.instance(), x.service(), x.config())) || carries(values, x.before(), x.after()))) {
      return new ServiceConfigChanged(x.instance(), x.service(), x.config(), x.attribute(), hidden(x.before()),
          hidden(x.after()), true);
    }
    if (c instanceof SettingChanged x && !x.sensitive()
        && (places.contains(key("", "", x.name())) || carries(values, x.before(), x.after()))) {
      return new SettingChanged(x.name(), x.attribute(), hidden(x.before()), hidden(x.after()), true);
    }
    if (c instanceof ParameterChanged x && !x.sensitive() && carries(values, x.before(), x.after())) {
      return new ParameterChanged(x.key(), hidden(x.before()), hidden(x.after()), true);
    }
    return c;
  }

  private static JsonNode hidden(JsonNode value) {
    return Sensitivity.redact(value);
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

  /** `instance|service|config` of every configuration holding a placeholder; the pipeline's own settings have no instance. */
  private static Set<String> places(JsonNode compiled) {
    Set<String> out = new HashSet<>();
    JsonNode p = PipelineView.unwrap(compiled);
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

  private static void configs(JsonNode list, String instance, String service, Set<String> out) {
    for (JsonNode c : list) {
      if (holdsPlaceholder(c.path("value"))) {
        out.add(key(instance, service, c.path("name").asText()));
      }
    }
  }

  private static boolean holdsPlaceholder(JsonNode value) {
    if (value.isTextual()) {
      return SecretReference.ofPlaceholder(value.asText()).isPresent();
    }
    for (JsonNode child : value) {
      if (holdsPlaceholder(child)) {
        return true;
      }
    }
    return false;
  }

  private static String key(String instance, String service, String config) {
    return instance + '|' + service + '|' + config;
  }
}
