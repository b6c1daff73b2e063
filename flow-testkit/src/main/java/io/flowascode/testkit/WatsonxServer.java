package io.flowascode.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.store.BlankPipeline;
import io.flowascode.store.PipelineInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * IBM watsonx.data integration on one loopback port, stateful and in memory, as IBM's Python SDK
 * 1.0.0 expects the service to behave: the flow store (`/sset/streamsets_flows/v1`), engine versions,
 * their definitions and environments (`/sset/engine_manager/v1`), IBM Cloud IAM's token endpoint
 * (`/identity/token`) and Cloud Pak for Data's (`/icp4d-api/v1/authorize`).
 *
 * <ul>
 *   <li>It refuses with 400 what the SDK never sends ({@link WatsonxSdkRequests}): an empty engine
 *       version, a definition without the fields the SDK's model requires or with a `uuid` that is
 *       not a UUID, a body with other keys, query parameters the SDK does not use.
 *   <li>It answers in the SDK's shapes: `{flow}` on create with `metadata.usage` (all seven keys,
 *       strings), `{flow, pipeline_definition}` on read and update, `total_count` and `next.href`
 *       with an opaque `start` bookmark on lists.
 *   <li>A new flow holds a blank definition derived from Data Collector's blank pipeline (the
 *       SDK's own template was not found; NOTES §0.3 question 5), with the `pipelineId`
 *       `testRun__<asset id>` the SDK's template is given.
 *   <li>Under load it answers 429 with `Retry-After` ({@link Builder#rateLimit}).
 *   <li>Tokens: IAM's expire after a configurable lifetime and are then refused with 401; bearer
 *       tokens, Zen API keys and Cloud Pak for Data users are accepted as configured.
 *   <li>Flows are stored verbatim (whether the real store normalises them is an open question,
 *       NOTES §0.3).
 * </ul>
 */
public final class WatsonxServer extends LoopbackServer {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String GRANT_TYPE = "urn:ibm:params:oauth:grant-type:apikey";

  private final Map<String, String> apiKeys;
  private final Set<String> projects;
  private final Duration tokenLifetime;
  private final int pageSize;
  private final Clock clock;
  private final BlankPipeline blank;
  private final List<EngineVersion> engineVersions;
  private final Map<String, JsonNode> definitions;
  private final Map<String, String> environments;
  private final Set<String> staticTokens;
  private final Map<String, String> zenKeys;
  private final Map<String, String[]> cp4dUsers;
  private final int rateLimit;
  private final Duration rateWindow;

  private final Object lock = new Object();
  private final Map<String, Instant> tokens = new HashMap<>();
  private final Map<String, Flow> flows = new LinkedHashMap<>();
  private final Map<String, FlowCounters> counters = new HashMap<>();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final Deque<Instant> recent = new ArrayDeque<>();
  private final AtomicInteger throttled = new AtomicInteger();

  private record EngineVersion(String id, boolean released) {}

  /** A stored flow: its asset metadata and pipeline definition. */
  private static final class Flow {
    final String assetId;
    final String projectId;
    final long created;
    final String creator;
    ObjectNode fields = NODES.objectNode();
    JsonNode pipelineDefinition = NODES.nullNode();
    long lastUpdate;
    String lastUpdater;

    Flow(String assetId, String projectId, long created, String creator) {
      this.assetId = assetId;
      this.projectId = projectId;
      this.created = created;
      this.creator = creator;
      this.lastUpdate = created;
      this.lastUpdater = creator;
    }

    String name() {
      return fields.path("name").asText();
    }
  }

  private WatsonxServer(Builder b) {
    super(b.port, Optional.empty());
    this.apiKeys = Map.copyOf(b.apiKeys);
    this.projects = Set.copyOf(b.projects);
    this.tokenLifetime = b.tokenLifetime;
    this.pageSize = b.pageSize;
    this.clock = b.clock;
    this.blank = new BlankPipeline(b.catalog == null ? BundledCatalog.load() : b.catalog,
        BlankPipeline.OBSERVED_PIPELINE_VERSION);
    this.engineVersions = List.copyOf(b.engineVersions);
    this.definitions = Map.copyOf(b.definitions);
    this.environments = Map.copyOf(b.environments);
    this.staticTokens = Set.copyOf(b.staticTokens);
    this.zenKeys = Map.copyOf(b.zenKeys);
    this.cp4dUsers = Map.copyOf(b.cp4dUsers);
    this.rateLimit = b.rateLimit;
    this.rateWindow = b.rateWindow;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every token issued so far stops working at once, as when they all reach their expiry. */
  public void expireTokens() {
    synchronized (lock) {
      tokens.replaceAll((token, expiry) -> Instant.EPOCH);
    }
  }

  /** How many tokens the IAM and Cloud Pak for Data endpoints have issued. */
  public int tokensIssued() {
    return tokensIssued.get();
  }

  /** How many requests were answered 429 for coming too fast. */
  public int throttled() {
    return throttled.get();
  }

  /** Reads and writes processed for the flow with this name. */
  public FlowCounters counters(String flowName) {
    synchronized (lock) {
      return counters.getOrDefault(flowName, FlowCounters.NONE);
    }
  }

  /** A copy of the stored pipeline definition of the flow with this name. */
  public Optional<JsonNode> storedDefinition(String flowName) {
    synchronized (lock) {
      return flows.values().stream().filter(f -> f.name().equals(flowName)).findFirst()
          .map(f -> f.pipelineDefinition.deepCopy());
    }
  }

  /** A copy of the stored flow asset (`{metadata, engine_version, environment_id, ...}`) with this name. */
  public Optional<JsonNode> storedFlow(String flowName) {
    synchronized (lock) {
      return flows.values().stream().filter(f -> f.name().equals(flowName)).findFirst().map(this::flowJson);
    }
  }

  /**
   * Saves the flow as IBM's SDK 1.0.0 (and, as far as is known, the UI) does after someone edits
   * it: `metadata.labels` reset to `[]` ("for the UI"), every stage moved by its auto-arrange, the
   * rest sent back as read.
   */
  public void saveAsTheSdk(String flowName) {
    synchronized (lock) {
      Flow flow = flows.values().stream().filter(f -> f.name().equals(flowName)).findFirst().orElseThrow();
      ObjectNode definition = ((ObjectNode) flow.pipelineDefinition).deepCopy();
      JsonNode metadata = definition.path("metadata");
      ObjectNode meta = metadata.isObject() ? (ObjectNode) metadata : definition.putObject("metadata");
      meta.putArray("labels");
      int x = 50;
      for (JsonNode stage : definition.path("stages")) {
        if (stage.path("uiInfo").isObject()) {
          ((ObjectNode) stage.get("uiInfo")).put("xPos", x).put("yPos", 50);
          x += 310;
        }
      }
      flow.pipelineDefinition = definition;
      flow.lastUpdate = clock.millis();
      flow.lastUpdater = "IBMid-someone-else";
    }
  }

  @Override
  boolean recordsBodyOf(Call call) {
    return !call.isPath("identity", "token") && !call.isPath("icp4d-api", "v1", "authorize");
  }

  @Override
  Reply handle(Call call) {
    if (call.isPath("identity", "token")) {
      return call.method.equals("POST") ? token(call) : Reply.empty(405);
    }
    if (call.isPath("icp4d-api", "v1", "authorize")) {
      return call.method.equals("POST") ? authorize(call) : Reply.empty(405);
    }
    boolean flowStore = startsWith(call.segments, WatsonxSdkRequests.FLOWS);
    boolean engineManager = startsWith(call.segments, WatsonxSdkRequests.ENGINE_VERSIONS)
        || startsWith(call.segments, WatsonxSdkRequests.ENVIRONMENTS);
    if (!flowStore && !engineManager) {
      return error(404, "not_found", "No route for " + call.path);
    }
    if (!authorized(call)) {
      return error(401, "authentication_error", "The token is missing, invalid or expired.");
    }
    Optional<Reply> slowDown = throttle();
    if (slowDown.isPresent()) {
      return slowDown.get();
    }
    ObjectNode body = call.body.isEmpty() ? null : parse(call);
    Optional<String> refusal = WatsonxSdkRequests.refusal(call, body);
    if (refusal.isPresent()) {
      return error(400, "invalid_request", refusal.get());
    }
    if (engineManager) {
      return engineManager(call);
    }
    String project = call.query.get("project_id");
    if (!projects.contains(project)) {
      return error(404, "not_found", "Project " + project + " was not found.");
    }
    if (call.segments.size() == 4) {
      return switch (call.method) {
        case "GET" -> list(call, project);
        case "POST" -> create(body, project);
        default -> Reply.empty(405);
      };
    }
    if (call.segments.size() == 5) {
      String assetId = call.segments.get(4);
      return switch (call.method) {
        case "GET" -> get(assetId, project);
        case "PUT" -> update(assetId, project, body);
        case "DELETE" -> delete(assetId, project);
        default -> Reply.empty(405);
      };
    }
    return error(404, "not_found", "No route for " + call.path);
  }

  private boolean authorized(Call call) {
    String header = call.header("Authorization");
    if (header == null) {
      return false;
    }
    if (header.regionMatches(true, 0, "ZenApiKey ", 0, 10)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(10).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon > 0 && decoded.substring(colon + 1).equals(zenKeys.get(decoded.substring(0, colon)));
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    Optional<String> token = call.bearerToken();
    if (token.isEmpty()) {
      return false;
    }
    if (staticTokens.contains(token.get())) {
      return true;
    }
    synchronized (lock) {
      Instant expiry = tokens.get(token.get());
      return expiry != null && clock.instant().isBefore(expiry);
    }
  }

  /** 429 when more than the limit of requests arrived within the window; `Retry-After` says when to come back. */
  private Optional<Reply> throttle() {
    if (rateLimit <= 0) {
      return Optional.empty();
    }
    synchronized (recent) {
      Instant now = clock.instant();
      while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(rateWindow))) {
        recent.pollFirst();
      }
      if (recent.size() >= rateLimit) {
        throttled.incrementAndGet();
        long wait = Math.max(1, (long) Math.ceil(
            Duration.between(now, recent.peekFirst().plus(rateWindow)).toMillis() / 1000.0));
        return Optional.of(error(429, "too_many_requests", "Rate limit exceeded; retry later.")
            .withHeader("Retry-After", Long.toString(wait)));
      }
      recent.addLast(now);
      return Optional.empty();
    }
  }

  private Reply token(Call call) {
    Map<String, String> form = Call.parseForm(call.body);
    if (!GRANT_TYPE.equals(form.get("grant_type"))) {
      return iamError(400, "BXNIM0103E", "Unsupported grant type.");
    }
    String apiKey = form.get("apikey");
    if (apiKey == null || !apiKeys.containsKey(apiKey)) {
      return iamError(400, "BXNIM0415E", "Provided API key could not be found.");
    }
    String token = issue();
    ObjectNode body = NODES.objectNode();
    body.put("access_token", token);
    body.put("refresh_token", "not_supported");
    body.put("token_type", "Bearer");
    body.put("expires_in", tokenLifetime.toSeconds());
    synchronized (lock) {
      body.put("expiration", tokens.get(token).getEpochSecond());
    }
    body.put("scope", "ibm openid");
    return Reply.json(200, body);
  }

  /** `ICP4DAuthenticator`: `{username, password, api_key}` (the unused one null) gives `{token}`. */
  private Reply authorize(Call call) {
    ObjectNode body = parse(call);
    if (body == null || !body.has("username") || !body.has("password") || !body.has("api_key")) {
      return error(400, "invalid_request", "the SDK sends username, password and api_key");
    }
    String[] user = cp4dUsers.get(body.path("username").asText());
    boolean byPassword = body.hasNonNull("password") && !body.hasNonNull("api_key");
    boolean byKey = body.hasNonNull("api_key") && !body.hasNonNull("password");
    boolean ok = user != null && ((byPassword && body.get("password").asText().equals(user[0]))
        || (byKey && body.get("api_key").asText().equals(user[1])));
    if (!ok) {
      return error(401, "invalid_credentials", "The username, password or API key is not correct.");
    }
    ObjectNode answer = NODES.objectNode();
    answer.put("_messageCode_", "200");
    answer.put("message", "Success");
    answer.put("token", issue());
    return Reply.json(200, answer);
  }

  private String issue() {
    String token = "token-" + UUID.randomUUID();
    synchronized (lock) {
      tokens.put(token, clock.instant().plus(tokenLifetime));
    }
    tokensIssued.incrementAndGet();
    return token;
  }

  private Reply engineManager(Call call) {
    List<String> path = call.segments;
    if (startsWith(path, WatsonxSdkRequests.ENVIRONMENTS)) {
      String id = path.get(path.size() - 1);
      String version = environments.get(id);
      if (version == null) {
        return error(404, "not_found", "Environment " + id + " was not found.");
      }
      ObjectNode environment = NODES.objectNode();
      ObjectNode metadata = environment.putObject("metadata");
      metadata.put("name", "environment " + id);
      metadata.put("description", "");
      metadata.put("asset_id", id);
      metadata.put("asset_type", "streamsets_environment");
      metadata.put("project_id", call.query.get("project_id"));
      metadata.put("owner_id", "IBMid-test");
      metadata.put("create_time", Instant.ofEpochMilli(0).toString());
      ObjectNode entity = environment.putObject("entity").putObject("streamsets_environment");
      entity.put("engine_type", "data_collector");
      entity.put("engine_version", version);
      return Reply.json(200, environment);
    }
    if (path.size() == WatsonxSdkRequests.ENGINE_VERSIONS.size()) {
      ObjectNode body = NODES.objectNode();
      ArrayNode list = body.putArray("streamsets_engine_versions");
      boolean releasesOnly = "True".equals(call.query.get("releases"));
      for (EngineVersion v : engineVersions) {
        if (!releasesOnly || v.released()) {
          list.addObject().put("engine_version_id", v.id()).put("image_tag", v.id()).put("engine_type", "data_collector")
              .put("disabled", false).put("release", v.released()).put("tunneling_supported", false);
        }
      }
      body.put("total_count", list.size());
      return Reply.json(200, body);
    }
    String version = path.get(WatsonxSdkRequests.ENGINE_VERSIONS.size());
    if (engineVersions.stream().noneMatch(v -> v.id().equals(version))) {
      return error(404, "not_found", "Engine version " + version + " was not found.");
    }
    if (path.size() == WatsonxSdkRequests.ENGINE_VERSIONS.size() + 2 && path.get(path.size() - 1).equals("definitions")) {
      JsonNode served = definitions.get(version);
      return served == null ? error(404, "not_found", "No definitions for engine version " + version)
          : Reply.json(200, served);
    }
    return error(404, "not_found", "No route for " + call.path);
  }

  private Reply list(Call call, String project) {
    int start = decodeBookmark(call.query.get("start"));
    int limit = "0".equals(call.query.get("limit")) ? 0 : pageSize;
    String name = call.query.get("name");
    synchronized (lock) {
      List<Flow> inProject = new ArrayList<>();
      flows.values().stream().filter(f -> f.projectId.equals(project)).forEach(inProject::add);
      ObjectNode body = NODES.objectNode();
      ArrayNode page = body.putArray("streamsets_flows");
      int end = Math.min(inProject.size(), start + limit);
      for (int i = start; i < end; i++) {
        // Whether the service filters by name is unknown; the SDK filters again itself. Not filtering
        // is the case a client must handle.
        page.add(flowJson(inProject.get(i)));
      }
      body.put("total_count", inProject.size());
      if (limit > 0 && end < inProject.size()) {
        String next = url() + "/sset/streamsets_flows/v1/streamsets_flows?project_id="
            + URLEncoder.encode(project, StandardCharsets.UTF_8) + "&start=" + encodeBookmark(end) + "&limit=" + limit
            + (name == null ? "" : "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        body.putObject("next").put("href", next);
      }
      return Reply.json(200, body);
    }
  }

  /** IBM's `start` is an opaque bookmark; an encoded offset keeps clients from computing it. */
  private static String encodeBookmark(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decodeBookmark(String bookmark) {
    if (bookmark == null || bookmark.isEmpty()) {
      return 0;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(bookmark), StandardCharsets.UTF_8);
      return decoded.startsWith("o:") ? Integer.parseInt(decoded.substring(2)) : 0;
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }

  private Reply create(ObjectNode body, String project) {
    if (body.path("name").asText("").isEmpty()) {
      return error(400, "invalid_request", "A flow needs a name.");
    }
    String version = body.path("engine_version").asText();
    if (!engineVersions.isEmpty() && engineVersions.stream().noneMatch(v -> v.id().equals(version))) {
      return error(400, "invalid_request", "Engine version " + version + " does not exist.");
    }
    String environment = body.path("environment_id").asText("");
    if (!environment.isEmpty() && !environments.containsKey(environment)) {
      return error(400, "invalid_request", "Environment " + environment + " does not exist.");
    }
    synchronized (lock) {
      Flow flow = new Flow(UUID.randomUUID().toString(), project, clock.millis(), "IBMid-test");
      flow.fields.put("name", body.path("name").asText());
      flow.fields.put("description", body.path("description").asText(""));
      flow.fields.put("environment_id", environment);
      flow.fields.put("engine_version", version);
      flow.fields.putArray("connection_ids");
      flow.fields.putArray("fragment_ids");
      flow.pipelineDefinition = template(flow, version);
      flows.put(flow.assetId, flow);
      counters.merge(flow.name(), FlowCounters.NONE.wrote(), (a, b) -> a.wrote());
      ObjectNode answer = NODES.objectNode();
      answer.set("flow", flowJson(flow));
      return Reply.json(201, answer).afterWrite();
    }
  }

  /** A new flow's definition: Data Collector's blank pipeline for `testRun__<asset id>`. */
  private ObjectNode template(Flow flow, String engineVersion) {
    String pipelineId = "testRun__" + flow.assetId;
    PipelineInfo info = new PipelineInfo(pipelineId, flow.name(), flow.fields.path("description").asText(), flow.created,
        flow.created, flow.creator, flow.creator, UUID.randomUUID().toString(), false, null, engineVersion, null);
    ObjectNode definition = blank.create(info);
    definition.putObject("metadata").putArray("labels");
    return definition;
  }

  private Reply get(String assetId, String project) {
    synchronized (lock) {
      Flow flow = flows.get(assetId);
      if (flow == null || !flow.projectId.equals(project)) {
        return error(404, "not_found", "Flow " + assetId + " was not found.");
      }
      counters.merge(flow.name(), FlowCounters.NONE.read(), (a, b) -> a.read());
      return Reply.json(200, flowWithDefinition(flow));
    }
  }

  private Reply update(String assetId, String project, ObjectNode body) {
    synchronized (lock) {
      Flow flow = flows.get(assetId);
      if (flow == null || !flow.projectId.equals(project)) {
        return error(404, "not_found", "Flow " + assetId + " was not found.");
      }
      for (String field : List.of("name", "description", "environment_id", "engine_version")) {
        flow.fields.put(field, body.get(field).asText());
      }
      for (String field : List.of("connection_ids", "fragment_ids")) {
        if (body.get(field) instanceof ArrayNode ids) {
          flow.fields.set(field, ids.deepCopy());
        }
      }
      flow.pipelineDefinition = body.get("pipeline_definition").deepCopy();
      flow.lastUpdate = clock.millis();
      flow.lastUpdater = "IBMid-test";
      counters.merge(flow.name(), FlowCounters.NONE.wrote(), (a, b) -> a.wrote());
      return Reply.json(200, flowWithDefinition(flow)).afterWrite();
    }
  }

  private Reply delete(String assetId, String project) {
    synchronized (lock) {
      Flow flow = flows.get(assetId);
      if (flow == null || !flow.projectId.equals(project)) {
        return error(404, "not_found", "Flow " + assetId + " was not found.");
      }
      flows.remove(assetId);
      counters.merge(flow.name(), FlowCounters.NONE.wrote(), (a, b) -> a.wrote());
      return Reply.empty(204).afterWrite();
    }
  }

  private ObjectNode flowWithDefinition(Flow flow) {
    ObjectNode answer = NODES.objectNode();
    answer.set("flow", flowJson(flow));
    answer.set("pipeline_definition", flow.pipelineDefinition.deepCopy());
    return answer;
  }

  /** A `StreamingFlow` as the SDK models it: `usage` with all seven keys, times as strings. */
  private ObjectNode flowJson(Flow flow) {
    ObjectNode json = NODES.objectNode();
    ObjectNode metadata = json.putObject("metadata");
    metadata.put("name", flow.name());
    metadata.put("description", flow.fields.path("description").asText());
    metadata.put("asset_id", flow.assetId);
    metadata.put("asset_type", "streamsets_flow");
    metadata.put("project_id", flow.projectId);
    metadata.put("owner_id", flow.creator);
    metadata.put("creator_id", flow.creator);
    metadata.put("create_time", Instant.ofEpochMilli(flow.created).toString());
    metadata.put("created", flow.created);
    metadata.putArray("tags");
    ObjectNode usage = metadata.putObject("usage");
    String updated = Instant.ofEpochMilli(flow.lastUpdate).toString();
    usage.put("last_update_time", updated);
    usage.putNull("access_count");
    usage.putNull("last_access_time");
    usage.put("last_updated_at", updated);
    usage.put("last_updater_id", flow.lastUpdater);
    usage.putNull("last_accessed_at");
    usage.putNull("last_accessor_id");
    json.set("connection_ids", flow.fields.path("connection_ids").deepCopy());
    json.put("engine_version", flow.fields.path("engine_version").asText());
    json.put("environment_id", flow.fields.path("environment_id").asText());
    json.set("fragment_ids", flow.fields.path("fragment_ids").deepCopy());
    return json;
  }

  private static ObjectNode parse(Call call) {
    try {
      JsonNode body = Reply.JSON.readTree(call.body);
      return body instanceof ObjectNode object ? object : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static boolean startsWith(List<String> path, List<String> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  @Override
  Reply injectedFailure(int status) {
    return error(status, "injected_fault", "Injected fault.");
  }

  /** IBM Cloud's API error shape: `{trace, errors: [{code, message}], status_code}`. */
  private static Reply error(int status, String code, String message) {
    ObjectNode body = NODES.objectNode();
    body.put("trace", UUID.randomUUID().toString().replace("-", ""));
    ObjectNode error = body.putArray("errors").addObject();
    error.put("code", code);
    error.put("message", message);
    body.put("status_code", status);
    return Reply.json(status, body);
  }

  /** IAM's error shape: `{errorCode, errorMessage, context}`. */
  private static Reply iamError(int status, String code, String message) {
    ObjectNode body = NODES.objectNode();
    body.put("errorCode", code);
    body.put("errorMessage", message);
    body.putObject("context").put("requestId", UUID.randomUUID().toString());
    return Reply.json(status, body);
  }

  /** Configures a {@link WatsonxServer}; {@link #start()} binds it. */
  public static final class Builder {
    private int port;
    private final Map<String, String> apiKeys = new LinkedHashMap<>();
    private final List<String> projects = new ArrayList<>();
    private Duration tokenLifetime = Duration.ofHours(1);
    private int pageSize = 50;
    private Clock clock = Clock.systemUTC();
    private Catalog catalog;
    private final List<EngineVersion> engineVersions = new ArrayList<>();
    private final Map<String, JsonNode> definitions = new LinkedHashMap<>();
    private final Map<String, String> environments = new LinkedHashMap<>();
    private final List<String> staticTokens = new ArrayList<>();
    private final Map<String, String> zenKeys = new LinkedHashMap<>();
    private final Map<String, String[]> cp4dUsers = new LinkedHashMap<>();
    private int rateLimit;
    private Duration rateWindow = Duration.ofSeconds(1);

    private Builder() {}

    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /** An API key IAM accepts, for this user id. */
    public Builder apiKey(String key, String userId) {
      apiKeys.put(key, userId);
      return this;
    }

    public Builder project(String projectId) {
      projects.add(projectId);
      return this;
    }

    public Builder tokenLifetime(Duration value) {
      this.tokenLifetime = value;
      return this;
    }

    /** Flows per list page. */
    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /** The catalog new flows' blank definitions are built from (the bundled one by default). */
    public Builder catalog(Catalog value) {
      this.catalog = value;
      return this;
    }

    /** An engine version the service lists, in this order; `released` ones are listed with `releases=True`. */
    public Builder engineVersion(String id, boolean released) {
      engineVersions.add(new EngineVersion(id, released));
      return this;
    }

    /** The definitions of an engine version: a `/rest/v1/definitions` answer, served in the compressed form. */
    public Builder definitions(String engineVersion, JsonNode value) {
      definitions.put(engineVersion, CompressedDefinitions.of(value));
      return this;
    }

    /** An environment, by asset id, with the engine version it runs. */
    public Builder environment(String id, String engineVersion) {
      environments.put(id, engineVersion);
      return this;
    }

    /** A bearer token accepted as is (`BearerTokenAuthenticator`). */
    public Builder bearerToken(String token) {
      staticTokens.add(token);
      return this;
    }

    /** A Cloud Pak for Data user's Zen API key (`ZenApiKeyAuthenticator`). */
    public Builder zenApiKey(String user, String key) {
      zenKeys.put(user, key);
      return this;
    }

    /** A Cloud Pak for Data user, with a password and an API key (`ICP4DAuthenticator`). */
    public Builder cp4dUser(String user, String password, String apiKey) {
      cp4dUsers.put(user, new String[] {password, apiKey});
      return this;
    }

    /** At most `requests` API requests within `window`; more are answered 429 with `Retry-After`. */
    public Builder rateLimit(int requests, Duration window) {
      this.rateLimit = requests;
      this.rateWindow = window;
      return this;
    }

    public WatsonxServer start() {
      WatsonxServer server = new WatsonxServer(this);
      server.start();
      return server;
    }
  }
}
