package io.flowascode.diagnostic.testing;

import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.source.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Compares the diagnostics a test expects with those a run reported. Every reported diagnostic
 * must be expected and every expectation met; near misses (right code, wrong line; right line,
 * wrong message) are reported as such rather than as one missing and one unexpected diagnostic.
 */
public final class ExpectationChecker {
  private ExpectationChecker() {}

  /** The differences, in file and line order; empty when the run reported exactly what was expected. */
  public static List<Mismatch> check(List<Expectation> expectations, Collection<Diagnostic> actual) {
    List<Diagnostic> unmatched = new ArrayList<>(actual);
    unmatched.sort(Diagnostic.ORDER);
    List<Expectation> unmet = new ArrayList<>();
    // Line expectations first, so that a file-level one cannot take a diagnostic a line needs.
    List<Expectation> ordered = new ArrayList<>(expectations);
    ordered.sort(Comparator.comparing(Expectation::isFileLevel));
    for (Expectation e : ordered) {
      Optional<Diagnostic> hit = take(unmatched, e::matches, e);
      if (hit.isEmpty()) {
        unmet.add(e);
      }
    }
    List<Mismatch> mismatches = new ArrayList<>();
    for (Expectation e : unmet) {
      mismatches.add(explain(e, unmatched));
    }
    for (Diagnostic d : unmatched) {
      mismatches.add(new Mismatch(Mismatch.Kind.UNEXPECTED, d.span().file(), d.span().start().line(),
          "unexpected " + describe(d) + "\n    if it is right, expect it with `# " + suggestion(d) + "`"
              + (isFileLevel(d) ? "" : " on the line above line " + d.span().start().line())));
    }
    mismatches.sort(Mismatch.ORDER);
    return List.copyOf(mismatches);
  }

  /**
   * Checks and fails with one message listing every mismatch and every reported diagnostic.
   *
   * @throws AssertionError when the diagnostics differ from the expectations
   */
  public static void verify(List<Expectation> expectations, Collection<Diagnostic> actual) {
    List<Mismatch> mismatches = check(expectations, actual);
    if (!mismatches.isEmpty()) {
      throw new AssertionError(report(mismatches, actual));
    }
  }

  /** The mismatches, then all reported diagnostics, as text for a failing test. */
  public static String report(List<Mismatch> mismatches, Collection<Diagnostic> actual) {
    StringBuilder b = new StringBuilder();
    b.append(mismatches.size()).append(mismatches.size() == 1 ? " mismatch" : " mismatches")
        .append(" between expected and reported diagnostics:\n");
    for (Mismatch m : mismatches) {
      b.append("  ").append(m).append('\n');
    }
    List<Diagnostic> all = new ArrayList<>(actual);
    all.sort(Diagnostic.ORDER);
    b.append("reported (").append(all.size()).append("):\n");
    if (all.isEmpty()) {
      b.append("  nothing\n");
    }
    for (Diagnostic d : all) {
      b.append("  ").append(where(d)).append(": ").append(d.severity().word()).append('[')
          .append(d.code().id()).append("]: ").append(d.message()).append('\n');
    }
    return b.toString();
  }

  private static Mismatch explain(Expectation e, List<Diagnostic> unmatched) {
    String expected = "expected `" + e.spelled() + "`" + (e.isFileLevel() ? "" : " on line " + e.line());
    Predicate<Diagnostic> sameFile = d -> d.span().file().equals(e.file());
    Predicate<Diagnostic> sameLine = d -> e.isFileLevel() || d.span().start().line() == e.line();
    Optional<Diagnostic> d = take(unmatched, sameFile.and(sameLine).and(x -> x.code() == e.code()), e);
    if (d.isPresent()) {
      String how = d.get().severity() != e.severity() ? "it was reported as " + d.get().severity().word()
          : "the message differs";
      return mismatch(Mismatch.Kind.WRONG_MESSAGE, e, expected + ", but " + how, d.get());
    }
    d = take(unmatched, sameFile.and(e::sameKindAs), e);
    if (d.isPresent()) {
      return mismatch(Mismatch.Kind.WRONG_LINE, e,
          expected + ", but it was reported on line " + d.get().span().start().line(), d.get());
    }
    d = take(unmatched, sameFile.and(sameLine).and(x -> x.message().contains(e.fragment())), e);
    if (d.isPresent()) {
      return mismatch(Mismatch.Kind.WRONG_CODE, e,
          expected + ", but it was reported as " + d.get().code().id(), d.get());
    }
    return new Mismatch(Mismatch.Kind.MISSING, e.file(), e.reportLine(), "missing: " + expected + ", nothing like it was reported");
  }

  private static Mismatch mismatch(Mismatch.Kind kind, Expectation e, String text, Diagnostic actual) {
    return new Mismatch(kind, e.file(), e.reportLine(), text + "\n    reported: " + describe(actual));
  }

  /** Removes and returns the candidate nearest the expected line. */
  private static Optional<Diagnostic> take(List<Diagnostic> candidates, Predicate<Diagnostic> which, Expectation e) {
    Optional<Diagnostic> best = candidates.stream()
        .filter(which)
        .min(Comparator.comparingInt(d -> Math.abs(d.span().start().line() - e.line())));
    best.ifPresent(candidates::remove);
    return best;
  }

  private static String describe(Diagnostic d) {
    return d.severity().word() + "[" + d.code().id() + "] at " + where(d) + ": " + d.message();
  }

  private static String where(Diagnostic d) {
    Span s = d.span();
    return isFileLevel(d) ? s.file() : s.file() + ":" + s.start().line() + ":" + s.start().column();
  }

  private static String suggestion(Diagnostic d) {
    return (isFileLevel(d) ? "file-" : "") + d.severity().word() + "[" + d.code().id() + "]: " + d.message();
  }

  private static boolean isFileLevel(Diagnostic d) {
    return d.span().equals(Span.ofFile(d.span().file()));
  }
}
