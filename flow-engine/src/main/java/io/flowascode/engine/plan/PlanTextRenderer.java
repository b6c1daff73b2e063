package io.flowascode.engine.plan;

/**
 * Renders a plan for a terminal, like a code review of each flow in the flow file's words:
 *
 * <pre>
 * ~ flow expense-router (update)
 *     + stage refunds (Trash_03): Trash
 *     ~ stage source (DevRawDataSource_01)
 *         ~ stop_after_first_batch: false -> true
 *     + route[refunds] >> refunds  # ${record:value("/expense") < -10000}
 *
 * Plan: flows 0 to create, 1 to update, 0 to delete, 0 unchanged; stages 1 to add, 1 to change, 0 to remove; connections 1 to add, 0 to remove.
 * </pre>
 *
 * Flows appear in flow id order with their changes as {@link FlowReview} arranges them; see {@link
 * ChangeLine} for the line conventions. With colour, added lines are green, removed red and
 * changed yellow (ANSI).
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
    return render(plan, PlanHeading.NONE);
  }

  public String render(Plan plan, PlanHeading heading) {
    StringBuilder out = new StringBuilder();
    if (!heading.isEmpty()) {
      out.append(paint(BOLD, heading.line())).append("\n\n");
    }
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

  /** `+ flow orders (create): "Orders router"`, `~ flow orders (update)`, `  flow orders (no change)`. */
  static String header(FlowPlan flow) {
    String header = sign(flow.action()) + " flow " + flow.flowId() + " (" + flow.action().word() + ")";
    if (flow.action() == FlowAction.CREATE && !flow.title().isEmpty() && !flow.title().equals(flow.flowId())) {
      header += ": " + io.flowascode.engine.diff.JsonValues.quote(flow.title());
    }
    return header;
  }

  static char sign(FlowAction action) {
    return switch (action) {
      case CREATE -> '+';
      case DELETE -> '-';
      case UPDATE -> '~';
      case NO_CHANGE -> ' ';
    };
  }

  private void renderFlow(FlowPlan flow, StringBuilder out) {
    char sign = sign(flow.action());
    String header = header(flow);
    out.append(color ? BOLD + colorOf(sign) + header + RESET : header).append('\n');
    for (ChangeLine line : flow.review().lines()) {
      out.append(INDENT.repeat(line.depth() + 1)).append(paint(colorOf(line.sign()), line.toString())).append('\n');
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
