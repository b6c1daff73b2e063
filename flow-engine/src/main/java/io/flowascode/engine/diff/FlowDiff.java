package io.flowascode.engine.diff;

import java.util.List;

/**
 * The semantic difference between a remote pipeline and the desired one: an ordered,
 * deterministic list of changes (pipeline-level first, then stages added, removed and renamed,
 * then each stage's own changes by instance name, then connections).
 */
public record FlowDiff(List<Change> changes) {
  public static final FlowDiff EMPTY = new FlowDiff(List.of());

  public FlowDiff {
    changes = List.copyOf(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** Stages added. */
  public int toAdd() {
    return count(Effect.ADD);
  }

  /** Every change that neither adds nor removes a stage. */
  public int toChange() {
    return count(Effect.CHANGE);
  }

  /** Stages removed. */
  public int toDelete() {
    return count(Effect.DELETE);
  }

  private int count(Effect effect) {
    int n = 0;
    for (Change c : changes) {
      if (c.effect() == effect) {
        n++;
      }
    }
    return n;
  }

  /** `1 to add, 2 to change, 0 to delete`. */
  public String summary() {
    return toAdd() + " to add, " + toChange() + " to change, " + toDelete() + " to delete";
  }
}
