package io.flowascode.compiler.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One configuration of a stage, service or pipeline: its raw name (`conf.dataFormat`), the label
 * readable names are derived from, its type and default.
 *
 * @param dependsOn the configs (by raw name) and values that make this config active
 */
public record ConfigDefinition(
    String name,
    String label,
    String description,
    ConfigType type,
    JsonNode defaultValue,
    boolean required,
    String group,
    int displayPosition,
    Optional<ConfigModel> model,
    Optional<Long> min,
    Optional<Long> max,
    Map<String, List<JsonNode>> dependsOn) {

  public ConfigDefinition {
    model = model == null ? Optional.empty() : model;
    min = min == null ? Optional.empty() : min;
    max = max == null ? Optional.empty() : max;
    dependsOn = dependsOn == null ? Map.of() : Map.copyOf(dependsOn);
    label = label == null ? "" : label;
    description = description == null ? "" : description;
    group = group == null ? "" : group;
  }

  /** The readable attribute name the SDKs use for this config (`stop_after_first_batch`). */
  public String attributeName() {
    return AttributeNames.of(this);
  }

  public boolean isPredicate() {
    return model.map(ConfigModel::isPredicate).orElse(false);
  }
}
