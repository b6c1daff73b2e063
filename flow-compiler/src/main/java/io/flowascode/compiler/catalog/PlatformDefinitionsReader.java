package io.flowascode.compiler.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the platform's own definitions JSON (the answer of {@code GET /rest/v1/definitions}, in its
 * full form or the compressed {@code ?schemaVersion=2} form, and the {@code libraryDefinitions} of
 * an export envelope, which has the same shape) into a {@link Catalog}.
 *
 * <p>Fields the compiler does not need (icons, EL indexes, group definitions) are ignored, and
 * missing optional fields take the platform's defaults. What cannot be understood at all (a stage
 * without a name, an unknown stage type, a section of the wrong JSON type) is a
 * {@link DefinitionsException}.
 */
public final class PlatformDefinitionsReader {
  // The platform writes these sentinels for "no bound" (Long.MIN_VALUE and Long.MAX_VALUE).
  private static final long NO_MIN = Long.MIN_VALUE;
  private static final long NO_MAX = Long.MAX_VALUE;

  private PlatformDefinitionsReader() {}

  /** True when the object looks like a definitions document (full or compressed). */
  public static boolean isDefinitions(JsonNode root) {
    return root.isObject()
        && (root.has("stages") || root.has("stageDefinitionMap") || root.has("stageDefinitionMinimalList"))
        && !root.has("pipelineConfig");
  }

  /** True when the object is an export envelope ({@code pipelineConfig}, {@code libraryDefinitions}). */
  public static boolean isEnvelope(JsonNode root) {
    return root.isObject() && root.has("pipelineConfig");
  }

  /** Reads a definitions document: {@code stages} and/or the compressed map, services, pipeline configs. */
  public static Catalog read(JsonNode root) throws DefinitionsException {
    if (!root.isObject()) {
      throw new DefinitionsException("the definitions are not a JSON object");
    }
    ElIndex el = ElIndex.of(root.get("elCatalog"));
    List<StageDefinition> stages = new ArrayList<>();
    int i = 0;
    for (JsonNode s : array(root, "stages", "stages")) {
      stages.add(stage(s, JsonFields.text(s, "library"), JsonFields.text(s, "libraryLabel"), "stages[" + i++ + "]", el));
    }
    stages.addAll(compressedStages(root, el));
    List<ServiceDefinition> services = new ArrayList<>();
    i = 0;
    for (JsonNode s : array(root, "services", "services")) {
      services.add(service(s, "services[" + i++ + "]", el));
    }
    List<ConfigDefinition> pipelineConfigs = List.of();
    List<JsonNode> pipeline = array(root, "pipeline", "pipeline");
    if (!pipeline.isEmpty()) {
      pipelineConfigs = configs(pipeline.get(0).get("configDefinitions"), "pipeline[0].configDefinitions", el);
    }
    return new Catalog(stages, services, pipelineConfigs, el.catalog());
  }

  /** Reads the {@code libraryDefinitions} of an export envelope. */
  public static Catalog readEnvelope(JsonNode envelope) throws DefinitionsException {
    JsonNode library = envelope.get("libraryDefinitions");
    if (library == null || library.isNull()) {
      throw new DefinitionsException(
          "the pipeline export carries no libraryDefinitions (export it with library definitions included)");
    }
    if (!library.isObject()) {
      throw new DefinitionsException("libraryDefinitions is not a JSON object");
    }
    return read(library);
  }

