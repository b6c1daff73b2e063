package io.flowascode.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * IBM watsonx.data integration's flow store (`/sset/streamsets_flows/v1`) and IBM Cloud IAM's token
 * endpoint (`/identity/token`) on one loopback port, stateful and in memory (NOTES §0.2 and §5).
 *
 * <p>Tokens expire after a configurable lifetime and are then refused with 401; flows are stored
 * verbatim (whether the real store normalises them is an open question, NOTES §0.3); lists are
 * paged with an opaque `start` bookmark in `next.href`; every flow call requires `project_id`.
 */
public final class WatsonxServer extends LoopbackServer {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String GRANT_TYPE = "urn:ibm:params:oauth:grant-type:apikey";
  private static final List<String> FLOWS = List.of("sset", "streamsets_flows", "v1", "streamsets_flows");

  private final Map<String, String> apiKeys;
  private final Set<String> projects;
  private final Duration tokenLifetime;
  private final int pageSize;
  private final Clock clock;

  private final Object lock = new Object();
  private final Map<String, Instant> tokens = new HashMap<>();
  private final Map<String, Flow> flows = new LinkedHashMap<>();
  private final Map<String, FlowCounters> counters = new HashMap<>();
  private final AtomicInteger tokensIssued = new AtomicInteger();

  /** A stored flow: its asset metadata and pipeline definition (null until first saved). */
  private static final class Flow {
    final String assetId;
    final String projectId;
    final long created;
    ObjectNode fields = NODES.objectNode();
    JsonNode pipelineDefinition = NODES.nullNode();
    long lastUpdate;

