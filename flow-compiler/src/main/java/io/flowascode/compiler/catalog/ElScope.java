package io.flowascode.compiler.catalog;

import java.util.List;

/**
 * The expression-language functions and constants a config may use, by name (`str:trim`,
 * `SECONDS`), as the platform publishes them for that config. Empty when the definitions did not
 * say (an older or inferred definition): expressions are then not checked against it.
 */
public record ElScope(List<String> functions, List<String> constants) {
  public static final ElScope UNKNOWN = new ElScope(List.of(), List.of());

  public ElScope {
    functions = List.copyOf(functions);
    constants = List.copyOf(constants);
  }

  public boolean known() {
    return !functions.isEmpty() || !constants.isEmpty();
  }
}
