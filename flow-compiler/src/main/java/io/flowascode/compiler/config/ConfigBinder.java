package io.flowascode.compiler.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.diagnostic.Suggestions;
import io.flowascode.model.ConfigEntry;
import io.flowascode.source.Span;
import io.flowascode.yaml.SourceMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Binds `config:` entries to config definitions by readable attribute name or raw name, and checks
 * each value against its definition's type. Strings containing `${` are expressions the platform
 * evaluates, so they pass for any type.
 */
public final class ConfigBinder {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final SourceMap map;
  private final Diagnostics out;
  private final boolean settings;

  // Stages of one definition share its target list (and bean models are catalog objects): index
  // each once per file rather than once per stage, where deriving the readable names of a
  // hundred configs dominated the cost of binding.
  private final Map<List<ConfigTarget>, TargetIndex> targetIndexes = new IdentityHashMap<>();
  private final Map<ConfigModel, BeanIndex> beanIndexes = new IdentityHashMap<>();

  /** The targets of one definition by readable attribute name (several may share one) and raw name. */
  private record TargetIndex(Map<String, List<ConfigTarget>> byAttribute, Map<String, ConfigTarget> byRaw) {
    static TargetIndex of(List<ConfigTarget> targets) {
      Map<String, List<ConfigTarget>> byAttribute = new LinkedHashMap<>();
      Map<String, ConfigTarget> byRaw = new LinkedHashMap<>();
      for (ConfigTarget t : targets) {
        byAttribute.computeIfAbsent(t.definition().attributeName(), k -> new ArrayList<>()).add(t);
        byRaw.putIfAbsent(t.definition().name(), t);
      }
      return new TargetIndex(byAttribute, byRaw);
    }
  }

  /** The fields of a list-of-beans model by readable attribute name and raw name, first wins. */
  private record BeanIndex(Map<String, ConfigDefinition> byAttr, Map<String, ConfigDefinition> byRaw) {
    static BeanIndex of(ConfigModel m) {
      Map<String, ConfigDefinition> byAttr = new LinkedHashMap<>();
      Map<String, ConfigDefinition> byRaw = new LinkedHashMap<>();
      for (ConfigDefinition sub : m.beanConfigs()) {
        byAttr.putIfAbsent(sub.attributeName(), sub);
        byRaw.putIfAbsent(sub.name(), sub);
      }
      return new BeanIndex(byAttr, byRaw);
    }
  }

  public ConfigBinder(SourceMap map, Diagnostics out) {
    this(map, out, false);
  }

  private ConfigBinder(SourceMap map, Diagnostics out, boolean settings) {
    this.map = map;
    this.out = out;
    this.settings = settings;
  }

  /** A binder for the pipeline's `settings:`, whose problems have codes of their own (E0601, E0602). */
  public static ConfigBinder forSettings(SourceMap map, Diagnostics out) {
    return new ConfigBinder(map, out, true);
  }

  /**
   * @param owner how diagnostics name the owner, e.g. "stage `source` (Dev Raw Data Source)"
   */
  public BoundConfig bind(List<ConfigEntry> entries, List<ConfigTarget> targets, String owner) {
    return bind(entries, targets, owner, true);
  }

