package io.flowascode.engine.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ContentHashTest {
  private static JsonNode json(String text) throws Exception {
    return Platform.JSON.readTree(text);
  }

  @Test
  void the_same_content_in_another_key_order_has_the_same_revision() throws Exception {
    assertThat(ContentHash.of(json("{\"a\":1,\"b\":{\"x\":[1,2],\"y\":null}}")))
        .isEqualTo(ContentHash.of(json("{\"b\":{\"y\":null,\"x\":[1,2]},\"a\":1}")))
        .matches("sha256:[0-9a-f]{64}");
  }

  @Test
  void any_change_of_value_or_array_order_changes_it() throws Exception {
    String base = ContentHash.of(json("{\"a\":[1,2]}"));
    assertThat(ContentHash.of(json("{\"a\":[2,1]}"))).isNotEqualTo(base);
    assertThat(ContentHash.of(json("{\"a\":[1,3]}"))).isNotEqualTo(base);
    assertThat(ContentHash.of(json("{\"a\":[1,2],\"b\":null}"))).isNotEqualTo(base);
  }

  @Test
  void the_canonical_text_sorts_keys_at_every_level_without_whitespace() throws Exception {
    assertThat(ContentHash.canonicalText(json("{ \"b\" : { \"d\":1, \"c\":2 }, \"a\" : true }")))
        .isEqualTo("{\"a\":true,\"b\":{\"c\":2,\"d\":1}}");
  }

  @Test
  void a_real_pipeline_hashes_the_same_after_a_round_trip() {
    JsonNode pipeline = Platform.read("platform/rest-samples/06_update_pipeline.body.json");
    assertThat(ContentHash.of(pipeline.deepCopy())).isEqualTo(ContentHash.of(pipeline));
  }
}
