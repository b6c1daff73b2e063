package io.flowascode.compiler.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A stage definition as the platform publishes it, reduced to what the compiler, the schema and
 * the importer need.
 *
 * @param outputStreams fixed number of data outputs (0 for destinations, executors, or variable)
 * @param outputStreamsDrivenByConfig the config that drives variable outputs (`lanePredicates`)
 * @param inferred true when the definition was reconstructed from pipelines rather than read from
 *     a published definition (labels and types may then be approximate)
 */
public record StageDefinition(
    String library,
    String libraryLabel,
    String name,
    String version,
    String label,
    String description,
    StageType type,
    List<ConfigDefinition> configs,
    List<ServiceUse> services,
    boolean producesEvents,
    int outputStreams,
    boolean variableOutputStreams,
    String outputStreamsDrivenByConfig,
    List<String> outputStreamLabels,
    boolean errorStage,
    boolean statsAggregatorStage,
    boolean pipelineLifecycleStage,
    List<String> hideStage,
    List<String> executionModes,
    boolean inferred) {

  public StageDefinition {
    configs = List.copyOf(configs);
    services = List.copyOf(services);
    outputStreamLabels = List.copyOf(outputStreamLabels);
    hideStage = List.copyOf(hideStage);
    executionModes = List.copyOf(executionModes);
    outputStreamsDrivenByConfig = outputStreamsDrivenByConfig == null ? "" : outputStreamsDrivenByConfig;
    description = description == null ? "" : description;
    libraryLabel = libraryLabel == null ? "" : libraryLabel;
  }

  /** `library::stageName::version`, the form pipeline configs use to reference special stages. */
  public String reference() {
    return library + "::" + name + "::" + version;
  }

  public boolean hasPredicates() {
    return "lanePredicates".equals(outputStreamsDrivenByConfig)
        || configs.stream().anyMatch(ConfigDefinition::isPredicate);
  }

  /**
   * The list config whose entries each name an output lane (HTTP Router's `routerLaneConfigs`):
   * such a stage has one output per entry. Empty for selectors, whose predicates drive outputs.
   */
  public Optional<ConfigDefinition> laneConfig() {
    if (!variableOutputStreams || outputStreamsDrivenByConfig.isEmpty() || hasPredicates()) {
      return Optional.empty();
    }
    return config(outputStreamsDrivenByConfig).filter(c -> c.model().map(ConfigModel::isListBean).orElse(false));
  }

  /** True when the stage may sit on the canvas (not only as an error, stats or lifecycle stage). */
  public boolean onCanvas() {
    return hideStage.isEmpty() && !errorStage && !statsAggregatorStage;
  }

  public Optional<ConfigDefinition> config(String rawName) {
    for (ConfigDefinition c : configs) {
      if (c.name().equals(rawName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** How many fixed data outputs the stage has (1 for a plain processor or origin). */
  public int fixedOutputs() {
    if (type == StageType.DESTINATION || type == StageType.EXECUTOR) {
      return 0;
    }
    return variableOutputStreams ? 0 : Math.max(outputStreams, 0);
  }
}
