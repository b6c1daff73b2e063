package io.flowascode.engine.target;

/** Several flows answer to one id (watsonx finds flows by name, and names need not be unique). */
public final class AmbiguousFlowException extends TargetException {
  public AmbiguousFlowException(String message) {
    super(message, null);
  }
}
