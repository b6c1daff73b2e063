package io.flowascode.compiler.catalog;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Our own catalog file format: the fields of {@link StageDefinition}, {@link ServiceDefinition} and
 * {@link ConfigDefinition} and nothing else (no icons, no EL indexes, no UI groups), written so that
 * a regenerated catalog diffs well. Reader and writer.
 *
 * <pre>{@code
 * {
 *   "format": "flow-catalog",
 *   "formatVersion": 2,
 *   "pipelineConfigs": [config, ...],
 *   "services": [{"provides", "version", "label", "className", "configs"}, ...],
 *   "stages": [{"library", "libraryLabel", "name", "version", "label", "description", "type",
 *               "inferred", "producesEvents", "outputStreams", "variableOutputStreams",
 *               "outputStreamsDrivenByConfig", "outputStreamLabels", "errorStage",
 *               "statsAggregatorStage", "pipelineLifecycleStage", "hideStage", "executionModes",
 *               "inputStreams", "offsetCommitTrigger", "bisectable", "engine",
 *               "services": [{"service", "configuration": {name: value}}], "configs"}, ...],
 *   "el": {"functions": [{"name", "returnType", "arguments", "description"}],
 *          "constants": [{"name", "returnType", "description"}]},
 *   "valueSets": {setName: {"values", "labels"}},
 *   "elSets": {setName: {"functions", "constants"}}
 * }
 * config = {"name", "label", "description", "type", "defaultValue", "required", "group",
 *           "displayPosition", "model": {"modelType", "values", "labels", "valueSet", "open", "beanConfigs"},
 *           "min", "max", "dependsOn": {configName: [values]}, "evaluation", "elSet", "connectionType"}
 * }</pre>
 *
 * <p>{@code engine} marks the versions the engine the catalog stands for publishes;
 * {@code evaluation} is written only for EXPLICIT configs; {@code elSet} names the shared list of
 * expression functions and constants the config may use. Version 1 documents (without these) are
 * still read.
 *
 * <p>Rules that make the bytes deterministic and the files small:
 * <ul>
 *   <li>Keys come in the order above. Stages are sorted by library, name and version, services by
 *       what they provide, map keys alphabetically; configs keep their definition's order.
 *   <li>A key whose value is empty, false or null is left out and read back as that value;
 *       {@code version}, {@code outputStreams} and {@code displayPosition} are always written.
 *   <li>{@code labels} is left out when it equals {@code values} (and read back as a copy of them).
 *   <li>A choice list of 1000 characters or more that several configs of the document share is
 *       written once under {@code valueSets} (named after the first config using it) and referred
 *       to by {@code "valueSet": name}.
 *   <li>The stage type is the flow language's word ({@code origin}, {@code processor},
 *       {@code destination}, {@code executor}); config types are the platform's.
 *   <li>Two-space indent, a small object of plain values on one line when it fits in 120
 *       columns, lists of plain values on one line, and a final newline.
 * </ul>
 */
public final class CatalogFormat {
  public static final String FORMAT = "flow-catalog";
  public static final int FORMAT_VERSION = 2;
  private static final int OLDEST_READ_VERSION = 1;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Comparator<StageDefinition> STAGE_ORDER = Comparator
      .comparing(StageDefinition::library)
      .thenComparing(StageDefinition::name)
      .thenComparingLong(s -> Catalog.versionNumber(s.version()))
      .thenComparing(StageDefinition::version);

  private CatalogFormat() {}

  /** True when the object is a document of this format. */
  public static boolean isCatalogFormat(JsonNode root) {
    return root.isObject() && FORMAT.equals(root.path("format").asText());
  }

  // ---------------------------------------------------------------- writing

  /** The catalog as a document of this format (UTF-8 text, ending with a newline). */
  public static String write(Catalog catalog) {
    return new Writer(catalog).document();
  }

  /**
   * One document being written. Long value lists that several configs share (charsets, time
   * zones, locales) are written once under {@code valueSets} and referenced by name, which keeps
   * the bundled catalog small without changing what is read back.
   */
  private static final class Writer {
    private final Catalog catalog;
    private final Map<List<List<String>>, Integer> uses = new LinkedHashMap<>();
    private final Map<List<List<String>>, String> setNames = new LinkedHashMap<>();
    private final ObjectNode valueSets = NODES.objectNode();
    private final Map<ElScope, String> elSetNames = new LinkedHashMap<>();
    private final ObjectNode elSets = NODES.objectNode();

