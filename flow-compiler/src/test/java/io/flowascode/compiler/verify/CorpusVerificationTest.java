package io.flowascode.compiler.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.compiler.catalog.DefinitionsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The verifier over the real pipelines of the shared corpus. They are mostly valid, so a rule that
 * fires on many of them is more likely a verifier bug than a corpus one. Only codes and counts are
 * printed: the corpus holds configuration values that must not reach logs.
 */
class CorpusVerificationTest {

  @Test
  void verifiesEveryCorpusPipelineWithoutThrowingAndSummarisesTheIssues() throws IOException {
    Path dir = SharedFiles.sharedPath("corpus/pipelines");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();

    Map<String, Integer> issues = new TreeMap<>();
    Map<String, Set<String>> pipelines = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int clean = 0;
    int stages = 0;
    int withoutDefinition = 0;
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        JsonNode root = SharedFiles.readJson(file);
        List<PipelineIssue> found = PipelineVerifier.verify(root, catalogFor(root));
        if (found.stream().noneMatch(PipelineIssue::fatal)) {
          clean++;
        }
        stages += stageCount(PipelineEnvelope.unwrap(root));
        withoutDefinition += (int) found.stream()
            .filter(i -> i.message().endsWith("its definition-based rules were not checked")
                || "CONTAINER_0902".equals(i.platformCode()))
            .count();
        for (PipelineIssue issue : found) {
          String key = key(issue);
          issues.merge(key, 1, Integer::sum);
          pipelines.computeIfAbsent(key, k -> new TreeSet<>()).add(name);
        }
      } catch (RuntimeException e) {
        failures.add(name + ": " + e.getClass().getName());
      }
    }

    StringBuilder table = new StringBuilder("\nverifier over " + files.size() + " corpus pipelines ("
        + clean + " without fatal issues); " + (stages - withoutDefinition) + " of " + stages
        + " stages checked against a catalog definition\n");
    table.append(String.format("%-22s %7s %10s%n", "code", "issues", "pipelines"));
    issues.forEach((code, count) ->
        table.append(String.format("%-22s %7d %10d%n", code, count, pipelines.get(code).size())));
    System.out.println(table);

    assertThat(failures).as("pipelines the verifier threw on").isEmpty();
    // Real pipelines are mostly valid: a rule firing on many of them is more likely wrong itself.
    pipelines.forEach((code, names) -> {
      if (!code.equals("(note)")) {
        assertThat(names.size()).as("pipelines with %s", code).isLessThan(files.size() / 10);
      }
    });
  }

  private static int stageCount(JsonNode pipeline) {
    int count = pipeline.path("stages").size() + pipeline.path("startEventStages").size()
        + pipeline.path("stopEventStages").size();
    for (String single : List.of("errorStage", "statsAggregatorStage", "testOriginStage")) {
      count += pipeline.path(single).isObject() ? 1 : 0;
    }
    return count;
  }

  /** The basic and dev libraries, with the definitions an export carries laid over them. */
  static Catalog catalogFor(JsonNode root) {
    Catalog catalog = SharedFiles.basicDevCatalog();
    JsonNode library = root.get("libraryDefinitions");
    if (library != null && library.isObject()) {
      try {
        catalog = catalog.overlay(DefinitionsFiles.read(library));
      } catch (DefinitionsException e) {
        // An export whose definitions cannot be read is checked against the basic catalog alone.
      }
    }
    return catalog;
  }

  private static String key(PipelineIssue issue) {
    if (issue.platformCode() != null) {
      return issue.platformCode();
    }
    return issue.fatal() ? "(no code)" : "(note)";
  }
}
