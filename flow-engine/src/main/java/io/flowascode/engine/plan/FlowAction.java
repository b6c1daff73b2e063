package io.flowascode.engine.plan;

/** What applying a plan does to one flow on the remote. */
public enum FlowAction {
  CREATE,
  UPDATE,
  NO_CHANGE,
  DELETE;

  /** The lower-case word used in rendered plans (`create`, `update`, `no change`, `delete`). */
  public String word() {
    return this == NO_CHANGE ? "no change" : name().toLowerCase(java.util.Locale.ROOT);
  }
}