    Writer(Catalog catalog) {
      this.catalog = catalog;
    }

    String document() {
      List<StageDefinition> stages = new ArrayList<>(catalog.stages());
      stages.sort(STAGE_ORDER);
      List<ServiceDefinition> services = new ArrayList<>(catalog.services());
      services.sort(Comparator.comparing(ServiceDefinition::provides));
      countUses(catalog.pipelineConfigs());
      services.forEach(s -> countUses(s.configs()));
      stages.forEach(s -> countUses(s.configs()));

      ObjectNode root = NODES.objectNode();
      root.put("format", FORMAT);
      root.put("formatVersion", FORMAT_VERSION);
      putArray(root, "pipelineConfigs", configs(catalog.pipelineConfigs()));
      ArrayNode serviceList = NODES.arrayNode();
      for (ServiceDefinition s : services) {
        ObjectNode o = serviceList.addObject();
        o.put("provides", s.provides());
        o.put("version", s.version());
        putText(o, "label", s.label());
        putText(o, "className", s.className());
        putArray(o, "configs", configs(s.configs()));
      }
      putArray(root, "services", serviceList);
      ArrayNode stageList = NODES.arrayNode();
      stages.forEach(s -> stageList.add(stage(s)));
      putArray(root, "stages", stageList);
      if (!catalog.el().isEmpty()) {
        root.set("el", el(catalog.el()));
      }
      if (!valueSets.isEmpty()) {
        root.set("valueSets", valueSets);
      }
      if (!elSets.isEmpty()) {
        root.set("elSets", elSets);
      }
      return CompactJsonWriter.write(root);
    }

    private void countUses(List<ConfigDefinition> configs) {
      for (ConfigDefinition c : configs) {
        c.model().ifPresent(m -> {
          uses.merge(List.of(m.values(), m.labels()), 1, Integer::sum);
          countUses(m.beanConfigs());
        });
      }
    }

    private ObjectNode stage(StageDefinition s) {
      ObjectNode o = NODES.objectNode();
      o.put("library", s.library());
      putText(o, "libraryLabel", s.libraryLabel());
      o.put("name", s.name());
      o.put("version", s.version());
      putText(o, "label", s.label());
      putText(o, "description", s.description());
      o.put("type", s.type().word());
      putTrue(o, "inferred", s.inferred());
      putTrue(o, "producesEvents", s.producesEvents());
      o.put("outputStreams", s.outputStreams());
      putTrue(o, "variableOutputStreams", s.variableOutputStreams());
      putText(o, "outputStreamsDrivenByConfig", s.outputStreamsDrivenByConfig());
      putArray(o, "outputStreamLabels", strings(s.outputStreamLabels()));
      putTrue(o, "errorStage", s.errorStage());
      putTrue(o, "statsAggregatorStage", s.statsAggregatorStage());
      putTrue(o, "pipelineLifecycleStage", s.pipelineLifecycleStage());
      putArray(o, "hideStage", strings(s.hideStage()));
      putArray(o, "executionModes", strings(s.executionModes()));
      if (s.inputStreams() > 0) {
        o.put("inputStreams", s.inputStreams());
      }
      putTrue(o, "offsetCommitTrigger", s.offsetCommitTrigger());
      putTrue(o, "bisectable", s.bisectable());
      putTrue(o, "engine", s.fromEngine());
      ArrayNode serviceUses = NODES.arrayNode();
      for (ServiceUse use : s.services()) {
        ObjectNode u = serviceUses.addObject();
        u.put("service", use.service());
        ObjectNode conf = NODES.objectNode();
        new TreeMap<>(use.configuration()).forEach(conf::set);
        if (!conf.isEmpty()) {
          u.set("configuration", conf);
        }
      }
      putArray(o, "services", serviceUses);
      putArray(o, "configs", configs(s.configs()));
      return o;
    }

    private ArrayNode configs(List<ConfigDefinition> configs) {
      ArrayNode list = NODES.arrayNode();
      configs.forEach(c -> list.add(config(c)));
      return list;
    }

