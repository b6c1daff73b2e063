package io.flowascode.engine.apply;

import io.flowascode.engine.plan.Plan;
import io.flowascode.engine.target.RemoteFlow;
import java.util.List;
import java.util.Map;

/**
 * A plan, the remote flows it was computed from (so an immediate apply needs no second read), and
 * the flows that could not be planned because reading them failed.
 */
public record PlanResult(Plan plan, Map<String, RemoteFlow> snapshots, List<FlowOutcome> failures) {
  public PlanResult {
    snapshots = Map.copyOf(snapshots);
    failures = List.copyOf(failures);
  }
}