  /**
   * @param defaultsKnown false for definitions inferred from pipelines, whose defaults are guesses:
   *     a value equal to a guessed default is then not reported as redundant
   */
  public BoundConfig bind(List<ConfigEntry> entries, List<ConfigTarget> targets, String owner, boolean defaultsKnown) {
    TargetIndex index = targetIndexes.computeIfAbsent(targets, TargetIndex::of);
    Map<String, List<ConfigTarget>> byAttribute = index.byAttribute();
    Map<String, ConfigTarget> byRaw = index.byRaw();
    Map<String, JsonNode> values = new LinkedHashMap<>();
    Map<String, ConfigEntry> setBy = new HashMap<>();
    for (ConfigEntry entry : entries) {
      String key = entry.key().value();
      List<ConfigTarget> hits = byAttribute.get(key);
      if (hits == null) {
        ConfigTarget raw = byRaw.get(key);
        hits = raw == null ? null : List.of(raw);
      }
      if (hits == null) {
        unknown(entry, byAttribute.keySet(), byRaw.keySet(), owner);
        continue;
      }
      for (ConfigTarget target : hits) {
        if (target.definition().isPredicate()) {
          out.add(Diagnostic.of(Code.PREDICATES_AS_CONFIG, entry.key().span(),
                  "Stream Selector conditions are not set under `config`")
              .label("write these under `predicates:`")
              .help("use `predicates: {name: '${...}'}` on the stage; `default` is added last for you")
              .build());
          continue;
        }
        ConfigEntry previous = setBy.putIfAbsent(target.key(), entry);
        if (previous != null) {
          String first = previous.key().value();
          out.add(Diagnostic.of(Code.CONFIG_SET_TWICE, entry.key().span(),
                  "`" + target.definition().name() + "` of " + owner + " is set twice")
              .label("set again here")
              .related(previous.key().span(), "first set here")
              .help(first.equals(key) ? "keep one of them"
                  : "`" + first + "` and `" + key + "` name the same configuration; keep one of them")
              .build());
          continue;
        }
        Optional<JsonNode> checked = check(entry.value(), entry.pointer(), target.definition(), key);
        if (checked.isPresent()) {
          JsonNode value = checked.get();
          values.put(target.key(), value);
          JsonNode def = target.definition().defaultValue();
          if (defaultsKnown && def != null && !def.isNull() && ValueEquality.same(value, normalizedDefault(target.definition()))) {
            out.add(Diagnostic.of(Code.CONFIG_IS_DEFAULT, entry.key().span(),
                    "`" + key + "` is set to its default value")
                .label("this is already the default")
                .help("remove the line; defaults are filled in for you")
                .build());
          }
        }
      }
    }
    return new BoundConfig(values);
  }

  private void unknown(ConfigEntry entry, Set<String> attributes, Set<String> raw, String owner) {
    String key = entry.key().value();
    Set<String> all = new LinkedHashSet<>(attributes);
    Diagnostic.Builder b = settings
        ? Diagnostic.of(Code.UNKNOWN_SETTING, entry.key().span(), owner + " has no setting `" + key + "`")
            .label("unknown setting")
        : Diagnostic.of(Code.UNKNOWN_CONFIG, entry.key().span(), owner + " has no configuration `" + key + "`")
            .label("unknown configuration");
    Optional<String> hint = Suggestions.didYouMean(key, all);
    if (hint.isEmpty()) {
      hint = Suggestions.didYouMean(key, raw);
    }
    if (hint.isPresent()) {
      b.help(hint.get());
    } else if (settings) {
      b.help("settings are the pipeline's configurations, e.g. `delivery_guarantee`, `retry_attempts`, `execution_mode`");
    } else if (all.isEmpty()) {
      b.help("this stage has no configuration");
    } else {
      b.help("`flow catalog <label>` lists the stage's configurations by readable and raw name");
    }
    out.add(b.build());
  }

  /** The definition's default in the form a user value takes after checking (MAP as key/value list). */
  static JsonNode normalizedDefault(ConfigDefinition def) {
    JsonNode d = def.defaultValue();
    if (d != null && d.isObject() && (def.type() == io.flowascode.compiler.catalog.ConfigType.MAP)) {
      ArrayNode list = JSON.arrayNode();
      d.fields().forEachRemaining(e -> list.add(JSON.objectNode().put("key", e.getKey()).set("value", e.getValue())));
      return list;
    }
    return d;
  }

