package io.flowascode.compiler.verify;

import io.flowascode.compiler.PlatformNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.CanvasDefaults;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import java.util.List;

/**
 * Builds small pipeline JSON by hand from real stage definitions: a valid pipeline to start from,
 * which each test then breaks in exactly one way.
 */
final class TestPipeline {
  private static final String BASIC = "streamsets-datacollector-basic-lib";
  private static final String DEV = "streamsets-datacollector-dev-lib";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A definition by library, stage name and version, as pipeline JSON names it. */
  record Ref(String library, String name, String version) {
    String reference() {
      return library + "::" + name + "::" + version;
    }
  }

  static final Ref DEV_RAW_DATA = new Ref(DEV, "com_streamsets_pipeline_stage_devtest_rawdata_RawDataDSource", "3");
  static final Ref DATA_GENERATOR = new Ref(DEV, "com_streamsets_pipeline_stage_devtest_RandomDataGeneratorSource", "5");
  static final Ref TRASH = new Ref(BASIC, "com_streamsets_pipeline_stage_destination_devnull_NullDTarget", "1");
  static final Ref DISCARD = new Ref(BASIC, PlatformNames.DISCARD_STAGE, "1");
  static final Ref STATS_DISCARD = new Ref(BASIC, "com_streamsets_pipeline_stage_destination_devnull_StatsNullDTarget", "1");
  static final Ref STATS_DPM = new Ref(BASIC, "com_streamsets_pipeline_stage_destination_devnull_StatsDpmDirectlyDTarget", "1");
  static final Ref SELECTOR = new Ref(BASIC, "com_streamsets_pipeline_stage_processor_selector_SelectorDProcessor", "1");
  static final Ref EXPRESSION = new Ref(BASIC, "com_streamsets_pipeline_stage_processor_expression_ExpressionDProcessor", "2");
  static final Ref DEDUPLICATOR = new Ref(BASIC, "com_streamsets_pipeline_stage_processor_dedup_DeDupDProcessor", "1");
  static final Ref HTTP_ROUTER = new Ref(BASIC, "com_streamsets_pipeline_stage_processor_httprouter_HttpRouterDProcessor", "1");
  static final Ref FINISHER = new Ref(BASIC, "com_streamsets_pipeline_stage_executor_finishpipeline_PipelineFinisherDExecutor", "1");
  static final Ref SHELL = new Ref(BASIC, "com_streamsets_pipeline_stage_executor_shell_ShellDExecutor", "1");

  /** The lane from the origin to Trash in {@link #sourceToTrash()}. */
  static final String SOURCE_LANE = "Source_01OutputLane1";

  private final Catalog catalog;
  private final ObjectNode root = NODES.objectNode();

  private TestPipeline(Catalog catalog) {
    this.catalog = catalog;
    root.put("schemaVersion", 6);
    root.put("version", 22);
    root.put("pipelineId", "test");
    root.put("title", "Test");
    root.putArray("configuration");
    root.putArray("stages");
    root.set("errorStage", special(DISCARD, "Discard_ErrorStage"));
    root.set("statsAggregatorStage", special(STATS_DISCARD, "Discard_StatsAggregatorStage"));
    root.putArray("startEventStages");
    root.putArray("stopEventStages");
    root.putNull("testOriginStage");
    config("badRecordsHandling", DISCARD.reference());
    config("statsAggregatorStage", STATS_DISCARD.reference());
  }

  /** A pipeline with its error and statistics stages but nothing on the canvas. */
  static TestPipeline empty() {
    return new TestPipeline(SharedFiles.basicDevCatalog());
  }

