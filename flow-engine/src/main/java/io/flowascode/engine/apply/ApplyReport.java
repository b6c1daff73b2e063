package io.flowascode.engine.apply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Per flow, what apply did; a failure of one flow never hides the others. */
public record ApplyReport(List<FlowOutcome> outcomes) {
  public ApplyReport {
    List<FlowOutcome> sorted = new ArrayList<>(outcomes);
    sorted.sort(Comparator.comparing(FlowOutcome::flowId));
    outcomes = List.copyOf(sorted);
  }

  public long count(Outcome o) {
    return outcomes.stream().filter(f -> f.outcome() == o).count();
  }

  public boolean anyRefused() {
    return count(Outcome.REFUSED) > 0;
  }

  public boolean anyFailed() {
    return count(Outcome.FAILED) > 0;
  }

  /** `Apply: 1 created, 2 updated, 0 deleted, 5 unchanged, 0 refused, 0 failed.` */
  public String summaryLine() {
    return "Apply: " + count(Outcome.CREATED) + " created, " + count(Outcome.UPDATED) + " updated, "
        + count(Outcome.DELETED) + " deleted, " + count(Outcome.UNCHANGED) + " unchanged, "
        + count(Outcome.REFUSED) + " refused, " + count(Outcome.FAILED) + " failed.";
  }

  public String render() {
    StringBuilder sb = new StringBuilder();
    for (FlowOutcome f : outcomes) {
      sb.append(String.format("%-10s %s", f.outcome().word(), f.flowId()));
      if (!f.message().isEmpty()) {
        sb.append(": ").append(f.message());
      }
      sb.append('\n');
    }
    sb.append(summaryLine()).append('\n');
    return sb.toString();
  }
}
