package io.flowascode.store;

import static io.flowascode.store.DefinitionsFixture.basicDevCatalog;
import static io.flowascode.store.DefinitionsFixture.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlankPipelineTest {
  /** What a real Data Collector answered to a create (rest-samples 04). */
  private final JsonNode server = read("platform/rest-samples/04_create_pipeline.body.json");

  private final ObjectNode created = new BlankPipeline(basicDevCatalog(), BlankPipeline.OBSERVED_PIPELINE_VERSION)
      .create(PipelineInfo.fromJson(server.get("info")));

  @Test
  void has_the_fields_of_the_server_answer_in_the_same_order() {
    assertThat(fieldNames(created)).isEqualTo(fieldNames(server));
  }

  @Test
  void equals_the_server_answer_field_by_field() {
    for (String field : fieldNames(server)) {
      assertThat(created.get(field)).as(field).isEqualTo(server.get(field));
    }
  }

  @Test
  void the_info_block_round_trips() {
    assertThat(fieldNames(created.get("info"))).isEqualTo(fieldNames(server.get("info")));
    assertThat(PipelineInfo.fromJson(server.get("info")).toJson()).isEqualTo(server.get("info"));
  }

  @Test
  void a_catalog_without_the_referenced_stages_gives_null_special_stages() {
    var catalog = new io.flowascode.compiler.catalog.Catalog(
        List.of(), List.of(), basicDevCatalog().pipelineConfigs());
    ObjectNode bare = new BlankPipeline(catalog, 23).create(PipelineInfo.fromJson(server.get("info")));
    assertThat(bare.get("errorStage").isNull()).isTrue();
    assertThat(bare.get("testOriginStage").isNull()).isTrue();
    assertThat(bare.get("version").asInt()).isEqualTo(23);
    assertThat(bare.get("configuration")).isEqualTo(server.get("configuration"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
