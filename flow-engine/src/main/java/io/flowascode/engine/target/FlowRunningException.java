package io.flowascode.engine.target;

/** The flow is running and the platform refuses to change it (Data Collector's CONTAINER_0208). */
public final class FlowRunningException extends TargetException {
  public FlowRunningException(String message) {
    super(message, null);
  }
}
