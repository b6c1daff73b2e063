package io.flowascode.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.flowascode.compiler.catalog.ConfigDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares two sets of configs by name, a missing config standing for its default. The default
 * comes from the side's own definition (a stage's preset for its service first), else from the
 * other side's definition; a config missing on one side whose default nobody knows is not
 * compared, because the platform fills it in with a default the diff cannot see.
 */
final class ConfigComparison {

  /** One side: the values in the JSON, the definitions by raw name, and preset defaults. */
  record Side(Map<String, JsonNode> values, Map<String, ConfigDefinition> definitions, Map<String, JsonNode> presets) {
    static Side of(Map<String, JsonNode> values, Map<String, ConfigDefinition> definitions) {
      return new Side(values, definitions, Map.of());
    }
  }

  /** A config whose effective values differ; sensitive values replaced by the redaction marker. */
  record Difference(
      String name, ConfigDefinition definition, JsonNode before, JsonNode after, boolean sensitive) {

    /** The readable attribute name, the raw name when no definition knows the config. */
    String attribute() {
      return definition == null ? name : definition.attributeName();
    }
  }

  private ConfigComparison() {}

  /** The differing configs, sorted by raw name. */
  static List<Difference> compare(Side before, Side after) {
    List<Difference> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : before.values().entrySet()) {
      String name = e.getKey();
      JsonNode a = after.values().containsKey(name) ? after.values().get(name) : defaultOf(name, after, before);
      if (a != null && !JsonValues.equivalent(e.getValue(), a)) {
        out.add(difference(name, before, after, e.getValue(), a));
      }
    }
    for (Map.Entry<String, JsonNode> e : after.values().entrySet()) {
      String name = e.getKey();
      if (before.values().containsKey(name)) {
        continue;
      }
      JsonNode b = defaultOf(name, before, after);
      if (b != null && !JsonValues.equivalent(b, e.getValue())) {
        out.add(difference(name, before, after, b, e.getValue()));
      }
    }
    out.sort((x, y) -> x.name().compareTo(y.name()));
    return out;
  }

  /** The side's default for a config, else the other side's; Java null when unknown. */
  static JsonNode defaultOf(String name, Side side, Side other) {
    JsonNode own = declaredDefault(name, side);
    return own != null ? own : declaredDefault(name, other);
  }

  private static JsonNode declaredDefault(String name, Side side) {
    JsonNode preset = side.presets().get(name);
    if (preset != null) {
      return preset;
    }
    ConfigDefinition def = side.definitions().get(name);
    if (def == null) {
      return null;
    }
    return def.defaultValue() == null ? NullNode.getInstance() : def.defaultValue();
  }

  private static Difference difference(String name, Side before, Side after, JsonNode b, JsonNode a) {
    ConfigDefinition bDef = before.definitions().get(name);
    ConfigDefinition aDef = after.definitions().get(name);
    boolean sensitive = Sensitivity.sensitive(name, bDef, aDef, b, a);
    return new Difference(
        name,
        aDef != null ? aDef : bDef,
        sensitive ? Sensitivity.redact(b) : b,
        sensitive ? Sensitivity.redact(a) : a,
        sensitive);
  }
}
