package io.flowascode.compiler.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The stage instances of the corpus pipelines, which the generator learns undocumented stages from. */
final class CorpusPipelines {
  /** Where in a pipeline an instance sits; error, stats and lifecycle stages are not on the canvas. */
  enum Role { CANVAS, ERROR, STATS, START_EVENT, STOP_EVENT, TEST_ORIGIN }

  /** One stage of one corpus pipeline, reduced to what inference needs. */
  record StageInstance(
      String file,
      String library,
      String stageName,
      String version,
      String instanceName,
      String uiLabel,
      String platformType,
      Role role,
      List<Map.Entry<String, JsonNode>> configuration,
      int outputLanes,
      boolean eventLane,
      List<String> services) {}

  /** A corpus file: its name and parsed JSON (a bare pipelineConfig or an export envelope). */
  record CorpusFile(String name, JsonNode root) {
    JsonNode pipelineConfig() {
      return root.has("pipelineConfig") ? root.get("pipelineConfig") : root;
    }

    JsonNode libraryDefinitions() {
      JsonNode n = root.get("libraryDefinitions");
      return n == null || n.isNull() ? null : n;
    }
  }

  private CorpusPipelines() {}

  static List<CorpusFile> read(Path directory) throws IOException, DefinitionsException {
    List<Path> paths;
    try (Stream<Path> s = Files.list(directory)) {
      paths = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    List<CorpusFile> files = new ArrayList<>();
    for (Path p : paths) {
      try (InputStream in = Files.newInputStream(p)) {
        files.add(new CorpusFile(p.getFileName().toString(), JsonDocuments.parse(in)));
      }
    }
    return files;
  }

  static List<StageInstance> instances(List<CorpusFile> files) {
    List<StageInstance> all = new ArrayList<>();
    for (CorpusFile f : files) {
      JsonNode pc = f.pipelineConfig();
      pc.path("stages").forEach(s -> all.add(instance(f.name(), s, Role.CANVAS)));
      add(all, f.name(), pc.get("errorStage"), Role.ERROR);
      add(all, f.name(), pc.get("statsAggregatorStage"), Role.STATS);
      add(all, f.name(), pc.get("testOriginStage"), Role.TEST_ORIGIN);
      pc.path("startEventStages").forEach(s -> all.add(instance(f.name(), s, Role.START_EVENT)));
      pc.path("stopEventStages").forEach(s -> all.add(instance(f.name(), s, Role.STOP_EVENT)));
    }
    return all;
  }

  private static void add(List<StageInstance> all, String file, JsonNode stage, Role role) {
    if (stage != null && stage.isObject()) {
      all.add(instance(file, stage, role));
    }
  }

  private static StageInstance instance(String file, JsonNode s, Role role) {
    List<Map.Entry<String, JsonNode>> configuration = new ArrayList<>();
    s.path("configuration").forEach(c -> configuration.add(Map.entry(c.path("name").asText(), c.path("value"))));
    List<String> services = new ArrayList<>();
    s.path("services").forEach(u -> services.add(u.path("service").asText()));
    return new StageInstance(
        file,
        s.path("library").asText(),
        s.path("stageName").asText(),
        normalVersion(s.path("stageVersion").asText()),
        s.path("instanceName").asText(),
        s.path("uiInfo").path("label").asText(""),
        s.path("uiInfo").path("stageType").asText(""),
        role,
        configuration,
        s.path("outputLanes").size(),
        s.path("eventLanes").size() > 0,
        services);
  }

  /** The platform reads "1.0.0" as version 1; so do we. */
  static String normalVersion(String version) {
    String v = version.trim();
    int dot = v.indexOf('.');
    return dot < 0 ? v : v.substring(0, dot);
  }
}