    private ObjectNode config(ConfigDefinition c) {
      ObjectNode o = NODES.objectNode();
      o.put("name", c.name());
      putText(o, "label", c.label());
      putText(o, "description", c.description());
      o.put("type", c.type().name());
      if (c.defaultValue() != null && !c.defaultValue().isNull()) {
        o.set("defaultValue", c.defaultValue());
      }
      putTrue(o, "required", c.required());
      putText(o, "group", c.group());
      o.put("displayPosition", c.displayPosition());
      c.model().ifPresent(m -> {
        ObjectNode model = o.putObject("model");
        model.put("modelType", m.modelType());
        String set = valueSet(c.name(), m);
        if (set != null) {
          model.put("valueSet", set);
        } else {
          putChoices(model, m.values(), m.labels());
        }
        putTrue(model, "open", m.openChoice());
        putArray(model, "beanConfigs", configs(m.beanConfigs()));
      });
      c.min().ifPresent(v -> o.put("min", v));
      c.max().ifPresent(v -> o.put("max", v));
      if (!c.dependsOn().isEmpty()) {
        ObjectNode deps = o.putObject("dependsOn");
        new TreeMap<>(c.dependsOn()).forEach((k, v) -> deps.set(k, NODES.arrayNode().addAll(v)));
      }
      if (c.evaluation() == Evaluation.EXPLICIT) {
        o.put("evaluation", c.evaluation().name());
      }
      if (c.el().known()) {
        o.put("elSet", elSet(c.name(), c.el()));
      }
      putText(o, "connectionType", c.connectionType());
      return o;
    }

    /** The name of the shared set for this scope, written under {@code elSets} on first use. */
    private String elSet(String configName, ElScope scope) {
      String existing = elSetNames.get(scope);
      if (existing != null) {
        return existing;
      }
      // Named after the first config that uses it, so regenerating keeps the names stable.
      String base = configName.substring(configName.lastIndexOf('.') + 1);
      String name = base;
      for (int i = 2; elSets.has(name); i++) {
        name = base + "-" + i;
      }
      elSetNames.put(scope, name);
      ObjectNode set = elSets.putObject(name);
      putArray(set, "functions", strings(scope.functions()));
      putArray(set, "constants", strings(scope.constants()));
      return name;
    }

    private static ObjectNode el(ElCatalog el) {
      ObjectNode o = NODES.objectNode();
      ArrayNode functions = o.putArray("functions");
      for (ElFunction f : el.functions()) {
        ObjectNode n = functions.addObject();
        n.put("name", f.name());
        putText(n, "returnType", f.returnType());
        putArray(n, "arguments", strings(f.argumentTypes()));
        putText(n, "description", f.description());
      }
      ArrayNode constants = o.putArray("constants");
      for (ElConstant c : el.constants()) {
        ObjectNode n = constants.addObject();
        n.put("name", c.name());
        putText(n, "returnType", c.returnType());
        putText(n, "description", c.description());
      }
      return o;
    }

    /** The name of the shared value set for this model's choices, or null to write them in place. */
    private @Nullable String valueSet(String configName, ConfigModel m) {
      List<List<String>> key = List.of(m.values(), m.labels());
      if (uses.getOrDefault(key, 0) < 2 || choicesSize(m) < VALUE_SET_MIN_CHARS) {
        return null;
      }
      String existing = setNames.get(key);
      if (existing != null) {
        return existing;
      }
      // Named after the first config that uses it, so regenerating keeps the names stable.
      String base = configName.substring(configName.lastIndexOf('.') + 1);
      String name = base;
      for (int i = 2; valueSets.has(name); i++) {
        name = base + "-" + i;
      }
      setNames.put(key, name);
      putChoices(valueSets.putObject(name), m.values(), m.labels());
      return name;
    }
  }

  // A list shorter than this is clearer written where it is used.
  private static final int VALUE_SET_MIN_CHARS = 1000;

  private static int choicesSize(ConfigModel m) {
    int size = 0;
    for (String v : m.values()) {
      size += v.length() + 4;
    }
    for (String l : m.labels()) {
      size += l.length() + 4;
    }
    return size;
  }

  /** Values, and labels only where they differ from the values (an absent key means "same"). */
  private static void putChoices(ObjectNode o, List<String> values, List<String> labels) {
    putArray(o, "values", strings(values));
    if (!labels.equals(values)) {
      o.set("labels", strings(labels));
    }
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode list = NODES.arrayNode();
    values.forEach(list::add);
    return list;
  }

  private static void putText(ObjectNode o, String key, String value) {
    if (value != null && !value.isEmpty()) {
      o.put(key, value);
    }
  }

  private static void putTrue(ObjectNode o, String key, boolean value) {
    if (value) {
      o.put(key, true);
    }
  }

