package io.flowascode.model;

/** Whether a connection carries records (a data lane) or events (the stage's event lane). */
public enum ConnectionKind {
  DATA,
  EVENT
}
