package io.flowascode.engine.project;

import java.util.Objects;

/**
 * Where a credential is read from, as a project file names it; never the secret itself. Today an
 * environment variable ({@code {env: NAME}}); other sources (a secrets file, a vault) are new kinds
 * of reference with a {@link CredentialSource} that reads them, so an environment can name its
 * secrets' source without the project file changing shape.
 */
public sealed interface SecretRef {
  /** How the reference reads in messages: `the environment variable PROD_API_KEY`. */
  String describe();

  /** {@code {env: NAME}}: the value of an environment variable. */
  record EnvironmentVariable(String name) implements SecretRef {
    public EnvironmentVariable {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String describe() {
      return "the environment variable " + name;
    }
  }
}
