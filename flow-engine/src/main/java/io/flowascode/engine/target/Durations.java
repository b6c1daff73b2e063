package io.flowascode.engine.target;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them on a command line, in a pom or in the environment: `500ms`, `30s`,
 * `2m`, `1h`, a bare number of seconds, or ISO-8601 (`PT30S`).
 */
public final class Durations {
  private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

  private Durations() {}

  /**
   * A duration as written: `500ms`, `30s`, `2m`, `1h`, a bare number of seconds, or ISO-8601.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static Duration parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(t);
    Duration parsed = null;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      parsed = switch (unit) {
        case "ms" -> Duration.ofMillis(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofSeconds(n);
      };
    } else if (t.startsWith("pt")) {
      try {
        parsed = Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        parsed = null;
      }
    }
    if (parsed == null || parsed.isNegative() || parsed.isZero()) {
      throw new IllegalArgumentException("`" + text + "` is not a duration; write e.g. 500ms, 30s, 2m or 1h");
    }
    return parsed;
  }

  /** The shortest of the forms {@link #parse} reads that is exact: `30s`, `2m`, `1500ms`. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
