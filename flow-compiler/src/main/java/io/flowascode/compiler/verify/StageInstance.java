package io.flowascode.compiler.verify;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A stage as the pipeline JSON gives it, read leniently: absent or malformed fields are empty
 * (the reader reports them), so the rules never meet a missing value.
 *
 * @param position the index in {@code stages} (or in the start/stop event list), 0 for a single slot
 * @param instanceName the instance name, empty when the JSON has none
 * @param stageVersion the version normalised to an integer string ("1.0.0" is "1"), as the platform reads it
 */
record StageInstance(
    StageRole role,
    int position,
    String instanceName,
    String library,
    String stageName,
    String stageVersion,
    List<ConfigEntry> configuration,
    List<ServiceInstance> services,
    List<String> inputLanes,
    List<String> outputLanes,
    List<String> eventLanes) {

  StageInstance {
    configuration = List.copyOf(configuration);
    services = List.copyOf(services);
    inputLanes = List.copyOf(inputLanes);
    outputLanes = List.copyOf(outputLanes);
    eventLanes = List.copyOf(eventLanes);
  }

  /** A stage is identified by its slot in the JSON, whatever it holds. */
  @Override
  public boolean equals(Object o) {
    return o instanceof StageInstance other && role == other.role && position == other.position;
  }

  @Override
  public int hashCode() {
    return role.hashCode() * 31 + position;
  }

  /** How messages name the stage: its instance name, or where it is when it has none. */
  String displayName() {
    return instanceName.isEmpty() ? role.slot(position) : instanceName;
  }

  /** The instance name for {@link PipelineIssue#instanceName()}: null when the JSON has none. */
  @Nullable String issueName() {
    return instanceName.isEmpty() ? null : instanceName;
  }

  /** {@code library::stageName::stageVersion}, the form pipeline configs use for special stages. */
  String reference() {
    return library + "::" + stageName + "::" + stageVersion;
  }

  /** The last configuration entry with this name, which is the one the engine reads. */
  Optional<JsonNode> config(String name) {
    Optional<JsonNode> found = Optional.empty();
    for (ConfigEntry c : configuration) {
      if (c.name().equals(name)) {
        found = Optional.ofNullable(c.value());
      }
    }
    return found;
  }

  boolean hasConfig(String name) {
    return configuration.stream().anyMatch(c -> c.name().equals(name));
  }
}
