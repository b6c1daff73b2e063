package io.flowascode.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Over the 90 real pipelines of the shared corpus: what the platform rewrites on its own (stage
 * order, lane names, positions, uuid, info, configs left at defaults) never shows as a change.
 * Failures name the pipeline file and the kind of change only, never config values.
 */
class CorpusSelfDiffTest {
  private final FlowDiffer differ = new FlowDiffer();

  static Stream<String> corpus() throws IOException {
    Optional<Path> dir = TestCatalogs.shared("corpus/pipelines");
    if (dir.isEmpty()) {
      // One placeholder so the skip is reported with its reason rather than as "no tests".
      return Stream.of("");
    }
    try (Stream<Path> files = Files.list(dir.get())) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void shuffledRenamedRepositionedAndSparseCopiesDiffEmpty(String file) {
    Optional<Path> path = TestCatalogs.shared("corpus/pipelines/" + file).filter(p -> !file.isEmpty());
    assumeTrue(path.isPresent(), "shared corpus not found (set flow.shared.dir); skipping");
    Catalog catalog = TestCatalogs.platform().orElse(null);
    JsonNode pipeline = PipelineEdits.pipelineOf(TestCatalogs.readJson(path.get()));

    JsonNode rewritten = PipelineEdits.platformNoise(
        PipelineEdits.renameLanes(PipelineEdits.shuffleStages(pipeline, file.hashCode())));
    assertThat(kinds(differ.diff(pipeline, rewritten, catalog)))
        .as("changes after shuffling stages and renaming lanes in %s", file)
        .isEmpty();

    if (catalog != null) {
      JsonNode sparse = PipelineEdits.withoutDefaults(rewritten, catalog);
      assertThat(kinds(differ.diff(pipeline, sparse, catalog)))
          .as("changes after also dropping configs at their defaults in %s", file)
          .isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void theDiffOfACorpusPipelineFromNothingAddsEachStageAndConnection(String file) {
    Optional<Path> path = TestCatalogs.shared("corpus/pipelines/" + file).filter(p -> !file.isEmpty());
    assumeTrue(path.isPresent(), "shared corpus not found (set flow.shared.dir); skipping");
    JsonNode pipeline = PipelineEdits.pipelineOf(TestCatalogs.readJson(path.get()));
    FlowDiff created = differ.diff(null, pipeline, TestCatalogs.platform().orElse(null));
    assertThat(created.toAdd()).isEqualTo(pipeline.path("stages").size());
    assertThat(created.changes().stream().filter(Change.ConnectionAdded.class::isInstance).count())
        .isEqualTo(Topology.connections(pipeline).size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void oneEditedConfigIsExactlyOneChange(String file) {
    Optional<Path> path = TestCatalogs.shared("corpus/pipelines/" + file).filter(p -> !file.isEmpty());
    assumeTrue(path.isPresent(), "shared corpus not found (set flow.shared.dir); skipping");
    Catalog catalog = TestCatalogs.platform().orElse(null);
    JsonNode pipeline = PipelineEdits.pipelineOf(TestCatalogs.readJson(path.get()));
    // The first scalar config of the first stage (by name) that has one.
    for (JsonNode stage : sortedStages(pipeline)) {
      for (JsonNode config : stage.path("configuration")) {
        if (config.path("value").isValueNode() && !config.path("value").isNull()) {
          var edited = PipelineEdits.pipelineOf(pipeline);
          String instance = stage.path("instanceName").asText();
          String name = config.path("name").asText();
          PipelineEdits.setConfig(PipelineEdits.stage(edited, instance), name,
              com.fasterxml.jackson.databind.node.TextNode.valueOf("edited by a test"));
          assertThat(kinds(differ.diff(pipeline, edited, catalog)))
              .containsExactly("ConfigChanged " + instance + "." + name);
          return;
        }
      }
    }
  }

  private static List<JsonNode> sortedStages(JsonNode pipeline) {
    List<JsonNode> stages = new java.util.ArrayList<>();
    pipeline.path("stages").forEach(stages::add);
    stages.sort(java.util.Comparator.comparing(s -> s.path("instanceName").asText()));
    return stages;
  }

  /** The kinds and subjects of the changes, without values, for a failure message. */
  private static List<String> kinds(FlowDiff diff) {
    return diff.changes().stream().map(CorpusSelfDiffTest::describe).toList();
  }

  private static String describe(Change c) {
    if (c instanceof Change.ConfigChanged cc) {
      return "ConfigChanged " + cc.instance() + "." + cc.config();
    }
    if (c instanceof Change.ServiceConfigChanged sc) {
      return "ServiceConfigChanged " + sc.instance() + "." + sc.config();
    }
    if (c instanceof Change.SettingChanged s) {
      return "SettingChanged " + s.name();
    }
    if (c instanceof Change.ParameterChanged p) {
      return "ParameterChanged " + p.key();
    }
    return c.getClass().getSimpleName();
  }
}
