package io.flowascode.yaml;

import io.flowascode.source.Span;
import java.util.Optional;

/** Where a value sits in its file, and where its key sits when it is a mapping entry. */
public record NodeSpans(Optional<Span> key, Span value) {
  /** The key if there is one, else the value: the place to point at for "this entry". */
  public Span keyOrValue() {
    return key.orElse(value);
  }
}