  private static void putArray(ObjectNode o, String key, ArrayNode value) {
    if (!value.isEmpty()) {
      o.set(key, value);
    }
  }

  // ---------------------------------------------------------------- reading

  /** Reads a document of this format. */
  public static Catalog read(InputStream in) throws DefinitionsException {
    return read(JsonDocuments.parse(in));
  }

  public static Catalog read(String text) throws DefinitionsException {
    return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  public static Catalog read(JsonNode root) throws DefinitionsException {
    if (!isCatalogFormat(root)) {
      throw new DefinitionsException("the file is not a " + FORMAT + " document");
    }
    int version = root.path("formatVersion").asInt(-1);
    if (version < OLDEST_READ_VERSION || version > FORMAT_VERSION) {
      throw new DefinitionsException("the catalog has formatVersion " + version + ", but this tool reads versions "
          + OLDEST_READ_VERSION + " to " + FORMAT_VERSION);
    }
    Sets sets = new Sets(root.path("valueSets"), root.path("elSets"));
    List<ConfigDefinition> pipelineConfigs = readConfigs(root.get("pipelineConfigs"), "pipelineConfigs", sets);
    List<ServiceDefinition> services = new ArrayList<>();
    int i = 0;
    for (JsonNode s : list(root.get("services"), "services")) {
      String where = "services[" + i++ + "]";
      services.add(new ServiceDefinition(
          JsonFields.required(s, "provides", where),
          s.path("version").asInt(1),
          JsonFields.text(s, "label"),
          readConfigs(s.get("configs"), where + ".configs", sets),
          JsonFields.text(s, "className")));
    }
    List<StageDefinition> stages = new ArrayList<>();
    i = 0;
    for (JsonNode s : list(root.get("stages"), "stages")) {
      stages.add(readStage(s, "stages[" + i++ + "]", sets));
    }
    return new Catalog(stages, services, pipelineConfigs, readEl(root.path("el")));
  }

  /** The shared lists configs refer to by name, and the scopes read so far (one object per set). */
  private record Sets(JsonNode valueSets, JsonNode elSets, Map<String, ElScope> scopes) {
    Sets(JsonNode valueSets, JsonNode elSets) {
      this(valueSets, elSets, new LinkedHashMap<>());
    }
  }

  private static ElCatalog readEl(JsonNode el) {
    Map<String, ElFunction> functions = new LinkedHashMap<>();
    for (JsonNode f : el.path("functions")) {
      String name = JsonFields.text(f, "name");
      functions.put(name, new ElFunction(name, JsonFields.text(f, "returnType"), texts(f.get("arguments")),
          JsonFields.text(f, "description")));
    }
    Map<String, ElConstant> constants = new LinkedHashMap<>();
    for (JsonNode c : el.path("constants")) {
      String name = JsonFields.text(c, "name");
      constants.put(name, new ElConstant(name, JsonFields.text(c, "returnType"), JsonFields.text(c, "description")));
    }
    return new ElCatalog(functions, constants);
  }

  private static StageDefinition readStage(JsonNode s, String where, Sets sets)
      throws DefinitionsException {
    String name = JsonFields.required(s, "name", where);
    String at = where + " (" + name + ")";
    String word = JsonFields.text(s, "type");
    StageType type = StageType.fromWord(word)
        .orElseThrow(() -> new DefinitionsException(at + " has the unknown type '" + word + "'"));
    List<ServiceUse> uses = new ArrayList<>();
    for (JsonNode u : list(s.get("services"), at + ".services")) {
      Map<String, JsonNode> conf = new LinkedHashMap<>();
      u.path("configuration").properties().forEach(e -> conf.put(e.getKey(), e.getValue()));
      uses.add(new ServiceUse(JsonFields.required(u, "service", at + ".services"), conf));
    }
    return StageDefinition.builder(JsonFields.required(s, "library", at), name, JsonFields.required(s, "version", at), type)
        .libraryLabel(JsonFields.text(s, "libraryLabel"))
        .label(JsonFields.text(s, "label"))
        .description(JsonFields.text(s, "description"))
        .configs(readConfigs(s.get("configs"), at + ".configs", sets))
        .services(uses)
        .producesEvents(JsonFields.flag(s, "producesEvents"))
        .outputStreams(s.path("outputStreams").asInt(0))
        .variableOutputStreams(JsonFields.flag(s, "variableOutputStreams"))
        .outputStreamsDrivenByConfig(JsonFields.text(s, "outputStreamsDrivenByConfig"))
        .outputStreamLabels(texts(s.get("outputStreamLabels")))
        .errorStage(JsonFields.flag(s, "errorStage"))
        .statsAggregatorStage(JsonFields.flag(s, "statsAggregatorStage"))
        .pipelineLifecycleStage(JsonFields.flag(s, "pipelineLifecycleStage"))
        .hideStage(texts(s.get("hideStage")))
        .executionModes(texts(s.get("executionModes")))
        .inputStreams(s.path("inputStreams").asInt(-1))
        .offsetCommitTrigger(JsonFields.flag(s, "offsetCommitTrigger"))
        .bisectable(JsonFields.flag(s, "bisectable"))
        .fromEngine(JsonFields.flag(s, "engine"))
        .inferred(JsonFields.flag(s, "inferred"))
        .build();
  }

  private static List<ConfigDefinition> readConfigs(JsonNode n, String where, Sets sets)
      throws DefinitionsException {
    List<ConfigDefinition> configs = new ArrayList<>();
    int i = 0;
    for (JsonNode c : list(n, where)) {
      configs.add(readConfig(c, where + "[" + i++ + "]", sets));
    }
    return configs;
  }

  private static ConfigDefinition readConfig(JsonNode c, String where, Sets sets)
      throws DefinitionsException {
    String name = JsonFields.required(c, "name", where);
    ConfigModel model = null;
    JsonNode m = c.get("model");
    if (m != null && m.isObject()) {
      JsonNode choices = m;
      if (m.has("valueSet")) {
        choices = sets.valueSets().path(m.path("valueSet").asText());
        if (!choices.isObject()) {
          throw new DefinitionsException(where + " (" + name + ") uses a valueSet the document does not define");
        }
      }
      List<String> values = texts(choices.get("values"));
      model = new ConfigModel(
          JsonFields.text(m, "modelType"),
          values,
          choices.has("labels") ? texts(choices.get("labels")) : values,
          readConfigs(m.get("beanConfigs"), where + " (" + name + ").model.beanConfigs", sets),
          JsonFields.flag(m, "open"));
    }
    Map<String, List<JsonNode>> dependsOn = new LinkedHashMap<>();
    c.path("dependsOn").properties().forEach(e -> {
      List<JsonNode> values = new ArrayList<>();
      e.getValue().forEach(values::add);
      dependsOn.put(e.getKey(), values);
    });
    ElScope el = ElScope.UNKNOWN;
    if (c.has("elSet")) {
      String setName = c.path("elSet").asText();
      JsonNode set = sets.elSets().path(setName);
      if (!set.isObject()) {
        throw new DefinitionsException(where + " (" + name + ") uses an elSet the document does not define");
      }
      el = sets.scopes().computeIfAbsent(setName, k -> new ElScope(texts(set.get("functions")), texts(set.get("constants"))));
    }
    JsonNode defaultValue = c.get("defaultValue");
    return ConfigDefinition.builder(name, ConfigType.parse(JsonFields.text(c, "type")))
        .label(JsonFields.text(c, "label"))
        .description(JsonFields.text(c, "description"))
        .defaultValue(defaultValue == null ? NullNode.getInstance() : defaultValue)
        .required(JsonFields.flag(c, "required"))
        .group(JsonFields.text(c, "group"))
        .displayPosition(c.path("displayPosition").asInt(0))
        .model(model)
        .min(number(c.get("min")).orElse(null))
        .max(number(c.get("max")).orElse(null))
        .dependsOn(dependsOn)
        .evaluation(Evaluation.parse(JsonFields.text(c, "evaluation")))
        .el(el)
        .connectionType(JsonFields.text(c, "connectionType"))
        .build();
  }

  private static Optional<Long> number(JsonNode n) {
    return n != null && n.isIntegralNumber() && n.canConvertToLong() ? Optional.of(n.asLong()) : Optional.empty();
  }

  private static List<JsonNode> list(JsonNode n, String where) throws DefinitionsException {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw new DefinitionsException(where + " is not a JSON array");
    }
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode item : n) {
      if (!item.isObject()) {
        throw new DefinitionsException(where + " holds something that is not a JSON object");
      }
      items.add(item);
    }
    return items;
  }

  private static List<String> texts(JsonNode n) {
    List<String> values = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(v -> values.add(v.asText()));
    }
    return values;
  }

}