  /** Checks one value against its definition; returns the value to emit, or empty after reporting. */
  public Optional<JsonNode> check(JsonNode value, String pointer, ConfigDefinition def, String shownName) {
    // Spans are looked up only for a diagnostic: the source map of a 10,000-stage flow has 10^5
    // entries, and a lookup per checked value was a tenth of the compile.
    Supplier<Span> at = () -> map.valueSpan(pointer);
    if (value.isTextual() && value.asText().contains("${")) {
      return Optional.of(value);
    }
    if (value.isNull()) {
      return Optional.of(value);
    }
    Optional<ConfigModel> model = def.model();
    switch (def.type()) {
      case BOOLEAN -> {
        if (value.isBoolean()) {
          return Optional.of(value);
        }
        String text = value.isTextual() ? value.asText().toLowerCase(java.util.Locale.ROOT) : "";
        return wrong(at, "`" + shownName + "`", "true or false", value,
            text.equals("true") || text.equals("false") ? "remove the quotes: " + text
                : text.matches("yes|no|on|off|y|n") ? "flow files are YAML 1.2, where `" + value.asText()
                    + "` is text; write true or false" : null);
      }
      case NUMBER -> {
        if (!value.isNumber()) {
          String hint = value.isTextual() && value.asText().trim().matches("-?\\d+(\\.\\d+)?") ? "remove the quotes" : null;
          return wrong(at, "`" + shownName + "`", "a number", value, hint);
        }
        if (def.min().isPresent() && value.asDouble() < def.min().get()
            || def.max().isPresent() && value.asDouble() > def.max().get()) {
          String range = def.min().isPresent() && def.max().isPresent()
              ? "between " + def.min().get() + " and " + def.max().get()
              : def.min().isPresent() ? "at least " + def.min().get() : "at most " + def.max().get();
          out.add(Diagnostic.of(settings ? Code.SETTING_WRONG_VALUE : Code.CONFIG_OUT_OF_RANGE, at.get(),
                  "`" + shownName + "` must be " + range + ", not " + value.asText())
              .label("out of range").build());
          return Optional.empty();
        }
        return Optional.of(value);
      }
      case STRING, TEXT, CREDENTIAL, CHARACTER -> {
        if (value.isValueNode()) {
          return Optional.of(value.isTextual() ? value : JSON.textNode(value.asText()));
        }
        return wrong(at, "`" + shownName + "`", "text", value, null);
      }
      case LIST -> {
        if (value.isArray()) {
          return Optional.of(value);
        }
        return wrong(at, "`" + shownName + "`", "a list", value, value.isValueNode() ? "write it as a list: [" + value.asText() + "]" : null);
      }
      case MAP -> {
        if (value.isObject()) {
          ArrayNode list = JSON.arrayNode();
          value.fields().forEachRemaining(e -> list.add(JSON.objectNode().put("key", e.getKey())
              .set("value", e.getValue().isValueNode() && !e.getValue().isNull() ? JSON.textNode(e.getValue().asText()) : e.getValue())));
          return Optional.of(list);
        }
        if (value.isArray()) {
          return Optional.of(value);
        }
        return wrong(at, "`" + shownName + "`", "a mapping of keys to values", value, null);
      }
      case MODEL -> {
        return model.map(m -> checkModel(value, pointer, at, m, def, shownName)).orElse(Optional.of(value));
      }
      default -> {
        return Optional.of(value);
      }
    }
  }

  private Optional<JsonNode> checkModel(JsonNode value, String pointer, Supplier<Span> at, ConfigModel m, ConfigDefinition def, String shownName) {
    if (m.isValueChooser()) {
      if (!value.isValueNode()) {
        return wrong(at, "`" + shownName + "`", "one of " + choices(m), value, null);
      }
      return choice(value, at, m, shownName);
    }
    if (m.isMultiValueChooser()) {
      if (!value.isArray()) {
        return wrong(at, "`" + shownName + "`", "a list of " + choices(m), value,
            value.isValueNode() ? "write it as a list: [" + value.asText() + "]" : null);
      }
      ArrayNode result = JSON.arrayNode();
      for (int i = 0; i < value.size(); i++) {
        int index = i;
        Optional<JsonNode> one = choice(value.get(i), () -> map.valueSpan(SourceMap.child(pointer, index)), m, shownName);
        if (one.isEmpty()) {
          return Optional.empty();
        }
        result.add(one.get());
      }
      return Optional.of(result);
    }
    if (m.isListBean()) {
      if (!value.isArray()) {
        return wrong(at, "`" + shownName + "`", "a list of entries", value, "write each entry as a mapping under `- `");
      }
      ArrayNode result = JSON.arrayNode();
      boolean ok = true;
      for (int i = 0; i < value.size(); i++) {
        Optional<JsonNode> bean = bean(value.get(i), SourceMap.child(pointer, i), m, shownName);
        if (bean.isEmpty()) {
          ok = false;
        } else {
          result.add(bean.get());
        }
      }
      return ok ? Optional.of(result) : Optional.empty();
    }
    if ("FIELD_SELECTOR_MULTI_VALUE".equals(m.modelType())) {
      if (value.isArray()) {
        return Optional.of(value);
      }
      if (value.isTextual()) {
        return wrong(at, "`" + shownName + "`", "a list of field paths", value, "write it as a list: [" + value.asText() + "]");
      }
      return wrong(at, "`" + shownName + "`", "a list of field paths", value, null);
    }
    if ("FIELD_SELECTOR".equals(m.modelType())) {
      return value.isValueNode() ? Optional.of(JSON.textNode(value.asText())) : wrong(at, "`" + shownName + "`", "a field path", value, null);
    }
    return Optional.of(value);
  }

