package io.flowascode.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.batch.FlowBatch;
import io.flowascode.compiler.batch.FlowSources;
import io.flowascode.compiler.secrets.EnvironmentSecrets;
import io.flowascode.compiler.secrets.SecretResolver;
import io.flowascode.compiler.secrets.SecretSource;
import io.flowascode.compiler.secrets.SecretSources;
import io.flowascode.engine.plan.FlowAction;
import io.flowascode.engine.plan.Plan;
import io.flowascode.engine.plan.PlanJsonRenderer;
import io.flowascode.engine.plan.PlanMarkdownRenderer;
import io.flowascode.engine.plan.PlanTextRenderer;
import io.flowascode.engine.target.BasicCredentials;
import io.flowascode.engine.target.DataCollectorTarget;
import io.flowascode.engine.target.HttpOptions;
import io.flowascode.engine.target.RetryPolicy;
import io.flowascode.engine.target.Secret;
import io.flowascode.engine.target.Target;
import io.flowascode.testkit.DataCollectorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flow's `{secret: NAME}` against a Data Collector: plan compares the value the source gives
 * with what the engine holds, apply writes it, and no plan (text, markdown, JSON, saved file) nor
 * message ever holds it.
 */
class SecretsPlanApplyTest {
  static final String FLOW = """
      flow:
        id: rpc-out
      stages:
        source:
          label: Dev Raw Data Source
          config:
            raw_data: {secret: SAMPLE_DATA}
        rpc:
          label: SDC RPC
          type: destination
          config:
            config.hostPorts: [collector:20000]
            config.appId: {secret: RPC_APP_ID}
      connections:
        - source >> rpc
      """;
  static final String APP_ID = "app-id-Kx9q2Zt";
  static final String ROTATED = "rotated-Wq41pLm";
  static final String DATA = "{\"card\": \"4111-secret-data\"}";

  @TempDir
  Path tmp;

  DataCollectorServer server;
  List<DesiredFlow> flows;

