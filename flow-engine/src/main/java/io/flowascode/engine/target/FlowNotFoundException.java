package io.flowascode.engine.target;

/** The flow a save or delete names does not exist (Data Collector's CONTAINER_0200). */
public final class FlowNotFoundException extends TargetException {
  public FlowNotFoundException(String message) {
    super(message, null);
  }
}
