package io.flowascode.compiler.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a pipeline JSON the rules look at: its title, pipeline configuration, canvas stages
 * and special stages.
 *
 * @param title the title, empty when the JSON has none
 * @param titlePresent whether the JSON has a textual title at all
 * @param configurationEntries the pipeline configuration as written
 * @param configuration the pipeline configuration by name, the last of a name winning as in the engine
 */
record PipelineModel(
    String title,
    boolean titlePresent,
    List<ConfigEntry> configurationEntries,
    Map<String, JsonNode> configuration,
    List<StageInstance> stages,
    Optional<StageInstance> errorStage,
    Optional<StageInstance> statsAggregatorStage,
    List<StageInstance> startEventStages,
    List<StageInstance> stopEventStages,
    Optional<StageInstance> testOriginStage) {

  PipelineModel {
    configurationEntries = List.copyOf(configurationEntries);
    configuration = Map.copyOf(configuration);
    stages = List.copyOf(stages);
    startEventStages = List.copyOf(startEventStages);
    stopEventStages = List.copyOf(stopEventStages);
  }

  /** The stages outside the canvas: error, statistics, lifecycle and test origin. */
  List<StageInstance> specialStages() {
    List<StageInstance> special = new ArrayList<>();
    errorStage.ifPresent(special::add);
    statsAggregatorStage.ifPresent(special::add);
    special.addAll(startEventStages);
    special.addAll(stopEventStages);
    testOriginStage.ifPresent(special::add);
    return special;
  }

  /** Every stage, canvas first, in the order of the JSON. */
  List<StageInstance> allStages() {
    List<StageInstance> all = new ArrayList<>(stages);
    all.addAll(specialStages());
    return all;
  }

  /** A pipeline-level config as text, empty when absent, null or not text. */
  Optional<String> textConfig(String name) {
    JsonNode value = configuration.get(name);
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }
}
