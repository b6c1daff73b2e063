package io.flowascode.engine.diff;

/** A data lane (records) or an event lane (`<instance>_EventLane`). */
public enum ConnectionKind {
  DATA,
  EVENT
}
