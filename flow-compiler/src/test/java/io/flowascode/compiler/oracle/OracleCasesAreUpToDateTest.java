package io.flowascode.compiler.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed generated oracle cases are exactly what {@link OracleCaseGenerator} makes from the
 * bundled catalog. Run with {@code -Dflow.oracle.regenerate=true} to rewrite them instead (then
 * record their verdicts again, see {@link EngineVerdictTest}).
 */
class OracleCasesAreUpToDateTest {
  private static final Path DIR = Path.of(System.getProperty("basedir", ".")).resolve(OracleCaseGenerator.CASES_DIR);

  @Test
  void committedCasesEqualRegeneratedOnes() throws Exception {
    Map<String, String> files = OracleCaseGenerator.bundled().generate();
    if (Boolean.getBoolean("flow.oracle.regenerate")) {
      OracleCaseGenerator.write(files, DIR);
    }
    List<String> committed;
    try (Stream<Path> list = Files.list(DIR)) {
      committed = list.map(p -> p.getFileName().toString()).toList();
    }
    assertThat(committed).containsExactlyInAnyOrderElementsOf(files.keySet());
    for (var f : files.entrySet()) {
      assertThat(Files.readString(DIR.resolve(f.getKey())))
          .as("%s differs from a regenerated one; run this test with -Dflow.oracle.regenerate=true", f.getKey())
          .isEqualTo(f.getValue());
    }
  }
}
