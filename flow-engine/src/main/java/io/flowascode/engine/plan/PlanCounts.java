package io.flowascode.engine.plan;

/**
 * What a plan counts, so that the counts add up to what it lists: flows by action (every flow of
 * the plan in exactly one), stages added, changed (a stage of the file or the remote with changes
 * of its own: configs, predicates, definition, UI name, renamed) and removed, and connections
 * added and removed. A connection is never counted as a stage change, and a new flow's title or
 * settings are not changes: they are part of the flow to create.
 */
public record PlanCounts(
    int create, int update, int delete, int unchanged,
    int stagesAdded, int stagesChanged, int stagesRemoved,
    int connectionsAdded, int connectionsRemoved) {

  public static final PlanCounts ZERO = new PlanCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

  public PlanCounts plus(PlanCounts o) {
    return new PlanCounts(create + o.create, update + o.update, delete + o.delete, unchanged + o.unchanged,
        stagesAdded + o.stagesAdded, stagesChanged + o.stagesChanged, stagesRemoved + o.stagesRemoved,
        connectionsAdded + o.connectionsAdded, connectionsRemoved + o.connectionsRemoved);
  }

  public int flows() {
    return create + update + delete + unchanged;
  }

  /**
   * `flows 1 to create, 1 to update, 0 to delete, 9 unchanged; stages 12 to add, 2 to change, 1 to
   * remove; connections 14 to add, 1 to remove`.
   */
  public String words() {
    return "flows " + create + " to create, " + update + " to update, " + delete + " to delete, " + unchanged + " unchanged; "
        + stageWords() + "; connections " + connectionsAdded + " to add, " + connectionsRemoved + " to remove";
  }

  /** `stages 12 to add, 2 to change, 1 to remove`. */
  public String stageWords() {
    return "stages " + stagesAdded + " to add, " + stagesChanged + " to change, " + stagesRemoved + " to remove";
  }
}
