package io.flowascode.engine.project;

import io.flowascode.engine.target.Secret;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the credentials a project file refers to. A door supplies the resolver for where it runs:
 * the process environment for both the command line and Maven (whose settings.xml servers are read
 * by the plugin itself, as they always were).
 */
@FunctionalInterface
public interface CredentialSource {
  /** The value, or empty when the source holds none (an unset variable). */
  Optional<Secret> resolve(SecretRef ref);

  /** Reads `{env: NAME}` references from these variables. */
  static CredentialSource environment(Map<String, String> variables) {
    return ref -> {
      if (ref instanceof SecretRef.EnvironmentVariable v) {
        String value = variables.get(v.name());
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Secret.of(value));
      }
      return Optional.empty();
    };
  }
}
