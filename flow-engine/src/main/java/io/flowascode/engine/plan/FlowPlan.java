package io.flowascode.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.diff.FlowDiff;
import io.flowascode.engine.diff.FlowDiffer;
import java.util.Objects;

/**
 * The plan for one flow: what apply will do, against which remote revision, and what it will
 * write.
 *
 * @param remoteRevision the uuid or content hash of the remote pipeline the plan was computed
 *     against (apply refuses when the remote has moved on); null for CREATE
 * @param desiredPipeline the pipeline JSON apply will write; null for DELETE
 */
public record FlowPlan(
    String flowId, FlowAction action, String remoteRevision, JsonNode desiredPipeline, FlowDiff diff) {

  public FlowPlan {
    Objects.requireNonNull(flowId, "flowId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(diff, "diff");
    if (action == FlowAction.CREATE && remoteRevision != null) {
      throw new IllegalArgumentException("a flow to create has no remote revision: " + flowId);
    }
    if (action != FlowAction.CREATE && remoteRevision == null) {
      throw new IllegalArgumentException("a flow to " + action.word() + " needs the remote revision: " + flowId);
    }
    if ((action == FlowAction.DELETE) != (desiredPipeline == null)) {
      throw new IllegalArgumentException(action == FlowAction.DELETE
          ? "a flow to delete has no desired pipeline: " + flowId
          : "a flow to " + action.word() + " needs its desired pipeline: " + flowId);
    }
    if (action == FlowAction.NO_CHANGE && !diff.isEmpty()) {
      throw new IllegalArgumentException("a flow without changes has an empty diff: " + flowId);
    }
  }

  /**
   * Diffs the remote pipeline against the desired one and picks the action: CREATE without a
   * remote, DELETE without a desired pipeline, else UPDATE or NO_CHANGE.
   */
  public static FlowPlan compute(
      String flowId, JsonNode remote, String remoteRevision, JsonNode desired, Catalog catalog) {
    if (remote == null && desired == null) {
      throw new IllegalArgumentException("nothing to plan for " + flowId + ": no remote and no desired pipeline");
    }
    FlowDiff diff = new FlowDiffer().diff(remote, desired, catalog);
    FlowAction action = remote == null ? FlowAction.CREATE
        : desired == null ? FlowAction.DELETE
        : diff.isEmpty() ? FlowAction.NO_CHANGE
        : FlowAction.UPDATE;
    return new FlowPlan(flowId, action, remote == null ? null : remoteRevision, desired, diff);
  }

  public boolean hasChanges() {
    return action != FlowAction.NO_CHANGE;
  }
}
