package io.flowascode.engine.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PipelineEquivalenceTest {
  /** What a real Data Collector was sent and what it stored (rest-samples 06). */
  private final ObjectNode sent = (ObjectNode) Platform.read("platform/rest-samples/06_update_pipeline.request.json");
  private final ObjectNode stored = (ObjectNode) Platform.read("platform/rest-samples/06_update_pipeline.body.json");

  @Test
  void what_the_server_stored_holds_what_was_sent() {
    assertThat(PipelineEquivalence.storedHoldsSent(sent, stored)).isTrue();
  }

  @Test
  void configs_the_server_added_and_stages_it_reordered_do_not_matter() {
    ArrayNode sentStages = (ArrayNode) sent.get("stages");
    ArrayNode evaluatorConfigs = (ArrayNode) sentStages.get(1).get("configuration");
    evaluatorConfigs.remove(5);
    sentStages.insert(0, sentStages.remove(2));
    assertThat(PipelineEquivalence.storedHoldsSent(sent, stored)).isTrue();
  }

  @Test
  void a_different_config_value_does() {
    ObjectNode config = (ObjectNode) sent.at("/stages/0/configuration/1");
    config.put("value", !config.get("value").asBoolean());
    assertThat(PipelineEquivalence.storedHoldsSent(sent, stored)).isFalse();
  }

  @Test
  void a_missing_stage_or_a_changed_title_does() {
    ObjectNode retitled = sent.deepCopy();
    retitled.put("title", "Another");
    assertThat(PipelineEquivalence.storedHoldsSent(retitled, stored)).isFalse();

    ObjectNode extraStage = sent.deepCopy();
    JsonNode copy = extraStage.get("stages").get(2).deepCopy();
    ((ObjectNode) copy).put("instanceName", "Trash_02");
    ((ArrayNode) extraStage.get("stages")).add(copy);
    assertThat(PipelineEquivalence.storedHoldsSent(extraStage, stored)).isFalse();
  }

  @Test
  void the_lock_token_and_info_are_the_server_s_business() {
    sent.put("uuid", "something-else");
    sent.putObject("info").put("lastModified", 1);
    assertThat(PipelineEquivalence.storedHoldsSent(sent, stored)).isTrue();
  }
}
