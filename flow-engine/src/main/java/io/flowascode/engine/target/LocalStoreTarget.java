package io.flowascode.engine.target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.store.BlankPipeline;
import io.flowascode.store.PipelineInfo;
import io.flowascode.store.StoreNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A pipeline store in a directory (`.flow-store/` of the project by default) that behaves like
 * Data Collector's own: `<id>/pipeline.json` and `<id>/info.json`, a new random uuid on every save,
 * a save refused when its uuid is stale, defaults filled and stages sorted as the engine does, and
 * new flows that look like the engine's. It lets a project plan and apply without an engine.
 *
 * <p>Every file is replaced atomically, and every change runs under the store's lock
 * (`.lock`), so concurrent applies from several processes serialise and the loser gets a
 * conflict. Reads take no lock: the pipeline file alone is authoritative and is always whole.
 * The store does not validate: saved pipelines carry no `issues`, `valid` or `previewable`.
 */
public final class LocalStoreTarget implements Target {
  /** The directory under a project where the store lives unless configured otherwise. */
  public static final String DEFAULT_DIRECTORY = ".flow-store";

  private static final Pattern FLOW_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,199}");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String PIPELINE_FILE = "pipeline.json";
  private static final String INFO_FILE = "info.json";
  private static final String LOCK_FILE = ".lock";

  /**
   * A store in a directory, holding pipelines as the engine would.
   *
   * @param user written as creator and last modifier
   * @param pipelineVersion the top-level `version` of new pipelines
   * @param sdcVersion `info.sdcVersion`; null as no engine wrote the pipeline
   * @param lockTimeout how long a change waits for another process holding the store
   */
  public record Options(String user, int pipelineVersion, String sdcVersion, Duration lockTimeout, Clock clock) {
    public static Options defaults() {
      return new Options("flow", BlankPipeline.OBSERVED_PIPELINE_VERSION, null, Duration.ofSeconds(30), Clock.systemUTC());
    }

    public Options withLockTimeout(Duration value) {
      return new Options(user, pipelineVersion, sdcVersion, value, clock);
    }
  }

  private final Path root;
  private final StoreNormalizer normalizer;
  private final BlankPipeline blank;
  private final Options options;

  public LocalStoreTarget(Path root, Catalog catalog, Options options) {
    this.root = root.toAbsolutePath().normalize();
    this.normalizer = new StoreNormalizer(catalog);
    this.blank = new BlankPipeline(catalog, options.pipelineVersion());
    this.options = options;
  }

  public LocalStoreTarget(Path root, Catalog catalog) {
    this(root, catalog, Options.defaults());
  }

  /** The store of a project in its default place. */
  public static LocalStoreTarget inProject(Path projectDirectory, Catalog catalog) {
    return new LocalStoreTarget(projectDirectory.resolve(DEFAULT_DIRECTORY), catalog);
  }

  @Override
  public String describe() {
    return "local store at " + root;
  }

  @Override
  public String toString() {
    return describe();
  }

  @Override
  public Optional<RemoteFlow> read(String flowId) throws TargetException {
    return readPipeline(flowId).map(pipeline -> flow(flowId, pipeline));
  }

  @Override
  public RemoteFlow create(String flowId, String title, String description) throws TargetException {
    checkId(flowId);
    return locked("creating flow '" + flowId + "'", () -> {
      Path directory = root.resolve(flowId);
      if (Files.exists(directory.resolve(PIPELINE_FILE))) {
        throw new FlowExistsException(describe() + " already has a flow '" + flowId + "'");
      }
      long now = options.clock().millis();
      PipelineInfo info = new PipelineInfo(flowId, title, description, now, now, options.user(), options.user(),
          UUID.randomUUID().toString(), false, null, options.sdcVersion(), null);
      ObjectNode pipeline = blank.create(info);
      Files.createDirectories(directory);
      write(directory, pipeline, info);
      return flow(flowId, pipeline);
    });
  }

  /** Writes the flow's one file with its content at once: the flow appears complete or not at all. */
  @Override
  public RemoteFlow createWith(String flowId, JsonNode pipeline) throws TargetException {
    checkId(flowId);
    if (!pipeline.isObject()) {
      throw new IllegalArgumentException("a pipeline is a JSON object");
    }
    return locked("creating flow '" + flowId + "'", () -> {
      Path directory = root.resolve(flowId);
      if (Files.exists(directory.resolve(PIPELINE_FILE))) {
        throw new FlowExistsException(describe() + " already has a flow '" + flowId + "'");
      }
      long now = options.clock().millis();
      ObjectNode saved = normalizer.normalize(pipeline);
      String uuid = UUID.randomUUID().toString();
      PipelineInfo info = new PipelineInfo(flowId, saved.path("title").asText(flowId), saved.path("description").asText(""),
          now, now, options.user(), options.user(), uuid, false, null, options.sdcVersion(), null);
      Files.createDirectories(directory);
      return flow(flowId, store(directory, flowId, saved, uuid, info));
    });
  }

  @Override
  public RemoteFlow save(String flowId, JsonNode pipeline, String expectedRevision) throws TargetException {
    checkId(flowId);
    if (!pipeline.isObject()) {
      throw new IllegalArgumentException("a pipeline is a JSON object");
    }
    String action = "saving flow '" + flowId + "'";
    return locked(action, () -> {
      ObjectNode current = readPipeline(flowId).orElseThrow(() -> new FlowNotFoundException(
          describe() + " has no flow '" + flowId + "' to save"));
      String stored = current.path("uuid").asText();
      if (!stored.equals(expectedRevision)) {
        throw new FlowConflictException(
            "flow '" + flowId + "' in " + describe() + " changed since it was read (revision " + expectedRevision
                + ", now " + stored + "); plan again",
            flowId, expectedRevision, stored);
      }
      ObjectNode saved = normalizer.normalize(pipeline);
      String uuid = UUID.randomUUID().toString();
      PipelineInfo before = PipelineInfo.fromJson(current.path("info"));
      PipelineInfo info = before.saved(
          saved.path("title").asText(before.title()), saved.path("description").asText(""), options.clock().millis(),
          options.user(), uuid);
      return flow(flowId, store(root.resolve(flowId), flowId, saved, uuid, info));
    });
  }

  private static ObjectNode store(Path directory, String flowId, ObjectNode saved, String uuid, PipelineInfo info)
      throws IOException {
    saved.put("pipelineId", flowId);
    saved.put("uuid", uuid);
    saved.set("info", info.toJson());
    // Output-only fields an engine computes by validating; this store does not validate.
    saved.remove(List.of("issues", "valid", "previewable"));
    write(directory, saved, info);
    return saved;
  }

  @Override
  public void delete(String flowId) throws TargetException {
    checkId(flowId);
    String action = "deleting flow '" + flowId + "'";
    locked(action, () -> {
      Path directory = root.resolve(flowId);
      if (!Files.exists(directory.resolve(PIPELINE_FILE))) {
        throw new FlowNotFoundException(describe() + " has no flow '" + flowId + "' to delete");
      }
      // Renamed away first, so the flow disappears at once even if removing its files fails halfway.
      Path trash = root.resolve(AtomicFileWriter.TEMP_PREFIX + "deleted-" + flowId + "-" + UUID.randomUUID());
      Files.move(directory, trash, StandardCopyOption.ATOMIC_MOVE);
      try (Stream<Path> files = Files.walk(trash)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
      return null;
    });
  }

  @Override
  public List<RemoteFlowSummary> list() throws TargetException {
    List<RemoteFlowSummary> flows = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return flows;
    }
    List<String> ids = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, p -> !p.getFileName().toString().startsWith("."))) {
      for (Path entry : entries) {
        if (Files.exists(entry.resolve(PIPELINE_FILE))) {
          ids.add(entry.getFileName().toString());
        }
      }
    } catch (IOException e) {
      throw ioFailure("listing flows", e);
    }
    ids.sort(null);
    for (String id : ids) {
      // The pipeline file is authoritative; info.json may lag it by one save if a writer died between the two.
      Optional<ObjectNode> pipeline = readPipeline(id);
      pipeline.ifPresent(p -> flows.add(new RemoteFlowSummary(id, p.path("title").asText(), Optional.of(p.path("uuid").asText()))));
    }
    return flows;
  }

  /** The local store has the catalog, not an engine's raw definitions. */
  @Override
  public Optional<JsonNode> definitions() {
    return Optional.empty();
  }

  @Override
  public void close() {}

  private Optional<ObjectNode> readPipeline(String flowId) throws TargetException {
    checkId(flowId);
    Path file = root.resolve(flowId).resolve(PIPELINE_FILE);
    try {
      JsonNode pipeline = JSON.readTree(Files.readAllBytes(file));
      if (!(pipeline instanceof ObjectNode object)) {
        throw new TargetFailureException(describe() + " holds a pipeline file for '" + flowId + "' that is not a JSON object: "
            + file, null);
      }
      return Optional.of(object);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw ioFailure("reading flow '" + flowId + "'", e);
    }
  }

  /** pipeline.json first: it is the one that counts, as in Data Collector's store. */
  private static void write(Path directory, ObjectNode pipeline, PipelineInfo info) throws IOException {
    AtomicFileWriter.write(directory.resolve(PIPELINE_FILE), bytes(pipeline));
    AtomicFileWriter.write(directory.resolve(INFO_FILE), bytes(info.toJson()));
  }

  /** A change to the store, run while holding its lock. */
  private interface Change<T> {
    T apply() throws IOException, TargetException;
  }

  private <T> T locked(String action, Change<T> change) throws TargetException {
    try {
      Optional<StoreLock> lock = StoreLock.acquire(root.resolve(LOCK_FILE), options.lockTimeout());
      if (lock.isEmpty()) {
        throw new TargetFailureException(describe() + " stayed locked by another apply for more than "
            + options.lockTimeout().toMillis() + " ms while " + action + " (" + root.resolve(LOCK_FILE) + ")", null);
      }
      try {
        return change.apply();
      } finally {
        lock.get().close();
      }
    } catch (IOException e) {
      throw ioFailure(action, e);
    }
  }

  private static RemoteFlow flow(String flowId, JsonNode pipeline) {
    return new RemoteFlow(flowId, pipeline.path("uuid").asText(), pipeline, Map.of("title", pipeline.path("title").asText()));
  }

  private static byte[] bytes(JsonNode node) throws JsonProcessingException {
    return (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void checkId(String flowId) {
    if (flowId == null || !FLOW_ID.matcher(flowId).matches()) {
      throw new IllegalArgumentException("a flow id for the local store is letters, digits, '_' and '-' (not first): '"
          + flowId + "'");
    }
  }

  private TargetFailureException ioFailure(String action, IOException e) {
    return new TargetFailureException(describe() + " failed while " + action + ": " + e, e);
  }
}
