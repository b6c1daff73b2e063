package io.flowascode.compiler.verify;

/**
 * What the target engine allows beyond the platform's defaults, and what is being checked.
 *
 * @param multipleOriginsAllowed the engine runs pipelines with several origins
 * @param fragment the JSON is a pipeline fragment on its own (a fragment export), checked as the
 *     engine checks one ({@code validateFragment}): it need not start with an origin, its first
 *     stages may read nothing and its outputs may stay open
 */
public record VerifierOptions(boolean multipleOriginsAllowed, boolean fragment) {
  public static final VerifierOptions DEFAULT = new VerifierOptions(false);

  public VerifierOptions(boolean multipleOriginsAllowed) {
    this(multipleOriginsAllowed, false);
  }

  /** These options for a fragment on its own. */
  public VerifierOptions forFragment() {
    return new VerifierOptions(multipleOriginsAllowed, true);
  }
}
