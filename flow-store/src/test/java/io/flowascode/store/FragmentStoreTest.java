package io.flowascode.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowascode.compiler.catalog.BundledCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A pipeline that uses fragments, saved to a real Data Collector 3.22.2 with one stage of a
 * fragment copy missing all its configs but one (`fragments/sent.json`), and what the engine
 * stored (`fragments/stored.json`, from `GET /rest/v1/pipeline/{id}`): the engine fills the
 * stages of the copies with their defaults, as it fills the canvas, and the store does the same.
 */
class FragmentStoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theStoreFillsTheStagesOfFragmentCopiesAsTheEngineDid() throws IOException {
    JsonNode sent = read("sent.json");
    JsonNode stored = read("stored.json");
    assertThat(sent.path("fragments").get(0).path("stages").get(2).path("configuration")).hasSize(1);

    JsonNode normalized = new StoreNormalizer(BundledCatalog.load()).normalize(sent);

    assertThat(normalized.path("fragments")).hasSameSizeAs(stored.path("fragments"));
    for (int f = 0; f < stored.path("fragments").size(); f++) {
      JsonNode expected = stored.path("fragments").get(f).path("stages");
      JsonNode actual = normalized.path("fragments").get(f).path("stages");
      assertThat(actual).hasSameSizeAs(expected);
      for (int s = 0; s < expected.size(); s++) {
        assertThat(actual.get(s).path("instanceName")).isEqualTo(expected.get(s).path("instanceName"));
        assertThat(byName(actual.get(s).path("configuration"))).isEqualTo(byName(expected.get(s).path("configuration")));
      }
    }
    for (int s = 0; s < stored.path("stages").size(); s++) {
      assertThat(normalized.path("stages").get(s).path("instanceName")).isEqualTo(stored.path("stages").get(s).path("instanceName"));
      assertThat(byName(normalized.path("stages").get(s).path("configuration")))
          .isEqualTo(byName(stored.path("stages").get(s).path("configuration")));
    }
  }

  private static Map<String, JsonNode> byName(JsonNode configuration) {
    Map<String, JsonNode> map = new TreeMap<>();
    configuration.forEach(c -> map.put(c.path("name").asText(), c.path("value")));
    return map;
  }

  private static JsonNode read(String name) throws IOException {
    try (InputStream in = FragmentStoreTest.class.getResourceAsStream("fragments/" + name)) {
      return JSON.readTree(in);
    }
  }
}