  /**
   * The {@code ?schemaVersion=2} form: each entry of {@code stageDefinitionMinimalList} names a
   * stage of {@code stageDefinitionMap} (keyed {@code name::version}) and the library packaging it.
   */
  private static List<StageDefinition> compressedStages(JsonNode root, ElIndex el) throws DefinitionsException {
    JsonNode map = root.get("stageDefinitionMap");
    List<JsonNode> minimal = array(root, "stageDefinitionMinimalList", "stageDefinitionMinimalList");
    if (minimal.isEmpty()) {
      return List.of();
    }
    if (map == null || !map.isObject()) {
      throw new DefinitionsException("stageDefinitionMinimalList is given but stageDefinitionMap is not an object");
    }
    List<StageDefinition> stages = new ArrayList<>();
    int i = 0;
    for (JsonNode entry : minimal) {
      String where = "stageDefinitionMinimalList[" + i++ + "]";
      String name = JsonFields.required(entry, "name", where);
      String version = JsonFields.required(entry, "version", where);
      String key = name + "::" + version;
      JsonNode definition = map.get(key);
      if (definition == null || !definition.isObject()) {
        throw new DefinitionsException(where + " names " + key + ", which stageDefinitionMap does not hold");
      }
      stages.add(stage(definition, JsonFields.text(entry, "library"), JsonFields.text(entry, "libraryLabel"),
          "stageDefinitionMap[" + key + "]", el));
    }
    return stages;
  }

  static StageDefinition stage(JsonNode s, String library, String libraryLabel, String where, ElIndex el)
      throws DefinitionsException {
    if (!s.isObject()) {
      throw new DefinitionsException(where + " is not a JSON object");
    }
    String name = JsonFields.required(s, "name", where);
    String at = where + " (" + name + ")";
    if (library.isEmpty()) {
      throw new DefinitionsException(at + " has no library");
    }
    String typeName = JsonFields.text(s, "type");
    StageType type = StageType.fromPlatform(typeName).orElseThrow(
        () -> new DefinitionsException(at + " has the unknown stage type '" + typeName + "'"));
    List<ServiceUse> services = new ArrayList<>();
    for (JsonNode use : array(s, "services", at + ".services")) {
      Map<String, JsonNode> configuration = new LinkedHashMap<>();
      JsonNode conf = use.get("configuration");
      if (conf != null && conf.isObject()) {
        conf.properties().forEach(e -> configuration.put(e.getKey(), e.getValue()));
      }
      services.add(new ServiceUse(JsonFields.required(use, "service", at + ".services"), configuration));
    }
    // Read from an engine's own definitions: this is the version that engine has.
    return StageDefinition.builder(library, name, version(s), type)
        .libraryLabel(libraryLabel)
        .label(JsonFields.text(s, "label"))
        .description(JsonFields.text(s, "description"))
        .configs(configs(s.get("configDefinitions"), at + ".configDefinitions", el))
        .services(services)
        .producesEvents(JsonFields.flag(s, "producingEvents"))
        .outputStreams(s.path("outputStreams").asInt(0))
        .variableOutputStreams(JsonFields.flag(s, "variableOutputStreams"))
        .outputStreamsDrivenByConfig(JsonFields.text(s, "outputStreamsDrivenByConfig"))
        .outputStreamLabels(strings(s.get("outputStreamLabels")))
        .errorStage(JsonFields.flag(s, "errorStage"))
        .statsAggregatorStage(JsonFields.flag(s, "statsAggregatorStage"))
        .pipelineLifecycleStage(JsonFields.flag(s, "pipelineLifecycleStage"))
        .hideStage(strings(s.get("hideStage")))
        .executionModes(strings(s.get("executionModes")))
        .inputStreams(s.path("inputStreams").asInt(-1))
        .offsetCommitTrigger(JsonFields.flag(s, "offsetCommitTrigger"))
        .bisectable(JsonFields.flag(s, "bisectable"))
        .fromEngine(true)
        .build();
  }

  static ServiceDefinition service(JsonNode s, String where, ElIndex el) throws DefinitionsException {
    if (!s.isObject()) {
      throw new DefinitionsException(where + " is not a JSON object");
    }
    String provides = JsonFields.required(s, "provides", where);
    String versionText = version(s);
    int version;
    try {
      // A service without a version is taken as version 1, the first version the platform gives.
      version = versionText.isEmpty() ? 1 : Integer.parseInt(versionText.trim());
    } catch (NumberFormatException e) {
      throw new DefinitionsException(where + " (" + provides + ") has a version that is not a number");
    }
    return new ServiceDefinition(provides, version, JsonFields.text(s, "label"),
        configs(s.get("configDefinitions"), where + ".configDefinitions", el), JsonFields.text(s, "className"));
  }

