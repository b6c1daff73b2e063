package io.flowascode.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.store.BlankPipeline;
import io.flowascode.store.PipelineInfo;
import io.flowascode.store.StoreNormalizer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.net.ssl.SSLContext;

/**
 * A stateful, in-memory Data Collector pipeline store on loopback that answers like the real one
 * in `platform/rest-samples`: the same paths, statuses, headers and body shapes, the CSRF and
 * authentication rules of each auth mode, the uuid conflict check, the `RemoteException` error
 * bodies, defaults filled and stages sorted on save.
 *
 * <p>It does not validate pipelines: `issues` only ever report an empty pipeline, and `valid` is
 * true otherwise. Pipelines never run; {@link #markRunning} makes one look active.
 */
public final class DataCollectorServer extends LoopbackServer {
  /** `http.authentication` of `sdc.properties`. */
  public enum AuthMode {
    /** Every request is let in, as user `admin`. */
    NONE,
    /** Basic credentials required; without them 401 with `WWW-Authenticate: basic realm="basic-realm"`. */
    BASIC,
    /** The default: Basic credentials accepted; REST calls without any get 404, wrong ones 401. */
    FORM
  }

  /** A user of the server; `roles` as in Data Collector (admin, creator, manager, guest). */
  public record User(String name, String password, Set<String> roles) {
    public User {
      roles = Set.copyOf(roles);
    }

    boolean canWrite() {
      return roles.contains("admin") || roles.contains("creator");
    }

    @Override
    public String toString() {
      return "User[name=" + name + ", password=****, roles=" + new TreeSet<>(roles) + "]";
    }
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String NOT_FOUND_HTML = "<html>\n<head>\n<meta http-equiv=\"Content-Type\" "
      + "content=\"text/html;charset=utf-8\"/>\n<title>Error 404 Not Found</title>\n</head>\n<body><h2>HTTP ERROR 404 "
      + "Not Found</h2>\n</body>\n</html>\n";

  private final JsonNode definitions;
  private final StoreNormalizer normalizer;
  private final BlankPipeline blank;
  private final AuthMode authMode;
  private final Map<String, User> users;
  private final String sdcVersion;
  private final String sdcId;
  private final Clock clock;

  private final Object lock = new Object();
  private final Map<String, ObjectNode> pipelines = new LinkedHashMap<>();
  private final Set<String> running = new TreeSet<>();
  private final Map<String, FlowCounters> counters = new HashMap<>();

  private DataCollectorServer(Builder b) {
    super(b.port, Optional.ofNullable(b.tls));
    this.definitions = b.definitions.deepCopy();
    Catalog catalog = b.catalog != null ? b.catalog : DefinitionsCatalog.read(definitions);
    this.normalizer = new StoreNormalizer(catalog);
    this.blank = new BlankPipeline(catalog, b.pipelineVersion);
    this.authMode = b.authMode;
    this.users = Map.copyOf(b.users);
    this.sdcVersion = b.sdcVersion;
    this.sdcId = b.sdcId;
    this.clock = b.clock;
  }

  /** A server serving these `/rest/v1/definitions` and normalising saves with them. */
  public static Builder builder(JsonNode definitions) {
    return new Builder(definitions);
  }

  /** Makes a pipeline look active (RUNNING) or not: saves and deletes are then refused with CONTAINER_0208. */
  public void markRunning(String pipelineId, boolean isRunning) {
    synchronized (lock) {
      if (isRunning) {
        running.add(pipelineId);
      } else {
        running.remove(pipelineId);
      }
    }
  }

  /** Reads and writes this server processed for a pipeline. */
  public FlowCounters counters(String pipelineId) {
    synchronized (lock) {
      return counters.getOrDefault(pipelineId, FlowCounters.NONE);
    }
  }

  /** A copy of the stored pipeline, for assertions. */
  public Optional<ObjectNode> stored(String pipelineId) {
    synchronized (lock) {
      ObjectNode pipeline = pipelines.get(pipelineId);
      return pipeline == null ? Optional.empty() : Optional.of(pipeline.deepCopy());
    }
  }

