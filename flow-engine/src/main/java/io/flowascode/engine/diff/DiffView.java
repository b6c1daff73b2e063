package io.flowascode.engine.diff;

import io.flowascode.compiler.verify.PipelineEnvelope;
import io.flowascode.compiler.PlatformNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The parts of a pipeline JSON the diff compares, read once into maps keyed by name. What the
 * platform owns or rewrites (uuid, info, issues, positions, stage order, lane names) is dropped
 * here so nothing later can compare it by accident. A config listed twice counts once, as its last
 * entry: the engine builds a stage's (and the pipeline's) configuration into a map by name, where
 * the last entry wins (`StageConfiguration.setConfig`; some real pipelines carry duplicates). The
 * label this tool adds to mark a flow it owns is bookkeeping, not content, and is left out.
 */
record DiffView(
    String title,
    String description,
    List<String> labels,
    Map<String, JsonNode> parameters,
    Map<String, JsonNode> settings,
    Map<String, StageView> stages,
    Map<SpecialStage, StageView> specialStages) {

  /** The Stream Selector's condition list (definition `outputStreamsDrivenByConfig`). */
  static final String PREDICATES_CONFIG = "lanePredicates";

  static final DiffView EMPTY = new DiffView(
      null, null, List.of(), Map.of(), Map.of(), Map.of(), Map.of());

  /** A canvas or special stage. Configs driving outputs have their lane names removed. */
  record StageView(
      String instance,
      StageRef ref,
      String label,
      String description,
      Map<String, JsonNode> configs,
      List<String> predicates,
      List<String> predicateLanes,
      Map<String, ServiceView> services,
      List<String> inputLanes,
      List<String> outputLanes,
      List<String> eventLanes) {

    boolean isSelector() {
      return predicates != null;
    }
  }

  /** A service of a stage by its interface name. */
  record ServiceView(String service, Integer version, Map<String, JsonNode> configs) {}

  /** Reads a bare pipelineConfig, an export envelope or an IBM flow ({@code pipeline_definition}). */
  static DiffView of(JsonNode json) {
    JsonNode p = PipelineEnvelope.unwrap(json);
    if (p == null || !p.isObject()) {
      return EMPTY;
    }
    Map<String, JsonNode> settings = new LinkedHashMap<>();
    for (JsonNode c : iterable(p.get("configuration"))) {
      String name = text(c.get("name"));
      if (name != null) {
        settings.put(name, valueOf(c));
      }
    }
    Map<String, JsonNode> parameters = parameters(settings.remove("constants"));
    Map<String, StageView> stages = new LinkedHashMap<>();
    for (JsonNode s : iterable(p.get("stages"))) {
      StageView stage = stage(s);
      if (stage != null) {
        stages.putIfAbsent(stage.instance(), stage);
      }
    }
    Map<SpecialStage, StageView> special = new EnumMap<>(SpecialStage.class);
    for (SpecialStage role : SpecialStage.values()) {
      JsonNode node = p.get(role.field());
      if (node != null && node.isArray()) {
        node = node.size() > 0 ? node.get(0) : null;
      }
      StageView stage = node == null ? null : stage(node);
      if (stage != null) {
        special.put(role, stage);
      }
    }
    return new DiffView(
        text(p.get("title")),
        text(p.get("description")),
        labels(p.path("metadata").get("labels")),
        parameters,
        settings,
        stages,
        special);
  }

  private static StageView stage(JsonNode s) {
    if (!s.isObject()) {
      return null;
    }
    String instance = text(s.get("instanceName"));
    if (instance == null) {
      return null;
    }
    Map<String, JsonNode> configs = new LinkedHashMap<>();
    List<String> predicates = null;
    List<String> predicateLanes = null;
    for (JsonNode c : iterable(s.get("configuration"))) {
      String name = text(c.get("name"));
      if (name == null) {
        continue;
      }
      JsonNode value = valueOf(c);
      boolean laneDriven = isLaneDriven(value);
      if ((laneDriven && isPredicateList(value)) || PREDICATES_CONFIG.equals(name)) {
        predicates = new ArrayList<>();
        predicateLanes = new ArrayList<>();
        for (JsonNode item : value.isArray() ? value : List.<JsonNode>of()) {
          predicates.add(item.path("predicate").asText(""));
          predicateLanes.add(item.path("outputLane").asText(""));
        }
        continue;
      }
      if (laneDriven) {
        value = withoutLanes((ArrayNode) value);
      }
      configs.put(name, value);
    }
    Map<String, ServiceView> services = new TreeMap<>();
    for (JsonNode svc : iterable(s.get("services"))) {
      String service = text(svc.get("service"));
      if (service == null) {
        continue;
      }
      Map<String, JsonNode> serviceConfigs = new LinkedHashMap<>();
      for (JsonNode c : iterable(svc.get("configuration"))) {
        String name = text(c.get("name"));
        if (name != null) {
          serviceConfigs.put(name, valueOf(c));
        }
      }
      JsonNode version = svc.get("serviceVersion");
      // Boxed on every branch: an int branch would unbox the null of a version that is neither.
      Integer v = version != null && version.canConvertToInt() ? Integer.valueOf(version.asInt())
          : version != null && version.isTextual() ? parseInt(version.asText()) : null;
      services.put(service, new ServiceView(service, v, serviceConfigs));
    }
    JsonNode ui = s.path("uiInfo");
    return new StageView(
        instance,
        new StageRef(text(s.get("library")), text(s.get("stageName")), text(s.get("stageVersion")), null),
        text(ui.get("label")),
        text(ui.get("description")),
        configs,
        predicates == null ? null : List.copyOf(predicates),
        predicateLanes == null ? null : List.copyOf(predicateLanes),
        services,
        strings(s.get("inputLanes")),
        strings(s.get("outputLanes")),
        strings(s.get("eventLanes")));
  }

  /** A list of objects naming an `outputLane` each: the config that drives a stage's outputs. */
  private static boolean isLaneDriven(JsonNode value) {
    if (!value.isArray() || value.isEmpty()) {
      return false;
    }
    for (JsonNode item : value) {
      if (!item.isObject() || !item.path("outputLane").isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPredicateList(JsonNode value) {
    for (JsonNode item : value) {
      if (!item.has("predicate")) {
        return false;
      }
    }
    return true;
  }

  /** Lane names are generated; the item order already says which output an item drives. */
  private static JsonNode withoutLanes(ArrayNode value) {
    ArrayNode copy = value.deepCopy();
    for (JsonNode item : copy) {
      ((ObjectNode) item).remove("outputLane");
    }
    return copy;
  }

  private static Map<String, JsonNode> parameters(JsonNode constants) {
    Map<String, JsonNode> out = new TreeMap<>();
    if (constants == null) {
      return out;
    }
    if (constants.isObject()) {
      constants.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    }
    for (JsonNode kv : iterable(constants)) {
      String key = text(kv.get("key"));
      if (key != null) {
        out.put(key, kv.has("value") ? kv.get("value") : null);
      }
    }
    return out;
  }

  private static List<String> labels(JsonNode labels) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode l : iterable(labels)) {
      if (l.isTextual() && !PlatformNames.MANAGED_LABEL.equals(l.asText())) {
        out.add(l.asText());
      }
    }
    return List.copyOf(out);
  }

  private static JsonNode valueOf(JsonNode nameValue) {
    JsonNode v = nameValue.get("value");
    return v == null ? NullNode.getInstance() : v;
  }

  private static List<String> strings(JsonNode array) {
    if (array == null || !array.isArray() || array.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(array.size());
    for (JsonNode n : array) {
      if (n.isTextual()) {
        out.add(n.asText());
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static Iterable<JsonNode> iterable(JsonNode array) {
    return array != null && array.isArray() ? array : List.of();
  }

  static String text(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    return n.isValueNode() ? n.asText() : n.toString();
  }

  private static Integer parseInt(String s) {
    try {
      return Integer.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
