package io.flowascode.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.engine.diff.FlowDiff;
import io.flowascode.engine.diff.PipelineEdits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileTest {
  @TempDir
  Path dir;

  private static final String TARGET = "Data Collector at http://sdc.example.com:18630";
  private final PlanFile planFile = new PlanFile();

  @Test
  void anIncompletePlanIsNotSaved() {
    Plan incomplete = new Plan(ExamplePlans.plan().flows(), List.of("orders"));
    assertThatThrownBy(() -> planFile.write(dir.resolve("plan.json"), incomplete, TARGET))
        .isInstanceOf(PlanFileException.class)
        .hasMessageContaining("incomplete")
        .hasMessageContaining("orders");
    assertThat(dir.resolve("plan.json")).doesNotExist();
  }

  @Test
  void aSavedPlanReadsBackAsTheSamePlan() throws Exception {
    Path file = dir.resolve("plan.json");
    planFile.write(file, ExamplePlans.plan(), TARGET);
    SavedPlan saved = planFile.read(file);
    Plan read = saved.plan();
    assertThat(read).isEqualTo(ExamplePlans.plan());
    assertThat(saved.target()).isEqualTo(TARGET);
    assertThat(read.flow("expense-router").orElseThrow().remoteRevision()).isEqualTo(ExamplePlans.REMOTE_REVISION);
    assertThat(read.flow("expense-router").orElseThrow().desiredPipeline()).isEqualTo(ExamplePlans.desired());
  }

  @Test
  void writingTheSamePlanTwiceGivesTheSameBytes() throws Exception {
    planFile.write(dir.resolve("a.json"), ExamplePlans.plan(), TARGET);
    planFile.write(dir.resolve("b.json"), ExamplePlans.plan(), TARGET);
    assertThat(Files.readAllBytes(dir.resolve("a.json"))).isEqualTo(Files.readAllBytes(dir.resolve("b.json")));
  }

  @Test
  void numbersInTheDesiredPipelineKeepTheirExactForm() throws Exception {
    ObjectNode desired = PipelineEdits.pipelineOf(ExamplePlans.desired());
    String numbers = "{\"a\": 1.50, \"b\": 0.1000000000000000000001, \"c\": 1E+400, \"d\": 12345678901234567890123}";
    // Read as a compiler holding exact decimals would hold them.
    desired.set("uiInfo", new com.fasterxml.jackson.databind.ObjectMapper()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
        .readTree(numbers));
    Plan plan = new Plan(List.of(new FlowPlan("numbers", FlowAction.CREATE, null, desired, FlowDiff.EMPTY)));
    Path file = dir.resolve("plan.json");
    planFile.write(file, plan, TARGET);
    String onDisk = Files.readString(file);
    assertThat(onDisk).contains("\"a\": 1.50", "\"b\": 0.1000000000000000000001", "\"d\": 12345678901234567890123");
    planFile.write(dir.resolve("again.json"), planFile.read(file).plan(), TARGET);
    assertThat(Files.readString(dir.resolve("again.json"))).isEqualTo(onDisk);
  }

  @Test
  void anEditedPlanIsRefused() throws Exception {
    Path file = dir.resolve("plan.json");
    planFile.write(file, ExamplePlans.plan(), TARGET);
    String text = Files.readString(file);
    assertThat(text).contains("\"value\": 20000");
    Files.writeString(file, text.replace("\"value\": 20000", "\"value\": 20001"));
    assertThatThrownBy(() -> planFile.read(file))
        .isInstanceOf(PlanFileException.class)
        .hasMessageContaining("does not match its checksum")
        .hasMessageContaining("run plan again");
  }

  @Test
  void aTruncatedPlanIsRefusedWithoutQuotingItsContent() throws Exception {
    Path file = dir.resolve("plan.json");
    planFile.write(file, ExamplePlans.plan(), TARGET);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> planFile.read(file))
        .isInstanceOf(PlanFileException.class)
        .hasMessageContaining("is not valid JSON")
        .hasMessageNotContaining("expense");
  }

  @Test
  void aPlanOfAnotherFormatVersionOrNoPlanAtAllIsRefused() throws Exception {
    Path file = dir.resolve("plan.json");
    planFile.write(file, ExamplePlans.plan(), TARGET);
    Files.writeString(file, Files.readString(file).replaceFirst("\"formatVersion\": 3", "\"formatVersion\": 7"));
    assertThatThrownBy(() -> planFile.read(file))
        .isInstanceOf(PlanFileException.class)
        .hasMessageContaining("format version 7");

    Path other = dir.resolve("other.json");
    Files.writeString(other, "{\"flows\": []}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> planFile.read(other))
        .isInstanceOf(PlanFileException.class)
        .hasMessageContaining("is not a saved plan");
  }

  @Test
  void writingReplacesAnOldPlanAndLeavesNoTemporaryFiles() throws Exception {
    Path file = dir.resolve("plans").resolve("plan.json");
    planFile.write(file, ExamplePlans.plan(), TARGET);
    Plan smaller = new Plan(List.of(ExamplePlans.plan().flow("expense-router").orElseThrow()));
    planFile.write(file, smaller, TARGET);
    assertThat(planFile.read(file).plan()).isEqualTo(smaller);
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("plan.json");
    }
  }
}
