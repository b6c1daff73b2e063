package io.flowascode.imports;

import io.flowascode.compiler.verify.PipelineEnvelope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A pipeline to import, taken from a bare pipelineConfig or an export envelope and brought to the
 * schemaVersion 6 shape the way the platform's own schema upgrade does (schemas 1 to 5 only lack
 * fields: event lanes, services, lifecycle stage lists, the pipeline id), on a copy.
 *
 * @param pipeline the pipelineConfig in schemaVersion 6 shape
 * @param schemaVersion the schema version the pipeline was written in
 * @param rules the envelope's {@code pipelineRules}, when present
 * @param libraryDefinitions the envelope's {@code libraryDefinitions}, when present
 */
record PipelineDocument(ObjectNode pipeline, int schemaVersion, Optional<JsonNode> rules,
    Optional<JsonNode> libraryDefinitions) {

  static final int SCHEMA_VERSION = 6;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  static PipelineDocument read(JsonNode root) throws ImportRefusal {
    if (root == null || !root.isObject()) {
      throw new ImportRefusal("not a pipeline: the document is not a JSON object");
    }
    if (root.has("pipelineFragmentConfig") || root.has("fragmentId")) {
      throw new ImportRefusal("this is a pipeline fragment; fragments are not supported by the flow language");
    }
    JsonNode config = PipelineEnvelope.unwrap(root);
    if (config == null || !config.isObject() || !config.path("stages").isArray()) {
      throw new ImportRefusal("not a pipeline: no pipelineConfig with a list of stages");
    }
    JsonNode version = config.get("schemaVersion");
    if (version == null || !version.canConvertToInt()) {
      throw new ImportRefusal("not a pipeline: it has no schemaVersion");
    }
    int schema = version.asInt();
    if (schema < 1 || schema > SCHEMA_VERSION) {
      throw new ImportRefusal("the pipeline has schemaVersion " + schema + "; this tool reads schema versions 1 to "
          + SCHEMA_VERSION);
    }
    if (config.path("fragments").size() > 0) {
      throw new ImportRefusal("the pipeline uses fragments; fragments are not supported by the flow language");
    }
    ObjectNode pipeline = ((ObjectNode) config).deepCopy();
    refuseTransformer(pipeline);
    upgrade(pipeline);
    return new PipelineDocument(pipeline, schema, present(root.get("pipelineRules")),
        root.has("pipelineConfig") ? present(root.get("libraryDefinitions")) : Optional.empty());
  }

  private static Optional<JsonNode> present(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? Optional.empty() : Optional.of(n);
  }

  /** Transformer pipelines run on Spark and share the JSON shape but not the stages or the language. */
  private static void refuseTransformer(ObjectNode pipeline) throws ImportRefusal {
    for (JsonNode c : pipeline.path("configuration")) {
      if ("executionMode".equals(c.path("name").asText())) {
        String mode = c.path("value").asText("");
        if (mode.equals("BATCH") || mode.equals("STREAMING")) {
          throw new ImportRefusal("this is a Transformer pipeline (execution mode " + mode
              + "); only Data Collector pipelines are supported");
        }
      }
    }
    for (JsonNode s : allStages(pipeline)) {
      String library = s.path("library").asText("").toLowerCase(Locale.ROOT);
      if (library.startsWith("streamsets-spark") || library.startsWith("streamsets-transformer")) {
        throw new ImportRefusal("this is a Transformer pipeline (stage library " + s.path("library").asText()
            + "); only Data Collector pipelines are supported");
      }
    }
  }

  /** What PipelineConfigurationUpgrader.upgradeSchema1to2 ... 5to6 do, minus the test origin. */
  private static void upgrade(ObjectNode pipeline) {
    for (String list : List.of("startEventStages", "stopEventStages")) {
      if (!pipeline.path(list).isArray()) {
        pipeline.set(list, JSON.arrayNode());
      }
    }
    if (!pipeline.path("configuration").isArray()) {
      pipeline.set("configuration", JSON.arrayNode());
    }
    if (pipeline.path("pipelineId").asText("").isEmpty()) {
      JsonNode info = pipeline.path("info");
      String id = info.path("pipelineId").asText(info.path("name").asText(""));
      pipeline.put("pipelineId", id);
    }
    for (JsonNode s : allStages(pipeline)) {
      ObjectNode stage = (ObjectNode) s;
      for (String list : List.of("configuration", "services", "inputLanes", "outputLanes", "eventLanes")) {
        if (!stage.path(list).isArray()) {
          stage.set(list, JSON.arrayNode());
        }
      }
      if (!stage.path("uiInfo").isObject()) {
        stage.set("uiInfo", JSON.objectNode());
      }
    }
  }

  /** Every stage object: the canvas, then error, statistics, lifecycle and test origin stages. */
  static List<JsonNode> allStages(JsonNode pipeline) {
    List<JsonNode> all = new ArrayList<>();
    pipeline.path("stages").forEach(s -> addStage(all, s));
    addStage(all, pipeline.get("errorStage"));
    addStage(all, pipeline.get("statsAggregatorStage"));
    pipeline.path("startEventStages").forEach(s -> addStage(all, s));
    pipeline.path("stopEventStages").forEach(s -> addStage(all, s));
    addStage(all, pipeline.get("testOriginStage"));
    return all;
  }

  private static void addStage(List<JsonNode> all, JsonNode s) {
    if (s != null && s.isObject()) {
      all.add(s);
    }
  }

  List<JsonNode> stages() {
    List<JsonNode> list = new ArrayList<>();
    pipeline.path("stages").forEach(s -> addStage(list, s));
    return list;
  }

  Optional<JsonNode> errorStage() {
    return present(pipeline.get("errorStage")).filter(JsonNode::isObject);
  }

  Optional<JsonNode> startEventStage() {
    return first(pipeline.path("startEventStages"));
  }

  Optional<JsonNode> stopEventStage() {
    return first(pipeline.path("stopEventStages"));
  }

  Optional<JsonNode> testOriginStage() {
    return present(pipeline.get("testOriginStage")).filter(JsonNode::isObject);
  }

  Optional<JsonNode> statsAggregatorStage() {
    return present(pipeline.get("statsAggregatorStage")).filter(JsonNode::isObject);
  }

  private static Optional<JsonNode> first(JsonNode list) {
    return list.isArray() && list.size() > 0 && list.get(0).isObject() ? Optional.of(list.get(0)) : Optional.empty();
  }

  /** The pipeline-level configuration as a list of {name, value}. */
  ArrayNode configuration() {
    return (ArrayNode) pipeline.get("configuration");
  }

  /** The platform reads a stage version "1.0.0" as 1. */
  static String stageVersion(JsonNode stage) {
    String v = stage.path("stageVersion").asText("").trim();
    int dot = v.indexOf('.');
    return dot < 0 ? v : v.substring(0, dot);
  }
}
