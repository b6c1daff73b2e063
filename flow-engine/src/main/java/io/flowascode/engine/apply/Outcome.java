package io.flowascode.engine.apply;

/** What became of one flow in an apply. */
public enum Outcome {
  CREATED,
  UPDATED,
  DELETED,
  UNCHANGED,
  /** Not applied because the remote moved since the plan or someone else saved first. */
  REFUSED,
  /** Not applied because the remote failed or could not be reached. */
  FAILED;

  public boolean applied() {
    return this == CREATED || this == UPDATED || this == DELETED;
  }

  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
