package io.flowascode.engine.apply;

/**
 * Prune was asked for where it would delete flows by mistake: no flow was declared, or a source
 * directory holds no flow file (a misspelled directory or misnamed files make every deployed flow
 * look obsolete). Nothing was planned or deleted.
 */
public final class PruneRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  public PruneRefusedException(String message) {
    super(message, null, false, false);
  }

  /** A refusal because something could not be checked; the cause says why. */
  public PruneRefusedException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
