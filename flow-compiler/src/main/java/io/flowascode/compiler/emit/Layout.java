package io.flowascode.compiler.emit;

import java.util.Objects;
import io.flowascode.compiler.graph.Edge;
import io.flowascode.compiler.graph.FlowGraph;
import io.flowascode.compiler.graph.StageNode;
import java.util.HashMap;
import java.util.IdentityHashMap;
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

  private final IdentityHashMap<StageNode, Position> positions = new IdentityHashMap<>();
  private int columns;

  public Layout(FlowGraph graph) {
    List<StageNode> stages = graph.stages();
    int[] column = longestPathDepths(graph);
    Map<Integer, Integer> rows = new HashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      int c = column[i];
      int r = rows.merge(c, 1, Integer::sum) - 1;
      positions.put(stages.get(i), new Position(X0 + c * DX, Y0 + r * DY));
      columns = Math.max(columns, c + 1);
    }
  }

  /**
   * Each stage's column, by its index in the graph: the number of edges on the longest path that
   * reaches it. In topological order this takes one look at each edge; written connections can
   * come in any order, and a relaxation pass per stage made a 10,000-stage flow written bottom-up
   * take minutes. Stages are indexed once so the walk itself works on arrays.
   */
  private static int[] longestPathDepths(FlowGraph graph) {
    List<StageNode> stages = graph.stages();
    int n = stages.size();
    IdentityHashMap<StageNode, Integer> index = new IdentityHashMap<>(n);
    for (int i = 0; i < n; i++) {
      index.put(stages.get(i), i);
    }
    int[] column = new int[n];
    int[] waitingFor = new int[n];
    int[] ready = new int[n];
    int readyEnd = 0;
    for (int i = 0; i < n; i++) {
      waitingFor[i] = graph.into(stages.get(i)).size();
      if (waitingFor[i] == 0) {
        ready[readyEnd++] = i;
      }
    }
    int placed = 0;
    while (placed < readyEnd) {
      int s = ready[placed++];
      int next = column[s] + 1;
      for (Edge e : graph.outOf(stages.get(s))) {
        int to = Objects.requireNonNull(index.get(e.to()));
        if (column[to] < next) {
          column[to] = next;
        }
        if (--waitingFor[to] == 0) {
          ready[readyEnd++] = to;
        }
      }
    }
    if (placed == n) {
      return column;
    }
    Map<String, Integer> relaxed = relaxedDepths(graph);
    for (int i = 0; i < n; i++) {
      column[i] = Objects.requireNonNull(relaxed.get(stages.get(i).id()));
    }
    return column;
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
        int want = Objects.requireNonNull(column.get(e.from().id())) + 1;
        if (Objects.requireNonNull(column.get(e.to().id())) < want) {
          column.put(e.to().id(), want);
          changed = true;
        }
      }
    }
    return column;
  }

  /** The position of one of the graph's stages (every stage of the graph has one). */
  public Position of(StageNode stage) {
    return Objects.requireNonNull(positions.get(stage), "a stage of another graph");
  }

  /** Where the error and statistics stages go: one column right of the last stage. */
  public int specialX() {
    return X0 + columns * DX;
  }
}
