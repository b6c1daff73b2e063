package io.flowascode.diagnostic.testing;

import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Severity;
import java.util.Objects;

/**
 * One diagnostic a test file says it should produce: its severity and code, a fragment of its
 * message, and the line it points at ({@code 0} for a diagnostic about the file as a whole).
 *
 * @param file the file's display name, as diagnostics name it
 * @param commentLine the 1-based line the expectation is written on (0 when made in code)
 * @param line the 1-based line the diagnostic must start on, or 0 for a file-level expectation
 * @param fragment text the message must contain (case-sensitive); empty matches any message
 */
public record Expectation(String file, int commentLine, int line, Severity severity, Code code, String fragment) {
  public Expectation {
    Objects.requireNonNull(file);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(code);
    fragment = fragment == null ? "" : fragment;
    if (line < 0 || commentLine < 0) {
      throw new IllegalArgumentException("lines are 1-based, or 0 for none");
    }
  }

  /** An expectation for a diagnostic on a line, for inputs that cannot carry comments. */
  public static Expectation atLine(String file, int line, Severity severity, Code code, String fragment) {
    if (line < 1) {
      throw new IllegalArgumentException("lines are 1-based");
    }
    return new Expectation(file, 0, line, severity, code, fragment);
  }

  /** An expectation for a diagnostic about the file as a whole, matched by code and message only. */
  public static Expectation forFile(String file, Severity severity, Code code, String fragment) {
    return new Expectation(file, 0, 0, severity, code, fragment);
  }

  public boolean isFileLevel() {
    return line == 0;
  }

  /** The line to name in a report: where the expectation is written, else the line it expects. */
  public int reportLine() {
    return commentLine > 0 ? commentLine : line;
  }

  /** Whether the diagnostic has this code, severity and message fragment, wherever it is. */
  boolean sameKindAs(Diagnostic d) {
    return d.code() == code && d.severity() == severity && d.message().contains(fragment);
  }

  boolean matches(Diagnostic d) {
    return d.span().file().equals(file) && sameKindAs(d) && (isFileLevel() || d.span().start().line() == line);
  }

  /** The expectation as it would be written in a file, e.g. {@code error[E0301]: unknown stage}. */
  public String spelled() {
    String head = (isFileLevel() ? "file-" : "") + severity.word() + "[" + code.id() + "]";
    return fragment.isEmpty() ? head : head + ": " + fragment;
  }
}
