package io.flowascode.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.config.ValueEquality;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares an imported pipeline with the pipeline its flow compiles to, by meaning: stages by
 * instance name with the same library, stage and version; configs (and service configs), an absent
 * config being the definition's default, which the engine fills in when it loads the pipeline, a
 * config listed twice being its last entry as the engine reads it;
 * Stream Selector predicates in order; data lanes by topology (which output feeds which stage: a
 * predicate's expression, or the output's number); event lanes; parameters; every setting,
 * those the catalog does not define included; the error, lifecycle, test origin and statistics
 * stages with their configs; title, description, labels and the rest of the metadata; stage UI
 * names and descriptions; and the UI state a person sets (preview settings, display modes, raw
 * preview sources).
 *
 * <p>Not compared, as docs/import.md says why: lane names, canvas positions and stage icons (UI
 * layout the platform or apply keeps), the last preview's schema cache, the pipeline's `version`,
 * and what the store owns (uuid, info, issues).
 *
 * <p>Differences name what differs, never a value: corpus values may be credentials.
 */
final class PipelineComparison {
  /**
   * One difference.
   *
   * @param category groups differences for the summary table
   * @param detail where (stage, config name)
   */
  record Difference(String category, String detail) {
    @Override
    public String toString() {
      return category + ": " + detail;
    }
  }

  private static final JsonNode ABSENT = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  private static final Set<String> SPECIAL_SETTINGS = Set.of("constants", "badRecordsHandling", "startEventStage", "stopEventStage");
  /** UI state the platform or apply keeps or regenerates: layout, icons, what the language holds elsewhere. */
  private static final Set<String> STAGE_UI_NOT_COMPARED = Set.of("label", "description", "xPos", "yPos", "stageType", "icon",
      "colorIcon", "outputStreamLabels");
  private static final Set<String> PIPELINE_UI_NOT_COMPARED = Set.of("schemaFromPreview", "schemaFromPreviewUpdateTime");
  /** Metadata this tool writes on apply. */
  private static final Set<String> OWN_METADATA = Set.of("labels", "managedBy", "flowStageIds");

  private final Catalog catalog;
  private final List<Difference> differences = new ArrayList<>();

  private PipelineComparison(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * @param original the pipeline as imported (schemaVersion 6 shape)
   * @param compiled the pipeline the imported flow compiles to
   * @param catalog the catalog the flow was compiled with (defaults come from it)
   */
  static List<Difference> compare(JsonNode original, JsonNode compiled, Catalog catalog) {
    PipelineComparison c = new PipelineComparison(catalog);
    c.header(original, compiled);
    c.stages(original, compiled);
    c.lanes(original, compiled);
    c.settings(original, compiled);
    c.special("error stage", original.get("errorStage"), compiled.get("errorStage"));
    c.special("start event stage", first(original.get("startEventStages")), first(compiled.get("startEventStages")));
    c.special("stop event stage", first(original.get("stopEventStages")), first(compiled.get("stopEventStages")));
    c.special("test origin", object(original.get("testOriginStage")), object(compiled.get("testOriginStage")));
    c.statistics(original, compiled);
    return c.differences;
  }

  private void differ(String category, String detail) {
    differences.add(new Difference(category, detail));
  }

  private static JsonNode object(JsonNode n) {
    return n != null && n.isObject() ? n : null;
  }

  /**
   * The statistics stage: as held, or, where the pipeline holds none, the one its setting names
   * (which the compiler makes from the setting, as the platform's own new pipelines have it).
   */
  private void statistics(JsonNode original, JsonNode compiled) {
    JsonNode a = object(original.get("statsAggregatorStage"));
    JsonNode b = object(compiled.get("statsAggregatorStage"));
    if (a == null && b != null) {
      String setting = PipelineDefinitions.configMap(compiled).getOrDefault("statsAggregatorStage", NullNode.getInstance()).asText("");
      String made = b.path("library").asText() + "::" + b.path("stageName").asText() + "::" + PipelineDocument.stageVersion(b);
      if (!setting.equals(made)) {
        differ("statistics stage", "added");
      }
      return;
    }
    special("statistics stage", a, b);
  }

  private void header(JsonNode a, JsonNode b) {
    String title = a.path("title").asText("");
    if (!(title.isEmpty() ? b.path("pipelineId").asText() : title).equals(b.path("title").asText())) {
      differ("title", "");
    }
    if (!a.path("description").asText("").equals(b.path("description").asText(""))) {
      differ("description", "");
    }
    if (!ValueEquality.same(labels(a), labels(b))) {
      differ("labels", "");
    }
    if (!ValueEquality.same(without(a.path("metadata"), OWN_METADATA), without(b.path("metadata"), OWN_METADATA))) {
      differ("metadata", "");
    }
    if (!ValueEquality.same(without(a.path("uiInfo"), PIPELINE_UI_NOT_COMPARED), without(b.path("uiInfo"), PIPELINE_UI_NOT_COMPARED))) {
      differ("pipeline UI state", "");
    }
  }

  /** An object without some keys and without null values (absent and null mean the same in uiInfo). */
  private static JsonNode without(JsonNode object, Set<String> keys) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    object.properties().forEach(e -> {
      if (!keys.contains(e.getKey()) && !e.getValue().isNull()) {
        copy.set(e.getKey(), e.getValue());
      }
    });
    return copy;
  }

