package io.flowascode.engine.plan;

import io.flowascode.engine.diff.Change;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One flow's changes arranged for a reviewer: the flow's own lines (title, parameters, settings,
 * special stages), then one block per stage with its own changes under it, then the connections;
 * with the counts that match exactly what is listed. Text and Markdown both show these lines.
 */
public final class FlowReview {
  private final List<ChangeLine> lines;
  private final PlanCounts counts;

  private FlowReview(List<ChangeLine> lines, PlanCounts counts) {
    this.lines = List.copyOf(lines);
    this.counts = counts;
  }

  /** A stage's block: its heading (added, removed, renamed, or changed) and its own changes. */
  private static final class StageBlock {
    Change head;
    final List<Change> changes = new ArrayList<>();
  }

  public static FlowReview of(FlowPlan flow) {
    PlanNames names = PlanNames.of(flow);
    boolean creating = flow.action() == FlowAction.CREATE;
    Set<String> remoteOnly = new HashSet<>();
    for (Change c : flow.diff().changes()) {
      if (c instanceof Change.StageRemoved r) {
        remoteOnly.add(r.instance());
      } else if (c instanceof Change.StageRenamed r) {
        remoteOnly.add(r.before());
      }
    }
    List<ChangeLine> flowLines = new ArrayList<>();
    Map<String, StageBlock> blocks = new LinkedHashMap<>();
    List<ChangeLine> connections = new ArrayList<>();
    int connectionsAdded = 0;
    int connectionsRemoved = 0;
    for (Change c : flow.diff().changes()) {
      if (creating && (c instanceof Change.TitleChanged || c instanceof Change.DescriptionChanged)) {
        continue; // the header names the new flow's title
      }
      if (c instanceof Change.StageAdded a) {
        blocks.computeIfAbsent(a.instance(), k -> new StageBlock()).head = c;
      } else if (c instanceof Change.StageRemoved r) {
        blocks.computeIfAbsent(r.instance(), k -> new StageBlock()).head = c;
      } else if (c instanceof Change.StageRenamed r) {
        blocks.computeIfAbsent(r.after(), k -> new StageBlock()).head = c;
      } else if (c instanceof Change.ConnectionAdded || c instanceof Change.ConnectionRemoved) {
        connections.add(ChangeLine.ofConnection(c, names));
        if (c instanceof Change.ConnectionAdded) {
          connectionsAdded++;
        } else {
          connectionsRemoved++;
        }
      } else {
        String instance = ChangeLine.instanceOf(c);
        if (instance != null && (names.onCanvas(instance) || remoteOnly.contains(instance))) {
          blocks.computeIfAbsent(instance, k -> new StageBlock()).changes.add(c);
        } else {
          flowLines.add(ChangeLine.ofFlow(c, names, creating));
        }
      }
    }
    List<ChangeLine> lines = new ArrayList<>(flowLines);
    int added = 0;
    int changed = 0;
    int removed = 0;
    for (Map.Entry<String, StageBlock> e : blocks.entrySet()) {
      StageBlock block = e.getValue();
      if (block.head instanceof Change.StageAdded a) {
        lines.add(ChangeLine.stageAdded(a, names));
        added++;
      } else if (block.head instanceof Change.StageRemoved r) {
        lines.add(ChangeLine.stageRemoved(r, names));
        removed++;
      } else if (block.head instanceof Change.StageRenamed r) {
        lines.add(ChangeLine.stageRenamed(r, names));
        changed++;
      } else {
        lines.add(ChangeLine.stageChanged(e.getKey(), names));
        changed++;
      }
      block.changes.forEach(c -> lines.add(ChangeLine.ofStage(c, names)));
    }
    lines.addAll(connections);
    PlanCounts counts = new PlanCounts(
        flow.action() == FlowAction.CREATE ? 1 : 0, flow.action() == FlowAction.UPDATE ? 1 : 0,
        flow.action() == FlowAction.DELETE ? 1 : 0, flow.action() == FlowAction.NO_CHANGE ? 1 : 0,
        added, changed, removed, connectionsAdded, connectionsRemoved);
    return new FlowReview(lines, counts);
  }

  public List<ChangeLine> lines() {
    return lines;
  }

  public PlanCounts counts() {
    return counts;
  }
}
