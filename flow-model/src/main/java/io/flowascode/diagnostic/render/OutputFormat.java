package io.flowascode.diagnostic.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The ways diagnostics can be shown, as a user names them ({@code --format text|json|github}). */
public enum OutputFormat {
  /** For people at a terminal; see {@link TerminalRenderer}. */
  TEXT("text"),
  /** For programs; see {@link JsonRenderer}. */
  JSON("json"),
  /** For GitHub Actions annotations; see {@link GithubRenderer}. */
  GITHUB("github");

  private final String word;

  OutputFormat(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  /**
   * The format a user's word names, ignoring case and surrounding spaces.
   *
   * @throws IllegalArgumentException naming the word and every valid one
   */
  public static OutputFormat parse(String word) {
    String wanted = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
    for (OutputFormat f : values()) {
      if (f.word.equals(wanted)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown output format `" + (word == null ? "" : word.strip())
        + "`; valid formats are " + validWords());
  }

  /** The valid words, e.g. for a command line's help: {@code text, json, github}. */
  public static String validWords() {
    return Arrays.stream(values()).map(OutputFormat::word).collect(Collectors.joining(", "));
  }

  /** The renderer for this format; colour and limit apply to text only, machines get everything. */
  public DiagnosticRenderer renderer(boolean color, int limit) {
    return switch (this) {
      case TEXT -> new TerminalRenderer(color, limit);
      case JSON -> new JsonRenderer();
      case GITHUB -> new GithubRenderer();
    };
  }
}
