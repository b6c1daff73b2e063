package io.flowascode.imports;

import io.flowascode.compiler.emit.PipelineTrees;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.CatalogFormat;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.source.SourceFile;
import io.flowascode.yaml.YamlTreeReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the importer writes for small pipelines, made by compiling flows or by hand. */
class PipelineImporterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Catalog catalog = BundledCatalog.load();

  private ObjectNode compile(String yaml, Catalog with) {
    Compilation c = new FlowCompiler(with, CompilerOptions.DEFAULT).compile(new SourceFile("test.flow.yaml", yaml));
    assertThat(c.diagnostics().stream().filter(Diagnostic::isError).toList()).isEmpty();
    return PipelineTrees.tree(c.pipeline().orElseThrow());
  }

  private ImportedFlow importPipeline(JsonNode pipeline) {
    ImportResult r = new PipelineImporter(catalog).importPipeline(pipeline, "test.json");
    assertThat(r).isInstanceOf(ImportResult.Imported.class);
    return ((ImportResult.Imported) r).flow();
  }

  /** Compiles the flow, imports the pipeline, and returns the imported flow as a tree. */
  private JsonNode roundTrip(String yaml) {
    return tree(importPipeline(compile(yaml, catalog)).yaml());
  }

  private static JsonNode tree(String yaml) {
    return new YamlTreeReader().read(new SourceFile("imported.flow.yaml", yaml), new Diagnostics()).orElseThrow().root();
  }

  private static List<String> lines(JsonNode flow, String section) {
    List<String> list = new ArrayList<>();
    flow.path(section).forEach(l -> list.add(l.asText()));
    return list;
  }

  private static JsonNode config(JsonNode stage, String name) {
    for (JsonNode c : stage.get("configuration")) {
      if (c.get("name").asText().equals(name)) {
        return c.get("value");
      }
    }
    throw new AssertionError("no config " + name);
  }

  private static JsonNode stage(JsonNode pipeline, String instance) {
    for (JsonNode s : pipeline.get("stages")) {
      if (s.get("instanceName").asText().equals(instance)) {
        return s;
      }
    }
    throw new AssertionError("no stage " + instance);
  }

  @Test
  void aStageWithOneInputAndOneOutputIsFoldedIntoAChain() {
    JsonNode flow = roundTrip("""
        flow: {id: t}
        stages:
          src: {label: Dev Raw Data Source}
          a: {label: Field Remover}
          b: {label: Field Renamer}
          t: {label: Trash}
        connections:
          - src >> a >> b >> t
        """);
    assertThat(lines(flow, "connections")).containsExactly("dev_raw_data_source >> field_remover >> field_renamer >> trash");
  }

  @Test
  void anOutputFeedingSeveralStagesIsOneFanOutAndAStageWithTwoInputsEndsChains() {
    JsonNode flow = roundTrip("""
        flow: {id: t}
        stages:
          src: {label: Dev Raw Data Source}
          a: {label: Field Remover}
          b: {label: Field Renamer}
          c: {label: Field Flattener}
          t: {label: Trash}
        connections:
          - src >> [a, b]
          - '[a, b] >> c >> t'
        """);
    assertThat(lines(flow, "connections")).containsExactly(
        "dev_raw_data_source >> [field_remover, field_renamer]",
        "field_remover >> field_flattener",
        "field_renamer >> field_flattener",
        "field_flattener >> trash");
  }

  @Test
  void predicatesAreNamedFromTheirExpressionsInOrderAndDefaultStaysImplicit() {
    JsonNode flow = roundTrip("""
        flow: {id: t}
        stages:
          src: {label: Dev Raw Data Source}
          route:
            label: Stream Selector
            predicates:
              x: '${record:value("/amount") >= 1000}'
              y: '${str:contains(record:value("/kind"), "refund")}'
          big: {label: Trash}
          refunds: {label: Trash}
          rest: {label: Trash}
        connections:
          - src >> route
          - route[y] >> refunds
          - route[x] >> big
          - route[default] >> rest
        """);
    JsonNode predicates = flow.at("/stages/stream_selector/predicates");
    assertThat(JSON.convertValue(predicates, java.util.Map.class)).containsExactly(
        java.util.Map.entry("amount_1000", "${record:value(\"/amount\") >= 1000}"),
        java.util.Map.entry("kind_refund", "${str:contains(record:value(\"/kind\"), \"refund\")}"));
    assertThat(lines(flow, "connections")).containsExactly(
        "dev_raw_data_source >> stream_selector",
        "stream_selector[amount_1000] >> trash_01",
        "stream_selector[kind_refund] >> trash_02",
        "stream_selector[default] >> trash_03");
  }

  @Test
  void numberedOutputsAndEventsAreWrittenAsTheLanguageWritesThem() {
    JsonNode flow = roundTrip("""
        flow: {id: t}
        stages:
          src: {label: Dev Raw Data Source}
          dedup: {label: Record Deduplicator}
          unique: {label: Trash}
          dupes: {label: Trash}
          done: {label: Pipeline Finisher Executor}
          mail: {label: Trash}
        connections:
          - src >> dedup
          - dedup[2] >> dupes
          - dedup[1] >> unique
        events:
          - src >> [done, mail]
        """);
    assertThat(lines(flow, "connections")).containsExactly(
        "dev_raw_data_source >> record_deduplicator",
        "record_deduplicator[1] >> trash_01",
        "record_deduplicator[2] >> trash_02");
    assertThat(lines(flow, "events")).containsExactly("dev_raw_data_source >> [pipeline_finisher_executor, trash_03]");
  }

  @Test
  void instanceNamesArePinnedOnlyWhereTheCompilerWouldAssignOthers() {
    JsonNode plain = roundTrip("""
        flow: {id: t}
        stages:
          src: {label: Dev Raw Data Source}
          a: {label: Trash}
          b: {label: Trash}
        connections:
          - src >> [a, b]
        """);
    assertThat(plain.toString()).doesNotContain("instance_name");

    JsonNode pinned = roundTrip("""
        flow: {id: t}
        stages:
          src: {label: Dev Raw Data Source}
          a: {label: Trash, instance_name: Trash_02}
          b: {label: Trash}
        connections:
          - src >> [a, b]
        """);
    // Pinning Trash_02 on the first lets the compiler name the second Trash_01 by itself.
    assertThat(pinned.at("/stages/trash_02/instance_name").asText()).isEqualTo("Trash_02");
    assertThat(pinned.at("/stages/trash_01").has("instance_name")).isFalse();
  }

  @Test
  void typeIsWrittenOnlyWhereTheLabelNamesSeveralKindsOfStage() {
    JsonNode flow = roundTrip("""
        flow: {id: t}
        stages:
          src: {label: Dev Raw Data Source}
          s3: {label: Amazon S3, type: destination, config: {authentication_method: WITH_IAM_ROLES, bucket: b, data_format: JSON}}
          t: {label: Trash}
        connections:
          - src >> [s3, t]
        """);
    assertThat(flow.at("/stages/amazon_s3/type").asText()).isEqualTo("destination");
    assertThat(flow.at("/stages/trash").has("type")).isFalse();
  }

  @Test
  void onlyConfigsThatDifferFromTheirDefaultsAreWrittenByReadableName() {
    ObjectNode pipeline = compile("""
        flow: {id: t}
        stages:
          src:
            label: Dev Raw Data Source
            config:
              stop_after_first_batch: true
              data_format: TEXT
          t: {label: Trash}
        connections:
          - src >> t
        """, catalog);
    JsonNode flow = tree(importPipeline(pipeline).yaml());
    JsonNode config = flow.at("/stages/dev_raw_data_source/config");
    assertThat(JSON.convertValue(config, java.util.Map.class))
        .containsOnlyKeys("stop_after_first_batch", "data_format");
    assertThat(flow.at("/stages/trash").has("config")).isFalse();
  }

  @Test
  void anOlderVersionIsPinnedAndTheNewestIsNot() {
    assertThat(roundTrip(directory("")).at("/stages/directory").has("version")).isFalse();
    JsonNode older = roundTrip(directory("version: 11"));
    assertThat(older.at("/stages/directory/version").asInt()).isEqualTo(11);
  }

  private static String directory(String version) {
    return """
        flow: {id: t}
        stages:
          dir:
            label: Directory
            %s
            config:
              files_directory: /data
              file_name_pattern: '*.json'
              data_format: JSON
          t: {label: Trash}
        connections:
          - dir >> t
        """.formatted(version);
  }

  @Test
  void aStageNoDefinitionDescribesIsKeptByNameWithADefinitionInferredFromThePipeline() throws Exception {
    ObjectNode pipeline = compile("""
        flow: {id: t}
        stages:
          src: {label: Dev Raw Data Source}
          t: {label: Trash}
        connections:
          - src >> t
        """, catalog);
    ObjectNode custom = (ObjectNode) stage(pipeline, "Trash_01");
    custom.put("instanceName", "MyTarget_01");
    custom.put("library", "acme-lib");
    custom.put("stageName", "com_acme_MyDTarget");
    custom.put("stageVersion", "2");
    ((ObjectNode) custom.get("uiInfo")).put("label", "My Target 1");
    ArrayNode configuration = custom.putArray("configuration");
    configuration.addObject().put("name", "conf.endpoint").put("value", "https://example.com");
    configuration.addObject().put("name", "conf.retries").put("value", 3);

    ImportedFlow flow = importPipeline(pipeline);
    JsonNode tree = tree(flow.yaml());
    JsonNode stage = tree.at("/stages/my_target");
    assertThat(stage.path("name").asText()).isEqualTo("com_acme_MyDTarget");
    assertThat(stage.path("library").asText()).isEqualTo("acme-lib");
    assertThat(stage.path("version").asInt()).isEqualTo(2);
    assertThat(stage.at("/config/conf.endpoint").asText()).isEqualTo("https://example.com");
    assertThat(flow.definitions()).isPresent();
    assertThat(flow.notes()).anySatisfy(n -> assertThat(n.message()).contains("t.definitions.json, which the flow compiles with"));

    Catalog with = catalog.overlay(CatalogFormat.read(flow.definitions().get()));
    JsonNode again = compile(flow.yaml(), with);
    JsonNode compiled = stage(again, "MyTarget_01");
    assertThat(config(compiled, "conf.endpoint").asText()).isEqualTo("https://example.com");
    assertThat(config(compiled, "conf.retries").asInt()).isEqualTo(3);
    assertThat(compiled.get("inputLanes")).hasSize(1);
  }

  @Test
  void valuesYamlWouldReadAsAnotherTypeOrShapeComeBackUnchanged() {
    List<String> tricky = List.of("true", "No", "012", "0x1F", "1e3", "null", "~", "", " padded ", "a: b", "#hash",
        "- dash", "[list]", "{map}", "${str:trim('x')}", "${str:toUpper('a') == \"b\"}", "two\nlines\n", "trailing \nspace",
        "tab\there", "quote ' and \" both", "ünïcödé", "\u0007bell", "line\r\nbreak");
    for (String value : tricky) {
      ObjectNode pipeline = compile("""
          flow: {id: t}
          stages:
            src: {label: Dev Raw Data Source}
            t: {label: Trash}
          connections:
            - src >> t
          """, catalog);
      for (JsonNode c : stage(pipeline, "DevRawDataSource_01").get("configuration")) {
        if (c.get("name").asText().equals("rawData")) {
          ((ObjectNode) c).put("value", value);
        }
      }
      ImportedFlow flow = importPipeline(pipeline);
      JsonNode compiled = compile(flow.yaml(), catalog);
      assertThat(config(stage(compiled, "DevRawDataSource_01"), "rawData").asText())
          .as("raw data %s written as:%n%s", JSON.valueToTree(value), flow.yaml()).isEqualTo(value);
    }
  }

  @Test
  void parametersAreUnquotedWhereYamlReadsTheSameTextBack() {
    JsonNode flow = roundTrip("""
        flow:
          id: t
          parameters:
            LIMIT: 10000
            CODE: '007'
            SWITCH: 'on'
            RATIO: '1.5'
        stages:
          src:
            label: Dev Raw Data Source
            config: {raw_data: '${LIMIT}${CODE}${SWITCH}${RATIO}'}
          t: {label: Trash}
        connections:
          - src >> t
        """);
    JsonNode params = flow.at("/flow/parameters");
    assertThat(params.get("LIMIT").isNumber()).isTrue();
    assertThat(params.get("CODE").asText()).isEqualTo("007");
    assertThat(params.get("CODE").isTextual()).isTrue();
    assertThat(params.get("SWITCH").isTextual()).isTrue();
    assertThat(params.get("RATIO").isNumber()).isTrue();
  }

  @Test
  void theFileStartsWithTheSchemaModelineAndImportingTheCompiledFlowAgainGivesTheSameText() {
    String yaml = """
        flow: {id: t, title: A title, labels: [x]}
        stages:
          src: {label: Dev Raw Data Source, description: made up}
          t: {label: Trash}
        connections:
          - src >> t
        """;
    ImportedFlow first = importPipeline(compile(yaml, catalog));
    assertThat(first.yaml()).startsWith("# yaml-language-server: $schema=../schemas/flow.schema.json\n");
    ImportedFlow second = importPipeline(compile(first.yaml(), catalog));
    assertThat(second.yaml()).isEqualTo(first.yaml());
    assertThat(first.definitions()).isEmpty();
  }

  @Test
  void pipelinesTheLanguageDoesNotDescribeAreRefusedWithTheReason() throws Exception {
    ObjectNode pipeline = compile("""
        flow: {id: t}
        stages:
          src: {label: Dev Raw Data Source}
          t: {label: Trash}
        connections:
          - src >> t
        """, catalog);
    ObjectNode transformer = pipeline.deepCopy();
    for (JsonNode c : transformer.get("configuration")) {
      if (c.get("name").asText().equals("executionMode")) {
        ((ObjectNode) c).put("value", "BATCH");
      }
    }
    assertThat(refusal(transformer)).contains("Transformer");
    ObjectNode fragments = pipeline.deepCopy();
    fragments.putArray("fragments").addObject().put("fragmentId", "f");
    assertThat(refusal(fragments)).contains("fragments");
    assertThat(refusal(JSON.readTree("{\"pipelineFragmentConfig\": {}}"))).contains("fragment");
    ObjectNode newer = pipeline.deepCopy();
    newer.put("schemaVersion", 7);
    assertThat(refusal(newer)).contains("schemaVersion 7");
    assertThat(refusal(JSON.readTree("{\"title\": \"no stages\"}"))).contains("not a pipeline");
  }

  private String refusal(JsonNode document) {
    ImportResult r = new PipelineImporter(catalog).importPipeline(document, "x.json");
    assertThat(r).isInstanceOf(ImportResult.Refused.class);
    return ((ImportResult.Refused) r).reason();
  }

  @Test
  void olderSchemaVersionsAreReadAsThePlatformUpgradesThem() {
    ObjectNode pipeline = compile("""
        flow: {id: old}
        stages:
          src: {label: Dev Raw Data Source}
          t: {label: Trash}
        connections:
          - src >> t
        """, catalog);
    pipeline.put("schemaVersion", 1);
    pipeline.remove(List.of("pipelineId", "startEventStages", "stopEventStages"));
    pipeline.putObject("info").put("pipelineId", "old one");
    for (JsonNode s : pipeline.get("stages")) {
      ((ObjectNode) s).remove(List.of("eventLanes", "services"));
    }
    ImportedFlow flow = importPipeline(pipeline);
    assertThat(flow.id()).isEqualTo("old_one");
    assertThat(flow.notes()).anySatisfy(n -> assertThat(n.message()).contains("schema version 1"));
    assertThat(lines(tree(flow.yaml()), "connections")).containsExactly("dev_raw_data_source >> trash");
  }

  @Test
  void expressionsInsideShortListsAreQuotedAndStayText() {
    JsonNode flow = roundTrip("""
        flow:
          id: t
          parameters: {A: /a}
        stages:
          src: {label: Dev Raw Data Source}
          strip:
            label: Field Remover
            config: {fields: ['${A}', /b]}
          t: {label: Trash}
        connections:
          - src >> strip >> t
        """);
    JsonNode fields = flow.at("/stages/field_remover/config/fields");
    assertThat(fields.get(0).asText()).isEqualTo("${A}");
    assertThat(fields.get(1).asText()).isEqualTo("/b");
  }
}
