package io.flowascode.engine.target;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rules Data Collector stores with a pipeline it creates (`PipelineStoreResource.createPipeline`):
 * four metric alerts, all disabled. An import must carry rules, so it carries these, and a pipeline
 * created by import has the rules a plainly created one would.
 */
final class DefaultRules {
  private DefaultRules() {}

  static ObjectNode create(long timestamp) {
    ObjectNode rules = JsonNodeFactory.instance.objectNode();
    ArrayNode metrics = rules.putArray("metricsRuleDefinitions");
    alert(metrics, "badRecordsAlertID", "High incidence of Error Records", "pipeline.batchErrorRecords.counter",
        "COUNTER", "COUNTER_COUNT", "${value() > 100}", timestamp);
    alert(metrics, "stageErrorAlertID", "High incidence of Stage Errors", "pipeline.batchErrorMessages.counter",
        "COUNTER", "COUNTER_COUNT", "${value() > 100}", timestamp);
    alert(metrics, "idleGaugeID", "Pipeline is Idle", "RuntimeStatsGauge.gauge", "GAUGE",
        "TIME_OF_LAST_RECEIVED_RECORD", "${time:now() - value() > 120000}", timestamp);
    alert(metrics, "batchTimeAlertID", "Batch taking more time to process", "RuntimeStatsGauge.gauge", "GAUGE",
        "CURRENT_BATCH_AGE", "${value() > 200}", timestamp);
    rules.putArray("dataRuleDefinitions");
    rules.putArray("driftRuleDefinitions");
    return rules;
  }

  private static void alert(ArrayNode list, String id, String text, String metric, String type, String element,
      String condition, long timestamp) {
    ObjectNode rule = list.addObject();
    rule.put("id", id);
    rule.put("alertText", text);
    rule.put("metricId", metric);
    rule.put("metricType", type);
    rule.put("metricElement", element);
    rule.put("condition", condition);
    rule.put("sendEmail", false);
    rule.put("enabled", false);
    rule.put("timestamp", timestamp);
    rule.put("valid", true);
  }
}
