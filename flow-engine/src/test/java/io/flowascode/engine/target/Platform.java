package io.flowascode.engine.target;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.testkit.DefinitionsCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real platform data from the shared directory; tests using it skip when it is absent. */
final class Platform {
  static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode definitions;

  private Platform() {}

  static JsonNode read(String relative) {
    String dir = System.getProperty("flow.shared.dir");
    assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "the shared platform directory is absent");
    Path file = Path.of(dir).resolve(relative);
    assumeTrue(Files.exists(file), "shared file absent: " + relative);
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The reference Data Collector's `/rest/v1/definitions` answer. */
  static synchronized JsonNode definitions() {
    if (definitions == null) {
      definitions = read("platform/definitions/sdc-basic-dev-definitions.json");
    }
    return definitions;
  }

  static Catalog catalog() {
    return DefinitionsCatalog.read(definitions());
  }

  /**
   * A pipeline as the compiler would hand it over: the real one saved in rest-samples 06, without
   * what a store owns (uuid, info, validation results).
   */
  static ObjectNode compiledPipeline(String title) {
    ObjectNode pipeline = (ObjectNode) read("platform/rest-samples/06_update_pipeline.request.json");
    pipeline.remove(List.of("uuid", "info", "issues", "valid", "previewable", "pipelineId"));
    pipeline.put("title", title);
    return pipeline;
  }
}
