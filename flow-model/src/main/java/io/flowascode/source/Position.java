package io.flowascode.source;

/** A place in a file: 1-based line and column (in code points) and the 0-based char offset. */
public record Position(int line, int column, int offset) implements Comparable<Position> {
  @Override
  public int compareTo(Position o) {
    return Integer.compare(offset, o.offset);
  }
}
