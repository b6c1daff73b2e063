package io.flowascode.diagnostic.testing;

import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Severity;
import io.flowascode.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the diagnostics a test flow file expects of itself, written as YAML comments directly
 * above the line each diagnostic points at, in the manner of Error Prone's
 * {@code // BUG: Diagnostic contains:}:
 *
 * <pre>
 * stages:
 *   trash:
 *     # error[E0301]: unknown stage label
 *     label: Trsh
 * # file-warning[W0111]: byte-order mark
 * </pre>
 *
 * <p>Several expectations may stack above one line; they all expect that line. The {@code file-}
 * form expects a diagnostic about the file as a whole and may sit anywhere. The text after
 * {@code ": "} must be contained in the message; without it any message matches. Being comments,
 * expectations change nothing in what the file means, with one exception YAML makes: a comment
 * ends a plain value that would otherwise continue on a more-indented next line.
 */
public final class ExpectationFile {
  /** Anything that starts like an expectation; if it does not parse, the test file is wrong. */
  private static final Pattern ATTEMPT = Pattern.compile("^\\s*#\\s*(?i:(file-)?(error|warning))\\s*\\[");

  private static final Pattern EXPECTATION = Pattern.compile(
      "^\\s*#\\s*(file-)?(error|warning)\\[([EW]\\d{4})\\](?:: ?(.*))?$");

  private ExpectationFile() {}

  public static List<Expectation> parse(SourceFile file) {
    return parse(file.name(), file.text());
  }

  /**
   * Parses text that may not load as a source file (wrong encoding, binary bytes): decode it
   * leniently first. A leading byte-order mark is ignored, as the loader ignores it.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed expectation
   */
  public static List<Expectation> parse(String name, String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    SourceFile file = new SourceFile(name, body);
    List<Expectation> result = new ArrayList<>();
    List<Pending> waiting = new ArrayList<>();
    for (int n = 1; n <= file.lineCount(); n++) {
      String line = file.line(n);
      Optional<Pending> parsed = parseLine(name, n, line);
      if (parsed.isEmpty()) {
        for (Pending p : waiting) {
          result.add(new Expectation(name, p.commentLine, n, p.severity, p.code, p.fragment));
        }
        waiting.clear();
        continue;
      }
      Pending p = parsed.get();
      if (p.fileLevel) {
        result.add(new Expectation(name, n, 0, p.severity, p.code, p.fragment));
      } else {
        waiting.add(p);
      }
    }
    if (!waiting.isEmpty()) {
      throw new IllegalArgumentException(name + ":" + waiting.get(0).commentLine
          + ": an expectation must be followed by the line it expects a diagnostic on;"
          + " use `# file-" + waiting.get(0).severity.word() + "[...]` for the file as a whole");
    }
    return List.copyOf(result);
  }

  private record Pending(int commentLine, boolean fileLevel, Severity severity, Code code, String fragment) {}

  private static Optional<Pending> parseLine(String name, int n, String line) {
    if (!ATTEMPT.matcher(line).find()) {
      return Optional.empty();
    }
    Matcher m = EXPECTATION.matcher(line);
    if (!m.matches()) {
      throw new IllegalArgumentException(name + ":" + n + ": malformed expectation `" + line.strip()
          + "`; write `# error[E0301]: message fragment`, `# warning[W0604]: ...`,"
          + " or `# file-error[E0108]: ...` (lower case, no space before `[`)");
    }
    Severity severity = Severity.valueOf(m.group(2).toUpperCase(Locale.ROOT));
    String id = m.group(3);
    Code code = Code.byId(id).orElseThrow(() -> new IllegalArgumentException(
        name + ":" + n + ": no diagnostic has the code " + id));
    String fragment = m.group(4) == null ? "" : m.group(4).stripTrailing();
    return Optional.of(new Pending(n, m.group(1) != null, severity, code, fragment));
  }
}
