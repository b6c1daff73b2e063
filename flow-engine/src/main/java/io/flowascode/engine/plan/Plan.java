package io.flowascode.engine.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an apply would do to every flow, sorted by flow id. It records no time or host, so the
 * same inputs give the same plan, byte for byte once rendered.
 *
 * @param unread the flows that could not be read, sorted: nothing is known about what applying
 *     would do to them, so a plan with any is incomplete and never says "no changes"
 */
public record Plan(List<FlowPlan> flows, List<String> unread) {

  public Plan(List<FlowPlan> flows) {
    this(flows, List.of());
  }

  public Plan {
    unread = unread.stream().sorted().distinct().toList();
    List<FlowPlan> sorted = new ArrayList<>(flows);
    sorted.sort(Comparator.comparing(FlowPlan::flowId));
    Set<String> ids = new HashSet<>();
    for (FlowPlan f : sorted) {
      if (!ids.add(f.flowId())) {
        throw new IllegalArgumentException("flow " + f.flowId() + " is planned twice");
      }
    }
    flows = List.copyOf(sorted);
  }

  public Optional<FlowPlan> flow(String flowId) {
    return flows.stream().filter(f -> f.flowId().equals(flowId)).findFirst();
  }

  /** True when some flows could not be read, so the plan cannot say what applying does to them. */
  public boolean incomplete() {
    return !unread.isEmpty();
  }

  /** True when applying would change anything. */
  public boolean hasChanges() {
    return flows.stream().anyMatch(FlowPlan::hasChanges);
  }

  /** Flows by action, stages and connections, summed over every flow; see {@link PlanCounts}. */
  public PlanCounts counts() {
    PlanCounts total = PlanCounts.ZERO;
    for (FlowPlan f : flows) {
      total = total.plus(f.review().counts());
    }
    return total;
  }

  /**
   * `Plan: flows 1 to create, 1 to update, 0 to delete, 9 unchanged; stages 12 to add, 2 to change,
   * 1 to remove; connections 14 to add, 1 to remove.`
   */
  public String summaryLine() {
    return "Plan: " + counts().words() + ".";
  }
}
