package io.flowascode.source;

import java.util.Arrays;
import java.util.Objects;

/** The text of one input file and the name diagnostics show for it. */
public final class SourceFile {
  private final String name;
  private final String text;
  private final int[] lineStarts;

  public SourceFile(String name, String text) {
    this.name = Objects.requireNonNull(name);
    this.text = Objects.requireNonNull(text);
    this.lineStarts = computeLineStarts(text);
  }

  private static int[] computeLineStarts(String text) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** The text of a 1-based line, without its line terminator. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  /** The 1-based line and column (counted in code points) of a char offset. */
  public Position positionOf(int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    int idx = Arrays.binarySearch(lineStarts, clamped);
    int lineIndex = idx >= 0 ? idx : -idx - 2;
    int lineStart = lineStarts[lineIndex];
    int column = text.codePointCount(lineStart, clamped) + 1;
    return new Position(lineIndex + 1, column, clamped);
  }

  /**
   * The position of a 1-based line and code-point column: {@code positionOf(offsetOf(line,
   * column))}, without searching for the line when the column lies on it (a YAML node's marks
   * carry both, and a 10,000-stage flow has hundreds of thousands of them).
   */
  public Position positionAt(int line, int column) {
    if (line >= 1 && line <= lineStarts.length && column >= 1) {
      int start = lineStarts[line - 1];
      int next = line < lineStarts.length ? lineStarts[line] : text.length() + 1;
      try {
        int offset = text.offsetByCodePoints(start, column - 1);
        if (offset < next) {
          return new Position(line, column, offset);
        }
      } catch (IndexOutOfBoundsException e) {
        // Past the end of the text: the general path clamps it.
      }
    }
    return positionOf(offsetOf(line, column));
  }

  /** The char offset of a 1-based line and code-point column. */
  public int offsetOf(int line, int column) {
    if (line < 1) {
      return 0;
    }
    if (line > lineStarts.length) {
      return text.length();
    }
    int start = lineStarts[line - 1];
    try {
      return text.offsetByCodePoints(start, Math.max(0, column - 1));
    } catch (IndexOutOfBoundsException e) {
      return text.length();
    }
  }

  public Span span(int startOffset, int endOffset) {
    return new Span(name, positionOf(startOffset), positionOf(Math.max(startOffset, endOffset)));
  }

  /** A span covering the whole of a 1-based line. */
  public Span lineSpan(int line) {
    int start = offsetOf(line, 1);
    return span(start, start + line(line).length());
  }

  @Override
  public String toString() {
    return name;
  }
}
