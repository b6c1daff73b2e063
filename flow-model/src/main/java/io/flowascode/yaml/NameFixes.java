package io.flowascode.yaml;

import io.flowascode.diagnostic.Fix;
import io.flowascode.diagnostic.TextEdit;
import io.flowascode.source.SourceFile;
import io.flowascode.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fixes for a misspelled name (a label, a key, a config, an allowed value, a stage id, a
 * predicate): replace what was typed with each candidate, written so that the file reads back as
 * exactly that name. Only the one candidate there is makes a safe fix. No fix is offered when the
 * span does not hold what was typed as plain text (an escape, a block scalar, a span that fell
 * back to an enclosing node), so a fix never edits the wrong characters.
 */
public final class NameFixes {
  // What YAML 1.2's core schema reads as something other than a string, when written plain.
  private static final Pattern NOT_A_STRING = Pattern.compile(
      "null|Null|NULL|~|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
          + "|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");
  // Conservative: a plain scalar of these characters means the same in block and flow context.
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_./:+ ()-]*[A-Za-z0-9_./+()-])?");
  private static final int MAX_CANDIDATES = 3;

  private NameFixes() {}

  /**
   * Fixes for a whole scalar (a key or a value) written as {@code typed}: one per candidate, best
   * first, keeping the scalar's quotes.
   */
  public static List<Fix> replaceScalar(SourceFile file, Span span, String typed, List<String> candidates) {
    Optional<String> written = text(file, span);
    List<String> shown = candidates.stream().limit(MAX_CANDIDATES).toList();
    List<Fix> fixes = new ArrayList<>();
    if (written.isEmpty()) {
      return fixes;
    }
    for (String candidate : shown) {
      scalar(written.get(), typed, candidate).ifPresent(text ->
          fixes.add(new Fix(description(typed, candidate), List.of(new TextEdit(span, text)), shown.size() == 1)));
    }
    return fixes.size() == shown.size() ? fixes : List.of();
  }

  /**
   * Fixes for a name inside a scalar (a stage id in a connection, a predicate after `[`, a
   * function in an expression): the span must hold {@code typed} exactly, and a candidate that a
   * quote or backslash could break is not offered.
   */
  public static List<Fix> replaceWithin(SourceFile file, Span span, String typed, List<String> candidates) {
    return replaceEach(file, List.of(span), typed, candidates);
  }

  /**
   * Fixes that replace every place a name is used inside scalars (a parameter read twice in one
   * expression): each span must hold {@code typed} exactly.
   */
  public static List<Fix> replaceEach(SourceFile file, List<Span> spans, String typed, List<String> candidates) {
    List<String> shown = candidates.stream().limit(MAX_CANDIDATES).toList();
    if (file == null || spans.isEmpty() || !spans.stream().allMatch(s -> text(file, s).filter(typed::equals).isPresent())
        || shown.stream().anyMatch(c -> c.isEmpty() || c.chars().anyMatch(ch -> ch == '"' || ch == '\'' || ch == '\\' || ch < ' '))) {
      return List.of();
    }
    return shown.stream()
        .map(c -> new Fix(description(typed, c), spans.stream().map(s -> new TextEdit(s, c)).toList(), shown.size() == 1))
        .toList();
  }

  private static String description(String typed, String candidate) {
    return "replace `" + typed + "` with `" + candidate + "`";
  }

  private static Optional<String> text(SourceFile file, Span span) {
    if (file == null) {
      return Optional.empty();
    }
    int start = span.start().offset();
    int end = span.end().offset();
    if (!span.file().equals(file.name()) || start < 0 || end <= start || end > file.text().length()) {
      return Optional.empty();
    }
    return Optional.of(file.text().substring(start, end));
  }

  /** The candidate written as the scalar {@code written} was, or empty when that is not {@code typed}. */
  private static Optional<String> scalar(String written, String typed, String candidate) {
    if (written.equals(typed) && isPlainSafe(typed)) {
      return Optional.of(isPlainSafe(candidate) ? candidate : doubleQuoted(candidate));
    }
    if (written.equals("'" + typed.replace("'", "''") + "'")) {
      return candidate.chars().anyMatch(ch -> ch < ' ') ? Optional.of(doubleQuoted(candidate))
          : Optional.of("'" + candidate.replace("'", "''") + "'");
    }
    if (written.equals(doubleQuoted(typed))) {
      return Optional.of(doubleQuoted(candidate));
    }
    return Optional.empty();
  }

  static boolean isPlainSafe(String s) {
    return PLAIN.matcher(s).matches() && !NOT_A_STRING.matcher(s).matches() && !s.contains(": ");
  }

  static String doubleQuoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < ' ') {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
