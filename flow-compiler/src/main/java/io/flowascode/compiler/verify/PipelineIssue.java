package io.flowascode.compiler.verify;

import org.jspecify.annotations.Nullable;

/**
 * One way a pipeline breaks the platform's rules, found by {@link PipelineVerifier}, located as the
 * engine locates it.
 *
 * @param platformCode the code the platform itself reports for this problem (e.g.
 *     {@code VALIDATION_0011}), or null when the platform has no code for it
 * @param instanceName the stage the problem is about, or null for the pipeline as a whole (as the
 *     engine files it: lane and cycle problems are the pipeline's, an open lane the stage's)
 * @param serviceName the service of the stage the config belongs to, or null
 * @param configName the config the problem is about (a list-of-beans field by its own name), or null
 * @param message a plain sentence naming the stage(s), lanes and configs involved; never the value of
 *     a configuration, which may be a credential
 */
public record PipelineIssue(
    @Nullable String platformCode, @Nullable String instanceName, @Nullable String serviceName, @Nullable String configName,
    String message, IssuePhase phase) {

  /** An issue the engine reports on save. */
  public PipelineIssue(@Nullable String platformCode, @Nullable String instanceName, String message) {
    this(platformCode, instanceName, null, null, message, IssuePhase.SAVE);
  }

  /** A note that does not make the pipeline invalid. */
  static PipelineIssue note(@Nullable String instanceName, String message) {
    return new PipelineIssue(null, instanceName, null, null, message, IssuePhase.NOTE);
  }

  /** True when the pipeline will not run as written: the engine refuses it, or a check of ours does. */
  public boolean fatal() {
    return phase != IssuePhase.NOTE;
  }

  /** {@code VALIDATION_0011 Trash_01: message}, for logs and test failures. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append(platformCode == null ? (fatal() ? "error" : "note") : platformCode);
    if (instanceName != null) {
      b.append(' ').append(instanceName);
    }
    if (serviceName != null) {
      b.append('/').append(serviceName.substring(serviceName.lastIndexOf('.') + 1));
    }
    if (configName != null) {
      b.append(' ').append(configName);
    }
    return b.append(": ").append(message).toString();
  }
}
