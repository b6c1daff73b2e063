package io.flowascode.compiler.verify;

import io.flowascode.compiler.PlatformNames;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.catalog.StageType;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The stages outside the canvas: an error stage that is one (and that {@code badRecordsHandling}
 * names), a statistics stage matching {@code statsAggregatorStage}, at most one start and one stop
 * event stage that are lifecycle stages (matching {@code startEventStage} / {@code stopEventStage}),
 * a test origin that is an origin, and none of them wired to lanes.
 */
final class SpecialStageRules implements PipelineRule {
  private static final String DISCARD = PlatformNames.DISCARD_STAGE;

  @Override
  public void check(Verification v) {
    PipelineModel p = v.pipeline();
    p.errorStage().ifPresent(s -> matchesConfig(v, s, "badRecordsHandling"));
    p.statsAggregatorStage().ifPresent(s -> {
      kind(v, s, StageDefinition::statsAggregatorStage, "a statistics aggregator");
      matchesConfig(v, s, "statsAggregatorStage");
    });
    if (p.statsAggregatorStage().isEmpty()) {
      configWithoutStage(v, "statsAggregatorStage", "statsAggregatorStage");
    }
    lifecycle(v, p.startEventStages(), "startEventStages", "startEventStage");
    lifecycle(v, p.stopEventStages(), "stopEventStages", "stopEventStage");
    p.testOriginStage().ifPresent(s -> v.definition(s).filter(d -> d.type() != StageType.ORIGIN).ifPresent(d ->
        v.report("VALIDATION_0003", s, s.displayName() + " is the test origin, but " + d.label()
            + " is a " + d.type().word())));
    for (StageInstance s : p.specialStages()) {
      lanes(v, s);
    }
  }

  private static void lifecycle(Verification v, List<StageInstance> stages, String field, String config) {
    if (!stages.isEmpty()) {
      matchesConfig(v, stages.get(0), config);
    } else {
      configWithoutStage(v, config, field);
    }
  }

  private static void kind(Verification v, StageInstance s, Predicate<StageDefinition> is, String kind) {
    Optional<StageDefinition> def = v.definition(s);
    if (def.isPresent() && !is.test(def.get())) {
      v.extra(s, s.displayName() + " is " + s.role().description() + ", but " + def.get().label()
          + " (" + s.stageName() + ") cannot be used as " + kind);
    }
  }

  /**
   * The pipeline config naming a special stage ({@code library::stageName::stageVersion}) must name
   * the stage that is there; the platform rewrites a stale value, the UI flags it.
   */
  private static void matchesConfig(Verification v, StageInstance s, String config) {
    Optional<String> value = v.pipeline().textConfig(config);
    if (value.isPresent() && !value.get().isEmpty() && !normalised(value.get()).equals(s.reference())) {
      v.extra(s, "the pipeline config `" + config + "` does not name " + s.role().description() + " "
          + s.displayName() + " (" + s.reference() + ")");
    }
  }

  /**
   * A config naming a special stage whose slot is empty: the platform runs what the slot holds, so
   * the config alone does nothing. Discard is how an unused lifecycle slot is written.
   */
  private static void configWithoutStage(Verification v, String config, String field) {
    Optional<String> value = v.pipeline().textConfig(config);
    if (value.isPresent() && !value.get().isEmpty() && !value.get().contains("::" + DISCARD + "::")) {
      v.extra(null, "the pipeline config `" + config + "` names a stage, but `" + field
          + "` holds none, so the platform runs none");
    }
  }

  /** The reference with its version read as the platform reads it ("::1.0.0" is "::1"). */
  private static String normalised(String reference) {
    int at = reference.lastIndexOf("::");
    return at < 0 ? reference : reference.substring(0, at + 2) + PipelineReader.normaliseVersion(reference.substring(at + 2));
  }

  private static void lanes(Verification v, StageInstance s) {
    String what = s.displayName() + " (" + s.role().description() + ")";
    if (!s.inputLanes().isEmpty()) {
      v.report("VALIDATION_0012", s, what + " has input lanes; stages outside the canvas read none");
    }
    if (!s.eventLanes().isEmpty()) {
      v.report("VALIDATION_0036", s, what + " has event lanes; stages outside the canvas write none");
    }
    Optional<StageDefinition> def = v.definition(s);
    if (!s.outputLanes().isEmpty() && def.isPresent()
        && (def.get().type() == StageType.DESTINATION || def.get().type() == StageType.EXECUTOR)) {
      v.report("VALIDATION_0013", s, what + " has output lanes; a " + def.get().type().word() + " writes none");
    }
  }
}
