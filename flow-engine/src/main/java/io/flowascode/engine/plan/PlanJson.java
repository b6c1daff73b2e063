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
import io.flowascode.compiler.naming.StageNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of plans shared by the renderer and the plan file: the same field names, the same
 * order, `\n` line ends on every platform, and numbers kept exactly as written (no float
 * rounding, no trailing zeros stripped) so a desired pipeline survives a save and load unchanged.
 */
final class PlanJson {
  /** 2: counts of flows, stages and connections; the file's names for stages and outputs. */
  static final int FORMAT_VERSION = 2;

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

  /** The plan's counts: flows by action, stages, connections. */
  ObjectNode summary(PlanCounts c) {
    ObjectNode s = mapper.createObjectNode();
    s.putObject("flows").put("create", c.create()).put("update", c.update()).put("delete", c.delete())
        .put("unchanged", c.unchanged());
    flowSummary(s, c);
    return s;
  }

  /** One flow's counts: stages and connections (its action says the rest). */
  ObjectNode flowSummary(ObjectNode s, PlanCounts c) {
    s.putObject("stages").put("add", c.stagesAdded()).put("change", c.stagesChanged()).put("remove", c.stagesRemoved());
    s.putObject("connections").put("add", c.connectionsAdded()).put("remove", c.connectionsRemoved());
    return s;
  }

  private ObjectNode names(StageNames names) {
    ObjectNode n = mapper.createObjectNode();
    ObjectNode stages = n.putObject("stages");
    names.ids().forEach(stages::put);
    ObjectNode predicates = n.putObject("predicates");
    names.predicates().forEach((instance, list) -> {
      ArrayNode a = predicates.putArray(instance);
      list.forEach(a::add);
    });
    return n;
  }

  private static StageNames namesFromJson(JsonNode n) {
    Map<String, String> ids = new TreeMap<>();
    n.path("stages").properties().forEach(e -> ids.put(e.getKey(), e.getValue().asText()));
    Map<String, List<String>> predicates = new TreeMap<>();
    n.path("predicates").properties().forEach(e -> {
      List<String> list = new ArrayList<>();
      e.getValue().forEach(v -> list.add(v.asText()));
      predicates.put(e.getKey(), list);
    });
    return new StageNames(ids, predicates);
  }

  /** A flow without its desired pipeline (for rendering) or with it (for the plan file). */
  ObjectNode flow(FlowPlan flow, boolean withPipeline) {
    ObjectNode f = mapper.createObjectNode();
    f.put("flowId", flow.flowId());
    f.put("action", flow.action().name());
    f.put("title", flow.title());
    f.put("remoteRevision", flow.remoteRevision());
    f.set("summary", flowSummary(mapper.createObjectNode(), flow.review().counts()));
    f.set("names", names(flow.names()));
    if (withPipeline) {
      f.set("desiredPipeline", flow.desiredPipeline());
    }
    ArrayNode list = f.putArray("changes");
    changes.toJson(flow.diff(), PlanNames.of(flow)).forEach(list::add);
    return f;
  }

  FlowPlan flowFromJson(JsonNode f) throws JsonProcessingException {
    JsonNode desired = f.get("desiredPipeline");
    return new FlowPlan(
        f.path("flowId").asText(),
        FlowAction.valueOf(f.path("action").asText()),
        f.path("remoteRevision").isTextual() ? f.get("remoteRevision").asText() : null,
        desired == null || desired.isNull() ? null : desired,
        changes.diffFromJson(f.path("changes")),
        namesFromJson(f.path("names")));
  }

  ObjectNode plan(Plan plan, boolean withPipelines) {
    ObjectNode root = mapper.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.set("summary", summary(plan.counts()));
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
