package io.flowascode.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;
import io.flowascode.compiler.catalog.ConfigType;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.catalog.StageType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog read from a `/rest/v1/definitions` answer, with the fields a pipeline store needs
 * (names, types, defaults, models, services), so a test server normalises saved pipelines with the
 * very definitions it serves. The compiler's own definitions loader is the complete reader; this
 * one stays deliberately small and lenient.
 */
public final class DefinitionsCatalog {
  private DefinitionsCatalog() {}

  public static Catalog read(JsonNode definitions) {
    List<StageDefinition> stages = new ArrayList<>();
    for (JsonNode stage : definitions.path("stages")) {
      StageType.fromPlatform(stage.path("type").asText()).ifPresent(type -> stages.add(stage(stage, type)));
    }
    List<ServiceDefinition> services = new ArrayList<>();
    for (JsonNode service : definitions.path("services")) {
      services.add(new ServiceDefinition(
          service.path("provides").asText(), service.path("version").asInt(), service.path("label").asText(),
          configs(service)));
    }
    return new Catalog(stages, services, configs(definitions.path("pipeline").path(0)));
  }

  private static StageDefinition stage(JsonNode s, StageType type) {
    List<ServiceUse> uses = new ArrayList<>();
    for (JsonNode use : s.path("services")) {
      Map<String, JsonNode> values = new LinkedHashMap<>();
      use.path("configuration").properties().forEach(e -> values.put(e.getKey(), e.getValue()));
      uses.add(new ServiceUse(use.path("service").asText(), values));
    }
    return new StageDefinition(
        s.path("library").asText(), s.path("libraryLabel").asText(), s.path("name").asText(),
        s.path("version").asText(), s.path("label").asText(), s.path("description").asText(), type, configs(s),
        uses, s.path("producingEvents").asBoolean(), s.path("outputStreams").asInt(),
        s.path("variableOutputStreams").asBoolean(), s.path("outputStreamsDrivenByConfig").asText(""),
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
