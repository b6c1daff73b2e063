package io.flowascode.engine.plan;

import java.util.Optional;

/**
 * Where a plan was made for, shown above it: the project's environment (`staging`), when one was
 * named, and the target as it describes itself (kind and location, never credentials).
 */
public record PlanHeading(Optional<String> environment, String target) {
  public static final PlanHeading NONE = new PlanHeading(Optional.empty(), "");

  public PlanHeading {
    environment = environment.filter(e -> !e.isBlank());
    target = target == null ? "" : target;
  }

  public boolean isEmpty() {
    return environment.isEmpty() && target.isEmpty();
  }

  /** `Environment staging: Data Collector at http://sdc:18630`, or `Target: ...` without one. */
  public String line() {
    return environment.map(e -> "Environment " + e + ": " + target).orElse("Target: " + target);
  }
}
