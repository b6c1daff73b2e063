package io.flowascode.compiler.verify;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.compiler.catalog.DefinitionsFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared platform material the tests read: real definitions, examples and corpus pipelines. */
final class SharedFiles {
  static final ObjectMapper JSON = new ObjectMapper();
  private static Catalog basicDev;

  private SharedFiles() {}

  /** The shared directory, skipping the test when it is not there. */
  static Path shared() {
    String dir = System.getProperty("flow.shared.dir");
    Path path = dir == null ? null : Path.of(dir);
    assumeTrue(path != null && Files.isDirectory(path),
        "the shared platform material is not available (system property flow.shared.dir = " + dir + ")");
    return path;
  }

  static Path sharedPath(String relative) {
    Path path = shared().resolve(relative);
    assumeTrue(Files.exists(path), relative + " is not in the shared directory");
    return path;
  }

  /** The catalog from a real Data Collector's basic and dev libraries. */
  static synchronized Catalog basicDevCatalog() {
    if (basicDev == null) {
      try {
        basicDev = DefinitionsFiles.read(sharedPath("platform/definitions/sdc-basic-dev-definitions.json"));
      } catch (DefinitionsException e) {
        throw new IllegalStateException("the shared definitions cannot be read", e);
      }
    }
    return basicDev;
  }

  static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
