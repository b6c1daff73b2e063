package io.flowascode.compiler.verify;

import static io.flowascode.compiler.verify.TestPipeline.DEV_RAW_DATA;
import static io.flowascode.compiler.verify.TestPipeline.SOURCE_LANE;
import static io.flowascode.compiler.verify.TestPipeline.lanes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** Finding each stage's definition in the catalog: exactly, or not at all. */
class DefinitionsTest {
  private static final TestPipeline.Ref JDBC_PRODUCER = new TestPipeline.Ref(
      "streamsets-datacollector-jdbc-lib", "com_streamsets_pipeline_stage_destination_jdbc_JdbcDTarget", "8");

  @Test
  void aStageTheCatalogDoesNotHoldIsANoteAndItsDefinitionRulesAreSkipped() {
    // Wired as no destination may be (it writes a lane), but without a definition nobody can tell.
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes(SOURCE_LANE))
        .stage(JDBC_PRODUCER, "JDBCProducer_01", lanes(SOURCE_LANE), lanes("written"))
        .stage(TestPipeline.TRASH, "Trash_01", lanes("written"), lanes());
    p.stageConfig("JDBCProducer_01", "anything", TextNode.valueOf("x"));

    assertThat(p.verify()).singleElement().satisfies(i -> {
      assertThat(i.fatal()).isFalse();
      assertThat(i.platformCode()).isNull();
      assertThat(i.instanceName()).isEqualTo("JDBCProducer_01");
      assertThat(i.message()).isEqualTo("JDBCProducer_01 uses com_streamsets_pipeline_stage_destination_jdbc_JdbcDTarget"
          + " from streamsets-datacollector-jdbc-lib, which the catalog does not hold; its definition-based rules were not checked");
    });
  }

  @Test
  void aVersionNewerThanTheCatalogKnowsIsCONTAINER_0902() {
    TestPipeline p = TestPipeline.sourceToTrash();
    p.stageJson("Source_01").put("stageVersion", "4");

    assertThat(p.fatalCodes()).containsExactly("CONTAINER_0902");
    assertThat(p.fatal().get(0).message())
        .isEqualTo("Source_01 uses version 4 of Dev Raw Data Source, newer than any the catalog knows (3)");
  }

  @Test
  void anOlderVersionIsANoteBecauseThePlatformUpgradesIt() {
    TestPipeline p = TestPipeline.sourceToTrash();
    p.stageJson("Source_01").put("stageVersion", "2");

    assertThat(p.fatal()).isEmpty();
    assertThat(p.verify()).singleElement().extracting(PipelineIssue::message).asString()
        .contains("version 2 of Dev Raw Data Source", "the platform would upgrade it");
  }

  @Test
  void aVersionWrittenAsDottedOrAsANumberIsReadAsThePlatformReadsIt() {
    TestPipeline p = TestPipeline.sourceToTrash();
    p.stageJson("Source_01").put("stageVersion", "3.0.0");
    p.stageJson("Trash_01").put("stageVersion", 1);

    assertThat(p.verify()).isEmpty();
  }
}
