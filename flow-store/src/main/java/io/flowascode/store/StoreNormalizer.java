package io.flowascode.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.StageDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Data Collector does to a pipeline it stores, for the parts a store without an engine can
 * reproduce (NOTES §1.7 steps 3 and 4): every config missing from the pipeline, from a stage (also
 * a stage of a fragment the pipeline holds) or from a stage's service is added with its
 * definition's default, and the canvas stages are put in topological order. Version fields also come back in the types the platform's JSON binding gives
 * them: `stageVersion` a string, `serviceVersion` a number (rest-samples 06 sent `"3"` and got `3`).
 *
 * <p>Stages are matched to definitions by library, stage name and version exactly. The platform
 * upgrades an older stage before filling it; this class cannot upgrade, so a stage whose exact
 * version is not in the catalog is left as it is rather than filled from another version's
 * definitions. Library aliases, upgrades and validation (`issues`) are out of its reach.
 */
public final class StoreNormalizer {
  /** The stage-valued fields besides `stages` that the platform fills too. */
  private static final List<String> SPECIAL_STAGES = List.of("errorStage", "statsAggregatorStage", "testOriginStage");

  private static final List<String> SPECIAL_STAGE_LISTS = List.of("startEventStages", "stopEventStages");

  private final Catalog catalog;

  public StoreNormalizer(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * The pipeline as the platform would store it; the argument is not modified.
   *
   * @throws IllegalArgumentException if the argument is not a JSON object
   */
  public ObjectNode normalize(JsonNode pipeline) {
    if (pipeline == null || !pipeline.isObject()) {
      throw new IllegalArgumentException("a pipeline is a JSON object");
    }
    ObjectNode copy = pipeline.deepCopy();
    ArrayNode pipelineConfigs = configurationArray(copy);
    if (pipelineConfigs != null) {
      addMissing(pipelineConfigs, catalog.pipelineConfigs());
    }
    JsonNode stages = copy.get("stages");
    if (stages instanceof ArrayNode canvas) {
      canvas.forEach(this::fillStage);
      copy.set("stages", StageOrder.sorted(canvas));
    }
    // The stages of each fragment copy are the stages the engine runs: it fills them too (a
    // real Data Collector 3.22.2 answered so, docs/fragments.md), and keeps their order.
    for (JsonNode fragment : copy.path("fragments")) {
      fragment.path("stages").forEach(this::fillStage);
    }
    for (String field : SPECIAL_STAGES) {
      fillStage(copy.path(field));
    }
    for (String field : SPECIAL_STAGE_LISTS) {
      copy.path(field).forEach(this::fillStage);
    }
    return copy;
  }

  private void fillStage(JsonNode stage) {
    if (!(stage instanceof ObjectNode stageObject)) {
      return;
    }
    bindVersionTypes(stageObject);
    Optional<StageDefinition> definition = catalog.find(
        stage.path("library").asText(), stage.path("stageName").asText(), stage.path("stageVersion").asText());
    if (definition.isEmpty()) {
      return;
    }
    ArrayNode configs = configurationArray(stageObject);
    if (configs != null) {
      addMissing(configs, definition.get().configs());
    }
    for (JsonNode service : stage.path("services")) {
      Optional<ServiceDefinition> serviceDefinition = catalog.service(service.path("service").asText());
      if (service instanceof ObjectNode serviceObject && serviceDefinition.isPresent()) {
        ArrayNode serviceConfigs = configurationArray(serviceObject);
        if (serviceConfigs != null) {
          addMissing(serviceConfigs, serviceDefinition.get().configs());
        }
      }
    }
  }

  private static void bindVersionTypes(ObjectNode stage) {
    JsonNode stageVersion = stage.get("stageVersion");
    if (stageVersion != null && stageVersion.isIntegralNumber()) {
      stage.put("stageVersion", stageVersion.asText());
    }
    for (JsonNode service : stage.path("services")) {
      JsonNode serviceVersion = service.get("serviceVersion");
      if (service instanceof ObjectNode object && serviceVersion != null && serviceVersion.isTextual()
          && serviceVersion.asText().matches("-?\\d{1,9}")) {
        object.put("serviceVersion", Integer.parseInt(serviceVersion.asText()));
      }
    }
  }

  /** The `configuration` array, created when absent or null; null when it is something else. */
  private static ArrayNode configurationArray(ObjectNode owner) {
    JsonNode configs = owner.get("configuration");
    if (configs == null || configs.isNull()) {
      return owner.putArray("configuration");
    }
    return configs instanceof ArrayNode array ? array : null;
  }

  /** Appends `{name, value}` for each definition not yet present, in definition order, as the server does. */
  private static void addMissing(ArrayNode configs, List<ConfigDefinition> definitions) {
    Set<String> present = new HashSet<>();
    configs.forEach(config -> present.add(config.path("name").asText()));
    for (ConfigDefinition definition : definitions) {
      if (present.add(definition.name())) {
        ObjectNode config = configs.addObject();
        config.put("name", definition.name());
        config.set("value", DefaultValues.published(definition));
      }
    }
  }
}
