package io.flowascode.engine.target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The flow store of IBM watsonx.data integration (NOTES §0.2, §5): flows of one project, found by
 * name, read, created, updated and deleted under `/sset/streamsets_flows/v1`, with Bearer tokens
 * from IBM Cloud IAM.
 *
 * <p>The store keeps no lock token, so a flow's revision is the SHA-256 of its canonical
 * `pipeline_definition`, and a save re-reads the flow and compares that hash just before its PUT.
 * This catches every change made before the re-read, not one made between the re-read and the PUT
 * (see docs/targets.md).
 */
public final class WatsonxTarget implements Target {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PAGES = 10_000;

  private final WatsonxSettings settings;
  private final HttpUrl api;
  private final OkHttpClient client;
  private final HttpCaller http;
  private final IamTokens tokens;

  /** A flow found in the project: its asset id and its latest `{flow, pipeline_definition}`. */
  private record Found(String assetId, JsonNode flow, JsonNode definition) {
    String revision() {
      return ContentHash.of(definition);
    }
  }

  public WatsonxTarget(WatsonxSettings settings) throws TargetFailureException {
    this.settings = settings;
    this.api = parseUrl(settings.apiUrl(), "API");
    HttpUrl iam = parseUrl(settings.iamUrl(), "IAM");
    this.client = HttpClientFactory.create(settings.http());
    this.http = new HttpCaller(client, settings.http());
    this.tokens = new IamTokens(iam, settings.apiKey(), http, settings.tokenRefreshMargin(), settings.clock());
  }

