package io.flowascode.diagnostic.testing;

import java.util.Comparator;

/**
 * One difference between the diagnostics a test expected and those it got, said so a reader can
 * go to {@code file:line} and fix either the input or the expectation.
 */
public record Mismatch(Kind kind, String file, int line, String text) {
  /** How an expectation and the actual diagnostics differ. */
  public enum Kind {
    /** Expected, and nothing like it was reported. */
    MISSING,
    /** Reported, and not expected. */
    UNEXPECTED,
    /** The expected code and message, on another line. */
    WRONG_LINE,
    /** The expected code on the expected line, with another message or severity. */
    WRONG_MESSAGE,
    /** The expected message on the expected line, with another code. */
    WRONG_CODE
  }

  static final Comparator<Mismatch> ORDER =
      Comparator.comparing(Mismatch::file).thenComparingInt(Mismatch::line).thenComparing(Mismatch::kind);

  @Override
  public String toString() {
    return file + ":" + line + ": " + text;
  }
}
