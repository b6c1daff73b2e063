package io.flowascode.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Edits a copy of a pipeline JSON the way the platform, the UI or a user would, for the diff's
 * specifications. Every method returns a new tree and leaves its argument alone.
 */
public final class PipelineEdits {
  private PipelineEdits() {}

  /** The pipelineConfig of an export envelope, or the pipeline itself, as a copy. */
  public static ObjectNode pipelineOf(JsonNode json) {
    JsonNode p = json.has("pipelineConfig") ? json.get("pipelineConfig") : json;
    return (ObjectNode) p.deepCopy();
  }

  public static ObjectNode stage(ObjectNode pipeline, String instance) {
    for (JsonNode s : pipeline.withArray("stages")) {
      if (instance.equals(s.path("instanceName").asText())) {
        return (ObjectNode) s;
      }
    }
    throw new IllegalArgumentException("no stage " + instance);
  }

  /** Sets (or adds) a `{name, value}` entry in a `configuration` list. */
  public static void setConfig(ObjectNode owner, String name, JsonNode value) {
    ArrayNode configs = owner.withArray("configuration");
    for (JsonNode c : configs) {
      if (name.equals(c.path("name").asText())) {
        ((ObjectNode) c).set("value", value);
        return;
      }
    }
    configs.addObject().put("name", name).set("value", value);
  }

  public static void removeConfig(ObjectNode owner, String name) {
    Iterator<JsonNode> it = owner.withArray("configuration").iterator();
    while (it.hasNext()) {
      if (name.equals(it.next().path("name").asText())) {
        it.remove();
      }
    }
  }

  /** The stages in another order, as the server's topological sort may leave them. */
  public static ObjectNode shuffleStages(JsonNode pipeline, long seed) {
    ObjectNode copy = pipelineOf(pipeline);
    List<JsonNode> stages = new ArrayList<>();
    copy.withArray("stages").forEach(stages::add);
    Collections.shuffle(stages, new Random(seed));
    ArrayNode shuffled = copy.putArray("stages");
    stages.forEach(shuffled::add);
    return copy;
  }

  /** Every lane name replaced by a new one, consistently, wherever it appears. */
  public static ObjectNode renameLanes(JsonNode pipeline) {
    ObjectNode copy = pipelineOf(pipeline);
    Map<String, String> renames = new HashMap<>();
    for (JsonNode s : copy.withArray("stages")) {
      for (String field : List.of("outputLanes", "eventLanes")) {
        for (JsonNode lane : s.path(field)) {
          renames.putIfAbsent(lane.asText(), "Renamed" + renames.size() + "_" + lane.asText().hashCode());
        }
      }
    }
    replaceStrings(copy, renames);
    return copy;
  }

  private static void replaceStrings(JsonNode node, Map<String, String> renames) {
    if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      for (int i = 0; i < a.size(); i++) {
        String r = a.get(i).isTextual() ? renames.get(a.get(i).asText()) : null;
        if (r != null) {
          a.set(i, TextNode.valueOf(r));
        } else {
          replaceStrings(a.get(i), renames);
        }
      }
    } else if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode v = o.get(name);
        String r = v.isTextual() ? renames.get(v.asText()) : null;
        if (r != null) {
          o.put(name, r);
        } else {
          replaceStrings(v, renames);
        }
      }
    }
  }

  /** New positions, uuid, info and issues: what the platform and the SDKs rewrite on every save. */
  public static ObjectNode platformNoise(JsonNode pipeline) {
    ObjectNode copy = pipelineOf(pipeline);
    int i = 0;
    for (JsonNode s : copy.withArray("stages")) {
      ObjectNode ui = ((ObjectNode) s).withObjectProperty("uiInfo");
      ui.put("xPos", 1000 + 37 * i).put("yPos", 5 + 11 * i++);
    }
    copy.put("uuid", "00000000-1111-2222-3333-444444444444");
    copy.withObjectProperty("info").put("uuid", "00000000-1111-2222-3333-444444444444").put("lastModified", 1);
    copy.putObject("issues").put("issueCount", 3);
    copy.put("valid", false).put("previewable", false).put("version", 99).put("schemaVersion", 6);
    copy.withObjectProperty("metadata").put("dpm.pipeline.id", "x");
    return copy;
  }

  /**
   * Every config whose value is exactly its definition's default removed, as a compiler that
   * emits only what differs would write it. Exact JSON equality on purpose: the diff's own looser
   * comparison is what is being tested.
   */
  public static ObjectNode withoutDefaults(JsonNode pipeline, Catalog catalog) {
    ObjectNode copy = pipelineOf(pipeline);
    List<ObjectNode> stages = new ArrayList<>();
    copy.withArray("stages").forEach(s -> stages.add((ObjectNode) s));
    for (String field : List.of("errorStage", "statsAggregatorStage", "testOriginStage")) {
      if (copy.path(field).isObject()) {
        stages.add((ObjectNode) copy.get(field));
      }
    }
    for (ObjectNode s : stages) {
      Optional<StageDefinition> def = catalog.findClosest(
          s.path("library").asText(), s.path("stageName").asText(), s.path("stageVersion").asText());
      if (def.isEmpty()) {
        continue;
      }
      Map<String, JsonNode> defaults = new HashMap<>();
      for (ConfigDefinition c : def.get().configs()) {
        defaults.put(c.name(), c.defaultValue());
      }
      removeEqual(s.withArray("configuration"), defaults);
      for (JsonNode svc : s.path("services")) {
        Map<String, JsonNode> svcDefaults = new HashMap<>();
        catalog.service(svc.path("service").asText())
            .ifPresent(sd -> sd.configs().forEach(c -> svcDefaults.put(c.name(), c.defaultValue())));
        for (ServiceUse use : def.get().services()) {
          if (use.service().equals(svc.path("service").asText())) {
            svcDefaults.putAll(use.configuration());
          }
        }
        removeEqual(((ObjectNode) svc).withArray("configuration"), svcDefaults);
      }
    }
    Map<String, JsonNode> pipelineDefaults = new HashMap<>();
    catalog.pipelineConfigs().forEach(c -> pipelineDefaults.put(c.name(), c.defaultValue()));
    removeEqual(copy.withArray("configuration"), pipelineDefaults);
    return copy;
  }

  private static void removeEqual(ArrayNode configs, Map<String, JsonNode> defaults) {
    // A config listed twice is its last entry, as the engine reads it: keep only that one first.
    Map<String, Integer> last = new HashMap<>();
    for (int i = 0; i < configs.size(); i++) {
      last.put(configs.get(i).path("name").asText(), i);
    }
    for (int i = configs.size() - 1; i >= 0; i--) {
      if (last.get(configs.get(i).path("name").asText()) != i) {
        configs.remove(i);
      }
    }
    Iterator<JsonNode> it = configs.iterator();
    while (it.hasNext()) {
      JsonNode c = it.next();
      JsonNode dflt = defaults.get(c.path("name").asText());
      if (dflt != null && dflt.equals(c.get("value"))) {
        it.remove();
      }
    }
  }
}