  private static JsonNode labels(JsonNode p) {
    JsonNode l = p.path("metadata").path("labels");
    return l.isArray() ? l : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
  }

  // ---------------------------------------------------------------- stages

  private void stages(JsonNode a, JsonNode b) {
    Map<String, JsonNode> left = byInstance(a);
    Map<String, JsonNode> right = byInstance(b);
    for (String name : left.keySet()) {
      if (!right.containsKey(name)) {
        differ("stage missing after compile", name);
      }
    }
    for (String name : right.keySet()) {
      if (!left.containsKey(name)) {
        differ("stage added by compile", name);
      }
    }
    for (Map.Entry<String, JsonNode> e : left.entrySet()) {
      JsonNode other = right.get(e.getKey());
      if (other != null) {
        stage("stage", e.getKey(), e.getValue(), other);
        JsonNode label = e.getValue().path("uiInfo").path("label");
        // A stage without a UI name gets one; the UI shows the first as the second.
        if (label.isTextual() && !label.asText().isEmpty()
            && !label.asText().equals(other.path("uiInfo").path("label").asText(""))) {
          differ("stage UI name", e.getKey());
        }
        if (!e.getValue().path("uiInfo").path("description").asText("").equals(other.path("uiInfo").path("description").asText(""))) {
          differ("stage description", e.getKey());
        }
        if (!ValueEquality.same(without(e.getValue().path("uiInfo"), STAGE_UI_NOT_COMPARED),
            without(other.path("uiInfo"), STAGE_UI_NOT_COMPARED))) {
          differ("stage UI state", e.getKey());
        }
      }
    }
  }

