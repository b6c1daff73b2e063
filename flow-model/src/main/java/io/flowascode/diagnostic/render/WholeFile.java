package io.flowascode.diagnostic.render;

import io.flowascode.source.Span;

/** Tells a diagnostic about a file as a whole (no place to point at) from one with a position. */
final class WholeFile {
  private WholeFile() {}

  /**
   * Whether the span is {@link Span#ofFile}'s: a zero-width span at the very start. A real
   * zero-width position at 1:1 looks the same; it is shown without a snippet, which loses little.
   */
  static boolean is(Span span) {
    return span.equals(Span.ofFile(span.file()));
  }
}
