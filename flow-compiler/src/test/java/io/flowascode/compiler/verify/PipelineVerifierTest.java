package io.flowascode.compiler.verify;

import static io.flowascode.compiler.verify.TestPipeline.DEDUPLICATOR;
import static io.flowascode.compiler.verify.TestPipeline.DEV_RAW_DATA;
import static io.flowascode.compiler.verify.TestPipeline.EXPRESSION;
import static io.flowascode.compiler.verify.TestPipeline.FINISHER;
import static io.flowascode.compiler.verify.TestPipeline.SOURCE_LANE;
import static io.flowascode.compiler.verify.TestPipeline.TRASH;
import static io.flowascode.compiler.verify.TestPipeline.lanes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verifier as a whole: valid pipelines pass, any input is checked without throwing. */
class PipelineVerifierTest {

  @Test
  void theSmallestValidPipelineHasNoIssues() {
    assertThat(TestPipeline.sourceToTrash().verify()).isEmpty();
  }

  @Test
  void aPipelineUsingEventsSelectorsAndSeveralOutputsHasNoIssues() {
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes("src"), lanes("Source_01_EventLane"))
        .stage(FINISHER, "Finisher_01", lanes("Source_01_EventLane"), lanes())
        .selector("Selector_01", "src", lanes("big", "other"), lanes("${record:value('/a') > 1}", "default"))
        .stage(DEDUPLICATOR, "Dedup_01", lanes("big"), lanes("unique", "duplicate"))
        .stage(EXPRESSION, "Expression_01", lanes("other", "unique"), lanes("evaluated"))
        .stage(TRASH, "Trash_01", lanes("evaluated"), lanes())
        .stage(TRASH, "Trash_02", lanes("duplicate"), lanes());

    assertThat(p.verify()).isEmpty();
  }

  @Test
  void anExportEnvelopeAndAnIbmFlowAreCheckedThroughThePipelineTheyHold() {
    ObjectNode pipeline = TestPipeline.sourceToTrash().json();
    pipeline.put("title", "");
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    envelope.set("pipelineConfig", pipeline);
    envelope.putNull("libraryDefinitions");
    ObjectNode flow = JsonNodeFactory.instance.objectNode();
    flow.putObject("flow");
    flow.set("pipeline_definition", pipeline);

    List<PipelineIssue> bare = PipelineVerifier.verify(pipeline, SharedFiles.basicDevCatalog());

    assertThat(bare).extracting(PipelineIssue::platformCode).containsExactly("VALIDATION_0093");
    assertThat(PipelineVerifier.verify(envelope, SharedFiles.basicDevCatalog())).isEqualTo(bare);
    assertThat(PipelineVerifier.verify(flow, SharedFiles.basicDevCatalog())).isEqualTo(bare);
  }

  @Test
  void somethingThatIsNotAPipelineIsOneIssue() {
    JsonNode text = JsonNodeFactory.instance.textNode("pipeline");

    List<PipelineIssue> issues = PipelineVerifier.verify(text, SharedFiles.basicDevCatalog());

    assertThat(issues).singleElement().satisfies(i -> {
      assertThat(i.fatal()).isTrue();
      assertThat(i.message()).isEqualTo("the pipeline is not a JSON object");
    });
  }

  @Test
  void malformedStagesAreReportedAndTheRestIsStillChecked() {
    TestPipeline p = TestPipeline.sourceToTrash();
    ObjectNode trash = p.stageJson("Trash_01");
    trash.remove("instanceName");
    trash.put("outputLanes", "not a list");
    ((ArrayNode) p.json().get("stages")).add(42);

    List<PipelineIssue> issues = p.verify();

    assertThat(issues).extracting(PipelineIssue::message).contains(
        "stages[1] has no instanceName",
        "stages[1]'s `outputLanes` is not a list",
        "stages[2] is not a JSON object");
    assertThat(issues).allSatisfy(i -> assertThat(i.fatal()).isTrue());
  }

  /**
   * Replaces every value of a valid pipeline, one at a time, by each JSON type: whatever the
   * shape, the verifier answers with issues, never an exception.
   */
  @Test
  void neverThrowsWhateverPartOfThePipelineHasTheWrongType() {
    ObjectNode valid = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes(SOURCE_LANE), lanes("Source_01_EventLane"))
        .stage(FINISHER, "Finisher_01", lanes("Source_01_EventLane"), lanes())
        .selector("Selector_01", SOURCE_LANE, lanes("a", "b"), lanes("${true}", "default"))
        .stage(TRASH, "Trash_01", lanes("a", "b"), lanes())
        .json();
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<JsonNode> replacements = List.of(f.nullNode(), f.numberNode(7), f.textNode("x"), f.booleanNode(true),
        f.arrayNode().add(f.objectNode()), f.objectNode().put("name", 1));
    int variants = 0;
    for (String path : paths(valid, "")) {
      for (JsonNode replacement : replacements) {
        ObjectNode broken = valid.deepCopy();
        replace(broken, path, replacement);
        assertThatCode(() -> PipelineVerifier.verify(broken, SharedFiles.basicDevCatalog()))
            .as("with %s at %s", replacement, path)
            .doesNotThrowAnyException();
        variants++;
      }
    }
    assertThat(variants).isGreaterThan(500);
  }

  @Test
  void theSameInputGivesTheSameIssuesInTheSameOrder() {
    TestPipeline p = TestPipeline.sourceToTrash()
        .stage(TRASH, "Trash_02", lanes("nowhere"), lanes())
        .stage(EXPRESSION, "Expression_01", lanes(), lanes("x", "y"));

    assertThat(p.verify()).hasSizeGreaterThan(2).isEqualTo(p.verify());
  }

  private static List<String> paths(JsonNode node, String at) {
    List<String> paths = new ArrayList<>();
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        paths.add(at + "/" + e.getKey());
        paths.addAll(paths(e.getValue(), at + "/" + e.getKey()));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        paths.add(at + "/" + i);
        paths.addAll(paths(node.get(i), at + "/" + i));
      }
    }
    return paths;
  }

  private static void replace(ObjectNode root, String path, JsonNode value) {
    int cut = path.lastIndexOf('/');
    JsonNode parent = root.at(path.substring(0, cut));
    String last = path.substring(cut + 1);
    if (parent.isObject()) {
      ((ObjectNode) parent).set(last, value);
    } else {
      ((ArrayNode) parent).set(Integer.parseInt(last), value);
    }
  }
}
