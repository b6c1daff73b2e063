package io.flowascode.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.testkit.RecordedRequest;
import io.flowascode.testkit.WatsonxServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project deployed to watsonx.data integration through `flow plan`/`flow apply`, with an
 * environment set, against the double that refuses whatever IBM's SDK never sends and throttles
 * under load: create, update, an empty re-plan, a save by the SDK or the UI that resets the labels,
 * and prune. Every request is one the SDK sends for the same operation.
 */
class WatsonxScenarioTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API_KEY = "Wxdi-ApiKey-5f1e9a";
  private static final String PROJECT = "b1c2d3e4-project";
  private static final List<String> FLOWS = List.of("05-events.flow.yaml", "06-stream-selector.flow.yaml",
      "10-expense-router.flow.yaml");

  @TempDir
  Path tmp;

  private WatsonxServer server;
  private Path project;
  private Path lock;
  private final List<String> printed = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    String shared = System.getProperty("flow.shared.dir");
    Path definitions = shared == null ? null : Path.of(shared, "platform/definitions/sdc-basic-dev-definitions.json");
    assumeTrue(definitions != null && Files.exists(definitions), "the shared platform definitions are absent");
    server = WatsonxServer.builder()
        .apiKey(API_KEY, "IBMid-deployer")
        .project(PROJECT)
        .catalog(BundledCatalog.load())
        .engineVersion("6.3.0", true)
        .engineVersion("6.2.0", true)
        .environment("env-prod", "6.2.0")
        .definitions("6.2.0", JSON.readTree(definitions.toFile()))
        .rateLimit(6, Duration.ofSeconds(1))
        .start();
    project = Files.createDirectories(tmp.resolve("flows"));
    for (String flow : FLOWS) {
      Files.copy(FlowCliTest.SAMPLES.resolve(flow), project.resolve(flow));
    }
    lock = tmp.resolve("flow-definitions.lock.json");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
      assertThat(printed).allSatisfy(text -> assertThat(text).doesNotContain(API_KEY, "\tat ", "Exception"));
    }
  }

  private record Run(int exit, String out) {}

  private Run flow(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--target", "wxdi", "--url", server.url(), "--iam-url", server.url(), "--project", PROJECT,
        "--engine-environment", "env-prod", "--lock", lock.toString()));
    StringWriter out = new StringWriter();
    int exit = FlowCli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(out), Optional.empty(),
        Map.of("FLOW_API_KEY", API_KEY));
    printed.add(out.toString());
    return new Run(exit, out.toString());
  }

  private JsonNode body(RecordedRequest request) {
    try {
      return JSON.readTree(request.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Set<String> fields(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void createUpdateReplanSurviveAnSdkSaveAndPrune() throws Exception {
    // No lock yet: the first plan takes the environment's engine version's definitions into it.
    Run plan = flow("plan", project.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.out()).isEqualTo(FlowCli.CHANGES_PRESENT);
    assertThat(plan.out()).contains("Wrote " + lock, "engine version 6.2.0", "+ flow events", "+ flow stream-selector");
    assertThat(JSON.readTree(lock.toFile()).get("engineVersion").asText()).isEqualTo("6.2.0");

    Run apply = flow("apply", project.toString());
    assertThat(apply.exit()).as(apply.out()).isZero();
    assertThat(apply.out()).contains("Apply: 3 created");
    for (String name : List.of("events", "stream-selector", "expense-router")) {
      JsonNode asset = server.storedFlow(name).orElseThrow();
      assertThat(asset.get("engine_version").asText()).isEqualTo("6.2.0");
      assertThat(asset.get("environment_id").asText()).isEqualTo("env-prod");
      JsonNode definition = server.storedDefinition(name).orElseThrow();
      assertThat(definition.get("uuid").asText()).matches("[0-9a-f-]{36}");
      assertThat(definition.get("pipelineId").asText()).startsWith("testRun__");
      assertThat(definition.at("/metadata/managedBy").asText()).isEqualTo("flow-as-code");
      assertThat(definition.at("/metadata/labels").toString()).doesNotContain("managed-by-flow-as-code");
    }

    Run again = flow("plan", project.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.out()).isZero();
    assertThat(again.out()).contains("No changes.");

    Path events = project.resolve("05-events.flow.yaml");
    Files.writeString(events, Files.readString(events).replaceFirst("title: .*", "title: Events, renamed in git"));
    Run update = flow("apply", project.toString());
    assertThat(update.exit()).as(update.out()).isZero();
    assertThat(update.out()).contains("updated    events", "Apply: 0 created, 1 updated");
    assertThat(server.storedDefinition("events").orElseThrow().get("title").asText()).isEqualTo("Events, renamed in git");

    // Someone saves every flow with the SDK or the UI: labels reset to [], stages moved. Positions
    // never count; the labels the expense router declares are gone, and the plan says so.
    for (String name : List.of("events", "stream-selector", "expense-router")) {
      server.saveAsTheSdk(name);
    }
    Run afterUiSave = flow("plan", project.toString(), "--detailed-exitcode");
    assertThat(afterUiSave.exit()).as(afterUiSave.out()).isEqualTo(FlowCli.CHANGES_PRESENT);
    assertThat(afterUiSave.out()).contains("  flow events (no change)", "  flow stream-selector (no change)",
        "~ flow expense-router (update)", "~ labels: [] -> [\"expenses\", \"finance\"]",
        "Plan: flows 0 to create, 1 to update, 0 to delete, 2 unchanged; stages 0 to add, 0 to change, 0 to remove;");

    // Ownership outlived the SDK's save: prune still knows what this tool deployed.
    Files.delete(project.resolve("06-stream-selector.flow.yaml"));
    Run prune = flow("apply", project.toString(), "--prune");
    assertThat(prune.exit()).as(prune.out()).isZero();
    assertThat(prune.out()).contains("- flow stream-selector (delete)", "deleted    stream-selector");
    assertThat(server.storedFlow("stream-selector")).isEmpty();
    assertThat(server.storedFlow("events")).isPresent();
    assertThat(flow("plan", project.toString(), "--prune", "--detailed-exitcode").exit()).isZero();

    assertThat(server.throttled()).as("the double throttled the bursts").isPositive();
    assertEveryRequestIsOneTheSdkSends();
  }

  private void assertEveryRequestIsOneTheSdkSends() {
    List<RecordedRequest> requests = server.requests();
    // The double answers 400 to anything the SDK never sends.
    assertThat(requests).noneMatch(r -> r.status() == 400);
    for (RecordedRequest r : requests) {
      String where = r.method() + " " + r.path() + "?" + r.query();
      if (r.path().equals("/identity/token")) {
        continue;
      }
      assertThat(r.header("Content-Type")).as(where).startsWith("application/json");
      if (r.path().equals("/sset/streamsets_flows/v1/streamsets_flows")) {
        if (r.method().equals("GET")) {
          assertThat(r.query()).as(where).matches("project_id=" + PROJECT + "(&start=[A-Za-z0-9_-]+)?");
        } else {
          assertThat(r.method()).isEqualTo("POST");
          assertThat(r.query()).isEqualTo("project_id=" + PROJECT);
          assertThat(fields(body(r))).containsExactly("description", "engine_version", "environment_id", "name");
          assertThat(body(r).get("engine_version").asText()).isEqualTo("6.2.0");
          assertThat(body(r).get("environment_id").asText()).isEqualTo("env-prod");
        }
      } else if (r.path().startsWith("/sset/streamsets_flows/v1/streamsets_flows/")) {
        assertThat(r.method()).as(where).isIn("GET", "PUT", "DELETE");
        assertThat(r.query()).as(where).isEqualTo("project_id=" + PROJECT);
        if (r.method().equals("PUT")) {
          JsonNode body = body(r);
          assertThat(List.copyOf(fields(body))).containsExactlyInAnyOrder("name", "connection_ids", "description",
              "environment_id", "engine_version", "fragment_ids", "pipeline_definition");
          assertThat(body.at("/pipeline_definition/uuid").asText()).doesNotStartWith("sha256:");
        }
      } else if (r.path().equals("/sset/engine_manager/v1/streamsets_environments/env-prod")) {
        assertThat(r.query()).isEqualTo("project_id=" + PROJECT + "&limit=100&environment_id=env-prod");
      } else {
        assertThat(r.path()).as(where).isEqualTo("/sset/engine_manager/v1/streamsets_engine_versions/6.2.0/definitions");
        assertThat(r.query()).isEmpty();
      }
    }
  }
}

