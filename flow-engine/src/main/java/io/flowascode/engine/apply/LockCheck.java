package io.flowascode.engine.apply;

/**
 * What comparing the definitions lock with the target's stage definitions found; the doors word
 * the warning in their own terms (an option, a pom parameter).
 */
public sealed interface LockCheck {
  /** The lock matches, there is none, or the target publishes no definitions. */
  record Matches() implements LockCheck {}

  /** The target's definitions differ from the lock: the engine was upgraded, or its stage libraries changed. */
  record Drifted(String warning) implements LockCheck {}

  /** The comparison could not be made (the target or the lock could not be read). */
  record Unchecked(String reason) implements LockCheck {}
}