  @Override
  Reply handle(Call call) {
    Object authenticated = authenticate(call);
    if (authenticated instanceof Reply refusal) {
      return refusal;
    }
    User user = (User) authenticated;
    // Jersey's CSRF filter: any X-Requested-By value will do, on every unsafe method.
    boolean safe = call.method.equals("GET") || call.method.equals("HEAD") || call.method.equals("OPTIONS");
    if (!safe && call.header("X-Requested-By") == null) {
      return Reply.empty(400);
    }
    if (call.isPath("rest", "v1", "pipelines") && call.method.equals("GET")) {
      return list(call);
    }
    if (call.isPath("rest", "v1", "definitions") && call.method.equals("GET")) {
      return Reply.json(200, definitions);
    }
    if (call.isPathWithIds(1, "rest", "v1", "pipeline")) {
      String id = call.segments.get(3);
      if (!safe && !user.canWrite()) {
        return Reply.empty(403);
      }
      return switch (call.method) {
        case "GET" -> get(id, call);
        case "PUT" -> create(id, call, user);
        case "POST" -> save(id, call, user);
        case "DELETE" -> delete(id);
        default -> Reply.empty(405);
      };
    }
    if (call.isPathWithIds(2, "rest", "v1", "pipeline") && call.segments.get(4).equals("import")) {
      if (!call.method.equals("POST")) {
        return Reply.empty(405);
      }
      if (!user.canWrite()) {
        return Reply.empty(403);
      }
      return importPipeline(call.segments.get(3), call, user);
    }
    return Reply.html(404, NOT_FOUND_HTML);
  }

  /** The authenticated user, or the refusal the auth mode answers with. */
  private Object authenticate(Call call) {
    if (authMode == AuthMode.NONE) {
      return new User("admin", "", Set.of("admin"));
    }
    String realm = authMode == AuthMode.BASIC ? "basic-realm" : "form-realm";
    Optional<String[]> credentials = call.basicCredentials();
    if (credentials.isEmpty()) {
      // Form mode sends unauthenticated REST calls to a login page that does not exist for them.
      return authMode == AuthMode.FORM ? notFound().withHeader("Cache-Control", "must-revalidate,no-cache,no-store")
          : unauthorized(realm);
    }
    User user = users.get(credentials.get()[0]);
    if (user == null || !user.password().equals(credentials.get()[1])) {
      return unauthorized(realm);
    }
    return user;
  }

  private static Reply unauthorized(String realm) {
    return Reply.html(401, "")
        .withHeader("WWW-Authenticate", "basic realm=\"" + realm + "\"")
        .withHeader("Cache-Control", "must-revalidate,no-cache,no-store");
  }

  private static Reply notFound() {
    return Reply.html(404, NOT_FOUND_HTML);
  }

  private Reply list(Call call) {
    List<ObjectNode> infos = new ArrayList<>();
    synchronized (lock) {
      pipelines.values().forEach(p -> infos.add(p.get("info").deepCopy()));
    }
    infos.sort(Comparator.comparing((ObjectNode i) -> i.path("title").asText())
        .thenComparing(i -> i.path("pipelineId").asText()));
    ArrayNode body = NODES.arrayNode();
    infos.forEach(body::add);
    JsonNode answer = body;
    if ("true".equals(call.query.get("includeStatus"))) {
      ArrayNode both = NODES.arrayNode();
      both.add(body);
      ArrayNode states = both.addArray();
      synchronized (lock) {
        infos.forEach(i -> states.add(state(i.path("pipelineId").asText())));
      }
      answer = both;
    }
    return Reply.json(200, answer).withHeader("TOTAL_COUNT", Integer.toString(infos.size()));
  }

  private ObjectNode state(String id) {
    ObjectNode state = NODES.objectNode();
    state.put("pipelineId", id);
    state.put("rev", PipelineInfo.LAST_REV);
    state.put("user", "admin");
    state.put("status", running.contains(id) ? "RUNNING" : "EDITED");
    state.put("message", running.contains(id) ? null : "Pipeline edited");
    state.put("timeStamp", clock.millis());
    state.putObject("attributes").put("IS_REMOTE_PIPELINE", false);
    state.put("executionMode", "STANDALONE");
    state.putNull("metrics");
    state.put("retryAttempt", 0);
    state.put("nextRetryTimeStamp", 0);
    state.put("name", id);
    return state;
  }

