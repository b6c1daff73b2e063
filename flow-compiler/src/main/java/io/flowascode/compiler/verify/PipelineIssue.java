package io.flowascode.compiler.verify;

/**
 * One way a pipeline breaks the platform's rules, found by {@link PipelineVerifier}.
 *
 * @param platformCode the code the platform itself reports for this problem (e.g.
 *     {@code VALIDATION_0011}), or null when the platform has no code for it or the verifier found
 *     something the platform does not check
 * @param instanceName the stage the problem is about, or null for the pipeline as a whole
 * @param message a plain sentence naming the stage(s), lanes and configs involved; never the value of
 *     a configuration, which may be a credential
 * @param fatal true when the platform would mark the pipeline invalid (or the pipeline could not be
 *     checked); false for notes such as a stage whose definition the catalog does not hold
 */
public record PipelineIssue(String platformCode, String instanceName, String message, boolean fatal) {

  /** A fatal issue. */
  public PipelineIssue(String platformCode, String instanceName, String message) {
    this(platformCode, instanceName, message, true);
  }

  /** A note that does not make the pipeline invalid. */
  static PipelineIssue note(String instanceName, String message) {
    return new PipelineIssue(null, instanceName, message, false);
  }

  /** {@code VALIDATION_0011 Trash_01: message}, for logs and test failures. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append(platformCode == null ? (fatal ? "error" : "note") : platformCode);
    if (instanceName != null) {
      b.append(' ').append(instanceName);
    }
    return b.append(": ").append(message).toString();
  }
}
