package io.flowascode.testkit;

import static io.flowascode.testkit.SharedFiles.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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

/**
 * The watsonx double behaves as IBM's SDK 1.0.0 expects the service to: its answers have the
 * SDK's shapes, it refuses what the SDK never sends, and it throttles under load.
 */
class WatsonxServerTest {
  private static final String API_KEY = "test-api-key-0123456789";
  private static final String PROJECT = "3f0a3c2e-project";
  private static final String CREATE = "{\"name\":\"%s\",\"description\":\"d\",\"environment_id\":\"\",\"engine_version\":\"6.3.0\"}";

  private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
  private WatsonxServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  private WatsonxServer start(WatsonxServer.Builder builder) {
    server = builder.apiKey(API_KEY, "IBMid-1").project(PROJECT).engineVersion("6.2.0", false)
        .engineVersion("6.3.0", true).environment("env-1", "6.2.0").start();
    return server;
  }

  private WatsonxServer start() {
    return start(WatsonxServer.builder());
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

  private record Answer(int status, JsonNode body, String retryAfter) {}

  private Answer call(String authorization, HttpUrl url, String method, String body) throws IOException {
    RequestBody requestBody = body == null ? null : RequestBody.create(body, MediaType.get("application/json"));
    try (Response response = http.newCall(new Request.Builder().url(url).header("Authorization", authorization)
        .method(method, requestBody).build()).execute()) {
      String text = response.body().string();
      return new Answer(response.code(), text.isEmpty() ? null : JSON.readTree(text), response.header("Retry-After"));
    }
  }

  private Answer bearer(String token, HttpUrl url, String method, String body) throws IOException {
    return call("Bearer " + token, url, method, body);
  }

  private HttpUrl inProject(HttpUrl.Builder url) {
    return url.addQueryParameter("project_id", PROJECT).build();
  }

  @Test
  void iam_exchanges_a_known_api_key_for_an_expiring_bearer_token() throws IOException {
    start(WatsonxServer.builder().tokenLifetime(Duration.ofSeconds(90)));
    try (Response response = token(API_KEY)) {
      JsonNode body = JSON.readTree(response.body().string());
      assertThat(response.code()).isEqualTo(200);
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
  void flow_calls_need_a_valid_credential_and_the_project() throws IOException {
    start();
    String token = accessToken();
    assertThat(bearer("forged", inProject(flows()), "GET", null).status()).isEqualTo(401);
    Answer noProject = bearer(token, flows().build(), "GET", null);
    assertThat(noProject.status()).isEqualTo(400);
    assertThat(noProject.body().at("/errors/0/message").asText()).contains("project_id");
    server.expireTokens();
    assertThat(bearer(token, inProject(flows()), "GET", null).status()).isEqualTo(401);
  }

  @Test
  void a_created_flow_has_the_sdks_shape_and_a_blank_definition_for_its_executor() throws IOException {
    start();
    String token = accessToken();
    Answer created = bearer(token, inProject(flows()), "POST", String.format(CREATE, "orders"));
    assertThat(created.status()).isEqualTo(201);
    JsonNode usage = created.body().at("/flow/metadata/usage");
    assertThat(usage.fieldNames()).toIterable().containsExactlyInAnyOrder("last_update_time", "access_count",
        "last_access_time", "last_updated_at", "last_updater_id", "last_accessed_at", "last_accessor_id");
    assertThat(usage.get("last_update_time").isTextual()).isTrue();
    assertThat(usage.get("last_updater_id").asText()).isNotEmpty();
    String assetId = created.body().at("/flow/metadata/asset_id").asText();

    JsonNode read = bearer(token, inProject(flows().addPathSegment(assetId)), "GET", null).body();
    JsonNode definition = read.get("pipeline_definition");
    assertThat(definition.get("pipelineId").asText()).isEqualTo("testRun__" + assetId);
    assertThat(definition.get("uuid").asText()).matches("[0-9a-f-]{36}");
    assertThat(definition.get("info").isObject()).isTrue();
    assertThat(definition.at("/metadata/labels").isArray()).isTrue();
    assertThat(read.at("/flow/engine_version").asText()).isEqualTo("6.3.0");
  }

  @Test
  void a_flow_is_updated_with_the_sdks_seven_fields_and_deleted() throws IOException {
    start();
    String token = accessToken();
    String assetId = bearer(token, inProject(flows()), "POST", String.format(CREATE, "orders")).body()
        .at("/flow/metadata/asset_id").asText();
    HttpUrl one = inProject(flows().addPathSegment(assetId));
    ObjectNode definition = (ObjectNode) bearer(token, one, "GET", null).body().get("pipeline_definition");
    definition.put("title", "Orders");
    ObjectNode body = JSON.createObjectNode();
    body.put("name", "orders").putArray("connection_ids");
    body.put("description", "d").put("environment_id", "").put("engine_version", "6.3.0").putArray("fragment_ids");
    body.set("pipeline_definition", definition);

    Answer updated = bearer(token, one, "PUT", body.toString());
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.body().at("/pipeline_definition/title").asText()).isEqualTo("Orders");
    assertThat(updated.body().has("flow")).isTrue();
    assertThat(bearer(token, one, "DELETE", null).status()).isEqualTo(204);
    assertThat(bearer(token, one, "GET", null).status()).isEqualTo(404);
    assertThat(server.counters("orders")).isEqualTo(new FlowCounters(1, 3));
  }

  @Test
  void what_the_sdk_never_sends_is_refused() throws IOException {
    start();
    String token = accessToken();
    Answer noVersion = bearer(token, inProject(flows()), "POST",
        "{\"name\":\"x\",\"description\":\"\",\"environment_id\":\"\",\"engine_version\":\"\"}");
    assertThat(noVersion.status()).isEqualTo(400);
    assertThat(noVersion.body().at("/errors/0/message").asText()).contains("engine version");
    Answer extra = bearer(token, inProject(flows()), "POST",
        "{\"name\":\"x\",\"description\":\"\",\"environment_id\":\"\",\"engine_version\":\"6.3.0\",\"tags\":[]}");
    assertThat(extra.status()).isEqualTo(400);

    String assetId = bearer(token, inProject(flows()), "POST", String.format(CREATE, "orders")).body()
        .at("/flow/metadata/asset_id").asText();
    HttpUrl one = inProject(flows().addPathSegment(assetId));
    ObjectNode definition = (ObjectNode) bearer(token, one, "GET", null).body().get("pipeline_definition");
    ObjectNode body = JSON.createObjectNode();
    body.put("name", "orders").putArray("connection_ids");
    body.put("description", "d").put("environment_id", "").put("engine_version", "6.3.0").putArray("fragment_ids");
    body.set("pipeline_definition", definition.deepCopy().put("uuid", "sha256:0123"));
    Answer hashAsUuid = bearer(token, one, "PUT", body.toString());
    assertThat(hashAsUuid.status()).isEqualTo(400);
    assertThat(hashAsUuid.body().at("/errors/0/message").asText()).contains("uuid");
    ObjectNode withoutInfo = definition.deepCopy();
    withoutInfo.remove("info");
    body.set("pipeline_definition", withoutInfo);
    assertThat(bearer(token, one, "PUT", body.toString()).status()).isEqualTo(400);
    assertThat(bearer(token, inProject(flows().addQueryParameter("limit", "5")), "GET", null).status()).isEqualTo(400);
  }

  @Test
  void lists_are_paged_with_an_opaque_bookmark_in_next_href() throws IOException {
    start(WatsonxServer.builder().pageSize(2));
    String token = accessToken();
    for (String name : List.of("a", "b", "c", "d", "e")) {
      assertThat(bearer(token, inProject(flows()), "POST", String.format(CREATE, name)).status()).isEqualTo(201);
    }
    List<String> names = new ArrayList<>();
    HttpUrl next = inProject(flows());
    int pages = 0;
    while (next != null) {
      JsonNode body = bearer(token, next, "GET", null).body();
      assertThat(body.get("total_count").asInt()).isEqualTo(5);
      body.get("streamsets_flows").forEach(f -> names.add(f.at("/metadata/name").asText()));
      String start = body.has("next") ? HttpUrl.get(body.at("/next/href").asText()).queryParameter("start") : null;
      if (start != null) {
        assertThat(start).doesNotMatch("\\d+");
      }
      // As the SDK does: only the bookmark is taken from the link.
      next = start == null ? null : inProject(flows().addQueryParameter("start", start));
      pages++;
    }
    assertThat(names).containsExactly("a", "b", "c", "d", "e");
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void under_load_requests_are_answered_429_with_retry_after() throws IOException {
    start(WatsonxServer.builder().rateLimit(3, Duration.ofSeconds(30)));
    String token = accessToken();
    for (int i = 0; i < 3; i++) {
      assertThat(bearer(token, inProject(flows()), "GET", null).status()).isEqualTo(200);
    }
    Answer throttled = bearer(token, inProject(flows()), "GET", null);
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(Integer.parseInt(throttled.retryAfter())).isBetween(1, 30);
    assertThat(server.throttled()).isEqualTo(1);
  }

  @Test
  void engine_versions_their_definitions_and_environments_are_served_as_the_sdk_asks() throws IOException {
    start(WatsonxServer.builder().definitions("6.3.0", JSON.readTree(
        "{\"pipeline\":[],\"services\":[],\"stages\":[{\"name\":\"s\",\"version\":\"1\",\"library\":\"lib\",\"libraryLabel\":\"L\"}]}")));
    String token = accessToken();
    HttpUrl.Builder versions = HttpUrl.get(server.url()).newBuilder().addPathSegments("sset/engine_manager/v1/streamsets_engine_versions");
    JsonNode released = bearer(token, versions.build().newBuilder().addQueryParameter("include_stagelibs", "True")
        .addQueryParameter("releases", "True").build(), "GET", null).body();
    assertThat(released.at("/streamsets_engine_versions/0/engine_version_id").asText()).isEqualTo("6.3.0");
    JsonNode definitions = bearer(token, versions.addPathSegment("6.3.0").addPathSegment("definitions").build(), "GET", null).body();
    assertThat(definitions.get("stages").size()).isZero();
    assertThat(definitions.at("/stageDefinitionMap/s::1").isObject()).isTrue();
    assertThat(definitions.at("/stageDefinitionMinimalList/0/library").asText()).isEqualTo("lib");
    HttpUrl environment = HttpUrl.get(server.url()).newBuilder().addPathSegments("sset/engine_manager/v1/streamsets_environments/env-1")
        .addQueryParameter("project_id", PROJECT).addQueryParameter("limit", "100").addQueryParameter("environment_id", "env-1").build();
    assertThat(bearer(token, environment, "GET", null).body().at("/entity/streamsets_environment/engine_version").asText())
        .isEqualTo("6.2.0");
  }

  @Test
  void bearer_tokens_zen_api_keys_and_cloud_pak_users_are_accepted_as_configured() throws IOException {
    start(WatsonxServer.builder().bearerToken("given-token").zenApiKey("ann", "zen-key").cp4dUser("bob", "pw", "cp-key"));
    assertThat(call("Bearer given-token", inProject(flows()), "GET", null).status()).isEqualTo(200);
    String zen = Base64.getEncoder().encodeToString("ann:zen-key".getBytes(StandardCharsets.UTF_8));
    assertThat(call("ZenApiKey " + zen, inProject(flows()), "GET", null).status()).isEqualTo(200);
    String wrongZen = Base64.getEncoder().encodeToString("ann:other".getBytes(StandardCharsets.UTF_8));
    assertThat(call("ZenApiKey " + wrongZen, inProject(flows()), "GET", null).status()).isEqualTo(401);
    try (Response response = http.newCall(new Request.Builder().url(server.url() + "/icp4d-api/v1/authorize")
        .post(RequestBody.create("{\"username\":\"bob\",\"password\":null,\"api_key\":\"cp-key\"}",
            MediaType.get("application/json"))).build()).execute()) {
      String token = JSON.readTree(response.body().string()).get("token").asText();
      assertThat(call("Bearer " + token, inProject(flows()), "GET", null).status()).isEqualTo(200);
    }
    assertThat(server.requests().toString()).doesNotContain("cp-key");
  }
}
