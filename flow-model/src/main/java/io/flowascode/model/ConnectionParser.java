package io.flowascode.model;

import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.source.SourceFile;
import io.flowascode.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the connection shorthand `a >> b`, `a[big] >> [b, c] >> d`, `[a, b] >> c`. Spans point
 * into the YAML value when it is written plain or in simple quotes; otherwise at the whole value.
 */
final class ConnectionParser {
  private final SourceFile file;
  private final String text;
  private final Span valueSpan;
  private final int base;
  private final boolean mapsExactly;
  private final Diagnostics out;
  private int pos;

  ConnectionParser(SourceFile file, String text, Span valueSpan, Diagnostics out) {
    this.file = file;
    this.text = text;
    this.valueSpan = valueSpan;
    this.out = out;
    int start = valueSpan.start().offset();
    int end = valueSpan.end().offset();
    String raw = file.text().substring(Math.min(start, file.text().length()), Math.min(end, file.text().length()));
    if (raw.equals(text)) {
      base = start;
      mapsExactly = true;
    } else if (raw.length() == text.length() + 2 && raw.substring(1, raw.length() - 1).equals(text)) {
      base = start + 1;
      mapsExactly = true;
    } else {
      base = start;
      mapsExactly = false;
    }
  }

  Optional<List<List<PortRef>>> parse() {
    List<List<PortRef>> groups = new ArrayList<>();
    skipSpaces();
    if (pos >= text.length()) {
      error(0, text.length(), "an empty connection", "write it as `from >> to`");
      return Optional.empty();
    }
    while (true) {
      Optional<List<PortRef>> group = group();
      if (group.isEmpty()) {
        return Optional.empty();
      }
      groups.add(group.get());
      skipSpaces();
      if (pos >= text.length()) {
        break;
      }
      if (text.startsWith(">>", pos)) {
        pos += 2;
        skipSpaces();
        if (pos >= text.length()) {
          error(pos - 2, pos, "`>>` with nothing after it", "name the stage this output goes to");
          return Optional.empty();
        }
        continue;
      }
      if (text.startsWith("->", pos) || text.startsWith("=>", pos) || text.charAt(pos) == '>') {
        int len = text.charAt(pos) == '>' ? 1 : 2;
        error(pos, pos + len, "`" + text.substring(pos, pos + len) + "` is not a connection operator", "use `>>`");
        return Optional.empty();
      }
      char c = text.charAt(pos);
      if (isIdChar(c)) {
        int end = pos;
        while (end < text.length() && isIdChar(text.charAt(end))) {
          end++;
        }
        String before = describe(group.get());
        String after = text.substring(pos, end);
        error(pos, end, "`>>` is missing between `" + before + "` and `" + after + "`",
            "write `" + before + " >> " + after + "`");
        return Optional.empty();
      }
      error(pos, pos + 1, "unexpected `" + c + "` in a connection", c == ','
          ? "several stages on one side are written in brackets, `a >> [b, c]`; write separate connections as separate items"
          : "connections read `from >> to`");
      return Optional.empty();
    }
    if (groups.size() < 2) {
      List<PortRef> only = groups.get(0);
      error(0, text.length(), "a connection needs `>>` between two stages",
          "write `" + (only.isEmpty() ? "a" : only.get(0).toString()) + " >> <stage>`");
      return Optional.empty();
    }
    return Optional.of(groups);
  }

  private Optional<List<PortRef>> group() {
    List<PortRef> refs = new ArrayList<>();
    if (pos < text.length() && text.charAt(pos) == '[') {
      int open = pos;
      pos++;
      while (true) {
        skipSpaces();
        Optional<PortRef> ref = ref();
        if (ref.isEmpty()) {
          return Optional.empty();
        }
        refs.add(ref.get());
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == ',') {
          pos++;
          continue;
        }
        if (pos < text.length() && text.charAt(pos) == ']') {
          pos++;
          return Optional.of(refs);
        }
        error(open, Math.min(pos + 1, text.length()), "a `[` list of stages is not closed", "close it with `]`");
        return Optional.empty();
      }
    }
    return ref().map(List::of);
  }

  private Optional<PortRef> ref() {
    int start = pos;
    while (pos < text.length() && isIdChar(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      if (pos >= text.length()) {
        error(Math.max(0, pos - 1), pos, "a stage id is missing", "name a stage declared under `stages:`");
      } else {
        error(pos, pos + 1, "expected a stage id, found `" + text.charAt(pos) + "`",
            "stage ids are letters, digits, `_` and `-`");
      }
      return Optional.empty();
    }
    Located<String> stage = new Located<>(text.substring(start, pos), span(start, pos));
    Optional<Located<String>> port = Optional.empty();
    if (pos < text.length() && text.charAt(pos) == '[') {
      int open = pos;
      pos++;
      int portStart = pos;
      while (pos < text.length() && text.charAt(pos) != ']') {
        pos++;
      }
      if (pos >= text.length()) {
        error(open, text.length(), "the output `[` after `" + stage.value() + "` is not closed",
            "write `" + stage.value() + "[name]`");
        return Optional.empty();
      }
      String name = text.substring(portStart, pos).trim();
      if (name.isEmpty()) {
        error(open, pos + 1, "an empty output name", "name a predicate, `default`, or an output number");
        return Optional.empty();
      }
      port = Optional.of(new Located<>(name, span(portStart, pos)));
      pos++;
    }
    return Optional.of(new PortRef(stage, port, span(start, pos)));
  }

  private static String describe(List<PortRef> group) {
    List<String> names = group.stream().map(PortRef::toString).toList();
    return names.size() == 1 ? names.get(0) : "[" + String.join(", ", names) + "]";
  }

  static boolean isIdChar(char c) {
    return (Character.isLetterOrDigit(c) && c < 128) || c == '_' || c == '-';
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private Span span(int from, int to) {
    if (!mapsExactly) {
      return valueSpan;
    }
    return file.span(base + from, base + to);
  }

  private void error(int from, int to, String message, String help) {
    out.add(Diagnostic.of(Code.INVALID_CONNECTION_SYNTAX, span(from, Math.max(from, to)), message)
        .label("here")
        .help(help)
        .build());
  }
}
