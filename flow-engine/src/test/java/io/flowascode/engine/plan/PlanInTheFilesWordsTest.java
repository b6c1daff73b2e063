package io.flowascode.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.batch.FlowBatch;
import io.flowascode.compiler.batch.FlowSources;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.apply.ApplyJob;
import io.flowascode.engine.apply.DesiredFlow;
import io.flowascode.engine.apply.DesiredFlows;
import io.flowascode.engine.apply.PlanJob;
import io.flowascode.engine.apply.Prune;
import io.flowascode.engine.target.LocalStoreTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans speak the flow file's words, and their counts add up to what they list: real sample flows
 * compiled, applied to a local store, edited as a person edits them, and planned again.
 */
class PlanInTheFilesWordsTest {
  private static final Catalog CATALOG = BundledCatalog.load();
  private static final Path SAMPLES = Path.of("..", "samples");

  @TempDir
  Path tmp;

  @Test
  void newFlowsAreFlowsToCreateWithTheirStagesAddedAndNothingChanged() throws Exception {
    List<DesiredFlow> flows = compile(SAMPLES);
    // The plan lists the stage that stands for a fragment and the fragment's stages as the flow runs them.
    int stages = flows.stream().mapToInt(f -> f.pipeline().path("stages").size()
        + f.pipeline().path("fragments").findValues("stages").stream().mapToInt(JsonNode::size).sum()).sum();
    try (LocalStoreTarget target = new LocalStoreTarget(tmp.resolve("store"), CATALOG)) {
      Plan plan = new PlanJob(target, CATALOG, 2).plan(flows, Prune.when(false, List.of()), Optional.empty()).plan();
      PlanCounts counts = plan.counts();

      assertThat(flows).hasSize(13);
      assertThat(counts.create()).isEqualTo(flows.size());
      assertThat(counts.flows()).isEqualTo(flows.size());
      assertThat(counts.stagesAdded()).isEqualTo(stages);
      assertThat(counts.stagesChanged()).isZero();
      assertThat(counts.stagesRemoved()).isZero();
      String text = new PlanTextRenderer().render(plan);
      assertThat(text).doesNotContain("title: null").doesNotContain("description: null");
      assertThat(text).contains("+ flow expense-router (create): \"Expense router\"");
      assertThat(count(text, "    + stage ")).isEqualTo(stages);
      assertThat(count(text, " >> ")).isEqualTo(counts.connectionsAdded());
    }
  }

