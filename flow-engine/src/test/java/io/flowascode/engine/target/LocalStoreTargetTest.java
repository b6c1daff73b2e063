package io.flowascode.engine.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTargetTest {
  @TempDir Path project;

  private LocalStoreTarget store() {
    return LocalStoreTarget.inProject(project, Platform.catalog());
  }

  @Test
  void lives_in_the_project_flow_store_directory_with_the_data_collector_layout() throws TargetException {
    LocalStoreTarget store = store();
    store.create("orders", "Orders", "d");
    assertThat(project.resolve(".flow-store/orders/pipeline.json")).isRegularFile();
    assertThat(project.resolve(".flow-store/orders/info.json")).isRegularFile();
    assertThat(store.describe()).isEqualTo("local store at " + project.resolve(".flow-store"));
  }

  @Test
  void a_new_flow_looks_like_the_one_data_collector_creates() throws TargetException {
    JsonNode server = Platform.read("platform/rest-samples/04_create_pipeline.body.json");
    RemoteFlow created = store().create("orders", "Orders", "the orders flow");

    JsonNode pipeline = created.pipeline();
    assertThat(fieldNames(pipeline)).isEqualTo(fieldNames(server));
    for (String same : List.of("schemaVersion", "version", "configuration", "uiInfo", "stages", "errorStage",
        "statsAggregatorStage", "testOriginStage", "issues")) {
      assertThat(pipeline.get(same)).as(same).isEqualTo(server.get(same));
    }
    assertThat(pipeline.get("pipelineId").asText()).isEqualTo("orders");
    assertThat(pipeline.get("title").asText()).isEqualTo("Orders");
    assertThat(pipeline.at("/info/uuid").asText()).isEqualTo(created.revision());
    assertThat(fieldNames(pipeline.get("info"))).isEqualTo(fieldNames(server.get("info")));
  }

  @Test
  void a_save_fills_defaults_sorts_stages_and_gives_a_new_revision() throws Exception {
    LocalStoreTarget store = store();
    RemoteFlow created = store.create("orders", "Orders", "");
    ObjectNode compiled = Platform.compiledPipeline("Orders");
    ArrayNode stages = (ArrayNode) compiled.get("stages");
    stages.insert(0, stages.remove(2));
    // Two configs left at their default, as the compiler leaves them out.
    ArrayNode evaluatorConfigs = (ArrayNode) stages.get(2).get("configuration");
    evaluatorConfigs.remove(5);
    evaluatorConfigs.remove(3);

    RemoteFlow saved = store.save("orders", compiled, created.revision());

    JsonNode server = Platform.read("platform/rest-samples/06_update_pipeline.body.json");
    assertThat(saved.revision()).isNotEqualTo(created.revision());
    assertThat(saved.pipeline().get("stages")).extracting(stage -> stage.get("instanceName").asText())
        .containsExactly("DevRawDataSource_01", "ExpressionEvaluator_01", "Trash_01");
    for (int i = 0; i < 3; i++) {
      assertThat(configsByName(saved.pipeline().get("stages").get(i)))
          .isEqualTo(configsByName(server.get("stages").get(i)));
    }
    assertThat(saved.pipeline().at("/info/uuid").asText()).isEqualTo(saved.revision());
    assertThat(saved.pipeline().at("/info/created")).isEqualTo(created.pipeline().at("/info/created"));
    assertThat(saved.pipeline().has("issues")).as("the store does not validate").isFalse();
    JsonNode info = Platform.JSON.readTree(project.resolve(".flow-store/orders/info.json").toFile());
    assertThat(info.get("uuid").asText()).isEqualTo(saved.revision());
    assertThat(store.read("orders").orElseThrow().pipeline()).isEqualTo(saved.pipeline());
  }

  @Test
  void a_stale_revision_is_a_conflict_and_leaves_the_files_untouched() throws Exception {
    LocalStoreTarget store = store();
    RemoteFlow created = store.create("orders", "Orders", "");
    store.save("orders", Platform.compiledPipeline("First"), created.revision());
    byte[] before = Files.readAllBytes(project.resolve(".flow-store/orders/pipeline.json"));

    FlowConflictException e = catchThrowableOfType(FlowConflictException.class,
        () -> store.save("orders", Platform.compiledPipeline("Second"), created.revision()));

    assertThat(e.flowId()).isEqualTo("orders");
    assertThat(Files.readAllBytes(project.resolve(".flow-store/orders/pipeline.json"))).isEqualTo(before);
  }

  @Test
  void create_delete_list_and_the_errors_between() throws TargetException {
    LocalStoreTarget store = store();
    assertThat(store.list()).isEmpty();
    store.create("b", "Bee", "");
    store.create("a", "Ay", "");
    assertThat(store.list()).extracting(RemoteFlowSummary::id, RemoteFlowSummary::title)
        .containsExactly(tuple("a", "Ay"), tuple("b", "Bee"));
    assertThatThrownBy(() -> store.create("a", "Ay", "")).isInstanceOf(FlowExistsException.class);

    store.delete("a");
    assertThat(store.read("a")).isEmpty();
    assertThat(project.resolve(".flow-store/a")).doesNotExist();
    assertThatThrownBy(() -> store.delete("a")).isInstanceOf(FlowNotFoundException.class);
    assertThatThrownBy(() -> store.save("a", Platform.compiledPipeline("x"), "r")).isInstanceOf(FlowNotFoundException.class);
    assertThat(store.definitions()).isEmpty();
  }

  @Test
  void ids_cannot_leave_the_store_directory() {
    LocalStoreTarget store = store();
    for (String bad : List.of("../escape", "a/b", ".hidden", "", "a.b")) {
      assertThatThrownBy(() -> store.read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void two_concurrent_savers_with_the_same_revision_exactly_one_wins() throws Exception {
    store().create("orders", "Orders", "");
    for (int round = 0; round < 10; round++) {
      // Two stores on one directory stand for two applies; each saves from the same read.
      LocalStoreTarget a = store();
      LocalStoreTarget b = store();
      String revision = a.read("orders").orElseThrow().revision();
      String suffix = Integer.toString(round);
      CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> outcome(a, "A" + suffix, revision));
      CompletableFuture<Object> second = CompletableFuture.supplyAsync(() -> outcome(b, "B" + suffix, revision));
      List<Object> outcomes = List.of(first.get(), second.get());
      assertThat(outcomes).filteredOn(o -> o instanceof RemoteFlow).hasSize(1);
      assertThat(outcomes).filteredOn(o -> o instanceof FlowConflictException).hasSize(1);
    }
  }

  @Test
  void another_process_holding_the_store_makes_a_save_wait_then_fail_clearly() throws Exception {
    LocalStoreTarget patient = store();
    RemoteFlow created = patient.create("orders", "Orders", "");
    LocalStoreTarget hurried = new LocalStoreTarget(project.resolve(".flow-store"), Platform.catalog(),
        LocalStoreTarget.Options.defaults().withLockTimeout(Duration.ofMillis(300)));
    Path lockFile = project.resolve(".flow-store/.lock");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        LockHolder.class.getName(), lockFile.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("locked");

      assertThatThrownBy(() -> hurried.save("orders", Platform.compiledPipeline("Blocked"), created.revision()))
          .isInstanceOf(TargetFailureException.class)
          .hasMessageContaining("locked by another apply");

      CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(
          () -> outcome(patient, "After", created.revision()));
      Thread.sleep(200);
      assertThat(waiting).isNotDone();
      holder.getOutputStream().close();
      assertThat(waiting.get()).isInstanceOf(RemoteFlow.class);
    } finally {
      holder.destroy();
      holder.waitFor();
    }
  }

  @Test
  void readers_never_see_a_partly_written_pipeline() throws Exception {
    LocalStoreTarget store = store();
    RemoteFlow created = store.create("orders", "Orders", "");
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger reads = new AtomicInteger();
    CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
      while (writing.get()) {
        try {
          RemoteFlow flow = store().read("orders").orElseThrow();
          assertThat(flow.pipeline().at("/info/uuid").asText()).isEqualTo(flow.revision());
          reads.incrementAndGet();
        } catch (TargetException e) {
          throw new AssertionError(e);
        }
      }
    });
    String revision = created.revision();
    for (int i = 0; i < 40; i++) {
      revision = store.save("orders", Platform.compiledPipeline("T" + i), revision).revision();
    }
    writing.set(false);
    reader.get();
    assertThat(reads.get()).isPositive();
    try (Stream<Path> files = Files.walk(project.resolve(".flow-store"))) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".tmp-"));
    }
  }

  @Test
  void a_temporary_file_left_by_a_crashed_writer_is_ignored() throws Exception {
    LocalStoreTarget store = store();
    RemoteFlow created = store.create("orders", "Orders", "");
    Files.writeString(project.resolve(".flow-store/orders/.tmp-pipeline.json-crashed"), "{\"trunc");
    Files.createDirectories(project.resolve(".flow-store/.tmp-deleted-x-1"));

    assertThat(store.read("orders")).map(RemoteFlow::revision).contains(created.revision());
    assertThat(store.list()).extracting(RemoteFlowSummary::id).containsExactly("orders");
    assertThat(store.save("orders", Platform.compiledPipeline("Fine"), created.revision()).pipeline()
        .path("title").asText()).isEqualTo("Fine");
  }

  private static Object outcome(Target target, String title, String revision) {
    try {
      return target.save("orders", Platform.compiledPipeline(title), revision);
    } catch (TargetException e) {
      return e;
    }
  }

  private static Map<String, JsonNode> configsByName(JsonNode stage) {
    Map<String, JsonNode> configs = new HashMap<>();
    stage.get("configuration").forEach(c -> configs.put(c.get("name").asText(), c.get("value")));
    return configs;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

}
