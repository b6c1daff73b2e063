package io.flowascode.compiler.verify;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads pipeline JSON into a {@link PipelineModel} without trusting its shape: whatever is missing
 * or of the wrong JSON type is reported as an issue and read as empty, so that the rules can still
 * run on the rest.
 */
final class PipelineReader {
  private final List<PipelineIssue> issues;

  PipelineReader(List<PipelineIssue> issues) {
    this.issues = issues;
  }

  Optional<PipelineModel> read(JsonNode pipeline) {
    if (pipeline == null || !pipeline.isObject()) {
      issues.add(new PipelineIssue(null, null, "the pipeline is not a JSON object"));
      return Optional.empty();
    }
    JsonNode titleNode = pipeline.get("title");
    boolean titlePresent = titleNode != null && titleNode.isTextual();
    String title = titlePresent ? titleNode.asText() : "";

    List<ConfigEntry> entries = configuration(pipeline.get("configuration"), "the pipeline", null);
    Map<String, JsonNode> configuration = new LinkedHashMap<>();
    for (ConfigEntry c : entries) {
      // Map.copyOf refuses nulls: a setting written as null reads as JSON null.
      configuration.put(c.name(), c.value() == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : c.value());
    }

    List<StageInstance> stages = new ArrayList<>();
    JsonNode stagesNode = pipeline.get("stages");
    if (stagesNode == null || stagesNode.isNull()) {
      issues.add(new PipelineIssue(null, null, "the pipeline has no `stages` list"));
    } else if (!stagesNode.isArray()) {
      issues.add(new PipelineIssue(null, null, "the pipeline's `stages` is not a list"));
    } else {
      for (int i = 0; i < stagesNode.size(); i++) {
        stage(stagesNode.get(i), StageRole.CANVAS, i).ifPresent(stages::add);
      }
    }
    return Optional.of(new PipelineModel(
        title,
        titlePresent,
        entries,
        configuration,
        stages,
        single(pipeline, StageRole.ERROR),
        single(pipeline, StageRole.STATS_AGGREGATOR),
        list(pipeline, StageRole.START_EVENT),
        list(pipeline, StageRole.STOP_EVENT),
        single(pipeline, StageRole.TEST_ORIGIN)));
  }

  private Optional<StageInstance> single(JsonNode pipeline, StageRole role) {
    JsonNode node = pipeline.get(role.field());
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    return stage(node, role, 0);
  }

  private List<StageInstance> list(JsonNode pipeline, StageRole role) {
    JsonNode node = pipeline.get(role.field());
    List<StageInstance> stages = new ArrayList<>();
    if (node == null || node.isNull()) {
      return stages;
    }
    if (!node.isArray()) {
      issues.add(new PipelineIssue(null, null, "the pipeline's `" + role.field() + "` is not a list"));
      return stages;
    }
    for (int i = 0; i < node.size(); i++) {
      stage(node.get(i), role, i).ifPresent(stages::add);
    }
    return stages;
  }

  private Optional<StageInstance> stage(JsonNode node, StageRole role, int position) {
    String where = role.slot(position);
    if (node == null || !node.isObject()) {
      issues.add(new PipelineIssue(null, null, where + " is not a JSON object"));
      return Optional.empty();
    }
    String instanceName = text(node.get("instanceName"));
    String owner = instanceName.isEmpty() ? where : instanceName;
    String issueName = instanceName.isEmpty() ? null : instanceName;
    if (instanceName.isEmpty()) {
      issues.add(new PipelineIssue(null, null, where + " has no instanceName"));
    }
    String library = text(node.get("library"));
    String stageName = text(node.get("stageName"));
    String stageVersion = version(node.get("stageVersion"));
    if (library.isEmpty() || stageName.isEmpty() || stageVersion.isEmpty()) {
      issues.add(new PipelineIssue(null, issueName,
          owner + " does not name its definition (library, stageName and stageVersion are all needed)"));
    }
    return Optional.of(new StageInstance(
        role,
        position,
        instanceName,
        library,
        stageName,
        stageVersion,
        configuration(node.get("configuration"), owner, issueName),
        services(node.get("services"), owner, issueName),
        lanes(node, "inputLanes", owner, issueName),
        lanes(node, "outputLanes", owner, issueName),
        lanes(node, "eventLanes", owner, issueName)));
  }

  private List<ServiceInstance> services(JsonNode node, String owner, @Nullable String issueName) {
    List<ServiceInstance> services = new ArrayList<>();
    if (node == null || node.isNull()) {
      return services;
    }
    if (!node.isArray()) {
      issues.add(new PipelineIssue(null, issueName, owner + "'s `services` is not a list"));
      return services;
    }
    for (JsonNode s : node) {
      String service = s.isObject() ? text(s.get("service")) : "";
      if (service.isEmpty()) {
        issues.add(new PipelineIssue(null, issueName, owner + " has a service entry without a `service` name"));
        continue;
      }
      JsonNode version = s.get("serviceVersion");
      int serviceVersion = version != null && (version.isIntegralNumber() || version.isTextual())
          ? (int) Catalog.versionNumber(normaliseVersion(version.asText()))
          : -1;
      services.add(new ServiceInstance(service, serviceVersion,
          configuration(s.get("configuration"), owner + "'s service " + service, issueName)));
    }
    return services;
  }

  private List<ConfigEntry> configuration(JsonNode node, String owner, @Nullable String issueName) {
    List<ConfigEntry> entries = new ArrayList<>();
    if (node == null || node.isNull()) {
      return entries;
    }
    if (!node.isArray()) {
      issues.add(new PipelineIssue(null, issueName, owner + "'s `configuration` is not a list"));
      return entries;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode c = node.get(i);
      String name = c.isObject() ? text(c.get("name")) : "";
      if (name.isEmpty()) {
        issues.add(new PipelineIssue(null, issueName,
            owner + "'s configuration entry " + i + " has no `name`"));
        continue;
      }
      entries.add(new ConfigEntry(name, c.get("value")));
    }
    return entries;
  }

  private List<String> lanes(JsonNode stage, String field, String owner, @Nullable String issueName) {
    List<String> lanes = new ArrayList<>();
    JsonNode node = stage.get(field);
    if (node == null || node.isNull()) {
      return lanes;
    }
    if (!node.isArray()) {
      issues.add(new PipelineIssue(null, issueName, owner + "'s `" + field + "` is not a list"));
      return lanes;
    }
    for (JsonNode lane : node) {
      if (lane.isTextual()) {
        lanes.add(lane.asText());
      } else {
        issues.add(new PipelineIssue(null, issueName, owner + "'s `" + field + "` holds something that is not a lane name"));
      }
    }
    return lanes;
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : "";
  }

  /** The platform reads the version as an integer and accepts "1.0.0" as 1. */
  private static String version(JsonNode node) {
    if (node == null || node.isNull()) {
      return "";
    }
    if (node.isIntegralNumber()) {
      return node.asText();
    }
    return node.isTextual() ? normaliseVersion(node.asText()) : "";
  }

  /** "1.0.0" and " 1" are version 1; what is not a number is left as it is. */
  static String normaliseVersion(String version) {
    String text = version.trim();
    int dot = text.indexOf('.');
    String major = dot < 0 ? text : text.substring(0, dot);
    try {
      return Integer.toString(Integer.parseInt(major));
    } catch (NumberFormatException e) {
      return text;
    }
  }
}
