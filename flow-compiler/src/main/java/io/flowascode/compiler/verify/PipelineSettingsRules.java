package io.flowascode.compiler.verify;

import io.flowascode.compiler.catalog.StageType;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pipeline's settings demand of its stages: advanced error handling only with origins that
 * support it (VALIDATION_0074), at most one destination that commits the origin's offsets
 * (VALIDATION_0091) and with it at-least-once delivery (VALIDATION_0092), and one start and one
 * stop stage at most (VALIDATION_0105).
 */
final class PipelineSettingsRules implements PipelineRule {

  @Override
  public void check(Verification v) {
    PipelineModel p = v.pipeline();
    Component settings = v.pipelineComponent();
    if (settings.value("advancedErrorHandling").map(n -> n.isBoolean() && n.booleanValue()).orElse(false)) {
      for (StageInstance s : p.stages()) {
        v.definition(s).filter(d -> d.type() == StageType.ORIGIN && !d.bisectable()).ifPresent(d ->
            v.reportForPipeline("VALIDATION_0074", s.displayName() + " (" + d.label()
                + ") does not support advanced error handling"));
      }
    }
    List<StageInstance> committers = new ArrayList<>();
    for (StageInstance s : p.stages()) {
      v.definition(s).filter(d -> d.type() == StageType.DESTINATION && d.offsetCommitTrigger()).ifPresent(d -> committers.add(s));
    }
    if (committers.size() == 1) {
      String delivery = settings.value("deliveryGuarantee").map(EngineValues::text).orElse("null");
      if (!"AT_LEAST_ONCE".equals(delivery)) {
        StageInstance s = committers.get(0);
        v.report("VALIDATION_0092", s, s.displayName() + " commits the origin's offsets, which needs at-least-once delivery");
      }
    } else if (committers.size() > 1) {
      v.reportForPipeline("VALIDATION_0091", "only one destination may commit the origin's offsets; these do: "
          + String.join(", ", committers.stream().map(StageInstance::displayName).toList()));
    }
    for (List<StageInstance> slot : List.of(p.startEventStages(), p.stopEventStages())) {
      if (slot.size() > 1) {
        v.reportForPipeline("VALIDATION_0105", "a pipeline has one start stage and one stop stage at most");
      }
    }
  }
}
