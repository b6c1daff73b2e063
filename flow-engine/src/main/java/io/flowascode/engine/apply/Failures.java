package io.flowascode.engine.apply;

import io.flowascode.engine.target.FlowConflictException;
import io.flowascode.engine.target.FlowRunningException;
import io.flowascode.engine.target.TargetException;

/** Sorts target failures into refused (someone else's change or state) and failed (the remote). */
final class Failures {
  private Failures() {}

  static FlowOutcome outcome(String flowId, TargetException e) {
    if (e instanceof FlowConflictException) {
      return FlowOutcome.of(flowId, Outcome.REFUSED,
          e.getMessage() + "; someone saved it since it was read: run plan again to see their change");
    }
    if (e instanceof FlowRunningException) {
      return FlowOutcome.of(flowId, Outcome.REFUSED, e.getMessage() + "; stop the pipeline, then apply again");
    }
    return FlowOutcome.of(flowId, Outcome.FAILED, e.getMessage());
  }
}
