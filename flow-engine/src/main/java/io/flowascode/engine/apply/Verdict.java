package io.flowascode.engine.apply;

import java.util.List;

/**
 * How a plan or apply run ended, for a door to turn into an exit code or a build failure. A
 * refusal outranks a failure: a refused flow asks the user to plan again, which a re-run of a
 * failed one would not fix.
 */
public enum Verdict {
  /** Everything planned or applied; for a plan, nothing to change. */
  OK,
  /** The plan has changes (a plan only; applies end OK). */
  CHANGES_PRESENT,
  /** A flow was refused: a conflict, drift since the plan, or a state the remote would not change. */
  REFUSED,
  /** A flow failed on the remote or could not be read. */
  FAILED;

  /** REFUSED when any outcome was refused, else FAILED when any failed, else OK. */
  public static Verdict of(List<FlowOutcome> outcomes) {
    if (outcomes.stream().anyMatch(o -> o.outcome() == Outcome.REFUSED)) {
      return REFUSED;
    }
    if (outcomes.stream().anyMatch(o -> o.outcome() == Outcome.FAILED)) {
      return FAILED;
    }
    return OK;
  }
}
