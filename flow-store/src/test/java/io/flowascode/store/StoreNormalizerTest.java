package io.flowascode.store;

import static io.flowascode.store.DefinitionsFixture.basicDevCatalog;
import static io.flowascode.store.DefinitionsFixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.StageDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreNormalizerTest {
  private final Catalog catalog = basicDevCatalog();
  private final StoreNormalizer normalizer = new StoreNormalizer(catalog);

  /** The pipeline a real Data Collector returned after a save (rest-samples 06). */
  private ObjectNode savedByServer() {
    return (ObjectNode) read("platform/rest-samples/06_update_pipeline.body.json");
  }

  @Test
  void configs_left_at_their_default_can_be_omitted_the_store_writes_them_back_as_the_server_did() {
    ObjectNode server = savedByServer();
    ObjectNode sparse = server.deepCopy();
    int removed = 0;
    for (JsonNode stage : sparse.path("stages")) {
      StageDefinition definition = definitionOf(stage);
      removed += removeDefaults((ArrayNode) stage.get("configuration"), definition.configs());
      for (JsonNode service : stage.path("services")) {
        removed += removeDefaults(
            (ArrayNode) service.get("configuration"), catalog.service(service.path("service").asText()).orElseThrow().configs());
      }
    }
    removed += removeDefaults((ArrayNode) sparse.get("configuration"), catalog.pipelineConfigs());
    assertThat(removed).as("the sample has configs at their default").isGreaterThan(100);

    ObjectNode normalized = normalizer.normalize(sparse);

    assertThat(byName(normalized.get("configuration"))).isEqualTo(byName(server.get("configuration")));
    for (int i = 0; i < server.get("stages").size(); i++) {
      JsonNode expected = server.get("stages").get(i);
      JsonNode actual = normalized.get("stages").get(i);
      assertThat(actual.path("instanceName")).isEqualTo(expected.path("instanceName"));
      assertThat(byName(actual.get("configuration"))).isEqualTo(byName(expected.get("configuration")));
      for (int s = 0; s < expected.path("services").size(); s++) {
        assertThat(byName(actual.get("services").get(s).get("configuration")))
            .isEqualTo(byName(expected.get("services").get(s).get("configuration")));
      }
    }
  }

  @Test
  void a_missing_config_comes_back_with_the_definition_default_not_its_old_value() {
    ObjectNode pipeline = savedByServer();
    ObjectNode evaluator = stageNamed(pipeline, "ExpressionEvaluator_01");
    ArrayNode configs = (ArrayNode) evaluator.get("configuration");
    removeConfig(configs, "stageOnRecordError");
    ObjectNode changed = configs.addObject();
    changed.put("name", "notInTheDefinition");
    changed.put("value", "kept");

    ObjectNode normalized = normalizer.normalize(pipeline);

    Map<String, JsonNode> values = byName(stageNamed(normalized, "ExpressionEvaluator_01").get("configuration"));
    assertThat(values.get("stageOnRecordError").asText()).isEqualTo("TO_ERROR");
    assertThat(values.get("notInTheDefinition").asText())
        .as("configs the definition does not know are the server's business, not ours")
        .isEqualTo("kept");
  }

  @Test
  void added_configs_are_appended_in_definition_order_after_the_ones_present() {
    ObjectNode pipeline = savedByServer();
    ObjectNode evaluator = stageNamed(pipeline, "ExpressionEvaluator_01");
    ArrayNode configs = evaluator.putArray("configuration");
    configs.addObject().put("name", "stageRecordPreconditions").putArray("value");

    ObjectNode normalized = normalizer.normalize(pipeline);

    List<String> names = new ArrayList<>(
        byName(stageNamed(normalized, "ExpressionEvaluator_01").get("configuration")).keySet());
    List<String> expected = new ArrayList<>(List.of("stageRecordPreconditions"));
    for (ConfigDefinition config : definitionOf(evaluator).configs()) {
      if (!config.name().equals("stageRecordPreconditions")) {
        expected.add(config.name());
      }
    }
    assertThat(names).isEqualTo(expected);
  }

  @Test
  void pipeline_configs_missing_from_an_old_pipeline_are_added_and_present_ones_kept() {
    ObjectNode old = (ObjectNode) read("platform/examples/sdc-2.2-Event_executor-pipeline.json");
    Map<String, JsonNode> before = byName(old.get("configuration"));

    ObjectNode normalized = normalizer.normalize(old);

    Map<String, JsonNode> after = byName(normalized.get("configuration"));
    for (ConfigDefinition config : catalog.pipelineConfigs()) {
      assertThat(after).containsKey(config.name());
      if (!before.containsKey(config.name())) {
        assertThat(after.get(config.name())).isEqualTo(DefaultValues.published(config));
      }
    }
    before.forEach((name, value) -> assertThat(after.get(name)).as(name).isEqualTo(value));
  }

  @Test
  void stages_whose_exact_definition_is_unknown_are_left_untouched() {
    ObjectNode hello = (ObjectNode) read("platform/examples/sdc-helloWorldPipeline-export-envelope.json").get(
        "pipelineConfig");
    ObjectNode normalized = normalizer.normalize(hello);

    // The JDBC library is not in the basic and dev definitions.
    assertThat(stageNamed(normalized, "JDBCQueryConsumer_01")).isEqualTo(stageNamed(hello, "JDBCQueryConsumer_01"));
  }

  @Test
  void a_stage_at_a_version_the_catalog_lacks_is_not_filled_from_another_version() {
    ObjectNode pipeline = savedByServer();
    ObjectNode evaluator = stageNamed(pipeline, "ExpressionEvaluator_01");
    // The platform would upgrade such a stage before filling it; without upgraders we must not guess.
    evaluator.put("stageVersion", "1");
    evaluator.putArray("configuration");
    assertThat(definitionPresent(evaluator)).isFalse();

    ObjectNode normalized = normalizer.normalize(pipeline);

    assertThat(stageNamed(normalized, "ExpressionEvaluator_01").get("configuration").size()).isZero();
  }

  @Test
  void the_error_and_statistics_stages_are_filled_too() {
    ObjectNode pipeline = savedByServer();
    ObjectNode testOrigin = (ObjectNode) pipeline.get("testOriginStage");
    testOrigin.putArray("configuration");
    ((ObjectNode) testOrigin.get("services").get(0)).putArray("configuration");

    ObjectNode normalized = normalizer.normalize(pipeline);

    JsonNode filled = normalized.get("testOriginStage");
    assertThat(byName(filled.get("configuration")).keySet())
        .containsExactly("rawData", "stopAfterFirstBatch", "eventData", "stageOnRecordError");
    assertThat(filled.get("services").get(0).get("configuration").size())
        .isEqualTo(catalog.service(filled.get("services").get(0).get("service").asText()).orElseThrow().configs().size());
  }

  @Test
  void stages_are_stored_producers_first() {
    ObjectNode parse = (ObjectNode) read("platform/examples/sdc-sample-ParseWebLogs-export-envelope.json").get(
        "pipelineConfig");
    ArrayNode reversed = JsonNodeFactory.instance.arrayNode();
    List<JsonNode> stages = new ArrayList<>();
    parse.get("stages").forEach(stages::add);
    for (int i = stages.size() - 1; i >= 0; i--) {
      reversed.add(stages.get(i));
    }
    parse.set("stages", reversed);

    ObjectNode normalized = normalizer.normalize(parse);

    assertThat(instanceNames(normalized)).containsExactly(
        "DevRawDataSource_01", "FieldTypeConverter_01", "StreamSelector_01", "SchemaGenerator_01", "LocalFS_02",
        "LocalFS_01");
  }

  @Test
  void an_already_ordered_pipeline_keeps_its_order() {
    ObjectNode parse = (ObjectNode) read("platform/examples/sdc-sample-ParseWebLogs-export-envelope.json").get(
        "pipelineConfig");
    assertThat(instanceNames(normalizer.normalize(parse))).isEqualTo(instanceNames(parse));
  }

  @Test
  void event_consumers_come_after_the_stage_producing_the_event() {
    ObjectNode events = (ObjectNode) read("platform/examples/sdc-2.2-Event_executor-pipeline.json");
    ArrayNode stages = (ArrayNode) events.get("stages");
    JsonNode hdfs = stages.remove(1);
    stages.add(hdfs);

    assertThat(instanceNames(normalizer.normalize(events))).containsExactly(
        "Directory_01", "HadoopFS_01", "HDFSFileMetadata_01", "HiveQuery_01", "MapReduce_01", "JDBCQuery_01");
  }

  @Test
  void the_argument_is_not_modified() {
    ObjectNode pipeline = (ObjectNode) read("platform/examples/sdc-2.2-Event_executor-pipeline.json");
    ObjectNode before = pipeline.deepCopy();
    normalizer.normalize(pipeline);
    assertThat(pipeline).isEqualTo(before);
  }

  @Test
  void versions_come_back_in_the_types_the_server_binds_them_to() {
    // rest-samples 06: the request carried serviceVersion "3", the saved pipeline has 3.
    ObjectNode request = (ObjectNode) read("platform/rest-samples/06_update_pipeline.request.json");
    ObjectNode origin = stageNamed(request, "DevRawDataSource_01");
    assertThat(origin.at("/services/0/serviceVersion").isTextual()).isTrue();
    origin.put("stageVersion", 3);

    ObjectNode normalized = normalizer.normalize(request);

    ObjectNode after = stageNamed(normalized, "DevRawDataSource_01");
    assertThat(after.at("/services/0/serviceVersion")).isEqualTo(savedByServer().at("/stages/0/services/0/serviceVersion"));
    assertThat(after.get("stageVersion").asText()).isEqualTo("3");
    assertThat(after.get("stageVersion").isTextual()).isTrue();
  }

  @Test
  void a_pipeline_must_be_an_object() {
    assertThatThrownBy(() -> normalizer.normalize(JsonNodeFactory.instance.arrayNode()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private boolean definitionPresent(JsonNode stage) {
    return catalog.find(stage.path("library").asText(), stage.path("stageName").asText(),
        stage.path("stageVersion").asText()).isPresent();
  }

  private StageDefinition definitionOf(JsonNode stage) {
    return catalog.find(stage.path("library").asText(), stage.path("stageName").asText(),
        stage.path("stageVersion").asText()).orElseThrow();
  }

  private static int removeDefaults(ArrayNode configs, List<ConfigDefinition> definitions) {
    Map<String, JsonNode> defaults = new LinkedHashMap<>();
    definitions.forEach(d -> defaults.put(d.name(), DefaultValues.published(d)));
    int removed = 0;
    for (Iterator<JsonNode> it = configs.iterator(); it.hasNext(); ) {
      JsonNode config = it.next();
      if (config.path("value").equals(defaults.get(config.path("name").asText()))) {
        it.remove();
        removed++;
      }
    }
    return removed;
  }

  private static void removeConfig(ArrayNode configs, String name) {
    for (Iterator<JsonNode> it = configs.iterator(); it.hasNext(); ) {
      if (it.next().path("name").asText().equals(name)) {
        it.remove();
      }
    }
  }

  static Map<String, JsonNode> byName(JsonNode configs) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    configs.forEach(c -> values.put(c.path("name").asText(), c.path("value")));
    return values;
  }

  static ObjectNode stageNamed(JsonNode pipeline, String instanceName) {
    for (JsonNode stage : pipeline.path("stages")) {
      if (stage.path("instanceName").asText().equals(instanceName)) {
        return (ObjectNode) stage;
      }
    }
    throw new AssertionError("no stage " + instanceName);
  }

  static List<String> instanceNames(JsonNode pipeline) {
    List<String> names = new ArrayList<>();
    pipeline.path("stages").forEach(s -> names.add(s.path("instanceName").asText()));
    return names;
  }
}
