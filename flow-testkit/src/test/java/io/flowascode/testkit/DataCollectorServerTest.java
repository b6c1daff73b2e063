package io.flowascode.testkit;

import static io.flowascode.testkit.SharedFiles.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.testkit.DataCollectorServer.AuthMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The test server answers exactly like the Data Collector transcripts in `platform/rest-samples`. */
class DataCollectorServerTest {
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final String PASSWORD = "s3cret-pa55";

  private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
  private DataCollectorServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private DataCollectorServer start(AuthMode mode) {
    server = DataCollectorServer.builder(SharedFiles.definitions())
        .authMode(mode)
        .user("admin", PASSWORD, "admin")
        .user("guest", "guest-pass", "guest")
        .start();
    return server;
  }

  private Request.Builder request(String path) {
    return new Request.Builder().url(server.url() + path);
  }

  private Request.Builder authorized(String path) {
    return request(path)
        .header("Authorization", Credentials.basic("admin", PASSWORD))
        .header("X-Requested-By", "sdc")
        .header("X-SS-REST-CALL", "true");
  }

  private Response call(Request.Builder request) throws IOException {
    return http.newCall(request.build()).execute();
  }

  private JsonNode created(String id) throws IOException {
    try (Response response = call(authorized("/rest/v1/pipeline/" + id + "?autoGeneratePipelineId=false&description=d")
        .put(RequestBody.create(new byte[0])))) {
      assertThat(response.code()).isEqualTo(201);
      return JSON.readTree(response.body().string());
    }
  }

  private Response save(String id, JsonNode pipeline) throws IOException {
    return call(authorized("/rest/v1/pipeline/" + id + "?rev=0").post(RequestBody.create(pipeline.toString(), JSON_TYPE)));
  }

  private static JsonNode remoteException(Response response) throws IOException {
    return JSON.readTree(response.body().string()).get("RemoteException");
  }

  @Test
  void basic_mode_answers_401_with_the_basic_realm_without_or_with_wrong_credentials() throws IOException {
    start(AuthMode.BASIC);
    try (Response none = call(request("/rest/v1/pipelines"))) {
      assertThat(none.code()).isEqualTo(401);
      assertThat(none.header("WWW-Authenticate")).isEqualTo("basic realm=\"basic-realm\"");
    }
    try (Response wrong = call(request("/rest/v1/pipelines").header("Authorization", Credentials.basic("admin", "no")))) {
      assertThat(wrong.code()).isEqualTo(401);
      assertThat(wrong.header("WWW-Authenticate")).isEqualTo("basic realm=\"basic-realm\"");
    }
  }

  @Test
  void form_mode_hides_the_api_from_anonymous_calls_and_accepts_basic_credentials() throws IOException {
    start(AuthMode.FORM);
    try (Response anonymous = call(request("/rest/v1/pipelines"))) {
      assertThat(anonymous.code()).isEqualTo(404);
      assertThat(anonymous.header("Content-Type")).isEqualTo("text/html;charset=iso-8859-1");
      assertThat(anonymous.body().string()).contains("<title>Error 404 Not Found</title>");
    }
    try (Response basic = call(authorized("/rest/v1/pipelines"))) {
      assertThat(basic.code()).isEqualTo(200);
      assertThat(basic.header("TOTAL_COUNT")).isEqualTo("0");
    }
    try (Response wrong = call(request("/rest/v1/pipelines").header("Authorization", Credentials.basic("admin", "no")))) {
      assertThat(wrong.code()).isEqualTo(401);
      assertThat(wrong.header("WWW-Authenticate")).isEqualTo("basic realm=\"form-realm\"");
    }
  }

  @Test
  void none_mode_lets_anonymous_calls_in_as_admin() throws IOException {
    start(AuthMode.NONE);
    try (Response create = call(request("/rest/v1/pipeline/open?autoGeneratePipelineId=false")
        .header("X-Requested-By", "sdc").put(RequestBody.create(new byte[0])))) {
      assertThat(create.code()).isEqualTo(201);
      assertThat(JSON.readTree(create.body().string()).at("/info/creator").asText()).isEqualTo("admin");
    }
  }

