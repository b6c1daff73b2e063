package io.flowascode.engine.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.testkit.RecordedRequest;
import io.flowascode.testkit.WatsonxServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link WatsonxTarget} against the flow store and IAM test server over real HTTP. */
class WatsonxTargetTest {
  static final String API_KEY = "ApiKey-0123456789-never-shown";
  private static final String PROJECT = "6b1f0c8e-project";
  private static final HttpOptions FAST = HttpOptions.defaults()
      .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10))
      .withRetry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)));

  private WatsonxServer server;
  private WatsonxTarget target;

  @AfterEach
  void stop() {
    if (target != null) {
      target.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private WatsonxTarget start(Duration tokenLifetime, int pageSize) throws TargetException {
    server = WatsonxServer.builder().apiKey(API_KEY, "IBMid-1").project(PROJECT)
        .engineVersion("6.0.0", false).engineVersion("6.3.0", true).environment("env-1", "6.0.0")
        .tokenLifetime(tokenLifetime).pageSize(pageSize).start();
    target = connect(API_KEY, PROJECT);
    return target;
  }

  private WatsonxTarget connect(String apiKey, String project) throws TargetException {
    return new WatsonxTarget(WatsonxSettings.of(server.url(), project, Secret.of(apiKey))
        .withIamUrl(server.url())
        .withEnvironment("env-1", "6.0.0")
        .withHttp(FAST));
  }

  private static ObjectNode pipeline(String title) {
    return Platform.compiledPipeline(title);
  }

  @Test
  void a_flow_is_created_saved_read_listed_and_deleted_by_name() throws TargetException {
    start(Duration.ofHours(1), 50);

    RemoteFlow created = target.create("orders", "Orders", "the orders flow");
    assertThat(created.attributes()).containsKey("assetId");
    assertThat(created.revision()).startsWith("sha256:");

    RemoteFlow saved = target.save("orders", pipeline("Orders"), created.revision());
    JsonNode stored = server.storedDefinition("orders").orElseThrow();
    assertThat(saved.revision()).isNotEqualTo(created.revision()).isEqualTo(ContentHash.of(stored));
    assertThat(stored.get("title").asText()).isEqualTo("Orders");
    assertThat(stored.get("stages")).isEqualTo(pipeline("Orders").get("stages"));

    RemoteFlow read = target.read("orders").orElseThrow();
    assertThat(read.revision()).isEqualTo(saved.revision());
    assertThat(read.attributes().get("assetId")).isEqualTo(created.attributes().get("assetId"));
    assertThat(target.list()).containsExactly(new RemoteFlowSummary("orders", "orders", Optional.empty()));

    target.delete("orders");
    assertThat(target.read("orders")).isEmpty();
  }

  @Test
  void the_flow_keeps_its_engine_binding_when_saved() throws TargetException {
    start(Duration.ofHours(1), 50);
    RemoteFlow created = target.create("orders", "Orders", "d");
    target.save("orders", pipeline("Orders"), created.revision());

    RecordedRequest put = server.requests().stream().filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();
    JsonNode body = json(put.body());
    assertThat(body.get("name").asText()).isEqualTo("orders");
    assertThat(body.get("environment_id").asText()).isEqualTo("env-1");
    assertThat(body.get("engine_version").asText()).isEqualTo("6.0.0");
    assertThat(body.get("connection_ids").isArray()).isTrue();
    assertThat(body.fieldNames()).toIterable().containsExactly("name", "connection_ids", "description", "environment_id",
        "engine_version", "fragment_ids", "pipeline_definition");
    assertThat(body.at("/pipeline_definition/stages")).isEqualTo(pipeline("Orders").get("stages"));
    assertThat(put.query()).isEqualTo("project_id=" + PROJECT);
  }

  @Test
  void flows_are_found_across_pages() throws TargetException {
    start(Duration.ofHours(1), 2);
    for (String name : List.of("a", "b", "c", "d", "e")) {
      target.create(name, name, "");
    }
    assertThat(target.list()).extracting(RemoteFlowSummary::id).containsExactly("a", "b", "c", "d", "e");
    assertThat(target.read("e")).isPresent();
  }

  @Test
  void a_name_already_taken_cannot_be_created_again() throws TargetException {
    start(Duration.ofHours(1), 50);
    target.create("orders", "Orders", "");
    assertThatThrownBy(() -> target.create("orders", "Orders", "")).isInstanceOf(FlowExistsException.class);
  }

  @Test
  void two_flows_with_one_name_are_reported_not_guessed() throws Exception {
    start(Duration.ofHours(1), 50);
    target.create("orders", "Orders", "");
    createBehindTheTargetsBack("orders");
    // The next run lists the project afresh and finds both.
    target.close();
    target = connect(API_KEY, PROJECT);
    assertThatThrownBy(() -> target.read("orders"))
        .isInstanceOf(AmbiguousFlowException.class)
        .hasMessageContaining("2 flows named 'orders'");
  }

  @Test
  void a_change_by_someone_else_since_our_read_is_a_conflict() throws TargetException {
    start(Duration.ofHours(1), 50);
    RemoteFlow created = target.create("orders", "Orders", "");
    try (WatsonxTarget other = connect(API_KEY, PROJECT)) {
      other.save("orders", pipeline("Theirs"), created.revision());
    }
    FlowConflictException e = catchThrowableOfType(FlowConflictException.class,
        () -> target.save("orders", pipeline("Ours"), created.revision()));
    assertThat(e.actualRevision()).contains(ContentHash.of(server.storedDefinition("orders").orElseThrow()));
    assertThat(server.storedDefinition("orders").orElseThrow().path("title").asText()).isEqualTo("Theirs");
  }

  @Test
  void an_expired_token_is_replaced_transparently() throws TargetException {
    start(Duration.ofHours(1), 50);
    target.create("orders", "Orders", "");
    assertThat(server.tokensIssued()).isEqualTo(1);

    server.expireTokens();
    assertThat(target.read("orders")).isPresent();

    assertThat(server.tokensIssued()).isEqualTo(2);
    assertThat(server.requests()).extracting(RecordedRequest::status).contains(401);
  }

  @Test
  void a_token_close_to_its_expiry_is_replaced_before_use() throws TargetException {
    // The server's tokens live 30 s, less than the 60 s refresh margin: every call needs a new one.
    start(Duration.ofSeconds(30), 50);
    target.create("orders", "Orders", "");
    target.read("orders");
    assertThat(server.tokensIssued()).isEqualTo(4);
    assertThat(server.requests()).extracting(RecordedRequest::status).doesNotContain(401);
  }

  @Test
  void an_unknown_api_key_is_an_authentication_error_that_never_shows_the_key() throws TargetException {
    start(Duration.ofHours(1), 50);
    try (WatsonxTarget wrong = connect("Wrong-" + API_KEY, PROJECT)) {
      AuthenticationException e = catchThrowableOfType(AuthenticationException.class, wrong::list);
      assertThat(e.getMessage()).contains("IBM Cloud IAM at " + server.url()).contains("BXNIM0415E");
      assertThat(e.getMessage() + e).doesNotContain(API_KEY);
    }
  }

  @Test
  void an_unknown_project_says_so() throws TargetException {
    start(Duration.ofHours(1), 50);
    try (WatsonxTarget elsewhere = connect(API_KEY, "no-such-project")) {
      TargetFailureException e = catchThrowableOfType(TargetFailureException.class, elsewhere::list);
      assertThat(e.status()).hasValue(404);
      assertThat(e.getMessage()).contains("project no-such-project").contains("not_found");
    }
  }

  @Test
  void reads_are_retried_on_503() throws TargetException {
    start(Duration.ofHours(1), 50);
    target.create("orders", "Orders", "");
    server.faults().failNext(2, 503, "GET", "/sset/");
    assertThat(target.read("orders")).isPresent();
  }

  @Test
  void a_save_whose_answer_is_lost_is_resolved_by_reading_back() throws TargetException {
    start(Duration.ofHours(1), 50);
    RemoteFlow created = target.create("orders", "Orders", "");
    server.faults().dropResponseAfterNextWrites(1);

    RemoteFlow saved = target.save("orders", pipeline("Orders"), created.revision());

    assertThat(saved.revision()).isEqualTo(ContentHash.of(server.storedDefinition("orders").orElseThrow()));
    assertThat(server.counters("orders").writes()).isEqualTo(2);
  }

  @Test
  void a_write_refused_for_its_token_is_sent_again_with_a_new_one() throws TargetException {
    start(Duration.ofHours(1), 50);
    RemoteFlow created = target.create("orders", "Orders", "");
    // The read before the PUT still gets its token; the PUT is refused and must be resent once.
    server.faults().failNext(1, 401, "PUT", "/sset/");
    target.save("orders", pipeline("Orders"), created.revision());
    assertThat(server.requests()).filteredOn(r -> r.method().equals("PUT"))
        .extracting(RecordedRequest::status).containsExactly(401, 200);
  }

  @Test
  void without_options_the_engine_version_is_the_first_released_one_as_the_sdk_chooses() throws TargetException {
    start(Duration.ofHours(1), 50);
    try (WatsonxTarget engineless = new WatsonxTarget(WatsonxSettings.of(server.url(), PROJECT, Secret.of(API_KEY))
        .withIamUrl(server.url()).withHttp(FAST))) {
      engineless.create("orders", "Orders", "");
      assertThat(engineless.engineVersion()).isEqualTo("6.3.0");
    }
    RecordedRequest post = server.requests().stream().filter(r -> r.method().equals("POST") && r.path().startsWith("/sset/"))
        .findFirst().orElseThrow();
    assertThat(json(post.body()).get("engine_version").asText()).isEqualTo("6.3.0");
    assertThat(json(post.body()).get("environment_id").asText()).isEmpty();
    assertThat(server.requests()).anyMatch(r -> r.path().endsWith("/streamsets_engine_versions")
        && r.query().equals("include_stagelibs=True&releases=True"));
  }

  @Test
  void with_an_environment_the_engine_version_is_the_environments() throws TargetException {
    start(Duration.ofHours(1), 50);
    try (WatsonxTarget bound = new WatsonxTarget(WatsonxSettings.of(server.url(), PROJECT, Secret.of(API_KEY))
        .withIamUrl(server.url()).withEnvironment("env-1", null).withHttp(FAST))) {
      assertThat(bound.engineVersion()).isEqualTo("6.0.0");
      bound.create("orders", "Orders", "");
    }
    assertThat(server.storedFlow("orders").orElseThrow().get("environment_id").asText()).isEqualTo("env-1");
    assertThat(server.storedFlow("orders").orElseThrow().get("engine_version").asText()).isEqualTo("6.0.0");
  }

  @Test
  void the_project_is_listed_once_per_run_however_many_flows_are_read() throws TargetException {
    start(Duration.ofHours(1), 2);
    for (String name : List.of("a", "b", "c", "d", "e")) {
      target.create(name, name, "");
    }
    target.close();
    target = connect(API_KEY, PROJECT);
    server.clearRequests();
    for (String name : List.of("a", "b", "c", "d", "e", "missing")) {
      target.read(name);
    }
    target.list();
    // Three pages of two, once; then one GET per flow found.
    assertThat(server.requests()).filteredOn(r -> r.path().endsWith("/streamsets_flows")).hasSize(3);
    assertThat(server.requests()).filteredOn(r -> !r.path().endsWith("/streamsets_flows")
        && !r.path().startsWith("/identity")).hasSize(5);
  }

  @Test
  void requests_answered_429_are_sent_again_when_the_server_says() throws TargetException {
    server = WatsonxServer.builder().apiKey(API_KEY, "IBMid-1").project(PROJECT).engineVersion("6.0.0", true)
        .environment("env-1", "6.0.0").rateLimit(2, Duration.ofSeconds(1)).start();
    // Patient enough to wait the second the server asks for.
    target = new WatsonxTarget(WatsonxSettings.of(server.url(), PROJECT, Secret.of(API_KEY)).withIamUrl(server.url())
        .withEnvironment("env-1", null)
        .withHttp(FAST.withRetry(new RetryPolicy(6, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2)))));
    RemoteFlow created = target.create("orders", "Orders", "");
    target.save("orders", pipeline("Orders"), created.revision());
    target.delete("orders");
    assertThat(server.throttled()).isPositive();
    assertThat(server.requests()).extracting(RecordedRequest::status).contains(429);
    assertThat(server.storedDefinition("orders")).isEmpty();
    // Every write was applied once: nothing was created twice.
    assertThat(server.counters("orders").writes()).isEqualTo(3);
  }

  @Test
  void a_failed_first_save_removes_the_flow_it_created() throws TargetException {
    start(Duration.ofHours(1), 50);
    var orders = pipeline("Orders");
    server.faults().failNext(1, 400, "PUT", "/sset/");
    assertThatThrownBy(() -> target.createWith("orders", orders))
        .isInstanceOf(TargetFailureException.class)
        .hasMessageContaining("deleted again");
    assertThat(server.storedFlow("orders")).isEmpty();
    assertThat(target.read("orders")).isEmpty();
  }

  @Test
  void the_stage_definitions_are_those_of_the_engine_version() throws TargetException {
    server = WatsonxServer.builder().apiKey(API_KEY, "IBMid-1").project(PROJECT).engineVersion("6.0.0", true)
        .environment("env-1", "6.0.0").definitions("6.0.0", Platform.definitions()).start();
    target = connect(API_KEY, PROJECT);
    assertThat(target.definitionsVersion()).contains("6.0.0");
    JsonNode definitions = target.definitions().orElseThrow();
    assertThat(definitions.path("stageDefinitionMap").size()).isPositive();
    assertThat(server.requests()).anyMatch(r -> r.path().equals("/sset/engine_manager/v1/streamsets_engine_versions/6.0.0/definitions"));
  }

  @Test
  void a_bearer_token_a_zen_api_key_and_a_cloud_pak_user_each_authenticate() throws TargetException {
    server = WatsonxServer.builder().project(PROJECT).engineVersion("6.0.0", true)
        .bearerToken("given-Token-1").zenApiKey("ann", "Zen-Key-2").cp4dUser("bob", "Cp-Password-3", "Cp-Key-4").start();
    List<WatsonxAuth> auths = List.of(new WatsonxAuth.Bearer(Secret.of("given-Token-1")),
        new WatsonxAuth.ZenApiKey("ann", Secret.of("Zen-Key-2")),
        new WatsonxAuth.Cp4d(server.url(), "bob", Optional.of(Secret.of("Cp-Password-3")), Optional.empty()),
        new WatsonxAuth.Cp4d(server.url(), "bob", Optional.empty(), Optional.of(Secret.of("Cp-Key-4"))));
    for (WatsonxAuth auth : auths) {
      try (WatsonxTarget t = new WatsonxTarget(WatsonxSettings.of(server.url(), PROJECT, auth).withHttp(FAST))) {
        assertThat(t.list()).isEmpty();
      }
    }
    try (WatsonxTarget wrong = new WatsonxTarget(WatsonxSettings.of(server.url(), PROJECT,
        new WatsonxAuth.Cp4d(server.url(), "bob", Optional.of(Secret.of("Wrong-Password-5")), Optional.empty())).withHttp(FAST))) {
      AuthenticationException e = catchThrowableOfType(AuthenticationException.class, wrong::list);
      assertThat(e.getMessage()).contains("Cloud Pak for Data").doesNotContain("Wrong-Password-5");
    }
    assertThat(server.requests().toString()).doesNotContain("Cp-Password-3", "Cp-Key-4", "Zen-Key-2", "given-Token-1");
  }

  private void createBehindTheTargetsBack(String name) throws IOException {
    OkHttpClient http = new OkHttpClient();
    String token;
    try (Response response = http.newCall(new Request.Builder().url(server.url() + "/identity/token")
        .post(new FormBody.Builder().add("grant_type", "urn:ibm:params:oauth:grant-type:apikey").add("apikey", API_KEY).build())
        .build()).execute()) {
      token = json(response.body().string()).get("access_token").asText();
    }
    try (Response response = http.newCall(new Request.Builder()
        .url(server.url() + "/sset/streamsets_flows/v1/streamsets_flows?project_id=" + PROJECT)
        .header("Authorization", "Bearer " + token)
        .post(RequestBody.create("{\"name\":\"" + name + "\",\"description\":\"\",\"environment_id\":\"\","
            + "\"engine_version\":\"6.3.0\"}", MediaType.get("application/json")))
        .build()).execute()) {
      assertThat(response.code()).isEqualTo(201);
    }
  }

  private static JsonNode json(String text) {
    try {
      return Platform.JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