  @Test
  void anEditedFlowNamesStagesByIdAndInstanceAndOutputsByPredicate() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("flows"));
    Path file = project.resolve("expense-router.flow.yaml");
    Files.copy(SAMPLES.resolve("10-expense-router.flow.yaml"), file);
    try (LocalStoreTarget target = new LocalStoreTarget(tmp.resolve("store"), CATALOG)) {
      apply(target, compile(project));
      edit(file, "refund: '${record:value(\"/amount\") < 0}'", "refund: '${record:value(\"/amount\") < -1}'");
      edit(file, "${OUTBOX}/big/", "${OUTBOX}/large/");
      edit(file, "  - route[refund] >> refunds", "  - route[refund] >> refunds\n  - route[refund] >> audit");
      edit(file, "  done:\n", "  audit: { label: Trash }\n  done:\n");
      Plan plan = new PlanJob(target, CATALOG, 1).plan(compile(project), Prune.when(false, List.of()), Optional.empty()).plan();

      String text = new PlanTextRenderer().render(plan);
      assertThat(text).contains("""
          ~ flow expense-router (update)
              + stage audit (Trash_02): Trash
              ~ stage big_expenses (LocalFS_01)
                  ~ directory_template: "${OUTBOX}/big/${YYYY()}-${MM()}-${DD()}" -> "${OUTBOX}/large/${YYYY()}-${MM()}-${DD()}"
              ~ stage route (StreamSelector_01)
                  ~ predicate refund: ${record:value("/amount") < 0} -> ${record:value("/amount") < -1}
              + route[refund] >> audit  # ${record:value("/amount") < -1}
          """);
      assertThat(plan.counts()).isEqualTo(new PlanCounts(0, 1, 0, 0, 1, 2, 0, 1, 0));
      JsonNode json = new ObjectMapper().readTree(new PlanJsonRenderer().render(plan));
      JsonNode added = json.at("/flows/0/changes").findParents("connection").get(0).get("connection");
      assertThat(added.get("fromStage").asText()).isEqualTo("route");
      assertThat(added.get("output").asText()).isEqualTo("refund");
      assertThat(added.get("toStage").asText()).isEqualTo("audit");
      assertThat(json.at("/summary/stages/change").asInt()).isEqualTo(2);
      assertThat(new PlanMarkdownRenderer().render(plan)).contains("~   stage route (StreamSelector_01)", "route[refund] >> audit");
    }
  }

  @Test
  void aDeletedFlowIsOneFlowToDeleteWithItsStagesRemovedAndNoChanges() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("flows"));
    Files.copy(SAMPLES.resolve("06-stream-selector.flow.yaml"), project.resolve("a.flow.yaml"));
    Files.copy(SAMPLES.resolve("05-events.flow.yaml"), project.resolve("b.flow.yaml"));
    try (LocalStoreTarget target = new LocalStoreTarget(tmp.resolve("store"), CATALOG)) {
      apply(target, compile(project));
      Files.delete(project.resolve("a.flow.yaml"));
      Plan plan = new PlanJob(target, CATALOG, 1).plan(compile(project), Prune.when(true, List.of(project)),
          Optional.empty()).plan();

      PlanCounts counts = plan.counts();
      assertThat(counts.delete()).isEqualTo(1);
      assertThat(counts.unchanged()).isEqualTo(1);
      assertThat(counts.stagesChanged()).isZero();
      assertThat(counts.stagesAdded()).isZero();
      assertThat(counts.stagesRemoved()).isEqualTo(plan.flows().stream().filter(f -> f.action() == FlowAction.DELETE)
          .mapToInt(f -> (int) f.diff().changes().stream().filter(c -> c.effect() == io.flowascode.engine.diff.Effect.DELETE).count())
          .sum());
      assertThat(plan.summaryLine()).startsWith("Plan: flows 0 to create, 0 to update, 1 to delete, 1 unchanged; stages 0 to add, 0 to change, ");
    }
  }

  @Test
  void aSavedPlanShowsTheSameWordsAndRemembersItsEnvironment() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("flows"));
    Files.copy(SAMPLES.resolve("06-stream-selector.flow.yaml"), project.resolve("a.flow.yaml"));
    try (LocalStoreTarget target = new LocalStoreTarget(tmp.resolve("store"), CATALOG)) {
      PlanJob job = new PlanJob(target, CATALOG, 1);
      Plan plan = job.plan(compile(project), Prune.when(false, List.of()), Optional.empty()).plan();
      Path saved = tmp.resolve("plan.json");
      job.save(saved, plan, Optional.of("staging"));

      SavedPlan read = new PlanFile().read(saved);
      assertThat(read.environment()).contains("staging");
      assertThat(new PlanTextRenderer().render(read.plan())).isEqualTo(new PlanTextRenderer().render(plan));
      assertThat(new PlanTextRenderer().render(read.plan(), job.heading(read.environment())))
          .startsWith("Environment staging: " + target.describe() + "\n\n");
    }
  }

  private static void apply(LocalStoreTarget target, List<DesiredFlow> flows) throws Exception {
    new ApplyJob(target, CATALOG, 1).apply(flows, Prune.when(false, List.of()), plan -> true);
  }

  private static List<DesiredFlow> compile(Path dir) throws IOException {
    BatchResult batch = new FlowBatch(new FlowCompiler(CATALOG, CompilerOptions.DEFAULT))
        .compile(FlowSources.expand(List.of(dir)), dir);
    assertThat(batch.hasErrors()).as(batch.allDiagnostics().toString()).isFalse();
    return DesiredFlows.of(batch);
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
