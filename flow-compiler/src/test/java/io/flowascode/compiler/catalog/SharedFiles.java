package io.flowascode.compiler.catalog;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared platform material beside the project, which tests skip without. */
final class SharedFiles {
  private SharedFiles() {}

  /** The shared directory; the calling test is skipped when it is absent. */
  static Path require() {
    String dir = System.getProperty("flow.shared.dir");
    Path shared = dir == null ? null : Path.of(dir).toAbsolutePath().normalize();
    assumeTrue(shared != null && Files.isDirectory(shared.resolve("platform")),
        "shared platform material not found (system property flow.shared.dir=" + dir + "); skipping");
    return shared;
  }

  static Path realDefinitions() {
    return require().resolve("platform/definitions/sdc-basic-dev-definitions.json");
  }

  static Path corpus() {
    return require().resolve("corpus/pipelines");
  }
}
