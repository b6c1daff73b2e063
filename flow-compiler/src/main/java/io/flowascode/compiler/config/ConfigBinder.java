package io.flowascode.compiler.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.CanvasDefaults;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;
import io.flowascode.compiler.catalog.ConfigType;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.diagnostic.Suggestions;
import io.flowascode.compiler.secrets.SecretReference;
import io.flowascode.compiler.secrets.SecretResolver;
import io.flowascode.yaml.NameFixes;
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
  private boolean keepRejected;

  // Stages of one definition share its target list (and bean models are catalog objects): index
  // each once per file rather than once per stage, where deriving the readable names of a
  // hundred configs dominated the cost of binding.
  private final IdentityHashMap<List<ConfigTarget>,TargetIndex> targetIndexes = new IdentityHashMap<>();
  private final IdentityHashMap<ConfigModel, BeanIndex> beanIndexes = new IdentityHashMap<>();

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
   * Keeps what it refuses, reported as usual: a value of the wrong kind is bound as written, and a
   * config the definition lacks is kept by its written name ({@link BoundConfig#unknown()}).
   */
  public ConfigBinder keepingRejected(boolean value) {
    this.keepRejected = value;
    return this;
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
    Map<String, JsonNode> unknownValues = new LinkedHashMap<>();
    Map<String, ConfigEntry> setBy = new LinkedHashMap<>();
    for (ConfigEntry entry : entries) {
      String key = entry.key().value();
      List<ConfigTarget> hits = byAttribute.get(key);
      if (hits == null) {
        ConfigTarget raw = byRaw.get(key);
        hits = raw == null ? null : List.of(raw);
      }
      if (hits == null) {
        unknown(entry, byAttribute.keySet(), byRaw.keySet(), owner);
        if (keepRejected) {
          unknownValues.put(key, entry.value());
        }
        continue;
      }
      if (hits.size() > 1) {
        ambiguous(entry, hits, owner);
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
        if (checked.isEmpty() && keepRejected) {
          values.put(target.key(), entry.value());
        }
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
    Map<String, ConfigEntry> written = new LinkedHashMap<>(setBy);
    written.keySet().retainAll(values.keySet());
    return new BoundConfig(values, unknownValues, written);
  }

  /**
   * A readable name the labels of several configs make: writing both would be a silent guess, so
   * the user picks one by its raw name.
   */
  private void ambiguous(ConfigEntry entry, List<ConfigTarget> hits, String owner) {
    String key = entry.key().value();
    Diagnostic.Builder b = Diagnostic.of(Code.CONFIG_NAME_AMBIGUOUS, entry.key().span(),
            "`" + key + "` names " + hits.size() + " configurations of " + owner)
        .label("ambiguous")
        .help("write the raw name of the one you mean, e.g. `" + hits.get(0).definition().name() + ": ...`");
    for (ConfigTarget t : hits) {
      ConfigDefinition d = t.definition();
      String when = d.dependsOn().entrySet().stream()
          .map(e -> e.getKey() + " = " + String.join(" or ", e.getValue().stream().map(JsonNode::asText).toList()))
          .reduce((a, c) -> a + ", " + c).map(w -> ", used when " + w).orElse("");
      b.note("`" + d.name() + "`" + (t.service().isPresent() ? " (of the service " + simpleName(t.service().get()) + ")" : "")
          + (d.group().isEmpty() ? "" : " in the group " + d.group()) + when);
    }
    out.add(b.build());
  }

  private static String simpleName(String service) {
    return service.substring(service.lastIndexOf('.') + 1);
  }

  private void unknown(ConfigEntry entry, Set<String> attributes, Set<String> raw, String owner) {
    String key = entry.key().value();
    Set<String> all = new LinkedHashSet<>(attributes);
    Diagnostic.Builder b = settings
        ? Diagnostic.of(Code.UNKNOWN_SETTING, entry.key().span(), owner + " has no setting `" + key + "`")
            .label("unknown setting")
        : Diagnostic.of(Code.UNKNOWN_CONFIG, entry.key().span(), owner + " has no configuration `" + key + "`")
            .label("unknown configuration")
            .engineCode("VALIDATION_0008", key); // kept as written, which the engine names on save
    Optional<String> hint = Suggestions.didYouMean(key, all);
    List<String> candidates = Suggestions.closest(key, all, 3);
    if (hint.isEmpty()) {
      hint = Suggestions.didYouMean(key, raw);
      candidates = Suggestions.closest(key, raw, 3);
    }
    b.fixes(NameFixes.replaceScalar(map.file(), entry.key().span(), key, candidates));
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
      d.properties().forEach(e -> list.add(JSON.objectNode().put("key", e.getKey()).set("value", e.getValue())));
      return list;
    }
    return d;
  }

  /**
   * The value to emit for what the file writes: the stored form of a YAML mapping for a map, a
   * scalar as text where the platform stores text, list-of-beans entries with their field names
   * resolved and the fields left out at the values the UI gives a new entry. Whether the value is
   * one the engine accepts is decided on the emitted pipeline, by the platform's rules; only a
   * list entry naming a field its bean does not have is reported here (and empty returned).
   */
  public Optional<JsonNode> check(JsonNode value, String pointer, ConfigDefinition def, String shownName) {
    if (SecretReference.isReference(value)) {
      return secret(value, pointer, def, shownName);
    }
    if (value.isNull() || (value.isTextual() && value.asText().contains("${") && !isBeanList(def))) {
      return Optional.of(value);
    }
    if (def.type() == ConfigType.CREDENTIAL && value.isValueNode() && !value.asText().isEmpty()) {
      // In the file, it goes to git with the file.
      out.add(Diagnostic.of(Code.LITERAL_SECRET, map.valueSpan(pointer), "`" + shownName + "` holds a credential in plain text")
          .label("this value would be committed with the file")
          .help("write `" + shownName + ": {secret: NAME}` and supply the value as the environment variable "
              + "FLOW_SECRET_NAME or in a git-ignored flow-secrets.yaml")
          .build());
    }
    Optional<ConfigModel> model = def.model();
    if (model.isPresent() && model.get().isListBean()) {
      if (!value.isArray()) {
        return Optional.of(value);
      }
      ArrayNode result = JSON.arrayNode();
      boolean ok = true;
      for (int i = 0; i < value.size(); i++) {
        Optional<JsonNode> bean = bean(value.get(i), SourceMap.child(pointer, i), model.get(), shownName);
        if (bean.isEmpty()) {
          ok = false;
        } else {
          result.add(bean.get());
        }
      }
      return ok ? Optional.of(result) : Optional.empty();
    }
    if (model.isPresent() && model.get().isMultiValueChooser() && value.isArray()) {
      ArrayNode result = JSON.arrayNode();
      value.forEach(v -> result.add(v.isValueNode() && !v.isNull() ? JSON.textNode(v.asText()) : v));
      return Optional.of(result);
    }
    boolean text = def.type() == ConfigType.STRING || def.type() == ConfigType.TEXT || def.type() == ConfigType.CREDENTIAL
        || def.type() == ConfigType.CHARACTER
        || model.map(m -> m.isValueChooser() || m.isFieldSelector()).orElse(false);
    if (text && value.isValueNode()) {
      // The platform stores these as text; a YAML number or boolean is the text it reads as.
      return Optional.of(value.isTextual() ? value : JSON.textNode(value.asText()));
    }
    if (def.type() == ConfigType.MAP && value.isObject()) {
      ArrayNode list = JSON.arrayNode();
      value.properties().forEach(e -> list.add(JSON.objectNode().put("key", e.getKey())
          .set("value", e.getValue().isValueNode() && !e.getValue().isNull() ? JSON.textNode(e.getValue().asText()) : e.getValue())));
      return Optional.of(list);
    }
    return Optional.of(value);
  }

  /**
   * `{secret: NAME}` in place of a text value: the compiler emits a placeholder that the value
   * replaces when the flow is planned or applied ({@link SecretResolver}).
   */
  private Optional<JsonNode> secret(JsonNode value, String pointer, ConfigDefinition def, String shownName) {
    Optional<String> name = SecretReference.name(value);
    if (name.isEmpty()) {
      out.add(Diagnostic.of(Code.CONFIG_WRONG_TYPE, map.valueSpan(SourceMap.child(pointer, SecretReference.KEY)),
              "the secret of `" + shownName + "` is not named as a secret is")
          .label("expected a name")
          .help("name it with letters, digits and `_` (not starting with a digit), e.g. `{secret: DB_PASSWORD}`")
          .build());
      return Optional.empty();
    }
    if (def.type() != ConfigType.CREDENTIAL && def.type() != ConfigType.STRING && def.type() != ConfigType.TEXT) {
      out.add(Diagnostic.of(Code.CONFIG_WRONG_TYPE, map.valueSpan(pointer),
              "`" + shownName + "` cannot hold a secret: it takes " + def.type().name().toLowerCase(java.util.Locale.ROOT))
          .label("a secret stands for text")
          .help("use `{secret: NAME}` only for credentials and other text configurations")
          .build());
      return Optional.empty();
    }
    return Optional.of(JSON.textNode(SecretReference.placeholder(name.get())));
  }

  private static boolean isBeanList(ConfigDefinition def) {
    return def.model().map(ConfigModel::isListBean).orElse(false);
  }

  private Optional<JsonNode> bean(JsonNode item, String pointer, ConfigModel m, String shownName) {
    if (!item.isObject()) {
      return Optional.of(item); // the engine refuses it (CREATION_042)
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
        b.fixes(NameFixes.replaceScalar(map.file(), map.keySpan(childPointer), e.getKey(), Suggestions.closest(e.getKey(), names, 3)));
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
    // The fields left out take the values the UI gives a new entry, in the definition's order.
    ObjectNode bean = JSON.objectNode();
    ObjectNode fresh = CanvasDefaults.bean(m);
    for (ConfigDefinition sub : m.beanConfigs()) {
      JsonNode v = given.remove(sub.name());
      if (v != null) {
        bean.set(sub.name(), v);
      } else if (fresh.has(sub.name())) {
        bean.set(sub.name(), fresh.get(sub.name()));
      }
    }
    given.forEach(bean::set);
    return Optional.of(bean);
  }

  /** A value as messages name it: "a list", "the number 5", "the text \"abc\"". */
  public static String describe(JsonNode node) {
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