  static List<ConfigDefinition> configs(JsonNode list, String where, ElIndex el) throws DefinitionsException {
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new DefinitionsException(where + " is not a JSON array");
    }
    List<ConfigDefinition> configs = new ArrayList<>();
    int i = 0;
    for (JsonNode c : list) {
      configs.add(config(c, where + "[" + i++ + "]", el));
    }
    return configs;
  }

  static ConfigDefinition config(JsonNode c, String where, ElIndex el) throws DefinitionsException {
    if (!c.isObject()) {
      throw new DefinitionsException(where + " is not a JSON object");
    }
    String name = JsonFields.required(c, "name", where);
    JsonNode defaultValue = c.get("defaultValue");
    return ConfigDefinition.builder(name, ConfigType.parse(JsonFields.text(c, "type")))
        .label(JsonFields.text(c, "label"))
        .description(JsonFields.text(c, "description"))
        .defaultValue(defaultValue == null ? NullNode.getInstance() : defaultValue)
        .required(JsonFields.flag(c, "required"))
        .group(JsonFields.text(c, "group"))
        .displayPosition(c.path("displayPosition").asInt(0))
        .model(model(c.get("model"), where + " (" + name + ").model", el).orElse(null))
        .min(bound(c.get("min"), NO_MIN).orElse(null))
        .max(bound(c.get("max"), NO_MAX).orElse(null))
        .dependsOn(dependsOn(c))
        .evaluation(Evaluation.parse(JsonFields.text(c, "evaluation")))
        .el(el.scope(c))
        .connectionType(JsonFields.text(c, "connectionType"))
        .build();
  }

  private static Optional<ConfigModel> model(JsonNode m, String where, ElIndex el) throws DefinitionsException {
    if (m == null || !m.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new ConfigModel(
        JsonFields.text(m, "modelType"),
        strings(m.get("values")),
        strings(m.get("labels")),
        configs(m.get("configDefinitions"), where + ".configDefinitions", el),
        OpenChoices.isOpen(JsonFields.text(m, "valuesProviderClass"))));
  }

  private static Optional<Long> bound(JsonNode n, long sentinel) {
    if (n == null || !n.isNumber() || !n.canConvertToLong()) {
      return Optional.empty();
    }
    long value = n.asLong();
    return value == sentinel ? Optional.empty() : Optional.of(value);
  }

  /**
   * {@code dependsOnMap}; older definitions only have {@code dependsOn} with
   * {@code triggeredByValues}, which say the same for a single config.
   */
  private static Map<String, List<JsonNode>> dependsOn(JsonNode c) {
    Map<String, List<JsonNode>> result = new LinkedHashMap<>();
    JsonNode map = c.get("dependsOnMap");
    if (map != null && map.isObject()) {
      map.properties().forEach(e -> result.put(e.getKey(), nodes(e.getValue())));
    }
    String single = JsonFields.text(c, "dependsOn");
    if (result.isEmpty() && !single.isEmpty()) {
      result.put(single, nodes(c.get("triggeredByValues")));
    }
    return result;
  }

  private static List<JsonNode> nodes(JsonNode n) {
    List<JsonNode> values = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(values::add);
    } else if (n != null && !n.isNull()) {
      values.add(n);
    }
    return values;
  }

  private static List<JsonNode> array(JsonNode parent, String field, String where) throws DefinitionsException {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw new DefinitionsException(where + " is not a JSON array");
    }
    List<JsonNode> items = new ArrayList<>();
    n.forEach(items::add);
    return items;
  }

  private static List<String> strings(JsonNode n) {
    List<String> values = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(v -> values.add(v.isNull() ? "" : v.asText()));
    }
    return values;
  }

  /** The stage or service version, which the platform writes as a string but some tools as a number. */
  private static String version(JsonNode n) {
    JsonNode v = n.get("version");
    return v == null || v.isNull() ? "" : v.asText();
  }

}
