package io.flowascode.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flowascode.engine.diff.Change;
import io.flowascode.engine.diff.PipelineEdits;
import io.flowascode.engine.diff.TestCatalogs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanRenderersTest {
  private static final String SECRET = "hunter2-do-not-print";

  @Test
  void theTextPlanReadsLikeACodeReview() {
    Goldens.assertMatches("plan.txt", new PlanTextRenderer().render(ExamplePlans.plan()));
  }

  @Test
  void theColouredTextIsThePlainTextWithAnsiCodes() {
    String coloured = new PlanTextRenderer(true).render(ExamplePlans.plan());
    assertThat(coloured).contains("\u001B[32m+ stage refunds (Trash_03): Trash\u001B[0m");
    assertThat(coloured.replaceAll("\u001B\\[[0-9;]*m", "")).isEqualTo(new PlanTextRenderer().render(ExamplePlans.plan()));
  }

  @Test
  void theJsonPlanIsStableForMachines() {
    Goldens.assertMatches("plan.json", new PlanJsonRenderer().render(ExamplePlans.plan()));
  }

  @Test
  void theMarkdownPlanHasATableTheDiffAndAMermaidChart() {
    Goldens.assertMatches("plan.md", new PlanMarkdownRenderer().render(ExamplePlans.plan()));
  }

  @Test
  void renderingDoesNotDependOnTheOrderFlowsWereAdded() {
    List<FlowPlan> flows = new ArrayList<>(ExamplePlans.plan().flows());
    Collections.reverse(flows);
    Plan reversed = new Plan(flows);
    assertThat(new PlanTextRenderer().render(reversed)).isEqualTo(new PlanTextRenderer().render(ExamplePlans.plan()));
    assertThat(new PlanJsonRenderer().render(reversed)).isEqualTo(new PlanJsonRenderer().render(ExamplePlans.plan()));
    assertThat(new PlanMarkdownRenderer().render(reversed)).isEqualTo(new PlanMarkdownRenderer().render(ExamplePlans.plan()));
  }

  @Test
  void everyChangeSurvivesTheJsonForm() throws Exception {
    ChangeJson json = new ChangeJson(TestCatalogs.JSON);
    for (FlowPlan f : ExamplePlans.plan().flows()) {
      for (Change c : f.diff().changes()) {
        assertThat(json.fromJson(json.toJson(c))).isEqualTo(c);
      }
    }
  }

  @Test
  void aPlanWithoutChangesSaysSo() {
    Plan plan = new Plan(List.of(FlowPlan.compute(
        "stable-flow", ExamplePlans.desired(), "rev", ExamplePlans.desired(), TestCatalogs.mini())));
    assertThat(new PlanTextRenderer().render(plan)).isEqualTo("""
          flow stable-flow (no change)

        No changes. Every flow matches the remote.
        Plan: flows 0 to create, 0 to update, 0 to delete, 1 unchanged; stages 0 to add, 0 to change, 0 to remove; connections 0 to add, 0 to remove.
        """);
  }

  @Test
  void credentialsAreNeverPrintedInAnyForm() {
    ObjectNode remote = PipelineEdits.pipelineOf(ExamplePlans.remote());
    ObjectNode sftp = PipelineEdits.stage(remote, "Trash_01");
    sftp.put("stageName", TestCatalogs.SFTP).put("stageVersion", "3");
    PipelineEdits.setConfig(sftp, "conf.remoteConfig.connection.credentials.password", TextNode.valueOf("old-" + SECRET));
    ObjectNode desired = remote.deepCopy();
    PipelineEdits.setConfig(PipelineEdits.stage(desired, "Trash_01"),
        "conf.remoteConfig.connection.credentials.password", TextNode.valueOf(SECRET));
    PipelineEdits.setConfig(desired, "constants", TestCatalogs.JSON.createArrayNode()
        .add(TestCatalogs.JSON.createObjectNode().put("key", "API_KEY").put("value", SECRET)));
    Plan plan = new Plan(List.of(FlowPlan.compute("secret-flow", remote, "rev", desired, TestCatalogs.mini())));

    String text = new PlanTextRenderer().render(plan);
    assertThat(text).contains(
        "~ stage Trash_01",
        "~ password: (sensitive value changed)",
        "+ parameter API_KEY = (sensitive value)",
        "- parameter LIMIT");
    for (String rendered : List.of(text, new PlanJsonRenderer().render(plan), new PlanMarkdownRenderer().render(plan))) {
      assertThat(rendered).doesNotContain(SECRET);
    }
  }
}
