package io.flowascode.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.batch.FlowBatch;
import io.flowascode.compiler.batch.FlowSources;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.plan.FlowAction;
import io.flowascode.engine.plan.PlanTextRenderer;
import io.flowascode.engine.target.BasicCredentials;
import io.flowascode.engine.target.DataCollectorTarget;
import io.flowascode.engine.target.HttpOptions;
import io.flowascode.engine.target.LocalStoreTarget;
import io.flowascode.engine.target.RemoteFlow;
import io.flowascode.engine.target.RetryPolicy;
import io.flowascode.engine.target.Secret;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import io.flowascode.testkit.DataCollectorServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan and apply of the samples against a real loopback Data Collector double and the local store:
 * convergence, drift, concurrent appliers, crashes and partial failures.
 */
class ApplyScenariosTest {
  static final Path SAMPLES = Path.of("..", "samples");
  static final Catalog CATALOG = BundledCatalog.load();
  static final String PASSWORD = "s3cret-Pa55";

  @TempDir
  Path tmp;

  DataCollectorServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  static List<DesiredFlow> samples() throws IOException {
    FlowCompiler compiler = new FlowCompiler(CATALOG, CompilerOptions.DEFAULT);
    BatchResult batch = new FlowBatch(compiler).compile(FlowSources.expand(List.of(SAMPLES)), SAMPLES);
    assertThat(batch.hasErrors()).isFalse();
    return DesiredFlows.of(batch);
  }

  static DesiredFlow sample(String id) throws IOException {
    return samples().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }

  DataCollectorTarget sdc() throws TargetException {
    server = DataCollectorServer.builder(JsonNodeFactory.instance.objectNode())
        .catalog(CATALOG)
        .user("admin", PASSWORD, "admin")
        .start();
    return connect();
  }