  /** Dev Raw Data Source writing one lane that Trash reads: the smallest valid pipeline. */
  static TestPipeline sourceToTrash() {
    return empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes(SOURCE_LANE))
        .stage(TRASH, "Trash_01", lanes(SOURCE_LANE), lanes());
  }

  static List<String> lanes(String... names) {
    return List.of(names);
  }

  /** Adds a canvas stage with the services its definition uses. */
  TestPipeline stage(Ref ref, String name, List<String> inputs, List<String> outputs) {
    return stage(ref, name, inputs, outputs, lanes());
  }

  TestPipeline stage(Ref ref, String name, List<String> inputs, List<String> outputs, List<String> events) {
    ObjectNode stage = stageNode(ref, name);
    strings(stage.putArray("inputLanes"), inputs);
    strings(stage.putArray("outputLanes"), outputs);
    strings(stage.putArray("eventLanes"), events);
    ((ArrayNode) root.get("stages")).add(stage);
    return this;
  }

  /** A Stream Selector reading one lane, with one predicate per output lane; `default` goes last. */
  TestPipeline selector(String name, String input, List<String> outputs, List<String> predicates) {
    stage(SELECTOR, name, lanes(input), outputs);
    ArrayNode list = NODES.arrayNode();
    for (int i = 0; i < predicates.size(); i++) {
      ObjectNode p = list.addObject();
      p.put("outputLane", i < outputs.size() ? outputs.get(i) : name + "OutputLaneMissing" + i);
      p.put("predicate", predicates.get(i));
    }
    return stageConfig(name, "lanePredicates", list);
  }

  /** Sets (or adds) a config of a canvas stage. */
  TestPipeline stageConfig(String instanceName, String config, JsonNode value) {
    ArrayNode configuration = (ArrayNode) stageJson(instanceName).get("configuration");
    for (JsonNode c : configuration) {
      if (c.path("name").asText().equals(config)) {
        ((ObjectNode) c).set("value", value);
        return this;
      }
    }
    ObjectNode c = configuration.addObject();
    c.put("name", config);
    c.set("value", value);
    return this;
  }

  /** Sets a pipeline-level config. */
  TestPipeline config(String name, String value) {
    ArrayNode configuration = (ArrayNode) root.get("configuration");
    for (JsonNode c : configuration) {
      if (c.path("name").asText().equals(name)) {
        ((ObjectNode) c).put("value", value);
        return this;
      }
    }
    ObjectNode c = configuration.addObject();
    c.put("name", name);
    c.put("value", value);
    return this;
  }

  /** Puts a stage in a special slot (errorStage, statsAggregatorStage, testOriginStage). */
  TestPipeline special(String field, Ref ref, String name) {
    root.set(field, special(ref, name));
    return this;
  }

  /** Adds a stage to startEventStages or stopEventStages. */
  TestPipeline lifecycle(String field, Ref ref, String name) {
    ((ArrayNode) root.get(field)).add(special(ref, name));
    return this;
  }

  /** The JSON of a canvas stage, to break by hand. */
  ObjectNode stageJson(String instanceName) {
    for (JsonNode s : root.get("stages")) {
      if (s.path("instanceName").asText().equals(instanceName)) {
        return (ObjectNode) s;
      }
    }
    throw new IllegalArgumentException("no stage " + instanceName);
  }

  ObjectNode json() {
    return root;
  }

  List<PipelineIssue> verify() {
    return PipelineVerifier.verify(root, catalog);
  }

  /** The issues that make the pipeline invalid. */
  List<PipelineIssue> fatal() {
    return verify().stream().filter(PipelineIssue::fatal).toList();
  }

  /** The platform codes of the fatal issues, {@value #NO_CODE} for those without one. */
  List<String> fatalCodes() {
    return fatal().stream().map(i -> i.platformCode() == null ? NO_CODE : i.platformCode()).toList();
  }

  static final String NO_CODE = "(no code)";

  private ObjectNode special(Ref ref, String name) {
    ObjectNode stage = stageNode(ref, name);
    stage.putArray("inputLanes");
    stage.putArray("outputLanes");
    stage.putArray("eventLanes");
    return stage;
  }

  private ObjectNode stageNode(Ref ref, String name) {
    ObjectNode stage = NODES.objectNode();
    stage.put("instanceName", name);
    stage.put("library", ref.library());
    stage.put("stageName", ref.name());
    stage.put("stageVersion", ref.version());
    // Every config at the value the UI gives it, as a stage dragged onto the canvas has them.
    ArrayNode configuration = stage.putArray("configuration");
    catalog.find(ref.library(), ref.name(), ref.version()).map(StageDefinition::configs).orElse(List.of())
        .forEach(c -> configuration.addObject().put("name", c.name()).set("value", CanvasDefaults.of(c)));
    ArrayNode services = stage.putArray("services");
    catalog.find(ref.library(), ref.name(), ref.version()).map(StageDefinition::services).orElse(List.of())
        .forEach(use -> services.add(service(use)));
    stage.putObject("uiInfo").put("label", name);
    return stage;
  }

  private ObjectNode service(ServiceUse use) {
    ObjectNode service = NODES.objectNode();
    service.put("service", use.service());
    service.put("serviceVersion", catalog.service(use.service()).map(ServiceDefinition::version).orElse(1));
    ArrayNode configuration = service.putArray("configuration");
    catalog.service(use.service()).map(ServiceDefinition::configs).orElse(List.of()).forEach(c ->
        configuration.addObject().put("name", c.name())
            .set("value", use.configuration().containsKey(c.name()) ? use.configuration().get(c.name()) : CanvasDefaults.of(c)));
    return service;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
