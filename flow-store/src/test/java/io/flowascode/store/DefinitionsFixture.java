package io.flowascode.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.compiler.catalog.PlatformDefinitionsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real platform files from the shared directory, and a catalog read from a real
 * `/rest/v1/definitions` answer with just the fields the normaliser uses. Tests skip when the
 * shared directory is absent.
 */
final class DefinitionsFixture {
  static final ObjectMapper JSON = new ObjectMapper();

  private DefinitionsFixture() {}

  static Path shared(String relative) {
    String dir = System.getProperty("flow.shared.dir");
    assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "the shared platform directory is absent");
    Path file = Path.of(dir).resolve(relative);
    assumeTrue(Files.exists(file), "shared file absent: " + relative);
    return file;
  }

  static JsonNode read(String relative) {
    try {
      return JSON.readTree(shared(relative).toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The complete definitions of the reference Data Collector (basic and dev libraries). */
  static Catalog basicDevCatalog() {
    return catalog(read("platform/definitions/sdc-basic-dev-definitions.json"));
  }

  static Catalog catalog(JsonNode definitions) {
    try {
      return PlatformDefinitionsReader.read(definitions);
    } catch (DefinitionsException e) {
      throw new IllegalStateException("the test's definitions cannot be read: " + e.getMessage(), e);
    }
  }
}
