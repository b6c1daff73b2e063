package io.flowascode.engine.diff;

import io.flowascode.compiler.PlatformNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.compiler.catalog.PlatformDefinitionsReader;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;
import io.flowascode.compiler.catalog.ConfigType;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.catalog.StageType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Catalogs and pipelines for the diff and plan tests: a small hand-made catalog with the stages the
 * examples use (always available), and the platform's published definitions from the shared
 * folder read with a few lines of Jackson (the real loader lives elsewhere; this one reads only
 * what the diff needs: names, labels, types, defaults, services).
 */
public final class TestCatalogs {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  public static final String BASIC = "streamsets-datacollector-basic-lib";
  public static final String DEV = "streamsets-datacollector-dev-lib";
  public static final String RAW_DATA = "com_streamsets_pipeline_stage_devtest_rawdata_RawDataDSource";
  public static final String SELECTOR = "com_streamsets_pipeline_stage_processor_selector_SelectorDProcessor";
  public static final String TRASH = "com_streamsets_pipeline_stage_destination_devnull_NullDTarget";
  public static final String FINISHER = "com_streamsets_pipeline_stage_executor_finishpipeline_PipelineFinisherDExecutor";
  public static final String DISCARD = PlatformNames.DISCARD_STAGE;
  public static final String WRITE_TO_FILE = "com_streamsets_pipeline_stage_destination_recordstolocalfilesystem_ToErrorLocalFSDTarget";
  public static final String STATS_NULL = "com_streamsets_pipeline_stage_destination_devnull_StatsNullDTarget";
  public static final String STATS_DPM = "com_streamsets_pipeline_stage_destination_devnull_StatsDpmDirectlyDTarget";
  public static final String SFTP = "com_streamsets_pipeline_stage_destination_remote_RemoteUploadDTarget";
  public static final String DEDUP = "com_streamsets_pipeline_stage_processor_dedup_DeDupDProcessor";
  public static final String PARSER_SERVICE = "com.streamsets.pipeline.api.service.dataformats.DataFormatParserService";

  private static Optional<Catalog> platform;

  private TestCatalogs() {}

  /** The shared platform folder, when the build runs beside it. */
  public static Optional<Path> sharedDir() {
    String dir = System.getProperty("flow.shared.dir");
    if (dir == null) {
      return Optional.empty();
    }
    Path p = Path.of(dir);
    return Files.isDirectory(p) ? Optional.of(p.normalize()) : Optional.empty();
  }

  public static Optional<Path> shared(String relative) {
    return sharedDir().map(d -> d.resolve(relative)).filter(Files::exists);
  }

  /** The published basic and dev library definitions, or empty when the shared folder is absent. */
  public static synchronized Optional<Catalog> platform() {
    if (platform == null) {
      platform = shared("platform/definitions/sdc-basic-dev-definitions.json")
          .map(TestCatalogs::readJson)
          .map(TestCatalogs::fromDefinitions);
    }
    return platform;
  }