  @BeforeEach
  void compileTheFlow() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("flows"));
    Files.writeString(dir.resolve("rpc-out.flow.yaml"), FLOW);
    BatchResult batch = new FlowBatch(new FlowCompiler(ApplyScenariosTest.CATALOG, CompilerOptions.DEFAULT))
        .compile(FlowSources.expand(List.of(dir)), dir);
    assertThat(batch.hasErrors()).isFalse();
    flows = DesiredFlows.of(batch);
    server = DataCollectorServer.builder(JsonNodeFactory.instance.objectNode())
        .catalog(ApplyScenariosTest.CATALOG).user("admin", "admin-Pw", "admin").start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Target target() throws Exception {
    HttpOptions fast = HttpOptions.defaults()
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5))
        .withRetry(RetryPolicy.none());
    return new DataCollectorTarget(server.url(), Optional.of(new BasicCredentials("admin", Secret.of("admin-Pw"))), fast);
  }

  private static SecretSource secrets(String appId) {
    return new EnvironmentSecrets(Map.of("FLOW_SECRET_RPC_APP_ID", appId, "FLOW_SECRET_SAMPLE_DATA", DATA));
  }

  /** Every way a plan is shown or kept. */
  private String everyRendering(Plan plan, Path saved) throws Exception {
    return new PlanTextRenderer().render(plan) + new PlanMarkdownRenderer().render(plan) + new PlanJsonRenderer().render(plan)
        + Files.readString(saved);
  }

  private JsonNode stored(String config) {
    JsonNode pipeline = server.stored("rpc-out").orElseThrow();
    for (JsonNode stage : pipeline.path("stages")) {
      for (JsonNode c : stage.path("configuration")) {
        if (c.path("name").asText().equals(config)) {
          return c.path("value");
        }
      }
    }
    throw new AssertionError("no config " + config);
  }

  @Test
  void theCompiledPipelineHoldsOnlyPlaceholders() {
    String compiled = flows.get(0).pipeline().toString();
    assertThat(compiled).contains("((secret:RPC_APP_ID))", "((secret:SAMPLE_DATA))").doesNotContain(APP_ID);
  }

  @Test
  void applyWritesTheValuesAndAPlanWithTheSameValuesIsEmpty() throws Exception {
    try (Target target = target()) {
      ApplyJob.Result applied = new ApplyJob(target, ApplyScenariosTest.CATALOG, 1).withSecrets(secrets(APP_ID))
          .apply(flows, Prune.off(), plan -> true);
      assertThat(applied.report().count(Outcome.CREATED)).isEqualTo(1);
      assertThat(stored("config.appId").asText()).isEqualTo(APP_ID);
      assertThat(stored("rawData").asText()).isEqualTo(DATA);
      assertThat(server.stored("rpc-out").orElseThrow().toString()).doesNotContain("((secret:");

      PlanJob.Result again = new PlanJob(target, ApplyScenariosTest.CATALOG, 1).withSecrets(secrets(APP_ID))
          .plan(flows, Prune.off(), Optional.empty());
      assertThat(again.plan().flows()).singleElement().satisfies(f -> assertThat(f.action()).isEqualTo(FlowAction.NO_CHANGE));
      assertThat(again.verdict()).isEqualTo(Verdict.OK);
    }
  }

  @Test
  void aRotatedSecretIsOneChangeNamedBySecretAndNoValueIsShownOrSaved() throws Exception {
    try (Target target = target()) {
      new ApplyJob(target, ApplyScenariosTest.CATALOG, 1).withSecrets(secrets(APP_ID)).apply(flows, Prune.off(), plan -> true);
      PlanJob job = new PlanJob(target, ApplyScenariosTest.CATALOG, 1).withSecrets(secrets(ROTATED));
      Plan plan = job.plan(flows, Prune.off(), Optional.empty()).plan();
      assertThat(plan.flows()).singleElement().satisfies(f -> {
        assertThat(f.action()).isEqualTo(FlowAction.UPDATE);
        assertThat(f.diff().changes()).hasSize(1);
      });
      Path saved = tmp.resolve("plan.json");
      job.save(saved, plan);
      String shown = everyRendering(plan, saved);
      assertThat(new PlanTextRenderer().render(plan)).contains("(secret RPC_APP_ID changed)");
      assertThat(shown).doesNotContain(APP_ID).doesNotContain(ROTATED).doesNotContain("4111-secret-data");

      ApplyJob.Result applied = new ApplyJob(target, ApplyScenariosTest.CATALOG, 1).withSecrets(secrets(ROTATED))
          .applySaved(saved, p -> true);
      assertThat(applied.report().count(Outcome.UPDATED)).isEqualTo(1);
      assertThat(stored("config.appId").asText()).isEqualTo(ROTATED);
    }
  }

  @Test
  void aSecretSetOnAPlainTextConfigIsHiddenToo() throws Exception {
    try (Target target = target()) {
      new ApplyJob(target, ApplyScenariosTest.CATALOG, 1).withSecrets(secrets(APP_ID)).apply(flows, Prune.off(), plan -> true);
      SecretSource otherData = new EnvironmentSecrets(Map.of("FLOW_SECRET_RPC_APP_ID", APP_ID,
          "FLOW_SECRET_SAMPLE_DATA", "{\"card\": \"5500-other-data\"}"));
      Plan plan = new PlanJob(target, ApplyScenariosTest.CATALOG, 1).withSecrets(otherData)
          .plan(flows, Prune.off(), Optional.empty()).plan();
      String text = new PlanTextRenderer().render(plan) + new PlanJsonRenderer().render(plan);
      assertThat(text).contains("(secret SAMPLE_DATA changed)").doesNotContain("4111-secret-data").doesNotContain("5500-other-data");
    }
  }

  @Test
  void missingSecretsAreOneErrorNamingEachAndWhereToSetItBeforeAnythingIsRead() throws Exception {
    try (Target target = target()) {
      SecretSource none = SecretSources.standard(Map.of(), List.of(), List.of(tmp.resolve("flows")));
      server.clearRequests();
      assertThatThrownBy(() -> new PlanJob(target, ApplyScenariosTest.CATALOG, 1).withSecrets(none)
          .plan(flows, Prune.off(), Optional.empty()))
          .isInstanceOf(SecretResolver.MissingSecretsException.class)
          .hasMessageContaining("`SAMPLE_DATA`, `RPC_APP_ID` are not set")
          .hasMessageContaining("FLOW_SECRET_RPC_APP_ID")
          .hasMessageContaining("FLOW_SECRET_SAMPLE_DATA")
          .hasMessageContaining(tmp.resolve("flows").resolve("flow-secrets.yaml").toString());
      assertThatThrownBy(() -> new ApplyJob(target, ApplyScenariosTest.CATALOG, 1).withSecrets(none)
          .apply(flows, Prune.off(), plan -> true))
          .isInstanceOf(SecretResolver.MissingSecretsException.class);
      assertThat(server.requests()).isEmpty();
      assertThat(server.stored("rpc-out")).isEmpty();
    }
  }

  @Test
  void aSavedPlanIsNotAppliedWithoutItsSecrets() throws Exception {
    try (Target target = target()) {
      PlanJob job = new PlanJob(target, ApplyScenariosTest.CATALOG, 1).withSecrets(secrets(APP_ID));
      Path saved = tmp.resolve("plan.json");
      job.save(saved, job.plan(flows, Prune.off(), Optional.empty()).plan());
      assertThat(Files.readString(saved)).contains("((secret:RPC_APP_ID))").doesNotContain(APP_ID);
      server.clearRequests();
      assertThatThrownBy(() -> new ApplyJob(target, ApplyScenariosTest.CATALOG, 1).applySaved(saved, p -> true))
          .isInstanceOf(SecretResolver.MissingSecretsException.class)
          .hasMessageContaining("RPC_APP_ID");
      assertThat(server.requests()).isEmpty();
      assertThat(server.stored("rpc-out")).isEmpty();
    }
  }
}
