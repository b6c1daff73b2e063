package io.flowascode.compiler.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.CanvasDefaults;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigType;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.ServerDefaults;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.config.BoundConfig;
import io.flowascode.compiler.config.ConfigTarget;
import io.flowascode.compiler.graph.Edge;
import io.flowascode.compiler.graph.OutputPort;
import io.flowascode.compiler.graph.StageNode;
import io.flowascode.compiler.naming.InstanceNamer;
import io.flowascode.compiler.naming.LaneNamer;
import io.flowascode.model.ConnectionKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Emits the platform's pipeline JSON (schemaVersion 6) for a compiled flow: every config of every
 * stage, unset ones at the value the UI gives them on the canvas ({@link CanvasDefaults}), lanes
 * and predicates, the error and statistics stages, and a layout.
 * `uuid` is null: the target's revision is filled in when the flow is applied.
 */
public final class PipelineEmitter {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The pipeline format version of the Data Collector the catalog was taken from. */
  public static final int PIPELINE_VERSION = 22;

  private final Catalog catalog;

  public PipelineEmitter(Catalog catalog) {
    this.catalog = catalog;
  }

  public ObjectNode emit(CompiledFlow flow) {
    Layout layout = new Layout(flow.graph());
    ObjectNode root = JSON.objectNode();
    root.put("schemaVersion", 6);
    root.put("version", PIPELINE_VERSION);
    root.put("pipelineId", flow.id());
    root.put("title", flow.title());
    root.put("description", flow.description());
    root.putNull("uuid");
    root.set("configuration", pipelineConfiguration(flow));
    root.set("uiInfo", flow.ui().deepCopy());
    root.set("fragments", JSON.arrayNode());
    ArrayNode stages = root.putArray("stages");
    for (StageNode node : flow.graph().stages()) {
      stages.add(stage(flow, node, layout.of(node)));
    }
    root.set("errorStage", special(flow.errorStage(), "_ErrorStage", "Error Records - ", layout.specialX(), Layout.Y0));
    ObjectNode metadata = root.putObject("metadata");
    ArrayNode labels = metadata.putArray("labels");
    flow.labels().forEach(labels::add);
    flow.metadata().properties().forEach(e -> {
      if (!e.getKey().equals("labels")) {
        metadata.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    root.set("statsAggregatorStage", flow.statsAggregator().<JsonNode>map(s -> special(s, "_StatsAggregatorStage",
        "Stats Aggregator - ", layout.specialX(), Layout.Y0 + Layout.DY)).orElseGet(() -> statsStage(flow, layout)));
    ArrayNode start = root.putArray("startEventStages");
    flow.startEvent().ifPresent(s -> start.add(special(s, "_StartEventStage", "Start Event - ", layout.specialX(), Layout.Y0 + 2 * Layout.DY)));
    ArrayNode stop = root.putArray("stopEventStages");
    flow.stopEvent().ifPresent(s -> stop.add(special(s, "_StopEventStage", "Stop Event - ", layout.specialX(), Layout.Y0 + 3 * Layout.DY)));
    root.set("testOriginStage", flow.testOrigin().<JsonNode>map(s -> special(s, "_TestOriginStage", "Test Origin - ",
        layout.specialX(), Layout.Y0 + 4 * Layout.DY)).orElseGet(JSON::nullNode));
    return root;
  }

  private ArrayNode pipelineConfiguration(CompiledFlow flow) {
    ArrayNode list = JSON.arrayNode();
    for (ConfigDefinition def : catalog.pipelineConfigs()) {
      JsonNode value = flow.settings().values().get(def.name());
      if (value == null) {
        value = switch (def.name()) {
          case "constants" -> constants(flow.parameters());
          case "badRecordsHandling" -> JSON.textNode(flow.errorStage().definition().reference());
          case "startEventStage" -> flow.startEvent().<JsonNode>map(s -> JSON.textNode(s.definition().reference())).orElse(null);
          case "stopEventStage" -> flow.stopEvent().<JsonNode>map(s -> JSON.textNode(s.definition().reference())).orElse(null);
          case "statsAggregatorStage" -> flow.statsAggregator().<JsonNode>map(s -> JSON.textNode(s.definition().reference())).orElse(null);
          case "testOriginStage" -> flow.testOrigin().<JsonNode>map(s -> JSON.textNode(s.definition().reference())).orElse(null);
          default -> null;
        };
      }
      JsonNode raw = flow.rawSettings().get(def.name());
      list.add(entry(def.name(), raw != null ? raw.deepCopy() : value != null ? value : ServerDefaults.of(def)));
    }
    flow.settings().unknown().forEach((name, value) -> list.add(entry(name, value)));
    // Settings the catalog does not define, as the flow holds them (`raw_settings`).
    java.util.Set<String> known = new java.util.HashSet<>();
    catalog.pipelineConfigs().forEach(c -> known.add(c.name()));
    flow.rawSettings().forEach((name, value) -> {
      if (!known.contains(name)) {
        list.add(entry(name, value.deepCopy()));
      }
    });
    return list;
  }

  private static ArrayNode constants(Map<String, JsonNode> parameters) {
    ArrayNode list = JSON.arrayNode();
    parameters.forEach((k, v) -> list.add(JSON.objectNode().put("key", k).put("value", v.asText())));
    return list;
  }

  private ObjectNode stage(CompiledFlow flow, StageNode node, Layout.Position position) {
    StageDefinition def = node.definition();
    ObjectNode stage = JSON.objectNode();
    stage.put("instanceName", node.instanceName());
    stage.put("library", def.library());
    stage.put("stageName", def.name());
    stage.put("stageVersion", def.version());
    ArrayNode configuration = stage.putArray("configuration");
    for (ConfigDefinition c : def.configs()) {
      JsonNode value;
      if (c.isPredicate()) {
        value = predicates(node);
      } else {
        value = node.config().values().get(new ConfigTarget(Optional.empty(), c).key());
        if (value == null && def.inferred()) {
          // An inferred definition's defaults are guesses from other pipelines: leave unset
          // configs to the platform, which fills them with the real defaults on save.
          continue;
        }
        if (value == null) {
          value = CanvasDefaults.of(c);
        }
        if (def.laneConfig().filter(l -> l.name().equals(c.name())).isPresent()) {
          value = withOutputLanes(value, c, node);
        }
      }
      configuration.add(entry(c.name(), value));
    }
    node.config().unknown().forEach((name, value) -> configuration.add(entry(name, value)));
    stage.set("services", services(def, node.config()));
    ObjectNode ui = stage.putObject("uiInfo");
    ui.put("label", node.uiLabel());
    ui.put("description", node.decl().description().map(d -> d.value()).orElse(""));
    ui.put("xPos", position.x());
    ui.put("yPos", position.y());
    ui.put("stageType", def.type().platformName());
    if (def.fixedOutputs() > 1 && !def.outputStreamLabels().isEmpty()) {
      ArrayNode labels = ui.putArray("outputStreamLabels");
      def.outputStreamLabels().forEach(labels::add);
    }
    // The rest of the UI state as the flow keeps it (display mode, preview source); the name and
    // description come from `title` and `description` alone.
    node.decl().ui().ifPresent(kept -> kept.properties().forEach(e -> {
      if (!e.getKey().equals("label") && !e.getKey().equals("description")) {
        ui.set(e.getKey(), e.getValue().deepCopy());
      }
    }));
    ArrayNode inputs = stage.putArray("inputLanes");
    for (Edge e : flow.graph().into(node)) {
      inputs.add(e.lane());
    }
    ArrayNode outputs = stage.putArray("outputLanes");
    for (OutputPort p : node.outputs()) {
      outputs.add(p.lane());
    }
    ArrayNode events = stage.putArray("eventLanes");
    if (flow.graph().outOf(node).stream().anyMatch(e -> e.kind() == ConnectionKind.EVENT)) {
      events.add(LaneNamer.eventLane(node.instanceName()));
    }
    return stage;
  }

  /** Each entry of a lane-driving list names the lane of the output it drives, in order. */
  private static JsonNode withOutputLanes(JsonNode entries, ConfigDefinition list, StageNode node) {
    ArrayNode copy;
    if (entries.isArray() && !entries.isEmpty()) {
      copy = entries.deepCopy();
    } else {
      // Unset: one entry of the bean's defaults per output, as the UI creates it.
      copy = JSON.arrayNode();
      for (int i = 0; i < node.outputs().size(); i++) {
        copy.add(list.model().map(CanvasDefaults::bean).orElseGet(JSON::objectNode));
      }
    }
    for (int i = 0; i < copy.size() && i < node.outputs().size(); i++) {
      if (copy.get(i).isObject()) {
        ((ObjectNode) copy.get(i)).put("outputLane", node.outputs().get(i).lane());
      }
    }
    return copy;
  }

  private static ArrayNode predicates(StageNode node) {
    ArrayNode list = JSON.arrayNode();
    for (OutputPort p : node.outputs()) {
      list.add(JSON.objectNode().put("outputLane", p.lane()).put("predicate", p.predicate().orElse("default")));
    }
    return list;
  }

  private ArrayNode services(StageDefinition def, BoundConfig bound) {
    ArrayNode services = JSON.arrayNode();
    for (ServiceUse use : def.services()) {
      ObjectNode service = JSON.objectNode();
      service.put("service", use.service());
      Optional<ServiceDefinition> sdef = catalog.service(use.service());
      service.put("serviceVersion", sdef.map(ServiceDefinition::version).orElse(1));
      ArrayNode configuration = service.putArray("configuration");
      if (sdef.isPresent()) {
        for (ConfigDefinition c : sdef.get().configs()) {
          JsonNode value = bound.values().get(new ConfigTarget(Optional.of(use.service()), c).key());
          if (value == null) {
            value = use.configuration().containsKey(c.name()) ? use.configuration().get(c.name()) : CanvasDefaults.of(c);
          }
          configuration.add(entry(c.name(), value));
        }
      } else {
        use.configuration().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> configuration.add(entry(e.getKey(), e.getValue())));
      }
      services.add(service);
    }
    return services;
  }

  private ObjectNode special(SpecialStage special, String suffix, String labelPrefix, int x, int y) {
    StageDefinition def = special.definition();
    ObjectNode stage = JSON.objectNode();
    stage.put("instanceName", special.instanceName(suffix));
    stage.put("library", def.library());
    stage.put("stageName", def.name());
    stage.put("stageVersion", def.version());
    ArrayNode configuration = stage.putArray("configuration");
    for (ConfigDefinition c : def.configs()) {
      JsonNode value = special.config().values().get(new ConfigTarget(Optional.empty(), c).key());
      configuration.add(entry(c.name(), value != null ? value : CanvasDefaults.of(c)));
    }
    stage.set("services", services(def, special.config()));
    ObjectNode ui = stage.putObject("uiInfo");
    ui.put("label", labelPrefix + def.label());
    ui.put("description", "");
    ui.put("xPos", x);
    ui.put("yPos", y);
    ui.put("stageType", def.type().platformName());
    stage.putArray("inputLanes");
    stage.putArray("outputLanes");
    stage.putArray("eventLanes");
    return stage;
  }

  private JsonNode statsStage(CompiledFlow flow, Layout layout) {
    JsonNode ref = flow.settings().values().get("statsAggregatorStage");
    if (ref == null) {
      ref = catalog.pipelineConfigs().stream().filter(c -> c.name().equals("statsAggregatorStage"))
          .findFirst().map(ConfigDefinition::defaultValue).orElse(null);
    }
    if (ref == null || !ref.isTextual()) {
      return JSON.nullNode();
    }
    String[] parts = ref.asText().split("::");
    if (parts.length != 3) {
      return JSON.nullNode();
    }
    Optional<StageDefinition> def = catalog.find(parts[0], parts[1], parts[2]);
    if (def.isEmpty()) {
      ObjectNode stage = JSON.objectNode();
      stage.put("instanceName", "statsAggregatorStageInstance");
      stage.put("library", parts[0]);
      stage.put("stageName", parts[1]);
      stage.put("stageVersion", parts[2]);
      stage.putArray("configuration");
      stage.putArray("services");
      stage.putObject("uiInfo").put("label", "Stats Aggregator").put("description", "")
          .put("xPos", layout.specialX()).put("yPos", Layout.Y0 + Layout.DY).put("stageType", "TARGET");
      stage.putArray("inputLanes");
      stage.putArray("outputLanes");
      stage.putArray("eventLanes");
      return stage;
    }
    return special(new SpecialStage(def.get(), BoundConfig.empty()), "_StatsAggregatorStage", "Stats Aggregator - ",
        layout.specialX(), Layout.Y0 + Layout.DY);
  }

  private static ObjectNode entry(String name, JsonNode value) {
    ObjectNode o = JSON.objectNode();
    o.put("name", name);
    o.set("value", value == null ? JSON.nullNode() : value);
    return o;
  }


}
