package io.flowascode.compiler.verify;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The title is not empty, the pipeline has stages, and instance and lane names are made of
 * {@code [0-9A-Za-z_]} and instance names are unique on the canvas.
 */
final class NameRules implements PipelineRule {
  static final Pattern VALID_NAME = Pattern.compile("[0-9A-Za-z_]+");

  @Override
  public void check(Verification v) {
    PipelineModel p = v.pipeline();
    if (p.titlePresent() && p.title().isEmpty()) {
      v.report("VALIDATION_0093", null, "the pipeline title is empty");
    }
    if (p.stages().isEmpty()) {
      v.report("VALIDATION_0001", null, "the pipeline has no stages");
    }
    for (StageInstance s : p.allStages()) {
      if (!s.instanceName().isEmpty() && !VALID_NAME.matcher(s.instanceName()).matches()) {
        v.report("VALIDATION_0016", s, "the instance name `" + s.instanceName()
            + "` may only hold letters, digits and underscores");
      }
    }
    Set<String> seen = new HashSet<>();
    for (StageInstance s : p.stages()) {
      if (!s.instanceName().isEmpty() && !seen.add(s.instanceName())) {
        v.report("VALIDATION_0005", s, "more than one stage is named " + s.instanceName());
      }
    }
    for (StageInstance s : p.allStages()) {
      lanes(v, s, s.inputLanes(), "VALIDATION_0017", "input");
      lanes(v, s, s.outputLanes(), "VALIDATION_0018", "output");
      lanes(v, s, s.eventLanes(), "VALIDATION_0100", "event");
    }
  }

  private static void lanes(Verification v, StageInstance s, List<String> lanes, String code, String kind) {
    for (String lane : lanes) {
      if (!VALID_NAME.matcher(lane).matches()) {
        v.report(code, s, s.displayName() + " has the " + kind + " lane `" + lane
            + "`, but lane names may only hold letters, digits and underscores");
      }
    }
  }
}
