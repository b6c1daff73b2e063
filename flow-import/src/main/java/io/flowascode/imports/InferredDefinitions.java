package io.flowascode.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;
import io.flowascode.compiler.catalog.ConfigType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Config definitions made from what a pipeline holds, for when no published definition expresses
 * it: a config the definition lacks gets a definition of its own (no label, so it is written by
 * its raw name; no default, so its value is always written), and a config whose value the
 * definition does not accept (a choice it no longer offers, a type it changed) gets a loosened copy.
 * Types are guessed from every value the pipeline holds for the config, so all of them bind.
 */
final class InferredDefinitions {
  /**
   * The description of a config the importer added to a definition. It marks the config in the
   * definitions file, and tells a later import to write it by its raw name again.
   */
  static final String ADDED_CONFIG = "Not in the published definition: inferred from a pipeline by flow import.";

  /** The description of a stage no published definition describes, which flows name by stage name. */
  static final String UNPUBLISHED_STAGE = "No published definition: inferred from a pipeline by flow import.";

  private InferredDefinitions() {}

  /** True for a config the importer added to a definition, which is written by its raw name. */
  static boolean isAdded(ConfigDefinition def) {
    return ADDED_CONFIG.equals(def.description());
  }

  /** True for a stage definition made from a pipeline alone, which flows name by stage name, library and version. */
  static boolean isUnpublished(io.flowascode.compiler.catalog.StageDefinition def) {
    return def.inferred() && UNPUBLISHED_STAGE.equals(def.description());
  }

  /** The result of fitting configs to values: the configs to use, and the names that needed a change. */
  record Fitted(List<ConfigDefinition> configs, List<String> added, List<String> loosened) {
    boolean changed() {
      return !added.isEmpty() || !loosened.isEmpty();
    }
  }

  /**
   * @param template the configs of the closest published definition (empty when there is none)
   * @param instances the `{name: value}` configuration of each instance using the definition
   */
  static Fitted fit(List<ConfigDefinition> template, List<Map<String, JsonNode>> instances) {
    return fit(template, instances, false);
  }

  /**
   * @param guessedDefaults the definition's defaults are guesses (it is inferred), so every value
   *     is written and must bind, defaults included
   */
  static Fitted fit(List<ConfigDefinition> template, List<Map<String, JsonNode>> instances, boolean guessedDefaults) {
    Map<String, List<JsonNode>> values = new LinkedHashMap<>();
    for (Map<String, JsonNode> instance : instances) {
      instance.forEach((name, value) -> values.computeIfAbsent(name, k -> new ArrayList<>()).add(value));
    }
    List<ConfigDefinition> configs = new ArrayList<>(template);
    List<String> added = new ArrayList<>();
    List<String> loosened = new ArrayList<>();
    values.forEach((name, seen) -> {
      int at = indexOf(configs, name);
      if (at < 0) {
        configs.add(unknown(name, seen));
        added.add(name);
      } else if (!configs.get(at).isPredicate() && !acceptsAll(configs.get(at), seen, guessedDefaults)) {
        configs.set(at, loosen(configs.get(at), seen));
        loosened.add(name);
      }
    });
    return new Fitted(configs, added, loosened);
  }

  /**
   * Another version's configs, narrowed to what this version's instances use: the configs they
   * hold, and in lists of beans the fields their entries hold. Another version's other configs
   * and fields may not exist in this one, and the compiler would emit them.
   */
  static List<ConfigDefinition> narrowed(List<ConfigDefinition> template, List<Map<String, JsonNode>> instances) {
    Map<String, java.util.Set<String>> fieldsUsed = new LinkedHashMap<>();
    for (Map<String, JsonNode> instance : instances) {
      instance.forEach((name, value) -> {
        java.util.Set<String> fields = fieldsUsed.computeIfAbsent(name, k -> new java.util.LinkedHashSet<>());
        if (value != null && value.isArray()) {
          value.forEach(item -> item.fieldNames().forEachRemaining(fields::add));
        }
      });
    }
    List<ConfigDefinition> out = new ArrayList<>();
    for (ConfigDefinition c : template) {
      java.util.Set<String> fields = fieldsUsed.get(c.name());
      if (fields == null) {
        continue;
      }
      Optional<ConfigModel> model = c.model().filter(ConfigModel::isListBean);
      if (model.isPresent() && !fields.isEmpty()) {
        ConfigModel m = model.get();
        List<ConfigDefinition> beans = m.beanConfigs().stream().filter(f -> fields.contains(f.name())).toList();
        c = c.toBuilder().model(new ConfigModel(m.modelType(), m.values(), m.labels(), beans, m.openChoice())).build();
      }
      out.add(c);
    }
    return out;
  }

  /** True when every value has a written form the compiler binds back to it, or is a (known) default. */
  static boolean acceptsAll(ConfigDefinition def, List<JsonNode> values, boolean guessedDefaults) {
    for (JsonNode v : values) {
      if ((guessedDefaults || !ConfigValues.isDefault(v, def)) && ConfigValues.written(v, def).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(List<ConfigDefinition> configs, String name) {
    for (int i = 0; i < configs.size(); i++) {
      if (configs.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static ConfigDefinition unknown(String name, List<JsonNode> values) {
    boolean predicates = !values.isEmpty() && values.stream().allMatch(v -> v.isArray() && v.size() > 0
        && v.get(0).has("outputLane") && v.get(0).has("predicate"));
    if (predicates) {
      return ConfigDefinition.builder(name, ConfigType.MODEL).description(ADDED_CONFIG)
          .model(new ConfigModel("PREDICATE", List.of(), List.of(), List.of())).build();
    }
    return ConfigDefinition.builder(name, guessType(values)).description(ADDED_CONFIG).build();
  }

  private static ConfigDefinition loosen(ConfigDefinition def, List<JsonNode> values) {
    return ConfigDefinition.builder(def.name(), guessType(values)).label(def.label()).description(def.description())
        .defaultValue(def.defaultValue()).required(def.required()).group(def.group())
        .displayPosition(def.displayPosition()).dependsOn(def.dependsOn()).evaluation(def.evaluation()).el(def.el())
        .build();
  }

  /**
   * The narrowest type that takes every value unchanged; MODEL without a model takes anything,
   * which is what a list of objects or a mix of kinds gets.
   */
  static ConfigType guessType(List<JsonNode> values) {
    List<JsonNode> present = values.stream().filter(v -> v != null && !v.isNull() && !v.isMissingNode()).toList();
    if (present.isEmpty()) {
      return ConfigType.STRING;
    }
    if (present.stream().allMatch(JsonNode::isBoolean)) {
      return ConfigType.BOOLEAN;
    }
    if (present.stream().allMatch(JsonNode::isNumber)) {
      return ConfigType.NUMBER;
    }
    if (present.stream().allMatch(JsonNode::isTextual)) {
      return present.stream().anyMatch(v -> v.asText().contains("\n")) ? ConfigType.TEXT : ConfigType.STRING;
    }
    if (present.stream().allMatch(v -> v.isArray() && allScalars(v))) {
      return ConfigType.LIST;
    }
    return ConfigType.MODEL;
  }

  private static boolean allScalars(JsonNode list) {
    for (JsonNode v : list) {
      if (!v.isValueNode()) {
        return false;
      }
    }
    return true;
  }
}
