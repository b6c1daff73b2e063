package io.flowascode.engine.target;

/**
 * The target refused who we are (401) or what we asked as that user (403), or the API key could
 * not be exchanged for a token. The message names the target, never the credentials.
 */
public final class AuthenticationException extends TargetException {
  public AuthenticationException(String message) {
    super(message, null);
  }
}
