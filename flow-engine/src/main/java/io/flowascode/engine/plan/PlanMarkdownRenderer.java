package io.flowascode.engine.plan;

/**
 * Renders a plan as a pull-request comment: a summary table of all flows, then for each flow
 * with changes a collapsible block holding the text diff and a Mermaid flowchart of the flow with
 * its added, removed and changed stages and connections marked.
 */
public final class PlanMarkdownRenderer {
  public String render(Plan plan) {
    return render(plan, PlanHeading.NONE);
  }

  public String render(Plan plan, PlanHeading heading) {
    StringBuilder out = new StringBuilder();
    out.append("### Flow plan").append(heading.environment().map(e -> ": " + html(e)).orElse("")).append("\n\n");
    if (!heading.isEmpty()) {
      out.append(html(heading.line())).append("\n\n");
    }
    out.append("**").append(plan.summaryLine()).append("**\n\n");
    if (plan.incomplete()) {
      out.append("> **Incomplete plan:** ").append(plan.unread().size())
          .append(" flow(s) could not be read, so nothing is known about their changes: ")
          .append(String.join(", ", plan.unread().stream().map(PlanMarkdownRenderer::code).toList())).append(".\n\n");
    }
    if (plan.flows().isEmpty()) {
      out.append("No flows.\n");
      return out.toString();
    }
    out.append("| Flow | Action | Stages added | changed | removed | Connections added | removed |\n");
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (FlowPlan f : plan.flows()) {
      PlanCounts c = f.review().counts();
      out.append("| ").append(code(f.flowId())).append(" | ").append(f.action().word())
          .append(" | ").append(c.stagesAdded())
          .append(" | ").append(c.stagesChanged())
          .append(" | ").append(c.stagesRemoved())
          .append(" | ").append(c.connectionsAdded())
          .append(" | ").append(c.connectionsRemoved()).append(" |\n");
    }
    for (FlowPlan f : plan.flows()) {
      if (f.diff().isEmpty()) {
        continue;
      }
      FlowReview review = f.review();
      out.append("\n<details>\n<summary>").append(html(f.flowId())).append(": ").append(f.action().word())
          .append(" (").append(review.counts().stageWords()).append(")</summary>\n\n");
      // The sign first, as diff highlighting wants it; the nesting after it.
      StringBuilder lines = new StringBuilder(PlanTextRenderer.header(f)).append('\n');
      review.lines().forEach(l -> lines.append(l.sign()).append(' ').append("  ".repeat(l.depth() + 1))
          .append(l.text()).append('\n'));
      fence(out, "diff", lines.toString());
      out.append('\n');
      fence(out, "mermaid", MermaidFlowchart.render(f.desiredPipeline(), f.diff(), PlanNames.of(f)));
      out.append("\n</details>\n");
    }
    return out.toString();
  }

  /** A fenced block whose fence is longer than any run of backticks inside. */
  private static void fence(StringBuilder out, String info, String body) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < body.length(); i++) { char ch = body.charAt(i);run = ch == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    out.append(fence).append(info).append('\n').append(body);
    if (!body.endsWith("\n")) {
      out.append('\n');
    }
    out.append(fence).append('\n');
  }

  private static String code(String s) {
    return "<code>" + html(s).replace("|", "&#124;") + "</code>";
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
