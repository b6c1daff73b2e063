package io.flowascode.store;

import static io.flowascode.store.DefinitionsFixture.JSON;
import static io.flowascode.store.DefinitionsFixture.basicDevCatalog;
import static io.flowascode.store.DefinitionsFixture.shared;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the normaliser over the 90 real pipelines of the corpus. Failures name the file
 * only: corpus values are never printed.
 */
class CorpusNormalizationTest {
  /** Made on first use: without the shared directory the tests skip rather than fail to load. */
  private static StoreNormalizer normalizer;

  private static StoreNormalizer normalizer() {
    if (normalizer == null) {
      normalizer = new StoreNormalizer(basicDevCatalog());
    }
    return normalizer;
  }

  static Stream<Path> corpus() throws IOException {
    Path dir = shared("corpus/pipelines");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
    }
    return files.stream();
  }

  private static ObjectNode pipelineOf(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    return (ObjectNode) (root.has("pipelineConfig") ? root.get("pipelineConfig") : root);
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("corpus")
  void normalizing_twice_changes_nothing_more(Path file) throws IOException {
    ObjectNode once = normalizer().normalize(pipelineOf(file));
    ObjectNode twice = normalizer().normalize(once);
    assertThat(twice.equals(once)).as("idempotent: %s", file.getFileName()).isTrue();
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("corpus")
  void every_stage_is_kept_and_placed_after_its_producers(Path file) throws IOException {
    ObjectNode original = pipelineOf(file);
    ObjectNode normalized = normalizer().normalize(original);

    assertThat(sortedNames(normalized)).as("same stages: %s", file.getFileName()).isEqualTo(sortedNames(original));
    Set<String> producedSoFar = new HashSet<>();
    Set<String> producedAnywhere = new HashSet<>();
    normalized.path("stages").forEach(s -> addLanes(s, producedAnywhere));
    for (JsonNode stage : normalized.path("stages")) {
      for (JsonNode lane : stage.path("inputLanes")) {
        if (producedAnywhere.contains(lane.asText())) {
          assertThat(producedSoFar.contains(lane.asText()))
              .as("%s: an input of stage %s is produced later", file.getFileName(), stage.path("instanceName").asText())
              .isTrue();
        }
      }
      addLanes(stage, producedSoFar);
    }
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("corpus")
  void configs_already_present_keep_their_value_and_position(Path file) throws IOException {
    ObjectNode original = pipelineOf(file);
    ObjectNode normalized = normalizer().normalize(original);
    assertPrefix(original.path("configuration"), normalized.path("configuration"), file);
    for (JsonNode stage : original.path("stages")) {
      JsonNode after = StoreNormalizerTest.stageNamed(normalized, stage.path("instanceName").asText());
      assertPrefix(stage.path("configuration"), after.path("configuration"), file);
    }
  }

  private static void assertPrefix(JsonNode before, JsonNode after, Path file) {
    assertThat(after.size()).as("%s: configs only added", file.getFileName()).isGreaterThanOrEqualTo(before.size());
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i).equals(before.get(i))).as("%s: config %d kept", file.getFileName(), i).isTrue();
    }
  }

  private static void addLanes(JsonNode stage, Set<String> lanes) {
    stage.path("outputLanes").forEach(l -> lanes.add(l.asText()));
    stage.path("eventLanes").forEach(l -> lanes.add(l.asText()));
  }

  private static List<String> sortedNames(JsonNode pipeline) {
    List<String> names = StoreNormalizerTest.instanceNames(pipeline);
    names.sort(null);
    return names;
  }
}
