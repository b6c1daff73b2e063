package io.flowascode.imports;

/**
 * A credential that import moved out of a flow file: the flow refers to it as `{secret: NAME}`,
 * and its value goes to the git-ignored secrets file beside the flow, never into the file, a
 * message or a log ({@link #toString} leaves the value out).
 *
 * @param name the secret's name (also its environment variable: FLOW_SECRET_NAME)
 * @param where the configuration it was in, as the flow names it: `stage.config` or `settings.name`
 */
public record ImportedSecret(String name, String where, String value) {
  /** `stage.config = {secret: NAME}`: what the flow file now says, without the value. */
  @Override
  public String toString() {
    return where + " = {secret: " + name + "}";
  }
}
