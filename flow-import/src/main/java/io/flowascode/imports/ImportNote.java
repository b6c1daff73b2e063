package io.flowascode.imports;

/**
 * Something the user should know about one imported pipeline: what was dropped, changed or could
 * not be expressed. Messages name stages and configs, never their values (some are credentials).
 */
public record ImportNote(Level level, String message) {
  /** A note informs; a warning asks the user to act (pass definitions, check a dropped part). */
  public enum Level {
    NOTE,
    WARNING;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static ImportNote note(String message) {
    return new ImportNote(Level.NOTE, message);
  }

  public static ImportNote warning(String message) {
    return new ImportNote(Level.WARNING, message);
  }

  /** Names for a message, in backticks, the first few only: `a`, `b` and 3 more. */
  static String names(java.util.List<String> names) {
    java.util.List<String> shown = names.stream().limit(6).map(n -> "`" + n + "`").toList();
    return String.join(", ", shown) + (names.size() > shown.size() ? " and " + (names.size() - shown.size()) + " more" : "");
  }

  @Override
  public String toString() {
    return level.word() + ": " + message;
  }
}