  /** Identity, configs and services of two instances of (what should be) the same stage. */
  private void stage(String what, String name, JsonNode a, JsonNode b) {
    if (!a.path("library").asText().equals(b.path("library").asText())
        || !a.path("stageName").asText().equals(b.path("stageName").asText())
        || !PipelineDocument.stageVersion(a).equals(PipelineDocument.stageVersion(b))) {
      differ(what + " library, name or version", name);
      return;
    }
    Optional<StageDefinition> def = catalog.find(b.path("library").asText(), b.path("stageName").asText(),
        PipelineDocument.stageVersion(b));
    Map<String, ConfigDefinition> defs = new LinkedHashMap<>();
    def.ifPresent(d -> d.configs().forEach(c -> defs.put(c.name(), c)));
    Map<String, JsonNode> defaults = new LinkedHashMap<>();
    // An inferred definition's defaults are guesses, and the compiler leaves its unset configs to the
    // platform: there an absent config equals nothing but another absent one.
    boolean guessed = def.map(StageDefinition::inferred).orElse(true);
    // Otherwise an absent config is what the engine fills in when it loads the pipeline.
    defs.forEach((n, c) -> defaults.put(n, guessed ? ABSENT : ConfigValues.engineFilled(c)));
    for (String config : configs(a, b, defs, defaults, true)) {
      differ(what + " config", name + " " + config);
    }
    if (defs.values().stream().anyMatch(ConfigDefinition::isPredicate) && !predicates(a).equals(predicates(b))) {
      differ("predicates", name);
    }
    Map<String, JsonNode> servicesA = services(a);
    Map<String, JsonNode> servicesB = services(b);
    Set<String> provides = new LinkedHashSet<>(servicesA.keySet());
    provides.addAll(servicesB.keySet());
    for (String p : provides) {
      JsonNode sa = servicesA.get(p);
      JsonNode sb = servicesB.get(p);
      Optional<ServiceDefinition> sdef = catalog.service(p);
      Map<String, ConfigDefinition> sdefs = new LinkedHashMap<>();
      Map<String, JsonNode> sdefaults = new LinkedHashMap<>();
      Optional<ServiceUse> use = def.flatMap(d -> d.services().stream().filter(u -> u.service().equals(p)).findFirst());
      sdef.ifPresent(s -> s.configs().forEach(c -> {
        sdefs.put(c.name(), c);
        // A service configuration the stage sets at run time (its preset) is what the stage
        // says; a service the pipeline does not hold at all is the one the UI would add; in a
        // service it holds, a missing configuration is what the engine fills in.
        JsonNode preset = use.map(u -> u.configuration().get(c.name())).orElse(null);
        sdefaults.put(c.name(), preset != null ? preset
            : servicesA.containsKey(p) ? ConfigValues.engineFilled(c) : ConfigValues.emittedDefault(c));
      }));
      if (sa != null && sb != null && sa.path("serviceVersion").asInt(1) != sb.path("serviceVersion").asInt(1)) {
        differ(what + " service version", name + " " + PipelineDefinitions.shortName(p));
      }
      JsonNode empty = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      for (String config : configs(sa == null ? empty : sa, sb == null ? empty : sb, sdefs, sdefaults, false)) {
        differ(what + " service config", name + " " + PipelineDefinitions.shortName(p) + " " + config);
      }
    }
  }

  /** The names of configs whose values differ, an absent config taking its default. */
  private static List<String> configs(JsonNode a, JsonNode b, Map<String, ConfigDefinition> defs,
      Map<String, JsonNode> defaults, boolean skipPredicates) {
    Map<String, JsonNode> ca = PipelineDefinitions.configMap(a);
    Map<String, JsonNode> cb = PipelineDefinitions.configMap(b);
    Set<String> names = new TreeSet<>(ca.keySet());
    names.addAll(cb.keySet());
    List<String> differing = new ArrayList<>();
    for (String n : names) {
      ConfigDefinition def = defs.get(n);
      if (skipPredicates && def != null && def.isPredicate()) {
        continue;
      }
      JsonNode d = defaults.getOrDefault(n, NullNode.getInstance());
      JsonNode va = ca.getOrDefault(n, d);
      JsonNode vb = cb.getOrDefault(n, d);
      if (def != null && def.model().map(m -> m.isListBean()).orElse(false) && !va.isMissingNode() && !vb.isMissingNode()) {
        // Lane names inside lane-driving lists (HTTP Router routes) are compared by topology instead.
        va = PipelineDefinitions.withoutLanes(va);
        vb = PipelineDefinitions.withoutLanes(vb);
      }
      boolean same = (va.isMissingNode() || vb.isMissingNode()) ? va.isMissingNode() && vb.isMissingNode()
          : def == null ? ValueEquality.same(va, vb) : ConfigValues.same(va, vb, def);
      if (!same) {
        differing.add(n);
      }
    }
    return differing;
  }

  private static List<String> predicates(JsonNode stage) {
    List<String> list = new ArrayList<>();
    JsonNode p = PipelineDefinitions.configMap(stage).get("lanePredicates");
    if (p != null) {
      p.forEach(x -> list.add(x.path("predicate").asText()));
    }
    return list;
  }

