package io.flowascode.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of plans shared by the renderer and the plan file: the same field names, the same
 * order, `\n` line ends on every platform, and numbers kept exactly as written (no float
 * rounding, no trailing zeros stripped) so a desired pipeline survives a save and load unchanged.
 */
final class PlanJson {
  static final int FORMAT_VERSION = 1;

  final ObjectMapper mapper;
  final ObjectWriter pretty;
  final ChangeJson changes;

  PlanJson() {
    mapper = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator(""))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    pretty = mapper.writer(printer);
    changes = new ChangeJson(mapper);
  }

  ObjectNode summary(int add, int change, int delete) {
    ObjectNode s = mapper.createObjectNode();
    s.put("add", add).put("change", change).put("delete", delete);
    return s;
  }

  /** A flow without its desired pipeline (for rendering) or with it (for the plan file). */
  ObjectNode flow(FlowPlan flow, boolean withPipeline) {
    ObjectNode f = mapper.createObjectNode();
    f.put("flowId", flow.flowId());
    f.put("action", flow.action().name());
    f.put("remoteRevision", flow.remoteRevision());
    f.set("summary", summary(flow.diff().toAdd(), flow.diff().toChange(), flow.diff().toDelete()));
    if (withPipeline) {
      f.set("desiredPipeline", flow.desiredPipeline());
    }
    ArrayNode list = f.putArray("changes");
    changes.toJson(flow.diff()).forEach(list::add);
    return f;
  }

  FlowPlan flowFromJson(JsonNode f) throws JsonProcessingException {
    JsonNode desired = f.get("desiredPipeline");
    return new FlowPlan(
        f.path("flowId").asText(),
        FlowAction.valueOf(f.path("action").asText()),
        f.path("remoteRevision").isTextual() ? f.get("remoteRevision").asText() : null,
        desired == null || desired.isNull() ? null : desired,
        changes.diffFromJson(f.path("changes")));
  }

  ObjectNode plan(Plan plan, boolean withPipelines) {
    ObjectNode root = mapper.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.set("summary", summary(plan.toAdd(), plan.toChange(), plan.toDelete()));
    ArrayNode flows = root.putArray("flows");
    plan.flows().forEach(f -> flows.add(flow(f, withPipelines)));
    if (plan.incomplete()) {
      ArrayNode unread = root.putArray("unread");
      plan.unread().forEach(unread::add);
    }
    return root;
  }

  Plan planFromJson(JsonNode root) throws JsonProcessingException {
    List<FlowPlan> flows = new ArrayList<>();
    for (JsonNode f : root.path("flows")) {
      flows.add(flowFromJson(f));
    }
    return new Plan(flows);
  }

  String write(JsonNode node) {
    try {
      return pretty.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan could not be written as JSON", e);
    }
  }
}
