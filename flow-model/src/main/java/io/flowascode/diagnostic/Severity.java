package io.flowascode.diagnostic;

/** How bad a diagnostic is; errors fail the run, warnings fail it only under --strict. */
public enum Severity {
  ERROR,
  WARNING;

  public String word() {
    return this == ERROR ? "error" : "warning";
  }
}
