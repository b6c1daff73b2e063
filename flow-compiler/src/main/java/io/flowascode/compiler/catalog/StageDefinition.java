package io.flowascode.compiler.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A stage definition as the platform publishes it, reduced to what the compiler, the schema, the
 * importer and the platform's rules need.
 *
 * @param outputStreams fixed number of data outputs (0 for destinations, executors, or variable)
 * @param outputStreamsDrivenByConfig the config that drives variable outputs (`lanePredicates`)
 * @param inputStreams the exact number of inputs the stage needs, or 0 or less when any number will do
 * @param offsetCommitTrigger a destination that commits the origin's offsets (at most one per
 *     pipeline, and only with at-least-once delivery)
 * @param bisectable an origin that supports advanced error handling
 * @param fromEngine true when the engine the catalog stands for publishes this very version (the
 *     reference Data Collector for the bundled catalog, the user's engine for a definitions lock);
 *     a flow that names no version gets this one
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
    int inputStreams,
    boolean offsetCommitTrigger,
    boolean bisectable,
    boolean fromEngine,
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
    label = label == null ? "" : label;
  }

  /** A definition of this stage, everything else empty or false until set. */
  public static Builder builder(String library, String name, String version, StageType type) {
    return new Builder(library, name, version, type);
  }

  /** A builder holding this definition's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(library, name, version, type).libraryLabel(libraryLabel).label(label).description(description)
        .configs(configs).services(services).producesEvents(producesEvents).outputStreams(outputStreams)
        .variableOutputStreams(variableOutputStreams).outputStreamsDrivenByConfig(outputStreamsDrivenByConfig)
        .outputStreamLabels(outputStreamLabels).errorStage(errorStage).statsAggregatorStage(statsAggregatorStage)
        .pipelineLifecycleStage(pipelineLifecycleStage).hideStage(hideStage).executionModes(executionModes)
        .inputStreams(inputStreams).offsetCommitTrigger(offsetCommitTrigger).bisectable(bisectable)
        .fromEngine(fromEngine).inferred(inferred);
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

  /** Builds a {@link StageDefinition} by named parts. */
  public static final class Builder {
    private final String library;
    private final String name;
    private final String version;
    private final StageType type;
    private String libraryLabel = "";
    private String label = "";
    private String description = "";
    private List<ConfigDefinition> configs = List.of();
    private List<ServiceUse> services = List.of();
    private boolean producesEvents;
    private int outputStreams;
    private boolean variableOutputStreams;
    private String outputStreamsDrivenByConfig = "";
    private List<String> outputStreamLabels = List.of();
    private boolean errorStage;
    private boolean statsAggregatorStage;
    private boolean pipelineLifecycleStage;
    private List<String> hideStage = List.of();
    private List<String> executionModes = List.of();
    private int inputStreams = -1;
    private boolean offsetCommitTrigger;
    private boolean bisectable;
    private boolean fromEngine;
    private boolean inferred;

    private Builder(String library, String name, String version, StageType type) {
      this.library = library;
      this.name = name;
      this.version = version;
      this.type = type;
    }

    public Builder libraryLabel(String v) {
      libraryLabel = v;
      return this;
    }

    public Builder label(String v) {
      label = v;
      return this;
    }

    public Builder description(String v) {
      description = v;
      return this;
    }

    public Builder configs(List<ConfigDefinition> v) {
      configs = v;
      return this;
    }

    public Builder services(List<ServiceUse> v) {
      services = v;
      return this;
    }

    public Builder producesEvents(boolean v) {
      producesEvents = v;
      return this;
    }

    public Builder outputStreams(int v) {
      outputStreams = v;
      return this;
    }

    public Builder variableOutputStreams(boolean v) {
      variableOutputStreams = v;
      return this;
    }

    public Builder outputStreamsDrivenByConfig(String v) {
      outputStreamsDrivenByConfig = v;
      return this;
    }

    public Builder outputStreamLabels(List<String> v) {
      outputStreamLabels = v;
      return this;
    }

    public Builder errorStage(boolean v) {
      errorStage = v;
      return this;
    }

    public Builder statsAggregatorStage(boolean v) {
      statsAggregatorStage = v;
      return this;
    }

    public Builder pipelineLifecycleStage(boolean v) {
      pipelineLifecycleStage = v;
      return this;
    }

    public Builder hideStage(List<String> v) {
      hideStage = v;
      return this;
    }

    public Builder executionModes(List<String> v) {
      executionModes = v;
      return this;
    }

    public Builder inputStreams(int v) {
      inputStreams = v;
      return this;
    }

    public Builder offsetCommitTrigger(boolean v) {
      offsetCommitTrigger = v;
      return this;
    }

    public Builder bisectable(boolean v) {
      bisectable = v;
      return this;
    }

    public Builder fromEngine(boolean v) {
      fromEngine = v;
      return this;
    }

    public Builder inferred(boolean v) {
      inferred = v;
      return this;
    }

    public StageDefinition build() {
      return new StageDefinition(library, libraryLabel, name, version, label, description, type, configs, services,
          producesEvents, outputStreams, variableOutputStreams, outputStreamsDrivenByConfig, outputStreamLabels,
          errorStage, statsAggregatorStage, pipelineLifecycleStage, hideStage, executionModes, inputStreams,
          offsetCommitTrigger, bisectable, fromEngine, inferred);
    }
  }
}
