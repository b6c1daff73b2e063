package io.flowascode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.engine.target.BasicCredentials;
import io.flowascode.engine.target.DataCollectorTarget;
import io.flowascode.engine.target.HttpOptions;
import io.flowascode.engine.target.RemoteFlowSummary;
import io.flowascode.engine.target.Secret;
import io.flowascode.engine.target.TargetException;
import io.flowascode.testkit.DataCollectorServer;
import io.flowascode.testkit.FaultyProxy;
import io.flowascode.testkit.ProxyFault;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `flow plan` and `flow apply` of the thirteen samples through a proxy that injects faults in front
 * of the stateful Data Collector double: failing, cut, lost, hanging and slow requests, edits in
 * between, concurrent appliers, hostile projects. Every scenario ends with the remote converged
 * (a plain plan finds nothing to do), no blank and no extra pipeline, the documented exit codes,
 * and no stack trace and no credential in anything printed.
 */
class FaultInjectionTest {
  private static final String PASSWORD = "Fault-Pa55word-3e9c";
  private static final Set<String> SAMPLE_IDS = Set.of("listing-stages", "adding-a-stage", "amazon-s3-types",
      "connecting-stages", "events", "stream-selector", "chaining", "fan-out", "editing-configuration",
      "expense-router", "web-logs", "store-orders", "partner-orders");
  /** Fast enough for tests; each scenario still exercises the real retry and timeout paths. */
  private static final List<String> QUICK = List.of("--timeout", "1s");

  @TempDir
  Path tmp;

  private DataCollectorServer server;
  private FaultyProxy proxy;
  private final List<String> printed = new ArrayList<>();

  @BeforeEach
  void start() {
    server = DataCollectorServer.builder(JsonNodeFactory.instance.objectNode())
        .catalog(BundledCatalog.load())
        .user("admin", PASSWORD, "admin")
        .start();
    proxy = FaultyProxy.to(server.url());
  }

  @AfterEach
  void noStackTraceAndNoCredentialWasEverPrinted() {
    proxy.close();
    server.close();
    String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertThat(printed).isNotEmpty().allSatisfy(text -> assertThat(text)
        .doesNotContain(PASSWORD, basic, "\tat ", "Exception in thread", "OutOfMemoryError"));
  }

  private record Run(int exit, String out) {}

