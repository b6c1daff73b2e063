package io.flowascode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adopting existing flows: import them from the target into flow files, edit one configuration,
 * and the plan shows exactly that one line; apply then converges.
 */
class ImportEditApplyTest {
  @TempDir
  Path tmp;

  @Test
  void importingEditingOneConfigAndApplyingShowsAOneLinePlan() throws Exception {
    String store = tmp.resolve("store").toString();
    assertThat(FlowCliTest.run("apply", FlowCliTest.SAMPLES.toString(), "--store", store).exit()).isZero();

    Path flows = tmp.resolve("flows");
    FlowCliTest.Run imported = FlowCliTest.run("import", "--all", "--store", store, "-o", flows.toString());
    assertThat(imported.exit()).as(imported.out()).isZero();
    assertThat(FlowCliTest.run("plan", flows.toString(), "--store", store, "--detailed-exitcode").exit()).isZero();

    Path events = flows.resolve("events.flow.yaml");
    String yaml = Files.readString(events);
    assertThat(yaml).contains("stop_after_first_batch: true").doesNotContain("managed-by-flow-as-code");
    Files.writeString(events, yaml.replace("stop_after_first_batch: true", "stop_after_first_batch: false"));

    FlowCliTest.Run plan = FlowCliTest.run("plan", flows.toString(), "--store", store, "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.out()).isEqualTo(5);
    assertThat(plan.out()).contains("""
        ~ flow events (update)
            ~ stage dev_raw_data_source (DevRawDataSource_01)
                ~ stop_after_first_batch: true -> false
        """);
    assertThat(plan.out()).contains("Plan: flows 0 to create, 1 to update, 0 to delete, 12 unchanged; "
        + "stages 0 to add, 1 to change, 0 to remove; connections 0 to add, 0 to remove.");
    assertThat(FlowCliTest.run("apply", flows.toString(), "--store", store).exit()).isZero();
    assertThat(FlowCliTest.run("plan", flows.toString(), "--store", store, "--detailed-exitcode").exit()).isZero();
  }
}
