package io.flowascode.compiler.secrets;

import java.util.Optional;

/**
 * Where the values of a flow's secrets come from, by name: the environment, a git-ignored secrets
 * file, or whatever a door (the CLI, the Maven plugin, later a project's environment) chains
 * together. The core asks a source only when it writes to or compares with a target, never while
 * compiling, so validating and compiling a flow needs no secret at all.
 */
public interface SecretSource {
  /** The value of the secret with this name, when this source has it. */
  Optional<String> value(String name);

  /** Where this source looks, for messages that say how to supply a missing secret (no values). */
  String describe(String name);

  /** A source that has nothing. */
  SecretSource NONE = new SecretSource() {
    @Override
    public Optional<String> value(String name) {
      return Optional.empty();
    }

    @Override
    public String describe(String name) {
      return "no secret source";
    }
  };
}
