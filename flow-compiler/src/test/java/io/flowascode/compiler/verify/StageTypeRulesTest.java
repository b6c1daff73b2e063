package io.flowascode.compiler.verify;

import static io.flowascode.compiler.verify.TestPipeline.DATA_GENERATOR;
import static io.flowascode.compiler.verify.TestPipeline.DEV_RAW_DATA;
import static io.flowascode.compiler.verify.TestPipeline.DISCARD;
import static io.flowascode.compiler.verify.TestPipeline.EXPRESSION;
import static io.flowascode.compiler.verify.TestPipeline.FINISHER;
import static io.flowascode.compiler.verify.TestPipeline.HTTP_ROUTER;
import static io.flowascode.compiler.verify.TestPipeline.SOURCE_LANE;
import static io.flowascode.compiler.verify.TestPipeline.TRASH;
import static io.flowascode.compiler.verify.TestPipeline.lanes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What each kind of canvas stage may read and write, events, hidden stages, and origins. */
class StageTypeRulesTest {

  @Test
  void anOriginWithAnInputLaneIsVALIDATION_0012() {
    TestPipeline p = TestPipeline.sourceToTrash()
        .stage(DATA_GENERATOR, "Generator_01", lanes(SOURCE_LANE), lanes("generated"))
        .stage(TRASH, "Trash_02", lanes("generated"), lanes());

    var issues = PipelineVerifier.verify(p.json(), SharedFiles.basicDevCatalog(), new VerifierOptions(true));

    assertThat(issues).extracting(PipelineIssue::platformCode).containsExactly("VALIDATION_0012");
    assertThat(issues.get(0).instanceName()).isEqualTo("Generator_01");
  }

  @Test
  void aProcessorWithoutInputIsVALIDATION_0014() {
    TestPipeline p = TestPipeline.sourceToTrash()
        .stage(EXPRESSION, "Expression_01", lanes(), lanes("evaluated"))
        .stage(TRASH, "Trash_02", lanes("evaluated"), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0014");
    assertThat(p.fatal().get(0).message())
        .isEqualTo("Expression_01 (Expression Evaluator, processor) has no input lanes; a processor must read at least one");
  }

  @Test
  void aDestinationWithoutInputIsVALIDATION_0014() {
    TestPipeline p = TestPipeline.sourceToTrash().stage(TRASH, "Trash_02", lanes(), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0014");
  }

  @Test
  void aDestinationWithOutputLanesIsVALIDATION_0013() {
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes(SOURCE_LANE))
        .stage(TRASH, "Trash_01", lanes(SOURCE_LANE), lanes("onwards"))
        .stage(TRASH, "Trash_02", lanes("onwards"), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0013");
    assertThat(p.fatal().get(0).instanceName()).isEqualTo("Trash_01");
  }

  @Test
  void aStageWithMoreOutputLanesThanItsDefinitionIsVALIDATION_0015() {
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes("one", "two"))
        .stage(TRASH, "Trash_01", lanes("one"), lanes())
        .stage(TRASH, "Trash_02", lanes("two"), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0015");
    assertThat(p.fatal().get(0).message())
        .isEqualTo("Source_01 (Dev Raw Data Source, origin) has 2 output lanes; Dev Raw Data Source has 1");
  }

  @Test
  void aStageWithVariableOutputsAndNoneIsVALIDATION_0032() {
    TestPipeline p = TestPipeline.sourceToTrash().stage(HTTP_ROUTER, "Router_01", lanes(SOURCE_LANE), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0032");
  }

  @Test
  void twoEventLanesOnOneStageAreVALIDATION_0101() {
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes(SOURCE_LANE), lanes("events_a", "events_b"))
        .stage(TRASH, "Trash_01", lanes(SOURCE_LANE), lanes())
        .stage(FINISHER, "Finisher_01", lanes("events_a", "events_b"), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0101");
  }

  @Test
  void anEventLaneOnAStageThatProducesNoEventsIsVALIDATION_0102() {
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes(SOURCE_LANE))
        .stage(EXPRESSION, "Expression_01", lanes(SOURCE_LANE), lanes("evaluated"), lanes("Expression_01_EventLane"))
        .stage(TRASH, "Trash_01", lanes("evaluated"), lanes())
        .stage(FINISHER, "Finisher_01", lanes("Expression_01_EventLane"), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0102");
    assertThat(p.fatal().get(0).message()).isEqualTo(
        "Expression_01 (Expression Evaluator, processor) has an event lane, but Expression Evaluator produces no events");
  }

  @Test
  void aHiddenStageOnTheCanvasIsVALIDATION_0037() {
    TestPipeline p = TestPipeline.sourceToTrash().stage(DISCARD, "Discard_01", lanes(SOURCE_LANE), lanes());

    // The engine also refuses to create an error-only stage on the canvas (CREATION_007).
    assertThat(p.fatalCodes()).containsExactly("CREATION_007", "VALIDATION_0037");
    assertThat(p.fatal().get(1).message()).isEqualTo(
        "Discard_01 (Discard, destination) cannot be on the canvas; the platform only uses it as error stage or lifecycle stage");
  }

  @Test
  void aPipelineWithoutAnOriginIsVALIDATION_0003() {
    TestPipeline p = TestPipeline.empty()
        .stage(EXPRESSION, "Expression_01", lanes(), lanes("evaluated"))
        .stage(TRASH, "Trash_01", lanes("evaluated"), lanes());

    // A stage that should be the origin but is not also lacks its input.
    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0014", "VALIDATION_0003");
    assertThat(p.fatal().get(1).instanceName()).isEqualTo("Expression_01");
  }

  @Test
  void aStageWithoutDefinitionThatReadsNothingMayBeTheOrigin() {
    TestPipeline p = TestPipeline.empty()
        .stage(new TestPipeline.Ref("streamsets-datacollector-jdbc-lib", "com_streamsets_pipeline_stage_origin_jdbc_JdbcDSource", "12"),
            "JDBCQueryConsumer_01", lanes(), lanes(SOURCE_LANE))
        .stage(TRASH, "Trash_01", lanes(SOURCE_LANE), lanes());

    assertThat(p.fatal()).isEmpty();
  }

  @Test
  void aSecondOriginIsVALIDATION_0004UnlessTheEngineAllowsSeveral() {
    TestPipeline p = TestPipeline.sourceToTrash()
        .stage(DATA_GENERATOR, "Generator_01", lanes(), lanes("generated"))
        .stage(TRASH, "Trash_02", lanes("generated"), lanes());

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0004");
    assertThat(p.fatal().get(0).instanceName()).isEqualTo("Generator_01");
    // Where several origins are allowed, two unconnected flows are still one the engine cannot
    // walk from its first stage (VALIDATION_0002, checked only when nothing else is wrong).
    assertThat(PipelineVerifier.verify(p.json(), SharedFiles.basicDevCatalog(), new VerifierOptions(true)))
        .extracting(PipelineIssue::platformCode).containsExactly("VALIDATION_0002");
  }
}
