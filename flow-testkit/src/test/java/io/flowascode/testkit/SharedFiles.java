package io.flowascode.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real platform files from the shared directory; tests using them skip when it is absent. */
final class SharedFiles {
  static final ObjectMapper JSON = new ObjectMapper();

  private SharedFiles() {}

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

  static JsonNode definitions() {
    return read("platform/definitions/sdc-basic-dev-definitions.json");
  }
}
