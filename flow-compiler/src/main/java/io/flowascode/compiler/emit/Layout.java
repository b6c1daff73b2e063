package io.flowascode.compiler.emit;

import io.flowascode.compiler.graph.Edge;
import io.flowascode.compiler.graph.FlowGraph;
import io.flowascode.compiler.graph.StageNode;
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
    Map<String, Integer> column = new HashMap<>();
    // Longest-path depth by relaxation in topological order; cycles were reported already, so
    // bound the passes by the stage count to stay finite on a cyclic graph.
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
    Map<Integer, Integer> rows = new HashMap<>();
    for (StageNode s : stages) {
      int c = column.get(s.id());
      int r = rows.merge(c, 1, Integer::sum) - 1;
      positions.put(s.id(), new Position(X0 + c * DX, Y0 + r * DY));
      columns = Math.max(columns, c + 1);
    }
  }

  public Position of(StageNode stage) {
    return positions.get(stage.id());
  }

  /** Where the error and statistics stages go: one column right of the last stage. */
  public int specialX() {
    return X0 + columns * DX;
  }
}