  private Reply get(String id, Call call) {
    synchronized (lock) {
      ObjectNode pipeline = pipelines.get(id);
      if (pipeline == null) {
        return storeError("CONTAINER_0200", "Pipeline '" + id + "' does not exist");
      }
      counters.merge(id, FlowCounters.NONE.read(), (a, b) -> a.read());
      if ("info".equals(call.query.get("get"))) {
        return Reply.json(200, pipeline.get("info"));
      }
      return Reply.json(200, pipeline);
    }
  }

  private Reply create(String title, Call call, User user) {
    boolean generate = "true".equals(call.query.get("autoGeneratePipelineId"));
    String id = generate ? generatedId(title) : title;
    String description = call.query.getOrDefault("description", "");
    synchronized (lock) {
      if (pipelines.containsKey(id)) {
        return storeError("CONTAINER_0201", "Pipeline '" + id + "' already exists");
      }
      ObjectNode pipeline = createBlank(id, title, description, user);
      wrote(id);
      String location = url() + "/rest/" + URLEncoder.encode(rawPath(call), StandardCharsets.UTF_8) + "/" + id;
      return Reply.json(201, pipeline).withHeader("Location", location).afterWrite();
    }
  }

  /** The engine's blank pipeline, stored; the caller holds the lock. */
  private ObjectNode createBlank(String id, String title, String description, User user) {
    long now = clock.millis();
    PipelineInfo info = new PipelineInfo(
        id, title, description, now, now, user.name(), user.name(), UUID.randomUUID().toString(), false, null,
        sdcVersion, sdcId);
    ObjectNode pipeline = blank.create(info);
    pipelines.put(id, pipeline);
    return pipeline;
  }

  /** One request that changed this pipeline. */
  private void wrote(String id) {
    counters.merge(id, FlowCounters.NONE.wrote(), (a, b) -> a.wrote());
  }

