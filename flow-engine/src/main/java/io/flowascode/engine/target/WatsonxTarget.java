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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The flow store of IBM watsonx.data integration, talked to as IBM's Python SDK 1.0.0 talks to it
 * (`StreamingFlowApiClient`, `StreamingFlow`, `Project.create_flow/update_flow`): flows of one
 * project found by name, created with the SDK's four fields and an engine binding, updated with the
 * SDK's seven fields and the definition that was read, and deleted, under
 * `/sset/streamsets_flows/v1`; engine versions and their stage definitions under
 * `/sset/engine_manager/v1`.
 *
 * <ul>
 *   <li>The project is listed once per run (a name to asset id map), not once per flow; a create
 *       adds to it and a delete removes from it.
 *   <li>The store keeps no lock token, so a flow's revision is the SHA-256 of its stored
 *       `pipeline_definition`, kept on our side and never written into the definition; a save
 *       reads the flow again just before its PUT and compares. This catches every change made
 *       before that read, not one made between it and the PUT (docs/targets.md).
 *   <li>Metadata labels are not kept by the SDK's saves (it resets them to `[]`), so this target
 *       says {@link #keepsLabels()} false and ownership is recorded elsewhere in the metadata.
 * </ul>
 */
public final class WatsonxTarget implements Target {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PAGES = 10_000;
  private static final String FLOWS = "sset/streamsets_flows/v1/streamsets_flows";
  private static final String ENGINE_VERSIONS = "sset/engine_manager/v1/streamsets_engine_versions";
  private static final String ENVIRONMENTS = "sset/engine_manager/v1/streamsets_environments";
  /** Fields the store owns in a definition, sent back as they were read, as the SDK does. */
  private static final List<String> READ_BACK_FIELDS =
      List.of("schemaVersion", "version", "pipelineId", "uuid", "info", "valid", "issues", "previewable");

  private final WatsonxSettings settings;
  private final HttpUrl api;
  private final OkHttpClient client;
  private final HttpCaller http;
  private final Authorizer auth;

  /** Names of the project's flows to their asset ids, from the run's one listing; null until listed. */
  private Map<String, List<String>> names;
  private String engineVersion;

  /** A flow found in the project: its asset id and its latest `{flow, pipeline_definition}`. */
  private record Found(String assetId, JsonNode flow, JsonNode definition) {
    String revision() {
      return ContentHash.of(definition);
    }
  }

  public WatsonxTarget(WatsonxSettings settings) throws TargetFailureException {
    this.settings = settings;
    this.api = parseUrl(settings.apiUrl(), "API");
    this.client = HttpClientFactory.create(settings.http());
    this.http = new HttpCaller(client, settings.http());
    this.auth = authorizer(settings);
  }

  private Authorizer authorizer(WatsonxSettings s) throws TargetFailureException {
    WatsonxAuth a = s.auth();
    if (a instanceof WatsonxAuth.Iam iam) {
      return new IamTokens(parseUrl(iam.iamUrl(), "IAM"), iam.apiKey(), http, s.tokenRefreshMargin(), s.clock());
    }
    if (a instanceof WatsonxAuth.Bearer bearer) {
      return Authorizer.fixed("Bearer " + bearer.token().reveal());
    }
    if (a instanceof WatsonxAuth.ZenApiKey zen) {
      return Authorizer.fixed(zen.header());
    }
    WatsonxAuth.Cp4d cp4d = (WatsonxAuth.Cp4d) a;
    return new Cp4dTokens(parseUrl(cp4d.url(), "Cloud Pak for Data"), cp4d, http);
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

  /** The SDK sets `metadata.labels` to `[]` on every save, "for the UI": labels do not last here. */
  @Override
  public boolean keepsLabels() {
    return false;
  }

  @Override
  public Optional<RemoteFlow> read(String flowId) throws TargetException {
    String action = "reading flow '" + flowId + "'";
    Optional<String> assetId = assetId(flowId, action);
    if (assetId.isEmpty()) {
      return Optional.empty();
    }
    Optional<Found> found = get(assetId.get(), action, false);
    if (found.isEmpty()) {
      forget(flowId, assetId.get());
    }
    return found.map(f -> flow(flowId, f));
  }

  /**
   * Creates the flow as the SDK's `Project.create_flow` does: `{name, description, environment_id,
   * engine_version}`, the environment's id or `""`, and always an engine version.
   */
  @Override
  public RemoteFlow create(String flowId, String title, String description) throws TargetException {
    String action = "creating flow '" + flowId + "'";
    if (!assetIds(flowId, action).isEmpty()) {
      throw new FlowExistsException(describe() + " already has a flow named '" + flowId + "'");
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("name", flowId);
    body.put("description", description);
    body.put("environment_id", settings.environmentId().orElse(""));
    body.put("engine_version", engineVersion());
    HttpUrl url = flows().build();
    String assetId = this.<String>writes(action).run(() -> send("POST", url, body), () -> {
      List<String> ids = relist(action).getOrDefault(flowId, List.of());
      return ids.isEmpty() ? new SettledWrite.Untouched<>("no flow with this name exists")
          : ids.size() == 1 ? new SettledWrite.Applied<>(ids.get(0))
          : new SettledWrite.Unclear<>(ids.size() + " flows with this name exist");
    }, answer -> {
      if (answer.status() != 201 && answer.status() != 200) {
        throw failure(answer, action);
      }
      String id = parse(answer, action).at("/flow/metadata/asset_id").asText("");
      if (id.isEmpty()) {
        throw new TargetFailureException(describe() + " created flow '" + flowId + "' but its answer names no asset id",
            answer.status(), null, null);
      }
      return id;
    });
    remember(flowId, assetId);
    Found created = get(assetId, action, false).orElseThrow(() -> new TargetFailureException(
        describe() + " created flow '" + flowId + "' but cannot find it", null));
    return flow(flowId, created);
  }

  @Override
  public RemoteFlow save(String flowId, JsonNode pipeline, String expectedRevision) throws TargetException {
    String action = "saving flow '" + flowId + "'";
    if (!pipeline.isObject()) {
      throw new IllegalArgumentException("a pipeline is a JSON object");
    }
    String assetId = assetId(flowId, action).orElseThrow(() -> new FlowNotFoundException(
        describe() + " has no flow named '" + flowId + "' to save"));
    // Read as late as possible: without a lock token this comparison is the whole guard.
    Found current = get(assetId, action, false).orElseThrow(() -> new FlowNotFoundException(
        describe() + " has no flow named '" + flowId + "' to save"));
    if (!current.revision().equals(expectedRevision)) {
      throw new FlowConflictException(
          "flow '" + flowId + "' on " + describe() + " changed since it was read (revision " + expectedRevision
              + ", now " + current.revision() + "); plan again",
          flowId, expectedRevision, current.revision());
    }
    ObjectNode definition = definitionToSend(pipeline, current.definition());
    JsonNode flow = current.flow();
    // The SDK's update_flow body: these seven keys, in this order.
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("name", flowId);
    body.set("connection_ids", arrayOr(flow.get("connection_ids")));
    body.put("description", pipeline.path("description").asText(flow.at("/metadata/description").asText("")));
    body.put("environment_id", flow.path("environment_id").asText(settings.environmentId().orElse("")));
    String bound = flow.path("engine_version").asText("");
    body.put("engine_version", bound.isEmpty() ? engineVersion() : bound);
    body.set("fragment_ids", arrayOr(flow.get("fragment_ids")));
    body.set("pipeline_definition", definition);
    HttpUrl url = flows().addPathSegment(assetId).build();
    return this.<RemoteFlow>writes(action).run(() -> send("PUT", url, body), () -> {
      Optional<Found> after = get(assetId, action, true);
      if (after.isEmpty()) {
        return new SettledWrite.Unclear<>("the flow no longer exists");
      }
      if (after.get().revision().equals(expectedRevision)) {
        return new SettledWrite.Untouched<>("the flow still has revision " + expectedRevision);
      }
      return PipelineEquivalence.storedHoldsSent(definition, after.get().definition())
          ? new SettledWrite.Applied<>(flow(flowId, after.get()))
          : new SettledWrite.Unclear<>("the flow without the content sent");
    }, answer -> {
      if (answer.status() != 200) {
        throw failure(answer, action);
      }
      JsonNode saved = parse(answer, action);
      return flow(flowId, new Found(assetId, saved.path("flow"), definitionOf(saved)));
    });
  }

  /**
   * What the SDK would send: the new pipeline, with the fields the store owns (`uuid`, `info`,
   * `pipelineId`, the validation fields, the versions) as they were read, never our revision.
   */
  static ObjectNode definitionToSend(JsonNode pipeline, JsonNode stored) {
    ObjectNode definition = ((ObjectNode) pipeline).deepCopy();
    if (stored != null && stored.isObject()) {
      for (String field : READ_BACK_FIELDS) {
        if (stored.has(field) && (!definition.has(field) || field.equals("uuid") || field.equals("info")
            || field.equals("pipelineId"))) {
          definition.set(field, stored.get(field).deepCopy());
        }
      }
    }
    return definition;
  }

  @Override
  public void delete(String flowId) throws TargetException {
    String action = "deleting flow '" + flowId + "'";
    String assetId = assetId(flowId, action).orElseThrow(() -> new FlowNotFoundException(
        describe() + " has no flow named '" + flowId + "' to delete"));
    HttpUrl url = flows().addPathSegment(assetId).build();
    this.<Boolean>writes(action).run(() -> send("DELETE", url, null),
        () -> get(assetId, action, true).isEmpty()
            ? new SettledWrite.Applied<>(true)
            : new SettledWrite.Untouched<>("the flow still exists"),
        answer -> {
          if (!answer.isSuccessful() && answer.status() != 404) {
            throw failure(answer, action);
          }
          return true;
        });
    forget(flowId, assetId);
  }

  @Override
  public List<RemoteFlowSummary> list() throws TargetException {
    List<RemoteFlowSummary> summaries = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : names("listing flows").entrySet()) {
      for (int i = 0; i < entry.getValue().size(); i++) {
        summaries.add(new RemoteFlowSummary(entry.getKey(), entry.getKey(), Optional.empty()));
      }
    }
    return summaries;
  }

  /**
   * The stage definitions of the engine version flows are bound to
   * (`GET /sset/engine_manager/v1/streamsets_engine_versions/{version}/definitions`, the compressed
   * `schemaVersion` 2 form with every stage library of the version).
   */
  @Override
  public Optional<JsonNode> definitions() throws TargetException {
    String version = engineVersion();
    String action = "reading the stage definitions of engine version " + version;
    HttpResult answer = read(api.newBuilder().addPathSegments(ENGINE_VERSIONS).addPathSegment(version)
        .addPathSegment("definitions").build(), action);
    if (answer.status() != 200) {
      throw failure(answer, action);
    }
    return Optional.of(parse(answer, action));
  }

  @Override
  public Optional<String> definitionsVersion() throws TargetException {
    return Optional.of(engineVersion());
  }

  /**
   * The engine version, chosen as the SDK's `create_flow` does: the one given; else the
   * environment's (`GET .../streamsets_environments/{id}`); else the first of the released
   * versions the service lists (`GET .../streamsets_engine_versions?include_stagelibs=True&releases=True`).
   */
  public synchronized String engineVersion() throws TargetException {
    if (engineVersion != null) {
      return engineVersion;
    }
    if (settings.engineVersion().isPresent()) {
      engineVersion = settings.engineVersion().get();
    } else if (settings.environmentId().isPresent()) {
      String id = settings.environmentId().get();
      String action = "reading environment '" + id + "'";
      HttpResult answer = read(api.newBuilder().addPathSegments(ENVIRONMENTS).addPathSegment(id)
          .addQueryParameter("project_id", settings.projectId())
          .addQueryParameter("limit", "100")
          .addQueryParameter("environment_id", id)
          .build(), action);
      if (answer.status() != 200) {
        throw failure(answer, action);
      }
      JsonNode environment = parse(answer, action);
      JsonNode version = environment.at("/entity/streamsets_environment/engine_version");
      engineVersion = version.isTextual() ? version.asText() : environment.path("engine_version").asText("");
      if (engineVersion.isEmpty()) {
        throw new TargetFailureException(describe() + " has an environment '" + id + "' without an engine version",
            null);
      }
    } else {
      String action = "listing the released engine versions";
      HttpResult answer = read(api.newBuilder().addPathSegments(ENGINE_VERSIONS)
          .addQueryParameter("include_stagelibs", "True")
          .addQueryParameter("releases", "True")
          .build(), action);
      if (answer.status() != 200) {
        throw failure(answer, action);
      }
      JsonNode first = parse(answer, action).path("streamsets_engine_versions").path(0);
      engineVersion = first.path("engine_version_id").asText("");
      if (engineVersion.isEmpty()) {
        throw new TargetFailureException(describe() + " lists no released engine version; give one with "
            + "--engine-version (flow.engineVersion)", null);
      }
    }
    return engineVersion;
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  // ---------------------------------------------------------------- the project's names

  private Optional<String> assetId(String flowId, String action) throws TargetException {
    List<String> ids = assetIds(flowId, action);
    if (ids.size() > 1) {
      throw new AmbiguousFlowException(describe() + " has " + ids.size() + " flows named '" + flowId
          + "'; rename or delete all but one in the project");
    }
    return ids.stream().findFirst();
  }

  private List<String> assetIds(String flowId, String action) throws TargetException {
    return names(action).getOrDefault(flowId, List.of());
  }

  /** The run's one listing of the project, made on first need. */
  private synchronized Map<String, List<String>> names(String action) throws TargetException {
    if (names == null) {
      names = listAll(action);
    }
    return names;
  }

  /** Lists again: only to settle a create whose answer was lost or failed. */
  private synchronized Map<String, List<String>> relist(String action) throws TargetException {
    names = listAll(action);
    return names;
  }

  private synchronized void remember(String flowId, String assetId) {
    if (names != null) {
      List<String> ids = new ArrayList<>(names.getOrDefault(flowId, List.of()));
      if (!ids.contains(assetId)) {
        ids.add(assetId);
      }
      names.put(flowId, List.copyOf(ids));
    }
  }

  private synchronized void forget(String flowId, String assetId) {
    if (names != null && names.containsKey(flowId)) {
      List<String> ids = new ArrayList<>(names.get(flowId));
      ids.remove(assetId);
      if (ids.isEmpty()) {
        names.remove(flowId);
      } else {
        names.put(flowId, List.copyOf(ids));
      }
    }
  }

  /**
   * Every flow of the project, following `next.href` page by page as the SDK does: only the
   * `start` bookmark is taken from the link (following it whole could send the token to whatever
   * host it names), and no `limit` is sent.
   */
  private Map<String, List<String>> listAll(String action) throws TargetException {
    Map<String, List<String>> all = new TreeMap<>();
    Set<String> bookmarks = new HashSet<>();
    HttpUrl.Builder page = flows();
    for (int pages = 0; pages < MAX_PAGES; pages++) {
      HttpResult answer = read(page.build(), action);
      if (answer.status() != 200) {
        throw failure(answer, action);
      }
      JsonNode body = parse(answer, action);
      for (JsonNode flow : body.path("streamsets_flows")) {
        String name = flow.at("/metadata/name").asText();
        String assetId = flow.at("/metadata/asset_id").asText();
        List<String> ids = new ArrayList<>(all.getOrDefault(name, List.of()));
        if (!ids.contains(assetId)) {
          ids.add(assetId);
        }
        all.put(name, List.copyOf(ids));
      }
      String href = body.at("/next/href").asText("");
      if (href.isEmpty() || body.path("streamsets_flows").isEmpty()) {
        return new LinkedHashMap<>(all);
      }
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
    }
    throw new TargetFailureException(describe() + " listed more than " + MAX_PAGES + " pages while " + action, null);
  }

  // ---------------------------------------------------------------- requests

  /** @param readingBack after a lost answer: allowed past the deadline */
  private Optional<Found> get(String assetId, String action, boolean readingBack) throws TargetException {
    HttpResult answer = read(flows().addPathSegment(assetId).build(), action, readingBack);
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

  private HttpUrl.Builder flows() {
    return api.newBuilder().addPathSegments(FLOWS).addQueryParameter("project_id", settings.projectId());
  }

  private HttpResult read(HttpUrl url, String action) throws TargetException {
    return read(url, action, false);
  }

  /** A GET, retried per the policy, and sent again once with a renewed credential if refused with 401. */
  private HttpResult read(HttpUrl url, String action, boolean readingBack) throws TargetException {
    try {
      String header = auth.header();
      Request request = authorized(url, header).get().build();
      HttpResult answer = readingBack ? http.readBack(request) : http.idempotent(request);
      if (answer.status() == 401 && auth.refused(header)) {
        Request again = authorized(url, auth.header()).get().build();
        answer = readingBack ? http.readBack(again) : http.idempotent(again);
      }
      return answer;
    } catch (IOException e) {
      throw unreachable(action, e);
    }
  }

  /**
   * A write, sent once (again only on 429 or a refused connection); a 401 means it was refused
   * before taking effect, so it is sent once more with a renewed credential.
   */
  private HttpResult send(String method, HttpUrl url, JsonNode body) throws IOException, TargetException {
    String header = auth.header();
    HttpResult answer = http.once(authorized(url, header).method(method, body(body)).build());
    if (answer.status() == 401 && auth.refused(header)) {
      answer = http.once(authorized(url, auth.header()).method(method, body(body)).build());
    }
    return answer;
  }

  private <T> SettledWrite<T> writes(String action) {
    return new SettledWrite<>(http, answer -> HttpCaller.TRANSIENT_STATUSES.contains(answer.status()),
        SettledWrite.Wording.of(describe(), action, this::redact, this::unreachable));
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

  /** The SDK's headers on every call (`DefaultHTTPAdapter.add_headers`), without its version header. */
  private static Request.Builder authorized(HttpUrl url, String header) {
    return new Request.Builder().url(url)
        .header("Authorization", header)
        .header("Accept", "application/json")
        .header("Accept-Language", "en-US")
        .header("Content-Type", "application/json");
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
        return new AuthenticationException(redact(describe() + " refused " + settings.auth().describe() + " (401) while "
            + action + detail));
      case 403:
        return new AuthenticationException(redact(describe() + " refused " + action
            + " (403 Forbidden): the user lacks access to the project" + detail));
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
        + HttpCaller.describe(e)), e);
  }

  private String redact(String text) {
    return settings.auth().redact(text);
  }
}
