package io.flowascode.engine.target;

/** A create found a flow with that id already there (Data Collector's CONTAINER_0201). */
public final class FlowExistsException extends TargetException {
  public FlowExistsException(String message) {
    super(message, null);
  }
}
