package io.flowascode.engine.target;

/**
 * A write was sent but its answer never arrived, and reading the flow back could not tell whether
 * it took effect. The write may still be applied later; read the flow (plan again) before retrying.
 */
public final class OutcomeUnknownException extends TargetException {
  public OutcomeUnknownException(String message, Throwable cause) {
    super(message, cause);
  }
}
