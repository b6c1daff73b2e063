package io.flowascode.testkit;

import static io.flowascode.testkit.SharedFiles.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The flow store and IAM endpoint behave as NOTES §0.2 and §5 describe. */
class WatsonxServerTest {
  private static final String API_KEY = "test-api-key-0123456789";
  private static final String PROJECT = "3f0a3c2e-project";

  private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
  private WatsonxServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  private WatsonxServer start(Duration tokenLifetime, int pageSize) {
    server = WatsonxServer.builder().apiKey(API_KEY, "IBMid-1").project(PROJECT)
        .tokenLifetime(tokenLifetime).pageSize(pageSize).start();
    return server;
  }

  private Response token(String apiKey) throws IOException {
    return http.newCall(new Request.Builder().url(server.url() + "/identity/token")
        .post(new FormBody.Builder().add("grant_type", "urn:ibm:params:oauth:grant-type:apikey")
            .add("apikey", apiKey).build())
        .build()).execute();
  }

  private String accessToken() throws IOException {
    try (Response response = token(API_KEY)) {
      return JSON.readTree(response.body().string()).get("access_token").asText();
    }
  }

  private HttpUrl.Builder flows() {
    return HttpUrl.get(server.url()).newBuilder().addPathSegments("sset/streamsets_flows/v1/streamsets_flows");
  }

  private Response call(String token, HttpUrl url, String method, String body) throws IOException {
    RequestBody requestBody = body == null ? null : RequestBody.create(body, MediaType.get("application/json"));
    return http.newCall(new Request.Builder().url(url).header("Authorization", "Bearer " + token)
        .method(method, requestBody).build()).execute();
  }

  @Test
  void iam_exchanges_a_known_api_key_for_an_expiring_bearer_token() throws IOException {
    start(Duration.ofSeconds(90), 10);
    try (Response response = token(API_KEY)) {
      JsonNode body = JSON.readTree(response.body().string());
      assertThat(response.code()).isEqualTo(200);
      assertThat(body.get("access_token").asText()).isNotEmpty();
      assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
      assertThat(body.get("expires_in").asLong()).isEqualTo(90);
      assertThat(body.get("expiration").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
    }
    try (Response response = token("unknown")) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(JSON.readTree(response.body().string()).get("errorCode").asText()).isEqualTo("BXNIM0415E");
    }
    assertThat(server.requests().toString()).doesNotContain(API_KEY);
  }

  @Test
  void flow_calls_need_a_valid_token_and_a_project() throws IOException {
    start(Duration.ofHours(1), 10);
    String token = accessToken();
    try (Response response = call("forged", flows().addQueryParameter("project_id", PROJECT).build(), "GET", null)) {
      assertThat(response.code()).isEqualTo(401);
    }
    try (Response response = call(token, flows().build(), "GET", null)) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(JSON.readTree(response.body().string()).at("/errors/0/code").asText()).isEqualTo("missing_parameter");
    }
    server.expireTokens();
    try (Response response = call(token, flows().addQueryParameter("project_id", PROJECT).build(), "GET", null)) {
      assertThat(response.code()).isEqualTo(401);
    }
  }

  @Test
  void flows_are_created_read_updated_and_deleted_by_asset_id() throws IOException {
    start(Duration.ofHours(1), 10);
    String token = accessToken();
    String assetId;
    try (Response response = call(token, flows().addQueryParameter("project_id", PROJECT).build(), "POST",
        "{\"name\":\"orders\",\"description\":\"d\",\"environment_id\":\"\",\"engine_version\":\"6.0.0\"}")) {
      assertThat(response.code()).isEqualTo(201);
      assetId = JSON.readTree(response.body().string()).at("/flow/metadata/asset_id").asText();
    }
    HttpUrl one = flows().addPathSegment(assetId).addQueryParameter("project_id", PROJECT).build();
    try (Response response = call(token, one, "GET", null)) {
      JsonNode body = JSON.readTree(response.body().string());
      assertThat(body.at("/flow/metadata/name").asText()).isEqualTo("orders");
      assertThat(body.get("pipeline_definition").isNull()).isTrue();
    }
    try (Response response = call(token, one, "PUT",
        "{\"name\":\"orders\",\"pipeline_definition\":{\"title\":\"Orders\",\"stages\":[]}}")) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(JSON.readTree(response.body().string()).at("/pipeline_definition/title").asText()).isEqualTo("Orders");
    }
    try (Response response = call(token, one, "DELETE", null)) {
      assertThat(response.code()).isEqualTo(204);
    }
    try (Response response = call(token, one, "GET", null)) {
      assertThat(response.code()).isEqualTo(404);
    }
    assertThat(server.counters("orders")).isEqualTo(new FlowCounters(1, 3));
  }

  @Test
  void lists_are_paged_with_an_opaque_bookmark_in_next_href() throws IOException {
    start(Duration.ofHours(1), 2);
    String token = accessToken();
    for (String name : List.of("a", "b", "c", "d", "e")) {
      try (Response ignored = call(token, flows().addQueryParameter("project_id", PROJECT).build(), "POST",
          "{\"name\":\"" + name + "\"}")) {
        assertThat(ignored.code()).isEqualTo(201);
      }
    }
    List<String> names = new ArrayList<>();
    HttpUrl next = flows().addQueryParameter("project_id", PROJECT).build();
    int pages = 0;
    while (next != null) {
      try (Response response = call(token, next, "GET", null)) {
        JsonNode body = JSON.readTree(response.body().string());
        assertThat(body.get("total_count").asInt()).isEqualTo(5);
        body.get("streamsets_flows").forEach(f -> names.add(f.at("/metadata/name").asText()));
        next = body.has("next") ? HttpUrl.get(body.at("/next/href").asText()) : null;
        if (next != null) {
          assertThat(next.queryParameter("start")).doesNotMatch("\\d+");
        }
      }
      pages++;
    }
    assertThat(names).containsExactly("a", "b", "c", "d", "e");
    assertThat(pages).isEqualTo(3);
  }
}
