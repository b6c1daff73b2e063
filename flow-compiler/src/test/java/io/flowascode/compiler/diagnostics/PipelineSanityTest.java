package io.flowascode.compiler.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fuzz run's pipeline check accepts real compiled pipelines and catches broken ones. */
class PipelineSanityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> goldens() throws IOException {
    try (Stream<Path> files = Files.list(FuzzCase.SAMPLES.resolve("expected"))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void everyGoldenPipelinePasses(Path golden) throws IOException {
    assertThat(PipelineSanity.problems(JSON.readTree(golden.toFile()))).isEmpty();
  }

  @Test
  void anUnreadOutputLaneIsCaught() throws IOException {
    ObjectNode p = golden("fan-out.json");
    for (var stage : p.withArray("stages")) {
      ((ObjectNode) stage).putArray("inputLanes");
    }

    assertThat(PipelineSanity.problems(p)).anyMatch(s -> s.contains("is read by no stage"))
        .anyMatch(s -> s.contains("with no input"));
  }

  @Test
  void aSecondOriginAndAnInvalidInstanceNameAreCaught() throws IOException {
    ObjectNode p = golden("fan-out.json");
    ArrayNode stages = p.withArray("stages");
    ObjectNode copy = stages.get(0).deepCopy();
    copy.put("instanceName", "Dev Raw Data Source 2");
    copy.putArray("outputLanes");
    stages.add(copy);

    List<String> problems = PipelineSanity.problems(p);

    assertThat(problems).anyMatch(s -> s.equals("2 origins")).anyMatch(s -> s.contains("is invalid or used twice"));
  }

  @Test
  void aSelectorWhosePredicatesDoNotEndWithDefaultIsCaught() throws IOException {
    ObjectNode p = golden("stream-selector.json");
    for (var stage : p.withArray("stages")) {
      for (var config : stage.path("configuration")) {
        if (config.path("name").asText().equals("lanePredicates")) {
          ((ObjectNode) config.path("value").get(config.path("value").size() - 1)).put("predicate", "${true}");
        }
      }
    }

    assertThat(PipelineSanity.problems(p)).anyMatch(s -> s.contains("is not allowed there"));
  }

  private static ObjectNode golden(String name) throws IOException {
    return (ObjectNode) JSON.readTree(FuzzCase.SAMPLES.resolve("expected").resolve(name).toFile());
  }
}
