package io.flowascode.engine.plan;

import java.util.Optional;

/**
 * A plan read back from its file, with the target it was made against (as the target describes
 * itself: kind and location, never credentials), so it is only ever applied there, and the
 * project's environment it was made for, when one was named.
 */
public record SavedPlan(Plan plan, String target, Optional<String> environment) {
  public SavedPlan(Plan plan, String target) {
    this(plan, target, Optional.empty());
  }
}