  @Test
  void a_write_without_x_requested_by_is_refused_with_400_and_an_empty_body() throws IOException {
    start(AuthMode.BASIC);
    try (Response response = call(request("/rest/v1/pipeline/x?autoGeneratePipelineId=false")
        .header("Authorization", Credentials.basic("admin", PASSWORD))
        .put(RequestBody.create(new byte[0])))) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(response.header("Content-Length")).isEqualTo("0");
      assertThat(response.body().bytes()).isEmpty();
    }
    assertThat(server.stored("x")).isEmpty();
  }

  @Test
  void a_user_without_the_creator_role_may_read_but_not_write() throws IOException {
    start(AuthMode.BASIC);
    created("p1");
    try (Response read = call(request("/rest/v1/pipeline/p1").header("Authorization", Credentials.basic("guest", "guest-pass")))) {
      assertThat(read.code()).isEqualTo(200);
    }
    try (Response write = call(request("/rest/v1/pipeline/p1").header("Authorization", Credentials.basic("guest", "guest-pass"))
        .header("X-Requested-By", "sdc").delete())) {
      assertThat(write.code()).isEqualTo(403);
    }
  }

  @Test
  void create_answers_201_with_the_default_pipeline_in_the_shape_of_the_real_one() throws IOException {
    start(AuthMode.BASIC);
    JsonNode sample = SharedFiles.read("platform/rest-samples/04_create_pipeline.body.json");
    try (Response response = call(authorized("/rest/v1/pipeline/plainid?autoGeneratePipelineId=false&description=")
        .put(RequestBody.create(new byte[0])))) {
      assertThat(response.code()).isEqualTo(201);
      assertThat(response.header("Location")).endsWith("/rest/%2Frest%2Fv1%2Fpipeline%2Fplainid/plainid");
      JsonNode body = JSON.readTree(response.body().string());
      assertThat(fieldNames(body)).isEqualTo(fieldNames(sample));
      assertThat(fieldNames(body.get("info"))).isEqualTo(fieldNames(sample.get("info")));
      assertThat(body.get("pipelineId").asText()).isEqualTo("plainid");
      assertThat(body.get("title").asText()).isEqualTo("plainid");
      assertThat(body.get("uuid")).isEqualTo(body.at("/info/uuid"));
      assertThat(body.get("configuration")).isEqualTo(sample.get("configuration"));
      assertThat(body.get("testOriginStage")).isEqualTo(sample.get("testOriginStage"));
      assertThat(body.get("issues")).isEqualTo(sample.get("issues"));
    }
  }

  @Test
  void create_with_a_generated_id_keeps_ten_characters_of_the_title_and_adds_a_uuid() throws IOException {
    start(AuthMode.BASIC);
    try (Response response = call(authorized("/rest/v1/pipeline/My%20Test%20Pipeline?autoGeneratePipelineId=true")
        .put(RequestBody.create(new byte[0])))) {
      JsonNode body = JSON.readTree(response.body().string());
      assertThat(body.get("pipelineId").asText()).matches("MyTestPi[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
      assertThat(body.get("title").asText()).isEqualTo("My Test Pipeline");
    }
  }

  @Test
  void creating_an_existing_id_is_container_0201() throws IOException {
    start(AuthMode.BASIC);
    created("plainid");
    try (Response response = call(authorized("/rest/v1/pipeline/plainid?autoGeneratePipelineId=false")
        .put(RequestBody.create(new byte[0])))) {
      assertThat(response.code()).isEqualTo(500);
      JsonNode error = remoteException(response);
      JsonNode real = SharedFiles.JSON.readTree(bodyOf("13_create_existing_id.txt")).get("RemoteException");
      assertThat(fieldNames(error)).isEqualTo(fieldNames(real));
      assertThat(error.get("errorCode").asText()).isEqualTo("CONTAINER_0201");
      assertThat(error.get("localizedMessage")).isEqualTo(real.get("localizedMessage"));
      assertThat(error.get("message")).isEqualTo(real.get("message"));
    }
  }

  @Test
  void reading_or_deleting_a_missing_pipeline_is_container_0200() throws IOException {
    start(AuthMode.BASIC);
    try (Response response = call(authorized("/rest/v1/pipeline/doesNotExist123?rev=0"))) {
      assertThat(response.code()).isEqualTo(500);
      JsonNode real = SharedFiles.JSON.readTree(bodyOf("08_get_missing_pipeline.txt")).get("RemoteException");
      assertThat(remoteException(response).get("localizedMessage")).isEqualTo(real.get("localizedMessage"));
    }
    try (Response response = call(authorized("/rest/v1/pipeline/plainid").delete())) {
      assertThat(response.code()).isEqualTo(500);
      JsonNode real = SharedFiles.JSON.readTree(bodyOf("18_delete_missing_pipeline.txt")).get("RemoteException");
      assertThat(remoteException(response).get("localizedMessage")).isEqualTo(real.get("localizedMessage"));
    }
  }

  @Test
  void a_save_fills_defaults_sorts_stages_and_gives_a_new_uuid() throws IOException {
    start(AuthMode.BASIC);
    JsonNode fresh = created("MyTestPid26d5962-2c16-46c0-ad65-c4ca257e3de8");
    ObjectNode request = (ObjectNode) SharedFiles.read("platform/rest-samples/06_update_pipeline.request.json");
    request.put("uuid", fresh.get("uuid").asText());
    ArrayNode stages = (ArrayNode) request.get("stages");
    stages.insert(0, stages.remove(2));
    ((ObjectNode) stages.get(0)).putArray("configuration");

    try (Response response = save("MyTestPid26d5962-2c16-46c0-ad65-c4ca257e3de8", request)) {
      assertThat(response.code()).isEqualTo(200);
      JsonNode saved = JSON.readTree(response.body().string());
      JsonNode real = SharedFiles.read("platform/rest-samples/06_update_pipeline.body.json");
      assertThat(saved.get("uuid").asText()).isNotEqualTo(fresh.get("uuid").asText());
      assertThat(saved.at("/info/uuid")).isEqualTo(saved.get("uuid"));
      assertThat(saved.at("/info/lastModifier").asText()).isEqualTo("admin");
      assertThat(saved.get("stages")).isEqualTo(real.get("stages"));
      assertThat(saved.get("valid").asBoolean()).isTrue();
      assertThat(saved.get("issues")).isEqualTo(real.get("issues"));
    }
  }

  @Test
  void a_save_with_a_stale_uuid_is_container_0205_and_changes_nothing() throws IOException {
    start(AuthMode.BASIC);
    JsonNode fresh = created("p");
    ObjectNode first = fresh.deepCopy();
    first.put("description", "first");
    try (Response ok = save("p", first)) {
      assertThat(ok.code()).isEqualTo(200);
    }
    ObjectNode stale = fresh.deepCopy();
    stale.put("description", "second");
    try (Response conflict = save("p", stale)) {
      assertThat(conflict.code()).isEqualTo(500);
      JsonNode error = remoteException(conflict);
      assertThat(error.get("errorCode").asText()).isEqualTo("CONTAINER_0205");
      assertThat(error.get("localizedMessage").asText()).isEqualTo(
          "CONTAINER_0205 - The pipeline 'p' has been changed. Reload the page to view or edit the latest version of the pipeline.");
    }
    assertThat(server.stored("p").orElseThrow().get("description").asText()).isEqualTo("first");
  }

  @Test
  void a_save_without_info_fails_as_the_real_server_does() throws IOException {
    start(AuthMode.BASIC);
    ObjectNode fresh = (ObjectNode) created("p");
    fresh.remove("info");
    try (Response response = save("p", fresh)) {
      assertThat(response.code()).isEqualTo(500);
      JsonNode error = remoteException(response);
      assertThat(error.get("errorCode").asText()).isEqualTo("CONTAINER_0000");
      assertThat(error.get("exception").asText()).isEqualTo("NullPointerException");
    }
  }

  @Test
  void a_running_pipeline_cannot_be_saved_or_deleted() throws IOException {
    start(AuthMode.BASIC);
    JsonNode fresh = created("p");
    server.markRunning("p", true);
    try (Response response = save("p", fresh)) {
      assertThat(remoteException(response).get("errorCode").asText()).isEqualTo("CONTAINER_0208");
    }
    try (Response response = call(authorized("/rest/v1/pipeline/p").delete())) {
      assertThat(remoteException(response).get("errorCode").asText()).isEqualTo("CONTAINER_0208");
    }
    server.markRunning("p", false);
    try (Response response = call(authorized("/rest/v1/pipeline/p").delete())) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().bytes()).isEmpty();
    }
  }

  @Test
  void the_list_gives_infos_with_a_total_count_and_optionally_states() throws IOException {
    start(AuthMode.BASIC);
    created("b");
    created("a");
    try (Response response = call(authorized("/rest/v1/pipelines"))) {
      assertThat(response.header("TOTAL_COUNT")).isEqualTo("2");
      JsonNode list = JSON.readTree(response.body().string());
      JsonNode real = SharedFiles.JSON.readTree(bodyOf("23_form_list_with_cookie.txt"));
      assertThat(fieldNames(list.get(0))).isEqualTo(fieldNames(real.get(0)));
      assertThat(list.get(0).get("pipelineId").asText()).isEqualTo("a");
    }
    try (Response response = call(authorized("/rest/v1/pipelines?includeStatus=true"))) {
      JsonNode both = JSON.readTree(response.body().string());
      JsonNode real = SharedFiles.JSON.readTree(bodyOf("09_list_pipelines_with_status.txt"));
      assertThat(fieldNames(both.get(1).get(0))).isEqualTo(fieldNames(real.get(1).get(0)));
      assertThat(both.get(1).get(0).get("status").asText()).isEqualTo("EDITED");
    }
  }

  @Test
  void the_definitions_given_at_construction_are_served() throws IOException {
    start(AuthMode.BASIC);
    try (Response response = call(authorized("/rest/v1/definitions"))) {
      assertThat(JSON.readTree(response.body().string())).isEqualTo(SharedFiles.definitions());
    }
  }

  @Test
  void the_request_log_keeps_headers_but_never_the_authorization() throws IOException {
    start(AuthMode.BASIC);
    created("p");
    try (Response ignored = call(authorized("/rest/v1/pipeline/p"))) {
      assertThat(ignored.code()).isEqualTo(200);
    }
    List<RecordedRequest> log = server.requests();
    assertThat(log).extracting(RecordedRequest::method).containsExactly("PUT", "GET");
    assertThat(log.get(0).header("X-Requested-By")).isEqualTo("sdc");
    assertThat(log).allSatisfy(r -> assertThat(r.hasHeader("Authorization")).isFalse());
    assertThat(log.toString()).doesNotContain(PASSWORD).doesNotContain(Credentials.basic("admin", PASSWORD));
    assertThat(server.counters("p")).isEqualTo(new FlowCounters(1, 1));
  }

  @Test
  void injected_failures_answer_without_processing() throws IOException {
    start(AuthMode.BASIC);
    server.faults().failNext(1, 503).failNext(1, 500);
    try (Response first = call(authorized("/rest/v1/pipelines"))) {
      assertThat(first.code()).isEqualTo(503);
    }
    try (Response second = call(authorized("/rest/v1/pipelines"))) {
      assertThat(second.code()).isEqualTo(500);
      assertThat(remoteException(second).get("errorCode").asText()).isEqualTo("CONTAINER_0000");
    }
    try (Response third = call(authorized("/rest/v1/pipelines"))) {
      assertThat(third.code()).isEqualTo(200);
    }
  }

  @Test
  void a_dropped_response_hides_a_write_that_took_effect() {
    start(AuthMode.BASIC);
    server.faults().dropResponseAfterNextWrites(1);
    assertThatThrownBy(() -> created("p")).isInstanceOf(IOException.class);
    assertThat(server.stored("p")).isPresent();
    assertThat(server.requests().get(0).status()).isEqualTo(RecordedRequest.DROPPED);
  }

  @Test
  void a_delayed_answer_arrives_after_the_delay() throws IOException {
    start(AuthMode.BASIC);
    server.faults().delayNext(1, Duration.ofMillis(300));
    long before = System.nanoTime();
    try (Response response = call(authorized("/rest/v1/pipelines"))) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  /** The body of a transcript file: what follows the blank line after the headers. */
  private static String bodyOf(String transcript) throws IOException {
    String dir = System.getProperty("flow.shared.dir");
    String text = Files.readString(Path.of(dir, "platform", "rest-samples", transcript));
    return text.substring(text.indexOf("\r\n\r\n") + 4);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
