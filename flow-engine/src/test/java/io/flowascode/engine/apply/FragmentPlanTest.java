package io.flowascode.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.batch.FlowBatch;
import io.flowascode.compiler.batch.FlowSources;
import io.flowascode.engine.plan.FlowAction;
import io.flowascode.engine.plan.FlowPlan;
import io.flowascode.engine.plan.PlanTextRenderer;
import io.flowascode.engine.target.BasicCredentials;
import io.flowascode.engine.target.DataCollectorTarget;
import io.flowascode.engine.target.HttpOptions;
import io.flowascode.engine.target.LocalStoreTarget;
import io.flowascode.engine.target.RetryPolicy;
import io.flowascode.engine.target.Secret;
import io.flowascode.engine.target.Target;
import io.flowascode.testkit.DataCollectorServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans of the sample flows that use the sample fragment (`order-hygiene`, used by `store-orders`
 * and `partner-orders`): a change inside the fragment is planned for every flow that uses it, as
 * a change of the fragment's stage named by the flow's use and the fragment's stage
 * (`hygiene_FieldRemover_01`: the use `hygiene`, the fragment's `FieldRemover_01`), and a change
 * of one use's parameter only for that flow.
 */
class FragmentPlanTest {
  private static final Path FRAGMENT = Path.of("fragments", "order-hygiene.fragment.yaml");

  @TempDir
  Path tmp;

  @Test
  void changingAFragmentPlansAChangeForEveryFlowThatUsesIt() throws Exception {
    Path project = copyOfTheSamplesThatUseTheFragment();
    try (Target target = new LocalStoreTarget(tmp.resolve("store"), ApplyScenariosTest.CATALOG)) {
      ApplyScenariosTest.planAndApply(target, compile(project));
      assertThat(plan(target, project).values()).allMatch(p -> p.action() == FlowAction.NO_CHANGE);

      edit(project.resolve(FRAGMENT), "config: { fields: [/internal_note] }", "config: { fields: [/internal_note, /clerk] }");
      Map<String, FlowPlan> plans = plan(target, project);

      assertThat(plans.values()).allMatch(p -> p.action() == FlowAction.UPDATE);
      for (FlowPlan p : plans.values()) {
        assertThat(text(p)).containsExactly("~ stage hygiene_FieldRemover_01",
            "~ fields: [\"/internal_note\"] -> [\"/internal_note\",\"/clerk\"]");
      }
    }
  }

  @Test
  void aNewDefaultOfAFragmentParameterChangesOnlyTheFlowsThatDoNotSetIt() throws Exception {
    Path project = copyOfTheSamplesThatUseTheFragment();
    try (Target target = new LocalStoreTarget(tmp.resolve("store"), ApplyScenariosTest.CATALOG)) {
      ApplyScenariosTest.planAndApply(target, compile(project));

      edit(project.resolve(FRAGMENT), "LARGE_ORDER: 1000", "LARGE_ORDER: 2500");
      Map<String, FlowPlan> plans = plan(target, project);

      // store-orders sets LARGE_ORDER itself; partner-orders takes the fragment's default.
      assertThat(plans.get("store-orders").action()).isEqualTo(FlowAction.NO_CHANGE);
      assertThat(text(plans.get("partner-orders"))).containsExactly("~ parameter HYGIENE_LARGE_ORDER: \"1000\" -> \"2500\"");
    }
  }

  @Test
  void aStageAddedToAFragmentIsAddedAndConnectedInEveryFlowOnAPlatformDouble() throws Exception {
    Path project = copyOfTheSamplesThatUseTheFragment();
    try (DataCollectorServer server = DataCollectorServer.builder(JsonNodeFactory.instance.objectNode())
            .catalog(ApplyScenariosTest.CATALOG).user("admin", ApplyScenariosTest.PASSWORD, "admin").start();
        Target target = new DataCollectorTarget(server.url(),
            Optional.of(new BasicCredentials("admin", Secret.of(ApplyScenariosTest.PASSWORD))),
            HttpOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(5)).withRetry(RetryPolicy.none()))) {
      ApplyScenariosTest.planAndApply(target, compile(project));
      assertThat(plan(target, project).values()).allMatch(p -> p.action() == FlowAction.NO_CHANGE);

      edit(project.resolve(FRAGMENT), "  - mask >> price >> tidy >> route", "  - mask >> price >> stamp >> tidy >> route");
      edit(project.resolve(FRAGMENT), "  tidy:\n", "  stamp: { label: Field Renamer }\n  tidy:\n");
      Map<String, FlowPlan> plans = plan(target, project);

      for (FlowPlan p : plans.values()) {
        assertThat(text(p)).containsExactly(
            "+ stage hygiene_FieldRenamer_01: Field Renamer",
            "- hygiene_ExpressionEvaluator_01 >> hygiene_FieldRemover_01",
            "+ hygiene_ExpressionEvaluator_01 >> hygiene_FieldRenamer_01",
            "+ hygiene_FieldRenamer_01 >> hygiene_FieldRemover_01");
      }
      ApplyScenariosTest.planAndApply(target, compile(project));
      assertThat(plan(target, project).values()).allMatch(p -> p.action() == FlowAction.NO_CHANGE);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private Path copyOfTheSamplesThatUseTheFragment() throws IOException {
    Path project = tmp.resolve("project");
    Files.createDirectories(project.resolve("fragments"));
    for (Path f : List.of(Path.of("12-store-orders.flow.yaml"), Path.of("13-partner-orders.flow.yaml"), FRAGMENT)) {
      Files.copy(ApplyScenariosTest.SAMPLES.resolve(f), project.resolve(f));
    }
    return project;
  }

  private static List<DesiredFlow> compile(Path project) throws IOException {
    FlowCompiler compiler = new FlowCompiler(ApplyScenariosTest.CATALOG, CompilerOptions.DEFAULT);
    BatchResult batch = new FlowBatch(compiler).compile(FlowSources.expand(List.of(project)), project);
    assertThat(batch.hasErrors()).as(batch.allDiagnostics().toString()).isFalse();
    return DesiredFlows.of(batch);
  }

  private static Map<String, FlowPlan> plan(Target target, Path project) throws IOException {
    PlanResult result = new Planner(target, ApplyScenariosTest.CATALOG, 2).plan(compile(project), false);
    assertThat(result.failures()).isEmpty();
    return result.plan().flows().stream().collect(Collectors.toMap(FlowPlan::flowId, p -> p));
  }

  /** The plan's lines for one flow, without its header. */
  private static List<String> text(FlowPlan plan) {
    return new PlanTextRenderer().renderFlow(plan).lines().skip(1).map(String::strip).toList();
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }
}
