package io.flowascode.engine.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a plan as stable JSON for machines (CI checks, bots): totals, and per flow its action,
 * remote revision, totals and changes. The desired pipelines are left out; they are in the saved
 * plan file ({@link PlanFile}). The schema is documented in `docs/plan-format.md`.
 */
public final class PlanJsonRenderer {
  private final PlanJson json = new PlanJson();

  public ObjectNode toJson(Plan plan) {
    return json.plan(plan, false);
  }

  public String render(Plan plan) {
    return json.write(toJson(plan));
  }
}
