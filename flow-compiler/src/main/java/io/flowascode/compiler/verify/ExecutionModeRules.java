package io.flowascode.compiler.verify;

import io.flowascode.compiler.PlatformNames;
import io.flowascode.compiler.catalog.StageDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pipeline's execution mode is one the engine knows (CREATION_070, CREATION_071), and every
 * canvas stage, the error stage and the statistics stage support it (VALIDATION_0071); a
 * lifecycle stage other than Discard runs only in standalone mode (VALIDATION_0106).
 */
final class ExecutionModeRules implements PipelineRule {
  static final List<String> MODES = List.of("STANDALONE", "CLUSTER_BATCH", "CLUSTER_YARN_STREAMING",
      "CLUSTER_MESOS_STREAMING", "SLAVE", "EDGE", "EMR_BATCH", "BATCH", "STREAMING");
  private static final String DISCARD = PlatformNames.DISCARD_STAGE;

  @Override
  public void check(Verification v) {
    Optional<String> mode = mode(v);
    if (mode.isEmpty()) {
      return;
    }
    PipelineModel p = v.pipeline();
    p.errorStage().ifPresent(s -> special(v, s, mode.get(), "badRecordsHandling"));
    p.statsAggregatorStage().ifPresent(s -> special(v, s, mode.get(), "statsAggregatorStage"));
    for (StageInstance s : p.stages()) {
      v.definition(s).filter(d -> !d.executionModes().isEmpty() && !d.executionModes().contains(mode.get())).ifPresent(d ->
          v.report(new PipelineIssue("VALIDATION_0071", s.issueName(), null, null, s.displayName() + " (" + d.label()
              + ") does not run in " + label(mode.get()) + " mode; it supports " + labels(d), IssuePhase.SAVE)));
    }
    if (!mode.get().equals("STANDALONE")) {
      for (List<StageInstance> slot : List.of(p.startEventStages(), p.stopEventStages())) {
        if (slot.size() == 1 && !slot.get(0).stageName().equals(DISCARD)) {
          v.reportForPipeline("VALIDATION_0106", "pipeline start and stop stages run only in standalone mode, not in "
              + label(mode.get()) + " mode");
        }
      }
    }
  }

  /** The mode, or empty after reporting a missing or unknown one (CREATION_071, CREATION_070). */
  private static Optional<String> mode(Verification v) {
    Optional<String> value = v.pipelineComponent().value("executionMode")
        .filter(n -> !n.isNull()).map(EngineValues::text);
    if (value.isEmpty()) {
      v.report(new PipelineIssue("CREATION_071", null, null, "executionMode", "the pipeline has no execution mode", IssuePhase.SAVE));
      return Optional.empty();
    }
    if (!MODES.contains(value.get())) {
      v.report(new PipelineIssue("CREATION_070", null, null, "executionMode",
          "`" + value.get() + "` is not an execution mode", IssuePhase.SAVE));
      return Optional.empty();
    }
    return value;
  }

  private static void special(Verification v, StageInstance s, String mode, String config) {
    // A definition that lists no mode (inferred from pipelines) cannot say.
    v.definition(s).filter(d -> !d.executionModes().isEmpty() && !d.executionModes().contains(mode)).ifPresent(d ->
        v.report(new PipelineIssue("VALIDATION_0071", null, null, config, s.displayName() + " (" + d.label()
            + ") does not run in " + label(mode) + " mode; it supports " + labels(d), IssuePhase.SAVE)));
  }

  private static String labels(StageDefinition d) {
    return d.executionModes().isEmpty() ? "no mode" : String.join(", ", d.executionModes().stream().map(ExecutionModeRules::label).toList());
  }

  /** "CLUSTER_BATCH" as people read it: "cluster batch". */
  static String label(String mode) {
    return mode.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
