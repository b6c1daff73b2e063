package io.flowascode.cli;

/** A problem the user can fix that is not a diagnostic in a flow file (a bad option, a missing directory). */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  UserError(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** The error of a failure underneath, kept as the cause for whoever debugs it; the user sees the message. */
  UserError(String message, int exitCode, Throwable cause) {
    super(message, cause, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
