package io.flowascode.engine.apply;

import io.flowascode.engine.plan.Plan;

/**
 * What a door does between planning and applying: show the plan, and say whether to go on (a
 * person asked at a terminal, or a script that approved in advance).
 */
@FunctionalInterface
public interface ApplyGate {
  /** True to apply the plan; false leaves the target untouched. */
  boolean proceed(Plan plan);
}
