package io.flowascode.compiler.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformDefinitionsReaderTest {
  private static final String PARSER_SERVICE = "com.streamsets.pipeline.api.service.dataformats.DataFormatParserService";

  private static Catalog realCatalog() throws Exception {
    return PlatformDefinitionsReader.read(tree(SharedFiles.realDefinitions()));
  }

  private static JsonNode tree(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return JsonDocuments.parse(in);
    }
  }

  private static StageDefinition stage(Catalog catalog, String label) {
    assertThat(catalog.byLabel(label)).as("stages labelled %s", label).isNotEmpty();
    return catalog.byLabel(label).get(0);
  }

  @Test
  void readsEveryStageServiceAndPipelineConfigOfARealDataCollector() throws Exception {
    Catalog catalog = realCatalog();

    assertThat(catalog.stages()).hasSize(93);
    assertThat(catalog.stages()).allMatch(s -> !s.inferred());
    assertThat(catalog.stages()).extracting(StageDefinition::library)
        .containsOnly("streamsets-datacollector-basic-lib", "streamsets-datacollector-dev-lib");
    assertThat(catalog.services()).extracting(ServiceDefinition::provides).contains(PARSER_SERVICE);
    assertThat(catalog.service(PARSER_SERVICE).orElseThrow().version()).isEqualTo(3);
    assertThat(catalog.pipelineConfigs()).hasSize(140);
  }

  @Test
  void streamSelectorHasPredicatesAndVariableOutputs() throws Exception {
    StageDefinition selector = stage(realCatalog(), "Stream Selector");

    assertThat(selector.type()).isEqualTo(StageType.PROCESSOR);
    assertThat(selector.variableOutputStreams()).isTrue();
    assertThat(selector.outputStreamsDrivenByConfig()).isEqualTo("lanePredicates");
    assertThat(selector.hasPredicates()).isTrue();
    ConfigDefinition predicates = selector.config("lanePredicates").orElseThrow();
    assertThat(predicates.isPredicate()).isTrue();
    assertThat(predicates.model().orElseThrow().modelType()).isEqualTo("PREDICATE");
    assertThat(predicates.required()).isTrue();
  }

  @Test
  void devRawDataSourceUsesTheParserServiceAndNamesItsConfigsLikeTheSdk() throws Exception {
    StageDefinition raw = stage(realCatalog(), "Dev Raw Data Source");

    assertThat(raw.type()).isEqualTo(StageType.ORIGIN);
    assertThat(raw.version()).isEqualTo("3");
    assertThat(raw.producesEvents()).isTrue();
    assertThat(raw.fixedOutputs()).isEqualTo(1);
    assertThat(raw.services()).extracting(ServiceUse::service).containsExactly(PARSER_SERVICE);
    assertThat(raw.services().get(0).configuration().get("dataFormat").asText()).isEqualTo("JSON");
    ConfigDefinition stop = raw.config("stopAfterFirstBatch").orElseThrow();
    assertThat(stop.attributeName()).isEqualTo("stop_after_first_batch");
    assertThat(stop.type()).isEqualTo(ConfigType.BOOLEAN);
    assertThat(stop.defaultValue().isBoolean()).isTrue();
    assertThat(stop.defaultValue().asBoolean()).isFalse();
  }

  @Test
  void keepsBoundsButDropsTheNoBoundSentinels() throws Exception {
    StageDefinition generator = stage(realCatalog(), "Dev Data Generator");

    ConfigDefinition batchSize = generator.config("batchSize").orElseThrow();
    assertThat(batchSize.min()).contains(1L);
    assertThat(batchSize.max()).contains((long) Integer.MAX_VALUE);
    ConfigDefinition eventName = generator.config("eventName").orElseThrow();
    assertThat(eventName.min()).isEmpty();
    assertThat(eventName.max()).isEmpty();
  }

  @Test
  void readsDefaultsAsGivenWithNullAsNullNode() throws Exception {
    Catalog catalog = realCatalog();

    ConfigDefinition eventData = stage(catalog, "Dev Raw Data Source").config("eventData").orElseThrow();
    assertThat(eventData.defaultValue()).isEqualTo(NullNode.getInstance());
    ConfigDefinition delay = stage(catalog, "Dev Data Generator").config("delay").orElseThrow();
    assertThat(delay.defaultValue().isInt()).isTrue();
    assertThat(delay.defaultValue().asInt()).isEqualTo(1000);
    ConfigDefinition preconditions = stage(catalog, "Stream Selector").config("stageRecordPreconditions").orElseThrow();
    assertThat(preconditions.defaultValue().isArray()).isTrue();
  }

  @Test
  void readsDependenciesChoicesAndListBeans() throws Exception {
    Catalog catalog = realCatalog();

    StageDefinition remover = stage(catalog, "Field Remover");
    ConfigDefinition constant = remover.config("constant").orElseThrow();
    assertThat(constant.dependsOn()).containsOnlyKeys("filterOperation");
    assertThat(constant.dependsOn().get("filterOperation")).extracting(JsonNode::asText).containsExactly("REMOVE_CONSTANT");
    ConfigModel operation = remover.config("filterOperation").orElseThrow().model().orElseThrow();
    assertThat(operation.isValueChooser()).isTrue();
    assertThat(operation.values()).contains("REMOVE", "KEEP", "REMOVE_CONSTANT");
    assertThat(operation.labels()).hasSameSizeAs(operation.values());

    ConfigModel expressions = stage(catalog, "Expression Evaluator")
        .config("expressionProcessorConfigs").orElseThrow().model().orElseThrow();
    assertThat(expressions.isListBean()).isTrue();
    assertThat(expressions.beanConfigs()).extracting(ConfigDefinition::name).contains("fieldToSet", "expression");
  }

  @Test
  void readsPipelineConfigsWithTheirSdkAttributeNames() throws Exception {
    List<ConfigDefinition> pipeline = realCatalog().pipelineConfigs();

    ConfigDefinition retry = pipeline.stream().filter(c -> c.name().equals("shouldRetry")).findFirst().orElseThrow();
    assertThat(retry.attributeName()).isEqualTo("retry_pipeline_on_error");
    ConfigDefinition mode = pipeline.stream().filter(c -> c.name().equals("executionMode")).findFirst().orElseThrow();
    assertThat(mode.defaultValue().asText()).isEqualTo("STANDALONE");
  }

  @Test
  void readsTheCompressedSchemaVersion2FormLikeTheFullForm() throws Exception {
    JsonNode full = tree(SharedFiles.realDefinitions());
    ObjectNode compressed = full.deepCopy();
    ObjectNode map = compressed.putObject("stageDefinitionMap");
    ArrayNode minimal = compressed.putArray("stageDefinitionMinimalList");
    for (JsonNode stage : full.get("stages")) {
      ObjectNode definition = stage.deepCopy();
      definition.remove(List.of("library", "libraryLabel"));
      map.set(stage.get("name").asText() + "::" + stage.get("version").asText(), definition);
      minimal.addObject()
          .put("name", stage.get("name").asText())
          .put("version", stage.get("version").asText())
          .put("library", stage.get("library").asText())
          .put("libraryLabel", stage.get("libraryLabel").asText());
    }
    compressed.putArray("stages");

    Catalog fromCompressed = PlatformDefinitionsReader.read(compressed);

    assertThat(fromCompressed.stages()).hasSize(93);
    assertThat(CatalogFormat.write(fromCompressed)).isEqualTo(CatalogFormat.write(realCatalog()));
  }

  @Test
  void compressedEntryWithoutItsDefinitionIsReportedPlainly() throws Exception {
    ObjectNode root = JsonDocuments.mapper().createObjectNode();
    root.putArray("stages");
    root.putObject("stageDefinitionMap");
    root.putArray("stageDefinitionMinimalList").addObject()
        .put("name", "com_example_Stage").put("version", "2").put("library", "example-lib");

    assertThatThrownBy(() -> PlatformDefinitionsReader.read(root))
        .isInstanceOf(DefinitionsException.class)
        .hasMessage("stageDefinitionMinimalList[0] names com_example_Stage::2, which stageDefinitionMap does not hold");
  }

  @Test
  void readsTheLibraryDefinitionsOfEveryCorpusExportThatHasThem() throws Exception {
    int envelopes = 0;
    try (var files = Files.list(SharedFiles.corpus())) {
      for (Path file : files.sorted().toList()) {
        JsonNode root = tree(file);
        JsonNode library = root.get("libraryDefinitions");
        if (library == null || library.isNull()) {
          continue;
        }
        envelopes++;
        Catalog catalog = PlatformDefinitionsReader.readEnvelope(root);
        assertThat(catalog.stages()).as(file.getFileName().toString()).hasSize(library.get("stages").size());
        assertThat(catalog.pipelineConfigs()).as(file.getFileName().toString()).isNotEmpty();
      }
    }
    assertThat(envelopes).isEqualTo(25);
  }

  @Test
  void anExportWithoutLibraryDefinitionsSaysHowToGetThem() throws Exception {
    JsonNode envelope = tree(SharedFiles.require().resolve("platform/examples/sdc-sample-ParseWebLogs-export-envelope.json"));

    assertThatThrownBy(() -> PlatformDefinitionsReader.readEnvelope(envelope))
        .isInstanceOf(DefinitionsException.class)
        .hasMessageContaining("no libraryDefinitions");
  }

  @Test
  void missingOptionalFieldsTakeThePlatformDefaults() throws Exception {
    JsonNode root = JsonDocuments.mapper().readTree("""
        {"stages": [{"name": "com_example_Minimal", "library": "example-lib", "type": "TARGET",
                     "configDefinitions": [{"name": "conf.path"}]}]}
        """);

    StageDefinition stage = PlatformDefinitionsReader.read(root).stages().get(0);

    assertThat(stage.type()).isEqualTo(StageType.DESTINATION);
    assertThat(stage.version()).isEmpty();
    assertThat(stage.label()).isEmpty();
    assertThat(stage.services()).isEmpty();
    assertThat(stage.hideStage()).isEmpty();
    ConfigDefinition config = stage.configs().get(0);
    assertThat(config.type()).isEqualTo(ConfigType.STRING);
    assertThat(config.defaultValue()).isEqualTo(NullNode.getInstance());
    assertThat(config.model()).isEmpty();
    assertThat(config.attributeName()).isEqualTo("path");
  }

  @Test
  void olderDefinitionsWithOnlyDependsOnAndTriggeredByValuesStillGiveDependencies() throws Exception {
    JsonNode root = JsonDocuments.mapper().readTree("""
        {"stages": [{"name": "com_example_Old", "library": "example-lib", "type": "SOURCE",
                     "configDefinitions": [{"name": "b", "dependsOn": "a", "triggeredByValues": ["X", "Y"]}]}]}
        """);

    ConfigDefinition b = PlatformDefinitionsReader.read(root).stages().get(0).configs().get(0);

    assertThat(b.dependsOn()).containsOnlyKeys("a");
    assertThat(b.dependsOn().get("a")).extracting(JsonNode::asText).containsExactly("X", "Y");
  }

  @Test
  void malformedDefinitionsAreReportedWithPlainMessages() throws Exception {
    assertThatThrownBy(() -> PlatformDefinitionsReader.read(JsonDocuments.mapper().readTree("{\"stages\": {}}")))
        .isInstanceOf(DefinitionsException.class).hasMessage("stages is not a JSON array");
    assertThatThrownBy(() -> PlatformDefinitionsReader.read(JsonDocuments.mapper().readTree(
        "{\"stages\": [{\"library\": \"x\", \"type\": \"SOURCE\"}]}")))
        .isInstanceOf(DefinitionsException.class).hasMessage("stages[0] has no name");
    assertThatThrownBy(() -> PlatformDefinitionsReader.read(JsonDocuments.mapper().readTree(
        "{\"stages\": [{\"name\": \"s\", \"library\": \"x\", \"type\": \"SINK\"}]}")))
        .isInstanceOf(DefinitionsException.class).hasMessage("stages[0] (s) has the unknown stage type 'SINK'");
    assertThatThrownBy(() -> PlatformDefinitionsReader.read(JsonDocuments.mapper().readTree(
        "{\"stages\": [], \"services\": [{\"provides\": \"p\", \"version\": \"three\"}]}")))
        .isInstanceOf(DefinitionsException.class).hasMessage("services[0] (p) has a version that is not a number");
  }
}
