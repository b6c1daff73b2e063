package io.flowascode.engine.target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A StreamSets Data Collector reached over its REST API (NOTES §0.2, §2): pipelines read, created,
 * saved with its uuid check, deleted and listed under `/rest/v1`, with Basic authentication (which
 * both its `basic` and its default `form` modes accept) and the `X-Requested-By` header its CSRF
 * filter requires.
 *
 * <p>Reads are retried on network errors, timeouts and transient answers (a 500 is, unless its
 * error code says the answer will not change: not found, exists, changed, running, invalid); writes
 * are sent once. When a write's answer is lost, the flow is read back: if it now holds what was
 * sent under a new uuid, the write succeeded; otherwise the outcome is reported unknown. New flows
 * are created with their content in one request (the engine's import), so a failed create never
 * leaves a blank pipeline behind.
 */
public final class DataCollectorTarget implements Target {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NIL_UUID = "00000000-0000-0000-0000-000000000000";
  /** Not found, exists, changed since read, running, remote pipeline, no such stage, stage too new. */
  private static final Set<String> PERMANENT_ERRORS = Set.of(
      "CONTAINER_0200", "CONTAINER_0201", "CONTAINER_0205", "CONTAINER_0208", "CONTAINER_01101", "CONTAINER_0901",
      "CONTAINER_0902");

  private final HttpUrl base;
  private final Optional<BasicCredentials> credentials;
  private final OkHttpClient client;
  private final HttpCaller http;

  /**
   * @param baseUrl the engine's URL, e.g. `https://sdc.example.com:18630`; it must not carry
   *     credentials
   * @param credentials empty for an engine in `none` authentication mode
   */
  public DataCollectorTarget(String baseUrl, Optional<BasicCredentials> credentials, HttpOptions options)
      throws TargetFailureException {
    HttpUrl parsed = HttpUrl.parse(baseUrl);
    if (parsed == null) {
      throw new TargetFailureException("not an http(s) URL for Data Collector: '" + baseUrl + "'", null);
    }
    if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
      // The URL is not echoed: it holds the very credentials we must not print.
      throw new TargetFailureException("the Data Collector URL must not contain credentials; give them separately", null);
    }
    this.base = parsed;
    this.credentials = credentials;
    this.client = HttpClientFactory.create(options);
    this.http = new HttpCaller(client, options, DataCollectorTarget::isTransient, java.time.Clock.systemUTC());
  }

  @Override
  public String describe() {
    String text = base.toString();
    return "Data Collector at " + (text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
  }

  @Override
  public Optional<RemoteFlow> read(String flowId) throws TargetException {
    return read(flowId, false);
  }

  /** @param readingBack after a lost answer: allowed past the deadline, as the write must be resolved */
  private Optional<RemoteFlow> read(String flowId, boolean readingBack) throws TargetException {
    String action = "reading flow '" + flowId + "'";
    HttpUrl url = pipelineUrl(flowId).addQueryParameter("rev", "0").build();
    HttpResult answer;
    try {
      Request request = request(url).get().build();
      answer = readingBack ? http.readBack(request) : http.idempotent(request);
    } catch (IOException e) {
      throw unreachable(action, e);
    }
    if (answer.status() == 200) {
      return Optional.of(flow(flowId, parse(answer, action)));
    }
    if (errorCode(answer).equals("CONTAINER_0200")) {
      return Optional.empty();
    }
    throw failure(answer, action, flowId);
  }

  /**
   * One request that creates the pipeline with its content: the engine's import validates it,
   * creates the pipeline and saves the content in one go, refusing an existing id. It needs an
   * `info` block (it dereferences it before creating) and rules (without them it creates, then
   * fails, leaving a blank pipeline): both are always sent. The rules are the four disabled
   * default alerts a plain create stores.
   */
  @Override
  public RemoteFlow createWith(String flowId, JsonNode pipeline) throws TargetException {
    String action = "creating flow '" + flowId + "'";
    if (!pipeline.isObject()) {
      throw new IllegalArgumentException("a pipeline is a JSON object");
    }
    ObjectNode config = ((ObjectNode) pipeline).deepCopy();
    config.put("pipelineId", flowId);
    // The engine replaces the uuid with the one it stores, but refuses a body without one.
    config.put("uuid", NIL_UUID);
    if (!config.path("info").isObject()) {
      config.putObject("info");
    }
    if (!config.hasNonNull("title")) {
      config.put("title", flowId);
    }
    ObjectNode envelope = JSON.createObjectNode();
    envelope.set("pipelineConfig", config);
    envelope.set("pipelineRules", DefaultRules.create(System.currentTimeMillis()));
    HttpUrl url = pipelineUrl(flowId).addPathSegment("import")
        .addQueryParameter("rev", "0")
        .addQueryParameter("overwrite", "false")
        .addQueryParameter("autoGeneratePipelineId", "false")
        .addQueryParameter("draft", "false")
        .addQueryParameter("includeLibraryDefinitions", "false")
        .build();
    Request request = request(url).post(HttpCaller.oneShot(bytes(envelope), HttpCaller.JSON)).build();
    return this.<RemoteFlow>writes(action).run(() -> http.once(request), () -> {
      Optional<RemoteFlow> after = read(flowId, true);
      if (after.isEmpty()) {
        return new SettledWrite.Untouched<>("no flow with this id exists");
      }
      return PipelineEquivalence.storedHoldsSent(config, after.get().pipeline())
          ? new SettledWrite.Applied<>(after.get())
          : new SettledWrite.Unclear<>("a flow with this id now exists but does not hold what was sent");
    }, answer -> {
      if (answer.status() != 200) {
        throw failure(answer, action, flowId);
      }
      JsonNode stored = parse(answer, action).get("pipelineConfig");
      if (stored == null || !stored.isObject()) {
        throw new TargetFailureException(describe() + " answered 200 without the created pipeline while " + action,
            200, null, null);
      }
      return flow(flowId, stored);
    });
  }

  @Override
  public RemoteFlow create(String flowId, String title, String description) throws TargetException {
    String action = "creating flow '" + flowId + "'";
    // With autoGeneratePipelineId=false the path segment is both the id and the title; the title
    // asked for is written by the first save, which carries it in the pipeline.
    HttpUrl url = pipelineUrl(flowId)
        .addQueryParameter("autoGeneratePipelineId", "false")
        .addQueryParameter("description", description)
        .build();
    Request request = request(url).put(HttpCaller.oneShot(new byte[0], HttpCaller.JSON)).build();
    return this.<RemoteFlow>writes(action).run(() -> http.once(request), () -> {
      Optional<RemoteFlow> after = read(flowId, true);
      if (after.isEmpty()) {
        return new SettledWrite.Untouched<>("no flow with this id exists");
      }
      return description.equals(after.get().pipeline().path("description").asText())
          ? new SettledWrite.Applied<>(after.get())
          : new SettledWrite.Unclear<>("a flow with this id now exists but does not look like the one created");
    }, answer -> {
      if (answer.status() == 201 || answer.status() == 200) {
        return flow(flowId, parse(answer, action));
      }
      throw failure(answer, action, flowId);
    });
  }

  @Override
  public RemoteFlow save(String flowId, JsonNode pipeline, String expectedRevision) throws TargetException {
    // The server needs the info block it handed out (it dereferences info.sdcVersion), and the
    // current read lets a stale revision fail before anything is sent.
    RemoteFlow current = read(flowId).orElseThrow(() -> new FlowNotFoundException(
        describe() + " has no flow '" + flowId + "' to save"));
    if (!current.revision().equals(expectedRevision)) {
      throw conflict(flowId, expectedRevision, current.revision());
    }
    return save(current, pipeline);
  }

  /** Saves over a flow just read, without reading it again; the server's uuid check still guards it. */
  @Override
  public RemoteFlow save(RemoteFlow current, JsonNode pipeline) throws TargetException {
    String flowId = current.id();
    String expectedRevision = current.revision();
    String action = "saving flow '" + flowId + "'";
    if (!pipeline.isObject()) {
      throw new IllegalArgumentException("a pipeline is a JSON object");
    }
    ObjectNode body = ((ObjectNode) pipeline).deepCopy();
    body.put("pipelineId", flowId);
    body.put("uuid", expectedRevision);
    body.set("info", current.pipeline().get("info"));
    if (!body.hasNonNull("title")) {
      body.put("title", current.pipeline().path("title").asText(flowId));
    }
    byte[] bytes = bytes(body);
    Request request = request(pipelineUrl(flowId).addQueryParameter("rev", "0").build())
        .post(HttpCaller.oneShot(bytes, HttpCaller.JSON))
        .build();
    return this.<RemoteFlow>writes(action).run(() -> http.once(request), () -> {
      Optional<RemoteFlow> after = read(flowId, true);
      if (after.isEmpty()) {
        return new SettledWrite.Unclear<>("the flow no longer exists");
      }
      if (after.get().revision().equals(expectedRevision)) {
        return new SettledWrite.Untouched<>(
            "it still has revision " + expectedRevision + ", so the save has not been applied (yet)");
      }
      return PipelineEquivalence.storedHoldsSent(body, after.get().pipeline())
          ? new SettledWrite.Applied<>(after.get())
          : new SettledWrite.Unclear<>("it has a new revision " + after.get().revision()
              + " but not the content that was sent");
    }, answer -> {
      if (answer.status() != 200) {
        throw failure(answer, action, flowId, expectedRevision);
      }
      return flow(flowId, parse(answer, action));
    });
  }

  @Override
  public void delete(String flowId) throws TargetException {
    String action = "deleting flow '" + flowId + "'";
    Request request = request(pipelineUrl(flowId).build()).delete(HttpCaller.oneShot(new byte[0], HttpCaller.JSON)).build();
    this.<Boolean>writes(action).run(() -> http.once(request),
        () -> read(flowId, true).isEmpty()
            ? new SettledWrite.Applied<>(true)
            : new SettledWrite.Untouched<>("the flow still exists"),
        answer -> {
          if (!answer.isSuccessful()) {
            throw failure(answer, action, flowId);
          }
          return true;
        });
  }

  /** How this target's writes are settled, worded for `action`. */
  private <T> SettledWrite<T> writes(String action) {
    return new SettledWrite<>(http, DataCollectorTarget::isTransient,
        SettledWrite.Wording.of(describe(), action, this::redact, this::unreachable));
  }

  @Override
  public List<RemoteFlowSummary> list() throws TargetException {
    String action = "listing flows";
    HttpResult answer = get(url("rest/v1/pipelines").build(), action);
    if (answer.status() != 200) {
      throw failure(answer, action, null);
    }
    JsonNode infos = parse(answer, action);
    List<RemoteFlowSummary> flows = new ArrayList<>();
    for (JsonNode info : infos) {
      flows.add(new RemoteFlowSummary(
          info.path("pipelineId").asText(), info.path("title").asText(), Optional.of(info.path("uuid").asText())));
    }
    return flows;
  }

  @Override
  public Optional<JsonNode> definitions() throws TargetException {
    String action = "reading the stage definitions";
    HttpResult answer = get(url("rest/v1/definitions").build(), action);
    if (answer.status() != 200) {
      throw failure(answer, action, null);
    }
    return Optional.of(parse(answer, action));
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return describe();
  }

  private HttpResult get(HttpUrl url, String action) throws TargetException {
    try {
      return http.idempotent(request(url).get().build());
    } catch (IOException e) {
      throw unreachable(action, e);
    }
  }

  private HttpUrl.Builder url(String path) {
    return base.newBuilder().addPathSegments(path);
  }

  private HttpUrl.Builder pipelineUrl(String flowId) {
    return url("rest/v1/pipeline").addPathSegment(flowId);
  }

  private Request.Builder request(HttpUrl url) {
    Request.Builder builder = new Request.Builder()
        .url(url)
        .header("X-Requested-By", "sdc")
        .header("X-SS-REST-CALL", "true")
        .header("Accept", "application/json");
    credentials.ifPresent(c -> builder.header("Authorization", c.header()));
    return builder;
  }

  private static RemoteFlow flow(String flowId, JsonNode pipeline) {
    return new RemoteFlow(
        flowId, pipeline.path("uuid").asText(), pipeline, Map.of("title", pipeline.path("title").asText()));
  }

  private JsonNode parse(HttpResult answer, String action) throws TargetFailureException {
    try {
      return JSON.readTree(answer.body());
    } catch (JsonProcessingException e) {
      throw new TargetFailureException(
          describe() + " answered " + answer.status() + " with a body that is not JSON while " + action, answer.status(),
          null, e);
    }
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String errorCode(HttpResult answer) {
    return answer.status() == 500 ? RemoteError.parse(answer.body()).map(RemoteError::code).orElse("") : "";
  }

  /**
   * Whether asking again may get another answer. Data Collector answers 500 to every error, so the
   * error code decides: a missing, existing, changed or running pipeline, an invalid one and a
   * missing stage definition stay as they are; anything else (an unexpected exception, a store
   * that failed to read or write) may pass.
   */
  static boolean isTransient(HttpResult answer) {
    if (!HttpCaller.TRANSIENT_STATUSES.contains(answer.status())) {
      return false;
    }
    String code = errorCode(answer);
    return !(PERMANENT_ERRORS.contains(code) || code.startsWith("VALIDATION_"));
  }


  private FlowConflictException conflict(String flowId, String expected, String actual) {
    return new FlowConflictException(
        "flow '" + flowId + "' on " + describe() + " changed since it was read (revision "
            + (expected == null ? "unknown" : expected) + ", now " + (actual == null ? "another" : actual)
            + "); plan again",
        flowId, expected, actual);
  }

  private TargetException failure(HttpResult answer, String action, String flowId) {
    return failure(answer, action, flowId, null);
  }

  /** The exception an unsuccessful answer means; `expectedRevision` is known only to saves. */
  private TargetException failure(HttpResult answer, String action, String flowId, String expectedRevision) {
    Optional<RemoteError> error = RemoteError.parse(answer.body());
    String code = error.map(RemoteError::code).orElse("");
    String text = error.map(e -> withoutCode(e.message(), code)).orElse("");
    String where = describe();
    switch (answer.status()) {
      case 401:
        return new AuthenticationException(redact(where + " refused the credentials (401 Unauthorized) while " + action
            + (credentials.isEmpty() ? "; it needs a user and password" : "")));
      case 403:
        return new AuthenticationException(redact(where + " refused " + action
            + " (403 Forbidden): the user lacks the role for it (creating, saving and deleting need creator or admin)"));
      case 404:
        if (credentials.isEmpty()) {
          return new AuthenticationException(where + " answered 404 to an unauthenticated call while " + action
              + "; an engine in form authentication mode does that: give a user and password");
        }
        break;
      default:
        break;
    }
    if (flowId != null) {
      switch (code) {
        case "CONTAINER_0205":
          return conflict(flowId, expectedRevision, null);
        case "CONTAINER_0208":
          return new FlowRunningException(redact(where + " refused " + action + " because the pipeline is running ("
              + code + ": " + text + "); stop it first"));
        case "CONTAINER_0200":
          return new FlowNotFoundException(redact(where + " has no flow '" + flowId + "' (" + code + ")"));
        case "CONTAINER_0201":
          return new FlowExistsException(redact(where + " already has a flow '" + flowId + "' (" + code + ")"));
        default:
          break;
      }
    }
    StringBuilder message = new StringBuilder(where).append(" answered ").append(answer.status());
    if (!code.isEmpty()) {
      message.append(' ').append(code);
    }
    if (!text.isEmpty()) {
      message.append(": ").append(text);
    }
    message.append(" (while ").append(action).append(')');
    return new TargetFailureException(redact(message.toString()), answer.status(), code.isEmpty() ? null : code, null);
  }

  /** Data Collector's localized messages repeat their code: `CONTAINER_0205 - The pipeline ...`. */
  private static String withoutCode(String message, String code) {
    if (!code.isEmpty() && message.startsWith(code)) {
      return message.substring(code.length()).replaceFirst("^\\s*-\\s*", "").trim();
    }
    return message;
  }

  private TargetFailureException unreachable(String action, IOException e) {
    return new TargetFailureException(
        redact(describe() + " could not be reached while " + action + ": " + HttpCaller.describe(e)),
        e);
  }


  private String redact(String text) {
    return credentials.map(c -> c.redactFrom(text)).orElse(text);
  }
}
