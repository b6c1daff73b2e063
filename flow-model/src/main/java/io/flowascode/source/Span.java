package io.flowascode.source;

import java.util.Comparator;
import java.util.Objects;

/** A range of text in a named file; the end is exclusive. */
public record Span(String file, Position start, Position end) implements Comparable<Span> {
  private static final Comparator<Span> ORDER =
      Comparator.comparing(Span::file).thenComparing(Span::start).thenComparing(Span::end);

  public Span {
    Objects.requireNonNull(file);
    Objects.requireNonNull(start);
    Objects.requireNonNull(end);
  }

  /** A span for a file as a whole, where no better place exists (e.g. an unreadable file). */
  public static Span ofFile(String file) {
    Position first = new Position(1, 1, 0);
    return new Span(file, first, first);
  }

  public Span to(Span other) {
    Position s = start.compareTo(other.start) <= 0 ? start : other.start;
    Position e = end.compareTo(other.end) >= 0 ? end : other.end;
    return new Span(file, s, e);
  }

  @Override
  public int compareTo(Span o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return file + ":" + start.line() + ":" + start.column();
  }
}
