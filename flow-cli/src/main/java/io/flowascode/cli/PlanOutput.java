package io.flowascode.cli;

import io.flowascode.engine.plan.Plan;
import io.flowascode.engine.plan.PlanJsonRenderer;
import io.flowascode.engine.plan.PlanMarkdownRenderer;
import io.flowascode.engine.plan.PlanTextRenderer;
import java.util.Locale;

/** Renders a plan in the format the user chose: text (also for github), json or markdown. */
final class PlanOutput {
  private PlanOutput() {}

  static String render(Plan plan, String format, boolean color) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "json" -> new PlanJsonRenderer().render(plan);
      case "markdown" -> new PlanMarkdownRenderer().render(plan);
      case "text", "github" -> new PlanTextRenderer(color).render(plan);
      default -> throw new UserError("unknown format `" + format + "`; valid formats are text, json, github, markdown", FlowCli.USAGE);
    };
  }

  /** The diagnostics format for a plan format (markdown plans show diagnostics as text). */
  static String diagnosticsFormat(String format) {
    return "markdown".equalsIgnoreCase(format) ? "text" : format;
  }
}
