package io.flowascode.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.engine.apply.ApplyReport;
import io.flowascode.engine.apply.FlowOutcome;
import io.flowascode.engine.apply.Outcome;
import java.util.List;
import java.util.Locale;

/** The apply report as JSON: one entry per flow with its outcome, message and new revision, and the counts as numbers. */
final class ApplyReportJson {
  private ApplyReportJson() {}

  static ObjectNode toJson(ApplyReport report) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("flows", outcomes(report.outcomes()));
    ObjectNode summary = root.putObject("summary");
    for (Outcome o : Outcome.values()) {
      summary.put(o.name().toLowerCase(Locale.ROOT), report.count(o));
    }
    return root;
  }

  static ArrayNode outcomes(List<FlowOutcome> outcomes) {
    ArrayNode flows = JsonNodeFactory.instance.arrayNode();
    for (FlowOutcome o : outcomes) {
      ObjectNode f = flows.addObject().put("id", o.flowId()).put("outcome", o.outcome().word()).put("message", o.message());
      f.put("revision", o.newRevision().orElse(null));
    }
    return flows;
  }
}
