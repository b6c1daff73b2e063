package io.flowascode.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.Catalog;
import java.io.IOException;

/**
 * The diff stays linear: two 10,000-stage pipelines that differ in 1% of their configs diff to
 * exactly those configs, in time comparable to parsing the two JSON documents.
 */
class LargePipelineDiffTest {
  private static final int STAGES = 10_000;
  private static final int CONFIGS_PER_STAGE = 10;

  @org.junit.jupiter.api.Test
  void tenThousandStagesDifferingInOnePercentOfConfigs() throws IOException {
    String before = pipeline(false).toString();
    String after = pipeline(true).toString();
    Catalog catalog = TestCatalogs.mini();
    FlowDiffer differ = new FlowDiffer();

    // Correctness at scale only; its speed against parsing is measured by flow-bench's DiffBenchmark.
    FlowDiff diff = differ.diff(TestCatalogs.JSON.readTree(before), TestCatalogs.JSON.readTree(after), catalog);
    assertThat(diff.changes()).hasSize(STAGES * CONFIGS_PER_STAGE / 100);
    assertThat(diff.changes()).allMatch(Change.ConfigChanged.class::isInstance);
  }

  /** A chain origin -> 9,998 processors -> destination, each processor with ten configs. */
  private static ObjectNode pipeline(boolean edited) {
    ObjectNode p = TestCatalogs.JSON.createObjectNode();
    p.put("schemaVersion", 6).put("title", "large");
    ArrayNode stages = p.putArray("stages");
    int changed = 0;
    for (int i = 0; i < STAGES; i++) {
      ObjectNode s = stages.addObject();
      s.put("instanceName", "Stage_" + i)
          .put("library", "example-lib")
          .put("stageName", i == 0 ? TestCatalogs.RAW_DATA : "com_example_Processor")
          .put("stageVersion", "1");
      ArrayNode configs = s.putArray("configuration");
      for (int c = 0; c < CONFIGS_PER_STAGE; c++) {
        // Every tenth stage has one of its ten configs edited: 1% of all configs.
        boolean edit = edited && i % 10 == 0 && c == (i / 10) % CONFIGS_PER_STAGE;
        changed += edit ? 1 : 0;
        configs.addObject().put("name", "conf.option" + c).put("value", edit ? "edited" : "value-" + c + "-" + (i % 7));
      }
      s.putObject("uiInfo").put("label", "Stage " + i).put("xPos", i).put("yPos", 0);
      s.putArray("inputLanes").add(i == 0 ? "" : "Stage_" + (i - 1) + "OutputLane" + (edited ? "x" : "y"));
      if (i < STAGES - 1) {
        s.putArray("outputLanes").add("Stage_" + i + "OutputLane" + (edited ? "x" : "y"));
      } else {
        s.putArray("outputLanes");
      }
      s.putArray("eventLanes");
    }
    assertThat(changed).isEqualTo(edited ? STAGES * CONFIGS_PER_STAGE / 100 : 0);
    return p;
  }
}
