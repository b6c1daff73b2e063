package io.flowascode.engine.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.testkit.DataCollectorServer.AuthMode;
import io.flowascode.testkit.DataCollectorServer;
import io.flowascode.testkit.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link DataCollectorTarget} against the stateful Data Collector test server over real HTTP. */
class DataCollectorTargetTest {
  static final String PASSWORD = "Pa55-w0rd-never-shown";
  private static final HttpOptions FAST = HttpOptions.defaults()
      .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10))
      .withRetry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)));

  private DataCollectorServer server;
  private DataCollectorTarget target;

  @AfterEach
  void stop() {
    if (target != null) {
      target.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private DataCollectorTarget start(AuthMode mode, HttpOptions options) throws TargetException {
    server = DataCollectorServer.builder(Platform.definitions())
        .authMode(mode)
        .user("admin", PASSWORD, "admin")
        .user("viewer", "viewer-pass", "guest")
        .start();
    target = connect("admin", PASSWORD, options);
    return target;
  }

  private DataCollectorTarget connect(String user, String password, HttpOptions options) throws TargetException {
    return new DataCollectorTarget(server.url(), Optional.of(new BasicCredentials(user, Secret.of(password))), options);
  }

  @Test
  void a_flow_is_created_read_saved_listed_and_deleted() throws TargetException {
    start(AuthMode.BASIC, FAST);

    RemoteFlow created = target.create("orders", "Orders", "the orders flow");
    assertThat(created.revision()).isEqualTo(created.pipeline().path("uuid").asText()).isNotEmpty();
    assertThat(created.pipeline().path("description").asText()).isEqualTo("the orders flow");

    RemoteFlow saved = target.save("orders", Platform.compiledPipeline("Orders"), created.revision());
    assertThat(saved.revision()).isNotEqualTo(created.revision());
    assertThat(saved.pipeline().path("title").asText()).isEqualTo("Orders");
    assertThat(saved.pipeline().path("stages").size()).isEqualTo(3);

    assertThat(target.read("orders")).map(RemoteFlow::revision).contains(saved.revision());
    assertThat(target.list()).containsExactly(new RemoteFlowSummary("orders", "Orders", Optional.of(saved.revision())));

    target.delete("orders");
    assertThat(target.read("orders")).isEmpty();
    assertThat(target.list()).isEmpty();
  }

  @Test
  void every_call_carries_the_csrf_and_rest_headers() throws TargetException {
    start(AuthMode.BASIC, FAST);
    RemoteFlow created = target.create("orders", "Orders", "");
    target.save("orders", Platform.compiledPipeline("Orders"), created.revision());
    target.list();
    target.definitions();
    target.delete("orders");

    assertThat(server.requests()).isNotEmpty().allSatisfy(request -> {
      assertThat(request.header("X-Requested-By")).isEqualTo("sdc");
      assertThat(request.header("X-SS-REST-CALL")).isEqualTo("true");
    });
  }

  @Test
  void a_save_carries_the_info_block_the_server_handed_out() throws TargetException {
    start(AuthMode.BASIC, FAST);
    RemoteFlow created = target.create("orders", "Orders", "");
    target.save("orders", Platform.compiledPipeline("Orders"), created.revision());

    RecordedRequest post = server.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
    JsonNode body = readJson(post.body());
    assertThat(body.get("info")).isEqualTo(created.pipeline().get("info"));
    assertThat(body.get("uuid").asText()).isEqualTo(created.revision());
    assertThat(body.get("pipelineId").asText()).isEqualTo("orders");
  }

  @Test
  void the_server_definitions_are_offered_raw() throws TargetException {
    start(AuthMode.BASIC, FAST);
    assertThat(target.definitions()).contains(Platform.definitions());
  }

  @Test
  void a_stale_revision_is_a_conflict_and_nothing_is_written() throws TargetException {
    start(AuthMode.BASIC, FAST);
    RemoteFlow created = target.create("orders", "Orders", "");
    target.save("orders", Platform.compiledPipeline("First"), created.revision());
    int writes = server.counters("orders").writes();

    FlowConflictException conflict = catchThrowableOfType(FlowConflictException.class,
        () -> target.save("orders", Platform.compiledPipeline("Second"), created.revision()));

    assertThat(conflict.expectedRevision()).isEqualTo(created.revision());
    assertThat(conflict.getMessage()).contains("orders").contains("changed since it was read");
    assertThat(server.counters("orders").writes()).isEqualTo(writes);
    assertThat(server.stored("orders").orElseThrow().path("title").asText()).isEqualTo("First");
  }

  @Test
  void a_change_between_our_read_and_our_post_is_caught_by_the_server_uuid_check() throws Exception {
    start(AuthMode.BASIC, FAST);
    RemoteFlow created = target.create("orders", "Orders", "");
    // Our POST is held back long enough for another apply to read and save in between.
    server.faults().delayNextMatching(1, Duration.ofMillis(1500), (method, path) -> method.equals("POST"));
    CompletableFuture<RemoteFlow> slow = CompletableFuture.supplyAsync(() -> saveUnchecked(target, "Slow", created));
    Thread.sleep(300);
    try (DataCollectorTarget other = connect("admin", PASSWORD, FAST)) {
      other.save("orders", Platform.compiledPipeline("Fast"), created.revision());
    }
    assertThatThrownBy(slow::join).hasCauseInstanceOf(FlowConflictException.class);
    assertThat(server.stored("orders").orElseThrow().path("title").asText()).isEqualTo("Fast");
  }

  @Test
  void two_concurrent_savers_with_the_same_revision_exactly_one_wins() throws Exception {
    start(AuthMode.BASIC, FAST);
    target.create("orders", "Orders", "");
    for (int round = 0; round < 5; round++) {
      RemoteFlow current = target.read("orders").orElseThrow();
      String suffix = Integer.toString(round);
      try (DataCollectorTarget a = connect("admin", PASSWORD, FAST); DataCollectorTarget b = connect("admin", PASSWORD, FAST)) {
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> outcome(a, "A" + suffix, current));
        CompletableFuture<Object> second = CompletableFuture.supplyAsync(() -> outcome(b, "B" + suffix, current));
        List<Object> outcomes = List.of(first.get(), second.get());
        assertThat(outcomes).filteredOn(o -> o instanceof RemoteFlow).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof FlowConflictException).hasSize(1);
      }
    }
  }

  @Test
  void a_running_flow_cannot_be_saved() throws TargetException {
    start(AuthMode.BASIC, FAST);
    RemoteFlow created = target.create("orders", "Orders", "");
    server.markRunning("orders", true);
    assertThatThrownBy(() -> target.save("orders", Platform.compiledPipeline("Orders"), created.revision()))
        .isInstanceOf(FlowRunningException.class)
        .hasMessageContaining("CONTAINER_0208")
        .hasMessageContaining("running");
  }

  @Test
  void creating_an_existing_flow_and_saving_a_missing_one_are_told_apart() throws TargetException {
    start(AuthMode.BASIC, FAST);
    target.create("orders", "Orders", "");
    assertThatThrownBy(() -> target.create("orders", "Orders", "")).isInstanceOf(FlowExistsException.class);
    assertThatThrownBy(() -> target.save("nope", Platform.compiledPipeline("x"), "r"))
        .isInstanceOf(FlowNotFoundException.class);
    assertThatThrownBy(() -> target.delete("nope")).isInstanceOf(FlowNotFoundException.class);
  }

  @Test
  void a_wrong_password_is_an_authentication_error_that_never_shows_the_password() throws TargetException {
    start(AuthMode.BASIC, FAST);
    try (DataCollectorTarget wrong = connect("admin", "Wr0ng-" + PASSWORD, FAST)) {
      AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> wrong.read("orders"));
      assertThat(e.getMessage()).contains("401").contains(server.url());
      assertThat(e.getMessage() + e).doesNotContain(PASSWORD).doesNotContain("Wr0ng");
    }
  }

  @Test
  void a_user_without_the_creator_role_is_told_so() throws TargetException {
    start(AuthMode.BASIC, FAST);
    try (DataCollectorTarget viewer = connect("viewer", "viewer-pass", FAST)) {
      assertThatThrownBy(() -> viewer.create("orders", "Orders", ""))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("403")
          .hasMessageNotContaining("viewer-pass");
    }
  }

  @Test
  void form_mode_hides_the_api_from_calls_without_credentials_and_the_message_says_why() throws TargetException {
    start(AuthMode.FORM, FAST);
    try (DataCollectorTarget anonymous = new DataCollectorTarget(server.url(), Optional.empty(), FAST)) {
      assertThatThrownBy(anonymous::list)
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("form authentication");
    }
    assertThat(target.list()).isEmpty();
  }

  @Test
  void reads_are_retried_on_503_until_they_succeed() throws TargetException {
    start(AuthMode.BASIC, FAST);
    target.create("orders", "Orders", "");
    server.clearRequests();
    server.faults().failNext(2, 503);

    assertThat(target.read("orders")).isPresent();
    assertThat(server.requests()).extracting(RecordedRequest::status).containsExactly(503, 503, 200);
  }

  @Test
  void reads_give_up_after_the_last_attempt_and_say_what_failed() throws TargetException {
    start(AuthMode.BASIC, FAST);
    server.faults().failNext(3, 502);
    TargetFailureException e = catchThrowableOfType(TargetFailureException.class, () -> target.read("orders"));
    assertThat(e.status()).hasValue(502);
    assertThat(e.getMessage()).isEqualTo(target.describe() + " answered 502 (while reading flow 'orders')");
  }

  @Test
  void a_server_error_that_persists_is_reported_with_its_code_and_message() throws TargetException {
    start(AuthMode.BASIC, FAST);
    server.faults().failNext(3, 500);
    TargetFailureException e = catchThrowableOfType(TargetFailureException.class, () -> target.list());
    assertThat(e.getMessage()).isEqualTo(
        "Data Collector at " + server.url() + " answered 500 CONTAINER_0000: injected fault (while listing flows)");
    assertThat(e.errorCode()).contains("CONTAINER_0000");
  }

  @Test
  void a_write_answered_503_is_sent_again_only_once_reading_back_shows_it_was_not_applied() throws TargetException {
    start(AuthMode.BASIC, FAST);
    RemoteFlow created = target.create("orders", "Orders", "");
    server.faults().failNext(1, 503, "POST", "/rest/v1/pipeline/");

    target.save("orders", Platform.compiledPipeline("Orders"), created.revision());

    assertThat(server.requests()).extracting(r -> r.method() + " " + r.status())
        .containsSubsequence("POST 503", "GET 200", "POST 200");
    assertThat(server.counters("orders").writes()).isEqualTo(2);
  }

  @Test
  void a_write_refused_for_good_is_not_sent_again() throws TargetException {
    start(AuthMode.BASIC, FAST);
    RemoteFlow created = target.create("orders", "Orders", "");
    target.save("orders", Platform.compiledPipeline("First"), created.revision());
    server.clearRequests();

    assertThatThrownBy(() -> target.save(created, Platform.compiledPipeline("Second")))
        .isInstanceOf(FlowConflictException.class);
    assertThat(server.requests()).extracting(RecordedRequest::method).containsExactly("POST");
  }

  @Test
  void a_save_whose_answer_is_lost_is_resolved_by_reading_back() throws TargetException {
    start(AuthMode.BASIC, FAST);
    RemoteFlow created = target.create("orders", "Orders", "");
    server.faults().dropResponseAfterNextWrites(1);

    RemoteFlow saved = target.save("orders", Platform.compiledPipeline("Orders"), created.revision());

    ObjectNode stored = server.stored("orders").orElseThrow();
    assertThat(saved.revision()).isEqualTo(stored.path("uuid").asText()).isNotEqualTo(created.revision());
    assertThat(server.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(1)
        .first().extracting(RecordedRequest::status).isEqualTo(RecordedRequest.DROPPED);
  }

  @Test
  void a_create_or_delete_whose_answer_is_lost_is_resolved_by_reading_back() throws TargetException {
    start(AuthMode.BASIC, FAST);
    server.faults().dropResponseAfterNextWrites(1);
    RemoteFlow created = target.create("orders", "Orders", "described");
    assertThat(created.revision()).isEqualTo(server.stored("orders").orElseThrow().path("uuid").asText());

    server.faults().dropResponseAfterNextWrites(1);
    target.delete("orders");
    assertThat(server.stored("orders")).isEmpty();
    assertThat(server.requests()).filteredOn(r -> !r.method().equals("GET")).hasSize(2);
  }

  @Test
  void a_save_that_times_out_before_the_server_applied_it_has_an_unknown_outcome() throws Exception {
    HttpOptions impatient = FAST.withTimeouts(
        Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(10));
    start(AuthMode.BASIC, impatient);
    RemoteFlow created = target.create("orders", "Orders", "");
    server.faults().delayNextMatching(1, Duration.ofMillis(1500), (method, path) -> method.equals("POST"));

    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class,
        () -> target.save("orders", Platform.compiledPipeline("Late"), created.revision()));

    assertThat(e.getMessage()).contains("still has revision " + created.revision()).contains("plan again");
    // The server applies the late request after all: exactly why the outcome was not reported as a failure.
    Thread.sleep(1700);
    assertThat(server.stored("orders").orElseThrow().path("title").asText()).isEqualTo("Late");
  }

  @Test
  void a_slow_read_hits_the_read_timeout_and_is_retried() throws TargetException {
    HttpOptions impatient = FAST.withTimeouts(
        Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(10));
    start(AuthMode.BASIC, impatient);
    target.create("orders", "Orders", "");
    server.faults().delayNext(1, Duration.ofSeconds(1));
    assertThat(target.read("orders")).isPresent();

    try (DataCollectorTarget once = connect("admin", PASSWORD, impatient.withRetry(RetryPolicy.none()))) {
      server.faults().delayNext(1, Duration.ofSeconds(1));
      assertThatThrownBy(() -> once.read("orders"))
          .isInstanceOf(TargetFailureException.class)
          .hasMessageContaining("could not be reached while reading flow 'orders'")
          .hasMessageContaining("no answer in time");
    }
  }

  @Test
  void a_500_the_engine_may_not_give_again_is_retried_but_its_lasting_errors_are_not() throws TargetException {
    start(AuthMode.BASIC, FAST);
    target.create("orders", "Orders", "");
    server.faults().failNext(2, 500, "GET", "/rest/v1/pipeline/orders");
    assertThat(target.read("orders")).isPresent();
    server.clearRequests();

    // CONTAINER_0200 (no such pipeline) is the answer, not a hiccup: one request.
    assertThat(target.read("missing")).isEmpty();
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void refused_credentials_are_not_retried() throws TargetException {
    start(AuthMode.BASIC, FAST);
    try (DataCollectorTarget wrong = connect("admin", "not-" + PASSWORD, FAST)) {
      assertThatThrownBy(() -> wrong.read("orders")).isInstanceOf(AuthenticationException.class);
    }
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void a_new_flow_is_created_with_its_content_in_one_request() throws TargetException {
    start(AuthMode.BASIC, FAST);
    ObjectNode pipeline = Platform.compiledPipeline("Orders");
    pipeline.putObject("metadata").putArray("labels").add("managed-by-flow-as-code");

    RemoteFlow created = target.createWith("orders", pipeline);

    assertThat(server.requests()).extracting(r -> r.method() + " " + r.path())
        .containsExactly("POST /rest/v1/pipeline/orders/import");
    assertThat(server.requests().get(0).query()).contains("overwrite=false", "includeLibraryDefinitions=false");
    ObjectNode stored = server.stored("orders").orElseThrow();
    assertThat(created.revision()).isEqualTo(stored.path("uuid").asText());
    assertThat(stored.path("title").asText()).isEqualTo("Orders");
    assertThat(stored.path("stages").size()).isEqualTo(3);
    assertThat(stored.at("/metadata/labels/0").asText()).isEqualTo("managed-by-flow-as-code");
    assertThatThrownBy(() -> target.createWith("orders", pipeline)).isInstanceOf(FlowExistsException.class);
  }

  @Test
  void a_create_that_fails_leaves_no_pipeline_behind() throws TargetException {
    start(AuthMode.BASIC, FAST);
    server.faults().failNext(10, 500, "POST", "/rest/v1/pipeline/orders/import");
    assertThatThrownBy(() -> target.createWith("orders", Platform.compiledPipeline("Orders")))
        .isInstanceOf(TargetFailureException.class);
    assertThat(server.stored("orders")).isEmpty();
  }

  @Test
  void a_create_whose_answer_is_lost_is_resolved_by_reading_back() throws TargetException {
    start(AuthMode.BASIC, FAST);
    server.faults().dropResponseAfterNextWrites(1);
    RemoteFlow created = target.createWith("orders", Platform.compiledPipeline("Orders"));
    assertThat(created.revision()).isEqualTo(server.stored("orders").orElseThrow().path("uuid").asText());
    assertThat(server.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
  }

  @Test
  void a_server_that_stops_answering_gets_no_more_requests() throws Exception {
    HttpOptions impatient = FAST.withTimeouts(
        Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(10));
    start(AuthMode.BASIC, impatient);
    server.faults().delayEvery(Duration.ofMillis(1500));
    for (String id : List.of("a", "b", "c", "d", "e")) {
      assertThatThrownBy(() -> target.read(id)).isInstanceOf(TargetFailureException.class);
    }
    server.faults().clear();
    assertThatThrownBy(() -> target.read("f"))
        .isInstanceOf(TargetFailureException.class)
        .hasMessageContaining("stopped answering")
        .hasMessageContaining("--timeout");
    // Three silent attempts (the first read's), then nothing: not three per flow. The server logs a
    // request once it has answered it, after its delay.
    Thread.sleep(1700);
    assertThat(server.requests()).hasSize(HttpCaller.SILENCES_BEFORE_GIVING_UP);
  }

  @Test
  void no_request_starts_after_the_deadline() throws Exception {
    start(AuthMode.BASIC, FAST.withDeadline(Optional.of(Duration.ofMillis(300))));
    target.create("orders", "Orders", "");
    Thread.sleep(400);
    server.clearRequests();
    assertThatThrownBy(() -> target.read("orders"))
        .isInstanceOf(TargetFailureException.class)
        .hasMessageContaining("deadline of 300ms");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void an_unreachable_server_is_a_failure_naming_it() throws TargetException {
    start(AuthMode.BASIC, FAST);
    String url = server.url();
    server.close();
    server = null;
    assertThatThrownBy(() -> target.list())
        .isInstanceOf(TargetFailureException.class)
        .hasMessageStartingWith("Data Collector at " + url + " could not be reached while listing flows");
  }

  @Test
  void credentials_in_the_url_are_refused_without_echoing_them() {
    TargetFailureException e = catchThrowableOfType(TargetFailureException.class,
        () -> new DataCollectorTarget("http://admin:" + PASSWORD + "@127.0.0.1:1", Optional.empty(), FAST));
    assertThat(e.getMessage()).doesNotContain(PASSWORD).contains("must not contain credentials");
  }

  private static RemoteFlow saveUnchecked(Target target, String title, RemoteFlow base) {
    try {
      return target.save(base.id(), Platform.compiledPipeline(title), base.revision());
    } catch (TargetException e) {
      throw new CompletionException(e);
    }
  }

  private static Object outcome(Target target, String title, RemoteFlow base) {
    try {
      return target.save(base.id(), Platform.compiledPipeline(title), base.revision());
    } catch (TargetException e) {
      return e;
    }
  }

  private static JsonNode readJson(String text) {
    try {
      return Platform.JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
