package io.flowascode.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered output with a golden file under `src/test/resources/.../plan/golden/`. Run
 * with `-Dflow.golden.update=true` to rewrite the goldens after an intended change, then review
 * the files' diff.
 */
final class Goldens {
  private Goldens() {}

  static void assertMatches(String name, String actual) {
    if (Boolean.getBoolean("flow.golden.update")) {
      Path file = Path.of("src/test/resources/io/flowascode/engine/plan/golden", name);
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    try (InputStream in = Goldens.class.getResourceAsStream("golden/" + name)) {
      assertThat(in).as("golden file %s (create it with -Dflow.golden.update=true)", name).isNotNull();
      String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(actual).as("rendering compared with golden/%s", name).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