  private Optional<JsonNode> bean(JsonNode item, String pointer, ConfigModel m, String shownName) {
    Supplier<Span> at = () -> map.valueSpan(pointer);
    if (!item.isObject()) {
      return wrong(at, "an entry of `" + shownName + "`", "a mapping of the entry's fields", item, null);
    }
    BeanIndex index = beanIndexes.computeIfAbsent(m, BeanIndex::of);
    Map<String, ConfigDefinition> byAttr = index.byAttr();
    Map<String, ConfigDefinition> byRaw = index.byRaw();
    Map<String, JsonNode> given = new LinkedHashMap<>();
    boolean ok = true;
    for (var it = item.fields(); it.hasNext(); ) {
      var e = it.next();
      ConfigDefinition sub = byRaw.containsKey(e.getKey()) ? byRaw.get(e.getKey()) : byAttr.get(e.getKey());
      String childPointer = SourceMap.child(pointer, e.getKey());
      if (sub == null) {
        if (m.beanConfigs().isEmpty()) {
          given.put(e.getKey(), e.getValue());
          continue;
        }
        Diagnostic.Builder b = Diagnostic.of(Code.CONFIG_UNKNOWN_FIELD, map.keySpan(childPointer),
                "an entry of `" + shownName + "` has no field `" + e.getKey() + "`")
            .label("unknown field");
        Set<String> names = new LinkedHashSet<>(byRaw.keySet());
        names.addAll(byAttr.keySet());
        Suggestions.didYouMean(e.getKey(), names).ifPresentOrElse(b::help,
            () -> b.help("the fields are " + String.join(", ", byRaw.keySet().stream().map(n -> "`" + n + "`").toList())));
        out.add(b.build());
        ok = false;
        continue;
      }
      Optional<JsonNode> v = check(e.getValue(), childPointer, sub, e.getKey());
      if (v.isEmpty()) {
        ok = false;
      } else {
        given.put(sub.name(), v.get());
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    ObjectNode bean = JSON.objectNode();
    for (ConfigDefinition sub : m.beanConfigs()) {
      JsonNode v = given.remove(sub.name());
      bean.set(sub.name(), v != null ? v : (sub.defaultValue() == null ? JSON.nullNode() : normalizedDefault(sub)));
    }
    given.forEach(bean::set);
    return Optional.of(bean);
  }

  private Optional<JsonNode> choice(JsonNode value, Supplier<Span> at, ConfigModel m, String shownName) {
    String v = value.asText();
    if (m.values().isEmpty() || m.values().contains(v)) {
      return Optional.of(JSON.textNode(v));
    }
    Diagnostic.Builder b = Diagnostic.of(settings ? Code.SETTING_WRONG_VALUE : Code.CONFIG_INVALID_CHOICE, at.get(),
            "`" + v + "` is not an allowed value of `" + shownName + "`")
        .label("not allowed");
    int byLabel = -1;
    for (int i = 0; i < m.labels().size() && i < m.values().size(); i++) {
      if (m.labels().get(i).equalsIgnoreCase(v)) {
        byLabel = i;
      }
    }
    if (byLabel >= 0) {
      b.help("`" + v + "` is the label shown in the UI; write its value `" + m.values().get(byLabel) + "`");
    } else {
      Optional<String> hint = Suggestions.didYouMean(v, m.values());
      hint.ifPresentOrElse(b::help, () -> b.help("allowed values: " + choices(m)));
    }
    out.add(b.build());
    return Optional.empty();
  }

  private static String choices(ConfigModel m) {
    List<String> shown = m.values().stream().limit(12).map(v -> "`" + v + "`").toList();
    return String.join(", ", shown) + (m.values().size() > 12 ? ", …" : "");
  }

  /** @param subject what takes the value, as a message names it: "`batch_size`", "an entry of `x`" */
  private Optional<JsonNode> wrong(Supplier<Span> at, String subject, String expected, JsonNode actual, String help) {
    Diagnostic.Builder b = Diagnostic.of(settings ? Code.SETTING_WRONG_VALUE : Code.CONFIG_WRONG_TYPE, at.get(),
            subject + " takes " + expected + ", not " + describe(actual))
        .label("expected " + expected);
    if (help != null) {
      b.help(help);
    }
    out.add(b.build());
    return Optional.empty();
  }

  static String describe(JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isBoolean()) {
      return "`" + node.asText() + "`";
    }
    if (node.isNumber()) {
      return "the number " + node.asText();
    }
    String t = node.asText();
    return "the text \"" + (t.length() > 30 ? t.substring(0, 30) + "…" : t) + "\"";
  }
}
