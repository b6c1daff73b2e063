package io.flowascode.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.testkit.DataCollectorServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan, apply and definitions against the loopback Data Collector: output and exit codes. */
class RemoteCommandsTest {
  static final String SAMPLE = FlowCliTest.SAMPLES.resolve("06-stream-selector.flow.yaml").toString();

  @TempDir
  Path tmp;

  DataCollectorServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  void start(JsonNode definitions) {
    server = DataCollectorServer.builder(definitions)
        .catalog(BundledCatalog.load())
        .authMode(DataCollectorServer.AuthMode.NONE)
        .start();
  }

  FlowCliTest.Run run(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--target";
    all[args.length + 1] = "sdc";
    all[args.length + 2] = "--url";
    all[args.length + 3] = server.url();
    return FlowCliTest.run(all);
  }

  @Test
  void planShowsChangesWithExitFiveThenApplyConvergesToExitZero() {
    start(JsonNodeFactory.instance.objectNode());
    FlowCliTest.Run plan = run("plan", SAMPLE, "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.out() + plan.err()).isEqualTo(5);
    assertThat(plan.out()).contains("+ flow stream-selector");
    FlowCliTest.Run apply = run("apply", SAMPLE);
    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("Apply: 1 created");
    FlowCliTest.Run again = run("plan", SAMPLE, "--detailed-exitcode");
    assertThat(again.exit()).as(again.out()).isZero();
    assertThat(again.out()).contains("No changes.");
  }

  @Test
  void aSavedPlanAppliedAfterAnEditInTheUiExitsThree() throws IOException {
    start(JsonNodeFactory.instance.objectNode());
    assertThat(run("apply", SAMPLE).exit()).isZero();
    Path changed = tmp.resolve("changed.flow.yaml");
    Files.writeString(changed, Files.readString(Path.of(SAMPLE)).replace("title: Stream Selector predicates", "title: Changed in git"));
    Path planFile = tmp.resolve("plan.json");
    assertThat(run("plan", changed.toString(), "--plan-file", planFile.toString()).exit()).isZero();
    ObjectNode stored = server.stored("stream-selector").orElseThrow();
    stored.put("description", "edited in the UI");
    assertThat(saveAsTheUi(stored)).isTrue();
    FlowCliTest.Run apply = run("apply", "--plan-file", planFile.toString());
    assertThat(apply.exit()).as(apply.out()).isEqualTo(3);
    assertThat(apply.out()).contains("refused", "run plan again");
  }

  @Test
  void aRemoteThatFailsExitsFour() {
    start(JsonNodeFactory.instance.objectNode());
    server.faults().failNext(50, 503);
    FlowCliTest.Run plan = run("plan", SAMPLE);
    assertThat(plan.exit()).as(plan.out()).isEqualTo(4);
    assertThat(plan.out() + plan.err()).doesNotContain("\tat ");
  }

  @Test
  void theDefinitionsLockDrivesValidationOffline() throws IOException {
    String shared = System.getProperty("flow.shared.dir");
    Path real = shared == null ? null : Path.of(shared, "platform/definitions/sdc-basic-dev-definitions.json");
    assumeTrue(real != null && Files.exists(real), "the shared platform definitions are absent");
    start(new ObjectMapper().readTree(real.toFile()));
    Path lock = tmp.resolve("flow-definitions.lock.json");
    FlowCliTest.Run fetched = run("definitions", "-o", lock.toString());
    assertThat(fetched.exit()).as(fetched.out() + fetched.err()).isZero();
    assertThat(lock).exists();
    server.close();
    server = null;
    // Offline now: the lock knows the engine's basic and dev stages, not the bundled AWS ones.
    assertThat(FlowCliTest.run("validate", "--lock", lock.toString(), SAMPLE).exit()).isZero();
    FlowCliTest.Run s3 = FlowCliTest.run("validate", "--lock", lock.toString(),
        FlowCliTest.SAMPLES.resolve("03-amazon-s3-types.flow.yaml").toString());
    assertThat(s3.exit()).isEqualTo(1);
    assertThat(s3.out()).contains("E0301");
  }

  @Test
  void atATerminalApplyShowsThePlanAndOnlyYesWrites() {
    String store = tmp.resolve("store").toString();
    java.util.List<String> asked = new java.util.ArrayList<>();
    FlowCliTest.Run declined = atTerminal("no", asked, "apply", SAMPLE, "--store", store);
    assertThat(declined.exit()).isZero();
    assertThat(declined.out()).contains("+ flow stream-selector", "Apply cancelled; nothing was changed.");
    assertThat(declined.out().indexOf("+ flow stream-selector")).isLessThan(declined.out().indexOf("Apply cancelled"));
    assertThat(asked).singleElement().satisfies(q -> assertThat(q).contains("local store at", "'yes'"));
    assertThat(tmp.resolve("store").resolve("stream-selector")).doesNotExist();

    FlowCliTest.Run approved = atTerminal("yes", asked, "apply", SAMPLE, "--store", store);
    assertThat(approved.out()).contains("Apply: 1 created");
    FlowCliTest.Run unasked = atTerminal("no", asked, "apply", SAMPLE, "--store", store, "--auto-approve");
    assertThat(unasked.out()).contains("1 unchanged");
    // A plan without changes is not asked about; --auto-approve never asks.
    assertThat(asked).hasSize(2);
  }

  private static FlowCliTest.Run atTerminal(String answer, java.util.List<String> asked, String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int exit = FlowCli.run(args, new java.io.PrintWriter(out), new java.io.PrintWriter(err),
        java.util.Optional.of(question -> {
          asked.add(question);
          return java.util.Optional.of(answer);
        }), java.util.Map.of());
    return new FlowCliTest.Run(exit, out.toString(), err.toString());
  }

  /** Saves as the UI would: the stored pipeline back with its own uuid. */
  private boolean saveAsTheUi(ObjectNode pipeline) {
    try (var target = new io.flowascode.engine.target.DataCollectorTarget(server.url(), java.util.Optional.empty(),
        io.flowascode.engine.target.HttpOptions.defaults())) {
      target.save("stream-selector", pipeline, pipeline.path("uuid").asText());
      return true;
    } catch (io.flowascode.engine.target.TargetException e) {
      throw new AssertionError(e.getMessage());
    }
  }
}
