package io.flowascode.engine.apply;

import java.util.Optional;

/** The result for one flow: what happened, why in words, and the new remote revision if written. */
public record FlowOutcome(String flowId, Outcome outcome, String message, Optional<String> newRevision) {
  public static FlowOutcome of(String flowId, Outcome outcome, String message) {
    return new FlowOutcome(flowId, outcome, message, Optional.empty());
  }
}
