package io.flowascode.engine.target;

import java.io.InterruptedIOException;

/** A request not started, or cut, because the run's deadline passed. */
final class DeadlinePassedException extends InterruptedIOException {
  private static final long serialVersionUID = 1L;

  DeadlinePassedException(String message) {
    super(message);
  }
}
