package io.flowascode.engine.target;

/**
 * Bearer tokens got by exchanging a credential: fetched on first use, kept until they expire (when
 * the exchange says when) or a server refuses one, then fetched again.
 */
abstract class RenewedBearerTokens implements Authorizer {
  private String token;

  @Override
  public final synchronized String header() throws TargetException {
    if (token == null || expired()) {
      token = fetch();
    }
    return "Bearer " + token;
  }

  /** Forgets a token a server refused, so the next {@link #header()} fetches another. */
  @Override
  public final synchronized boolean refused(String header) {
    if (header.equals("Bearer " + token)) {
      token = null;
    }
    return true;
  }

  /** A new token, from the service. */
  abstract String fetch() throws TargetException;

  /** Whether the current token is too close to its end to use; false when the service gives no end. */
  boolean expired() {
    return false;
  }
}
