package io.flowascode.diagnostic.render;

/**
 * One source line as a terminal shows it: tabs expanded, control characters made visible, and a
 * long line cut to a window around the place of interest. Maps code-point columns to cells of
 * the shown text, so markers drawn under it line up.
 */
final class SourceLineView {
  /** The most cells of source text shown for one line. */
  static final int MAX_WIDTH = 120;

  /** Cells kept before the place of interest when a long line is cut. */
  private static final int LEAD = 16;

  private static final String CUT = "...";

  private final String text;
  private final int[] cells;
  private final int shift;
  private final int leftEdge;
  private final int rightEdge;

  private SourceLineView(String text, int[] cells, int shift, int leftEdge, int rightEdge) {
    this.text = text;
    this.cells = cells;
    this.shift = shift;
    this.leftEdge = leftEdge;
    this.rightEdge = rightEdge;
  }

  /**
   * Shows {@code line} so that 1-based code-point column {@code focus} is visible. Only the code
   * points up to the window's end are looked at, so a line of megabytes costs no more than that.
   */
  static SourceLineView of(String line, int focus, int maxWidth) {
    int count = line.codePointCount(0, line.length());
    int limit = (int) Math.min(count, (long) Math.max(1, focus) + maxWidth + LEAD);
    int[] cells = new int[limit + 1];
    String[] shown = new String[limit];
    int cell = 0;
    int index = 0;
    for (int k = 0; k < limit; k++) {
      int cp = line.codePointAt(index);
      index += Character.charCount(cp);
      cells[k] = cell;
      int width;
      if (cp == '\t') {
        width = CellWidth.TAB_STOP - cell % CellWidth.TAB_STOP;
        shown[k] = " ".repeat(width);
      } else if (cp < 0x20 || cp == 0x7F) {
        // Control Pictures: U+2400 + the control code, U+2421 for DEL; one cell each.
        width = 1;
        shown[k] = Character.toString(cp == 0x7F ? 0x2421 : 0x2400 + cp);
      } else {
        width = CellWidth.of(cp);
        shown[k] = Character.toString(cp);
      }
      cell += width;
    }
    cells[limit] = cell;
    boolean more = limit < count;
    int start = 0;
    if (more || cell > maxWidth) {
      int focusCell = cellAt(cells, focus);
      start = Math.max(0, Math.min(focusCell - LEAD, more ? Integer.MAX_VALUE : cell - maxWidth));
    }
    int end = start + maxWidth;
    boolean cutLeft = start > 0;
    boolean cutRight = more || cell > end;
    StringBuilder b = new StringBuilder(cutLeft ? CUT : "");
    for (int k = 0; k < limit; k++) {
      if (cells[k] >= start && cells[k + 1] <= end) {
        b.append(shown[k]);
      } else if (cells[k] < start && cells[k + 1] > start) {
        b.append(" ".repeat(cells[k + 1] - start)); // the visible part of a tab or wide character
      }
    }
    if (cutRight) {
      b.append(CUT);
    }
    int shift = (cutLeft ? CUT.length() : 0) - start;
    int rightEdge = cutRight ? end + shift : Integer.MAX_VALUE;
    return new SourceLineView(b.toString().stripTrailing(), cells, shift, cutLeft ? CUT.length() : 0, rightEdge);
  }

  private static int cellAt(int[] cells, int column) {
    int k = Math.max(0, column - 1);
    int last = cells.length - 1;
    // Past the end of what was looked at (or of the line) each column is one cell.
    return k <= last ? cells[k] : cells[last] + (k - last);
  }

  String text() {
    return text;
  }

  /** The cell of the shown text where a 1-based code-point column starts. */
  int cellOf(int column) {
    return cellAt(cells, column) + shift;
  }

  /** The first cell of the shown text that is source, after a leading cut mark. */
  int leftEdge() {
    return leftEdge;
  }

  /** The cell after the last shown cell of source, when the line is cut on the right. */
  int rightEdge() {
    return rightEdge;
  }
}
