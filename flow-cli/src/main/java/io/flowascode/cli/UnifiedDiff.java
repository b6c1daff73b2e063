package io.flowascode.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts (`--- a/FILE`, `+++ b/FILE`, hunks with three lines of context), the
 * form reviewers and `patch` read; from a longest-common-subsequence of lines, which is plenty for
 * flow files.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  static String of(String file, String before, String after) {
    List<String> a = before.replace("\r\n", "\n").lines().toList();
    List<String> b = after.lines().toList();
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    record Line(char op, String text, int aLine, int bLine) {}
    List<Line> script = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        script.add(new Line(' ', a.get(i), i++, j++));
      } else if (j < b.size() && (i >= a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
        script.add(new Line('+', b.get(j), i, j++));
      } else {
        script.add(new Line('-', a.get(i), i++, j));
      }
    }
    StringBuilder out = new StringBuilder("--- a/" + file + "\n+++ b/" + file + "\n");
    List<Integer> changes = new ArrayList<>();
    for (int x = 0; x < script.size(); x++) {
      if (script.get(x).op() != ' ') {
        changes.add(x);
      }
    }
    int g = 0;
    while (g < changes.size()) {
      int first = changes.get(g);
      int last = first;
      // Changes closer than twice the context share one hunk.
      while (g + 1 < changes.size() && changes.get(g + 1) - last <= 2 * CONTEXT + 1) {
        last = changes.get(++g);
      }
      g++;
      int from = Math.max(0, first - CONTEXT);
      int to = Math.min(script.size(), last + CONTEXT + 1);
      int aCount = 0;
      int bCount = 0;
      StringBuilder hunk = new StringBuilder();
      for (int x = from; x < to; x++) {
        Line l = script.get(x);
        hunk.append(l.op()).append(l.text()).append('\n');
        aCount += l.op() != '+' ? 1 : 0;
        bCount += l.op() != '-' ? 1 : 0;
      }
      int aStart = script.get(from).aLine() + (aCount == 0 ? 0 : 1);
      int bStart = script.get(from).bLine() + (bCount == 0 ? 0 : 1);
      out.append("@@ -").append(aStart).append(',').append(aCount).append(" +").append(bStart).append(',')
          .append(bCount).append(" @@\n").append(hunk);
    }
    return out.toString();
  }
}
