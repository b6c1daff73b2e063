package io.flowascode.engine.diff;

/**
 * How a change counts in the plan summary, as Terraform counts: a stage added is an add, a stage
 * removed is a delete, and every other change (configs, connections, settings, renames, ...) is a
 * change.
 */
public enum Effect {
  ADD,
  CHANGE,
  DELETE
}
