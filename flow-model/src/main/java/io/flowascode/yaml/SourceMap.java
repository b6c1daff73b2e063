package io.flowascode.yaml;

import io.flowascode.source.SourceFile;
import io.flowascode.source.Span;
import java.util.Map;
import java.util.Optional;

/** Maps each JSON Pointer of a document's tree to the spans of its key and value in the file. */
public final class SourceMap {
  private final Map<String, NodeSpans> spans;
  private final SourceFile file;
  private final Span fileSpan;

  /** Takes the map over: the reader that filled it keeps no reference (no copy of 10^5 entries). */
  SourceMap(Map<String, NodeSpans> spans, SourceFile file) {
    this.spans = spans;
    this.file = file;
    this.fileSpan = Span.ofFile(file.name());
  }

  /** The file the spans are in, whose text fixes edit. */
  public SourceFile file() {
    return file;
  }

  public Optional<NodeSpans> get(String pointer) {
    return Optional.ofNullable(spans.get(pointer));
  }

  /** The value's span, else the nearest enclosing node's, else the start of the file. */
  public Span valueSpan(String pointer) {
    String p = pointer;
    while (true) {
      NodeSpans s = spans.get(p);
      if (s != null) {
        return s.value();
      }
      if (p.isEmpty()) {
        return fileSpan;
      }
      p = parent(p);
    }
  }

  /** The key's span for a mapping entry, else the value's (or the nearest enclosing node's). */
  public Span keySpan(String pointer) {
    NodeSpans s = spans.get(pointer);
    if (s != null) {
      return s.keyOrValue();
    }
    return valueSpan(pointer);
  }

  public static String parent(String pointer) {
    int i = pointer.lastIndexOf('/');
    return i <= 0 ? "" : pointer.substring(0, i);
  }

  public static String child(String pointer, String key) {
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }
}
