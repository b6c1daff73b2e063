package io.flowascode.compiler.verify;

/** When the platform reports an issue, or whether it reports it at all. */
public enum IssuePhase {
  /** The engine reports it when the pipeline is saved (and refuses to run it). */
  SAVE,
  /** The engine reports it when it starts the stage: on validation, preview or run. */
  START,
  /** The engine does not report it, but the pipeline will not do what it says (a tool's check). */
  EXTRA,
  /** Not a problem: something the verifier could not check, or a remark. */
  NOTE
}
