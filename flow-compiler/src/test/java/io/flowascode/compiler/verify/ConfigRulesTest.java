package io.flowascode.compiler.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** Config and service names against the stage's definition. */
class ConfigRulesTest {

  @Test
  void declaredConfigsPassAndMissingOnesAreNotRequired() {
    TestPipeline p = TestPipeline.sourceToTrash()
        .stageConfig("Source_01", "stopAfterFirstBatch", BooleanNode.TRUE);

    assertThat(p.verify()).isEmpty();
  }

  @Test
  void aConfigTheDefinitionDoesNotDeclareIsVALIDATION_0008() {
    TestPipeline p = TestPipeline.sourceToTrash().stageConfig("Source_01", "stopAfterFirstBatches", BooleanNode.TRUE);

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0008");
    assertThat(p.fatal().get(0).message()).isEqualTo(
        "Source_01: `stopAfterFirstBatches` is not a configuration of this stage");
  }

  @Test
  void theFrameworkConfigsAStageHidesAreIgnoredAsThePlatformIgnoresThem() {
    TestPipeline p = TestPipeline.sourceToTrash().stageConfig("Trash_01", "stageOnRecordError", TextNode.valueOf("TO_ERROR"));

    assertThat(p.verify()).isEmpty();
  }

  @Test
  void aConfigSetTwiceReadsAsItsLastEntryAsTheEngineReadsIt() {
    TestPipeline p = TestPipeline.sourceToTrash();
    ArrayNode configuration = (ArrayNode) p.stageJson("Source_01").get("configuration");
    configuration.addObject().put("name", "stopAfterFirstBatch").put("value", "yes");
    configuration.addObject().put("name", "stopAfterFirstBatch").put("value", false);

    assertThat(p.fatalCodes()).isEmpty();
  }

  @Test
  void aMissingServiceIsVALIDATION_0200() {
    TestPipeline p = TestPipeline.sourceToTrash();
    p.stageJson("Source_01").putArray("services");

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0200");
  }

  @Test
  void aServiceConfigTheServiceDoesNotDeclareIsVALIDATION_0008() {
    TestPipeline p = TestPipeline.sourceToTrash();
    ObjectNode service = (ObjectNode) p.stageJson("Source_01").get("services").get(0);
    ((ArrayNode) service.get("configuration")).addObject().put("name", "dataFormat").put("value", "JSON");
    ((ArrayNode) service.get("configuration")).addObject().put("name", "dataFormats").put("value", "JSON");

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0008");
    assertThat(p.fatal().get(0).message()).isEqualTo(
        "Source_01's service DataFormatParserService: `dataFormats` is not a configuration of this service");
  }

  @Test
  void aServiceAtAVersionTheCatalogLacksIsOnlyANote() {
    TestPipeline p = TestPipeline.sourceToTrash();
    ObjectNode service = (ObjectNode) p.stageJson("Source_01").get("services").get(0);
    service.put("serviceVersion", 1);
    ((ArrayNode) service.get("configuration")).addObject().put("name", "someOldName").put("value", "JSON");

    assertThat(p.fatal()).isEmpty();
    assertThat(p.verify()).hasSize(1);
  }
}
