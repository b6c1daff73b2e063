package io.flowascode.compiler.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed bundled catalog is exactly what {@link CatalogGenerator} makes from the shared
 * platform material. Run with {@code -Dflow.catalog.regenerate=true} to rewrite it instead.
 */
class BundledCatalogIsUpToDateTest {
  private static final Path RESOURCES =
      Path.of(System.getProperty("basedir", ".")).resolve(CatalogGenerator.RESOURCE_DIR);

  @Test
  void committedCatalogEqualsARegeneratedOne() throws Exception {
    Path shared = SharedFiles.require();
    CatalogGenerator.Result result = CatalogGenerator.generate(shared);
    if (Boolean.getBoolean("flow.catalog.regenerate")) {
      CatalogGenerator.write(result, RESOURCES);
      System.out.println(result.summary());
    }
    assertThat(committedFileNames()).containsExactlyInAnyOrderElementsOf(result.files().keySet());
    for (var file : result.files().entrySet()) {
      assertThat(Files.readString(RESOURCES.resolve(file.getKey()), StandardCharsets.UTF_8))
          .as("%s differs from a regenerated one; run this test with -Dflow.catalog.regenerate=true", file.getKey())
          .isEqualTo(file.getValue());
    }
  }

  @Test
  void generatingTwiceGivesTheSameBytes() throws Exception {
    Path shared = SharedFiles.require();
    assertThat(CatalogGenerator.generate(shared).files()).isEqualTo(CatalogGenerator.generate(shared).files());
  }

  private static List<String> committedFileNames() throws IOException {
    assumeTrue(Files.isDirectory(RESOURCES), "bundled catalog sources not found at " + RESOURCES);
    try (Stream<Path> files = Files.list(RESOURCES)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
