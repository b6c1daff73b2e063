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
 * instance name with the same library, stage and version; configs (and service configs) where
 * either side differs from the definition's default, an absent config being its default as the
 * platform fills it in; Stream Selector predicates in order; data lanes by topology (which output
 * feeds which stage: a predicate's expression, or the output's number); event lanes; parameters,
 * settings, the error and lifecycle stages, title, description, labels and stage descriptions.
 * Lane names, positions and the statistics and test origin stages' own configs are not compared,
 * and changed stage UI labels and settings of another engine version are counted as documented
 * losses (the language does not hold them; see docs/import.md).
 *
 * <p>Differences name what differs, never a value: corpus values may be credentials.
 */
final class PipelineComparison {
  /**
   * One difference.
   *
   * @param category groups differences for the summary table
   * @param detail where (stage, config name)
   * @param documented a loss docs/import.md announces (UI labels, settings of another engine version)
   */
  record Difference(String category, String detail, boolean documented) {
    @Override
    public String toString() {
      return category + ": " + detail;
    }
  }

  private static final JsonNode ABSENT = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  private static final Set<String> SPECIAL_SETTINGS = Set.of("constants", "badRecordsHandling", "startEventStage", "stopEventStage");

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
    return c.differences;
  }

  private void differ(String category, String detail) {
    differences.add(new Difference(category, detail, false));
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
        if (!e.getValue().path("uiInfo").path("label").asText("").equals(other.path("uiInfo").path("label").asText(""))) {
          differences.add(new Difference("stage UI label not kept (documented)", e.getKey(), true));
        }
        if (!e.getValue().path("uiInfo").path("description").asText("").equals(other.path("uiInfo").path("description").asText(""))) {
          differ("stage description", e.getKey());
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
    defs.forEach((n, c) -> defaults.put(n, guessed ? ABSENT : ConfigValues.emittedDefault(c)));
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
        sdefaults.put(c.name(), use.map(u -> u.configuration().get(c.name())).orElse(ConfigValues.emittedDefault(c)));
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
    for (String name : ca.keySet()) {
      if (!known.contains(name)) {
        differences.add(new Difference("setting not in the catalog (dropped, documented)", name, true));
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
