package io.flowascode.engine.target;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The target could not be used: unreachable, timed out, an unexpected answer (with its status and
 * the platform's error code when there is one), or a local store that cannot be read or written.
 * Nothing is known to have changed.
 */
public final class TargetFailureException extends TargetException {
  private final Integer status;
  private final String errorCode;

  public TargetFailureException(String message, Throwable cause) {
    this(message, null, null, cause);
  }

  public TargetFailureException(String message, Integer status, String errorCode, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The HTTP status answered, when there was an answer. */
  public OptionalInt status() {
    return status == null ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** The platform's error code (`CONTAINER_0000`, `BXNIM0415E`, ...), when the answer had one. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }
}
