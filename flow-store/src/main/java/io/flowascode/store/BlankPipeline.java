package io.flowascode.store;

import io.flowascode.compiler.PlatformNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import java.util.Optional;

/**
 * The pipeline Data Collector answers a create with (`PipelineCreator`; rest-samples 04 and 12):
 * every pipeline config at its default, no canvas stages, and the error, statistics and
 * test-origin stages that the pipeline configs `badRecordsHandling`, `statsAggregatorStage` and
 * `testOriginStage` name by default, built from the catalog as the platform builds them.
 */
public final class BlankPipeline {
  /** `PipelineStoreTask.SCHEMA_VERSION`. */
  public static final int SCHEMA_VERSION = 6;

  /** The pipeline-config bean version of the Data Collector the reference samples came from. */
  public static final int OBSERVED_PIPELINE_VERSION = 22;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Catalog catalog;
  private final int pipelineVersion;

  /**
   * @param pipelineVersion the engine's `PipelineConfigBean.VERSION`, written as the top-level
   *     `version` (22 on the reference engine, 23 on the last open-source one)
   */
  public BlankPipeline(Catalog catalog, int pipelineVersion) {
    this.catalog = catalog;
    this.pipelineVersion = pipelineVersion;
  }

  /** A new empty pipeline; its id, title, description and uuid are those of `info`. */
  public ObjectNode create(PipelineInfo info) {
    ObjectNode pipeline = NODES.objectNode();
    pipeline.put("schemaVersion", SCHEMA_VERSION);
    pipeline.put("version", pipelineVersion);
    pipeline.put("pipelineId", info.pipelineId());
    pipeline.put("title", info.title());
    pipeline.put("description", info.description());
    pipeline.put("uuid", info.uuid());
    ArrayNode configuration = pipeline.putArray("configuration");
    for (ConfigDefinition config : catalog.pipelineConfigs()) {
      configuration.addObject().put("name", config.name()).set("value", DefaultValues.published(config));
    }
    pipeline.putObject("uiInfo");
    pipeline.putArray("fragments");
    pipeline.putArray("stages");
    pipeline.set("errorStage", specialStage("badRecordsHandling", "errorStageStageInstance", "Error -", false));
    pipeline.set("info", info.toJson());
    pipeline.putNull("metadata");
    pipeline.set(
        "statsAggregatorStage",
        specialStage("statsAggregatorStage", "statsAggregatorStageInstance", "Stats Aggregator -", false));
    pipeline.putArray("startEventStages");
    pipeline.putArray("stopEventStages");
    pipeline.set(
        "testOriginStage", specialStage("testOriginStage", testOriginInstanceName(), "Test Origin - ", true));
    // An empty pipeline has exactly this one issue on the platform.
    pipeline.put("valid", false);
    pipeline.set("issues", emptyPipelineIssues());
    pipeline.put("previewable", false);
    return pipeline;
  }

  /** The `issues` block the platform reports for a pipeline without stages. */
  public static ObjectNode emptyPipelineIssues() {
    ObjectNode issues = NODES.objectNode();
    ObjectNode issue = issues.putArray("pipelineIssues").addObject();
    issue.putNull("instanceName");
    issue.putNull("serviceName");
    issue.put("level", "PIPELINE");
    issue.putNull("configGroup");
    issue.putNull("configName");
    issue.put("message", "VALIDATION_0001 - The pipeline is empty");
    issue.put("count", 1);
    issue.putNull("additionalInfo");
    issue.putNull("antennaDoctorMessages");
    issues.putObject("stageIssues");
    issues.put("issueCount", 1);
    return issues;
  }

  /** The platform names the test origin after the stage: `<stageName>_TestOriginStage`. */
  private String testOriginInstanceName() {
    return reference("testOriginStage").map(d -> d.name() + "_TestOriginStage").orElse("testOriginStage");
  }

  /** A `lib::stage::version` reference held by a pipeline config's default, resolved in the catalog. */
  private Optional<StageDefinition> reference(String pipelineConfig) {
    for (ConfigDefinition config : catalog.pipelineConfigs()) {
      if (config.name().equals(pipelineConfig) && config.defaultValue() != null) {
        String[] parts = config.defaultValue().asText().split("::");
        if (parts.length == 3) {
          return catalog.find(parts[0], parts[1], parts[2]);
        }
      }
    }
    return Optional.empty();
  }

  private JsonNode specialStage(String pipelineConfig, String instanceName, String labelPrefix, boolean withOutput) {
    Optional<StageDefinition> found = reference(pipelineConfig);
    if (found.isEmpty()) {
      return NODES.nullNode();
    }
    StageDefinition definition = found.get();
    ObjectNode stage = NODES.objectNode();
    stage.put("instanceName", instanceName);
    stage.put("library", definition.library());
    stage.put("stageName", definition.name());
    stage.put("stageVersion", definition.version());
    ArrayNode configs = stage.putArray("configuration");
    for (ConfigDefinition config : definition.configs()) {
      configs.addObject().put("name", config.name()).set("value", DefaultValues.forNewStage(config));
    }
    ObjectNode uiInfo = stage.putObject("uiInfo");
    uiInfo.put("stageType", definition.type().platformName());
    uiInfo.put("label", labelPrefix + definition.label());
    stage.putArray("inputLanes");
    ArrayNode outputs = stage.putArray("outputLanes");
    if (withOutput) {
      outputs.add(instanceName + PlatformNames.OUTPUT_LANE_INFIX + "1");
    }
    stage.putArray("eventLanes");
    ArrayNode services = stage.putArray("services");
    for (ServiceUse use : definition.services()) {
      catalog.service(use.service()).ifPresent(service -> services.add(serviceNode(service, use)));
    }
    return stage;
  }

  /** A service at its defaults, overridden by what the stage definition sets for it. */
  private static ObjectNode serviceNode(ServiceDefinition service, ServiceUse use) {
    ObjectNode node = NODES.objectNode();
    node.put("service", service.provides());
    node.put("serviceVersion", service.version());
    ArrayNode configs = node.putArray("configuration");
    for (ConfigDefinition config : service.configs()) {
      JsonNode override = use.configuration().get(config.name());
      JsonNode value = override != null ? override.deepCopy() : DefaultValues.forNewStage(config);
      configs.addObject().put("name", config.name()).set("value", value);
    }
    return node;
  }
}
