package io.flowascode.compiler.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pipelines in the platform notes' examples were made by the platform's own UI and tests, so
 * they follow its rules: the verifier finds nothing fatal in them. Their stages from libraries the
 * basic and dev catalog lacks are only noted.
 */
class PlatformExamplesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "sdc-2.2-Event_executor-pipeline.json",
      "sdc-helloWorldPipeline-export-envelope.json",
      "sdc-sample-ParseWebLogs-export-envelope.json"})
  void realExamplesPassApartFromUnknownDefinitions(String example) {
    JsonNode root = SharedFiles.readJson(SharedFiles.sharedPath("platform/examples/" + example));

    List<PipelineIssue> issues = PipelineVerifier.verify(root, SharedFiles.basicDevCatalog());

    assertThat(issues).filteredOn(PipelineIssue::fatal).isEmpty();
    assertThat(issues).allSatisfy(i -> assertThat(i.platformCode()).isNull());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sdc-helloWorldPipeline-export-envelope.json", "sdc-sample-ParseWebLogs-export-envelope.json"})
  void anEnvelopeIsCheckedThroughItsPipelineConfig(String example) {
    JsonNode root = SharedFiles.readJson(SharedFiles.sharedPath("platform/examples/" + example));

    assertThat(PipelineVerifier.verify(root, SharedFiles.basicDevCatalog()))
        .isEqualTo(PipelineVerifier.verify(root.get("pipelineConfig"), SharedFiles.basicDevCatalog()));
  }
}
