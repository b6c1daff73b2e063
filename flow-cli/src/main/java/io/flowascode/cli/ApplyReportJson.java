package io.flowascode.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.emit.PipelineJson;
import io.flowascode.engine.apply.ApplyReport;
import io.flowascode.engine.apply.FlowOutcome;

/** The apply report as JSON: one entry per flow with its outcome, message and new revision. */
final class ApplyReportJson {
  private ApplyReportJson() {}

  static String render(ApplyReport report) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode flows = root.putArray("flows");
    for (FlowOutcome o : report.outcomes()) {
      ObjectNode f = flows.addObject().put("id", o.flowId()).put("outcome", o.outcome().word()).put("message", o.message());
      o.newRevision().ifPresent(r -> f.put("revision", r));
    }
    root.put("summary", report.summaryLine());
    return PipelineJson.write(root).stripTrailing();
  }
}
