package io.flowascode.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One difference between the remote pipeline and the desired one, in terms a reviewer reads:
 * stages, configs by name, connections by topology, predicates, parameters and settings.
 *
 * <p>In every record a null {@code before} means "absent before" (added) and a null {@code after}
 * "absent after" (removed). Config values are the effective values: a config missing from the
 * JSON shows as its definition default. Values of sensitive configs and parameters are never
 * kept: such records carry {@code sensitive = true} and the string {@code "(sensitive)"} in place
 * of each value that exists (null still means absent or empty).
 */
public sealed interface Change {

  /** How the change counts in the summary; see {@link Effect}. */
  default Effect effect() {
    return Effect.CHANGE;
  }

  /** The pipeline title. */
  record TitleChanged(String before, String after) implements Change {}

  /** The pipeline description. */
  record DescriptionChanged(String before, String after) implements Change {}

  /** The pipeline's metadata labels, compared as sorted sets. */
  record LabelsChanged(List<String> before, List<String> after) implements Change {
    public LabelsChanged {
      before = List.copyOf(before);
      after = List.copyOf(after);
    }
  }

  /** A pipeline parameter (`constants` entry) added, removed or changed. */
  record ParameterChanged(String key, JsonNode before, JsonNode after, boolean sensitive)
      implements Change {
    public ParameterChanged {
      Objects.requireNonNull(key, "key");
      before = JsonValues.orAbsent(before);
      after = JsonValues.orAbsent(after);
    }
  }

  /**
   * A pipeline-level setting (`configuration` entry other than parameters and the special stages'
   * mirrors).
   *
   * @param attribute the readable name (`delivery_guarantee`), the raw name when unknown
   */
  record SettingChanged(String name, String attribute, JsonNode before, JsonNode after, boolean sensitive)
      implements Change {
    public SettingChanged {
      Objects.requireNonNull(name, "name");
      attribute = Objects.requireNonNullElse(attribute, name);
      before = JsonValues.orAbsent(before);
      after = JsonValues.orAbsent(after);
    }
  }

  /**
   * A different definition for the error, stats aggregator, lifecycle event or test origin stage;
   * the error stage is {@link SpecialStage#ERROR_RECORDS}. Null means no such stage.
   */
  record SpecialStageChanged(SpecialStage role, StageRef before, StageRef after) implements Change {
    public SpecialStageChanged {
      Objects.requireNonNull(role, "role");
    }
  }

  /** A stage that is only in the desired pipeline. */
  record StageAdded(String instance, StageRef definition, String label) implements Change {
    @Override
    public Effect effect() {
      return Effect.ADD;
    }
  }

  /** A stage that is only in the remote pipeline. */
  record StageRemoved(String instance, StageRef definition, String label) implements Change {
    @Override
    public Effect effect() {
      return Effect.DELETE;
    }
  }

  /**
   * A stage removed and another added with the same definition, configs and neighbours: one stage
   * whose instance name changed. Its label and description changes are reported separately.
   */
  record StageRenamed(String before, String after, StageRef definition) implements Change {}

  /** The same instance now uses another definition: a version bump, another library or stage. */
  record StageDefinitionChanged(String instance, StageRef before, StageRef after) implements Change {}

  /** The stage's UI label (`uiInfo.label`). */
  record StageLabelChanged(String instance, String before, String after) implements Change {}

  /** The stage's UI description (`uiInfo.description`). */
  record StageDescriptionChanged(String instance, String before, String after) implements Change {}

  /**
   * A stage config (also of a special stage, whose instance name is then used).
   *
   * @param config the raw config name (`stopAfterFirstBatch`)
   * @param attribute the readable name (`stop_after_first_batch`), the raw name when unknown
   */
  record ConfigChanged(
      String instance, String config, String attribute, JsonNode before, JsonNode after, boolean sensitive)
      implements Change {
    public ConfigChanged {
      Objects.requireNonNull(instance, "instance");
      Objects.requireNonNull(config, "config");
      attribute = Objects.requireNonNullElse(attribute, config);
      before = JsonValues.orAbsent(before);
      after = JsonValues.orAbsent(after);
    }
  }

  /** A service of a stage added (before null), removed (after null) or at another version. */
  record ServiceChanged(String instance, String service, Integer beforeVersion, Integer afterVersion)
      implements Change {}

  /** A config of a stage's service (e.g. the data format of a parser service). */
  record ServiceConfigChanged(
      String instance,
      String service,
      String config,
      String attribute,
      JsonNode before,
      JsonNode after,
      boolean sensitive)
      implements Change {
    public ServiceConfigChanged {
      Objects.requireNonNull(instance, "instance");
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(config, "config");
      attribute = Objects.requireNonNullElse(attribute, config);
      before = JsonValues.orAbsent(before);
      after = JsonValues.orAbsent(after);
    }
  }

  /**
   * A Stream Selector condition added (before null), removed (after null) or edited in place.
   *
   * @param index the 1-based position in the desired list (in the remote list when removed)
   */
  record PredicateChanged(String instance, int index, String before, String after) implements Change {}

  /** The same conditions of a Stream Selector in another order. */
  record PredicatesReordered(String instance, List<String> before, List<String> after) implements Change {
    public PredicatesReordered {
      before = List.copyOf(before);
      after = List.copyOf(after);
    }
  }

  /** An edge only in the desired topology. */
  record ConnectionAdded(Connection connection) implements Change {}

  /** An edge only in the remote topology. */
  record ConnectionRemoved(Connection connection) implements Change {}
}
