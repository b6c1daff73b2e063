package io.flowascode.compiler.verify;

import static io.flowascode.compiler.verify.TestPipeline.DEV_RAW_DATA;
import static io.flowascode.compiler.verify.TestPipeline.DISCARD;
import static io.flowascode.compiler.verify.TestPipeline.SHELL;
import static io.flowascode.compiler.verify.TestPipeline.STATS_DISCARD;
import static io.flowascode.compiler.verify.TestPipeline.STATS_DPM;
import static io.flowascode.compiler.verify.TestPipeline.TRASH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The error, statistics, lifecycle and test origin stages. */
class SpecialStageRulesTest {

  @Test
  void lifecycleStagesAndATestOriginThatFitTheirSlotsPass() {
    TestPipeline p = TestPipeline.sourceToTrash()
        .lifecycle("startEventStages", SHELL, "Shell_StartEventStage")
        .lifecycle("stopEventStages", DISCARD, "Discard_StopEventStage")
        .special("testOriginStage", DEV_RAW_DATA, "DevRawDataSource_TestOriginStage");
    script(p, "startEventStages");

    assertThat(p.verify()).isEmpty();
  }

  @Test
  void aPipelineWithoutAnErrorStageIsCREATION_009() {
    TestPipeline p = TestPipeline.sourceToTrash();
    p.json().putNull("errorStage");

    assertThat(p.fatalCodes()).containsExactly("CREATION_009");
  }

  @Test
  void anErrorStageMustBeOneByItsDefinition() {
    TestPipeline p = TestPipeline.sourceToTrash()
        .special("errorStage", TRASH, "Trash_ErrorStage")
        .config("badRecordsHandling", TRASH.reference());

    assertThat(p.fatalCodes()).containsExactly("CREATION_008");
    assertThat(p.fatal().get(0).message()).isEqualTo("Trash_ErrorStage (Trash) is the error stage, but Trash "
        + "cannot receive error records");
  }

  @Test
  void badRecordsHandlingMustNameTheErrorStage() {
    TestPipeline p = TestPipeline.sourceToTrash().config("badRecordsHandling", TRASH.reference());

    assertThat(p.fatalCodes()).containsExactly(TestPipeline.NO_CODE);
    assertThat(p.fatal().get(0).instanceName()).isEqualTo("Discard_ErrorStage");
  }

  @Test
  void badRecordsHandlingIsComparedWithTheVersionAsThePlatformReadsIt() {
    TestPipeline p = TestPipeline.sourceToTrash().config("badRecordsHandling",
        "streamsets-datacollector-basic-lib::com_streamsets_pipeline_stage_destination_devnull_ToErrorNullDTarget::1.0.0");

    assertThat(p.verify()).isEmpty();
  }

  @Test
  void theStatisticsStageMustMatchItsConfig() {
    TestPipeline p = TestPipeline.sourceToTrash().config("statsAggregatorStage", STATS_DPM.reference());

    assertThat(p.fatalCodes()).containsExactly(TestPipeline.NO_CODE);
    assertThat(p.fatal().get(0).instanceName()).isEqualTo("Discard_StatsAggregatorStage");
  }

  @Test
  void theStatisticsStageMustBeOneByItsDefinition() {
    TestPipeline p = TestPipeline.sourceToTrash()
        .special("statsAggregatorStage", DISCARD, "Discard_StatsAggregatorStage")
        .config("statsAggregatorStage", DISCARD.reference());

    // The engine refuses to create an error-only stage anywhere but the error slot (CREATION_007).
    assertThat(p.fatalCodes()).containsExactly("CREATION_007", TestPipeline.NO_CODE);
  }

  @Test
  void anErrorStageWithInputLanesIsVALIDATION_0012() {
    TestPipeline p = TestPipeline.sourceToTrash();
    ((ObjectNode) p.json().get("errorStage")).putArray("inputLanes").add(TestPipeline.SOURCE_LANE);

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0012");
  }

