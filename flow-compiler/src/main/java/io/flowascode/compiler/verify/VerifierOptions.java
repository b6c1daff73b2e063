package io.flowascode.compiler.verify;

/**
 * What the target engine allows beyond the platform's defaults.
 *
 * @param multipleOriginsAllowed the engine runs pipelines with several origins
 */
public record VerifierOptions(boolean multipleOriginsAllowed) {
  public static final VerifierOptions DEFAULT = new VerifierOptions(false);
}