  public static JsonNode readJson(Path path) {
    try {
      return JSON.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON test resource beside the calling test's package. */
  public static JsonNode resource(Class<?> near, String name) {
    try (InputStream in = near.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name + " near " + near.getName());
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- the platform's definitions --------------------------------------------------------

  static Catalog fromDefinitions(JsonNode root) {
    try {
      return PlatformDefinitionsReader.read(root);
    } catch (DefinitionsException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  // ---- a small hand-made catalog -----------------------------------------------------------

  /** The stages of the hand-made examples, with the platform's names, labels and defaults. */
  public static Catalog mini() {
    ConfigDefinition onError = config("stageOnRecordError", "On Record Error", ConfigType.MODEL, NODES.textNode("TO_ERROR"));
    ConfigDefinition required = config("stageRequiredFields", "Required Fields", ConfigType.MODEL, null);
    ConfigDefinition preconditions = config("stageRecordPreconditions", "Preconditions", ConfigType.LIST, NODES.arrayNode());
    List<StageDefinition> stages = List.of(
        stage(DEV, RAW_DATA, "3", "Dev Raw Data Source", StageType.ORIGIN, 1, true,
            List.of(
                config("rawData", "Raw Data", ConfigType.TEXT, NODES.textNode("{\n  \"f1\": \"abc\"\n}")),
                config("stopAfterFirstBatch", "Stop After First Batch", ConfigType.BOOLEAN, NODES.booleanNode(false)),
                config("eventData", "Event Data", ConfigType.TEXT, null),
                onError),
            List.of(new ServiceUse(PARSER_SERVICE, Map.of("dataFormat", NODES.textNode("JSON"))))),
        selector(onError, required, preconditions),
        stage(BASIC, TRASH, "1", "Trash", StageType.DESTINATION, 0, false, List.of(), List.of()),
        stage(BASIC, FINISHER, "1", "Pipeline Finisher Executor", StageType.EXECUTOR, 0, false,
            List.of(config("config.resetOffset", "Reset Origin", ConfigType.BOOLEAN, NODES.booleanNode(false)),
                onError, required, preconditions),
            List.of()),
        stage(BASIC, DEDUP, "1", "Record Deduplicator", StageType.PROCESSOR, 2, false,
            List.of(config("recordCountWindow", "Max Records to Compare", ConfigType.NUMBER, NODES.numberNode(1000000)),
                onError, required, preconditions),
            List.of()),
        stage(BASIC, SFTP, "3", "SFTP/FTP/FTPS Client", StageType.DESTINATION, 0, true,
            List.of(
                config("conf.remoteConfig.remoteAddress", "Resource URL", ConfigType.STRING, null),
                config("conf.remoteConfig.connection.credentials.username", "Username", ConfigType.CREDENTIAL, null),
                config("conf.remoteConfig.connection.credentials.password", "Password", ConfigType.CREDENTIAL, null),
                onError),
            List.of()),
        stage(BASIC, DISCARD, "1", "Discard", StageType.DESTINATION, 0, false, List.of(), List.of()),
        stage(BASIC, WRITE_TO_FILE, "1", "Write to File", StageType.DESTINATION, 0, false,
            List.of(
                config("directory", "Directory", ConfigType.STRING, null),
                config("uniquePrefix", "Files Prefix", ConfigType.STRING, NODES.textNode("sdc-${sdc:id()}")),
                config("maxFileSizeMbs", "Max File Size (MB)", ConfigType.NUMBER, NODES.numberNode(512))),
            List.of()),
        stage(BASIC, STATS_NULL, "1", "Discard", StageType.DESTINATION, 0, false, List.of(), List.of()),
        stage(BASIC, STATS_DPM, "1", "Write Directly to Control Hub", StageType.DESTINATION, 0, false, List.of(), List.of()));
    List<ServiceDefinition> services = List.of(new ServiceDefinition(PARSER_SERVICE, 3, "DataFormat Parser", List.of(
        config("dataFormat", "Data Format", ConfigType.MODEL, null),
        config("dataFormatConfig.charset", "Charset", ConfigType.MODEL, NODES.textNode("UTF-8")))));
    List<ConfigDefinition> pipeline = List.of(
        config("executionMode", "Execution Mode", ConfigType.MODEL, NODES.textNode("STANDALONE")),
        config("deliveryGuarantee", "Delivery Guarantee", ConfigType.MODEL, NODES.textNode("AT_LEAST_ONCE")),
        config("testOriginStage", "Test Origin", ConfigType.MODEL, NODES.textNode(DEV + "::" + RAW_DATA + "::3")),
        config("startEventStage", "Start Event", ConfigType.MODEL, NODES.textNode(BASIC + "::" + DISCARD + "::1")),
        config("stopEventStage", "Stop Event", ConfigType.MODEL, NODES.textNode(BASIC + "::" + DISCARD + "::1")),
        config("shouldRetry", "Retry Pipeline on Error", ConfigType.BOOLEAN, NODES.booleanNode(true)),
        config("retryAttempts", "Retry Attempts", ConfigType.NUMBER, NODES.numberNode(-1)),
        config("constants", "Parameters", ConfigType.MAP, NODES.arrayNode()),
        config("badRecordsHandling", "Error Records", ConfigType.MODEL, NODES.textNode(BASIC + "::" + DISCARD + "::1")),
        config("errorRecordPolicy", "Error Record Policy", ConfigType.MODEL, NODES.textNode("ORIGINAL_RECORD")),
        config("statsAggregatorStage", "Statistics Aggregator", ConfigType.MODEL, NODES.textNode(BASIC + "::" + STATS_DPM + "::1")),
        config("rateLimit", "Rate Limit (records / sec)", ConfigType.NUMBER, NODES.numberNode(0)),
        config("databricksConfig.token", "Token", ConfigType.CREDENTIAL, null));
    return new Catalog(stages, services, pipeline);
  }

  private static StageDefinition selector(ConfigDefinition... systemConfigs) {
    ConfigDefinition predicates = ConfigDefinition.builder("lanePredicates", ConfigType.MODEL).label("Condition")
        .defaultValue(NODES.objectNode()).required(true).group("CONDITIONS").displayPosition(10)
        .model(new ConfigModel("PREDICATE", List.of(), List.of(), List.of())).build();
    List<ConfigDefinition> configs = new ArrayList<>();
    configs.add(predicates);
    configs.addAll(List.of(systemConfigs));
    return StageDefinition.builder(BASIC, SELECTOR, "1", StageType.PROCESSOR).libraryLabel("Basic")
        .label("Stream Selector").configs(configs).variableOutputStreams(true)
        .outputStreamsDrivenByConfig("lanePredicates").executionModes(List.of("STANDALONE")).build();
  }

  private static StageDefinition stage(String library, String name, String version, String label, StageType type,
      int outputs, boolean events, List<ConfigDefinition> configs, List<ServiceUse> services) {
    return StageDefinition.builder(library, name, version, type).label(label).configs(configs).services(services)
        .producesEvents(events).outputStreams(outputs).errorStage(name.contains("ToError"))
        .statsAggregatorStage(name.contains("Stats")).executionModes(List.of("STANDALONE")).build();
  }

  private static ConfigDefinition config(String name, String label, ConfigType type, JsonNode dflt) {
    return ConfigDefinition.builder(name, type).label(label).defaultValue(dflt).build();
  }
}