  /** `flow ARGS --target sdc --url URL --user admin`, FLOW_PASSWORD in its environment, no terminal. */
  private Run flow(String url, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--target", "sdc", "--url", url, "--user", "admin"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = FlowCli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), Optional.empty(),
        Map.of("FLOW_PASSWORD", PASSWORD));
    String text = out + err.toString();
    printed.add(text);
    return new Run(exit, text);
  }

  private Run throughProxy(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(QUICK);
    return flow(proxy.url(), all.toArray(String[]::new));
  }

  private Run applySamplesUntilItSucceeds(int runs) {
    Run last = null;
    for (int i = 0; i < runs; i++) {
      last = throughProxy("apply", FlowCliTest.SAMPLES.toString());
      assertThat(last.exit()).as(last.out()).isIn(FlowCli.OK, FlowCli.REMOTE_FAILURE);
      if (last.exit() == FlowCli.OK) {
        return last;
      }
    }
    return last;
  }

  /** The remote holds every sample, complete, and nothing else; a plan without faults finds nothing to do. */
  private void assertConverged() throws TargetException {
    Run plan = flow(server.url(), "plan", FlowCliTest.SAMPLES.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.out()).isEqualTo(FlowCli.OK);
    assertThat(plan.out()).contains("No changes.");
    try (DataCollectorTarget direct = new DataCollectorTarget(server.url(),
        Optional.of(new BasicCredentials("admin", Secret.of(PASSWORD))), HttpOptions.defaults())) {
      assertThat(direct.list()).extracting(RemoteFlowSummary::id).containsExactlyInAnyOrderElementsOf(SAMPLE_IDS);
    }
    for (String id : SAMPLE_IDS) {
      assertThat(server.stored(id).orElseThrow().path("stages").size()).as(id + " has its stages").isPositive();
    }
  }

  @Test
  void aFifthOfAllRequestsAnswered500ConvergesWithinThreeRuns() throws Exception {
    proxy.rule(FaultyProxy.randomly(11, 0.2, ProxyFault.status(500)));
    Run last = applySamplesUntilItSucceeds(3);
    assertThat(last.exit()).as(last.out()).isEqualTo(FlowCli.OK);
    assertThat(proxy.count(ProxyFault.Answer.class)).isPositive();
    assertConverged();
  }

  @Test
  void aFifthOfAllConnectionsCutBeforeTheServerSawThemConverges() throws Exception {
    proxy.rule(FaultyProxy.randomly(12, 0.2, new ProxyFault.Reset()));
    Run last = applySamplesUntilItSucceeds(4);
    assertThat(last.exit()).as(last.out()).isEqualTo(FlowCli.OK);
    assertConverged();
  }

  @Test
  void answersLostAfterTheServerActedAreResolvedByReadingBackAndNothingIsDoneTwice() throws Exception {
    proxy.rule(FaultyProxy.randomly(13, 0.3, new ProxyFault.DropAnswer()));
    Run last = applySamplesUntilItSucceeds(4);
    assertThat(last.exit()).as(last.out()).isEqualTo(FlowCli.OK);
    assertThat(proxy.count(ProxyFault.DropAnswer.class)).isPositive();
    assertConverged();
    // Every create was one import request that the server processed once: no flow was created twice.
    for (String id : SAMPLE_IDS) {
      assertThat(server.counters(id).writes()).as(id).isEqualTo(1);
    }
  }

  @Test
  void aRefusedCreateLeavesNoBlankPipeline() throws Exception {
    proxy.rule(FaultyProxy.when("POST", "/rest/v1/pipeline/web-logs/import", ProxyFault.status(401)));
    Run first = throughProxy("apply", FlowCliTest.SAMPLES.toString());
    assertThat(first.exit()).as(first.out()).isEqualTo(FlowCli.REMOTE_FAILURE);
    assertThat(first.out()).contains("failed     web-logs", "refused the credentials");
    assertThat(server.stored("web-logs")).isEmpty();
    proxy.rule((i, m, p) -> ProxyFault.PASS);
    assertThat(throughProxy("apply", FlowCliTest.SAMPLES.toString()).exit()).isEqualTo(FlowCli.OK);
    assertConverged();
  }

  @Test
  void aPlanThatCouldNotReadAnyFlowSaysSoAndNeverNoChanges() throws Exception {
    assertThat(flow(server.url(), "apply", FlowCliTest.SAMPLES.toString()).exit()).isEqualTo(FlowCli.OK);
    proxy.rule(FaultyProxy.when("GET", "/rest/v1/pipeline/", ProxyFault.status(500)));
    Run plan = throughProxy("plan", FlowCliTest.SAMPLES.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).isEqualTo(FlowCli.REMOTE_FAILURE);
    assertThat(plan.out()).doesNotContain("No changes").contains("Incomplete plan: 13 flow(s) could not be read");
    for (String id : SAMPLE_IDS) {
      assertThat(plan.out()).contains("failed     " + id + ":");
    }
    Run saved = throughProxy("plan", FlowCliTest.SAMPLES.toString(), "--plan-file", tmp.resolve("plan.json").toString());
    assertThat(saved.out()).contains("incomplete");
    assertThat(tmp.resolve("plan.json")).doesNotExist();
    assertConverged();
  }

  @Test
  void aServerThatStopsAnsweringFailsTheRunAfterAFewSilentRequestsNotEveryFlow() throws Exception {
    proxy.rule((i, m, p) -> new ProxyFault.Hang());
    Run apply = throughProxy("apply", FlowCliTest.SAMPLES.toString());
    assertThat(apply.exit()).isEqualTo(FlowCli.REMOTE_FAILURE);
    assertThat(apply.out()).contains("stopped answering", "Incomplete plan: 13 flow(s)");
    // Without the give-up rule: 13 flows x 4 attempts. With it: three in a row, plus those in flight.
    assertThat(proxy.seen()).hasSizeLessThanOrEqualTo(3 + 4);
    proxy.rule((i, m, p) -> ProxyFault.PASS);
    assertThat(throughProxy("apply", FlowCliTest.SAMPLES.toString()).exit()).isEqualTo(FlowCli.OK);
    assertConverged();
  }

  @Test
  void theDeadlineEndsASlowRunAndTheNextRunConverges() throws Exception {
    proxy.rule((i, m, p) -> new ProxyFault.Delay(Duration.ofMillis(400)));
    Run slow = flow(proxy.url(), "apply", FlowCliTest.SAMPLES.toString(), "--deadline", "1s", "--parallelism", "1");
    assertThat(slow.exit()).isEqualTo(FlowCli.REMOTE_FAILURE);
    assertThat(slow.out()).contains("deadline of 1s");
    proxy.rule((i, m, p) -> ProxyFault.PASS);
    assertThat(throughProxy("apply", FlowCliTest.SAMPLES.toString()).exit()).isEqualTo(FlowCli.OK);
    assertConverged();
  }

  @Test
  void throttlingIsWaitedOutAsTheServerAsks() throws Exception {
    // 429 says the request was not processed: reads and writes alike are sent again when asked.
    proxy.rule((i, m, p) -> i % 3 == 0 ? new ProxyFault.Answer(429, "1") : ProxyFault.PASS);
    Run apply = throughProxy("apply", FlowCliTest.SAMPLES.toString());
    assertThat(apply.exit()).as(apply.out()).isEqualTo(FlowCli.OK);
    assertThat(proxy.count(ProxyFault.Answer.class)).isGreaterThan(5);
    assertConverged();
  }

  @Test
  void anEditInTheUiBetweenPlanAndApplyIsKeptAndTheApplyRefused() throws Exception {
    assertThat(flow(server.url(), "apply", FlowCliTest.SAMPLES.toString()).exit()).isEqualTo(FlowCli.OK);
    Path changed = Files.createDirectories(tmp.resolve("flows"));
    for (Path sample : Files.newDirectoryStream(FlowCliTest.SAMPLES, "*.flow.yaml")) {
      Files.writeString(changed.resolve(sample.getFileName()), Files.readString(sample)
          .replace("title: Stream Selector predicates", "title: Changed in git"));
    }
    // The fragment files the samples use, at the same path from the flows.
    Path fragments = Files.createDirectories(changed.resolve("fragments"));
    for (Path f : Files.newDirectoryStream(FlowCliTest.SAMPLES.resolve("fragments"))) {
      Files.copy(f, fragments.resolve(f.getFileName().toString()));
    }
    Path planFile = tmp.resolve("plan.json");
    assertThat(throughProxy("plan", changed.toString(), "--plan-file", planFile.toString()).exit()).isZero();
    ObjectNode ui = server.stored("stream-selector").orElseThrow();
    ui.put("description", "edited in the UI");
    try (DataCollectorTarget asTheUi = new DataCollectorTarget(server.url(),
        Optional.of(new BasicCredentials("admin", Secret.of(PASSWORD))), HttpOptions.defaults())) {
      asTheUi.save("stream-selector", ui, ui.path("uuid").asText());
    }
    Run apply = throughProxy("apply", "--plan-file", planFile.toString());
    assertThat(apply.exit()).isEqualTo(FlowCli.CONFLICT);
    assertThat(apply.out()).contains("refused   stream-selector".replace("   ", "    "), "run plan again");
    assertThat(server.stored("stream-selector").orElseThrow().path("description").asText()).isEqualTo("edited in the UI");
  }

  @Test
  void aSavedPlanAppliedTwiceSaysItWasAppliedAndChangesNothing() throws Exception {
    Path planFile = tmp.resolve("plan.json");
    assertThat(throughProxy("plan", FlowCliTest.SAMPLES.toString(), "--plan-file", planFile.toString()).exit()).isZero();
    assertThat(throughProxy("apply", "--plan-file", planFile.toString()).exit()).isEqualTo(FlowCli.OK);
    server.clearRequests();
    Run again = throughProxy("apply", "--plan-file", planFile.toString());
    assertThat(again.exit()).as(again.out()).isEqualTo(FlowCli.OK);
    assertThat(again.out()).contains("This plan was applied before").doesNotContainPattern("(?m)^refused");
    assertThat(server.requests()).allMatch(r -> r.method().equals("GET"));
    assertConverged();
  }

  @Test
  void aSavedPlanIsRefusedByAnotherTarget() throws Exception {
    Path planFile = tmp.resolve("plan.json");
    assertThat(throughProxy("plan", FlowCliTest.SAMPLES.toString(), "--plan-file", planFile.toString()).exit()).isZero();
    Run elsewhere = flow(server.url(), "apply", "--plan-file", planFile.toString());
    assertThat(elsewhere.exit()).isEqualTo(FlowCli.INVALID_INPUT);
    assertThat(elsewhere.out()).contains("was made for Data Collector at " + proxy.url(), "not for Data Collector at " + server.url());
    assertThat(server.stored("events")).isEmpty();
    assertThat(throughProxy("apply", "--plan-file", planFile.toString()).exit()).isEqualTo(FlowCli.OK);
    assertConverged();
  }

  @Test
  void pruneRefusesADirectoryOfMisnamedFilesAndDeletesNothing() throws Exception {
    assertThat(flow(server.url(), "apply", FlowCliTest.SAMPLES.toString()).exit()).isEqualTo(FlowCli.OK);
    Path misnamed = Files.createDirectories(tmp.resolve("misnamed"));
    Files.copy(FlowCliTest.SAMPLES.resolve("05-events.flow.yaml"), misnamed.resolve("events.yaml"));
    Run prune = throughProxy("apply", FlowCliTest.SAMPLES.toString(), misnamed.toString(), "--prune");
    assertThat(prune.exit()).isEqualTo(FlowCli.USAGE);
    Run pruneOnlyThat = throughProxy("apply", misnamed.toString(), "--prune");
    assertThat(pruneOnlyThat.exit()).isEqualTo(FlowCli.USAGE);
    assertThat(prune.out()).contains("refusing to prune", misnamed + " holds no flow file");
    assertConverged();
  }

  @Test
  void pruneShowsWhatItDeletesAndDeletesOnlyFlowsThisToolCreated() throws Exception {
    assertThat(flow(server.url(), "apply", FlowCliTest.SAMPLES.toString()).exit()).isEqualTo(FlowCli.OK);
    try (DataCollectorTarget byHand = new DataCollectorTarget(server.url(),
        Optional.of(new BasicCredentials("admin", Secret.of(PASSWORD))), HttpOptions.defaults())) {
      byHand.create("hand-made", "Made in the UI", "");
    }
    Run prune = throughProxy("apply", FlowCliTest.SAMPLES.resolve("05-events.flow.yaml").toString(), "--prune");
    assertThat(prune.exit()).as(prune.out()).isEqualTo(FlowCli.OK);
    assertThat(prune.out()).contains("- flow web-logs (delete)", "deleted    web-logs");
    assertThat(server.stored("hand-made")).isPresent();
    assertThat(server.stored("web-logs")).isEmpty();
    assertThat(server.stored("events")).isPresent();
  }

  @Test
  void aWrongPasswordIsReportedWithoutIt() {
    StringWriter out = new StringWriter();
    int exit = FlowCli.run(new String[] {"plan", FlowCliTest.SAMPLES.toString(), "--target", "sdc", "--url", proxy.url(),
        "--user", "admin"}, new PrintWriter(out), new PrintWriter(out), Optional.empty(),
        Map.of("FLOW_PASSWORD", "not-" + PASSWORD));
    printed.add(out.toString());
    assertThat(exit).isEqualTo(FlowCli.REMOTE_FAILURE);
    assertThat(out.toString()).contains("refused the credentials (401").doesNotContain("not-" + PASSWORD);
    // Refused credentials are not retried: one request per flow.
    assertThat(proxy.seen()).hasSize(SAMPLE_IDS.size());
  }

  @Test
  void twoConcurrentAppliesThroughFaultsConvergeWithoutDuplicates() throws Exception {
    proxy.rule(FaultyProxy.randomly(17, 0.1, new ProxyFault.DropAnswer()));
    CompletableFuture<Run> a = CompletableFuture.supplyAsync(() -> throughProxy("apply", FlowCliTest.SAMPLES.toString()));
    CompletableFuture<Run> b = CompletableFuture.supplyAsync(() -> throughProxy("apply", FlowCliTest.SAMPLES.toString()));
    for (Run run : List.of(a.get(), b.get())) {
      // Whoever lost a race is refused (3) or could not tell (4); nobody overwrote anybody.
      assertThat(run.exit()).as(run.out()).isIn(FlowCli.OK, FlowCli.CONFLICT, FlowCli.REMOTE_FAILURE);
    }
    proxy.rule((i, m, p) -> ProxyFault.PASS);
    applySamplesUntilItSucceeds(2);
    assertConverged();
    assertThat(server.requests().stream().map(r -> r.path()).collect(Collectors.toSet())).isNotEmpty();
  }
}
