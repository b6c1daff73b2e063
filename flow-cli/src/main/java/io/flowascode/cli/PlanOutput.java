package io.flowascode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.engine.plan.Plan;
import io.flowascode.engine.plan.PlanHeading;
import io.flowascode.engine.plan.PlanJsonRenderer;
import io.flowascode.engine.plan.PlanMarkdownRenderer;
import io.flowascode.engine.plan.PlanTextRenderer;
import java.util.Locale;

/** Renders a plan in the format the user chose: text (also for github) or markdown; in JSON it joins the run's document. */
final class PlanOutput {
  private PlanOutput() {}

  static void show(Session session, Plan plan, PlanHeading heading, String format) {
    if (session.json()) {
      session.doc().set("plan", json(plan));
      return;
    }
    session.out.print(render(plan, heading, format, session.color()));
    session.out.flush();
  }

  static JsonNode json(Plan plan) {
    return new PlanJsonRenderer().toJson(plan);
  }

  static String render(Plan plan, PlanHeading heading, String format, boolean color) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "markdown" -> new PlanMarkdownRenderer().render(plan, heading);
      case "text", "github" -> new PlanTextRenderer(color).render(plan, heading);
      default -> throw new UserError("unknown format `" + format + "`; valid formats are text, json, github, markdown", FlowCli.USAGE);
    };
  }

  /** Refuses a format no plan is shown in, before any work is done. */
  static void checkFormat(String format) {
    switch (format.toLowerCase(Locale.ROOT)) {
      case "text", "github", "markdown", "json" -> { }
      default -> throw new UserError("unknown format `" + format + "`; valid formats are text, json, github, markdown", FlowCli.USAGE);
    }
  }

  /** The diagnostics format for a plan format (markdown plans show diagnostics as text). */
  static String diagnosticsFormat(String format) {
    return "markdown".equalsIgnoreCase(format) ? "text" : format;
  }
}
