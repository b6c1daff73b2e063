package io.flowascode.testkit;

import static io.flowascode.testkit.SharedFiles.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.BundledCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test server's `POST /pipeline/{id}/import` against a real Data Collector 3.22.2's answers
 * (`sdc-import/`, recorded from the engine, README there): the same status, body shape and error
 * code for each request, and the same pipeline left behind, the blank one included.
 */
class DataCollectorImportTest {
  private static final String QUERY =
      "?rev=0&overwrite=false&autoGeneratePipelineId=false&draft=false&includeLibraryDefinitions=false";
  private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
  private DataCollectorServer server;

  @BeforeEach
  void start() {
    server = DataCollectorServer.builder(JsonNodeFactory.instance.objectNode())
        .catalog(BundledCatalog.load())
        .user("admin", "admin", "admin")
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A recorded answer: its status, content type and body. */
  private record Recorded(int status, String contentType, String body) {
    static Recorded of(String name) throws IOException {
      String text;
      try (InputStream in = DataCollectorImportTest.class.getResourceAsStream("sdc-import/" + name)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int split = text.indexOf("\r\n\r\n");
      String head = text.substring(0, split);
      String type = "";
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
          type = line.substring("content-type:".length()).trim();
        }
      }
      return new Recorded(Integer.parseInt(head.split(" ")[1]), type, text.substring(split + 4));
    }

    String errorCode() throws IOException {
      return JSON.readTree(body).at("/RemoteException/errorCode").asText();
    }
  }

  private static ObjectNode request(UnaryOperator<ObjectNode> change) throws IOException {
    try (InputStream in = DataCollectorImportTest.class.getResourceAsStream("sdc-import/import-request.json")) {
      return change.apply((ObjectNode) JSON.readTree(in));
    }
  }

  private Recorded send(String id, JsonNode body) throws IOException {
    Request request = new Request.Builder().url(server.url() + "/rest/v1/pipeline/" + id + "/import" + QUERY)
        .header("Authorization", Credentials.basic("admin", "admin"))
        .header("X-Requested-By", "sdc")
        .post(RequestBody.create(body.toString(), MediaType.get("application/json")))
        .build();
    try (Response response = http.newCall(request).execute()) {
      String type = response.header("Content-Type", "");
      return new Recorded(response.code(), type, response.body().string());
    }
  }

  private Recorded getAfter(String id) throws IOException {
    Request request = new Request.Builder().url(server.url() + "/rest/v1/pipeline/" + id + "?rev=0")
        .header("Authorization", Credentials.basic("admin", "admin")).build();
    try (Response response = http.newCall(request).execute()) {
      return new Recorded(response.code(), response.header("Content-Type", ""), response.body().string());
    }
  }

  private void assertSameAnswer(Recorded ours, String transcript) throws IOException {
    Recorded engine = Recorded.of(transcript);
    assertThat(ours.status()).as(ours.body()).isEqualTo(engine.status());
    assertThat(ours.contentType()).startsWith(engine.contentType());
    if (engine.status() == 500) {
      assertThat(ours.errorCode()).isEqualTo(engine.errorCode());
    }
  }

  private void assertSamePipelineLeft(String id, String transcript) throws IOException {
    Recorded engine = Recorded.of(transcript);
    Recorded ours = getAfter(id);
    assertThat(ours.status()).isEqualTo(engine.status());
    if (engine.status() == 200) {
      JsonNode real = JSON.readTree(engine.body());
      JsonNode left = JSON.readTree(ours.body());
      assertThat(left.path("stages").size()).isEqualTo(real.path("stages").size());
      assertThat(left.path("title")).isEqualTo(real.path("title"));
      assertThat(left.path("metadata")).isEqualTo(real.path("metadata"));
    } else {
      assertThat(ours.errorCode()).isEqualTo(engine.errorCode());
    }
  }

  private static java.util.List<String> fieldNames(JsonNode node) {
    java.util.List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void an_import_creates_the_pipeline_with_its_content_in_one_request() throws IOException {
    Recorded ours = send("targets-import-ok", request(r -> r));
    assertSameAnswer(ours, "01_import_creates_with_content.txt");
    JsonNode envelope = JSON.readTree(ours.body());
    JsonNode real = JSON.readTree(Recorded.of("01_import_creates_with_content.txt").body());
    assertThat(fieldNames(envelope)).isEqualTo(fieldNames(real));
    assertThat(envelope.get("libraryDefinitions").isNull()).isTrue();
    assertThat(envelope.at("/pipelineConfig/uuid").asText()).isNotEqualTo("00000000-0000-0000-0000-000000000000");
    assertSamePipelineLeft("targets-import-ok", "01_import_creates_with_content.after.txt");
  }

  @Test
  void an_import_to_an_existing_id_is_refused_and_changes_nothing() throws IOException {
    send("targets-import-ok", request(r -> r));
    Recorded ours = send("targets-import-ok", request(r -> r));
    assertSameAnswer(ours, "02_import_existing_id.txt");
    assertSamePipelineLeft("targets-import-ok", "02_import_existing_id.after.txt");
  }

  @Test
  void an_import_without_a_uuid_is_a_400_and_creates_nothing() throws IOException {
    Recorded ours = send("targets-import-nouuid", request(r -> {
      ((ObjectNode) r.get("pipelineConfig")).remove("uuid");
      return r;
    }));
    assertSameAnswer(ours, "03_import_without_uuid.txt");
    assertThat(ours.body()).contains("uuid cannot be null");
    assertSamePipelineLeft("targets-import-nouuid", "03_import_without_uuid.after.txt");
  }

  @Test
  void an_import_without_info_fails_before_creating() throws IOException {
    Recorded ours = send("targets-import-noinfo", request(r -> {
      ((ObjectNode) r.get("pipelineConfig")).remove("info");
      return r;
    }));
    assertSameAnswer(ours, "04_import_without_info.txt");
    assertSamePipelineLeft("targets-import-noinfo", "04_import_without_info.after.txt");
  }

  @Test
  void an_import_without_rules_fails_after_creating_and_leaves_a_blank_pipeline() throws IOException {
    Recorded ours = send("targets-import-norules", request(r -> {
      r.remove("pipelineRules");
      ((ObjectNode) r.get("pipelineConfig")).put("title", "targets-import-norules");
      return r;
    }));
    assertSameAnswer(ours, "05_import_without_rules.txt");
    assertSamePipelineLeft("targets-import-norules", "05_import_without_rules.after.txt");
  }
}