  private static Map<String, JsonNode> services(JsonNode stage) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    stage.path("services").forEach(s -> map.put(s.path("service").asText(), s));
    return map;
  }

  private static Map<String, JsonNode> byInstance(JsonNode p) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    p.path("stages").forEach(s -> map.put(s.path("instanceName").asText(), s));
    return map;
  }

  // ---------------------------------------------------------------- lanes

  private void lanes(JsonNode a, JsonNode b) {
    Set<String> da = dataEdges(a);
    Set<String> db = dataEdges(b);
    for (String e : da) {
      if (!db.contains(e)) {
        differ("data connection lost", e);
      }
    }
    for (String e : db) {
      if (!da.contains(e)) {
        differ("data connection added", e);
      }
    }
    Set<String> ea = eventEdges(a);
    Set<String> eb = eventEdges(b);
    if (!ea.equals(eb)) {
      differ("event connections", "");
    }
  }

  /** `producer[port] >> consumer`, port being a predicate's expression or the output's number. */
  private static Set<String> dataEdges(JsonNode p) {
    Map<String, String> ports = new LinkedHashMap<>();
    for (JsonNode s : p.path("stages")) {
      String name = s.path("instanceName").asText();
      JsonNode predicates = PipelineDefinitions.configMap(s).get("lanePredicates");
      Map<String, String> byLane = new LinkedHashMap<>();
      if (predicates != null) {
        predicates.forEach(x -> byLane.put(x.path("outputLane").asText(), x.path("predicate").asText()));
      }
      JsonNode lanes = s.path("outputLanes");
      for (int i = 0; i < lanes.size(); i++) {
        String lane = lanes.get(i).asText();
        ports.put(lane, name + "[" + (predicates != null ? byLane.getOrDefault(lane, "?") : String.valueOf(i + 1)) + "]");
      }
    }
    Set<String> edges = new TreeSet<>();
    for (JsonNode s : p.path("stages")) {
      for (JsonNode lane : s.path("inputLanes")) {
        String from = ports.get(lane.asText());
        if (from != null) {
          edges.add(from + " >> " + s.path("instanceName").asText());
        }
      }
    }
    return edges;
  }

  private static Set<String> eventEdges(JsonNode p) {
    Map<String, String> owners = new LinkedHashMap<>();
    p.path("stages").forEach(s -> s.path("eventLanes").forEach(l -> owners.put(l.asText(), s.path("instanceName").asText())));
    Set<String> edges = new TreeSet<>();
    for (JsonNode s : p.path("stages")) {
      for (JsonNode lane : s.path("inputLanes")) {
        String from = owners.get(lane.asText());
        if (from != null) {
          edges.add(from + " >> " + s.path("instanceName").asText());
        }
      }
    }
    return edges;
  }

  // ---------------------------------------------------------------- pipeline

  private void settings(JsonNode a, JsonNode b) {
    Map<String, JsonNode> ca = PipelineDefinitions.configMap(a);
    Map<String, JsonNode> cb = PipelineDefinitions.configMap(b);
    Set<String> known = new LinkedHashSet<>();
    for (ConfigDefinition def : catalog.pipelineConfigs()) {
      known.add(def.name());
      if (SPECIAL_SETTINGS.contains(def.name())) {
        continue;
      }
      JsonNode d = ConfigValues.settingDefault(def);
      if (!ConfigValues.same(ca.getOrDefault(def.name(), d), cb.getOrDefault(def.name(), d), def)) {
        differ("setting", def.name());
      }
    }
    JsonNode constantsA = ca.getOrDefault("constants", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode());
    JsonNode constantsB = cb.getOrDefault("constants", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode());
    if (!ValueEquality.same(constantsA, constantsB)) {
      differ("parameters", "");
    }
    Set<String> unknown = new TreeSet<>(ca.keySet());
    unknown.addAll(cb.keySet());
    unknown.removeAll(known);
    for (String name : unknown) {
      if (!ca.containsKey(name) || !cb.containsKey(name) || !ValueEquality.same(ca.get(name), cb.get(name))) {
        differ("setting not in the catalog", name);
      }
    }
  }

  private void special(String what, JsonNode a, JsonNode b) {
    boolean hasA = a != null && a.isObject();
    boolean hasB = b != null && b.isObject();
    if (hasA != hasB) {
      differ(what, hasA ? "lost" : "added");
      return;
    }
    if (hasA) {
      stage(what, "", a, b);
    }
  }

  private static JsonNode first(JsonNode list) {
    return list != null && list.isArray() && list.size() > 0 ? list.get(0) : null;
  }
}
