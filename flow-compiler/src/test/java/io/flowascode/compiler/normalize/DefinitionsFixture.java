package io.flowascode.compiler.normalize;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;
import io.flowascode.compiler.catalog.ConfigType;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.catalog.StageType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Real platform files from the shared directory, and a catalog read from a real
 * `/rest/v1/definitions` answer with just the fields the normaliser uses. Tests skip when the
 * shared directory is absent.
 */
final class DefinitionsFixture {
  static final ObjectMapper JSON = new ObjectMapper();

  private DefinitionsFixture() {}

  static Path shared(String relative) {
    String dir = System.getProperty("flow.shared.dir");
    assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "the shared platform directory is absent");
    Path file = Path.of(dir).resolve(relative);
    assumeTrue(Files.exists(file), "shared file absent: " + relative);
    return file;
  }

  static JsonNode read(String relative) {
    try {
      return JSON.readTree(shared(relative).toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The complete definitions of the reference Data Collector (basic and dev libraries). */
  static Catalog basicDevCatalog() {
    return catalog(read("platform/definitions/sdc-basic-dev-definitions.json"));
  }

  static Catalog catalog(JsonNode definitions) {
    List<StageDefinition> stages = new ArrayList<>();
    definitions.path("stages").forEach(s -> stages.add(stage(s)));
    List<ServiceDefinition> services = new ArrayList<>();
    for (JsonNode s : definitions.path("services")) {
      services.add(new ServiceDefinition(
          s.path("provides").asText(), s.path("version").asInt(), s.path("label").asText(), configs(s)));
    }
    List<ConfigDefinition> pipeline = configs(definitions.path("pipeline").path(0));
    return new Catalog(stages, services, pipeline);
  }

  private static StageDefinition stage(JsonNode s) {
    List<ServiceUse> uses = new ArrayList<>();
    for (JsonNode use : s.path("services")) {
      Map<String, JsonNode> values = new LinkedHashMap<>();
      use.path("configuration").properties().forEach(e -> values.put(e.getKey(), e.getValue()));
      uses.add(new ServiceUse(use.path("service").asText(), values));
    }
    return new StageDefinition(
        s.path("library").asText(), s.path("libraryLabel").asText(), s.path("name").asText(),
        s.path("version").asText(), s.path("label").asText(), s.path("description").asText(),
        StageType.fromPlatform(s.path("type").asText()).orElseThrow(), configs(s), uses,
        s.path("producingEvents").asBoolean(), s.path("outputStreams").asInt(),
        s.path("variableOutputStreams").asBoolean(), s.path("outputStreamsDrivenByConfig").asText(null),
        strings(s.path("outputStreamLabels")), s.path("errorStage").asBoolean(),
        s.path("statsAggregatorStage").asBoolean(), s.path("pipelineLifecycleStage").asBoolean(),
        strings(s.path("hideStage")), strings(s.path("executionModes")), false);
  }

  private static List<ConfigDefinition> configs(JsonNode owner) {
    List<ConfigDefinition> configs = new ArrayList<>();
    owner.path("configDefinitions").forEach(c -> configs.add(config(c)));
    return configs;
  }

  private static ConfigDefinition config(JsonNode c) {
    Optional<ConfigModel> model = Optional.empty();
    JsonNode m = c.path("model");
    if (m.isObject()) {
      List<ConfigDefinition> beans = new ArrayList<>();
      m.path("configDefinitions").forEach(b -> beans.add(config(b)));
      model = Optional.of(new ConfigModel(
          m.path("modelType").asText(), strings(m.path("values")), strings(m.path("labels")), beans));
    }
    return new ConfigDefinition(
        c.path("name").asText(), c.path("label").asText(), c.path("description").asText(),
        ConfigType.parse(c.path("type").asText()), c.get("defaultValue"), c.path("required").asBoolean(),
        c.path("group").asText(), c.path("displayPosition").asInt(), model, Optional.empty(), Optional.empty(),
        Map.of());
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
