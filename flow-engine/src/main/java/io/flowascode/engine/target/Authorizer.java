package io.flowascode.engine.target;

/**
 * Gives the `Authorization` header for the next call, and learns when a server refused one, so a
 * renewable credential (a token) is renewed and the refused call sent once more.
 */
interface Authorizer {
  String header() throws TargetException;

  /** The server answered 401 to this header; true when another one may be accepted. */
  boolean refused(String header);

  /** A header that never changes: a given bearer token, a Zen API key. */
  static Authorizer fixed(String header) {
    return new Authorizer() {
      @Override
      public String header() {
        return header;
      }

      @Override
      public boolean refused(String refused) {
        return false;
      }
    };
  }
}
