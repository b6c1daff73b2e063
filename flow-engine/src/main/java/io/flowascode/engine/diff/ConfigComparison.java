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
      if (a != null && !equivalent(name, before, after, e.getValue(), a)) {
        out.add(difference(name, before, after, e.getValue(), a));
      }
    }
    for (Map.Entry<String, JsonNode> e : after.values().entrySet()) {
      String name = e.getKey();
      if (before.values().containsKey(name)) {
        continue;
      }
      JsonNode b = defaultOf(name, before, after);
      if (b != null && !equivalent(name, before, after, b, e.getValue())) {
        out.add(difference(name, before, after, b, e.getValue()));
      }
    }
    out.sort((x, y) -> x.name().compareTo(y.name()));
    return out;
  }

  /**
   * Equal to the platform: in a list of beans, a field an entry lacks is the field's default (the
   * engine builds each entry as a bean whose fields start at their defaults), so entries written
   * before a stage version added a field equal the same entries with that field at its default.
   */
  private static boolean equivalent(String name, Side before, Side after, JsonNode b, JsonNode a) {
    if (JsonValues.equivalent(b, a)) {
      return true;
    }
    ConfigDefinition def = after.definitions().containsKey(name) ? after.definitions().get(name) : before.definitions().get(name);
    List<ConfigDefinition> fields = def == null ? List.of()
        : def.model().filter(m -> m.isListBean()).map(m -> m.beanConfigs()).orElse(List.of());
    if (fields.isEmpty() || !a.isArray() || !b.isArray() || a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!sameBean(b.get(i), a.get(i), fields)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameBean(JsonNode b, JsonNode a, List<ConfigDefinition> fields) {
    if (!a.isObject() || !b.isObject()) {
      return JsonValues.equivalent(b, a);
    }
    java.util.Set<String> names = new java.util.TreeSet<>();
    b.fieldNames().forEachRemaining(names::add);
    a.fieldNames().forEachRemaining(names::add);
    for (String field : names) {
      JsonNode dflt = fields.stream().filter(f -> f.name().equals(field)).findFirst()
          .map(f -> f.defaultValue() == null ? (JsonNode) NullNode.getInstance() : f.defaultValue())
          .orElse(NullNode.getInstance());
      if (!JsonValues.equivalent(b.has(field) ? b.get(field) : dflt, a.has(field) ? a.get(field) : dflt)) {
        return false;
      }
    }
    return true;
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
