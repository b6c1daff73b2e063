package io.flowascode.compiler.emit;

import io.flowascode.compiler.graph.Edge;
import io.flowascode.compiler.graph.FlowGraph;
import io.flowascode.compiler.graph.StageNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A readable left-to-right canvas layout: a stage's column is the length of the longest path that
 * reaches it, rows follow file order within a column. Positions depend only on the graph.
 */
public final class Layout {
  public static final int X0 = 60;
  public static final int Y0 = 50;
  public static final int DX = 220;
  public static final int DY = 150;

  /** Canvas position of one stage. */
  public record Position(int x, int y) {}

  private final Map<String, Position> positions = new HashMap<>();
  private int columns;

  public Layout(FlowGraph graph) {
    List<StageNode> stages = graph.stages();
    Map<String, Integer> column = longestPathDepths(graph);
    Map<Integer, Integer> rows = new HashMap<>();
    for (StageNode s : stages) {
      int c = column.get(s.id());
      int r = rows.merge(c, 1, Integer::sum) - 1;
      positions.put(s.id(), new Position(X0 + c * DX, Y0 + r * DY));
      columns = Math.max(columns, c + 1);
    }
  }

  /**
   * Each stage's column: the number of edges on the longest path that reaches it. In topological
   * order this takes one look at each edge; written connections can come in any order, and a
   * relaxation pass per stage made a 10,000-stage flow written bottom-up take minutes.
   */
  private static Map<String, Integer> longestPathDepths(FlowGraph graph) {
    List<StageNode> stages = graph.stages();
    Map<String, Integer> column = new HashMap<>();
    Map<String, Integer> waitingFor = new HashMap<>();
    for (StageNode s : stages) {
      column.put(s.id(), 0);
      waitingFor.put(s.id(), graph.into(s).size());
    }
    Deque<StageNode> ready = new ArrayDeque<>();
    for (StageNode s : stages) {
      if (waitingFor.get(s.id()) == 0) {
        ready.add(s);
      }
    }
    int placed = 0;
    while (!ready.isEmpty()) {
      StageNode s = ready.poll();
      placed++;
      int next = column.get(s.id()) + 1;
      for (Edge e : graph.outOf(s)) {
        String to = e.to().id();
        if (column.get(to) < next) {
          column.put(to, next);
        }
        if (waitingFor.merge(to, -1, Integer::sum) == 0) {
          ready.add(e.to());
        }
      }
    }
    if (placed == stages.size()) {
      return column;
    }
    return relaxedDepths(graph);
  }

  /**
   * Longest-path depth by relaxation, for a cyclic graph (the cycle was reported already): bound
   * the passes by the stage count to stay finite.
   */
  private static Map<String, Integer> relaxedDepths(FlowGraph graph) {
    Map<String, Integer> column = new HashMap<>();
    List<StageNode> stages = graph.stages();
    for (StageNode s : stages) {
      column.put(s.id(), 0);
    }
    boolean changed = true;
    for (int pass = 0; changed && pass < stages.size(); pass++) {
      changed = false;
      for (Edge e : graph.edges()) {
        int want = column.get(e.from().id()) + 1;
        if (column.get(e.to().id()) < want) {
          column.put(e.to().id(), want);
          changed = true;
        }
      }
    }
    return column;
  }

  public Position of(StageNode stage) {
    return positions.get(stage.id());
  }

  /** Where the error and statistics stages go: one column right of the last stage. */
  public int specialX() {
    return X0 + columns * DX;
  }
}