  private static String rawPath(Call call) {
    StringBuilder path = new StringBuilder();
    for (String segment : call.segments) {
      path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return path.toString();
  }

  /** `PipelineConfigurationUtil.generatePipelineId`: the title's first 10 characters, id-safe, plus a uuid. */
  private static String generatedId(String title) {
    String prefix = title.substring(0, Math.min(10, title.length())).replaceAll("[^0-9A-Za-z_]", "");
    return prefix + UUID.randomUUID();
  }

  private Reply save(String id, Call call, User user) {
    ObjectNode body;
    try {
      JsonNode parsed = Reply.JSON.readTree(call.body);
      if (!(parsed instanceof ObjectNode object)) {
        return internalError("JsonMappingException", "com.fasterxml.jackson.databind.JsonMappingException",
            "the body is not a pipeline");
      }
      body = object;
    } catch (JsonProcessingException e) {
      return internalError("JsonParseException", "com.fasterxml.jackson.core.JsonParseException",
          "the body is not JSON");
    }
    synchronized (lock) {
      ObjectNode stored = pipelines.get(id);
      if (stored == null) {
        return storeError("CONTAINER_0200", "Pipeline '" + id + "' does not exist");
      }
      if (!stored.path("uuid").asText().equals(body.path("uuid").asText(null))) {
        return storeError("CONTAINER_0205", "The pipeline '" + id
            + "' has been changed. Reload the page to view or edit the latest version of the pipeline.");
      }
      if (running.contains(id)) {
        return storeError("CONTAINER_0208", "Pipeline in state 'RUNNING' cannot be saved");
      }
      JsonNode sentInfo = body.get("info");
      if (sentInfo == null || sentInfo.isNull()) {
        // The real store dereferences info.sdcVersion while upgrading and saving.
        return internalError("NullPointerException", "java.lang.NullPointerException", null);
      }
      ObjectNode saved = store(id, body, user);
      wrote(id);
      return Reply.json(200, saved).afterWrite();
    }
  }

  /** Writes a pipeline's new content as the real store's save does; the caller holds the lock. */
  private ObjectNode store(String id, ObjectNode body, User user) {
    ObjectNode stored = pipelines.get(id);
    JsonNode sentInfo = body.get("info");
    ObjectNode saved = normalizer.normalize(body);
    String uuid = UUID.randomUUID().toString();
    boolean empty = saved.path("stages").size() == 0;
    PipelineInfo before = PipelineInfo.fromJson(stored.get("info"));
    String sdcVersionSent = sentInfo.path("sdcVersion").asText(null);
    PipelineInfo info = new PipelineInfo(
        id, saved.path("title").asText(before.title()), saved.path("description").asText(""), before.created(),
        clock.millis(), before.creator(), user.name(), uuid, !empty, saved.has("metadata") ? saved.get("metadata") : before.metadata(),
        sdcVersionSent == null ? sdcVersion : sdcVersionSent, sdcId);
    saved.put("pipelineId", id);
    saved.put("uuid", uuid);
    saved.set("info", info.toJson());
    saved.put("valid", !empty);
    saved.set("issues", empty ? BlankPipeline.emptyPipelineIssues() : noIssues());
    saved.put("previewable", !empty);
    pipelines.put(id, saved);
    return saved;
  }

  /**
   * `POST /pipeline/{id}/import` as the real resource runs it (sdc-import transcripts): the body is
   * an envelope whose pipeline must carry a uuid (else Jackson's 400) and an `info` block (else a
   * NullPointerException before anything is created); then the pipeline is created, then saved
   * with its content, then the rules are stored, which fails with a NullPointerException when the
   * envelope has none, leaving the blank pipeline behind, exactly as the engine does.
   */
  private Reply importPipeline(String name, Call call, User user) {
    JsonNode envelope;
    try {
      envelope = Reply.JSON.readTree(call.body);
    } catch (JsonProcessingException e) {
      return Reply.text(400, "Unexpected character: the body is not JSON");
    }
    JsonNode sent = envelope == null ? null : envelope.get("pipelineConfig");
    if (!(sent instanceof ObjectNode config)) {
      return internalError("NullPointerException", "java.lang.NullPointerException", null);
    }
    if (!config.hasNonNull("uuid")) {
      return Reply.text(400, "Can not construct instance of com.streamsets.datacollector.restapi.bean."
          + "PipelineConfigurationJson, problem: uuid cannot be null (through reference chain: "
          + "com.streamsets.datacollector.restapi.bean.PipelineEnvelopeJson[\"pipelineConfig\"])");
    }
    if (!config.path("info").isObject()) {
      return internalError("NullPointerException", "java.lang.NullPointerException",
          "Cannot invoke \"com.streamsets.datacollector.store.PipelineInfo.getSdcVersion()\" because the return value"
              + " of \"com.streamsets.datacollector.config.PipelineConfiguration.getInfo()\" is null");
    }
    if ("true".equals(call.query.get("overwrite")) || "true".equals(call.query.get("draft"))) {
      return internalError("UnsupportedOperationException", "java.lang.UnsupportedOperationException",
          "the test server models imports with overwrite=false and draft=false only");
    }
    String title = config.path("title").asText("");
    String label = title.isEmpty() ? name : title;
    String id = "true".equals(call.query.get("autoGeneratePipelineId")) ? generatedId(label) : name;
    synchronized (lock) {
      if (pipelines.containsKey(id)) {
        return storeError("CONTAINER_0201", "Pipeline '" + id + "' already exists");
      }
      createBlank(id, label, config.path("description").asText(""), user);
      wrote(id);
      JsonNode rules = envelope.get("pipelineRules");
      if (rules == null || rules.isNull()) {
        return internalError("NullPointerException", "java.lang.NullPointerException",
            "Cannot invoke \"com.streamsets.datacollector.config.RuleDefinitions.setUuid(java.util.UUID)\" because"
                + " \"ruleDefinitions\" is null").afterWrite();
      }
      ObjectNode content = config.deepCopy();
      content.put("title", label);
      content.put("uuid", pipelines.get(id).path("uuid").asText());
      ObjectNode saved = store(id, content, user);
      ObjectNode answer = NODES.objectNode();
      answer.set("pipelineConfig", saved);
      ObjectNode storedRules = rules.isObject() ? ((ObjectNode) rules).deepCopy() : NODES.objectNode();
      storedRules.put("uuid", UUID.randomUUID().toString());
      answer.set("pipelineRules", storedRules);
      answer.putNull("libraryDefinitions");
      return Reply.json(200, answer).afterWrite();
    }
  }

  private Reply delete(String id) {
    synchronized (lock) {
      if (!pipelines.containsKey(id)) {
        return storeError("CONTAINER_0200", "Pipeline '" + id + "' does not exist");
      }
      if (running.contains(id)) {
        return storeError("CONTAINER_0208", "Pipeline in state 'RUNNING' cannot be saved");
      }
      pipelines.remove(id);
      counters.merge(id, FlowCounters.NONE.wrote(), (a, b) -> a.wrote());
      return Reply.empty(200).afterWrite();
    }
  }

  private static ObjectNode noIssues() {
    ObjectNode issues = NODES.objectNode();
    issues.putArray("pipelineIssues");
    issues.putObject("stageIssues");
    issues.put("issueCount", 0);
    return issues;
  }

  @Override
  Reply injectedFailure(int status) {
    if (status == 500) {
      return internalError("IllegalStateException", "java.lang.IllegalStateException", "injected fault");
    }
    return Reply.html(status, "<html><body><h2>HTTP ERROR " + status + "</h2></body></html>\n");
  }

  /** A `PipelineStoreException` as `ExceptionToHttpErrorProvider` renders it: 500 with a RemoteException. */
  private static Reply storeError(String code, String text) {
    String localized = code + " - " + text;
    return remoteException(code, localized, "PipelineStoreException",
        "com.streamsets.datacollector.store.PipelineStoreException");
  }

  /** Any other exception: error code CONTAINER_0000. */
  private static Reply internalError(String simpleName, String className, String text) {
    return remoteException("CONTAINER_0000", text, simpleName, className);
  }

  private static Reply remoteException(String code, String localized, String simpleName, String className) {
    String message = localized == null ? className : className + ": " + localized;
    ObjectNode body = NODES.objectNode();
    ObjectNode remote = body.putObject("RemoteException");
    remote.put("message", message);
    remote.put("errorCode", code);
    remote.put("localizedMessage", localized);
    remote.put("exception", simpleName);
    remote.put("javaClassName", className);
    remote.putArray("antennaDoctorMessages");
    remote.put("stackTrace", message + "\n\tat io.flowascode.testkit.DataCollectorServer(test server)\n");
    return Reply.json(500, body);
  }

  /** Configures a {@link DataCollectorServer}; {@link #start()} binds it. */
  public static final class Builder {
    private final JsonNode definitions;
    private Catalog catalog;
    private int port;
    private AuthMode authMode = AuthMode.BASIC;
    private final Map<String, User> users = new LinkedHashMap<>();
    private String sdcVersion = "3.22.2";
    private String sdcId = "2c48a174-e785-11f1-a78b-2147aa89d2e5";
    private int pipelineVersion = BlankPipeline.OBSERVED_PIPELINE_VERSION;
    private SSLContext tls;
    private Clock clock = Clock.systemUTC();

    private Builder(JsonNode definitions) {
      this.definitions = definitions;
    }

    /** 0 (the default) picks a free port. */
    public Builder port(int value) {
      this.port = value;
      return this;
    }

    public Builder authMode(AuthMode value) {
      this.authMode = value;
      return this;
    }

    public Builder user(String name, String password, String... roles) {
      users.put(name, new User(name, password, Set.of(roles)));
      return this;
    }

    /** Normalise with this catalog instead of one read from the served definitions. */
    public Builder catalog(Catalog value) {
      this.catalog = value;
      return this;
    }

    public Builder sdcVersion(String value) {
      this.sdcVersion = value;
      return this;
    }

    public Builder pipelineVersion(int value) {
      this.pipelineVersion = value;
      return this;
    }

    /** Serve HTTPS with this context instead of HTTP. */
    public Builder tls(SSLContext value) {
      this.tls = value;
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    public DataCollectorServer start() {
      DataCollectorServer server = new DataCollectorServer(this);
      server.start();
      return server;
    }
  }
}