    Flow(String assetId, String projectId, long created) {
      this.assetId = assetId;
      this.projectId = projectId;
      this.created = created;
      this.lastUpdate = created;
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

  /** How many tokens the IAM endpoint has issued. */
  public int tokensIssued() {
    return tokensIssued.get();
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

  @Override
  boolean recordsBodyOf(Call call) {
    return !call.isPath("identity", "token");
  }

  @Override
  Reply handle(Call call) {
    if (call.isPath("identity", "token")) {
      return call.method.equals("POST") ? token(call) : Reply.empty(405);
    }
    if (!call.segments.subList(0, Math.min(4, call.segments.size())).equals(FLOWS)) {
      return error(404, "not_found", "No route for " + call.path);
    }
    Optional<String> token = call.bearerToken();
    synchronized (lock) {
      Instant expiry = token.map(tokens::get).orElse(null);
      if (expiry == null || !clock.instant().isBefore(expiry)) {
        return error(401, "authentication_error", "The token is missing, invalid or expired.");
      }
    }
    String project = call.query.get("project_id");
    if (project == null || project.isEmpty()) {
      return error(400, "missing_parameter", "Missing query parameter: project_id");
    }
    if (!projects.contains(project)) {
      return error(404, "not_found", "Project " + project + " was not found.");
    }
    if (call.segments.size() == 4) {
      switch (call.method) {
        case "GET":
          return list(call, project);
        case "POST":
          return create(call, project);
        default:
          return Reply.empty(405);
      }
    }
    if (call.segments.size() == 5) {
      String assetId = call.segments.get(4);
      switch (call.method) {
        case "GET":
          return get(assetId, project);
        case "PUT":
          return update(assetId, project, call);
        case "DELETE":
          return delete(assetId, project);
        default:
          return Reply.empty(405);
      }
    }
    return error(404, "not_found", "No route for " + call.path);
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
    String token = "token-" + UUID.randomUUID();
    Instant now = clock.instant();
    Instant expiry = now.plus(tokenLifetime);
    synchronized (lock) {
      tokens.put(token, expiry);
    }
    tokensIssued.incrementAndGet();
    ObjectNode body = NODES.objectNode();
    body.put("access_token", token);
    body.put("refresh_token", "not_supported");
    body.put("token_type", "Bearer");
    body.put("expires_in", tokenLifetime.toSeconds());
    body.put("expiration", expiry.getEpochSecond());
    body.put("scope", "ibm openid");
    return Reply.json(200, body);
  }

  private Reply list(Call call, String project) {
    int start = decodeBookmark(call.query.get("start"));
    int limit = pageSize;
    if (call.query.containsKey("limit")) {
      try {
        limit = Math.max(1, Integer.parseInt(call.query.get("limit")));
      } catch (NumberFormatException e) {
        return error(400, "invalid_parameter", "limit must be a number");
      }
    }
    List<Flow> inProject = new ArrayList<>();
    synchronized (lock) {
      flows.values().stream().filter(f -> f.projectId.equals(project)).forEach(inProject::add);
      ObjectNode body = NODES.objectNode();
      ArrayNode page = body.putArray("streamsets_flows");
      int end = Math.min(inProject.size(), start + limit);
      for (int i = start; i < end; i++) {
        page.add(flowJson(inProject.get(i)));
      }
      body.put("total_count", inProject.size());
      if (end < inProject.size()) {
        String next = url() + "/sset/streamsets_flows/v1/streamsets_flows?project_id="
            + URLEncoder.encode(project, StandardCharsets.UTF_8) + "&start=" + encodeBookmark(end) + "&limit=" + limit;
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

  private Reply create(Call call, String project) {
    ObjectNode body = parse(call);
    if (body == null || body.path("name").asText("").isEmpty()) {
      return error(400, "invalid_request", "A flow needs a name.");
    }
    synchronized (lock) {
      Flow flow = new Flow(UUID.randomUUID().toString(), project, clock.millis());
      flow.fields.put("name", body.path("name").asText());
      flow.fields.put("description", body.path("description").asText(""));
      flow.fields.put("environment_id", body.path("environment_id").asText(""));
      flow.fields.put("engine_version", body.path("engine_version").asText(""));
      flow.fields.putArray("connection_ids");
      flow.fields.putArray("fragment_ids");
      flows.put(flow.assetId, flow);
      counters.merge(flow.name(), FlowCounters.NONE.wrote(), (a, b) -> a.wrote());
      ObjectNode answer = NODES.objectNode();
      answer.set("flow", flowJson(flow));
      return Reply.json(201, answer).afterWrite();
    }
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

  private Reply update(String assetId, String project, Call call) {
    ObjectNode body = parse(call);
    if (body == null) {
      return error(400, "invalid_request", "The body is not a JSON object.");
    }
    synchronized (lock) {
      Flow flow = flows.get(assetId);
      if (flow == null || !flow.projectId.equals(project)) {
        return error(404, "not_found", "Flow " + assetId + " was not found.");
      }
      for (String field : List.of("name", "description", "environment_id", "engine_version")) {
        if (body.hasNonNull(field)) {
          flow.fields.put(field, body.get(field).asText());
        }
      }
      for (String field : List.of("connection_ids", "fragment_ids")) {
        if (body.get(field) instanceof ArrayNode ids) {
          flow.fields.set(field, ids.deepCopy());
        }
      }
      if (body.has("pipeline_definition")) {
        flow.pipelineDefinition = body.get("pipeline_definition").deepCopy();
      }
      flow.lastUpdate = clock.millis();
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

  private static ObjectNode flowJson(Flow flow) {
    ObjectNode json = NODES.objectNode();
    ObjectNode metadata = json.putObject("metadata");
    metadata.put("name", flow.name());
    metadata.put("description", flow.fields.path("description").asText());
    metadata.put("asset_id", flow.assetId);
    metadata.put("asset_type", "streamsets_flow");
    metadata.put("project_id", flow.projectId);
    metadata.put("owner_id", "IBMid-test");
    metadata.put("creator_id", "IBMid-test");
    metadata.put("create_time", Instant.ofEpochMilli(flow.created).toString());
    metadata.putArray("tags");
    ObjectNode usage = metadata.putObject("usage");
    usage.put("last_update_time", flow.lastUpdate);
    usage.put("last_updater_id", "IBMid-test");
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

    /** Flows per list page when the client sets no `limit`. */
    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    public WatsonxServer start() {
      WatsonxServer server = new WatsonxServer(this);
      server.start();
      return server;
    }
  }
}
