package io.flowascode.engine.plan;

/**
 * Renders a plan for a terminal, like a code review of each flow:
 *
 * <pre>
 * ~ flow expense-router (update)
 *     + stage Trash_03 (Trash)
 *     ~ DevRawDataSource_01.stop_after_first_batch: false -> true
 *     + StreamSelector_01[2] >> Trash_03  # ${record:value("/expense") < -10000}
 *
 * Plan: 1 to add, 2 to change, 0 to delete.
 * </pre>
 *
 * Flows appear in flow id order with their changes in diff order; see {@link ChangeLine} for the
 * line conventions. With colour, added lines are green, removed red and changed yellow (ANSI).
 */
public final class PlanTextRenderer {
  private static final String RESET = "\u001B[0m";
  private static final String BOLD = "\u001B[1m";
  private static final String GREEN = "\u001B[32m";
  private static final String RED = "\u001B[31m";
  private static final String YELLOW = "\u001B[33m";
  private static final String INDENT = "    ";

  private final boolean color;

  public PlanTextRenderer(boolean color) {
    this.color = color;
  }

  public PlanTextRenderer() {
    this(false);
  }

  public String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    for (FlowPlan flow : plan.flows()) {
      renderFlow(flow, out);
      out.append('\n');
    }
    if (plan.incomplete()) {
      out.append(paint(RED, "Incomplete plan: " + plan.unread().size() + " flow(s) could not be read, so nothing is known"
          + " about their changes: " + String.join(", ", plan.unread()) + ".")).append('\n');
    } else if (!plan.hasChanges()) {
      out.append("No changes. Every flow matches the remote.\n");
    }
    out.append(paint(BOLD, plan.summaryLine())).append('\n');
    return out.toString();
  }

  /** One flow's block: the header and its change lines. */
  public String renderFlow(FlowPlan flow) {
    StringBuilder out = new StringBuilder();
    renderFlow(flow, out);
    return out.toString();
  }

  private void renderFlow(FlowPlan flow, StringBuilder out) {
    char sign = switch (flow.action()) {
      case CREATE -> '+';
      case DELETE -> '-';
      case UPDATE -> '~';
      case NO_CHANGE -> ' ';
    };
    String header = sign + " flow " + flow.flowId() + " (" + flow.action().word() + ")";
    out.append(color ? BOLD + colorOf(sign) + header + RESET : header).append('\n');
    for (var change : flow.diff().changes()) {
      ChangeLine line = ChangeLine.of(change);
      out.append(INDENT).append(paint(colorOf(line.sign()), line.toString())).append('\n');
    }
  }

  private static String colorOf(char sign) {
    return switch (sign) {
      case '+' -> GREEN;
      case '-' -> RED;
      case '~' -> YELLOW;
      default -> "";
    };
  }

  private String paint(String code, String text) {
    return color && !code.isEmpty() ? code + text + RESET : text;
  }
}
