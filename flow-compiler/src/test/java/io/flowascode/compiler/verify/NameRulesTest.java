package io.flowascode.compiler.verify;

import static io.flowascode.compiler.verify.TestPipeline.DEV_RAW_DATA;
import static io.flowascode.compiler.verify.TestPipeline.FINISHER;
import static io.flowascode.compiler.verify.TestPipeline.TRASH;
import static io.flowascode.compiler.verify.TestPipeline.lanes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Titles, instance names and lane names. */
class NameRulesTest {

  @Test
  void anInstanceNameOutsideLettersDigitsAndUnderscoresIsVALIDATION_0016() {
    TestPipeline p = TestPipeline.sourceToTrash();
    p.stageJson("Trash_01").put("instanceName", "Trash 01");

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0016");
    assertThat(p.fatal().get(0).instanceName()).isEqualTo("Trash 01");
  }

  @Test
  void aSpecialStageNameIsCheckedToo() {
    TestPipeline p = TestPipeline.sourceToTrash();
    ((ObjectNode) p.json().get("errorStage")).put("instanceName", "Discard-Error");

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0016");
  }

  @Test
  void twoCanvasStagesWithOneNameAreVALIDATION_0005() {
    TestPipeline p = TestPipeline.sourceToTrash().stage(TRASH, "Trash_01", lanes(TestPipeline.SOURCE_LANE), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0005");
    assertThat(p.fatal().get(0).message()).isEqualTo("more than one stage is named Trash_01");
  }

  @Test
  void aLaneNameOutsideLettersDigitsAndUnderscoresIsReportedWhereItIsWrittenAndRead() {
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes("Source_01-out"))
        .stage(TRASH, "Trash_01", lanes("Source_01-out"), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0018", "VALIDATION_0017");
    assertThat(p.fatal()).extracting(PipelineIssue::instanceName).containsExactly("Source_01", "Trash_01");
  }

  @Test
  void anEventLaneNameOutsideLettersDigitsAndUnderscoresIsVALIDATION_0100() {
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes("out"), lanes("Source_01 events"))
        .stage(TRASH, "Trash_01", lanes("out"), lanes())
        .stage(FINISHER, "Finisher_01", lanes("Source_01 events"), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0100", "VALIDATION_0017");
  }

  @Test
  void anEmptyTitleIsVALIDATION_0093() {
    TestPipeline p = TestPipeline.sourceToTrash();
    p.json().put("title", "");

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0093");
  }

  @Test
  void aPipelineWithoutStagesIsVALIDATION_0001() {
    assertThat(TestPipeline.empty().fatalCodes()).containsExactly("VALIDATION_0001");
  }
}
