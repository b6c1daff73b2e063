package io.flowascode.compiler.verify;

import static io.flowascode.compiler.verify.TestPipeline.DEV_RAW_DATA;
import static io.flowascode.compiler.verify.TestPipeline.EXPRESSION;
import static io.flowascode.compiler.verify.TestPipeline.FINISHER;
import static io.flowascode.compiler.verify.TestPipeline.SOURCE_LANE;
import static io.flowascode.compiler.verify.TestPipeline.TRASH;
import static io.flowascode.compiler.verify.TestPipeline.lanes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How canvas stages are wired by their lanes. */
class LaneRulesTest {

  @Test
  void anOutputLaneNoStageReadsIsVALIDATION_0011() {
    TestPipeline p = TestPipeline.sourceToTrash()
        .stage(EXPRESSION, "Expression_01", lanes(SOURCE_LANE), lanes("evaluated"));

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0011");
    assertThat(p.fatal().get(0).instanceName()).isEqualTo("Expression_01");
    assertThat(p.fatal().get(0).message()).isEqualTo("Expression_01 has output lanes no stage reads: evaluated");
  }

  @Test
  void anEventLaneNoStageReadsIsVALIDATION_0104() {
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes(SOURCE_LANE), lanes("Source_01_EventLane"))
        .stage(TRASH, "Trash_01", lanes(SOURCE_LANE), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0104");
  }

  @Test
  void aLaneWrittenByTwoStagesIsVALIDATION_0010() {
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes(SOURCE_LANE))
        .stage(EXPRESSION, "Expression_01", lanes(SOURCE_LANE), lanes("evaluated"))
        .stage(EXPRESSION, "Expression_02", lanes(SOURCE_LANE), lanes("evaluated"))
        .stage(TRASH, "Trash_01", lanes("evaluated"), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0010");
    assertThat(p.fatal().get(0).message())
        .isEqualTo("Expression_02 writes the lane `evaluated`, which Expression_01 already writes");
  }

  @Test
  void aStageListingOneOutputLaneTwiceIsReported() {
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes(SOURCE_LANE))
        .stage(TestPipeline.DEDUPLICATOR, "Dedup_01", lanes(SOURCE_LANE), lanes("same", "same"))
        .stage(TRASH, "Trash_01", lanes("same"), lanes());

    assertThat(p.fatalCodes()).containsExactly(TestPipeline.NO_CODE);
  }

  @Test
  void readingALaneNoStageWritesIsVALIDATION_0002() {
    TestPipeline p = TestPipeline.sourceToTrash().stage(TRASH, "Trash_02", lanes("nowhere"), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0002");
    assertThat(p.fatal().get(0).message())
        .isEqualTo("the engine cannot order the stages Trash_02: Trash_02 reads the lane `nowhere`, which no stage writes");
  }

  @Test
  void stagesFeedingEachOtherInALoopAreOneVALIDATION_0002() {
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes(SOURCE_LANE))
        .stage(EXPRESSION, "Expression_01", lanes(SOURCE_LANE, "back"), lanes("forth"))
        .stage(EXPRESSION, "Expression_02", lanes("forth"), lanes("back"))
        .stage(TRASH, "Trash_01", lanes("forth"), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0002");
    assertThat(p.fatal().get(0).message()).endsWith("the stages Expression_01, Expression_02 feed each other in a loop");
  }

  @Test
  void aStageReadingItsOwnOutputIsALoop() {
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes(SOURCE_LANE))
        .stage(EXPRESSION, "Expression_01", lanes(SOURCE_LANE, "again"), lanes("again"));

    // The engine files the issue as the pipeline's, naming the stages in its message.
    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0002");
    assertThat(p.fatal().get(0).message()).contains("Expression_01 reads its own output");
  }

  @Test
  void twoLanesBetweenTheSameTwoStagesAreVALIDATION_0039() {
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes(SOURCE_LANE))
        .selector("Selector_01", SOURCE_LANE, lanes("big", "other"), lanes("${record:value('/a') > 1}", "default"))
        .stage(TRASH, "Trash_01", lanes("big", "other"), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0039");
    assertThat(p.fatal().get(0).instanceName()).as("a pipeline issue, as the engine files it").isNull();
  }

  @Test
  void aStageReadingBothDataAndEventLanesIsVALIDATION_0103() {
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes(SOURCE_LANE), lanes("Source_01_EventLane"))
        .stage(TRASH, "Trash_01", lanes(SOURCE_LANE, "Source_01_EventLane"), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0103");
  }

  @Test
  void whatAStageOnTheEventPartWritesIsStillOnTheEventPart() {
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes(SOURCE_LANE), lanes("Source_01_EventLane"))
        .stage(EXPRESSION, "Expression_01", lanes("Source_01_EventLane"), lanes("event_records"))
        .stage(TRASH, "Trash_01", lanes(SOURCE_LANE, "event_records"), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0103");
    assertThat(p.fatal().get(0).message()).startsWith("Trash_01 reads from both");
  }

  @Test
  void oneEventLaneMayFeedSeveralStages() {
    TestPipeline p = TestPipeline.sourceToTrash();
    p.stageJson("Source_01").putArray("eventLanes").add("Source_01_EventLane");
    p.stage(FINISHER, "Finisher_01", lanes("Source_01_EventLane"), lanes())
        .stage(TRASH, "Trash_02", lanes("Source_01_EventLane"), lanes());

    assertThat(p.verify()).isEmpty();
  }
}
