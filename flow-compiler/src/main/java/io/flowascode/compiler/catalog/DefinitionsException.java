package io.flowascode.compiler.catalog;

/**
 * A definitions file that cannot be read: not JSON, or not shaped like any definitions format we
 * know. The message is plain, names no file (the caller knows it) and quotes no configuration
 * value; the caller reports it as diagnostic E0311.
 */
public final class DefinitionsException extends Exception {
  private static final long serialVersionUID = 1L;

  public DefinitionsException(String message) {
    super(message);
  }

  public DefinitionsException(String message, Throwable cause) {
    super(message, cause);
  }
}
