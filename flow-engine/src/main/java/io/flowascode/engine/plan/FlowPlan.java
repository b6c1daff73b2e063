package io.flowascode.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.naming.StageNames;
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
 * @param names the flow file's stage ids and predicate names, for showing the plan in the file's
 *     words ({@link StageNames#NONE} for a flow the project no longer has)
 */
public record FlowPlan(
    String flowId, FlowAction action, String remoteRevision, JsonNode desiredPipeline, FlowDiff diff, StageNames names) {

  public FlowPlan(String flowId, FlowAction action, String remoteRevision, JsonNode desiredPipeline, FlowDiff diff) {
    this(flowId, action, remoteRevision, desiredPipeline, diff, StageNames.NONE);
  }

  public FlowPlan {
    Objects.requireNonNull(flowId, "flowId");
    names = Objects.requireNonNullElse(names, StageNames.NONE);
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
    return compute(flowId, remote, remoteRevision, desired, StageNames.NONE, catalog);
  }

  /** As {@link #compute(String, JsonNode, String, JsonNode, Catalog)}, naming things as the flow file does. */
  public static FlowPlan compute(
      String flowId, JsonNode remote, String remoteRevision, JsonNode desired, StageNames names, Catalog catalog) {
    if (remote == null && desired == null) {
      throw new IllegalArgumentException("nothing to plan for " + flowId + ": no remote and no desired pipeline");
    }
    FlowDiff diff = new FlowDiffer().diff(remote, desired, catalog);
    FlowAction action = remote == null ? FlowAction.CREATE
        : desired == null ? FlowAction.DELETE
        : diff.isEmpty() ? FlowAction.NO_CHANGE
        : FlowAction.UPDATE;
    return new FlowPlan(flowId, action, remote == null ? null : remoteRevision, desired, diff, names);
  }

  /** The flow's changes as a reviewer reads them, and their counts. */
  public FlowReview review() {
    return FlowReview.of(this);
  }

  /** The title the flow will have (from the desired pipeline), or empty for a flow to delete. */
  public String title() {
    return desiredPipeline == null ? "" : desiredPipeline.path("title").asText("");
  }

  public boolean hasChanges() {
    return action != FlowAction.NO_CHANGE;
  }
}
