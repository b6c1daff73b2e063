package io.flowascode.engine.target;

import java.util.Optional;

/**
 * The flow changed since it was read: the revision a save presented is no longer the stored one
 * (Data Collector's CONTAINER_0205). Nothing was written; read the flow and plan again.
 */
public final class FlowConflictException extends TargetException {
  private final String flowId;
  private final String expectedRevision;
  private final String actualRevision;

  public FlowConflictException(String message, String flowId, String expectedRevision, String actualRevision) {
    super(message, null);
    this.flowId = flowId;
    this.expectedRevision = expectedRevision;
    this.actualRevision = actualRevision;
  }

  public String flowId() {
    return flowId;
  }

  public String expectedRevision() {
    return expectedRevision;
  }

  /** The revision found instead, when the target told it. */
  public Optional<String> actualRevision() {
    return Optional.ofNullable(actualRevision);
  }
}
