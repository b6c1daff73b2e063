package io.flowascode.engine.target;

import java.util.Objects;

/**
 * A password, API key or token: its text is only reachable through {@link #reveal()}, and every
 * other way of printing it shows `****`.
 */
public final class Secret {
  private static final String MASK = "****";
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "secret");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The secret itself, for the one place that must send it. */
  public String reveal() {
    return value;
  }

  /** `text` with every occurrence of this secret masked; a guard for messages built from answers. */
  public String redactFrom(String text) {
    if (text == null || value.isEmpty()) {
      return text;
    }
    return text.replace(value, MASK);
  }

  @Override
  public String toString() {
    return MASK;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
