package io.flowascode.compiler.catalog;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One configuration of a stage, service or pipeline: its raw name (`conf.dataFormat`), the label
 * readable names are derived from, its type and default, and what the platform checks about it.
 *
 * @param dependsOn the configs (by raw name) and values that make this config active; the
 *     platform publishes the whole chain, so a config two steps away is listed too
 * @param evaluation when the platform evaluates the config's expressions
 * @param el the expression-language functions and constants the config may use
 * @param connectionType for a config that chooses a Control Hub connection, the connection's type
 *     (its value is `MANUAL` or a connection id); empty for every other config
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
    Map<String, List<JsonNode>> dependsOn,
    Evaluation evaluation,
    ElScope el,
    String connectionType) {

  public ConfigDefinition {
    model = model == null ? Optional.empty() : model;
    min = min == null ? Optional.empty() : min;
    max = max == null ? Optional.empty() : max;
    dependsOn = dependsOn == null ? Map.of() : Map.copyOf(dependsOn);
    label = label == null ? "" : label;
    description = description == null ? "" : description;
    group = group == null ? "" : group;
    defaultValue = defaultValue == null ? NullNode.getInstance() : defaultValue;
    evaluation = evaluation == null ? Evaluation.IMPLICIT : evaluation;
    el = el == null ? ElScope.UNKNOWN : el;
    connectionType = connectionType == null ? "" : connectionType;
  }

  /** A definition of this name and type, everything else at the platform's defaults. */
  public static Builder builder(String name, ConfigType type) {
    return new Builder(name, type);
  }

  /** A builder holding this definition's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(name, type).label(label).description(description).defaultValue(defaultValue)
        .required(required).group(group).displayPosition(displayPosition).model(model.orElse(null))
        .min(min.orElse(null)).max(max.orElse(null)).dependsOn(dependsOn).evaluation(evaluation).el(el)
        .connectionType(connectionType);
  }

  /** The readable attribute name the SDKs use for this config (`stop_after_first_batch`). */
  public String attributeName() {
    return AttributeNames.of(this);
  }

  public boolean isPredicate() {
    return model.map(ConfigModel::isPredicate).orElse(false);
  }

  /** Builds a {@link ConfigDefinition} by named parts. */
  public static final class Builder {
    private final String name;
    private final ConfigType type;
    private String label = "";
    private String description = "";
    private JsonNode defaultValue = NullNode.getInstance();
    private boolean required;
    private String group = "";
    private int displayPosition;
    private @Nullable ConfigModel model;
    private @Nullable Long min;
    private @Nullable Long max;
    private Map<String, List<JsonNode>> dependsOn = Map.of();
    private Evaluation evaluation = Evaluation.IMPLICIT;
    private ElScope el = ElScope.UNKNOWN;
    private String connectionType = "";

    private Builder(String name, ConfigType type) {
      this.name = name;
      this.type = type;
    }

    public Builder label(String v) {
      label = v;
      return this;
    }

    public Builder description(String v) {
      description = v;
      return this;
    }

    public Builder defaultValue(JsonNode v) {
      defaultValue = v;
      return this;
    }

    public Builder required(boolean v) {
      required = v;
      return this;
    }

    public Builder group(String v) {
      group = v;
      return this;
    }

    public Builder displayPosition(int v) {
      displayPosition = v;
      return this;
    }

    public Builder model(@Nullable ConfigModel v) {
      model = v;
      return this;
    }

    public Builder min(@Nullable Long v) {
      min = v;
      return this;
    }

    public Builder max(@Nullable Long v) {
      max = v;
      return this;
    }

    public Builder dependsOn(Map<String, List<JsonNode>> v) {
      dependsOn = v;
      return this;
    }

    public Builder evaluation(Evaluation v) {
      evaluation = v;
      return this;
    }

    public Builder el(ElScope v) {
      el = v;
      return this;
    }

    public Builder connectionType(String v) {
      connectionType = v;
      return this;
    }

    public ConfigDefinition build() {
      return new ConfigDefinition(name, label, description, type, defaultValue, required, group, displayPosition,
          Optional.ofNullable(model), Optional.ofNullable(min), Optional.ofNullable(max), dependsOn, evaluation, el,
          connectionType);
    }
  }
}