  @Test
  void anErrorStageWithEventLanesIsVALIDATION_0036() {
    TestPipeline p = TestPipeline.sourceToTrash();
    ((ObjectNode) p.json().get("errorStage")).putArray("eventLanes").add("Discard_ErrorStage_EventLane");

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0036");
  }

  @Test
  void aStatisticsStageWithOutputLanesIsVALIDATION_0013() {
    TestPipeline p = TestPipeline.sourceToTrash();
    ((ObjectNode) p.json().get("statsAggregatorStage")).putArray("outputLanes").add("stats");

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0013");
  }

  @Test
  void twoStartEventStagesAreVALIDATION_0105() {
    TestPipeline p = TestPipeline.sourceToTrash()
        .lifecycle("startEventStages", DISCARD, "Discard_StartEventStage")
        .lifecycle("startEventStages", SHELL, "Shell_StartEventStage");

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0105");
  }

  @Test
  void aLifecycleStageMustBeOneByItsDefinition() {
    TestPipeline p = TestPipeline.sourceToTrash().lifecycle("stopEventStages", TRASH, "Trash_StopEventStage");

    assertThat(p.fatalCodes()).containsExactly("CREATION_018");
    assertThat(p.fatal().get(0).message()).contains("pipeline start or stop stage", "cannot handle pipeline events");
  }

  @Test
  void aLifecycleStageMustMatchItsConfig() {
    TestPipeline p = TestPipeline.sourceToTrash()
        .lifecycle("startEventStages", SHELL, "Shell_StartEventStage")
        .config("startEventStage", DISCARD.reference());
    script(p, "startEventStages");

    assertThat(p.fatalCodes()).containsExactly(TestPipeline.NO_CODE);
    assertThat(p.fatal().get(0).message()).isEqualTo("the pipeline config `startEventStage` does not name "
        + "the start event stage Shell_StartEventStage (" + SHELL.reference() + ")");
  }

  @Test
  void aLifecycleConfigNamingAStageWhoseSlotIsEmptyIsReported() {
    TestPipeline p = TestPipeline.sourceToTrash().config("startEventStage", SHELL.reference());

    assertThat(p.fatalCodes()).containsExactly(TestPipeline.NO_CODE);
    assertThat(p.fatal().get(0).message()).isEqualTo(
        "the pipeline config `startEventStage` names a stage, but `startEventStages` holds none, so the platform runs none");
  }

  @Test
  void aStatisticsConfigNamingAStageWhoseSlotIsEmptyIsReported() {
    TestPipeline p = TestPipeline.sourceToTrash();
    p.json().putNull("statsAggregatorStage");

    assertThat(p.fatalCodes()).containsExactly(TestPipeline.NO_CODE);
  }

  @Test
  void anEmptyStatisticsConfigWithoutAStageMeansNone() {
    TestPipeline p = TestPipeline.sourceToTrash().config("statsAggregatorStage", "");
    p.json().putNull("statsAggregatorStage");

    assertThat(p.verify()).isEmpty();
  }

  @Test
  void aLifecycleConfigNamingDiscardWithoutAStageMeansNone() {
    TestPipeline p = TestPipeline.sourceToTrash().config("stopEventStage", DISCARD.reference());

    assertThat(p.verify()).isEmpty();
  }

  @Test
  void aTestOriginThatIsNoOriginIsVALIDATION_0003() {
    TestPipeline p = TestPipeline.sourceToTrash().special("testOriginStage", STATS_DISCARD, "Stats_TestOriginStage");

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0003");
  }

  /** Gives the Shell stage in a lifecycle slot the script it requires. */
  private static void script(TestPipeline p, String slot) {
    ObjectNode shell = (ObjectNode) p.json().get(slot).get(0);
    for (com.fasterxml.jackson.databind.JsonNode c : shell.get("configuration")) {
      if (c.path("name").asText().equals("config.script")) {
        ((ObjectNode) c).put("value", "echo started");
      }
    }
  }
}
