package io.flowascode.engine.plan;

import java.io.IOException;

/** A saved plan that cannot be used: unreadable, of an unknown format, corrupted or altered. */
public final class PlanFileException extends IOException {
  private static final long serialVersionUID = 1L;

  public PlanFileException(String message) {
    super(message);
  }

  public PlanFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
