package io.flowascode.diagnostic;

import io.flowascode.source.Span;
import java.util.Objects;

/**
 * One change to a file's text: the characters the span covers (by char offset, end exclusive)
 * replaced with {@code replacement}. An empty span inserts; an empty replacement deletes.
 */
public record TextEdit(Span span, String replacement) {
  public TextEdit {
    Objects.requireNonNull(span);
    Objects.requireNonNull(replacement);
  }
}