  DataCollectorTarget connect() throws TargetException {
    HttpOptions fast = HttpOptions.defaults()
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5))
        .withRetry(RetryPolicy.none());
    return new DataCollectorTarget(server.url(), Optional.of(new BasicCredentials("admin", Secret.of(PASSWORD))), fast);
  }

  static ApplyReport planAndApply(Target target, List<DesiredFlow> flows) {
    PlanResult planned = new Planner(target, CATALOG, 4).plan(flows, false);
    assertThat(planned.failures()).isEmpty();
    return new Applier(target, CATALOG, 4).apply(planned.plan(), planned.snapshots());
  }

  @Test
  void aSecondApplyChangesNothingAndCostsOneReadPerFlow() throws Exception {
    List<DesiredFlow> flows = samples();
    try (Target target = sdc()) {
      ApplyReport first = planAndApply(target, flows);
      assertThat(first.count(Outcome.CREATED)).isEqualTo(flows.size());
      server.clearRequests();
      PlanResult again = new Planner(target, CATALOG, 4).plan(flows, false);
      assertThat(again.plan().hasChanges()).as(new PlanTextRenderer().render(again.plan())).isFalse();
      ApplyReport second = new Applier(target, CATALOG, 4).apply(again.plan(), again.snapshots());
      assertThat(second.count(Outcome.UNCHANGED)).isEqualTo(flows.size());
      assertThat(server.requests()).hasSize(flows.size()).allMatch(r -> r.method().equals("GET"));
    }
  }

  @Test
  void aChangedFlowCostsOneReadAndOneWrite() throws Exception {
    DesiredFlow events = sample("events");
    try (Target target = sdc()) {
      planAndApply(target, List.of(events));
      ObjectNode edited = events.pipeline().deepCopy();
      setConfig(edited, "DevRawDataSource_01", "stopAfterFirstBatch", false);
      server.clearRequests();
      ApplyReport report = planAndApply(target, List.of(new DesiredFlow("events", "Events", "", edited)));
      assertThat(report.count(Outcome.UPDATED)).isEqualTo(1);
      assertThat(server.requests()).extracting(r -> r.method()).containsExactly("GET", "POST");
    }
  }

  @Test
  void theLocalStoreConvergesTheSameWay() throws Exception {
    List<DesiredFlow> flows = samples();
    try (Target target = new LocalStoreTarget(tmp.resolve("store"), CATALOG)) {
      assertThat(planAndApply(target, flows).count(Outcome.CREATED)).isEqualTo(flows.size());
      PlanResult again = new Planner(target, CATALOG, 4).plan(flows, false);
      assertThat(again.plan().hasChanges()).as(new PlanTextRenderer().render(again.plan())).isFalse();
    }
  }

  @Test
  void editingOneConfigShowsAOneLinePlan() throws Exception {
    DesiredFlow events = sample("events");
    try (Target target = sdc()) {
      planAndApply(target, List.of(events));
      ObjectNode edited = events.pipeline().deepCopy();
      setConfig(edited, "DevRawDataSource_01", "stopAfterFirstBatch", false);
      PlanResult plan = new Planner(target, CATALOG, 1).plan(List.of(new DesiredFlow("events", "Events", "", edited)), false);
      String text = new PlanTextRenderer().render(plan.plan());
      assertThat(plan.plan().flows().get(0).diff().changes()).hasSize(1);
      assertThat(text).contains("    ~ stage DevRawDataSource_01\n        ~ stop_after_first_batch: true -> false\n");
      assertThat(text).contains("Plan: flows 0 to create, 1 to update, 0 to delete, 0 unchanged; "
          + "stages 0 to add, 1 to change, 0 to remove; connections 0 to add, 0 to remove.");
    }
  }

  @Test
  void aSavedPlanIsRefusedWhenTheFlowWasEditedInTheUiSince() throws Exception {
    DesiredFlow events = sample("events");
    try (Target target = sdc()) {
      planAndApply(target, List.of(events));
      ObjectNode edited = events.pipeline().deepCopy();
      setConfig(edited, "DevRawDataSource_01", "stopAfterFirstBatch", false);
      PlanResult plan = new Planner(target, CATALOG, 1).plan(List.of(new DesiredFlow("events", "Events", "", edited)), false);

      // Someone edits the flow in the UI after the plan was made.
      RemoteFlow current = target.read("events").orElseThrow();
      ObjectNode ui = (ObjectNode) current.pipeline();
      ui.put("description", "edited in the UI");
      target.save("events", ui, current.revision());
      server.clearRequests();

      ApplyReport report = new Applier(target, CATALOG, 1).apply(plan.plan(), Map.of());
      assertThat(report.outcomes().get(0).outcome()).isEqualTo(Outcome.REFUSED);
      assertThat(report.outcomes().get(0).message()).contains("changed on the remote", "run plan again");
      assertThat(server.requests()).noneMatch(r -> r.method().equals("POST"));
      assertThat(target.read("events").orElseThrow().pipeline().path("description").asText()).isEqualTo("edited in the UI");
    }
  }

  @Test
  void ofTwoConcurrentAppliersExactlyOneWins() throws Exception {
    DesiredFlow events = sample("events");
    try (Target target = sdc(); Target other = connect()) {
      planAndApply(target, List.of(events));
      ObjectNode a = events.pipeline().deepCopy();
      setConfig(a, "DevRawDataSource_01", "stopAfterFirstBatch", false);
      ObjectNode b = events.pipeline().deepCopy();
      setConfig(b, "DevRawDataSource_01", "rawData", "{\"b\": 1}");
      PlanResult planA = new Planner(target, CATALOG, 1).plan(List.of(new DesiredFlow("events", "E", "", a)), false);
      PlanResult planB = new Planner(other, CATALOG, 1).plan(List.of(new DesiredFlow("events", "E", "", b)), false);
      CompletableFuture<ApplyReport> ra = CompletableFuture.supplyAsync(() -> new Applier(target, CATALOG, 1).apply(planA.plan(), planA.snapshots()));
      CompletableFuture<ApplyReport> rb = CompletableFuture.supplyAsync(() -> new Applier(other, CATALOG, 1).apply(planB.plan(), planB.snapshots()));
      List<Outcome> outcomes = List.of(ra.get().outcomes().get(0).outcome(), rb.get().outcomes().get(0).outcome());
      assertThat(outcomes).containsExactlyInAnyOrder(Outcome.UPDATED, Outcome.REFUSED);
    }
  }

  @Test
  void aCrashBetweenCreateAndTheFirstSaveConvergesOnTheNextRun() throws Exception {
    DesiredFlow events = sample("events");
    try (Target target = sdc()) {
      target.create("events", "Events", "");  // the process died right after this
      PlanResult plan = new Planner(target, CATALOG, 1).plan(List.of(events), false);
      assertThat(plan.plan().flows().get(0).action()).isEqualTo(FlowAction.UPDATE);
      new Applier(target, CATALOG, 1).apply(plan.plan(), plan.snapshots());
      assertThat(new Planner(target, CATALOG, 1).plan(List.of(events), false).plan().hasChanges()).isFalse();
    }
  }

  @Test
  void aRerunAfterAPartialFailureConverges() throws Exception {
    List<DesiredFlow> flows = samples();
    try (Target target = sdc()) {
      // A store error the engine would not give again (an invalid pipeline), so no retry hides it.
      server.faults().failNext(1, 400, "POST", "/rest/v1/pipeline/web-logs");
      ApplyReport first = planAndApply(target, flows);
      assertThat(first.count(Outcome.FAILED)).isEqualTo(1);
      assertThat(first.outcomes()).filteredOn(o -> o.outcome() == Outcome.FAILED).extracting(FlowOutcome::flowId).containsExactly("web-logs");
      assertThat(first.count(Outcome.CREATED)).isEqualTo(flows.size() - 1);
      // The create failed as one request: no blank pipeline was left for the next run to find.
      assertThat(server.stored("web-logs")).isEmpty();
      ApplyReport second = planAndApply(target, flows);
      assertThat(second.count(Outcome.FAILED)).isZero();
      assertThat(second.outcomes()).filteredOn(o -> o.outcome() == Outcome.CREATED).extracting(FlowOutcome::flowId)
          .containsExactly("web-logs");
      assertThat(second.count(Outcome.UNCHANGED)).isEqualTo(flows.size() - 1);
      assertThat(new Planner(target, CATALOG, 4).plan(flows, false).plan().hasChanges()).isFalse();
    }
  }

  @Test
  void aLostAnswerToAWriteIsResolvedByReadingBack() throws Exception {
    DesiredFlow events = sample("events");
    try (Target target = sdc()) {
      server.faults().dropResponseAfterNextWrites(1);
      ApplyReport report = planAndApply(target, List.of(events));
      assertThat(report.outcomes().get(0).outcome()).isIn(Outcome.CREATED, Outcome.FAILED);
      // Whatever the first run saw, the next converges without duplicating anything.
      planAndApply(target, List.of(events));
      assertThat(new Planner(target, CATALOG, 1).plan(List.of(events), false).plan().hasChanges()).isFalse();
    }
  }

  @Test
  void pruneDeletesOnlyFlowsThisToolCreated() throws Exception {
    List<DesiredFlow> flows = List.of(sample("events"), sample("chaining"));
    try (Target target = new LocalStoreTarget(tmp.resolve("store"), CATALOG)) {
      planAndApply(target, flows);
      RemoteFlow byHand = target.create("hand-made", "Made in the UI", "");
      assertThat(byHand.id()).isEqualTo("hand-made");
      PlanResult plan = new Planner(target, CATALOG, 2).plan(List.of(sample("events")), true);
      assertThat(plan.plan().flows()).extracting(f -> f.flowId() + ":" + f.action())
          .containsExactly("chaining:DELETE", "events:NO_CHANGE");
      new Applier(target, CATALOG, 2).apply(plan.plan(), plan.snapshots());
      assertThat(target.read("chaining")).isEmpty();
      assertThat(target.read("hand-made")).isPresent();
    }
  }

  @Test
  void canvasPositionsArrangedInTheUiAreKept() throws Exception {
    DesiredFlow events = sample("events");
    try (Target target = new LocalStoreTarget(tmp.resolve("store"), CATALOG)) {
      planAndApply(target, List.of(events));
      RemoteFlow current = target.read("events").orElseThrow();
      ObjectNode moved = (ObjectNode) current.pipeline();
      for (var stage : moved.get("stages")) {
        ((ObjectNode) stage.get("uiInfo")).put("xPos", 999);
      }
      target.save("events", moved, current.revision());
      assertThat(new Planner(target, CATALOG, 1).plan(List.of(events), false).plan().hasChanges()).isFalse();
      ObjectNode edited = events.pipeline().deepCopy();
      setConfig(edited, "DevRawDataSource_01", "stopAfterFirstBatch", false);
      planAndApply(target, List.of(new DesiredFlow("events", "Events", "", edited)));
      for (var stage : target.read("events").orElseThrow().pipeline().get("stages")) {
        assertThat(stage.at("/uiInfo/xPos").asInt()).isEqualTo(999);
      }
    }
  }

  @Test
  void noCredentialAppearsInAnyOutcomeOrPlan() throws Exception {
    try (Target target = sdc()) {
      List<DesiredFlow> flows = List.of(sample("events"), sample("chaining"), sample("fan-out"));
      PlanResult planned = new Planner(target, CATALOG, 1).plan(flows, false);
      server.faults().failNext(3, 500);
      ApplyReport report = new Applier(target, CATALOG, 1).apply(planned.plan(), planned.snapshots());
      assertThat(report.count(Outcome.FAILED)).isEqualTo(3);
      assertThat(report.render()).doesNotContain(PASSWORD);
      assertThat(target.describe()).doesNotContain(PASSWORD);
    }
    try (Target wrong = new DataCollectorTarget(server == null ? "http://127.0.0.1:1" : server.url(),
        Optional.of(new BasicCredentials("admin", Secret.of("not-" + PASSWORD))), HttpOptions.defaults().withRetry(RetryPolicy.none()))) {
      PlanResult plan = new Planner(wrong, CATALOG, 1).plan(List.of(sample("events")), false);
      assertThat(plan.failures()).hasSize(1);
      assertThat(plan.failures().get(0).message()).doesNotContain(PASSWORD).containsIgnoringCase("auth");
    }
  }

  static void setConfig(ObjectNode pipeline, String instance, String name, Object value) {
    for (var stage : pipeline.get("stages")) {
      if (stage.get("instanceName").asText().equals(instance)) {
        for (var c : stage.get("configuration")) {
          if (c.get("name").asText().equals(name)) {
            ObjectNode entry = (ObjectNode) c;
            if (value instanceof Boolean b) {
              entry.put("value", b);
            } else {
              entry.put("value", String.valueOf(value));
            }
            return;
          }
        }
      }
    }
    throw new AssertionError("no config " + name + " on " + instance);
  }
}
