package io.flowascode.compiler.catalog;

/**
 * When the platform evaluates a config's `${...}` expressions (ConfigDef.Evaluation): IMPLICIT
 * configs are evaluated by the engine itself when it creates the stage, which happens on every
 * save, with only the pipeline's parameters in scope; EXPLICIT configs are handed to the stage,
 * which evaluates them while it runs (per record, with `record:` functions in scope).
 */
public enum Evaluation {
  IMPLICIT,
  EXPLICIT;

  /** The platform's name, defaulting to IMPLICIT as the platform's ConfigDef does. */
  public static Evaluation parse(String s) {
    return "EXPLICIT".equals(s) ? EXPLICIT : IMPLICIT;
  }
}