  private static HttpUrl parseUrl(String url, String what) throws TargetFailureException {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new TargetFailureException("not an http(s) URL for the watsonx " + what + ": '" + url + "'", null);
    }
    return parsed;
  }

  @Override
  public String describe() {
    String host = api.toString().replaceAll("/$", "");
    return "watsonx.data integration at " + host + " (project " + settings.projectId() + ")";
  }

  @Override
  public String toString() {
    return describe();
  }

  @Override
  public Optional<RemoteFlow> read(String flowId) throws TargetException {
    Optional<Found> found = find(flowId, "reading flow '" + flowId + "'");
    return found.map(f -> flow(flowId, f));
  }

  @Override
  public RemoteFlow create(String flowId, String title, String description) throws TargetException {
    String action = "creating flow '" + flowId + "'";
    if (findAssetIds(flowId, action).size() > 0) {
      throw new FlowExistsException(describe() + " already has a flow named '" + flowId + "'");
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("name", flowId);
    body.put("description", description);
    body.put("environment_id", settings.environmentId());
    body.put("engine_version", settings.engineVersion());
    HttpResult answer;
    try {
      answer = send("POST", flows().build(), body, action);
    } catch (IOException e) {
      if (HttpCaller.failedBeforeSending(e)) {
        throw unreachable(action, e);
      }
      Optional<Found> after = readBack(flowId, action, e);
      if (after.isPresent()) {
        return flow(flowId, after.get());
      }
      throw lost(action, e, "no flow with this name exists");
    }
    if (answer.status() != 201 && answer.status() != 200) {
      throw failure(answer, action);
    }
    String assetId = parse(answer, action).at("/flow/metadata/asset_id").asText("");
    if (assetId.isEmpty()) {
      throw new TargetFailureException(describe() + " created flow '" + flowId + "' but its answer names no asset id",
          answer.status(), null, null);
    }
    Found created = get(assetId, action).orElseThrow(() -> new TargetFailureException(
        describe() + " created flow '" + flowId + "' but cannot find it", null));
    return flow(flowId, created);
  }

  @Override
  public RemoteFlow save(String flowId, JsonNode pipeline, String expectedRevision) throws TargetException {
    String action = "saving flow '" + flowId + "'";
    // Re-read as late as possible: without a lock token this comparison is the whole guard.
    Found current = find(flowId, action).orElseThrow(() -> new FlowNotFoundException(
        describe() + " has no flow named '" + flowId + "' to save"));
    if (!current.revision().equals(expectedRevision)) {
      throw new FlowConflictException(
          "flow '" + flowId + "' on " + describe() + " changed since it was read (revision " + expectedRevision
              + ", now " + current.revision() + "); plan again",
          flowId, expectedRevision, current.revision());
    }
    JsonNode flow = current.flow();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("name", flowId);
    body.put("description", pipeline.path("description").asText(flow.at("/metadata/description").asText("")));
    body.put("environment_id", flow.path("environment_id").asText(settings.environmentId()));
    body.put("engine_version", flow.path("engine_version").asText(settings.engineVersion()));
    body.set("connection_ids", arrayOr(flow.get("connection_ids")));
    body.set("fragment_ids", arrayOr(flow.get("fragment_ids")));
    body.set("pipeline_definition", pipeline.deepCopy());
    HttpUrl url = flows().addPathSegment(current.assetId()).build();
    HttpResult answer;
    try {
      answer = send("PUT", url, body, action);
    } catch (IOException e) {
      if (HttpCaller.failedBeforeSending(e)) {
        throw unreachable(action, e);
      }
      Optional<Found> after = readBack(flowId, action, e);
      if (after.isPresent() && PipelineEquivalence.storedHoldsSent(pipeline, after.get().definition())) {
        return flow(flowId, after.get());
      }
      throw lost(action, e, after.isEmpty() ? "the flow no longer exists" : "the flow without the content sent");
    }
    if (answer.status() != 200) {
      throw failure(answer, action);
    }
    JsonNode saved = parse(answer, action);
    return flow(flowId, new Found(current.assetId(), saved.path("flow"), definitionOf(saved)));
  }

  @Override
  public void delete(String flowId) throws TargetException {
    String action = "deleting flow '" + flowId + "'";
    List<String> ids = findAssetIds(flowId, action);
    if (ids.isEmpty()) {
      throw new FlowNotFoundException(describe() + " has no flow named '" + flowId + "' to delete");
    }
    if (ids.size() > 1) {
      throw ambiguous(flowId, ids.size());
    }
    HttpResult answer;
    try {
      answer = send("DELETE", flows().addPathSegment(ids.get(0)).build(), null, action);
    } catch (IOException e) {
      if (HttpCaller.failedBeforeSending(e)) {
        throw unreachable(action, e);
      }
      if (readBack(flowId, action, e).isEmpty()) {
        return;
      }
      throw lost(action, e, "the flow still exists");
    }
    if (!answer.isSuccessful()) {
      throw failure(answer, action);
    }
  }

  @Override
  public List<RemoteFlowSummary> list() throws TargetException {
    List<RemoteFlowSummary> summaries = new ArrayList<>();
    for (JsonNode flow : listAll("listing flows")) {
      String name = flow.at("/metadata/name").asText();
      summaries.add(new RemoteFlowSummary(name, name, Optional.empty()));
    }
    return summaries;
  }

  /** The flow store offers no `/rest/v1/definitions`; engines and engine versions have their own. */
  @Override
  public Optional<JsonNode> definitions() {
    return Optional.empty();
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private Optional<Found> find(String flowId, String action) throws TargetException {
    List<String> ids = findAssetIds(flowId, action);
    if (ids.size() > 1) {
      throw ambiguous(flowId, ids.size());
    }
    return ids.isEmpty() ? Optional.empty() : get(ids.get(0), action);
  }

  private AmbiguousFlowException ambiguous(String flowId, int count) {
    return new AmbiguousFlowException(describe() + " has " + count + " flows named '" + flowId
        + "'; rename or delete all but one in the project");
  }

  private List<String> findAssetIds(String flowId, String action) throws TargetException {
    List<String> ids = new ArrayList<>();
    for (JsonNode flow : listAll(action)) {
      if (flow.at("/metadata/name").asText().equals(flowId)) {
        ids.add(flow.at("/metadata/asset_id").asText());
      }
    }
    return ids;
  }

  /** Every flow of the project, following `next.href` bookmarks page by page. */
  private List<JsonNode> listAll(String action) throws TargetException {
    List<JsonNode> all = new ArrayList<>();
    Set<String> bookmarks = new HashSet<>();
    HttpUrl.Builder page = flows();
    for (int pages = 0; pages < MAX_PAGES; pages++) {
      HttpResult answer = read(page.build(), action);
      if (answer.status() != 200) {
        throw failure(answer, action);
      }
      JsonNode body = parse(answer, action);
      body.path("streamsets_flows").forEach(all::add);
      String href = body.at("/next/href").asText("");
      if (href.isEmpty()) {
        return all;
      }
      // Only the bookmark is taken from the link: following it whole could send our token to
      // whatever host it names.
      HttpUrl next = HttpUrl.parse(href);
      if (next == null) {
        next = api.resolve(href);
      }
      String start = next == null ? null : next.queryParameter("start");
      if (start == null || !bookmarks.add(start)) {
        throw new TargetFailureException(describe() + " gave a next page without a new start bookmark while " + action,
            null);
      }
      page = flows().addQueryParameter("start", start);
      String limit = next.queryParameter("limit");
      if (limit != null) {
        page.addQueryParameter("limit", limit);
      }
    }
    throw new TargetFailureException(describe() + " listed more than " + MAX_PAGES + " pages while " + action, null);
  }

  private Optional<Found> get(String assetId, String action) throws TargetException {
    HttpResult answer = read(flows().addPathSegment(assetId).build(), action);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    if (answer.status() != 200) {
      throw failure(answer, action);
    }
    JsonNode body = parse(answer, action);
    return Optional.of(new Found(assetId, body.path("flow"), definitionOf(body)));
  }

  private static JsonNode definitionOf(JsonNode body) {
    JsonNode definition = body.get("pipeline_definition");
    return definition == null ? JsonNodeFactory.instance.nullNode() : definition;
  }

  private Optional<Found> readBack(String flowId, String action, IOException lost) throws TargetException {
    try {
      return find(flowId, action);
    } catch (TargetException e) {
      throw new OutcomeUnknownException(describe() + " did not answer while " + action + " (" + lost.getMessage()
          + "), and reading the flow back failed too: " + e.getMessage(), lost);
    }
  }

  private HttpUrl.Builder flows() {
    return api.newBuilder()
        .addPathSegments("sset/streamsets_flows/v1/streamsets_flows")
        .addQueryParameter("project_id", settings.projectId());
  }

  /** A GET, retried per the policy, and sent again once with a fresh token if refused with 401. */
  private HttpResult read(HttpUrl url, String action) throws TargetException {
    try {
      String token = tokens.current();
      HttpResult answer = http.idempotent(authorized(url, token).get().build());
      if (answer.status() == 401) {
        tokens.invalidate(token);
        answer = http.idempotent(authorized(url, tokens.current()).get().build());
      }
      return answer;
    } catch (IOException e) {
      throw unreachable(action, e);
    }
  }

  /**
   * A write, sent once; a 401 means it was refused before taking effect, so it is sent once more
   * with a fresh token.
   */
  private HttpResult send(String method, HttpUrl url, JsonNode body, String action) throws IOException, TargetException {
    String token = tokens.current();
    HttpResult answer = http.once(authorized(url, token).method(method, body(body)).build());
    if (answer.status() == 401) {
      tokens.invalidate(token);
      answer = http.once(authorized(url, tokens.current()).method(method, body(body)).build());
    }
    return answer;
  }

  private static RequestBody body(JsonNode body) {
    if (body == null) {
      return HttpCaller.oneShot(new byte[0], HttpCaller.JSON);
    }
    try {
      return HttpCaller.oneShot(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8), HttpCaller.JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Request.Builder authorized(HttpUrl url, String token) {
    return new Request.Builder().url(url).header("Authorization", "Bearer " + token).header("Accept", "application/json");
  }

  private static ArrayNode arrayOr(JsonNode node) {
    return node instanceof ArrayNode array ? array.deepCopy() : JsonNodeFactory.instance.arrayNode();
  }

  private RemoteFlow flow(String flowId, Found found) {
    return new RemoteFlow(flowId, found.revision(), found.definition(), Map.of("assetId", found.assetId()));
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


  private TargetException failure(HttpResult answer, String action) {
    Optional<RemoteError> error = RemoteError.parse(answer.body());
    String detail = error.map(e -> " (" + e.describe() + ")").orElse("");
    switch (answer.status()) {
      case 401:
        return new AuthenticationException(redact(describe() + " refused the token (401) while " + action + detail));
      case 403:
        return new AuthenticationException(redact(describe() + " refused " + action
            + " (403 Forbidden): the API key's user lacks access to the project" + detail));
      default:
        String code = error.map(RemoteError::code).orElse("");
        String text = error.map(RemoteError::message).orElse("");
        StringBuilder message = new StringBuilder(describe()).append(" answered ").append(answer.status());
        if (!code.isEmpty()) {
          message.append(' ').append(code);
        }
        if (!text.isEmpty()) {
          message.append(": ").append(text);
        }
        message.append(" (while ").append(action).append(')');
        return new TargetFailureException(
            redact(message.toString()), answer.status(), code.isEmpty() ? null : code, null);
    }
  }

  private TargetFailureException unreachable(String action, IOException e) {
    return new TargetFailureException(redact(describe() + " could not be reached while " + action + ": "
        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")), e);
  }

  private OutcomeUnknownException lost(String action, IOException e, String found) {
    return new OutcomeUnknownException(redact("the answer from " + describe() + " was lost while " + action + " ("
        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
        + "), and reading back shows " + found + "; the change may still be applied: plan again before retrying"), e);
  }

  private String redact(String text) {
    return settings.apiKey().redactFrom(text);
  }
}
