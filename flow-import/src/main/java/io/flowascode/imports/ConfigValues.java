package io.flowascode.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.CanvasDefaults;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;
import io.flowascode.compiler.catalog.ConfigType;
import io.flowascode.compiler.catalog.ServerDefaults;
import io.flowascode.compiler.config.ConfigBinder;
import io.flowascode.compiler.config.ValueEquality;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.source.SourceFile;
import io.flowascode.yaml.SourceMap;
import io.flowascode.yaml.YamlTreeReader;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Config values between the platform's JSON and a flow file: when a value is a default (and so is
 * left out), the readable form it is written in, and the proof that the compiler's binder turns
 * that form back into the same value. Equality is the platform's: numbers by value, a config or a
 * bean field that is absent equals its default (the platform fills both in).
 */
public final class ConfigValues {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  // The binder reports through spans; an empty document gives it a map where every span is the file.
  private static final SourceMap NO_SOURCE = new YamlTreeReader()
      .read(new SourceFile("import", "{}"), new Diagnostics()).orElseThrow().map();

  private ConfigValues() {}

  /** What the compiler emits for a config it is not given: the value the UI gives it on the canvas. */
  public static JsonNode emittedDefault(ConfigDefinition def) {
    return CanvasDefaults.of(def);
  }

  /** What the engine puts in a config a stage or service lacks when it loads the pipeline: the definition's default. */
  public static JsonNode engineFilled(ConfigDefinition def) {
    return ServerDefaults.of(def);
  }

  /** What the compiler emits for a pipeline setting it is not given: the engine's own default. */
  public static JsonNode settingDefault(ConfigDefinition def) {
    return ServerDefaults.of(def);
  }

  public static boolean isSettingDefault(JsonNode value, ConfigDefinition def) {
    return same(value, settingDefault(def), def);
  }

  public static boolean isDefault(JsonNode value, ConfigDefinition def) {
    return same(value, emittedDefault(def), def);
  }

  /** Equal as the platform sees them: numbers by value, absent bean fields as their defaults. */
  public static boolean same(JsonNode a, JsonNode b, ConfigDefinition def) {
    a = a == null || a.isMissingNode() ? NullNode.getInstance() : a;
    b = b == null || b.isMissingNode() ? NullNode.getInstance() : b;
    Optional<ConfigModel> model = def.model().filter(m -> m.isListBean() && !m.beanConfigs().isEmpty());
    if (model.isPresent() && a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameBean(a.get(i), b.get(i), model.get().beanConfigs())) {
          return false;
        }
      }
      return true;
    }
    return ValueEquality.same(a, b);
  }

  private static boolean sameBean(JsonNode a, JsonNode b, List<ConfigDefinition> fields) {
    if (!a.isObject() || !b.isObject()) {
      return ValueEquality.same(a, b);
    }
    Set<String> names = new LinkedHashSet<>();
    a.properties().forEach(e -> names.add(e.getKey()));
    b.properties().forEach(e -> names.add(e.getKey()));
    for (String name : names) {
      Optional<ConfigDefinition> field = fields.stream().filter(f -> f.name().equals(name)).findFirst();
      if (field.isEmpty()) {
        if (!ValueEquality.same(a.get(name), b.get(name))) {
          return false;
        }
        continue;
      }
      JsonNode dv = emittedDefault(field.get());
      if (!same(a.has(name) ? a.get(name) : dv, b.has(name) ? b.get(name) : dv, field.get())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The value to write in a flow file for a non-default platform value: its readable form (a MAP
   * as a mapping, bean fields by readable name without their defaults) when the binder turns that
   * back into the value, else the value as the platform stores it when that binds, else empty (the
   * definition cannot express the value).
   */
  public static Optional<JsonNode> written(JsonNode value, ConfigDefinition def) {
    JsonNode readable = readable(value, def);
    if (binds(readable, value, def)) {
      return Optional.of(readable);
    }
    if (!readable.equals(value) && binds(value, value, def)) {
      return Optional.of(value);
    }
    return Optional.empty();
  }

  /** True when the compiler's binder turns the written form into the platform value. */
  public static boolean binds(JsonNode written, JsonNode value, ConfigDefinition def) {
    Diagnostics out = new Diagnostics();
    Optional<JsonNode> bound = new ConfigBinder(NO_SOURCE, out).check(written, "/value", def, def.name());
    return bound.isPresent() && !out.hasErrors() && same(bound.get(), value, def);
  }

  private static JsonNode readable(JsonNode value, ConfigDefinition def) {
    if (def.type() == ConfigType.MAP && value.isArray()) {
      return mapping(value).orElse(value);
    }
    Optional<ConfigModel> model = def.model().filter(m -> m.isListBean() && !m.beanConfigs().isEmpty());
    if (model.isPresent() && value.isArray()) {
      ArrayNode list = JSON.arrayNode();
      for (JsonNode item : value) {
        list.add(item.isObject() ? bean(item, model.get().beanConfigs()) : item);
      }
      return list;
    }
    return value;
  }

  /** `[{key, value}]` as a mapping when the keys are distinct texts. */
  private static Optional<JsonNode> mapping(JsonNode list) {
    ObjectNode map = JSON.objectNode();
    for (JsonNode entry : list) {
      if (!entry.isObject() || entry.size() != 2 || !entry.path("key").isTextual() || !entry.has("value")
          || map.has(entry.get("key").asText())) {
        return Optional.empty();
      }
      map.set(entry.get("key").asText(), entry.get("value"));
    }
    return Optional.of(map);
  }

  /** One bean with its fields by readable name where that names only one field, defaults left out. */
  private static JsonNode bean(JsonNode item, List<ConfigDefinition> fields) {
    Map<String, Integer> attributeUses = new LinkedHashMap<>();
    Set<String> rawNames = new HashSet<>();
    for (ConfigDefinition f : fields) {
      attributeUses.merge(f.attributeName(), 1, Integer::sum);
      rawNames.add(f.name());
    }
    // In the definition's field order, as the compiler emits beans, so a re-import writes the same text.
    ObjectNode bean = JSON.objectNode();
    for (ConfigDefinition f : fields) {
      JsonNode value = item.get(f.name());
      if (value == null || isDefault(value, f)) {
        continue;
      }
      String attribute = f.attributeName();
      // The binder looks a bean key up by raw name first, so a readable name must not be another field's raw name.
      boolean readable = attributeUses.get(attribute) == 1
          && (!rawNames.contains(attribute) || attribute.equals(f.name()));
      bean.set(readable ? attribute : f.name(), readable(value, f));
    }
    item.properties().forEach(e -> {
      if (!rawNames.contains(e.getKey())) {
        bean.set(e.getKey(), e.getValue());
      }
    });
    return bean;
  }
}
